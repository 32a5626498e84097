//! overclaim: find sentences in regenerative knee-therapy copy that claim more than the
//! evidence supports, explain why, and suggest hedged wording.
//!
//! The pipeline (DESIGN.md): [`walk`] paths → [`source`] documents with prose maps → [`text`]
//! sentences and their context → [`engine`] findings from a [`RuleSet`] → [`report`].
//! [`run`] is the whole program behind a thin `main`: it takes parsed arguments and the three
//! standard streams and returns the exit status.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod cli;
pub mod config;
pub mod engine;
pub mod error;
pub mod fix;
pub mod report;
pub mod rules;
pub mod selftest;
pub mod source;
pub mod suppress;
pub mod text;
pub mod walk;

use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use codespan_reporting::term::termcolor::WriteColor;
use rayon::prelude::*;

pub use crate::cli::Args;
pub use crate::config::Settings;
pub use crate::engine::{Finding, Fix};
pub use crate::error::Error;
pub use crate::rules::{Rule, RuleSet, Severity};
pub use crate::source::{Document, Format, Span};

use crate::cli::{
    CheckArgs, Command, ExplainArgs, FailOn, InitArgs, LexiconArgs, ListFormat, PackArgs,
    RulesArgs, TestRulesArgs,
};
use crate::report::{FileReport, Report};
use crate::rules::Loader;
use crate::walk::{Input, Origin};

/// How a run ended; the process exit code is its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at or above the failing severity (exit 0).
    Clean = 0,
    /// Findings that fail, or failing rule examples (exit 1).
    Failed = 1,
    /// A usage, configuration, rule or I/O error (exit 2).
    Error = 2,
}

/// Run one command. `stdin` is read only when a path is `-`.
pub fn run(
    args: &Args,
    stdin: &mut dyn Read,
    out: &mut dyn WriteColor,
    err: &mut dyn WriteColor,
) -> io::Result<Outcome> {
    let cwd = std::env::current_dir()?;
    match &args.command {
        Command::Check(check_args) => check(check_args, &cwd, stdin, out, err),
        Command::Rules(rules_args) => list_rules(rules_args, &cwd, out, err),
        Command::Explain(explain_args) => explain(explain_args, &cwd, out, err),
        Command::Lexicon(lexicon_args) => lexicon(lexicon_args, &cwd, out, err),
        Command::TestRules(test_args) => test_rules(test_args, out, err),
        Command::Init(init_args) => init(init_args, &cwd, out, err),
    }
}

fn fail(errors: &[Error], err: &mut dyn WriteColor) -> io::Result<Outcome> {
    report::render_errors(errors, err)?;
    Ok(Outcome::Error)
}

/// The built-in pack plus the settings' packs. User packs must pass their own examples.
fn load_rules(settings: &Settings) -> Result<RuleSet, Vec<Error>> {
    let mut loader = Loader::default();
    rules::builtin::add_to(&mut loader);
    let builtin = loader.len();
    for pack in &settings.packs {
        loader.load_path(pack);
    }
    let rules = loader
        .finish_set()
        .map_err(|errors| errors.into_iter().map(Error::from).collect::<Vec<_>>())?;
    // The built-in pack's examples are checked by `cargo test`, not at every start.
    let user_rules = rules.rules()[builtin..].to_vec();
    let failures = selftest::check(&RuleSet::new(user_rules));
    if failures.is_empty() {
        Ok(rules)
    } else {
        Err(failures.into_iter().map(Error::Example).collect())
    }
}

