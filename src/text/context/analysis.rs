//! The state shared by the token-based conditions: one match located in one sentence.
//!
//! In: a sentence and the byte range of a match inside it. Out: an [`Analysis`] holding the
//! sentence's tokens, their clause ids and where the match starts and ends in token terms, with
//! the helpers the conditions share (the match's clauses, lexicon hits outside the match, word
//! distances within a clause) and the conversion of a cue's token [`Span`] into a [`Cue`]. Each
//! condition adds its own `impl Analysis` block in `negation.rs`, `hedges.rs` or
//! `attribution.rs`.

use std::ops::Range;

use crate::rules::Condition;
use crate::text::context::clauses::{segment, Segmenting};
use crate::text::context::tokens::{longest_at, tokenize, Cues, Token};
use crate::text::context::Cue;

pub(super) struct Analysis<'a> {
    pub(super) sentence: &'a str,
    pub(super) tokens: Vec<Token>,
    pub(super) clause: Vec<usize>,
    /// Tokens `[0, before)` end at or before the match start.
    pub(super) before: usize,
    /// Tokens `[after, len)` start at or after the match end.
    pub(super) after: usize,
}

/// Token index range of a cue, `[start, end)`.
pub(super) type Span = (usize, usize);

impl<'a> Analysis<'a> {
    pub(super) fn new(sentence: &'a str, m: &Range<usize>) -> Self {
        let tokens = tokenize(sentence);
        let clause = segment(&tokens, Segmenting::Clause);
        let before = tokens.iter().take_while(|t| t.end <= m.start).count();
        let after = tokens
            .iter()
            .position(|t| t.start >= m.end)
            .unwrap_or(tokens.len())
            .max(before);
        Analysis {
            sentence,
            tokens,
            clause,
            before,
            after,
        }
    }

    pub(super) fn cue(&self, condition: Condition, (s, e): Span) -> Cue {
        let start = self.tokens[s].start;
        let end = self.tokens[e - 1].end;
        Cue {
            condition,
            text: self.sentence[start..end].to_string(),
            start,
            end,
        }
    }

    /// Clause ids the match touches (the clause of the nearest token for an empty match).
    pub(super) fn match_clauses(&self) -> Vec<usize> {
        if self.tokens.is_empty() {
            return Vec::new();
        }
        if self.after > self.before {
            let mut ids: Vec<usize> = self.clause[self.before..self.after].to_vec();
            ids.dedup();
            ids
        } else {
            let k = self.before.min(self.tokens.len() - 1);
            vec![self.clause[k]]
        }
    }

    pub(super) fn first_clause(&self) -> Option<usize> {
        self.match_clauses().first().copied()
    }

    pub(super) fn last_clause(&self) -> Option<usize> {
        self.match_clauses().last().copied()
    }

    pub(super) fn outside_match(&self, (s, e): Span) -> bool {
        e <= self.before || s >= self.after
    }

    /// Whether a cue begins before the match and runs into it ("designed to" before a match
    /// that starts at "to"): its last words are the claim's first.
    pub(super) fn reaches_into_match(&self, (s, e): Span) -> bool {
        s < self.before && e > self.before
    }

    /// All occurrences of entries of `list` (longest at each position), outside the match.
    pub(super) fn find(&self, list: &Cues) -> Vec<Span> {
        self.find_where(list, |span| self.outside_match(span))
    }

    /// As [`Self::find`], and also a cue that begins before the match and runs into it: in
    /// "designed to stimulate healing" matched from "to", or "some patients see results"
    /// matched from "patients", the cue's last words are the claim's first. Only for hedges
    /// and goals, whose scope is what follows them; a negation list must not reach in ("not
    /// only" before a match that starts "only …").
    pub(super) fn find_reaching_in(&self, list: &Cues) -> Vec<Span> {
        self.find_where(list, |span| {
            self.outside_match(span) || self.reaches_into_match(span)
        })
    }

    fn find_where(&self, list: &Cues, keep: impl Fn(Span) -> bool) -> Vec<Span> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            match longest_at(&self.tokens, i, list) {
                Some(e) if keep((i, e)) => {
                    found.push((i, e));
                    i = e;
                }
                _ => i += 1,
            }
        }
        found
    }

    /// Are there at most `limit` word tokens between `from` and `to` that share `clause_id`?
    /// Stops counting past the limit, so a cue far from the match costs little.
    pub(super) fn within_words(
        &self,
        from: usize,
        to: usize,
        clause_id: usize,
        limit: usize,
    ) -> bool {
        (from..to)
            .filter(|&k| self.tokens[k].is_word && self.clause[k] == clause_id)
            .nth(limit)
            .is_none()
    }
}
