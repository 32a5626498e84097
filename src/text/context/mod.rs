//! Context conditions for one match in one sentence: negated, hedged, aspirational, question,
//! attributed, cited.
//!
//! In: a sentence, the byte range of a rule's match inside it, and the following sentence of
//! the same block. Out: the [`Cue`] that makes the asked-for condition hold, or `None`.
//!
//! The approach is NegEx-style (Chapman et al. 2001): the sentence is split into tokens
//! (words with their byte ranges; every punctuation mark its own token), tokens are grouped
//! into clauses with punctuation and conjunction heuristics, and a cue from the lexicons in
//! `cues.rs` counts only when it sits in the right place relative to the match: the same
//! clause for hedges and aspiration, a short window before (or just after) the match for
//! negation, the same contrast segment for attribution, anywhere for questions and citations.
//!
//! A cue that lies inside the match never counts: "no side effects" matched as a whole is not
//! negated by its own "no", and "potential to regrow" matched as a whole is not softened by its
//! own "potential".
//!
//! Deliberately out of scope: parsing, part-of-speech tagging, double negation ("not without
//! risk"), and negation or hedges carried across sentences.
//!
//! The submodules, in pipeline order:
//!
//! - `tokens`: a sentence into word and punctuation tokens; phrase and list lookups on them.
//! - `clauses`: a clause (or contrast segment) id for every token.
//! - `analysis`: one match located in its sentence's tokens and clauses, with the helpers the
//!   token-based conditions share and the conversion of a cue's tokens into a [`Cue`].
//! - `negation`, `hedges` (hedged and aspirational), `attribution`: one condition each, as an
//!   `impl` block on the analysis.
//! - `studies`: research framing that `hedges` and `attribution` consult: a claim named as a
//!   research topic (hedged), a result confined to a study population or a figure with a named
//!   source (attributed).
//! - `questions`, `citations`: the two conditions that look at the whole sentence (and, for
//!   questions, the next one) rather than at the match's tokens.
//!
//! This file holds the entry point, [`evaluate`], which clamps the match range and dispatches
//! to the condition asked for.

mod analysis;
mod attribution;
mod citations;
mod clauses;
mod hedges;
mod negation;
mod questions;
mod studies;
mod tokens;

use std::cell::OnceCell;
use std::ops::Range;

use crate::rules::Condition;
use crate::text::floor_char_boundary;
use analysis::Analysis;
use citations::cited;
use questions::{embedded_question, question};
pub(crate) use tokens::Cues;

/// The cue that made a condition hold, for explaining decisions to users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// The condition this cue satisfies.
    pub condition: Condition,
    /// The cue's text as written in the sentence (e.g. "has not been shown", "[3]").
    pub text: String,
    /// Start of the cue, a byte offset within the sentence.
    pub start: usize,
    /// End of the cue (exclusive), a byte offset within the sentence.
    pub end: usize,
}

/// Does `condition` hold for the match at byte range `m` of `sentence`? `next` is the
/// following sentence in the same block, if any (for questions answered by the next
/// sentence).
///
/// Returns the cue that makes it hold. Never panics: a range outside the sentence or off a
/// char boundary is clamped to the nearest boundary.
///
/// For example, for "PRP is not a cure for arthritis." and the match "a cure",
/// `Condition::Negated` holds with the cue "not".
pub fn evaluate(
    condition: Condition,
    sentence: &str,
    m: Range<usize>,
    next: Option<&str>,
) -> Option<Cue> {
    MatchContext::new(sentence, m, next).holds(condition)
}

/// The context of one match, read once for all the conditions asked of it: a rule asks up to
/// six, and tokenising and segmenting the sentence around the match is most of what each
/// costs. [`evaluate`] is this for one condition.
pub struct MatchContext<'s> {
    sentence: &'s str,
    /// The part of `sentence` read ([`window`]).
    window: Range<usize>,
    /// The match, relative to the window.
    m: Range<usize>,
    next: Option<&'s str>,
    analysis: OnceCell<Analysis<'s>>,
}

impl<'s> MatchContext<'s> {
    /// The context of the match at byte range `m` of `sentence` (clamped into it, on char
    /// boundaries); `next` as for [`evaluate`].
    pub fn new(sentence: &'s str, m: Range<usize>, next: Option<&'s str>) -> MatchContext<'s> {
        let m = clamp_range(sentence, m);
        let window = window(sentence, &m);
        // The next sentence answers a question only when the window reaches this one's end.
        let next = next.filter(|_| window.end == sentence.len());
        MatchContext {
            sentence,
            m: m.start - window.start..m.end - window.start,
            window,
            next,
            analysis: OnceCell::new(),
        }
    }

    /// The window's tokens and clauses, read on first use.
    fn analysis(&self, text: &'s str) -> &Analysis<'s> {
        self.analysis.get_or_init(|| Analysis::new(text, &self.m))
    }

    /// Does `condition` hold? The cue that makes it hold, with offsets in the sentence.
    pub fn holds(&self, condition: Condition) -> Option<Cue> {
        let text = &self.sentence[self.window.clone()];
        let cue = match condition {
            Condition::Cited => cited(text),
            Condition::Question => question(text, self.next).or_else(|| {
                let a = self.analysis(text);
                embedded_question(a).map(|span| a.cue(condition, span))
            }),
            _ => {
                let a = self.analysis(text);
                let span = match condition {
                    Condition::Negated => a.negated(),
                    Condition::Hedged => a.hedged(),
                    Condition::Aspirational => a.aspirational(),
                    Condition::Attributed => a.attributed(),
                    Condition::Question | Condition::Cited => None,
                }?;
                Some(a.cue(condition, span))
            }
        }?;
        Some(Cue {
            start: cue.start + self.window.start,
            end: cue.end + self.window.start,
            ..cue
        })
    }
}