fn check(
    args: &CheckArgs,
    cwd: &Path,
    stdin: &mut dyn Read,
    out: &mut dyn WriteColor,
    err: &mut dyn WriteColor,
) -> io::Result<Outcome> {
    let settings = match Settings::resolve(args, cwd) {
        Ok(settings) => settings,
        Err(error) => return fail(&[error.into()], err),
    };
    let rules = match load_rules(&settings) {
        Ok(rules) => rules,
        Err(errors) => return fail(&errors, err),
    };
    let name_errors = settings.check_names(&rules);
    if !name_errors.is_empty() {
        return fail(&name_errors, err);
    }
    let rules = settings.configure(&rules);
    let (inputs, warnings) =
        match walk::inputs(&args.paths, &settings, args.stdin_filename.as_deref()) {
            Ok(found) => found,
            Err(error) => return fail(&[error], err),
        };
    report::render_warnings(&warnings, err)?;
    let mut errors = Vec::new();
    let stdin_text = if inputs.iter().any(|input| input.origin == Origin::Stdin) {
        let mut bytes = Vec::new();
        stdin.read_to_end(&mut bytes)?;
        Some(bytes)
    } else {
        None
    };
    let results: Vec<Result<Option<FileReport>, Error>> = inputs
        .par_iter()
        .map(|input| check_input(input, stdin_text.as_deref(), &rules, &settings))
        .collect();
    let mut files = Vec::new();
    for result in results {
        match result {
            Ok(Some(file)) => files.push(file),
            Ok(None) => {}
            Err(error) => errors.push(error),
        }
    }
    if let Some(path) = &args.write_baseline {
        let recorded =
            baseline::Baseline::record(files.iter().map(|f| (f.path.as_str(), &f.findings[..])));
        if let Err(error) = recorded.write(path) {
            errors.push(error.into());
        } else {
            let total: usize = recorded.findings.iter().map(|e| e.count).sum();
            writeln!(
                out,
                "Wrote {} to {}.",
                report::plural(total, "finding"),
                path.display()
            )?;
        }
        report::render_errors(&errors, err)?;
        return Ok(if errors.is_empty() {
            Outcome::Clean
        } else {
            Outcome::Error
        });
    }
    let mut stale = Vec::new();
    let mut baselined = 0;
    if let Some(path) = &settings.baseline {
        match baseline::Baseline::load(path) {
            Ok(recorded) => {
                let mut matcher = baseline::Matcher::new(&recorded);
                for file in &mut files {
                    let before = file.findings.len();
                    let path = file.path.clone();
                    file.findings
                        .retain(|finding| !matcher.take(&path, finding));
                    baselined += before - file.findings.len();
                }
                stale = matcher.stale().entries;
            }
            Err(error) => {
                return fail(&[error.into()], err);
            }
        }
    }
    let mut fixed = 0;
    let mut not_fixed = 0;
    if args.fix || args.diff {
        let fixes = fix_files(&mut files, args, &rules, &settings, &mut errors);
        fixed = fixes.applied;
        not_fixed = fixes.not_applied;
        if args.diff {
            for diff in &fixes.diffs {
                out.write_all(diff.as_bytes())?;
            }
            report::render_errors(&errors, err)?;
            return Ok(if !errors.is_empty() {
                Outcome::Error
            } else if fixes.diffs.is_empty() {
                Outcome::Clean
            } else {
                Outcome::Failed
            });
        }
        if let [file] = &files[..] {
            if file.source.is_none() {
                // `--fix` on standard input prints the fixed text, as editors expect.
                out.write_all(file.text.as_bytes())?;
                report::render_errors(&errors, err)?;
                return Ok(if errors.is_empty() {
                    outcome(&settings, &files)
                } else {
                    Outcome::Error
                });
            }
        }
    }
    let report = Report {
        files: &files,
        errors: &errors,
        rules: &rules,
        explain_context: args.explain_context,
        show_suppressed: args.show_suppressed,
        quiet: args.quiet,
        statistics: args.statistics,
        fixed,
        not_fixed,
        baselined,
        stale: &stale,
    };
    report::render(args.format, &report, out, err)?;
    if !errors.is_empty() {
        return Ok(Outcome::Error);
    }
    Ok(outcome(&settings, &files))
}

/// Exit 1 when a finding is at or above `fail-on`.
fn outcome(settings: &Settings, files: &[FileReport]) -> Outcome {
    let threshold = match settings.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|threshold| {
        files
            .iter()
            .flat_map(|file| &file.findings)
            .any(|finding| finding.severity >= threshold)
    });
    if failing {
        Outcome::Failed
    } else {
        Outcome::Clean
    }
}

/// What `--fix` / `--diff` did across files.
#[derive(Debug, Default)]
struct Fixes {
    applied: usize,
    /// Chosen fixes that could not be applied: they overlap an applied one, or the match
    /// crosses inline markup so no single edit of the original expresses it.
    not_applied: usize,
    diffs: Vec<String>,
}

