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
use std::ops::ControlFlow;
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
use crate::report::FileReport;
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
    // `--write-baseline` records every finding, so the old baseline hides nothing then.
    let recorded = match (&settings.baseline, &args.write_baseline) {
        (Some(path), None) => match baseline::Baseline::load(path) {
            Ok(recorded) => Some(recorded),
            Err(error) => return fail(&[error.into()], err),
        },
        _ => None,
    };
    let hide = Hide::new(&settings, recorded.as_ref(), args.explain_context);
    let fix_stdin = args.fix && matches!(&inputs[..], [input] if input.origin == Origin::Stdin);
    let mut errors = Vec::new();
    let stdin_text = if inputs.iter().any(|input| input.origin == Origin::Stdin) {
        let mut bytes = Vec::new();
        stdin.read_to_end(&mut bytes)?;
        Some(bytes)
    } else {
        None
    };
    let stdin_text = stdin_text.as_deref();
    let check_one = |input: &Input| check_input(input, stdin_text, &rules, &hide);
    let options = report::Options {
        format: args.format,
        rules: &rules,
        explain_context: args.explain_context,
        show_suppressed: args.show_suppressed,
        quiet: args.quiet,
        statistics: args.statistics,
    };
    if args.fix || args.diff || args.write_baseline.is_some() {
        // Fixing rewrites files after checking them all, and a baseline records every file's
        // findings: these paths hold every file, then report through the same renderer.
        let mut files = Vec::new();
        in_chunks(&inputs, check_one, |result| {
            match result {
                Ok(Some(file)) => files.push(file),
                Ok(None) => {}
                Err(error) => errors.push(error),
            }
            Ok(ControlFlow::Continue(()))
        })?;
        return fix_or_record(
            files, errors, args, &settings, &rules, &hide, fix_stdin, options, out, err,
        );
    }
    let mut renderer = report::Renderer::new(options);
    let mut tally = Tally::default();
    let mut closed = false;
    let threshold = fail_threshold(&settings);
    let checked = in_chunks(&inputs, check_one, |result| {
        match result {
            Ok(Some(file)) => {
                tally.add(&file);
                if !closed {
                    closed = is_broken_pipe(renderer.file(file.report, out))?;
                }
            }
            Ok(None) => {}
            Err(error) => errors.push(error),
        }
        // The reader stopped early (`overclaim check … | head -1`): stop writing, but keep
        // checking until the exit code the findings call for is known, so a CI gate under
        // `pipefail` still fails.
        let decided = !errors.is_empty() || is_failing(threshold, tally.worst);
        Ok(if closed && decided {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        })
    })?;
    // A file that cannot be read still turns exit 1 into exit 2 and is named on stderr, as
    // in a full run: read and decode the files left, without running the rules on them.
    in_chunks(
        &inputs[checked..],
        |input| load_input(input, stdin_text).err(),
        |error| {
            errors.extend(error);
            Ok(ControlFlow::Continue(()))
        },
    )?;
    let stale = hide.stale(&tally);
    let ending = report::Ending {
        errors: &errors,
        baselined: tally.baselined,
        stale: &stale,
        ..report::Ending::default()
    };
    unless_broken_pipe(renderer.finish(ending, out, err))?;
    Ok(outcome(&settings, tally.worst, &errors, None))
}

