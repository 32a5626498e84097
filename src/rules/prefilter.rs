//! The set-level prefilter: which matchers can match a sentence, found with one scan.
//!
//! In: every matcher's regex. Out: a [`Prefilter`] that, for a sentence, lists the matchers
//! worth running. For each regex the literal prefixes every match must start with are
//! extracted (`regex_syntax`'s extractor, as the regex crate does for its own prefilters) —
//! the prefixes of the whole pattern or of one of its required parts, whichever set is rarer —
//! and one Aho-Corasick automaton is built over all of them; a matcher with no bounded set (a
//! pattern made only of gaps and classes) is always run.
//!
//! Why not a `RegexSet` over the rules: claim frames splice whole word classes into their
//! regexes, and a set over hundreds of such regexes took longer to build than the rest of
//! start-up together. Literal prefixes of word classes are plain words, which an automaton
//! holds cheaply.
//!
//! The scan runs over the lowercased sentence with lowercased literals, so it agrees with the
//! regexes' case-insensitive matching; it only says *which* literals occur, never where.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

/// Which matchers can match a sentence. Matchers are numbered in the order given to
/// [`Prefilter::new`].
#[derive(Debug, Clone)]
pub(crate) struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern: the matchers that start with that literal.
    owners: Vec<Vec<usize>>,
    /// Matchers with no bounded prefix set: always candidates.
    always: Vec<usize>,
    count: usize,
}

impl Prefilter {
    /// Build the prefilter over each matcher's required literals ([`required_literals`]).
    pub(crate) fn new(sets: &[Option<&[String]>]) -> Prefilter {
        let mut by_literal: HashMap<String, Vec<usize>> = HashMap::new();
        let mut always = Vec::new();
        for (index, set) in sets.iter().enumerate() {
            match set {
                Some(literals) => {
                    for literal in literals.iter() {
                        by_literal.entry(literal.clone()).or_default().push(index);
                    }
                }
                None => always.push(index),
            }
        }
        let mut literals: Vec<(String, Vec<usize>)> = by_literal.into_iter().collect();
        literals.sort();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(literals.iter().map(|(literal, _)| literal))
            .ok();
        if automaton.is_none() {
            // Too large to build: run every matcher (correct, only slower).
            always = (0..sets.len()).collect();
        }
        Prefilter {
            automaton,
            owners: literals.into_iter().map(|(_, owners)| owners).collect(),
            always,
            count: sets.len(),
        }
    }

    /// The matchers that can match `text`, in ascending order.
    pub(crate) fn candidates(&self, text: &str) -> Vec<usize> {
        let mut wanted = vec![false; self.count];
        for &index in &self.always {
            wanted[index] = true;
        }
        if let Some(automaton) = &self.automaton {
            let lower = text.to_lowercase();
            for found in automaton.find_overlapping_iter(&lower) {
                for &index in &self.owners[found.pattern().as_usize()] {
                    wanted[index] = true;
                }
            }
        }
        wanted
            .iter()
            .enumerate()
            .filter_map(|(index, &yes)| yes.then_some(index))
            .collect()
    }
}

/// Lowercased literals one of which occurs in every match of a pattern (`hir`, parsed without
/// case-insensitivity so its literals stay literals), or `None` when no such set can be
/// bounded (a pattern made only of gaps and classes).
///
/// Any required literal serves, not only a prefix, because the scan asks only *whether* a
/// literal occurs: a frame such as `{therapy} {gap:0-6} {cure-verb}` is better filtered by
/// its cure verbs than by the therapy words most sentences of a clinic page contain. Of the
/// candidate sets (the whole pattern's prefixes, and each required part's), the one with the
/// lowest [`cost`] is kept.
pub(crate) fn required_literals(hir: &Hir) -> Option<Vec<String>> {
    let mut literals = required(hir, MAX_DEPTH)?;
    literals.sort();
    literals.dedup();
    Some(literals)
}

/// How many levels of groups and concatenations [`required`] looks into: each level extracts
/// the prefixes of its whole subtree, so deeper searches cost more than they find.
const MAX_DEPTH: usize = 4;

