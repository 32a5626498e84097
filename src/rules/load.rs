//! Parse and validate rule files into [`Rule`]s.
//!
//! Every mistake becomes a [`RuleError`] that names the file, the byte span (rendered as line
//! and column) and the rule id when there is one. All mistakes in a file are reported at once,
//! not only the first.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use toml::Spanned;

use super::compile;
use super::frame::{self, Mode};
use super::lexicon::{Lexicon, WordClass, WordKind};
use super::spec::{FrameSpec, PackFile, PatternSpec, RuleSpec};
use super::{Example, FixTemplate, Matcher, Origin, Rule, RuleSet, Shape, ShapeKind, CATEGORIES};
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

/// Accumulates pack files, then compiles their rules against the word classes of all of them
/// (a user pack may extend a built-in class, and a rule may use a class another file defines),
/// checking ids across every file.
#[derive(Debug, Default)]
pub(crate) struct Loader {
    files: Vec<PackText>,
    errors: Vec<RuleError>,
}

/// One parsed pack file, kept with its text for error locations.
#[derive(Debug)]
struct PackText {
    path: String,
    /// A file of the default pack: its patterns compile on first use (see `matcher.rs`).
    builtin: bool,
    text: Arc<str>,
    pack: PackFile,
}

impl Loader {
    /// Parse one file's text and keep it for [`Loader::finish`]; mistakes are kept too.
    pub(crate) fn add(&mut self, path: &str, text: &str) {
        self.add_file(path, text, false);
    }

    /// [`Loader::add`] for a file of the default pack, whose patterns `cargo test` has
    /// compiled and run: they are compiled on first use instead of at load.
    pub(crate) fn add_builtin(&mut self, path: &str, text: &str) {
        self.add_file(path, text, true);
    }