/// The end of `--write-baseline`, `--fix` and `--diff`, once every file is checked: record the
/// baseline, or fix the files and report what remains.
#[allow(clippy::too_many_arguments)]
fn fix_or_record(
    mut files: Vec<Judged>,
    mut errors: Vec<Error>,
    args: &CheckArgs,
    settings: &Settings,
    rules: &RuleSet,
    hide: &Hide<'_>,
    fix_stdin: bool,
    options: report::Options<'_>,
    out: &mut dyn WriteColor,
    err: &mut dyn WriteColor,
) -> io::Result<Outcome> {
    if let Some(path) = &args.write_baseline {
        let recorded = baseline::Baseline::record(
            files
                .iter()
                .map(|f| (f.report.path.as_str(), &f.report.findings[..])),
        );
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
    let done = fix_files(&mut files, args, rules, hide, &mut errors);
    if args.format == cli::Format::Human && !args.quiet && done.passes > 0 {
        writeln!(
            err,
            "{} {} in {} (at most {}).",
            if args.diff { "The diff fixes" } else { "Fixed" },
            report::plural(done.applied, "finding"),
            if done.passes == 1 {
                "1 fix pass".to_owned()
            } else {
                format!("{} fix passes", done.passes)
            },
            fix::MAX_FIX_PASSES
        )?;
    }
    let mut tally = Tally::default();
    files.iter().for_each(|file| tally.add(file));
    if args.diff {
        let written = done
            .diffs
            .iter()
            .try_for_each(|diff| out.write_all(diff.as_bytes()));
        unless_broken_pipe(written)?;
        report::render_errors(&errors, err)?;
        return Ok(outcome(settings, tally.worst, &errors, Some(&done)));
    }
    if fix_stdin {
        // `--fix -` prints the fixed text, as editors expect, and nothing else: an editor
        // replaces its buffer with stdout, so input that could not be read (binary, not
        // UTF-8) prints nothing there and its error on stderr.
        if let [file] = &files[..] {
            unless_broken_pipe(out.write_all(file.report.text.as_bytes()))?;
        }
        report::render_errors(&errors, err)?;
        return Ok(outcome(settings, tally.worst, &errors, None));
    }
    let mut renderer = report::Renderer::new(options);
    for file in files {
        if is_broken_pipe(renderer.file(file.report, out))? {
            break;
        }
    }
    let stale = hide.stale(&tally);
    let ending = report::Ending {
        errors: &errors,
        fixed: done.applied,
        not_fixed: done.not_applied,
        baselined: tally.baselined,
        stale: &stale,
    };
    unless_broken_pipe(renderer.finish(ending, out, err))?;
    Ok(outcome(settings, tally.worst, &errors, None))
}

/// Files checked at once on the thread pool before their results are handed on: enough to
/// keep the cores busy, few enough that a run holds only this many files' texts and findings.
const CHUNK: usize = 64;

/// Run `check` over `inputs` a chunk at a time on the thread pool and hand each result to
/// `each` in input (path) order; rayon's indexed collect keeps the order within a chunk.
/// `each` breaks to stop early. Returns how many inputs' results `each` received.
fn in_chunks<T: Send>(
    inputs: &[Input],
    check: impl Fn(&Input) -> T + Sync,
    mut each: impl FnMut(T) -> io::Result<ControlFlow<()>>,
) -> io::Result<usize> {
    let mut handed = 0;
    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<T> = chunk.par_iter().map(&check).collect();
        for result in results {
            handed += 1;
            if each(result)?.is_break() {
                return Ok(handed);
            }
        }
    }
    Ok(handed)
}

/// What the end of a run needs from the files already rendered and dropped.
#[derive(Debug, Default)]
struct Tally {
    /// Findings the baseline hid.
    baselined: usize,
    /// Baseline entries of checked files that no finding used.
    stale: Vec<baseline::Entry>,
    /// The paths of the files checked.
    checked: std::collections::BTreeSet<String>,
    /// The highest severity of any reported finding.
    worst: Option<Severity>,
}

impl Tally {
    fn add(&mut self, file: &Judged) {
        self.baselined += file.baselined;
        self.stale.extend(file.stale.iter().cloned());
        self.checked.insert(file.report.path.clone());
        let worst = file.report.findings.iter().map(|f| f.severity).max();
        self.worst = self.worst.max(worst);
    }
}

/// `Ok(true)` when `result` failed only because the reader closed stdout; other errors pass.
fn is_broken_pipe(result: io::Result<()>) -> io::Result<bool> {
    match result {
        Ok(()) => Ok(false),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(true),
        Err(error) => Err(error),
    }
}

/// `result`, with a closed stdout counted as done: the caller's outcome stands.
fn unless_broken_pipe(result: io::Result<()>) -> io::Result<()> {
    is_broken_pipe(result).map(drop)
}

/// How every run ends, for `check`, `--fix` and `--diff` alike: exit 2 on any error, else for
/// `--diff` exit 1 when there is a diff, else exit 1 when the worst finding that survived
/// [`judge`] is at or above `fail-on`.
fn outcome(
    settings: &Settings,
    worst: Option<Severity>,
    errors: &[Error],
    diff: Option<&Fixes>,
) -> Outcome {
    if !errors.is_empty() {
        return Outcome::Error;
    }
    if let Some(fixes) = diff {
        return if fixes.diffs.is_empty() {
            Outcome::Clean
        } else {
            Outcome::Failed
        };
    }
    if is_failing(fail_threshold(settings), worst) {
        Outcome::Failed
    } else {
        Outcome::Clean
    }
}

