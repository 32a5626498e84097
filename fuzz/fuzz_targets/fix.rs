//! Fix application: check arbitrary text (the first byte picks the format and whether unsafe
//! fixes are chosen) with the built-in rules, apply the chosen fixes as `--fix` does, and
//! check that the result is valid UTF-8, that every byte outside the applied edits is
//! unchanged, and that repeating check-and-fix converges within `--fix`'s bound of 10 passes.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use overclaim::fix::{self, apply, Edit, MAX_FIX_PASSES};
use overclaim::rules::Applicability;
use overclaim::source::{Document, Format};
use overclaim::{engine, RuleSet};

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(RuleSet::builtin)
}

fn chosen_edits(doc: &Document, required: Applicability) -> Vec<Edit> {
    fix::chosen_edits(&engine::check(doc, rules()).findings, required).1
}

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
    let required = if selector & 0x80 != 0 {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut text = text.to_owned();
    for pass in 0..=MAX_FIX_PASSES {
        let doc = Document::parse(text.clone(), format);
        let edits = chosen_edits(&doc, required);
        let result = apply(&text, &edits);
        // `String` holds valid UTF-8; check the bytes too, as `--fix` writes them.
        assert!(std::str::from_utf8(result.text.as_bytes()).is_ok());
        // Every byte outside the applied edits is unchanged, in order.
        let mut applied: Vec<&Edit> = result.applied.iter().map(|&i| &edits[i]).collect();
        applied.sort_by_key(|e| e.span.start);
        let (mut from, mut out_at) = (0, 0);
        for edit in &applied {
            let kept = &text[from..edit.span.start];
            assert_eq!(
                &result.text[out_at..out_at + kept.len()],
                kept,
                "bytes before {:?} changed",
                edit.span
            );
            out_at += kept.len() + edit.replacement.len();
            from = edit.span.end;
        }
        assert_eq!(&result.text[out_at..], &text[from..], "tail changed");
        if edits.is_empty() || result.text == text {
            return;
        }
        assert!(
            pass < MAX_FIX_PASSES,
            "{format:?}: fixes did not converge in {MAX_FIX_PASSES} passes: {text:?}"
        );
        text = result.text;
    }
}
);