    fn add_file(&mut self, path: &str, text: &str, builtin: bool) {
        let text: Arc<str> = Arc::from(text);
        match toml::from_str::<PackFile>(&text) {
            // A pack path that points at the wrong file (an empty draft, a config file's
            // sibling) would otherwise load silently and check nothing.
            Ok(pack)
                if pack.rule.is_empty()
                    && pack.class.is_empty()
                    && pack.extend_class.is_empty() =>
            {
                self.errors.push(RuleError::invalid(
                    path,
                    &text,
                    0..0,
                    "defines no rules or word classes: a pack needs a `[[rule]]`, `[class.NAME]` or `[extend-class.NAME]` table (is this the right file?)".to_owned(),
                ));
            }
            Ok(pack) => self.files.push(PackText {
                path: path.to_owned(),
                builtin,
                text,
                pack,
            }),
            Err(err) => {
                let span = err.span().unwrap_or(0..0);
                let message = match enclosing_rule_id(&text, span.start) {
                    Some(id) => format!("rule `{id}`: {}", err.message().trim_end()),
                    None => err.message().trim_end().to_owned(),
                };
                self.errors
                    .push(RuleError::invalid(path, &text, span, message));
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
        self.files.iter().map(|file| file.pack.rule.len()).sum()
    }

    /// The rules, or every mistake found.
    pub(crate) fn finish(self) -> Result<Vec<Arc<Rule>>, Vec<RuleError>> {
        self.finish_set().map(|set| set.rules().to_vec())
    }

    /// The rules with the lexicon they were compiled with, or every mistake found.
    pub(crate) fn finish_set(mut self) -> Result<RuleSet, Vec<RuleError>> {
        let lexicon = Arc::new(self.lexicon());
        let mut contexts = Vec::with_capacity(self.files.len());
        for file in &self.files {
            let mut categories: Vec<&str> = CATEGORIES.to_vec();
            for category in &file.pack.categories {
                if !is_kebab_case(category.get_ref()) {
                    self.errors.push(RuleError::invalid(
                        &file.path,
                        &file.text,
                        category.span(),
                        format!("category `{}` is not kebab-case", category.get_ref()),
                    ));
                }
                categories.push(category.get_ref());
            }
            contexts.push((Lines::new(&file.text), categories));
        }
        // Compiling the regexes is most of start-up: rules compile in parallel, and are then
        // checked for duplicate ids in load order, so messages do not depend on scheduling.
        let tables: Vec<(usize, &Spanned<RuleSpec>)> = self
            .files
            .iter()
            .enumerate()
            .flat_map(|(index, file)| file.pack.rule.iter().map(move |spec| (index, spec)))
            .collect();
        let compiled: Vec<Result<Rule, Vec<RuleError>>> = tables
            .par_iter()
            .map(|&(index, spec)| {
                let file = &self.files[index];
                let (lines, categories) = &contexts[index];
                let context = FileContext {
                    path: &file.path,
                    text: &file.text,
                    lines,
                    categories,
                    lexicon: &lexicon,
                    lazy: file.builtin,
                };
                compile_rule(&context, spec.get_ref(), spec.span())
            })
            .collect();
        let mut rules: Vec<Arc<Rule>> = Vec::new();
        let mut ids: HashMap<String, Origin> = HashMap::new();
        for (&(index, spec), result) in tables.iter().zip(compiled) {
            match result {
                Ok(rule) => {
                    if let Some(first) = ids.get(&rule.id) {
                        let file = &self.files[index];
                        self.errors.push(RuleError::invalid(
                            &file.path,
                            &file.text,
                            spec.get_ref().id.span(),
                            format!(
                                "duplicate rule id `{}` (first defined at {}:{})",
                                rule.id, first.path, first.line
                            ),
                        ));
                        continue;
                    }
                    ids.insert(rule.id.clone(), rule.origin.clone());
                    rules.push(Arc::new(rule));
                }
                Err(errors) => self.errors.extend(errors),
            }
        }
        if self.errors.is_empty() {
            Ok(RuleSet::with_lexicon(rules, lexicon))
        } else {
            Err(self.errors)
        }
    }

    /// Every file's `[class.*]` tables, then every `[extend-class.*]` table, in load order, so
    /// that an extension may come before or after the file that defines its class.
    fn lexicon(&mut self) -> Lexicon {
        struct Draft<'a> {
            kind: WordKind,
            description: &'a str,
            lemmas: Vec<String>,
            irregular: BTreeMap<String, Vec<String>>,
            origins: Vec<String>,
        }
        let mut drafts: BTreeMap<&str, Draft<'_>> = BTreeMap::new();
        let mut errors = Vec::new();
        for file in &self.files {
            let lines = Lines::new(&file.text);
            let origin = |span: Range<usize>| {
                format!("{}:{}", file.path, lines.location(&file.text, span.start).0)
            };
            for (name, spec) in &file.pack.class {
                let at = |message: String| {
                    RuleError::invalid(&file.path, &file.text, spec.span(), message)
                };
                if !is_kebab_case(name) {
                    errors.push(at(format!(
                        "class `{name}`: name must be kebab-case (`repair-verb`)"
                    )));
                    continue;
                }
                if name == "gap" {
                    errors.push(at(
                        "class `gap`: the name is reserved for `{gap:M-N}`".to_owned()
                    ));
                    continue;
                }
                if let Some(first) = drafts.get(name.as_str()) {
                    errors.push(at(format!(
                        "class `{name}` is already defined at {}; add words to it with `[extend-class.{name}]`",
                        first.origins[0]
                    )));
                    continue;
                }
                let defined_at = origin(spec.span());
                let spec = spec.get_ref();
                errors.extend(check_words(file, name, &spec.words, &spec.irregular));
                if spec.words.is_empty() {
                    errors.push(at(format!(
                        "class `{name}` has no words: it would match nothing"
                    )));
                }
                drafts.insert(
                    name,
                    Draft {
                        kind: spec.kind,
                        description: &spec.description,
                        lemmas: spec
                            .words
                            .iter()
                            .map(|w| w.get_ref().trim().to_owned())
                            .collect(),
                        irregular: lowercase_keys(&spec.irregular),
                        origins: vec![defined_at],
                    },
                );
            }
        }
        for file in &self.files {
            let lines = Lines::new(&file.text);
            for (name, spec) in &file.pack.extend_class {
                let Some(draft) = drafts.get_mut(name.as_str()) else {
                    let known: Vec<&str> = self
                        .files
                        .iter()
                        .flat_map(|f| f.pack.class.keys().map(String::as_str))
                        .collect();
                    errors.push(RuleError::invalid(
                        &file.path,
                        &file.text,
                        spec.span(),
                        format!(
                            "`[extend-class.{name}]`: no class `{name}` is defined{}",
                            frame::did_you_mean(name, &known)
                        ),
                    ));
                    continue;
                };
                let extension = spec.get_ref();
                errors.extend(check_words(
                    file,
                    name,
                    &extension.words,
                    &extension.irregular,
                ));
                draft.lemmas.extend(
                    extension
                        .words
                        .iter()
                        .map(|w| w.get_ref().trim().to_owned()),
                );
                draft.irregular.extend(lowercase_keys(&extension.irregular));
                draft.origins.push(format!(
                    "{}:{}",
                    file.path,
                    lines.location(&file.text, spec.span().start).0
                ));
            }
        }
        self.errors.extend(errors);
        Lexicon::new(drafts.into_iter().map(|(name, draft)| {
            let mut class = WordClass::new(
                name,
                draft.description,
                draft.kind,
                draft.lemmas,
                &draft.irregular,
            );
            class.origins = draft.origins;
            class
        }))
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

/// Each word of a class: letters, digits, spaces, hyphens, apostrophes and periods, starting
/// with a letter or digit and ending with one or `%` (so that the class is word-bounded); each
/// irregular entry keyed by one of the words.
fn check_words(
    file: &PackText,
    class: &str,
    words: &[Spanned<String>],
    irregular: &BTreeMap<String, Vec<String>>,
) -> Vec<RuleError> {
    let mut errors = Vec::new();
    let is_edge = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for word in words {
        let text = word.get_ref().trim();
        let allowed = text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '.' | '%'));
        let last = text.chars().last();
        if !allowed || !is_edge(text.chars().next()) || !(is_edge(last) || last == Some('%')) {
            errors.push(RuleError::invalid(
                &file.path,
                &file.text,
                word.span(),
                format!(
                    "class `{class}`: word `{text}` must be letters, digits, spaces, hyphens, apostrophes, periods or `%`, starting with a letter or digit and ending with one or `%` (a class entry is a word, not a regex)"
                ),
            ));
        }
    }
    let lemmas: Vec<String> = words
        .iter()
        .map(|w| w.get_ref().trim().to_lowercase())
        .collect();
    for lemma in irregular.keys() {
        if !lemmas.contains(&lemma.trim().to_lowercase()) {
            let span = words.first().map_or(0..0, Spanned::span);
            errors.push(RuleError::invalid(
                &file.path,
                &file.text,
                span,
                format!(
                    "class `{class}`: `irregular` lists `{lemma}`, which is not one of its words"
                ),
            ));
        }
    }
    errors
}

fn lowercase_keys(table: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<String>> {
    table
        .iter()
        .map(|(lemma, forms)| (lemma.trim().to_lowercase(), forms.clone()))
        .collect()
}

struct FileContext<'a> {
    path: &'a str,
    text: &'a Arc<str>,
    lines: &'a Lines,
    categories: &'a [&'a str],
    lexicon: &'a Lexicon,
    /// Compile patterns on first use (the default pack) rather than now.
    lazy: bool,
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
    if spec.phrases.is_empty() && spec.patterns.is_empty() && spec.frames.is_empty() {
        errors.push(file.error(
            spec.id.span(),
            id,
            "has no `phrases`, `patterns` or `frames`: it can never match",
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
    let mut shapes = Vec::new();
    for phrase in &spec.phrases {
        match compile::phrase(phrase.get_ref(), file.lazy) {
            Ok(regex) => {
                matchers.push(regex);
                shapes.push(Shape {
                    kind: ShapeKind::Phrase,
                    text: phrase.get_ref().clone(),
                    classes: Vec::new(),
                    gaps: Vec::new(),
                });
            }
            Err(message) => errors.push(file.error(phrase.span(), id, message)),
        }
    }
    let first_pattern = matchers.len();
    let mut matcher_fixes: Vec<Option<FixTemplate>> = vec![None; first_pattern];
    // Patterns and frames, each with its own fix or none.
    let written = spec
        .patterns
        .iter()
        .map(|pattern| match pattern.get_ref() {
            PatternSpec::Plain(text) => (ShapeKind::Pattern, text, pattern.span(), None),
            PatternSpec::WithFix(table) => (
                ShapeKind::Pattern,
                table.regex.get_ref(),
                table.regex.span(),
                Some(table.fix.get_ref()),
            ),
        })
        .chain(spec.frames.iter().map(|entry| match entry.get_ref() {
            FrameSpec::Plain(text) => (ShapeKind::Frame, text, entry.span(), None),
            FrameSpec::WithFix(table) => (
                ShapeKind::Frame,
                table.frame.get_ref(),
                table.frame.span(),
                Some(table.fix.get_ref()),
            ),
        }));
    // Which matchers use the rule's own `fix` (by index), and each one with its own fix.
    let mut shared = Vec::new();
    let mut own: Vec<(usize, &Spanned<String>)> = Vec::new();
    for (kind, text, span, fix) in written {
        let mode = match kind {
            ShapeKind::Frame => Mode::Frame,
            _ => Mode::Pattern,
        };
        match compile::expanded(text, mode, file.lexicon, file.lazy) {
            Ok((regex, classes)) => {
                match fix {
                    Some(fix) => own.push((matchers.len(), &fix.replace)),
                    None => shared.push(matchers.len()),
                }
                let gaps = regex
                    .capture_names()
                    .enumerate()
                    .filter(|(_, name)| name.is_some_and(|n| n.starts_with(frame::GAP_GROUP)))
                    .map(|(index, _)| index)
                    .collect();
                matchers.push(regex);
                shapes.push(Shape {
                    kind,
                    text: text.clone(),
                    classes,
                    gaps,
                });
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
                        start..start + err.len.max(1)
                    }
                    _ => span,
                };
                let what = match kind {
                    ShapeKind::Frame => "invalid frame",
                    _ => "invalid regex",
                };
                errors.push(file.error(span, id, format_args!("{what}: {}", err.message)));
            }
        }
    }

    // Every `{name}` in a template must be something every match it can fill from supplies:
    // the message and suggestions serve every pattern, the rule's fix the patterns without their
    // own, a pattern's fix that pattern alone.
    let every: Vec<usize> = (first_pattern..matchers.len()).collect();
    let has_phrases = !spec.phrases.is_empty();
    let mut templates: Vec<(&str, &Spanned<String>, &[usize], bool)> =
        vec![("`message`", &spec.message, &every, has_phrases)];
    templates.extend(
        spec.suggest
            .iter()
            .map(|s| ("`suggest`", s, every.as_slice(), has_phrases)),
    );
    if let Some(fix) = &spec.fix {
        templates.push(("`fix`", &fix.get_ref().replace, &shared, has_phrases));
    }
    for (index, template) in &own {
        templates.push((
            "the pattern's `fix`",
            template,
            std::slice::from_ref(index),
            false,
        ));
    }
    for (field, template, indices, has_phrases) in templates {
        if let Err(err) = compile::parse_template(template.get_ref()) {
            // "unclosed `{`: write …" becomes "unclosed `{` in `fix`: write …".
            let message = match err.message.split_once(": ") {
                Some((what, help)) => format!("{what} in {field}: {help}"),
                None => format!("{} in {field}", err.message),
            };
            let span = value_span(file.text, template, err.start..err.end);
            errors.push(file.error(span, id, message));
            continue;
        }
        let patterns: Vec<(&Matcher, &str)> = indices
            .iter()
            .map(|&i| (&matchers[i], shapes[i].text.as_str()))
            .collect();
        for name in compile::placeholders(template.get_ref()) {
            if let Some(problem) = compile::missing_capture(name, &patterns, has_phrases) {
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
        shapes,
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

/// The file span of bytes `range` of a string value, so that a caret can point at a character
/// inside the string. Escapes are decoded while walking the written string; if the written text
/// does not spell the value (which should not happen), the whole string is the span.
pub(crate) fn value_span(text: &str, value: &Spanned<String>, range: Range<usize>) -> Range<usize> {
    let whole = value.span();
    let Some(written) = text.get(whole.clone()) else {
        return whole;
    };
    match (
        written_offset(written, value.get_ref(), range.start),
        written_offset(written, value.get_ref(), range.end),
    ) {
        (Some(start), Some(end)) => whole.start + start..whole.start + end.max(start + 1),
        _ => whole,
    }
}

/// The byte offset in `written` (a TOML string as it appears in the file, quotes included) of
/// byte `offset` of its decoded `value`.
fn written_offset(written: &str, value: &str, offset: usize) -> Option<usize> {
    let (quote, basic) = if written.starts_with(r#"""""#) {
        (r#"""""#, true)
    } else if written.starts_with("'''") {
        ("'''", false)
    } else if written.starts_with('"') {
        ("\"", true)
    } else if written.starts_with('\'') {
        ("'", false)
    } else {
        return None;
    };
    let mut at = quote.len();
    if quote.len() == 3 {
        // A newline right after the opening delimiter is not part of the value.
        if written[at..].starts_with("\r\n") {
            at += 2;
        } else if written[at..].starts_with('\n') {
            at += 1;
        }
    }
    let mut decoded = 0;
    while decoded < offset {
        let rest = written.get(at..)?;
        let expected = value.get(decoded..)?.chars().next()?;
        if basic && rest.starts_with('\\') {
            let len = match rest[1..].chars().next()? {
                'u' => 6,
                'U' => 10,
                'x' => 4,
                // A line-ending backslash: the newline and the whitespace after it vanish.
                ' ' | '\t' | '\r' | '\n' => {
                    let trimmed = rest[1..].trim_start_matches([' ', '\t', '\r', '\n']);
                    at += rest.len() - trimmed.len();
                    continue;
                }
                _ => 2,
            };
            at += len;
            decoded += expected.len_utf8();
            continue;
        }
        let c = rest.chars().next()?;
        if c != expected {
            return None;
        }
        at += c.len_utf8();
        decoded += c.len_utf8();
    }
    (decoded == offset).then_some(at)
}

/// The `id` of the `[[rule]]` table that contains byte `offset`, read from the raw text: a
/// syntax or type error has no parsed rule to ask, but the user still wants to know which rule.
fn enclosing_rule_id(text: &str, offset: usize) -> Option<&str> {
    // A missing-field error points at the `[[rule]]` header itself, so look just past it.
    let end = crate::text::floor_char_boundary(text, offset + "[[rule]]".len());
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
    fn a_stray_brace_in_a_template_points_at_the_brace() {
        let text = GOOD.replace("may ease symptoms of {condition}", "may ease {rest");
        assert_eq!(
            errors(&text),
            ["pack.toml:11:22: rule `cure-claim`: unclosed `{` in `suggest`: write `{{` for a literal brace"]
        );
        // An escape before the brace is one character of the value but two of the file.
        let text = GOOD.replace("Claims a cure for {condition}", r#"Claims a \"cure\" }"#);
        assert_eq!(
            errors(&text),
            ["pack.toml:6:30: rule `cure-claim`: unmatched `}` in `message`: write `}}` for a literal brace"]
        );
        let text = GOOD.replace(
            "may ease symptoms of {condition}",
            "may ease {{rest}} of {condition}",
        );
        assert!(errors(&text).is_empty(), "{:?}", errors(&text));
    }

    #[test]
    fn written_offsets_follow_escapes_and_multiline_strings() {
        assert_eq!(written_offset("'a{'", "a{", 1), Some(2));
        assert_eq!(written_offset(r#""\u00e9{""#, "é{", 2), Some(7));
        assert_eq!(written_offset(r#""\t{""#, "\t{", 1), Some(3));
        assert_eq!(written_offset("'''\nab{'''", "ab{", 2), Some(6));
        assert_eq!(
            written_offset("\"\"\"\na \\\n   b{\"\"\"", "a b{", 3),
            Some(12)
        );
        assert_eq!(written_offset("'ab'", "xy", 1), None);
    }

    #[test]
    fn a_pack_that_defines_nothing_is_an_error() {
        for text in ["", "# to do\n", "categories = [\"house-style\"]\n"] {
            let errors = errors(text);
            assert_eq!(errors.len(), 1, "{text:?}: {errors:?}");
            assert!(
                errors[0].starts_with("pack.toml:1:1: defines no rules or word classes"),
                "{}",
                errors[0]
            );
        }
        let classes_only = FRAMED[..FRAMED.find("[[rule]]").unwrap()].to_owned();
        assert!(errors(&classes_only).is_empty());
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
            errors[0].contains("has no `phrases`, `patterns` or `frames`"),
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

    /// A pack with its own class and a rule whose frame uses it.
    const FRAMED: &str = r#"
[class.joint-part]
kind = "noun"
description = "parts of the knee"
words = ["meniscus", "kneecap"]
irregular = { meniscus = ["menisci"] }

[[rule]]
id = "regrow-part"
category = "regeneration"
severity = "warning"
message = "Says the injection regrows the {joint-part}"
why = "No injection has been shown to regrow knee structures."
references = ["https://www.fda.gov/"]
frames = ['regrows? {gap:0-2} {joint-part}']
flag = ["It regrows the torn menisci."]
pass = ["It does not regrow the meniscus."]
"#;

    #[test]
    fn a_frame_compiles_with_the_packs_own_class_and_fills_its_slot() {
        let rules = parse_pack("pack.toml", FRAMED).expect("valid pack");
        let rule = &rules[0];
        assert_eq!(rule.shapes[0].kind, crate::rules::ShapeKind::Frame);
        assert_eq!(rule.shapes[0].classes, ["joint-part"]);
        let caps = rule.matchers[0]
            .captures("It regrows the torn menisci.")
            .expect("matches");
        assert_eq!(caps.name("joint_part").map(|g| g.as_str()), Some("menisci"));
        assert_eq!(
            compile::interpolate(&rule.message, &caps),
            "Says the injection regrows the menisci"
        );
    }

    #[test]
    fn an_unknown_class_is_located_with_a_suggestion() {
        let errors = errors(&FRAMED.replace("{gap:0-2} {joint-part}", "{gap:0-2} {joint-prat}"));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("pack.toml:15:31: rule `regrow-part`: invalid frame: unknown word class `joint-prat` (did you mean `{joint-part}`?)"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn a_malformed_gap_is_located() {
        let errors = errors(&FRAMED.replace("{gap:0-2}", "{gap:2}"));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with(
                "pack.toml:15:21: rule `regrow-part`: invalid frame: malformed gap `{gap:2}`"
            ),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn a_regex_error_after_expansion_points_at_the_written_pattern() {
        let errors = errors(&FRAMED.replace("{joint-part}']", "{joint-part} (x']"));
        assert_eq!(errors.len(), 1, "{errors:?}");
        // The caret is on the user's `(`, not somewhere in the expanded class.
        assert!(
            errors[0]
                .starts_with("pack.toml:15:44: rule `regrow-part`: invalid frame: unclosed group"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn an_empty_class_and_a_bad_word_are_errors() {
        let empty = errors(
            &FRAMED
                .replace(r#"words = ["meniscus", "kneecap"]"#, "words = []")
                .replace("irregular = { meniscus = [\"menisci\"] }\n", ""),
        );
        assert!(
            empty
                .iter()
                .any(|e| e.contains("class `joint-part` has no words: it would match nothing")),
            "{empty:?}"
        );
        let bad_word = errors(&FRAMED.replace(r#""kneecap""#, r#""knee(cap)?""#));
        assert_eq!(bad_word.len(), 1, "{bad_word:?}");
        assert!(
            bad_word[0]
                .starts_with("pack.toml:5:22: class `joint-part`: word `knee(cap)?` must be"),
            "{}",
            bad_word[0]
        );
    }

    #[test]
    fn classes_are_defined_once_and_extended_by_name() {
        let mut loader = Loader::default();
        loader.add("pack.toml", FRAMED);
        loader.add(
            "more.toml",
            "[class.joint-part]\nkind = \"noun\"\ndescription = \"x\"\nwords = [\"patella\"]\n",
        );
        let defined_twice: Vec<String> = loader
            .finish()
            .expect_err("defined twice")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            defined_twice.iter().any(|e| e.contains("class `joint-part` is already defined at pack.toml:2; add words to it with `[extend-class.joint-part]`")),
            "{defined_twice:?}"
        );

        let extended = format!("{FRAMED}\n[extend-class.joint-part]\nwords = [\"patella\"]\n")
            .replace("pass = [", "flag = [\"It regrows the patella.\"]\npass = [")
            .replace("flag = [\"It regrows the torn menisci.\"]\n", "");
        let rules = parse_pack("pack.toml", &extended).expect("valid pack");
        assert!(rules[0].matchers[0].is_match("It regrows the patella."));

        let unknown = errors(&format!(
            "{FRAMED}\n[extend-class.joint-prat]\nwords = [\"x\"]\n"
        ));
        assert_eq!(unknown.len(), 1, "{unknown:?}");
        assert!(
            unknown[0].contains("`[extend-class.joint-prat]`: no class `joint-prat` is defined (did you mean `{joint-part}`?)"),
            "{unknown:?}"
        );
    }

    #[test]
    fn irregular_forms_must_belong_to_a_word() {
        let errors = errors(&FRAMED.replace("{ meniscus =", "{ menicsus ="));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("`irregular` lists `menicsus`, which is not one of its words"),
            "{errors:?}"
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
