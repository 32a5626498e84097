//! Run every rule's `flag` and `pass` examples through the whole pipeline.
//!
//! In: a [`RuleSet`]. Out: every example that does not behave as written, with its file and
//! line. Used by `cargo test` for the built-in pack, by `overclaim test-rules`, and when a
//! user pack is loaded. Each example is checked against its own rule alone, as a plain-text
//! document, so other rules cannot hide a failure. A rule with a `fix` must also stop flagging
//! each `flag` example once the fix is applied.

use std::fmt;
use std::sync::Arc;

use crate::engine::{self, Finding};
use crate::rules::{Origin, Rule, RuleSet};
use crate::source::{Document, Format};

/// An example that does not behave as its rule says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// The rule's id.
    pub rule: String,
    /// Where the example is written.
    pub origin: Origin,
    /// The example.
    pub text: String,
    /// What went wrong.
    pub problem: String,
}

impl fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: rule `{}`: {}\n    {:?}",
            self.origin.path, self.origin.line, self.rule, self.problem, self.text
        )
    }
}

/// Check every example of every rule.
pub fn check(rules: &RuleSet) -> Vec<ExampleFailure> {
    rules.rules().iter().flat_map(check_rule).collect()
}

fn check_rule(rule: &Arc<Rule>) -> Vec<ExampleFailure> {
    let alone = RuleSet::new(vec![Arc::clone(rule)]);
    let findings = |text: &str| -> Vec<Finding> {
        let doc = Document::parse(text.to_owned(), Format::Text);
        engine::check(&doc, &alone).findings
    };
    let mut failures = Vec::new();
    let mut fail = |example: &crate::rules::Example, problem: String| {
        failures.push(ExampleFailure {
            rule: rule.id.clone(),
            origin: example.origin.clone(),
            text: example.text.clone(),
            problem,
        });
    };
    for example in &rule.flag {
        let found = findings(&example.text);
        let Some(first) = found.first() else {
            fail(example, "`flag` example is not flagged".to_owned());
            continue;
        };
        let Some(fix) = &first.fix else { continue };
        let Some(edit) = fix.edit else {
            fail(
                example,
                "the fix cannot be applied: the match crosses markup".to_owned(),
            );
            continue;
        };
        let mut fixed = example.text.clone();
        fixed.replace_range(edit.start..edit.end, &fix.encoded);
        if !findings(&fixed).is_empty() {
            fail(example, format!("still flagged after its fix: {fixed:?}"));
        }
    }
    for example in &rule.pass {
        if let Some(finding) = findings(&example.text).first() {
            fail(
                example,
                format!(
                    "`pass` example is flagged ({}: {:?})",
                    finding.severity, finding.matched
                ),
            );
        }
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_pack_examples_all_behave() {
        let failures = check(&RuleSet::builtin());
        let report: Vec<String> = failures.iter().map(ToString::to_string).collect();
        assert!(
            failures.is_empty(),
            "{} failing examples:\n{}",
            failures.len(),
            report.join("\n")
        );
    }
}
