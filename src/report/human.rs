//! `--format human`: codespan-reporting snippets, one per finding, then a summary line.
//!
//! ```text
//! error[cure-claim]: Claims that an injection cures arthritis
//!   ┌─ page.md:3:16
//!   │
//! 3 │ Our injections **cure** knee arthritis.
//!   │                ^^^^^^^^^^^^^^^^^^^^^^^ cure
//!   │
//!   = why: No cell or PRP injection has been shown to cure knee osteoarthritis.
//!   = help: may ease symptoms of arthritis
//! ```

use std::io;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as Level};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{ColorSpec, WriteColor};
use codespan_reporting::term::{self, Config};

use super::excerpt::{Excerpt, Excerpts, Text};
use super::{escape_controls, first_sentence, plural, FileReport, Options, Report};
use crate::engine::Finding;
use crate::error::Error;
use crate::rules::{RuleSet, Severity};

/// One file's diagnostics: its findings, then with `--show-suppressed` what directives
/// suppressed, then with `--explain-context` what context dropped. Nothing for a file with
/// none of them.
pub(super) fn file(
    options: &Options<'_>,
    file: &FileReport,
    out: &mut dyn WriteColor,
) -> io::Result<()> {
    let shows_dropped = options.explain_context && !file.dropped.is_empty();
    let shows_suppressed = options.show_suppressed && !file.suppressed.is_empty();
    if file.findings.is_empty() && !shows_dropped && !shows_suppressed {
        return Ok(());
    }
    let config = Config::default();
    // Excerpts hold the file's text: one set per file, dropped with it.
    let mut excerpts = Excerpts::default();
    let text = Text::new(&file.path, &file.text);
    for finding in &file.findings {
        let sentence = finding.sentence.start..finding.sentence.end;
        let (excerpt, span) = Excerpt::new(&text, sentence, finding.span.start..finding.span.end);
        let id = excerpts.add(excerpt);
        let diagnostic = finding_diagnostic(options.rules, finding, id, span);
        emit(out, &config, &excerpts, &diagnostic)?;
    }
    if options.show_suppressed {
        for suppressed in &file.suppressed {
            let finding = &suppressed.finding;
            let sentence = finding.sentence.start..finding.sentence.end;
            let (excerpt, span) =
                Excerpt::new(&text, sentence, finding.span.start..finding.span.end);
            let id = excerpts.add(excerpt);
            let reason = match &suppressed.reason {
                Some(reason) => format!("reason: {reason}"),
                None => "no reason given".to_owned(),
            };
            let diagnostic = Diagnostic::note()
                .with_code(finding.rule.as_str())
                .with_message(format!("suppressed: {}", finding.message))
                .with_label(Label::primary(id, span).with_message(finding.category.as_str()))
                .with_notes(vec![reason]);
            emit(out, &config, &excerpts, &diagnostic)?;
        }
    }
    if options.explain_context {
        for drop in &file.dropped {
            let sentence = drop.sentence.start..drop.sentence.end;
            let (excerpt, span) = Excerpt::new(&text, sentence, drop.span.start..drop.span.end);
            let id = excerpts.add(excerpt);
            let diagnostic = Diagnostic::note()
                .with_code(drop.rule.as_str())
                .with_message(format!(
                    "not reported: {} (cue: \"{}\")",
                    drop.cue.condition, drop.cue.text
                ))
                .with_label(Label::primary(id, span).with_message("match dropped by context"));
            emit(out, &config, &excerpts, &diagnostic)?;
        }
    }
    Ok(())
}

/// What follows the last file on `out`: stale baseline entries, then (unless `--quiet`) the
/// baseline, fix and summary lines. The caller writes the errors to stderr first.
pub(super) fn finish(report: &Report<'_>, out: &mut dyn WriteColor) -> io::Result<()> {
    for entry in report.stale {
        writeln!(
            out,
            "stale baseline entry: {}: {}: \"{}\" no longer occurs{} (prune with --write-baseline)",
            escape_controls(&entry.path),
            escape_controls(&entry.rule),
            escape_controls(&entry.matched),
            if entry.count > 1 {
                format!(" ({} times)", entry.count)
            } else {
                String::new()
            }
        )?;
    }
    if !report.quiet {
        if report.baselined > 0 {
            writeln!(
                out,
                "{} hidden by the baseline.",
                plural(report.baselined, "finding")
            )?;
        }
        if report.fixed > 0 {
            writeln!(out, "Fixed {}.", plural(report.fixed, "finding"))?;
        }
        if report.not_fixed > 0 {
            writeln!(
                out,
                "{} not applied: it overlaps another fix or its claim crosses inline markup; edit by hand.",
                plural(report.not_fixed, "fix")
            )?;
        }
        summary_line(report, out)?;
    }
    Ok(())
}

