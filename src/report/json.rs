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
//!
//! The document is pretty-printed as `serde_json` prints it, and written as the files are
//! checked: each finding as soon as its file is done, the rest (`dropped`, `suppressed`,
//! `baseline`, `errors`, `summary`) after the last file, so a run does not hold every finding.

use std::io;

use codespan_reporting::term::termcolor::WriteColor;
use serde::Serialize;

use super::{FileReport, Options, Report};
use crate::error::Lines;

/// The whole document as one value. The renderer writes it piece by piece ([`Stream`]); the
/// tests serialise this to check that the pieces add up to the same bytes.
#[cfg(test)]
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

fn suppressed_entry<'a>(
    path: &'a str,
    entry: &'a crate::suppress::Suppressed,
    location: &impl Fn(usize) -> (usize, usize),
) -> SuppressedEntry<'a> {
    let finding = &entry.finding;
    let (line, column) = location(finding.span.start);
    SuppressedEntry {
        path,
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
    }
}

fn dropped_entry<'a>(
    path: &'a str,
    drop: &'a crate::engine::Dropped,
    location: &impl Fn(usize) -> (usize, usize),
) -> Dropped<'a> {
    let (line, column) = location(drop.span.start);
    Dropped {
        path,
        rule: &drop.rule,
        start: drop.span.start,
        end: drop.span.end,
        line,
        column,
        matched: &drop.matched,
        condition: drop.cue.condition.as_str(),
        cue: &drop.cue.text,
    }
}

fn baseline_entry<'a>(hidden: usize, stale: &'a [crate::baseline::Entry]) -> BaselineEntry<'a> {
    BaselineEntry {
        hidden,
        stale: stale
            .iter()
            .map(|entry| StaleEntry {
                path: &entry.path,
                rule: &entry.rule,
                matched: &entry.matched,
                count: entry.count,
            })
            .collect(),
    }
}

fn error_entries(errors: &[crate::error::Error]) -> Vec<ErrorEntry> {
    errors
        .iter()
        .map(|err| ErrorEntry {
            path: err.path().map(str::to_owned),
            message: err.message(),
        })
        .collect()
}

fn summary_entry(counts: &super::Summary, fixed: usize, not_fixed: usize) -> Summary {
    Summary {
        files: counts.files,
        findings: counts.findings,
        error: counts.error,
        warning: counts.warning,
        info: counts.info,
        fixed,
        fixes_not_applied: not_fixed,
        suppressed: counts.suppressed,
    }
}

/// `--format json-lines`: one finding per line, each the same object as in `findings` of the
/// JSON document; nothing else on stdout (errors go to stderr), so `grep` and `jq -c` work.
pub(super) fn file_lines(file: &FileReport, out: &mut dyn WriteColor) -> io::Result<()> {
    let lines = Lines::new(&file.text);
    let location = |offset: usize| lines.location(&file.text, offset);
    for finding in &file.findings {
        serde_json::to_writer(&mut *out, &finding_entry(&file.path, finding, &location))
            .map_err(super::json_error)?;
        writeln!(out)?;
    }
    Ok(())
}

/// The JSON document, written as the files come: the findings at once, the few suppressed and
/// dropped entries held (already serialised) until the rest of the document at the end.
///
/// The bytes are those of `serde_json::to_writer_pretty` on the whole document: each
/// entry is serialised pretty on its own and indented to its depth by replacing every
/// newline, which is safe because JSON strings escape their newlines.
#[derive(Debug, Default)]
pub(super) struct Stream {
    /// The opening up to `"findings": [` is written.
    started: bool,
    /// Findings written so far.
    findings: usize,
    /// `suppressed` entries, indented for the array they go in.
    suppressed: Vec<String>,
    /// `dropped` entries, indented likewise; kept only with `--explain-context`.
    dropped: Vec<String>,
}

/// Two levels deep: an entry of an array in the top-level object.
const ENTRY_INDENT: &str = "\n    ";
/// One level deep: a value of the top-level object.
const FIELD_INDENT: &str = "\n  ";

/// `value` as `serde_json::to_string_pretty` writes it, with each line after the first
/// indented as if it were nested (`indent` is a newline and the spaces).
fn nested(value: &impl Serialize, indent: &str) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value).map_err(super::json_error)?;
    Ok(text.replace('\n', indent))
}

/// A pretty array at the top level of entries already indented with [`ENTRY_INDENT`].
fn array(entries: &[String]) -> String {
    if entries.is_empty() {
        return "[]".to_owned();
    }
    let mut text = String::from("[");
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(ENTRY_INDENT);
        text.push_str(entry);
    }
    text.push_str(FIELD_INDENT);
    text.push(']');
    text
}

