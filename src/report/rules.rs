//! Rendering rules themselves: `overclaim rules`, `overclaim explain`, `overclaim test-rules`.

use std::io;

use codespan_reporting::term::termcolor::{Color, ColorSpec, WriteColor};
use serde::Serialize;

use super::first_sentence;
use crate::rules::{describe_shape, Lexicon, Rule, RuleSet, ShapeKind, WordClass};
use crate::selftest::ExampleFailure;

/// An aligned table: id, category, severity, first sentence of `why`.
pub fn render_rule_table(rules: &RuleSet, out: &mut dyn WriteColor) -> io::Result<()> {
    let width = |f: fn(&Rule) -> usize| rules.rules().iter().map(|r| f(r)).max().unwrap_or(0);
    let id_width = width(|r| r.id.len()).max(2);
    let category_width = width(|r| r.category.len()).max(8);
    out.set_color(ColorSpec::new().set_bold(true))?;
    writeln!(
        out,
        "{:id_width$}  {:category_width$}  {:8}  SUMMARY",
        "ID", "CATEGORY", "SEVERITY"
    )?;
    out.reset()?;
    for rule in rules.rules() {
        writeln!(
            out,
            "{:id_width$}  {:category_width$}  {:8}  {}",
            rule.id,
            rule.category,
            rule.severity.as_str(),
            first_sentence(&rule.why)
        )?;
    }
    writeln!(
        out,
        "\n{} rules. `overclaim explain ID` shows one in full.",
        rules.rules().len()
    )
}

#[derive(Serialize)]
struct RuleEntry<'a> {
    id: &'a str,
    category: &'a str,
    severity: &'static str,
    message: &'a str,
    why: &'a str,
    references: &'a [String],
    unless: Vec<&'static str>,
    soften: Vec<&'static str>,
    suggest: &'a [String],
    fix: Option<FixEntry<'a>>,
    /// Rewrites that single patterns carry for their own shape of the claim.
    pattern_fixes: Vec<FixEntry<'a>>,
    source: String,
}

#[derive(Serialize)]
struct FixEntry<'a> {
    replace: &'a str,
    applicability: &'static str,
}

impl<'a> From<&'a crate::rules::FixTemplate> for FixEntry<'a> {
    fn from(fix: &'a crate::rules::FixTemplate) -> Self {
        FixEntry {
            replace: &fix.replace,
            applicability: fix.applicability.as_str(),
        }
    }
}

