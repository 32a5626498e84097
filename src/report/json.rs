//! `--format json`: one versioned document.
//!
//! ## Wire format (version 1)
//!
//! ```text
//! {
//!   "version": 1,
//!   "findings": [ {
//!     "path": string,          file as shown to users ("<stdin>" or --stdin-filename for stdin)
//!     "rule": string,          rule id, e.g. "cure-claim"
//!     "category": string,      e.g. "cure"
//!     "severity": "error" | "warning" | "info"   (after soften and config)
//!     "start", "end": int,     byte offsets of the match in the original file
//!     "line", "column", "end_line", "end_column": int   1-based; columns count characters
//!     "match": string,         the matched prose, inline markup removed
//!     "sentence": string,      the sentence's prose, inline markup removed
//!     "message": string,
//!     "suggestions": [string],
//!     "fix": null | { "replacement": string, "applicability": "safe" | "unsafe" },
//!     "softened_by": [ { "condition": string, "cue": string } ]
//!   } ],
//!   "dropped": [ { "path", "rule", "start", "end", "line", "column", "match",
//!                  "condition", "cue" } ]     only with --explain-context
//!   "suppressed": [ { "path", "rule", "category", "severity", "start", "end", "line", "column",
//!                     "match", "message", "reason": string | null, "directive_line" } ],
//!                                             findings an inline directive approved
//!   "baseline": { "hidden": int,            findings the baseline hides
//!                 "stale": [ { "path", "rule", "match", "count" } ] },  entries no longer found
//!   "errors": [ { "path": string | null, "message": string } ],
//!   "summary": { "files": int, "findings": int, "error": int, "warning": int, "info": int,
//!                "fixed": int,        fixes applied by --fix (0 otherwise)
//!                "fixes_not_applied": int,  chosen fixes that overlap or cross markup
//!                "suppressed": int }
//! }
//! ```
//!
//! Field names are stable: adding fields is fine, renaming one is a breaking change. These
//! serde structs are private so engine types can change without changing the wire format.

use std::io;

use codespan_reporting::term::termcolor::WriteColor;
use serde::Serialize;

use super::Report;
use crate::error::Lines;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: Vec<Finding<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dropped: Option<Vec<Dropped<'a>>>,
    suppressed: Vec<SuppressedEntry<'a>>,
    baseline: BaselineEntry<'a>,
    errors: Vec<ErrorEntry>,
    summary: Summary,
}

#[derive(Serialize)]
struct BaselineEntry<'a> {
    hidden: usize,
    stale: Vec<StaleEntry<'a>>,
}

#[derive(Serialize)]
struct StaleEntry<'a> {
    path: &'a str,
    rule: &'a str,
    #[serde(rename = "match")]
    matched: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct SuppressedEntry<'a> {
    path: &'a str,
    rule: &'a str,
    category: &'a str,
    severity: &'static str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    #[serde(rename = "match")]
    matched: &'a str,
    message: &'a str,
    reason: Option<&'a str>,
    directive_line: usize,
}

#[derive(Serialize)]
struct Finding<'a> {
    path: &'a str,
    rule: &'a str,
    category: &'a str,
    severity: &'static str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(rename = "match")]
    matched: &'a str,
    sentence: &'a str,
    message: &'a str,
    suggestions: &'a [String],
    fix: Option<Fix<'a>>,
    softened_by: Vec<CueEntry<'a>>,
}

#[derive(Serialize)]
struct Fix<'a> {
    replacement: &'a str,
    applicability: &'static str,
}

#[derive(Serialize)]
struct CueEntry<'a> {
    condition: &'static str,
    cue: &'a str,
}

#[derive(Serialize)]
struct Dropped<'a> {
    path: &'a str,
    rule: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    #[serde(rename = "match")]
    matched: &'a str,
    condition: &'static str,
    cue: &'a str,
}

#[derive(Serialize)]
struct ErrorEntry {
    path: Option<String>,
    message: String,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    findings: usize,
    error: usize,
    warning: usize,
    info: usize,
    fixed: usize,
    fixes_not_applied: usize,
    suppressed: usize,
}