impl Stream {
    fn start(&mut self, out: &mut dyn WriteColor) -> io::Result<()> {
        if !self.started {
            self.started = true;
            out.write_all(b"{\n  \"version\": 1,\n  \"findings\": [")?;
        }
        Ok(())
    }

    /// Write one file's findings; keep its suppressed (and, with `--explain-context`, its
    /// dropped) entries for [`Stream::finish`].
    pub(super) fn file(
        &mut self,
        options: &Options<'_>,
        file: &FileReport,
        out: &mut dyn WriteColor,
    ) -> io::Result<()> {
        self.start(out)?;
        let lines = Lines::new(&file.text);
        let location = |offset: usize| lines.location(&file.text, offset);
        for finding in &file.findings {
            let entry = nested(&finding_entry(&file.path, finding, &location), ENTRY_INDENT)?;
            if self.findings > 0 {
                out.write_all(b",")?;
            }
            out.write_all(ENTRY_INDENT.as_bytes())?;
            out.write_all(entry.as_bytes())?;
            self.findings += 1;
        }
        for entry in &file.suppressed {
            let suppressed = suppressed_entry(&file.path, entry, &location);
            self.suppressed.push(nested(&suppressed, ENTRY_INDENT)?);
        }
        if options.explain_context {
            for drop in &file.dropped {
                let dropped = dropped_entry(&file.path, drop, &location);
                self.dropped.push(nested(&dropped, ENTRY_INDENT)?);
            }
        }
        Ok(())
    }

