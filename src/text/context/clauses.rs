//! Clause segmentation: which tokens of a sentence belong to the same clause, or to the same
//! contrast segment.
//!
//! In: a sentence's [`Token`]s and a [`Segmenting`] mode. Out: one segment id per token, from
//! punctuation (";", ":", spaced dashes, brackets, ", which …,") and conjunction heuristics
//! (clause breakers, subordinators, "and will"), with the conjunctions that do not break a
//! clause in context ("has not yet", "while waiting", "not only … but also") left alone.

use crate::text::context::tokens::{is_in, is_nt_word, longest_at, phrase_at, prev_word, Token};
use crate::text::cues;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Segmenting {
    /// Every clause boundary heuristic: punctuation, conjunctions, subordinators, "and will".
    Clause,
    /// Only contrastive breaks (";", but, however, although …): attribution carries across
    /// commas, colons and coordination ("The FDA warns: clinics claim …").
    Contrast,
}

/// Assign every token a segment id. Parenthetical text (brackets, or a ", which …," relative
/// clause) gets its own id, and the text after it returns to the id before it, so "may (in
/// trials) regrow" keeps "may" and "regrow" together.
pub(super) fn segment(tokens: &[Token], mode: Segmenting) -> Vec<usize> {
    let has_not_only = (0..tokens.len()).any(|i| {
        phrase_at(tokens, i, "not only").is_some() || phrase_at(tokens, i, "not just").is_some()
    });
    let mut ids = vec![0; tokens.len()];
    let mut id = 0;
    let mut next_id = 1;
    let mut stack: Vec<(usize, bool)> = Vec::new();
    let mut sub_open = false;
    let mut rel_open = false;
    let mut fresh = |id: &mut usize| {
        *id = next_id;
        next_id += 1;
    };
    for i in 0..tokens.len() {
        let t = &tokens[i];
        if !t.is_word {
            match t.norm.as_str() {
                ";" => {
                    fresh(&mut id);
                    sub_open = false;
                }
                ":" | "—" | "―" if mode == Segmenting::Clause => {
                    fresh(&mut id);
                    sub_open = false;
                }
                "–" | "-" if mode == Segmenting::Clause && is_spaced(tokens, i) => {
                    fresh(&mut id);
                    sub_open = false;
                }
                "(" | "[" | "{" if mode == Segmenting::Clause => {
                    stack.push((id, sub_open));
                    fresh(&mut id);
                    sub_open = false;
                }
                ")" | "]" | "}" if mode == Segmenting::Clause => {
                    ids[i] = id;
                    if let Some((outer, open)) = stack.pop() {
                        id = outer;
                        sub_open = open;
                    }
                    continue;
                }
                "," if rel_open => {
                    // The comma closes a non-restrictive relative clause (", which …,").
                    ids[i] = id;
                    if let Some((outer, open)) = stack.pop() {
                        id = outer;
                        sub_open = open;
                    }
                    rel_open = false;
                    continue;
                }
                "," if sub_open => {
                    // The comma closes a fronted subordinate clause ("Although …, X").
                    ids[i] = id;
                    fresh(&mut id);
                    sub_open = false;
                    continue;
                }
                _ => {}
            }
            ids[i] = id;
            continue;
        }
        let word = t.norm.as_str();
        if mode == Segmenting::Clause
            && !rel_open
            && matches!(word, "which" | "who")
            && i > 0
            && tokens[i - 1].norm == ","
        {
            // ", which are not approved," is set aside like a parenthesis: its negation or
            // hedge does not reach the main clause, and the main clause resumes after it.
            stack.push((id, sub_open));
            fresh(&mut id);
            sub_open = false;
            rel_open = true;
            ids[i] = id;
            continue;
        }
        let breaks = match mode {
            Segmenting::Clause => {
                if is_in(&cues::SUBORDINATORS, word) && is_clause_start(tokens, i) {
                    fresh(&mut id);
                    sub_open = true;
                    false
                } else {
                    (longest_at(tokens, i, &cues::CLAUSE_BREAKERS).is_some()
                        && !is_non_breaking_conjunction(tokens, i, has_not_only))
                        || starts_new_coordinate_clause(tokens, i)
                }
            }
            Segmenting::Contrast => {
                is_in(&cues::CONTRASTIVE, word)
                    && !is_non_breaking_conjunction(tokens, i, has_not_only)
            }
        };
        if breaks {
            fresh(&mut id);
            sub_open = false;
        }
        ids[i] = id;
    }
    ids
}

/// A dash with whitespace on both sides (" – "), as opposed to "4–6" or "pain-free".
fn is_spaced(tokens: &[Token], i: usize) -> bool {
    let before = i == 0 || tokens[i - 1].end < tokens[i].start;
    let after = tokens.get(i + 1).is_none_or(|n| n.start > tokens[i].end);
    before && after
}

/// At the start of the sentence (after opening quotes or bullets), after a comma, or after a
/// coordinating conjunction that is itself at a clause start ("Even though …", "And if …").
fn is_clause_start(tokens: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let t = &tokens[k];
        if t.is_word {
            return matches!(t.norm.as_str(), "even" | "and" | "but" | "or" | "so")
                && is_clause_start(tokens, k);
        }
        if t.norm == "," {
            return true;
        }
    }
    true
}

/// Conjunctions that look like clause breaks but are not in context: "has not yet been
/// shown", "while waiting", "not only X but also Y", "nothing but".
fn is_non_breaking_conjunction(tokens: &[Token], i: usize, has_not_only: bool) -> bool {
    let word = tokens[i].norm.as_str();
    let prev = prev_word(tokens, i).map(|k| tokens[k].norm.as_str());
    let next = tokens.get(i + 1).map(|t| t.norm.as_str());
    match word {
        "yet" => {
            prev.is_some_and(|p| is_in(&cues::YET_ADVERB_CONTEXT, p) || is_nt_word(p))
                || matches!(
                    next,
                    Some("been" | "to" | "proven" | "shown" | "known" | "that")
                )
        }
        "while" => next.is_some_and(|n| n.ends_with("ing")),
        "but" => {
            (has_not_only && next == Some("also"))
                || matches!(prev, Some("nothing" | "all" | "anything"))
        }
        "except" => next == Some("for") && prev.is_none(),
        _ => false,
    }
}

/// "and"/"or" followed by a finite verb or a subject pronoun starts a new clause: "may ease
/// pain and will regrow cartilage" has two.
fn starts_new_coordinate_clause(tokens: &[Token], i: usize) -> bool {
    if !matches!(tokens[i].norm.as_str(), "and" | "or") {
        return false;
    }
    tokens.get(i + 1).is_some_and(|n| {
        n.is_word && (is_in(&cues::NEW_CLAUSE_AFTER_AND, &n.norm) || is_nt_word(&n.norm))
    })
}
