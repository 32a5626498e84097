//! The renderers over findings of arbitrary text: check arbitrary text (the first byte picks
//! the source format) with the built-in rules and render the findings, the dropped matches and
//! an error in every output format. None panics, and the JSON and SARIF output parses.
#![no_main]

use std::sync::{Arc, OnceLock};

use codespan_reporting::term::termcolor::NoColor;
use libfuzzer_sys::fuzz_target;
use overclaim::cli::Format as OutputFormat;
use overclaim::report::{render, FileReport, Report};
use overclaim::source::{Document, Format};
use overclaim::{engine, RuleSet};

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(RuleSet::builtin)
}

const FORMATS: [OutputFormat; 7] = [
    OutputFormat::Human,
    OutputFormat::Json,
    OutputFormat::JsonLines,
    OutputFormat::Sarif,
    OutputFormat::Github,
    OutputFormat::Junit,
    OutputFormat::Html,
];

// Compile the built-in pack and its lazily built prefilter before fuzzing: the first run would
// otherwise spend longer than `-timeout` on them under AddressSanitizer, reported as a hang.
fuzz_target!(
    init: {
        engine::check(&Document::parse("Stem cells cure arthritis.".into(), Format::Text), rules());
    },
    |data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let format = match selector % 3 {
        0 => Format::Text,
        1 => Format::Markdown,
        _ => Format::Html,
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let doc = Document::parse(text.to_owned(), format);
    let checked = engine::check(&doc, rules());
    // The path is arbitrary text too: it reaches every format's escaping.
    let path: String = text.chars().take(12).collect();
    let files = [FileReport {
        path,
        source: None,
        format,
        text: Arc::from(text),
        findings: checked.findings,
        dropped: checked.dropped,
        suppressed: Vec::new(),
    }];
    for output in FORMATS {
        let report = Report {
            files: &files,
            errors: &[],
            rules: rules(),
            explain_context: selector & 0x40 != 0,
            show_suppressed: true,
            quiet: false,
            statistics: selector & 0x20 != 0 && output == OutputFormat::Human,
            fixed: 0,
            not_fixed: 0,
            baselined: 0,
            stale: &[],
        };
        let mut out = NoColor::new(Vec::new());
        let mut err = NoColor::new(Vec::new());
        render(output, &report, &mut out, &mut err).expect("writing to a Vec never fails");
        let bytes = out.into_inner();
        if matches!(output, OutputFormat::Json | OutputFormat::Sarif) && !report.statistics {
            if let Err(e) = serde_json::from_slice::<serde_json::Value>(&bytes) {
                panic!(
                    "{output:?} is not JSON ({e}): {}",
                    String::from_utf8_lossy(&bytes)
                );
            }
        }
        if output == OutputFormat::JsonLines {
            for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                assert!(serde_json::from_slice::<serde_json::Value>(line).is_ok());
            }
        }
    }
}
);