/// The lowest severity that fails the run; `None` for `--fail-on never`.
fn fail_threshold(settings: &Settings) -> Option<Severity> {
    match settings.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

/// Whether a finding of severity `worst` fails a run with this threshold.
fn is_failing(threshold: Option<Severity>, worst: Option<Severity>) -> bool {
    threshold
        .zip(worst)
        .is_some_and(|(threshold, worst)| worst >= threshold)
}

/// What hides findings, in one place for the check path and the fix path: the configured rule
/// set (config `select`/`ignore`) decides what runs, and [`judge`] applies inline directives,
/// the minimum severity and the baseline to each file's findings.
struct Hide<'a> {
    settings: &'a Settings,
    /// The baseline's entries by path; `None` without a baseline.
    baseline: Option<std::collections::BTreeMap<&'a str, baseline::Baseline>>,
    /// Keep the matches context dropped (`--explain-context` reports them).
    keep_dropped: bool,
}

impl<'a> Hide<'a> {
    fn new(
        settings: &'a Settings,
        recorded: Option<&'a baseline::Baseline>,
        keep_dropped: bool,
    ) -> Hide<'a> {
        let baseline = recorded.map(|recorded| {
            let mut by_path = std::collections::BTreeMap::new();
            for entry in &recorded.findings {
                by_path
                    .entry(entry.path.as_str())
                    .or_insert_with(|| baseline::Baseline {
                        version: recorded.version,
                        findings: Vec::new(),
                    })
                    .findings
                    .push(entry.clone());
            }
            by_path
        });
        Hide {
            settings,
            baseline,
            keep_dropped,
        }
    }

    /// Baseline entries that no checked finding used, including those of files not checked.
    fn stale(&self, tally: &Tally) -> Vec<baseline::Entry> {
        let Some(by_path) = &self.baseline else {
            return Vec::new();
        };
        let mut stale = tally.stale.clone();
        for (path, recorded) in by_path {
            if !tally.checked.contains(*path) {
                stale.extend(recorded.findings.iter().cloned());
            }
        }
        stale.sort_by(|a, b| (&a.path, &a.fingerprint).cmp(&(&b.path, &b.fingerprint)));
        stale
    }
}

/// One checked file and what the baseline hid in it.
#[derive(Debug, Clone)]
struct Judged {
    report: FileReport,
    /// Findings the baseline hid.
    baselined: usize,
    /// This file's baseline entries that no finding used.
    stale: Vec<baseline::Entry>,
}

/// What `--fix` / `--diff` did across files.
#[derive(Debug, Default)]
struct Fixes {
    /// Fixes applied, over all passes.
    applied: usize,
    /// Chosen fixes that could not be applied: they overlap an applied one, or the match
    /// crosses inline markup so no single edit of the original expresses it.
    not_applied: usize,
    /// The most passes any file needed.
    passes: usize,
    diffs: Vec<String>,
}

/// Apply the chosen rewrites of every file's findings, pass after pass, re-checking the text in
/// memory after each pass (through [`judge`], so the baseline still applies) until a pass
/// changes nothing or [`fix::MAX_FIX_PASSES`] is reached. With `--diff`, collect the diff of the
/// converged text. With `--fix`, write each changed file once (standard input is rewritten in
/// memory), so the report shows what remains. A file whose fixes do not converge is left as
/// it was and reported as an error.
fn fix_files(
    files: &mut [Judged],
    args: &CheckArgs,
    rules: &RuleSet,
    hide: &Hide<'_>,
    errors: &mut Vec<Error>,
) -> Fixes {
    let required = if args.unsafe_fixes {
        rules::Applicability::Unsafe
    } else {
        rules::Applicability::Safe
    };
    let mut fixes = Fixes::default();
    for file in files.iter_mut() {
        let original = file.clone();
        let mut applied = 0;
        let mut passes = 0;
        let converged = loop {
            let (chosen, edits) = fix::chosen_edits(&file.report.findings, required);
            let result = fix::apply(&file.report.text, &edits);
            if edits.is_empty() || result.text == *file.report.text {
                fixes.not_applied += chosen;
                break true;
            }
            if passes == fix::MAX_FIX_PASSES {
                break false;
            }
            passes += 1;
            applied += result.applied.len();
            let doc = Document::parse(result.text, file.report.format);
            judge(file, doc, rules, hide);
        };
        if !converged {
            errors.push(Error::Fix {
                path: file.report.path.clone(),
                message: format!(
                    "fixes did not converge after {} passes (two rules' rewrites \
                     undo or re-create each other); the file was not changed",
                    fix::MAX_FIX_PASSES
                ),
            });
            *file = original;
            continue;
        }
        if passes == 0 {
            continue;
        }
        fixes.passes = fixes.passes.max(passes);
        if args.diff {
            fixes.applied += applied;
            fixes.diffs.push(fix::unified_diff(
                &file.report.path,
                &original.report.text,
                &file.report.text,
            ));
            continue;
        }
        if let Some(path) = &file.report.source {
            if let Err(source) = fix::write_atomically(path, file.report.text.as_bytes()) {
                errors.push(Error::Write {
                    path: file.report.path.clone(),
                    source,
                });
                *file = original;
                continue;
            }
        }
        fixes.applied += applied;
    }
    fixes
}