/// How far either side of a match context is read, in bytes, in a sentence too long to read
/// whole. Every cue the conditions look for lies within a clause or a few words of the match;
/// real sentences are far shorter than this. Without the bound, a "sentence" with no full stop
/// (a minified page, a run-on export) costs its whole length for every match in it: quadratic.
const CONTEXT_REACH: usize = 400;

/// The part of `sentence` read for the match at `m`: all of it when it is short, otherwise
/// up to [`CONTEXT_REACH`] bytes either side of the match, cut at whitespace so no word is
/// split (and always on char boundaries).
fn window(sentence: &str, m: &Range<usize>) -> Range<usize> {
    if sentence.len() <= 2 * CONTEXT_REACH + (m.end - m.start) {
        return 0..sentence.len();
    }
    let mut start = floor_char_boundary(sentence, m.start.saturating_sub(CONTEXT_REACH));
    if start > 0 {
        start = sentence[start..m.start]
            .find(char::is_whitespace)
            .map_or(m.start, |i| start + i);
    }
    let mut end = floor_char_boundary(sentence, m.end + CONTEXT_REACH);
    if end < sentence.len() {
        end = sentence[m.end..end]
            .rfind(char::is_whitespace)
            .map_or(m.end, |i| m.end + i);
    }
    start..end
}

/// Clamp `m` into `sentence`, on char boundaries, with `start <= end`.
fn clamp_range(sentence: &str, m: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(sentence, m.start);
    let end = floor_char_boundary(sentence, m.end).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::{evaluate, Cue};
    use crate::rules::Condition;

    /// Evaluate `condition` for the first occurrence of `needle` in `sentence`.
    pub(super) fn eval_next(
        condition: Condition,
        sentence: &str,
        needle: &str,
        next: Option<&str>,
    ) -> Option<Cue> {
        let start = sentence
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {sentence:?}"));
        evaluate(condition, sentence, start..start + needle.len(), next)
    }

    pub(super) fn holds(condition: Condition, sentence: &str, needle: &str) -> bool {
        eval_next(condition, sentence, needle, None).is_some()
    }

    pub(super) fn cue_text(condition: Condition, sentence: &str, needle: &str) -> Option<String> {
        eval_next(condition, sentence, needle, None).map(|c| c.text)
    }

    use Condition::{Aspirational, Attributed, Cited, Hedged, Negated, Question};

    // ----- robustness ------------------------------------------------------------------------

    #[test]
    fn a_sentence_too_long_to_read_whole_is_read_around_the_match() {
        let filler = "and the knee ".repeat(200);
        let sentence = format!("It may not {filler}cure arthritis {filler}for long.");
        let needle = "cure arthritis";
        // "not" lies more than CONTEXT_REACH bytes before the match: out of reach.
        assert!(!holds(Negated, &sentence, needle));
        let near = format!("{filler}stem cells do not cure arthritis {filler}.");
        let cue = eval_next(Negated, &near, needle, None).expect("a negation next to the match");
        assert_eq!(cue.text, "not");
        assert_eq!(
            &near[cue.start..cue.end],
            "not",
            "cue offsets are the sentence's"
        );
        // The window's edges fall inside multibyte characters at any offset.
        for pad in 0..3 {
            let filler = "é ".repeat(400);
            let pad = "x".repeat(pad);
            let sentence = format!("{filler}{pad} stem cells cure arthritis {pad}{filler}.");
            assert!(!holds(Negated, &sentence, needle));
        }
    }

    #[test]
    fn never_panics_on_odd_ranges_and_unicode() {
        let sentences = [
            "",
            "?",
            "“ ” — – ‑ \u{a0}",
            "It isn’t a “cure” — it’s hope?",
            "😀 no 😀 cure [1] ¹",
            "Ünïcödé may not cure; ’tis (so-called) «miracle»",
        ];
        let conditions = [Negated, Hedged, Aspirational, Question, Attributed, Cited];
        for s in sentences {
            let len = s.len();
            for a in 0..=len + 2 {
                for b in [0, a, a + 1, len, len + 5] {
                    for c in conditions {
                        if let Some(cue) = evaluate(c, s, a..b, Some("Yes.")) {
                            assert!(s.is_char_boundary(cue.start) && s.is_char_boundary(cue.end));
                            assert_eq!(&s[cue.start..cue.end], cue.text);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn cue_range_points_at_cue_text() {
        let s = "Stem cells\u{a0}have not been shown to regrow cartilage.";
        let cue = eval_next(Negated, s, "regrow cartilage", None).expect("negated");
        assert_eq!(&s[cue.start..cue.end], cue.text);
        assert_eq!(cue.text, "not been shown");
        assert_eq!(cue.condition, Negated);
    }
}
