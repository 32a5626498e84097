//! Property tests of the invariants the pipeline promises, over generated documents that mix
//! claim words, Markdown and HTML markup, entities, multibyte and invisible characters and
//! every line ending (see `fragment`):
//!
//! - source maps round-trip for Text, Markdown and HTML (`source::check_invariants`);
//! - sentences cover their block in order, without overlaps, leaving only whitespace out;
//! - every finding's span lies in the file on char boundaries, and where the source there is
//!   plain prose (no markup, entity, escape, line break or invisible character) it is exactly
//!   the finding's matched text;
//! - fixing keeps UTF-8 and every byte outside the applied edits, and converges: after `--fix`'s
//!   passes (at most 10), one more pass applies nothing.
//!
//! Case counts are small so that the suite stays quick in debug builds; set `PROPTEST_CASES`
//! to run more (`PROPTEST_CASES=2000 cargo test --test properties`).

use std::sync::OnceLock;

use overclaim::fix::{self, apply, Edit, MAX_FIX_PASSES};
use overclaim::rules::Applicability;
use overclaim::source::{check_invariants, Document, Format};
use overclaim::text::split_sentences;
use overclaim::{engine, RuleSet};
use proptest::prelude::*;
use proptest::test_runner::Config;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(RuleSet::builtin)
}

/// `PROPTEST_CASES` when set, else `default`.
fn config(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Pieces documents are made of: claims, near misses, markup of every source format,
/// entities, multibyte and invisible characters, line endings.
const FRAGMENTS: &[&str] = &[
    "Stem cells regrow cartilage",
    "stem cells regrow cartilage",
    "Our injections cure arthritis",
    " cure",
    "cures",
    " no side effects",
    "No side effects",
    " FDA approved",
    "FDA-approved stem cells",
    " guaranteed results",
    " PRP is not a cure.",
    " may ease pain",
    "Can stem cells regrow cartilage?",
    " avoid knee replacement",
    "Dr. Lee",
    " e.g. ",
    " [3]",
    ".",
    "!",
    "?",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\r\n\r\n",
    "**",
    "*",
    "_",
    "`",
    "\\*",
    "```\n",
    "~~~\n",
    "    code\n",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "| a | b |\n|---|---|\n",
    "[x](y)",
    "[cure](http://a.b \"t\")",
    "![stem cells cure](i.png)",
    "<b>",
    "</b>",
    "<b>cure</b>",
    "<p>",
    "</p>",
    "<br>",
    "<div>\n",
    "</div>",
    "<a href=\"x\" title=\"cures pain\">",
    "<img alt=\"regrow cartilage\">",
    "<title>Cure</title>",
    "<meta name=\"description\" content=\"guaranteed cure\">",
    "<script type=\"application/ld+json\">{\"description\": \"cures \\u00e9 pain\"}</script>",
    "<script>x</script>",
    "<!-- c -->",
    "<!-- overclaim-disable -->",
    "<!--",
    "-->",
    "&amp;",
    "&nbsp;",
    "&#x2019;",
    "&#233;",
    "&shy;",
    "&bogus;",
    "---\ntitle: Cure arthritis\n---\n",
    "---\ndescription: \"No side effects\"\n---\n",
    "https://example.com/cure.",
    "www.cure.com",
    "é",
    "e\u{301}",
    "\u{a0}",
    "\u{200b}",
    "\u{ad}",
    "\u{feff}",
    "🦵",
    "👩‍⚕️",
    "“",
    "”",
    "…",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|parts| parts.concat())
}

fn format() -> impl Strategy<Value = Format> {
    prop::sample::select(vec![Format::Text, Format::Markdown, Format::Html])
}

/// Whether `source` is prose a parser copies as it is: then a finding's span there is its
/// matched text.
fn is_plain_prose(source: &str, format: Format) -> bool {
    let markup: &[char] = match format {
        Format::Text => &[],
        Format::Markdown => &[
            '*', '_', '`', '\\', '[', ']', '<', '>', '&', '~', '!', '|', '#',
        ],
        Format::Html => &['<', '>', '&', '"', '\\'],
    };
    !source.contains(['\r', '\n', '\t'])
        && !source.contains(markup)
        && !source.chars().any(|c| {
            matches!(
                c,
                '\u{200b}'
                    | '\u{200c}'
                    | '\u{200d}'
                    | '\u{2060}'
                    | '\u{feff}'
                    | '\u{ad}'
                    | '\u{180e}'
            )
        })
        && !source.to_ascii_lowercase().contains("http")
        && !source.to_ascii_lowercase().contains("www.")
}

