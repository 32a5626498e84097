//! Sentences and their context: the `text` stage of the pipeline.
//!
//! In: one prose block's plain text (from `source`). Out: sentence ranges
//! ([`split_sentences`]) and, for a rule match inside a sentence, whether a context condition
//! holds and which cue made it hold ([`evaluate`]).
//!
//! Everything here is pure `&str` logic: no files, no rules, no offsets into the original
//! document. It never sees a rule; the engine asks it about one match at a time.

mod asides;
mod context;
mod cues;
mod sentences;

pub use asides::blank_asides;
pub use context::{evaluate, Cue, MatchContext};
pub use sentences::split_sentences;

/// The largest character boundary of `text` at or before `at`, at most `text.len()`
/// (`str::floor_char_boundary` is unstable).
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary of `text` at or after `at`, at most `text.len()`.
pub(crate) fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}