/// Apply the chosen rewrites of every file's findings. With `--diff`, only collect diffs. With
/// `--fix`, write each changed file (standard input is rewritten in memory) and check it again,
/// so the report shows what remains.
fn fix_files(
    files: &mut [FileReport],
    args: &CheckArgs,
    rules: &RuleSet,
    settings: &Settings,
    errors: &mut Vec<Error>,
) -> Fixes {
    let required = if args.unsafe_fixes {
        rules::Applicability::Unsafe
    } else {
        rules::Applicability::Safe
    };
    let mut fixes = Fixes::default();
    for file in files.iter_mut() {
        let chosen: Vec<&engine::Fix> = file
            .findings
            .iter()
            .filter_map(|finding| finding.fix.as_ref().filter(|f| f.applicability >= required))
            .collect();
        let edits: Vec<fix::Edit> = chosen
            .iter()
            .filter_map(|chosen| {
                Some(fix::Edit {
                    span: chosen.edit?,
                    replacement: chosen.written.clone(),
                })
            })
            .collect();
        let result = fix::apply(&file.text, &edits);
        fixes.not_applied += chosen.len() - result.applied.len();
        if edits.is_empty() {
            continue;
        }
        if result.text == *file.text {
            continue;
        }
        if args.diff {
            fixes
                .diffs
                .push(fix::unified_diff(&file.path, &file.text, &result.text));
            continue;
        }
        if let Some(path) = &file.source {
            if let Err(source) = fix::write_atomically(path, result.text.as_bytes()) {
                errors.push(Error::Write {
                    path: file.path.clone(),
                    source,
                });
                continue;
            }
        }
        fixes.applied += result.applied.len();
        let doc = Document::parse(result.text, file.format);
        judge(file, doc, rules, settings);
    }
    fixes
}

/// Check one input; `None` for a binary file found by walking a folder, which is skipped
/// quietly as ripgrep does (a binary file named on the command line is an error).
fn check_input(
    input: &Input,
    stdin: Option<&[u8]>,
    rules: &RuleSet,
    settings: &Settings,
) -> Result<Option<FileReport>, Error> {
    let bytes = match &input.origin {
        Origin::File(path) => std::fs::read(path).map_err(|source| Error::Read {
            path: input.display.clone(),
            source,
        })?,
        Origin::Stdin => stdin.unwrap_or_default().to_vec(),
    };
    let doc = match Document::from_bytes(bytes, input.format) {
        Ok(doc) => doc,
        Err(source::SourceError::Binary { .. }) if !input.explicit => return Ok(None),
        Err(source) => {
            return Err(Error::Decode {
                path: input.display.clone(),
                source,
            })
        }
    };
    let mut file = FileReport {
        path: input.display.clone(),
        source: match &input.origin {
            Origin::File(path) => Some(path.clone()),
            Origin::Stdin => None,
        },
        format: input.format,
        text: Arc::from(""),
        findings: Vec::new(),
        dropped: Vec::new(),
        suppressed: Vec::new(),
    };
    judge(&mut file, doc, rules, settings);
    Ok(Some(file))
}

/// Run the rules on `doc`, apply its inline directives, drop findings below the minimum
/// severity, and store the outcome in `file`. Directives are applied before the severity
/// filter, so a directive for a hidden finding is not reported as unused.
fn judge(file: &mut FileReport, doc: Document, rules: &RuleSet, settings: &Settings) {
    let checked = engine::check(&doc, rules);
    let directives = source::parse_directives(&doc.text);
    let mut outcome = suppress::apply(
        &doc.text,
        &directives,
        checked.findings,
        settings.require_reason,
    );
    outcome
        .findings
        .retain(|finding| finding.severity >= settings.min_severity);
    file.text = Arc::from(doc.text);
    file.findings = outcome.findings;
    file.dropped = checked.dropped;
    file.suppressed = outcome.suppressed;
}

