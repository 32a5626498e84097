//! TEMPORARY STUB (replaced by the real text module).
#![allow(missing_docs)]
use crate::rules::Condition;
use crate::source::TextRange;
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub condition: Condition,
    pub text: String,
    pub start: usize,
    pub end: usize,
}
pub fn split_sentences(plain: &str) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in plain.char_indices() {
        if matches!(c, '.' | '!' | '?') && plain[i + 1..].starts_with(' ') {
            out.push(TextRange { start, end: i + 1 });
            start = i + 2;
        }
    }
    if start < plain.len() {
        out.push(TextRange {
            start,
            end: plain.len(),
        });
    }
    out
}
pub fn evaluate(
    condition: Condition,
    sentence: &str,
    m: std::ops::Range<usize>,
    _next: Option<&str>,
) -> Option<Cue> {
    let before = &sentence[..m.start];
    let cue = match condition {
        Condition::Negated => [" not ", " no ", "n't "]
            .iter()
            .find(|c| before.contains(*c))
            .copied(),
        Condition::Hedged => [" may ", " might ", " could "]
            .iter()
            .find(|c| before.contains(*c))
            .copied(),
        Condition::Question => sentence.trim_end().ends_with('?').then_some("?"),
        _ => None,
    }?;
    Some(Cue {
        condition,
        text: cue.trim().to_owned(),
        start: 0,
        end: 0,
    })
}