/// A JSON array with one object per rule.
pub fn render_rule_json(rules: &RuleSet, out: &mut dyn WriteColor) -> io::Result<()> {
    let entries: Vec<RuleEntry<'_>> = rules
        .rules()
        .iter()
        .map(|rule| RuleEntry {
            id: &rule.id,
            category: &rule.category,
            severity: rule.severity.as_str(),
            message: &rule.message,
            why: &rule.why,
            references: &rule.references,
            unless: rule.unless.iter().map(|c| c.as_str()).collect(),
            soften: rule.soften.iter().map(|c| c.as_str()).collect(),
            suggest: &rule.suggest,
            fix: rule.fix.as_ref().map(FixEntry::from),
            pattern_fixes: rule
                .matcher_fixes
                .iter()
                .flatten()
                .map(FixEntry::from)
                .collect(),
            source: format!("{}:{}", rule.origin.path, rule.origin.line),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &entries).map_err(super::json_error)?;
    writeln!(out)
}

/// Every matcher's compiled regex, one per line, in rule order (phrases, patterns, then frames
/// after class and gap expansion), for `rg -i -f FILE`: the source the regex crate compiles
/// (ripgrep shares its syntax; matchers are case-insensitive, hence `-i`), with each named
/// group made a plain group. A pattern file is matched as one alternation of its lines, where
/// two rules' groups of one name would be an error; the groups only fill in messages and fixes,
/// so matching is the same. Nothing else is printed.
pub fn render_rule_patterns(rules: &RuleSet, out: &mut dyn WriteColor) -> io::Result<()> {
    for rule in rules.rules() {
        for matcher in &rule.matchers {
            writeln!(out, "{}", without_group_names(matcher.as_str()))?;
        }
    }
    Ok(())
}

/// `source` with every `(?P<name>…)` and `(?<name>…)` as `(?:…)`, printed back from its
/// syntax tree (so escapes and classes are untouched). A source that does not parse, which a
/// compiled regex's cannot, is returned as it is.
fn without_group_names(source: &str) -> String {
    use regex_syntax::ast::{self, Ast, GroupKind};

    fn strip(ast: &mut Ast) {
        match ast {
            Ast::Group(group) => {
                if let GroupKind::CaptureName { .. } = group.kind {
                    group.kind = GroupKind::NonCapturing(ast::Flags {
                        span: group.span,
                        items: Vec::new(),
                    });
                }
                strip(&mut group.ast);
            }
            Ast::Repetition(repetition) => strip(&mut repetition.ast),
            Ast::Alternation(alternation) => alternation.asts.iter_mut().for_each(strip),
            Ast::Concat(concat) => concat.asts.iter_mut().for_each(strip),
            _ => {}
        }
    }

    let Ok(mut tree) = ast::parse::Parser::new().parse(source) else {
        return source.to_owned();
    };
    strip(&mut tree);
    let mut printed = String::new();
    match ast::print::Printer::new().print(&tree, &mut printed) {
        Ok(()) => printed,
        Err(_) => source.to_owned(),
    }
}

fn heading(out: &mut dyn WriteColor, text: &str) -> io::Result<()> {
    out.set_color(ColorSpec::new().set_bold(true))?;
    writeln!(out, "{text}")?;
    out.reset()
}

/// `overclaim explain` for a finding about suppression directives (`unused-suppression`, …).
pub fn render_meta_rule(
    rule: &crate::suppress::MetaRule,
    out: &mut dyn WriteColor,
) -> io::Result<()> {
    heading(
        out,
        &format!(
            "{} ({}, {})",
            rule.id,
            crate::suppress::CATEGORY,
            rule.severity
        ),
    )?;
    writeln!(
        out,
        "Reported by overclaim itself about inline directives, not by a rule pack.\n"
    )?;
    heading(out, "Message")?;
    writeln!(out, "{}\n", rule.summary)?;
    heading(out, "Why")?;
    writeln!(out, "{}\n", rule.why)?;
    writeln!(
        out,
        "Turn it off with `--ignore {}` (or `ignore = [\"{}\"]` in overclaim.toml).",
        rule.id, rule.id
    )
}

/// Everything about one rule, like `ruff rule`.
pub fn render_rule(rule: &Rule, lexicon: &Lexicon, out: &mut dyn WriteColor) -> io::Result<()> {
    heading(
        out,
        &format!("{} ({}, {})", rule.id, rule.category, rule.severity),
    )?;
    writeln!(
        out,
        "Defined at {}:{}\n",
        rule.origin.path, rule.origin.line
    )?;
    heading(out, "Message")?;
    writeln!(out, "{}\n", rule.message)?;
    heading(out, "Why")?;
    writeln!(out, "{}\n", rule.why)?;
    heading(out, "Matches")?;
    for shape in &rule.shapes {
        match shape.kind {
            ShapeKind::Frame => writeln!(out, "- frame: {}", describe_shape(&shape.text))?,
            kind => writeln!(out, "- {}: {}", kind.as_str(), shape.text)?,
        }
    }
    let mut classes: Vec<&str> = rule
        .shapes
        .iter()
        .flat_map(|shape| shape.classes.iter().map(String::as_str))
        .collect();
    classes.sort_unstable();
    classes.dedup();
    if !classes.is_empty() {
        writeln!(
            out,
            "Word classes (`overclaim lexicon CLASS` lists every form):"
        )?;
    }
    for class in classes {
        // A class the rule compiled with is in the set's lexicon unless the set was built
        // without one (`RuleSet::new`).
        match lexicon.get(class).map(class_summary) {
            Some(entry) => writeln!(out, "- {class}: {entry}")?,
            None => writeln!(out, "- {class}")?,
        }
    }
    writeln!(out)?;
    heading(out, "Context")?;
    let list = |conditions: &[crate::rules::Condition]| {
        if conditions.is_empty() {
            "nothing".to_owned()
        } else {
            conditions
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    writeln!(out, "Not reported when: {}", list(&rule.unless))?;
    writeln!(out, "One level lower when: {}\n", list(&rule.soften))?;
    heading(out, "Suggestion")?;
    for suggestion in &rule.suggest {
        writeln!(out, "- {suggestion}")?;
    }
    if let Some(fix) = &rule.fix {
        writeln!(
            out,
            "Fix ({}): replace the match with \"{}\"",
            fix.applicability.as_str(),
            fix.replace
        )?;
    }
    for fix in rule.matcher_fixes.iter().flatten() {
        writeln!(
            out,
            "Fix for one shape of the claim ({}): replace the match with \"{}\"",
            fix.applicability.as_str(),
            fix.replace
        )?;
    }
    writeln!(out)?;
    heading(out, "Flags")?;
    for example in &rule.flag {
        writeln!(out, "- {}", example.text)?;
    }
    writeln!(out)?;
    heading(out, "Leaves alone")?;
    for example in &rule.pass {
        writeln!(out, "- {}", example.text)?;
    }
    writeln!(out)?;
    heading(out, "References")?;
    for reference in &rule.references {
        writeln!(out, "- {reference}")?;
    }
    Ok(())
}

/// Each failing example with its file and line, then a count.
pub fn render_example_failures(
    rules: &RuleSet,
    failures: &[ExampleFailure],
    out: &mut dyn WriteColor,
) -> io::Result<()> {
    for failure in failures {
        out.set_color(ColorSpec::new().set_fg(Some(Color::Red)).set_bold(true))?;
        write!(out, "FAIL")?;
        out.reset()?;
        writeln!(out, " {failure}")?;
    }
    let examples: usize = rules
        .rules()
        .iter()
        .map(|r| r.flag.len() + r.pass.len())
        .sum();
    if failures.is_empty() {
        writeln!(
            out,
            "{} rules, {examples} examples: all behave as written.",
            rules.rules().len()
        )
    } else {
        writeln!(
            out,
            "{} rules, {examples} examples: {} failing.",
            rules.rules().len(),
            failures.len()
        )
    }
}

/// "description (lemma, lemma, … N words)".
fn class_summary(class: &WordClass) -> String {
    const SHOWN: usize = 6;
    let mut lemmas: Vec<&str> = class
        .lemmas
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect();
    if class.lemmas.len() > SHOWN {
        lemmas.push("…");
    }
    format!(
        "{} ({}; {} words, {} forms)",
        class.description,
        lemmas.join(", "),
        class.lemmas.len(),
        class.forms.len()
    )
}

/// Every class: name, kind, size and description.
pub fn render_lexicon(lexicon: &Lexicon, out: &mut dyn WriteColor) -> io::Result<()> {
    let width = lexicon.names().map(str::len).max().unwrap_or(0).max(5);
    out.set_color(ColorSpec::new().set_bold(true))?;
    writeln!(
        out,
        "{:width$}  {:6}  {:>5}  {:>5}  DESCRIPTION",
        "CLASS", "KIND", "WORDS", "FORMS"
    )?;
    out.reset()?;
    let mut count = 0;
    for class in lexicon.classes() {
        count += 1;
        writeln!(
            out,
            "{:width$}  {:6}  {:>5}  {:>5}  {}",
            class.name,
            class.kind.as_str(),
            class.lemmas.len(),
            class.forms.len(),
            class.description
        )?;
    }
    writeln!(
        out,
        "\n{count} word classes. `overclaim lexicon CLASS` lists one class's forms; patterns use a class as `{{CLASS}}`."
    )
}

/// One class: where it is defined and extended, its lemmas, every form, and the rules using it.
pub fn render_word_class(
    class: &WordClass,
    rules: &RuleSet,
    out: &mut dyn WriteColor,
) -> io::Result<()> {
    heading(out, &format!("{} ({})", class.name, class.kind.as_str()))?;
    writeln!(out, "{}", class.description)?;
    writeln!(out, "Defined at {}", class.origins.join(", extended at "))?;
    writeln!(out)?;
    heading(out, &format!("Words ({})", class.lemmas.len()))?;
    writeln!(out, "{}\n", class.lemmas.join(", "))?;
    heading(out, &format!("Forms matched ({})", class.forms.len()))?;
    let mut forms = class.forms.clone();
    forms.sort();
    writeln!(out, "{}\n", forms.join(", "))?;
    let users: Vec<&str> = rules
        .rules()
        .iter()
        .filter(|rule| rule.shapes.iter().any(|s| s.classes.contains(&class.name)))
        .map(|rule| rule.id.as_str())
        .collect();
    heading(out, &format!("Used by ({} rules)", users.len()))?;
    writeln!(
        out,
        "{}",
        if users.is_empty() {
            "no rule".to_owned()
        } else {
            users.join(", ")
        }
    )
}