/// Read and decode one input; `None` for a binary file found by walking a folder.
fn load_input(input: &Input, stdin: Option<&[u8]>) -> Result<Option<Document>, Error> {
    let bytes = match &input.origin {
        Origin::File(path) => std::fs::read(path).map_err(|source| Error::Read {
            path: input.display.clone(),
            source,
        })?,
        Origin::Stdin => stdin.unwrap_or_default().to_vec(),
    };
    match Document::from_bytes(bytes, input.format) {
        Ok(doc) => Ok(Some(doc)),
        Err(source::SourceError::Binary { .. }) if !input.explicit => Ok(None),
        Err(source) => Err(Error::Decode {
            path: input.display.clone(),
            source,
        }),
    }
}

/// Check one input; `None` for a binary file found by walking a folder, which is skipped
/// quietly as ripgrep does (a binary file named on the command line is an error).
fn check_input(
    input: &Input,
    stdin: Option<&[u8]>,
    rules: &RuleSet,
    hide: &Hide<'_>,
) -> Result<Option<Judged>, Error> {
    let Some(doc) = load_input(input, stdin)? else {
        return Ok(None);
    };
    let mut file = Judged {
        report: FileReport {
            path: input.display.clone(),
            source: match &input.origin {
                Origin::File(path) => Some(path.clone()),
                Origin::Stdin => None,
            },
            format: input.format,
            text: Arc::default(),
            findings: Vec::new(),
            dropped: Vec::new(),
            suppressed: Vec::new(),
        },
        baselined: 0,
        stale: Vec::new(),
    };
    judge(&mut file, doc, rules, hide);
    Ok(Some(file))
}

/// The one place that decides which of a file's findings are reported, for the check path and
/// every fix pass alike: run the rules on `doc`, apply its inline directives, drop findings
/// below the minimum severity, then hide what the baseline records, and store the outcome in
/// `file`. Directives are applied before the severity filter, so a directive for a hidden
/// finding is not reported as unused.
fn judge(file: &mut Judged, mut doc: Document, rules: &RuleSet, hide: &Hide<'_>) {
    // Each block is freed once checked, so a large file's blocks and its findings are not all
    // held at once.
    let checked = engine::check_blocks(std::mem::take(&mut doc.blocks), rules, hide.keep_dropped);
    let directives = doc.directives();
    let mut outcome = suppress::apply(
        &doc.text,
        &directives,
        checked.findings,
        hide.settings.require_reason,
        rules,
    );
    // Findings about directives come from no rule in the set, so `--ignore` is applied to
    // them here (`--select` picks the claim rules to run and does not hide them).
    outcome.findings.retain(|finding| {
        finding.severity >= hide.settings.min_severity
            && !(finding.category == suppress::CATEGORY
                && hide
                    .settings
                    .ignore
                    .iter()
                    .any(|name| name.selects(&finding.rule, &finding.category)))
    });
    file.baselined = 0;
    file.stale = Vec::new();
    if let Some(by_path) = &hide.baseline {
        if let Some(recorded) = by_path.get(file.report.path.as_str()) {
            let mut matcher = baseline::Matcher::new(recorded);
            let before = outcome.findings.len();
            let path = &file.report.path;
            outcome
                .findings
                .retain(|finding| !matcher.take(path, finding));
            file.baselined = before - outcome.findings.len();
            file.stale = matcher.stale().entries;
        }
    }
    file.report.text = Arc::new(doc.text);
    file.report.findings = outcome.findings;
    file.report.dropped = checked.dropped;
    file.report.suppressed = outcome.suppressed;
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
        ListFormat::Patterns => report::render_rule_patterns(&rules, out)?,
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
        None if suppress::meta_rule(&args.id).is_some() => {
            if let Some(meta) = suppress::meta_rule(&args.id) {
                report::render_meta_rule(meta, out)?;
            }
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
