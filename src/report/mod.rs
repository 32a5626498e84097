//! Render findings and errors. Nothing else in the program prints findings.
//!
//! In: a [`Report`] (per-file findings with the file's text, errors, the rule set). Out: bytes
//! on the writers handed in by `main`: findings and the summary on `out`, problems on `err`.

mod excerpt;
mod github;
mod html;
mod human;
mod json;
mod junit;
mod rules;
mod sarif;
mod statistics;

pub use human::{render_errors, render_warnings};
pub use rules::{
    render_example_failures, render_lexicon, render_meta_rule, render_rule, render_rule_json,
    render_rule_patterns, render_rule_table, render_word_class,
};

use std::io;
use std::sync::Arc;

use codespan_reporting::term::termcolor::WriteColor;

use crate::cli::Format;
use crate::engine::{Dropped, Finding};
use crate::error::Error;
use crate::rules::{RuleSet, Severity};

/// What one file produced.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path shown to users.
    pub path: String,
    /// The file on disk (`None` for standard input).
    pub source: Option<std::path::PathBuf>,
    /// How it was parsed.
    pub format: crate::source::Format,
    /// The file's text, for snippets and line numbers.
    pub text: Arc<str>,
    /// Findings at or above the minimum severity, by position.
    pub findings: Vec<Finding>,
    /// Matches that context dropped (shown with `--explain-context`).
    pub dropped: Vec<Dropped>,
    /// Findings that inline directives approved (shown with `--show-suppressed`).
    pub suppressed: Vec<crate::suppress::Suppressed>,
}

/// Everything a renderer needs.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// Files checked, in path order (including those with no findings).
    pub files: &'a [FileReport],
    /// Problems: unreadable files, bad config, bad packs.
    pub errors: &'a [Error],
    /// The rules that ran, for `why` and references.
    pub rules: &'a RuleSet,
    /// Show context decisions.
    pub explain_context: bool,
    /// Show suppressed findings with their reasons.
    pub show_suppressed: bool,
    /// No summary line.
    pub quiet: bool,
    /// Counts per rule instead of findings.
    pub statistics: bool,
    /// Fixes applied by `--fix`.
    pub fixed: usize,
    /// Fixes `--fix` chose but could not apply (overlapping another, or across markup).
    pub not_fixed: usize,
    /// Findings hidden because the baseline records them.
    pub baselined: usize,
    /// Baseline entries that no longer occur.
    pub stale: &'a [crate::baseline::Entry],
}

/// Counts for the summary line and the JSON `summary`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Files with at least one finding.
    pub files_with_findings: usize,
    /// All findings.
    pub findings: usize,
    /// Findings at `error`.
    pub error: usize,
    /// Findings at `warning`.
    pub warning: usize,
    /// Findings at `info`.
    pub info: usize,
    /// Findings that inline directives suppressed.
    pub suppressed: usize,
}

impl Report<'_> {
    /// Count findings by severity.
    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            files: self.files.len(),
            ..Summary::default()
        };
        for file in self.files {
            summary.suppressed += file.suppressed.len();
            summary.files_with_findings += usize::from(!file.findings.is_empty());
            for finding in &file.findings {
                summary.findings += 1;
                match finding.severity {
                    Severity::Error => summary.error += 1,
                    Severity::Warning => summary.warning += 1,
                    Severity::Info => summary.info += 1,
                }
            }
        }
        summary
    }
}

/// Write `report` in `format`.
pub fn render(
    format: Format,
    report: &Report<'_>,
    out: &mut dyn WriteColor,
    err: &mut dyn WriteColor,
) -> io::Result<()> {
    if report.statistics {
        statistics::render(report, out)?;
        return human::render_errors(report.errors, err);
    }
    match format {
        Format::Human => return human::render(report, out, err),
        Format::Json => json::render(report, out)?,
        Format::JsonLines => json::render_lines(report, out)?,
        Format::Sarif => sarif::render(report, out)?,
        Format::Github => github::render(report, out)?,
        Format::Junit => junit::render(report, out)?,
        Format::Html => html::render(report, out)?,
    }
    human::render_errors(report.errors, err)
}

/// Keep the kind of an I/O error inside a serde_json error, so a closed pipe stays a closed
/// pipe (a quiet exit) rather than a generic failure.
pub(crate) fn json_error(err: serde_json::Error) -> io::Error {
    match err.io_error_kind() {
        Some(kind) => io::Error::new(kind, err),
        None => io::Error::other(err),
    }
}

/// Whether `c` must not reach a terminal as it is: a C0 control other than tab and newline,
/// DEL, or a C1 control (`char::is_control`). A carriage return is kept when a newline
/// follows (`next`), as part of a CRLF line ending.
pub(crate) fn is_hidden_control(c: char, next: Option<char>) -> bool {
    c.is_control() && c != '\t' && c != '\n' && !(c == '\r' && next == Some('\n'))
}

/// How a control character is shown: Rust's escape, `\u{1b}` for ESC, `\u{85}` for NEL, one
/// form for every C0 and C1 control so a reader can tell exactly which byte is in the file.
pub(crate) fn control_escape(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

/// `text` with every [`is_hidden_control`] character shown as [`control_escape`], for the
/// human and GitHub renderers (JSON and SARIF escape control characters themselves). An ESC
/// from a document must not recolour, move the cursor or retitle the reader's terminal.
pub(crate) fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = text.chars().peekable();
    if !text
        .char_indices()
        .any(|(i, c)| is_hidden_control(c, text[i + c.len_utf8()..].chars().next()))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    while let Some(c) = chars.next() {
        if is_hidden_control(c, chars.peek().copied()) {
            out.push_str(&control_escape(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// "1 finding", "2 findings".
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The first sentence of a rule's `why`, for one-line notes.
pub(crate) fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    let mut search = 0;
    while let Some(found) = text[search..].find(". ") {
        let end = search + found + 1;
        let word_before = text[..end - 1].rsplit(' ').next().unwrap_or("");
        // "e.g." / "U.S." / "Dr." end in a period but not a sentence.
        if word_before.contains('.') || matches!(word_before, "Dr" | "vs" | "al" | "etc") {
            search = end;
            continue;
        }
        return &text[..end];
    }
    text.split("\n\n").next().unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_but_tab_newline_and_crlf_are_kept() {
        assert_eq!(
            escape_controls("a\u{1b}[31mb\u{b}c\u{7f}\u{85}\td\r\ne\rf"),
            "a\\u{1b}[31mb\\u{b}c\\u{7f}\\u{85}\td\r\ne\\u{d}f"
        );
        assert!(matches!(
            escape_controls("plain é 🦵\u{a0}"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
