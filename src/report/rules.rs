//! Rendering rules themselves: `overclaim rules`, `overclaim explain`, `overclaim test-rules`.

use std::io;

use codespan_reporting::term::termcolor::{Color, ColorSpec, WriteColor};
use serde::Serialize;

use super::first_sentence;
use crate::rules::{Rule, RuleSet};
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

fn heading(out: &mut dyn WriteColor, text: &str) -> io::Result<()> {
    out.set_color(ColorSpec::new().set_bold(true))?;
    writeln!(out, "{text}")?;
    out.reset()
}

/// Everything about one rule, like `ruff rule`.
pub fn render_rule(rule: &Rule, out: &mut dyn WriteColor) -> io::Result<()> {
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