fn pack_rules(
    packs: &PackArgs,
    cwd: &Path,
    err: &mut dyn WriteColor,
) -> io::Result<Result<RuleSet, Outcome>> {
    let settings = match Settings::for_packs(packs, cwd) {
        Ok(settings) => settings,
        Err(error) => return fail(&[error.into()], err).map(Err),
    };
    match load_rules(&settings) {
        Ok(rules) => Ok(Ok(rules)),
        Err(errors) => fail(&errors, err).map(Err),
    }
}

fn list_rules(
    args: &RulesArgs,
    cwd: &Path,
    out: &mut dyn WriteColor,
    err: &mut dyn WriteColor,
) -> io::Result<Outcome> {
    let rules = match pack_rules(&args.packs, cwd, err)? {
        Ok(rules) => rules,
        Err(outcome) => return Ok(outcome),
    };
    match args.format {
        ListFormat::Table => report::render_rule_table(&rules, out)?,
        ListFormat::Json => report::render_rule_json(&rules, out)?,
    }
    Ok(Outcome::Clean)
}

fn lexicon(
    args: &LexiconArgs,
    cwd: &Path,
    out: &mut dyn WriteColor,
    err: &mut dyn WriteColor,
) -> io::Result<Outcome> {
    let rules = match pack_rules(&args.packs, cwd, err)? {
        Ok(rules) => rules,
        Err(outcome) => return Ok(outcome),
    };
    let lexicon = rules.lexicon();
    match &args.class {
        None => report::render_lexicon(lexicon, out)?,
        Some(name) => match lexicon.get(name) {
            Some(class) => report::render_word_class(class, &rules, out)?,
            None => {
                let known: Vec<&str> = lexicon.names().collect();
                let message = format!(
                    "no word class `{name}`; `overclaim lexicon` lists them ({})",
                    known.join(", ")
                );
                return fail(&[Error::Usage(message)], err);
            }
        },
    }
    Ok(Outcome::Clean)
}

fn explain(
    args: &ExplainArgs,
    cwd: &Path,
    out: &mut dyn WriteColor,
    err: &mut dyn WriteColor,
) -> io::Result<Outcome> {
    let rules = match pack_rules(&args.packs, cwd, err)? {
        Ok(rules) => rules,
        Err(outcome) => return Ok(outcome),
    };
    match rules.get(&args.id) {
        Some(rule) => {
            report::render_rule(rule, rules.lexicon(), out)?;
            Ok(Outcome::Clean)
        }
        None => {
            let message = format!(
                "no rule `{}`{}; `overclaim rules` lists them",
                args.id,
                config::did_you_mean(&args.id, &rules)
            );
            fail(&[Error::Usage(message)], err)
        }
    }
}

fn test_rules(
    args: &TestRulesArgs,
    out: &mut dyn WriteColor,
    err: &mut dyn WriteColor,
) -> io::Result<Outcome> {
    let mut loader = Loader::default();
    if args.paths.is_empty() {
        rules::builtin::add_to(&mut loader);
    } else {
        rules::builtin::add_lexicon_to(&mut loader);
    }
    for path in &args.paths {
        loader.load_path(path);
    }
    let rules = match loader.finish() {
        Ok(rules) => RuleSet::new(rules),
        Err(errors) => {
            return fail(
                &errors.into_iter().map(Error::from).collect::<Vec<_>>(),
                err,
            )
        }
    };
    let failures = selftest::check(&rules);
    report::render_example_failures(&rules, &failures, out)?;
    Ok(if failures.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Failed
    })
}

fn init(
    args: &InitArgs,
    cwd: &Path,
    out: &mut dyn WriteColor,
    err: &mut dyn WriteColor,
) -> io::Result<Outcome> {
    let path = cwd.join(config::CONFIG_NAMES[0]);
    if path.exists() && !args.force {
        let message = format!(
            "{} already exists; use `overclaim init --force` to overwrite it",
            config::CONFIG_NAMES[0]
        );
        return fail(&[Error::Usage(message)], err);
    }
    if let Err(source) = std::fs::write(&path, config::STARTER) {
        return fail(
            &[Error::Write {
                path: path.display().to_string(),
                source,
            }],
            err,
        );
    }
    writeln!(out, "Wrote {}", config::CONFIG_NAMES[0])?;
    Ok(Outcome::Clean)
}
