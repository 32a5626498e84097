//! The `overclaim` binary: parse arguments, pick colours, call [`overclaim::run`], exit.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use overclaim::cli::ColorWhen;

fn main() -> ExitCode {
    let args = overclaim::Args::parse();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let choice = |terminal: bool| match args.color {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto if no_color || !terminal => ColorChoice::Never,
        ColorWhen::Auto => ColorChoice::Auto,
    };
    let mut out = StandardStream::stdout(choice(io::stdout().is_terminal()));
    let mut err = StandardStream::stderr(choice(io::stderr().is_terminal()));
    match overclaim::run(&args, &mut io::stdin().lock(), &mut out, &mut err) {
        Ok(outcome) => ExitCode::from(outcome as u8),
        // A closed pipe (`overclaim rules | head`) is a normal way to stop reading. `check`
        // handles it itself, so its exit code still reflects the findings.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            use std::io::Write;
            let _ = writeln!(err, "overclaim: {e}");
            ExitCode::from(2)
        }
    }
}