fn finding_diagnostic(
    rules: &RuleSet,
    finding: &Finding,
    file: usize,
    span: std::ops::Range<usize>,
) -> Diagnostic<usize> {
    let level = match finding.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Note,
    };
    let mut notes = Vec::new();
    if let Some(rule) = rules.get(&finding.rule) {
        notes.push(format!(
            "why: {} (see `overclaim explain {}`)",
            first_sentence(&rule.why),
            rule.id
        ));
    }
    for cue in &finding.softened_by {
        notes.push(format!(
            "softened one level: {} (cue: \"{}\")",
            cue.condition, cue.text
        ));
    }
    notes.extend(finding.suggestions.iter().map(|s| format!("help: {s}")));
    if let Some(fix) = &finding.fix {
        let how = match fix.applicability {
            crate::rules::Applicability::Safe => "`--fix` applies",
            crate::rules::Applicability::Unsafe => "`--fix --unsafe-fixes` applies",
        };
        if fix.edit.is_some() {
            notes.push(format!("fix: {how} \"{}\"", fix.replacement));
        } else {
            notes.push(format!(
                "fix: not applicable here, the match crosses markup; edit by hand: \"{}\"",
                fix.replacement
            ));
        }
    }
    Diagnostic::new(level)
        .with_code(finding.rule.as_str())
        .with_message(finding.message.as_str())
        .with_label(Label::primary(file, span).with_message(finding.category.as_str()))
        .with_notes(notes)
}

/// Write each warning as a one-line diagnostic.
pub fn render_warnings(warnings: &[String], err: &mut dyn WriteColor) -> io::Result<()> {
    let config = Config::default();
    let files: SimpleFiles<String, String> = SimpleFiles::new();
    for warning in warnings {
        let diagnostic = Diagnostic::warning().with_message(warning.as_str());
        term::emit_to_write_style(err, &config, &files, &escaped(&diagnostic)).map_err(io_error)?;
    }
    Ok(())
}

/// Write each error as a diagnostic (a located one with its snippet).
pub fn render_errors(errors: &[Error], err: &mut dyn WriteColor) -> io::Result<()> {
    let config = Config::default();
    let mut files = SimpleFiles::new();
    for error in errors {
        let diagnostic = error.to_diagnostic(&mut files);
        term::emit_to_write_style(err, &config, &files, &escaped(&diagnostic)).map_err(io_error)?;
    }
    Ok(())
}

fn emit(
    out: &mut dyn WriteColor,
    config: &Config,
    files: &Excerpts,
    diagnostic: &Diagnostic<usize>,
) -> io::Result<()> {
    term::emit_to_write_style(out, config, files, &escaped(diagnostic)).map_err(io_error)
}

/// `diagnostic` with control characters in its texts escaped: messages interpolate matched
/// text, and notes carry suggestions and reasons written in documents.
fn escaped<FileId: Clone>(diagnostic: &Diagnostic<FileId>) -> Diagnostic<FileId> {
    let mut diagnostic = diagnostic.clone();
    let escape = |text: &mut String| {
        if let std::borrow::Cow::Owned(escaped) = escape_controls(text) {
            *text = escaped;
        }
    };
    escape(&mut diagnostic.message);
    diagnostic.notes.iter_mut().for_each(escape);
    diagnostic
        .labels
        .iter_mut()
        .for_each(|label| escape(&mut label.message));
    diagnostic
}

fn io_error(error: codespan_reporting::files::Error) -> io::Error {
    match error {
        codespan_reporting::files::Error::Io(err) => err,
        other => io::Error::other(other.to_string()),
    }
}

fn summary_line(report: &Report<'_>, out: &mut dyn WriteColor) -> io::Result<()> {
    let summary = report.summary;
    let files = plural(summary.files, "file");
    if summary.findings == 0 {
        out.set_color(ColorSpec::new().set_bold(true))?;
        write!(out, "No findings")?;
        out.reset()?;
        writeln!(out, " in {files} checked{}.", suppressed_note(&summary))?;
        return Ok(());
    }
    let parts: Vec<String> = [
        (summary.error, "error"),
        (summary.warning, "warning"),
        (summary.info, "info"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|&(n, name)| {
        if name == "info" {
            format!("{n} info")
        } else {
            plural(n, name)
        }
    })
    .collect();
    out.set_color(ColorSpec::new().set_bold(true))?;
    write!(out, "{}", plural(summary.findings, "finding"))?;
    out.reset()?;
    writeln!(
        out,
        " ({}) in {} of {files} checked{}.",
        parts.join(", "),
        summary.files_with_findings,
        suppressed_note(&summary)
    )
}

fn suppressed_note(summary: &super::Summary) -> String {
    if summary.suppressed == 0 {
        String::new()
    } else {
        format!("; {} suppressed", summary.suppressed)
    }
}
