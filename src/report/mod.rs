//! Render findings and errors. Nothing else in the program prints findings.
//!
//! In: each checked file's [`FileReport`] (findings with the file's text), in path order, then
//! the run's [`Ending`] (errors, baseline and fix counts). Out: bytes on the writers handed in
//! by `main`: findings and the summary on `out`, problems on `err`. [`Renderer`] is the one
//! route: it writes a file as soon as it is checked when the format allows, so a run need not
//! hold every file's text.

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
    pub text: Arc<String>,
    /// Findings at or above the minimum severity, by position.
    pub findings: Vec<Finding>,
    /// Matches that context dropped (shown with `--explain-context`).
    pub dropped: Vec<Dropped>,
    /// Findings that inline directives approved (shown with `--show-suppressed`).
    pub suppressed: Vec<crate::suppress::Suppressed>,
}

/// The settings a run's output depends on, known before the first file is checked.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The output format.
    pub format: Format,
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
}

/// What a run's output ends with, known only after the last file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ending<'a> {
    /// Problems: unreadable files, bad config, bad packs.
    pub errors: &'a [Error],
    /// Fixes applied by `--fix`.
    pub fixed: usize,
    /// Fixes `--fix` chose but could not apply (overlapping another, or across markup).
    pub not_fixed: usize,
    /// Findings hidden because the baseline records them.
    pub baselined: usize,
    /// Baseline entries that no longer occur.
    pub stale: &'a [crate::baseline::Entry],
}

/// Everything a renderer that needs the whole run at once gets (SARIF, JUnit, HTML,
/// `--statistics`), and what the streaming formats end with (`files` is then empty).
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// Files checked, in path order (including those with no findings); empty for the
    /// formats that write each file as it comes.
    pub files: &'a [FileReport],
    /// Counts over every file checked, whether held in `files` or already written.
    pub summary: Summary,
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

impl Summary {
    /// Count one checked file: its findings by severity and its suppressed findings.
    pub fn add(&mut self, file: &FileReport) {
        self.files += 1;
        self.suppressed += file.suppressed.len();
        self.files_with_findings += usize::from(!file.findings.is_empty());
        for finding in &file.findings {
            self.findings += 1;
            match finding.severity {
                Severity::Error => self.error += 1,
                Severity::Warning => self.warning += 1,
                Severity::Info => self.info += 1,
            }
        }
    }
}

/// Writes a run's output file by file, so a run holds one chunk of files at a time rather
/// than every file's text and findings.
///
/// Human, JSON, JSON Lines and GitHub output write each file as [`Renderer::file`] receives it
/// and drop it; SARIF, JUnit, HTML and `--statistics` need every file before their first byte
/// (totals come first, or the document is built whole), so they hold the files until
/// [`Renderer::finish`]. Either way the bytes are the same as rendering the whole run at once.
///
/// Once `out` is closed (the reader of a pipe stopped), nothing more is written to it; errors
/// still go to `err` at the end.
pub struct Renderer<'a> {
    options: Options<'a>,
    summary: Summary,
    /// The files of a format that needs all of them at the end.
    held: Vec<FileReport>,
    json: json::Stream,
    /// `out` was closed: write nothing more there.
    closed: bool,
}

impl<'a> Renderer<'a> {
    /// A renderer for a run with these settings; it writes nothing yet.
    pub fn new(options: Options<'a>) -> Renderer<'a> {
        Renderer {
            options,
            summary: Summary::default(),
            held: Vec::new(),
            json: json::Stream::default(),
            closed: false,
        }
    }

    /// Whether the format needs every file before it writes anything.
    fn holds_files(&self) -> bool {
        self.options.statistics
            || matches!(
                self.options.format,
                Format::Sarif | Format::Junit | Format::Html
            )
    }

    /// Take the next checked file, in path order: count it, then write it now or hold it.
    ///
    /// # Errors
    ///
    /// A failed write to `out`. After a [`io::ErrorKind::BrokenPipe`] the renderer writes
    /// nothing more to `out`, and later calls only count.
    pub fn file(&mut self, file: FileReport, out: &mut dyn WriteColor) -> io::Result<()> {
        self.summary.add(&file);
        if self.holds_files() {
            self.held.push(file);
            return Ok(());
        }
        if self.closed {
            return Ok(());
        }
        let written = match self.options.format {
            Format::Human => human::file(&self.options, &file, out),
            Format::Json => self.json.file(&self.options, &file, out),
            Format::JsonLines => json::file_lines(&file, out),
            Format::Github => github::file(&file, out),
            Format::Sarif | Format::Junit | Format::Html => Ok(()),
        };
        self.closed = written
            .as_ref()
            .is_err_and(|error| error.kind() == io::ErrorKind::BrokenPipe);
        written
    }

    /// Write what follows the last file (for the holding formats, everything) on `out`, and
    /// the errors on `err`.
    ///
    /// # Errors
    ///
    /// A failed write. The errors are written to `err` even when `out` turns out to be
    /// closed, and then the [`io::ErrorKind::BrokenPipe`] is returned.
    pub fn finish(
        self,
        ending: Ending<'_>,
        out: &mut dyn WriteColor,
        err: &mut dyn WriteColor,
    ) -> io::Result<()> {
        if self.closed {
            return human::render_errors(ending.errors, err);
        }
        let options = self.options;
        let report = Report {
            files: &self.held,
            summary: self.summary,
            errors: ending.errors,
            rules: options.rules,
            explain_context: options.explain_context,
            show_suppressed: options.show_suppressed,
            quiet: options.quiet,
            statistics: options.statistics,
            fixed: ending.fixed,
            not_fixed: ending.not_fixed,
            baselined: ending.baselined,
            stale: ending.stale,
        };
        let written = if options.statistics {
            statistics::render(&report, out)
        } else {
            match options.format {
                Format::Human => {
                    // Errors come before the stale entries and the summary line.
                    human::render_errors(report.errors, err)?;
                    return human::finish(&report, out);
                }
                Format::Json => self.json.finish(&report, out),
                Format::JsonLines | Format::Github => Ok(()),
                Format::Sarif => sarif::render(&report, out),
                Format::Junit => junit::render(&report, out),
                Format::Html => html::render(&report, out),
            }
        };
        match written {
            Ok(()) => human::render_errors(report.errors, err),
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                human::render_errors(report.errors, err)?;
                Err(error)
            }
            Err(error) => Err(error),
        }
    }
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
