//! Parse and validate rule files into [`Rule`]s.
//!
//! Every mistake becomes a [`RuleError`] that names the file, the byte span (rendered as line
//! and column) and the rule id when there is one. All mistakes in a file are reported at once,
//! not only the first.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use toml::Spanned;

use regex::Regex;

use super::compile;
use super::spec::{PackFile, PatternSpec, RuleSpec};
use super::{Example, FixTemplate, Origin, Rule, CATEGORIES};
use crate::error::{Lines, Location};

/// A mistake in a rule pack.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    /// The pack file or folder could not be read.
    #[error("{path}: cannot read rule pack: {source}")]
    Io {
        /// The path as given.
        path: String,
        /// What the OS said.
        source: io::Error,
    },
    /// The file was read but is not a valid pack.
    #[error("{at}: {message}")]
    Invalid {
        /// What is wrong, naming the rule id when there is one.
        message: String,
        /// Where.
        at: Location,
    },
}

impl RuleError {
    fn invalid(path: &str, text: &Arc<str>, span: Range<usize>, message: String) -> RuleError {
        RuleError::Invalid {
            message,
            at: Location::new(path, text, span),
        }
    }
}

/// Accumulates rules from several files, checking ids across all of them.
#[derive(Debug, Default)]
pub(crate) struct Loader {
    rules: Vec<Arc<Rule>>,
    ids: HashMap<String, Origin>,
    errors: Vec<RuleError>,
}

impl Loader {
    /// Parse one file's text and add its rules; mistakes are kept for [`Loader::finish`].
    pub(crate) fn add(&mut self, path: &str, text: &str) {
        let text: Arc<str> = Arc::from(text);
        let pack: PackFile = match toml::from_str(&text) {
            Ok(pack) => pack,
            Err(err) => {
                let span = err.span().unwrap_or(0..0);
                let message = match enclosing_rule_id(&text, span.start) {
                    Some(id) => format!("rule `{id}`: {}", err.message().trim_end()),
                    None => err.message().trim_end().to_owned(),
                };
                self.errors
                    .push(RuleError::invalid(path, &text, span, message));
                return;
            }
        };
        let mut categories: Vec<&str> = CATEGORIES.to_vec();
        for category in &pack.categories {
            if !is_kebab_case(category.get_ref()) {
                self.errors.push(RuleError::invalid(
                    path,
                    &text,
                    category.span(),
                    format!("category `{}` is not kebab-case", category.get_ref()),
                ));
            }
            categories.push(category.get_ref());
        }
        let lines = Lines::new(&text);
        for spec in &pack.rule {
            let file = FileContext {
                path,
                text: &text,
                lines: &lines,
                categories: &categories,
            };
            match compile_rule(&file, spec.get_ref(), spec.span()) {
                Ok(rule) => {
                    if let Some(first) = self.ids.get(&rule.id) {
                        self.errors.push(RuleError::invalid(
                            path,
                            &text,
                            spec.get_ref().id.span(),
                            format!(
                                "duplicate rule id `{}` (first defined at {}:{})",
                                rule.id, first.path, first.line
                            ),
                        ));
                        continue;
                    }
                    self.ids.insert(rule.id.clone(), rule.origin.clone());
                    self.rules.push(Arc::new(rule));
                }
                Err(errors) => self.errors.extend(errors),
            }
        }
    }

    /// Record an I/O error.
    pub(crate) fn add_io_error(&mut self, path: &Path, source: io::Error) {
        self.errors.push(RuleError::Io {
            path: path.display().to_string(),
            source,
        });
    }

    /// How many rules have been added so far.
    pub(crate) fn len(&self) -> usize {
        self.rules.len()
    }

    /// The rules, or every mistake found.
    pub(crate) fn finish(self) -> Result<Vec<Arc<Rule>>, Vec<RuleError>> {
        if self.errors.is_empty() {
            Ok(self.rules)
        } else {
            Err(self.errors)
        }
    }
}

/// Parse one pack file's text. `path` is only used in messages.
pub fn parse_pack(path: &str, text: &str) -> Result<Vec<Arc<Rule>>, Vec<RuleError>> {
    let mut loader = Loader::default();
    loader.add(path, text);
    loader.finish()
}

