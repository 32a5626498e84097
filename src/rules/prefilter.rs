//! The set-level prefilter: which matchers can match a sentence, found with one scan.
//!
//! In: every matcher's regex. Out: a [`Prefilter`] that, for a sentence, lists the matchers
//! worth running. For each regex, up to [`MAX_CONJUNCTS`] *required literal sets* are extracted
//! (`regex_syntax`'s extractor, as the regex crate does for its own prefilters): sets of which
//! every match contains at least one literal each, taken from the whole pattern and from the
//! parts of it every match must pass through. One Aho-Corasick automaton is built over all of
//! them, and a matcher is a candidate only when every one of its sets has a literal in the
//! sentence. A matcher with no bounded set (a pattern made only of gaps and classes) is always
//! run.
//!
//! Why sets, and several of them: a claim frame such as `{therapy} {gap:0-6} {repair-verb}
//! {tissue}` is made of word classes, and on a clinic page nearly every sentence names a
//! therapy and many name a tissue; only the sentences that hold a word of *each* class can
//! match. Requiring one set only ran (and compiled) most of the pack on an ordinary page.
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

/// The required literal sets of one pattern: every match contains a literal of each set.
pub(crate) type Conjuncts = Vec<Vec<String>>;

/// Which matchers can match a sentence. Matchers are numbered in the order given to
/// [`Prefilter::new`].
#[derive(Debug, Clone)]
pub(crate) struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern: the (matcher, set) pairs that literal belongs to.
    owners: Vec<Vec<(usize, u8)>>,
    /// For each matcher, one bit per required set; a candidate has every bit set.
    full: Vec<u8>,
    /// Matchers with no bounded set: always candidates.
    always: Vec<usize>,
}

impl Prefilter {
    /// Build the prefilter over each matcher's required literal sets ([`required_literals`]).
    pub(crate) fn new(sets: &[Option<&[Vec<String>]>]) -> Prefilter {
        let mut by_literal: HashMap<&str, Vec<(usize, u8)>> = HashMap::new();
        let mut always = Vec::new();
        let mut full = vec![0u8; sets.len()];
        for (index, conjuncts) in sets.iter().enumerate() {
            match conjuncts {
                Some(conjuncts) if !conjuncts.is_empty() => {
                    for (set, literals) in conjuncts.iter().take(MAX_CONJUNCTS).enumerate() {
                        let bit = set as u8;
                        full[index] |= 1 << bit;
                        for literal in literals {
                            let owners = by_literal.entry(literal.as_str()).or_default();
                            if !owners.contains(&(index, bit)) {
                                owners.push((index, bit));
                            }
                        }
                    }
                }
                _ => always.push(index),
            }
        }
        let mut literals: Vec<(&str, Vec<(usize, u8)>)> = by_literal.into_iter().collect();
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
            full,
            always,
        }
    }

    /// The matchers that can match `text`, in ascending order.
    pub(crate) fn candidates(&self, text: &str) -> Vec<usize> {
        let mut seen = vec![0u8; self.full.len()];
        if let Some(automaton) = &self.automaton {
            let lower = text.to_lowercase();
            for found in automaton.find_overlapping_iter(&lower) {
                for &(index, bit) in &self.owners[found.pattern().as_usize()] {
                    seen[index] |= 1 << bit;
                }
            }
        }
        for &index in &self.always {
            seen[index] = self.full[index];
        }
        seen.iter()
            .zip(&self.full)
            .enumerate()
            .filter_map(|(index, (&seen, &full))| (seen == full).then_some(index))
            .collect()
    }
}

/// The most required literal sets kept per pattern: each further set filters less than the
/// one before (they are kept cheapest first) and costs the automaton more literals.
pub(crate) const MAX_CONJUNCTS: usize = 3;

/// A set this [`cost`] or more is kept only when it is a pattern's best: it is made of words
/// nearly every sentence contains, so requiring it filters nothing.
const CONJUNCT_COST_LIMIT: f64 = 500.0;