    /// Close `findings` and write the rest of the document.
    pub(super) fn finish(
        mut self,
        report: &Report<'_>,
        out: &mut dyn WriteColor,
    ) -> io::Result<()> {
        self.start(out)?;
        let mut rest = String::new();
        if self.findings > 0 {
            rest.push_str(FIELD_INDENT);
        }
        rest.push(']');
        if report.explain_context {
            rest.push_str(",\n  \"dropped\": ");
            rest.push_str(&array(&self.dropped));
        }
        rest.push_str(",\n  \"suppressed\": ");
        rest.push_str(&array(&self.suppressed));
        let baseline = baseline_entry(report.baselined, report.stale);
        rest.push_str(",\n  \"baseline\": ");
        rest.push_str(&nested(&baseline, FIELD_INDENT)?);
        rest.push_str(",\n  \"errors\": ");
        rest.push_str(&nested(&error_entries(report.errors), FIELD_INDENT)?);
        let summary = summary_entry(&report.summary, report.fixed, report.not_fixed);
        rest.push_str(",\n  \"summary\": ");
        rest.push_str(&nested(&summary, FIELD_INDENT)?);
        rest.push_str("\n}\n");
        out.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use codespan_reporting::term::termcolor::NoColor;

    use super::*;
    use crate::baseline;
    use crate::cli::Format;
    use crate::engine;
    use crate::error::Error;
    use crate::report::{Ending, Options, Renderer, Summary as Counts};
    use crate::rules::{Applicability, Condition, RuleSet, Severity};
    use crate::source::Span;
    use crate::suppress::Suppressed;
    use crate::text::Cue;

    /// The document as one value, serialised at once: what the streamed bytes must equal.
    fn whole(files: &[FileReport], ending: &Ending<'_>, explain_context: bool) -> String {
        let mut findings = Vec::new();
        let mut dropped = Vec::new();
        let mut suppressed = Vec::new();
        let mut counts = Counts::default();
        for file in files {
            counts.add(file);
            let lines = Lines::new(&file.text);
            let location = |offset: usize| lines.location(&file.text, offset);
            for finding in &file.findings {
                findings.push(finding_entry(&file.path, finding, &location));
            }
            for entry in &file.suppressed {
                suppressed.push(suppressed_entry(&file.path, entry, &location));
            }
            for drop in &file.dropped {
                dropped.push(dropped_entry(&file.path, drop, &location));
            }
        }
        let document = Document {
            version: 1,
            findings,
            dropped: explain_context.then_some(dropped),
            suppressed,
            baseline: baseline_entry(ending.baselined, ending.stale),
            errors: error_entries(ending.errors),
            summary: summary_entry(&counts, ending.fixed, ending.not_fixed),
        };
        serde_json::to_string_pretty(&document).expect("serialisable") + "\n"
    }

    /// The document written through [`Renderer`], one file at a time.
    fn streamed(files: &[FileReport], ending: Ending<'_>, explain_context: bool) -> String {
        let rules = RuleSet::new(Vec::new());
        let mut renderer = Renderer::new(Options {
            format: Format::Json,
            rules: &rules,
            explain_context,
            show_suppressed: false,
            quiet: false,
            statistics: false,
        });
        let mut out = NoColor::new(Vec::new());
        let mut err = NoColor::new(Vec::new());
        for file in files {
            renderer.file(file.clone(), &mut out).expect("written");
        }
        renderer
            .finish(ending, &mut out, &mut err)
            .expect("written");
        String::from_utf8(out.into_inner()).expect("UTF-8")
    }

    fn span_of(text: &str, part: &str) -> Span {
        let start = text.find(part).expect("part of text");
        Span {
            start,
            end: start + part.len(),
        }
    }

    fn finding(text: &str, matched: &str, severity: Severity) -> engine::Finding {
        engine::Finding {
            rule: "cure-claim".to_owned(),
            category: "cure".to_owned(),
            severity,
            span: span_of(text, matched),
            sentence: Span {
                start: 0,
                end: text.len(),
            },
            matched: matched.to_owned(),
            sentence_text: Arc::from(text),
            message: format!("Says \"{matched}\"\nnot\tproven \u{1b}[31m"),
            suggestions: vec!["may ease pain".to_owned(), "é 🦵".to_owned()],
            fix: Some(engine::Fix {
                replacement: "may ease".to_owned(),
                applicability: Applicability::Unsafe,
                edit: None,
                encoded: "may ease".to_owned(),
            }),
            softened_by: vec![Cue {
                condition: Condition::Hedged,
                text: "some".to_owned(),
                start: 0,
                end: 4,
            }],
        }
    }

    fn file(path: &str, text: &str, findings: Vec<engine::Finding>) -> FileReport {
        FileReport {
            path: path.to_owned(),
            source: None,
            format: crate::source::Format::Markdown,
            text: Arc::new(text.to_owned()),
            findings,
            dropped: Vec::new(),
            suppressed: Vec::new(),
        }
    }

    #[test]
    fn streamed_document_equals_the_whole_document_serialised_at_once() {
        const A: &str = "# Knees\n\nOur injections cure arthritis.\r\nThey regrow cartilage.\n";
        const B: &str = "Stem cells are not a cure.\n<!-- overclaim-ignore cure-claim: quoted -->\nThey cure it.\n";
        let mut b = file("dir/b.md", B, Vec::new());
        b.dropped.push(engine::Dropped {
            rule: "cure-claim".to_owned(),
            span: span_of(B, "cure"),
            sentence: span_of(B, "Stem cells are not a cure."),
            matched: "cure".to_owned(),
            cue: Cue {
                condition: Condition::Negated,
                text: "not".to_owned(),
                start: 15,
                end: 18,
            },
        });
        for reason in [Some("quoted \"as\" written".to_owned()), None] {
            b.suppressed.push(Suppressed {
                finding: finding(B, "cure it", Severity::Error),
                reason,
                directive: span_of(B, "<!--"),
            });
        }
        let files = [
            file(
                "a.md",
                A,
                vec![
                    finding(A, "cure arthritis", Severity::Error),
                    finding(A, "regrow cartilage", Severity::Warning),
                ],
            ),
            file("empty.md", "", Vec::new()),
            b,
            file(
                "c.txt",
                "Cures.",
                vec![finding("Cures.", "Cures", Severity::Info)],
            ),
        ];
        let errors = [
            Error::Usage("bad \"thing\"".to_owned()),
            Error::Read {
                path: "gone.md".to_owned(),
                source: io::Error::from(io::ErrorKind::NotFound),
            },
        ];
        let stale = [baseline::Entry {
            path: "old.md".to_owned(),
            rule: "cure-claim".to_owned(),
            fingerprint: "0123456789abcdef".to_owned(),
            count: 2,
            matched: "cures\nall".to_owned(),
            sentence: "It cures all.".to_owned(),
        }];
        let full = Ending {
            errors: &errors,
            fixed: 3,
            not_fixed: 1,
            baselined: 4,
            stale: &stale,
        };
        let cases: [(&[FileReport], Ending<'_>); 5] = [
            (&[], Ending::default()),
            (&files[1..2], Ending::default()),
            (&files[..], Ending::default()),
            (&files[..], full),
            (&files[2..3], full),
        ];
        for (files, ending) in cases {
            for explain_context in [false, true] {
                assert_eq!(
                    streamed(files, ending, explain_context),
                    whole(files, &ending, explain_context)
                );
            }
        }
    }
}