fn finding_entry<'a>(
    path: &'a str,
    finding: &'a crate::engine::Finding,
    location: &impl Fn(usize) -> (usize, usize),
) -> Finding<'a> {
    let (line, column) = location(finding.span.start);
    let (end_line, end_column) = location(finding.span.end);
    Finding {
        path,
        rule: &finding.rule,
        category: &finding.category,
        severity: finding.severity.as_str(),
        start: finding.span.start,
        end: finding.span.end,
        line,
        column,
        end_line,
        end_column,
        matched: &finding.matched,
        sentence: &finding.sentence_text,
        message: &finding.message,
        suggestions: &finding.suggestions,
        fix: finding.fix.as_ref().map(|fix| Fix {
            replacement: &fix.replacement,
            applicability: fix.applicability.as_str(),
        }),
        softened_by: finding
            .softened_by
            .iter()
            .map(|cue| CueEntry {
                condition: cue.condition.as_str(),
                cue: &cue.text,
            })
            .collect(),
    }
}

/// `--format json-lines`: one finding per line, each the same object as in `findings` of the
/// JSON document; nothing else on stdout (errors go to stderr), so `grep` and `jq -c` work.
pub(super) fn render_lines(report: &Report<'_>, out: &mut dyn WriteColor) -> io::Result<()> {
    for file in report.files {
        let lines = Lines::new(&file.text);
        let location = |offset: usize| lines.location(&file.text, offset);
        for finding in &file.findings {
            serde_json::to_writer(&mut *out, &finding_entry(&file.path, finding, &location))
                .map_err(super::json_error)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

pub(super) fn render(report: &Report<'_>, out: &mut dyn WriteColor) -> io::Result<()> {
    let mut findings = Vec::new();
    let mut dropped = Vec::new();
    let mut suppressed = Vec::new();
    for file in report.files {
        let lines = Lines::new(&file.text);
        let location = |offset: usize| lines.location(&file.text, offset);
        for finding in &file.findings {
            findings.push(finding_entry(&file.path, finding, &location));
        }
        for entry in &file.suppressed {
            let finding = &entry.finding;
            let (line, column) = location(finding.span.start);
            suppressed.push(SuppressedEntry {
                path: &file.path,
                rule: &finding.rule,
                category: &finding.category,
                severity: finding.severity.as_str(),
                start: finding.span.start,
                end: finding.span.end,
                line,
                column,
                matched: &finding.matched,
                message: &finding.message,
                reason: entry.reason.as_deref(),
                directive_line: location(entry.directive.start).0,
            });
        }
        for drop in &file.dropped {
            let (line, column) = location(drop.span.start);
            dropped.push(Dropped {
                path: &file.path,
                rule: &drop.rule,
                start: drop.span.start,
                end: drop.span.end,
                line,
                column,
                matched: &drop.matched,
                condition: drop.cue.condition.as_str(),
                cue: &drop.cue.text,
            });
        }
    }
    let summary = report.summary();
    let document = Document {
        version: 1,
        findings,
        dropped: report.explain_context.then_some(dropped),
        suppressed,
        baseline: BaselineEntry {
            hidden: report.baselined,
            stale: report
                .stale
                .iter()
                .map(|entry| StaleEntry {
                    path: &entry.path,
                    rule: &entry.rule,
                    matched: &entry.matched,
                    count: entry.count,
                })
                .collect(),
        },
        errors: report
            .errors
            .iter()
            .map(|err| ErrorEntry {
                path: err.path().map(str::to_owned),
                message: err.message(),
            })
            .collect(),
        summary: Summary {
            files: summary.files,
            findings: summary.findings,
            error: summary.error,
            warning: summary.warning,
            info: summary.info,
            fixed: report.fixed,
            fixes_not_applied: report.not_fixed,
            suppressed: summary.suppressed,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &document).map_err(super::json_error)?;
    writeln!(out)
}