impl Loader {
    /// Add a pack file, or every `*.toml` file of a pack folder in name order.
    pub(crate) fn load_path(&mut self, path: &Path) {
        if path.is_dir() {
            let entries = match fs::read_dir(path) {
                Ok(entries) => entries,
                Err(err) => return self.add_io_error(path, err),
            };
            let mut files: Vec<_> = entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|p| p.extension().is_some_and(|ext| ext == "toml") && p.is_file())
                .collect();
            files.sort();
            if files.is_empty() {
                let err = io::Error::new(io::ErrorKind::NotFound, "no *.toml rule files in it");
                return self.add_io_error(path, err);
            }
            for file in files {
                self.load_file(&file);
            }
        } else {
            self.load_file(path);
        }
    }

    fn load_file(&mut self, path: &Path) {
        match fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => self.add(&path.display().to_string(), &text),
                Err(err) => self.add_io_error(
                    path,
                    io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("not valid UTF-8 at byte {}", err.utf8_error().valid_up_to()),
                    ),
                ),
            },
            Err(err) => self.add_io_error(path, err),
        }
    }
}

struct FileContext<'a> {
    path: &'a str,
    text: &'a Arc<str>,
    lines: &'a Lines,
    categories: &'a [&'a str],
}

impl FileContext<'_> {
    fn error(&self, span: Range<usize>, id: &str, message: impl std::fmt::Display) -> RuleError {
        RuleError::invalid(
            self.path,
            self.text,
            span,
            format!("rule `{id}`: {message}"),
        )
    }
}

fn compile_rule(
    file: &FileContext<'_>,
    spec: &RuleSpec,
    table: Range<usize>,
) -> Result<Rule, Vec<RuleError>> {
    let id = spec.id.get_ref().as_str();
    let mut errors = Vec::new();
    if !is_kebab_case(id) {
        errors.push(file.error(spec.id.span(), id, "id must be kebab-case (`cure-claim`)"));
    }
    if !file.categories.contains(&spec.category.get_ref().as_str()) {
        errors.push(file.error(
            spec.category.span(),
            id,
            format_args!(
                "unknown category `{}` (declare it with a top-level `categories = [\"{}\"]`, or use one of: {})",
                spec.category.get_ref(),
                spec.category.get_ref(),
                CATEGORIES.join(", ")
            ),
        ));
    }
    if spec.phrases.is_empty() && spec.patterns.is_empty() {
        errors.push(file.error(
            spec.id.span(),
            id,
            "has neither `phrases` nor `patterns`: it can never match",
        ));
    }
    if spec.flag.is_empty() {
        errors.push(file.error(
            spec.id.span(),
            id,
            "has no `flag` examples: add at least one text it must flag",
        ));
    }
    if spec.pass.is_empty() {
        errors.push(file.error(
            spec.id.span(),
            id,
            "has no `pass` examples: add at least one text it must leave alone",
        ));
    }
    for condition in &spec.unless {
        if spec.soften.contains(condition) {
            errors.push(file.error(
                table.clone(),
                id,
                format_args!("condition `{condition}` is listed under both `unless` and `soften`"),
            ));
        }
    }

    let mut matchers = Vec::new();
    for phrase in &spec.phrases {
        match compile::phrase(phrase.get_ref()) {
            Ok(regex) => matchers.push(regex),
            Err(message) => errors.push(file.error(phrase.span(), id, message)),
        }
    }
    let first_pattern = matchers.len();
    let mut matcher_fixes: Vec<Option<FixTemplate>> = vec![None; first_pattern];
    // Patterns that use the rule's own `fix`, and each pattern with its own fix.
    let mut shared = Vec::new();
    let mut own: Vec<(Regex, &Spanned<String>)> = Vec::new();
    for pattern in &spec.patterns {
        let (text, span, fix) = match pattern.get_ref() {
            PatternSpec::Plain(text) => (text.as_str(), pattern.span(), None),
            PatternSpec::WithFix(table) => (
                table.regex.get_ref().as_str(),
                table.regex.span(),
                Some(table.fix.get_ref()),
            ),
        };
        match compile::pattern(text) {
            Ok(regex) => {
                match fix {
                    Some(fix) => own.push((regex.clone(), &fix.replace)),
                    None => shared.push(regex.clone()),
                }
                matchers.push(regex);
                matcher_fixes.push(fix.map(|fix| FixTemplate {
                    replace: fix.replace.get_ref().clone(),
                    applicability: fix.applicability,
                }));
            }
            Err(err) => {
                // In a '…' literal string the pattern's characters are the file's, so the
                // caret can point into the pattern itself.
                let literal = file
                    .text
                    .get(span.start..)
                    .is_some_and(|rest| rest.starts_with('\''));
                let span = match err.offset {
                    Some(chars) if literal => {
                        let start = span.start
                            + 1
                            + text.chars().take(chars).map(char::len_utf8).sum::<usize>();
                        start..start + 1
                    }
                    _ => span,
                };
                errors.push(file.error(span, id, format_args!("invalid regex: {}", err.message)));
            }
        }
    }

    // Every `{name}` in a template must be something every match it can fill from supplies:
    // the message and suggestions serve every pattern, the rule's fix the patterns without their
    // own, a pattern's fix that pattern alone.
    let every = &matchers[first_pattern..];
    let has_phrases = !spec.phrases.is_empty();
    let mut templates: Vec<(&Spanned<String>, &[Regex], bool)> =
        vec![(&spec.message, every, has_phrases)];
    templates.extend(spec.suggest.iter().map(|s| (s, every, has_phrases)));
    if let Some(fix) = &spec.fix {
        templates.push((&fix.get_ref().replace, &shared, has_phrases));
    }
    for (regex, template) in &own {
        templates.push((template, std::slice::from_ref(regex), false));
    }
    for (template, patterns, has_phrases) in templates {
        for name in compile::placeholders(template.get_ref()) {
            if let Some(problem) = compile::missing_capture(name, patterns, has_phrases) {
                errors.push(file.error(
                    template.span(),
                    id,
                    format_args!("`{{{name}}}` {problem}"),
                ));
            }
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    let origin_of = |span: Range<usize>| Origin {
        path: file.path.to_owned(),
        line: file.lines.location(file.text, span.start).0,
    };
    let examples = |list: &[Spanned<String>]| {
        list.iter()
            .map(|example| Example {
                text: example.get_ref().clone(),
                origin: origin_of(example.span()),
            })
            .collect()
    };
    let strings = |list: &[Spanned<String>]| list.iter().map(|s| s.get_ref().clone()).collect();
    Ok(Rule {
        id: id.to_owned(),
        category: spec.category.get_ref().clone(),
        severity: spec.severity,
        message: spec.message.get_ref().clone(),
        why: spec.why.trim().to_owned(),
        references: strings(&spec.references),
        matchers,
        unless: spec.unless.clone(),
        soften: spec.soften.clone(),
        suggest: strings(&spec.suggest),
        fix: spec.fix.as_ref().map(|fix| FixTemplate {
            replace: fix.get_ref().replace.get_ref().clone(),
            applicability: fix.get_ref().applicability,
        }),
        matcher_fixes,
        flag: examples(&spec.flag),
        pass: examples(&spec.pass),
        origin: origin_of(table),
    })
}

/// The `id` of the `[[rule]]` table that contains byte `offset`, read from the raw text: a
/// syntax or type error has no parsed rule to ask, but the user still wants to know which rule.
fn enclosing_rule_id(text: &str, offset: usize) -> Option<&str> {
    // A missing-field error points at the `[[rule]]` header itself, so look just past it.
    let mut end = (offset + "[[rule]]".len()).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let table_start = text[..end].rfind("[[rule]]")?;
    let rest = &text[table_start + "[[rule]]".len()..];
    let table = &rest[..rest.find("[[rule]]").unwrap_or(rest.len())];
    table.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("id")?
            .trim_start()
            .strip_prefix('=')?
            .trim();
        value.strip_prefix('"')?.split('"').next()
    })
}