/// The cheapest set of literals one of which every match of `hir` contains, looking `depth`
/// levels down.
fn required(hir: &Hir, depth: usize) -> Option<Vec<String>> {
    let own = prefix_set(hir);
    if depth == 0 {
        return own;
    }
    let inner = match hir.kind() {
        HirKind::Capture(capture) => required(&capture.sub, depth),
        HirKind::Repetition(repetition) if repetition.min > 0 => {
            required(&repetition.sub, depth - 1)
        }
        HirKind::Concat(parts) => parts
            .iter()
            .filter_map(|part| required(part, depth - 1))
            .min_by(|a, b| cost(a).total_cmp(&cost(b))),
        HirKind::Alternation(branches) => {
            let mut union = Vec::new();
            for branch in branches {
                union.extend(required(branch, depth - 1)?);
            }
            Some(union)
        }
        _ => None,
    };
    match (own, inner) {
        (Some(a), Some(b)) => Some(if cost(&b) < cost(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The lowercased literal prefixes of every match of `hir`, when they are bounded and none is
/// empty.
fn prefix_set(hir: &Hir) -> Option<Vec<String>> {
    let mut extractor = Extractor::new();
    extractor
        .kind(ExtractKind::Prefix)
        .limit_class(8)
        .limit_repeat(2)
        .limit_literal_len(12)
        .limit_total(2_000);
    let seq = extractor.extract(hir);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    // A literal cut at the length limit may end inside a character ("wharton’" cut after the
    // first byte of `’`): keep its whole characters only, which is still a prefix of every match.
    let mut out = Vec::with_capacity(literals.len());
    for literal in literals {
        let bytes = literal.as_bytes();
        let whole = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => std::str::from_utf8(&bytes[..err.valid_up_to()]).ok()?,
        };
        if whole.is_empty() {
            return None;
        }
        out.push(whole.to_lowercase());
    }
    Some(out)
}

/// How often a literal set is expected to occur in ordinary prose, roughly: every literal
/// counts, short ones and common words (which most sentences contain) far more.
fn cost(literals: &[String]) -> f64 {
    literals
        .iter()
        .map(|literal| {
            let word = literal.trim();
            // Searched as substrings: "i" or "no" occurs in nearly every sentence.
            match word.chars().count() {
                0 | 1 => return 1000.0,
                2 => return 300.0,
                _ => {}
            }
            if COMMON_WORDS.contains(&word) {
                20.0
            } else {
                1.0 + 4.0 / word.len() as f64
            }
        })
        .sum()
}

/// Words so frequent in clinic and patient copy that a literal set made of them filters little.
const COMMON_WORDS: &[&str] = &[
    "the",
    "and",
    "our",
    "you",
    "your",
    "are",
    "for",
    "with",
    "that",
    "this",
    "can",
    "will",
    "was",
    "has",
    "have",
    "not",
    "but",
    "from",
    "its",
    "all",
    "any",
    "more",
    "most",
    "who",
    "knee",
    "knees",
    "pain",
    "joint",
    "patient",
    "patients",
    "treatment",
    "injection",
    "therapy",
    "cells",
    "cell",
    "stem",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A pattern's required literals, as the prefilter receives them.
    fn regex(source: &str) -> Option<Vec<String>> {
        prefixes(source)
    }

    fn prefixes(source: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::Parser::new().parse(source).expect("valid");
        required_literals(&hir)
    }

    fn filter(sets: &[&Option<Vec<String>>]) -> Prefilter {
        let sets: Vec<Option<&[String]>> = sets.iter().map(|set| set.as_deref()).collect();
        Prefilter::new(&sets)
    }

    #[test]
    fn literal_prefixes_pick_the_matchers_that_can_match() {
        let cure = regex(r"\bcures?\s+(?:knee\s+)?arthritis\b");
        let regrow = regex(r"\b(?:regrows?|rebuilds?)\s+cartilage\b");
        let filter = filter(&[&cure, &regrow]);
        assert_eq!(filter.candidates("PRP CURES arthritis"), [0]);
        assert_eq!(filter.candidates("It rebuilds cartilage."), [1]);
        assert!(filter.candidates("Nothing to see here.").is_empty());
    }

    #[test]
    fn a_rarer_required_part_filters_instead_of_a_common_prefix() {
        // Every match starts with a common word, but must contain "cure" or "heal".
        let frame = regex(r"\b(?:the|our)\s+(?:\w+\s+){0,6}(?:cures?|heals?)\b");
        let filter = filter(&[&frame]);
        assert!(filter
            .candidates("Our clinic is open on Monday.")
            .is_empty());
        assert_eq!(filter.candidates("Our injection HEALS knees."), [0]);
        assert_eq!(frame.expect("bounded"), ["cure", "heal"]);
    }

    #[test]
    fn an_optional_part_is_never_the_required_one() {
        let frame = regex(r"\bstem\s+cells(?:\s+cure)?\b");
        let filter = filter(&[&frame]);
        assert_eq!(filter.candidates("Stem cells are cells."), [0]);
    }

    #[test]
    fn a_pattern_without_bounded_prefixes_is_always_a_candidate() {
        let numbers = regex(r"\d{2,}\s+\w+");
        let cure = regex(r"\bcure\b");
        let filter = filter(&[&numbers, &cure]);
        assert_eq!(filter.candidates("no trigger words"), [0]);
    }

    #[test]
    fn a_literal_cut_inside_a_character_keeps_its_whole_characters() {
        let jelly = regex("wharton\u{2019}s jelly");
        let filter = filter(&[&jelly]);
        assert_eq!(filter.candidates("Wharton\u{2019}s jelly is a tissue"), [0]);
    }

    #[test]
    fn a_candidate_is_never_missed_for_case_or_unicode() {
        let cure = regex(r"\bcure\s+for\s+arthrit\u{ED}s\b");
        let filter = filter(&[&cure]);
        assert_eq!(filter.candidates("A CURE FOR ARTHRIT\u{CD}S"), [0]);
    }
}
