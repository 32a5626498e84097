//! What the user typed: clap derive types, no I/O and no defaults from files.
//!
//! `config` merges these with `overclaim.toml` into `Settings`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Find sentences in health copy that claim more than the evidence supports.
#[derive(Debug, Parser)]
#[command(name = "overclaim", version, about, propagate_version = true)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// When to colour output (`NO_COLOR` in the environment means never, unless `always`).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check Markdown, HTML and text files (directories recursively; `-` reads standard input).
    Check(CheckArgs),
    /// List the loaded rules.
    Rules(RulesArgs),
    /// Explain a rule: message, why, references, examples, suggestion.
    Explain(ExplainArgs),
    /// List the word classes rule frames use, or one class with every form it matches.
    Lexicon(LexiconArgs),
    /// Run the `flag` and `pass` examples of rule packs and report each failing example.
    TestRules(TestRulesArgs),
    /// Write a commented starter `overclaim.toml` in the current directory.
    Init(InitArgs),
}

/// Where rules come from: the built-in pack, the config's packs, and `--rules`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PackArgs {
    /// Use this config file instead of looking for `overclaim.toml` / `.overclaim.toml`
    /// in the working directory and its parents.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any config file.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Add a rule pack (a `.toml` file or a folder of them); repeatable.
    #[arg(long = "rules", value_name = "PATH")]
    pub packs: Vec<PathBuf>,
}

/// `overclaim check`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check; `-` for standard input. Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Config and rule packs.
    #[command(flatten)]
    pub packs: PackArgs,
    /// Only these rule ids or categories (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE|CATEGORY")]
    pub select: Vec<String>,
    /// Skip these rule ids or categories (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE|CATEGORY")]
    pub ignore: Vec<String>,
    /// Hide findings below this severity [default: warning].
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub min_severity: Option<Level>,
    /// Exit 1 when a finding is at or above this severity [default: warning].
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Print how often each rule fired (and which never did) instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Print findings only: no summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// The file name to report for standard input; its extension picks the format.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Show, for each finding and each match that context dropped, which condition fired on
    /// which cue.
    #[arg(long)]
    pub explain_context: bool,
    /// Hide findings recorded in this baseline file (see `--write-baseline`) and report the
    /// entries that no longer occur.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in FILE (sorted JSON) and exit 0; check in the file so CI
    /// fails only on new claims.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// List findings that inline directives suppressed, with the reason each directive gave.
    #[arg(long)]
    pub show_suppressed: bool,
    /// Apply the rewrites of findings whose fix is `safe`, then report what remains. With `-`,
    /// print the fixed text instead.
    #[arg(long)]
    pub fix: bool,
    /// With `--fix` or `--diff`, also apply `unsafe` rewrites (they change meaning: read them).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of what `--fix` would change and write nothing (exit 1 if there
    /// is a diff).
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
}

/// `overclaim rules`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RulesArgs {
    /// Config and rule packs.
    #[command(flatten)]
    pub packs: PackArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// `overclaim explain`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ExplainArgs {
    /// The rule id.
    pub id: String,
    /// Config and rule packs.
    #[command(flatten)]
    pub packs: PackArgs,
}

/// `overclaim lexicon`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LexiconArgs {
    /// A class name: show its lemmas, every expanded form, and the rules that use it.
    pub class: Option<String>,
    /// Config and rule packs (their `[class.*]` and `[extend-class.*]` tables count).
    #[command(flatten)]
    pub packs: PackArgs,
}

/// `overclaim test-rules`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct TestRulesArgs {
    /// Rule pack files or folders. Default: the built-in pack.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// `overclaim init`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct InitArgs {
    /// Overwrite an existing `overclaim.toml`.
    #[arg(long)]
    pub force: bool,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Snippets with the claim underlined, why, and a suggestion.
    #[default]
    Human,
    /// One JSON document (version 1).
    Json,
    /// One JSON object per finding per line.
    JsonLines,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
    /// JUnit XML, one test case per file.
    Junit,
    /// One self-contained HTML page: summary, filters, each document with its findings
    /// highlighted and explained.
    Html,
}

/// Output formats of `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ListFormat {
    /// An aligned table.
    #[default]
    Table,
    /// A JSON array.
    Json,
    /// Every enabled matcher's compiled regex, one per line, for `rg -i -f FILE`.
    Patterns,
}

/// A severity named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Level {
    /// Everything.
    Info,
    /// Warnings and errors.
    Warning,
    /// Errors only.
    Error,
}

/// What fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Any error finding.
    Error,
    /// Any warning or error finding.
    Warning,
    /// Any finding.
    Info,
    /// Never exit 1 for findings.
    Never,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorWhen {
    /// Colour when writing to a terminal and `NO_COLOR` is unset.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}