/// `cure-claim`, `a1-b2`: lowercase ASCII words joined by single hyphens.
pub(crate) fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[rule]]
id = "cure-claim"
category = "cure"
severity = "error"
message = "Claims a cure for {condition}"
why = "No injection cures arthritis."
references = ["https://www.fda.gov/"]
patterns = ['\bcures?\s+(?P<condition>arthritis)\b']
unless = ["negated"]
suggest = ["may ease symptoms of {condition}"]
flag = ["PRP cures arthritis."]
pass = ["PRP does not cure arthritis."]
"#;

    fn errors(text: &str) -> Vec<String> {
        match parse_pack("pack.toml", text) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn loads_a_valid_rule_with_example_lines() {
        let rules = parse_pack("pack.toml", GOOD).expect("valid pack");
        assert_eq!(rules.len(), 1);
        assert_eq!(rules[0].id, "cure-claim");
        assert_eq!(rules[0].origin.line, 2);
        assert_eq!(rules[0].flag[0].origin.line, 12);
        assert_eq!(rules[0].pass[0].text, "PRP does not cure arthritis.");
    }

    /// GOOD with a second shape ("a cure for arthritis") that carries its own fix.
    fn two_shapes(second_fix: &str) -> String {
        GOOD.replace(
            r"patterns = ['\bcures?\s+(?P<condition>arthritis)\b']",
            &format!(
                "patterns = [\n  '\\bcures?\\s+(?P<condition>arthritis)\\b',\n  \
                 {{ regex = '\\ba\\s+cure\\s+for\\s+(?P<what>arthritis)\\b', fix = {{ replace = \"{second_fix}\", applicability = \"unsafe\" }} }},\n]"
            ),
        )
        .replace(
            "suggest = [\"may ease symptoms of {condition}\"]",
            "suggest = [\"may ease symptoms\"]\nfix = { replace = \"may ease symptoms of {condition}\", applicability = \"unsafe\" }",
        )
        .replace("message = \"Claims a cure for {condition}\"", "message = \"Claims a cure\"")
    }

    #[test]
    fn a_pattern_may_carry_its_own_fix_checked_against_its_own_groups() {
        let rules = parse_pack("pack.toml", &two_shapes("a possible treatment for {what}"))
            .expect("valid pack");
        let rule = &rules[0];
        assert_eq!(rule.matchers.len(), 2);
        assert_eq!(
            rule.fix_for(0).map(|f| f.replace.as_str()),
            Some("may ease symptoms of {condition}")
        );
        assert_eq!(
            rule.fix_for(1).map(|f| f.replace.as_str()),
            Some("a possible treatment for {what}")
        );

        // The rule's fix is not checked against the pattern that has its own, but a
        // pattern's fix is checked against that pattern.
        let errors = errors(&two_shapes("a possible treatment for {condition}"));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("`{condition}` is not a capture group of pattern")
                && errors[0].contains("cure\\s+for"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn a_pattern_table_with_an_unknown_key_is_located() {
        let text = two_shapes("x").replace("{ regex =", "{ regx =");
        let errors = errors(&text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("pack.toml:11:5:")
                && errors[0].contains("rule `cure-claim`")
                && errors[0].contains("regx"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn unknown_key_names_line_and_column() {
        let text = GOOD.replace("why =", "whyy = \"x\"\nwhy =");
        let errors = errors(&text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("pack.toml:7:1: rule `cure-claim`: unknown field `whyy`"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn missing_field_is_reported() {
        let text = GOOD.replace("severity = \"error\"\n", "");
        let errors = errors(&text);
        assert!(errors[0].contains("missing field `severity`"), "{errors:?}");
    }

    #[test]
    fn invalid_regex_points_at_the_pattern() {
        let text = GOOD.replace(r"(?P<condition>arthritis)", r"(?P<condition>arthritis");
        let errors = errors(&text);
        assert_eq!(
            errors,
            ["pack.toml:9:25: rule `cure-claim`: invalid regex: unclosed group"]
        );
    }

    #[test]
    fn unknown_capture_in_suggestion_is_an_error() {
        let text = GOOD.replace("may ease symptoms of {condition}", "may ease {symptom}");
        let errors = errors(&text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("`{symptom}`"), "{errors:?}");
        assert!(errors[0].starts_with("pack.toml:11:12:"), "{errors:?}");
    }

    #[test]
    fn duplicate_id_names_the_first_definition() {
        let text = format!("{GOOD}\n{GOOD}");
        let errors = errors(&text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("duplicate rule id `cure-claim` (first defined at pack.toml:2)"),
            "{errors:?}"
        );
    }

    #[test]
    fn unknown_category_and_condition_are_errors() {
        assert!(
            errors(&GOOD.replace("\"cure\"", "\"cures\""))[0].contains("unknown category `cures`")
        );
        let unknown = errors(&GOOD.replace("[\"negated\"]", "[\"negative\"]"));
        assert!(
            unknown[0].contains("unknown variant `negative`"),
            "{unknown:?}"
        );
    }

    #[test]
    fn declared_custom_category_is_accepted() {
        let text = format!(
            "categories = [\"house-style\"]\n{}",
            GOOD.replace("\"cure\"", "\"house-style\"")
        );
        assert!(errors(&text).is_empty());
    }

    #[test]
    fn rule_without_phrases_or_patterns_is_an_error() {
        let text = GOOD
            .replace(r"patterns = ['\bcures?\s+(?P<condition>arthritis)\b']", "")
            .replace("{condition}", "{match}");
        let errors = errors(&text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("neither `phrases` nor `patterns`"),
            "{errors:?}"
        );
    }

    #[test]
    fn named_capture_with_phrases_is_an_error() {
        let text = GOOD.replace(
            "patterns =",
            "phrases = [\"cure for arthritis\"]\npatterns =",
        );
        assert!(
            errors(&text).iter().any(|e| e.contains("phrases")),
            "{:?}",
            errors(&text)
        );
    }

    #[test]
    fn kebab_case_ids() {
        assert!(is_kebab_case("cure-claim"));
        assert!(is_kebab_case("a1"));
        assert!(!is_kebab_case("Cure"));
        assert!(!is_kebab_case("cure--claim"));
        assert!(!is_kebab_case("-cure"));
        assert!(!is_kebab_case("cure_claim"));
    }
}