/// The required literal sets of a pattern (`hir`, parsed without case-insensitivity so its
/// literals stay literals), lowercased and cheapest first: every match contains at least one
/// literal of each set. `None` when not even one set can be bounded (a pattern made only of
/// gaps and classes).
///
/// The sets come from the whole pattern (its literal prefixes) and from each part of it that
/// every match must pass through (a concatenation's parts, a repetition of at least one), so
/// `{therapy} {gap:0-6} {cure-verb}` requires a therapy word *and* a cure verb. Parts that are
/// alternatives contribute one set, the union of their branches' cheapest.
pub(crate) fn required_literals(hir: &Hir) -> Option<Conjuncts> {
    let mut sets = Vec::new();
    conjuncts(hir, MAX_DEPTH, &mut sets);
    for set in &mut sets {
        set.sort();
        set.dedup();
    }
    sets.sort_by(|a, b| cost(a).total_cmp(&cost(b)).then_with(|| a.cmp(b)));
    sets.dedup();
    let best = cost(sets.first()?);
    let mut kept: Conjuncts = Vec::new();
    for set in sets {
        if kept.len() == MAX_CONJUNCTS {
            break;
        }
        if !kept.is_empty() && cost(&set) >= CONJUNCT_COST_LIMIT.max(best) {
            break;
        }
        // A set that contains a kept one's every literal adds nothing that set does not say.
        if kept
            .iter()
            .any(|earlier| earlier.iter().all(|literal| set.contains(literal)))
        {
            continue;
        }
        kept.push(set);
    }
    Some(kept)
}

/// Push onto `out` sets of literals one of which every match of `hir` contains, looking
/// `depth` levels of groups and concatenations down.
fn conjuncts(hir: &Hir, depth: usize, out: &mut Conjuncts) {
    match hir.kind() {
        HirKind::Capture(capture) => conjuncts(&capture.sub, depth, out),
        HirKind::Repetition(repetition) if repetition.min > 0 && depth > 0 => {
            conjuncts(&repetition.sub, depth - 1, out)
        }
        HirKind::Concat(parts) if depth > 0 => {
            out.extend(prefix_set(hir));
            for part in parts {
                conjuncts(part, depth - 1, out);
            }
        }
        _ => out.extend(required(hir, depth)),
    }
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

    /// A pattern's required literal sets, as the prefilter receives them.
    fn regex(source: &str) -> Option<Conjuncts> {
        prefixes(source)
    }

    fn prefixes(source: &str) -> Option<Conjuncts> {
        let hir = regex_syntax::Parser::new().parse(source).expect("valid");
        required_literals(&hir)
    }

    fn filter(sets: &[&Option<Conjuncts>]) -> Prefilter {
        let sets: Vec<Option<&[Vec<String>]>> = sets.iter().map(|set| set.as_deref()).collect();
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
        assert_eq!(frame.expect("bounded")[0], ["cure", "heal"]);
    }

    #[test]
    fn every_required_part_must_occur_not_only_the_rarest() {
        // A therapy word, a gap, a repair verb and a tissue: a sentence with only some of
        // them cannot match, whichever they are.
        let frame = regex(
            r"\b(?:prp|stem\s+cells?)\s+(?:\w+\s+){0,4}(?:regrows?|rebuilds?)\s+(?:\w+\s+){0,2}(?:cartilage|meniscus)\b",
        );
        let sets = frame.clone().expect("bounded");
        assert_eq!(sets.len(), 3, "{sets:?}");
        let filter = filter(&[&frame]);
        assert!(filter.candidates("PRP rebuilds confidence.").is_empty());
        assert!(filter.candidates("Cartilage rebuilds slowly.").is_empty());
        assert!(filter
            .candidates("PRP is not a cartilage treatment.")
            .is_empty());
        assert_eq!(
            filter.candidates("PRP quickly REBUILDS worn cartilage."),
            [0]
        );
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
