//! `Document::parse` on arbitrary text in each format (the first byte picks it): never panics,
//! and every block keeps the prose-map invariants of `overclaim::source::check_invariants`
//! (verbatim pieces slice the original to the same bytes, `covering`/`to_source` stay inside
//! the file on char boundaries and agree).
#![no_main]

use libfuzzer_sys::fuzz_target;
use overclaim::source::{check_invariants, Document, Format};

fuzz_target!(|data: &[u8]| {
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
    if let Err(broken) = check_invariants(&doc, 12) {
        panic!("{format:?}: {broken}");
    }
});