fn chosen_edits(doc: &Document, required: Applicability) -> Vec<Edit> {
    fix::chosen_edits(&engine::check(doc, rules()).findings, required).1
}

/// One fix pass: the new text, after checking that only the applied edits' bytes changed.
fn fix_pass(text: &str, format: Format, required: Applicability) -> Result<String, TestCaseError> {
    let doc = Document::parse(text.to_owned(), format);
    let edits = chosen_edits(&doc, required);
    let result = apply(text, &edits);
    prop_assert!(std::str::from_utf8(result.text.as_bytes()).is_ok());
    let mut applied: Vec<&Edit> = result.applied.iter().map(|&i| &edits[i]).collect();
    applied.sort_by_key(|e| e.span.start);
    let (mut from, mut out_at) = (0, 0);
    for edit in applied {
        let kept = &text[from..edit.span.start];
        prop_assert_eq!(result.text.get(out_at..out_at + kept.len()), Some(kept));
        prop_assert_eq!(
            result
                .text
                .get(out_at + kept.len()..out_at + kept.len() + edit.replacement.len()),
            Some(edit.replacement.as_str())
        );
        out_at += kept.len() + edit.replacement.len();
        from = edit.span.end;
    }
    prop_assert_eq!(result.text.get(out_at..), Some(&text[from..]));
    Ok(result.text)
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn source_maps_round_trip(text in document(), format in format()) {
        let doc = Document::parse(text, format);
        if let Err(broken) = check_invariants(&doc, 30) {
            return Err(TestCaseError::fail(format!("{format:?}: {broken}")));
        }
    }

    #[test]
    fn sentences_cover_their_block_without_overlaps(text in document(), format in format()) {
        let doc = Document::parse(text, format);
        for block in &doc.blocks {
            let plain = &block.plain;
            let mut covered = 0;
            for r in split_sentences(plain) {
                prop_assert!(r.start < r.end, "empty sentence {:?} in {:?}", r, plain);
                prop_assert!(r.start >= covered, "overlap at {:?} in {:?}", r, plain);
                prop_assert!(plain.is_char_boundary(r.start) && plain.is_char_boundary(r.end));
                let gap = &plain[covered..r.start];
                prop_assert!(gap.trim().is_empty(), "{:?} left out of {:?}", gap, plain);
                let sentence = &plain[r.start..r.end];
                prop_assert_eq!(sentence.trim(), sentence);
                covered = r.end;
            }
            prop_assert!(plain[covered..].trim().is_empty(), "tail left out of {:?}", plain);
        }
    }
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn finding_spans_are_char_boundaries_and_match_plain_prose(
        text in document(),
        format in format(),
    ) {
        let doc = Document::parse(text, format);
        let text = &doc.text;
        for finding in engine::check(&doc, rules()).findings {
            let span = finding.span;
            prop_assert!(span.start < span.end && span.end <= text.len(), "{:?}", finding);
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            let sentence = finding.sentence;
            prop_assert!(sentence.start <= span.start && span.end <= sentence.end);
            prop_assert!(text.is_char_boundary(sentence.start) && text.is_char_boundary(sentence.end));
            let source = &text[span.start..span.end];
            if is_plain_prose(source, format) {
                prop_assert_eq!(source, finding.matched.as_str());
            }
            if let Some(edit) = finding.fix.as_ref().and_then(|f| f.edit) {
                prop_assert!(edit.end <= text.len());
                prop_assert!(text.is_char_boundary(edit.start) && text.is_char_boundary(edit.end));
            }
        }
    }

    #[test]
    fn fixing_keeps_other_bytes_and_converges(
        text in document(),
        format in format(),
        unsafe_fixes in any::<bool>(),
    ) {
        let required = if unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe };
        let mut text = text;
        let mut passes = 0;
        loop {
            let next = fix_pass(&text, format, required)?;
            if next == text {
                break;
            }
            passes += 1;
            prop_assert!(
                passes <= MAX_FIX_PASSES,
                "{:?}: no convergence in {} passes: {:?}", format, MAX_FIX_PASSES, text
            );
            text = next;
        }
        // A second `--fix` run on the fixed text applies nothing.
        let again = fix_pass(&text, format, required)?;
        prop_assert_eq!(again, text);
    }
}
