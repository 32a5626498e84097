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

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::rules::Condition;
use crate::text::cues;

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
    let m = clamp_range(sentence, m);
    match condition {
        Condition::Cited => cited(sentence),
        Condition::Question => question(sentence, next),
        _ => {
            let a = Analysis::new(sentence, &m);
            let span = match condition {
                Condition::Negated => a.negated(),
                Condition::Hedged => a.hedged(),
                Condition::Aspirational => a.aspirational(),
                Condition::Attributed => a.attributed(),
                Condition::Question | Condition::Cited => None,
            }?;
            Some(a.cue(condition, span))
        }
    }
}

/// Clamp `m` into `sentence`, on char boundaries, with `start <= end`.
fn clamp_range(sentence: &str, m: Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(sentence.len());
        while !sentence.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(m.start);
    let end = floor(m.end).max(start);
    start..end
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

/// A word or a punctuation mark, with its byte range in the sentence.
#[derive(Debug)]
struct Token {
    start: usize,
    end: usize,
    /// Lowercased, `’` → `'`, non-breaking and other Unicode hyphens → `-`.
    norm: String,
    is_word: bool,
}

/// Characters that join two word parts into one token ("isn't", "pain-free", "3.5").
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '\u{2010}' | '\u{2011}' | '.')
}

fn tokenize(s: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                if d.is_alphanumeric() {
                    j += 1;
                } else if is_joiner(d)
                    && chars.get(j + 1).is_some_and(|&(_, e)| e.is_alphanumeric())
                    // A period joins only digits ("3.5"), never words ("e.g").
                    && (d != '.'
                        || (chars[j - 1].1.is_ascii_digit()
                            && chars.get(j + 1).is_some_and(|&(_, e)| e.is_ascii_digit())))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(s.len(), |&(k, _)| k);
            let norm = normalize(&s[start..end]);
            tokens.push(Token {
                start,
                end,
                norm,
                is_word: true,
            });
            i = j;
        } else {
            let end = start + c.len_utf8();
            tokens.push(Token {
                start,
                end,
                norm: normalize(&s[start..end]),
                is_word: false,
            });
            i += 1;
        }
    }
    tokens
}

fn normalize(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' => '\'',
            '\u{2010}' | '\u{2011}' => '-',
            other => other,
        })
        .collect()
}

fn is_nt_word(norm: &str) -> bool {
    norm.len() > 3 && norm.ends_with("n't")
}

/// Does `phrase` (space-separated lexicon entry) match the tokens starting at `i`? Returns the
/// index just past the match. `*` matches any word; `n't` matches any contraction ending so.
fn phrase_at(tokens: &[Token], i: usize, phrase: &str) -> Option<usize> {
    let mut k = i;
    for part in phrase.split(' ') {
        let t = tokens.get(k)?;
        let ok = match part {
            "*" => t.is_word,
            "n't" => is_nt_word(&t.norm),
            _ => t.norm == part,
        };
        if !ok {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// The longest entry of `list` matching at `i`, as an end index.
fn longest_at(tokens: &[Token], i: usize, list: &[&str]) -> Option<usize> {
    list.iter().filter_map(|p| phrase_at(tokens, i, p)).max()
}

fn is_in(list: &[&str], norm: &str) -> bool {
    list.contains(&norm)
}

/// Index of the previous word token before `i`, if any.
fn prev_word(tokens: &[Token], i: usize) -> Option<usize> {
    (0..i).rev().find(|&k| tokens[k].is_word)
}

// ---------------------------------------------------------------------------------------------
// Clauses
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Segmenting {
    /// Every clause boundary heuristic: punctuation, conjunctions, subordinators, "and will".
    Clause,
    /// Only contrastive breaks (";", but, however, although …): attribution carries across
    /// commas, colons and coordination ("The FDA warns: clinics claim …").
    Contrast,
}

const CONTRASTIVE: &[&str] = &[
    "but",
    "however",
    "although",
    "though",
    "whereas",
    "yet",
    "nevertheless",
    "nonetheless",
    "except",
];

/// Assign every token a segment id. Parenthetical text (brackets, or a ", which …," relative
/// clause) gets its own id, and the text after it returns to the id before it, so "may (in
/// trials) regrow" keeps "may" and "regrow" together.
fn segment(tokens: &[Token], mode: Segmenting) -> Vec<usize> {
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
                if is_in(cues::SUBORDINATORS, word) && is_clause_start(tokens, i) {
                    fresh(&mut id);
                    sub_open = true;
                    false
                } else {
                    (longest_at(tokens, i, cues::CLAUSE_BREAKERS).is_some()
                        && !is_non_breaking_conjunction(tokens, i, has_not_only))
                        || starts_new_coordinate_clause(tokens, i)
                }
            }
            Segmenting::Contrast => {
                is_in(CONTRASTIVE, word) && !is_non_breaking_conjunction(tokens, i, has_not_only)
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
            prev.is_some_and(|p| is_in(cues::YET_ADVERB_CONTEXT, p) || is_nt_word(p))
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
        n.is_word && (is_in(cues::NEW_CLAUSE_AFTER_AND, &n.norm) || is_nt_word(&n.norm))
    })
}

// ---------------------------------------------------------------------------------------------
// Analysis of one match
// ---------------------------------------------------------------------------------------------

struct Analysis<'a> {
    sentence: &'a str,
    tokens: Vec<Token>,
    clause: Vec<usize>,
    /// Tokens `[0, before)` end at or before the match start.
    before: usize,
    /// Tokens `[after, len)` start at or after the match end.
    after: usize,
}

/// Token index range of a cue, `[start, end)`.
type Span = (usize, usize);

impl<'a> Analysis<'a> {
    fn new(sentence: &'a str, m: &Range<usize>) -> Self {
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

    fn cue(&self, condition: Condition, (s, e): Span) -> Cue {
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
    fn match_clauses(&self) -> Vec<usize> {
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

    fn first_clause(&self) -> Option<usize> {
        self.match_clauses().first().copied()
    }

    fn last_clause(&self) -> Option<usize> {
        self.match_clauses().last().copied()
    }

    fn outside_match(&self, (s, e): Span) -> bool {
        e <= self.before || s >= self.after
    }

    /// All occurrences of entries of `list` (longest at each position), outside the match.
    fn find(&self, list: &[&str]) -> Vec<Span> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            match longest_at(&self.tokens, i, list) {
                Some(e) if self.outside_match((i, e)) => {
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
    fn within_words(&self, from: usize, to: usize, clause_id: usize, limit: usize) -> bool {
        (from..to)
            .filter(|&k| self.tokens[k].is_word && self.clause[k] == clause_id)
            .nth(limit)
            .is_none()
    }

    // ----- negated -------------------------------------------------------------------------

    fn negated(&self) -> Option<Span> {
        self.pre_negation().or_else(|| self.post_negation())
    }

    fn pre_negation(&self) -> Option<Span> {
        let target = self.first_clause()?;
        let mut best: Option<Span> = None;
        let mut i = 0;
        while i < self.before {
            // A long cue that runs into the match ("have not been shown" before a match
            // that starts at "shown") still has its negation word before the match: fall
            // back to the short cue then.
            let long =
                longest_at(&self.tokens, i, cues::NEGATION_LONG).filter(|&e| e <= self.before);
            let short = longest_at(&self.tokens, i, cues::NEGATION_PRE)
                .or_else(|| is_nt_word(&self.tokens[i].norm).then_some(i + 1));
            let (end, window) = match (long, short) {
                (Some(e), _) => (e, 15),
                (None, Some(e)) => (e, 6),
                (None, None) => {
                    i += 1;
                    continue;
                }
            };
            if end <= self.before
                && self.clause[end - 1] == target
                && (long.is_some() || !self.is_pseudo_negation(i, end))
                && self.pre_scope_reaches(i, end, target, window, long.is_some())
            {
                // Keep the nearest cue: it explains the decision best.
                best = Some((i, end));
            }
            i = end.max(i + 1);
        }
        best
    }

    fn pre_scope_reaches(
        &self,
        s: usize,
        e: usize,
        target: usize,
        window: usize,
        long: bool,
    ) -> bool {
        if !self.within_words(e, self.before, target, window) {
            return false;
        }
        let np_cue = cues::NEGATION_NP_CUES
            .iter()
            .any(|p| phrase_at(&self.tokens, s, p) == Some(e));
        (e..self.before).all(|k| {
            let t = &self.tokens[k];
            if self.clause[k] != target {
                return true;
            }
            // NegEx terminates scope at "still"; noun-phrase negators stop at a comma.
            !(t.norm == "still" || (!long && np_cue && t.norm == ","))
        })
    }

    /// "not only", "no doubt", "no longer need", "won't need", "nothing … than".
    fn is_pseudo_negation(&self, s: usize, e: usize) -> bool {
        if cues::PSEUDO_NEGATION_NEXT
            .iter()
            .any(|p| phrase_at(&self.tokens, e, p).is_some())
        {
            // "no more pain" is a promise, but "not more effective than" is a denial.
            let denied_comparison =
                phrase_at(&self.tokens, e, "more").is_some() && self.tokens[s].norm != "no";
            if !denied_comparison {
                return true;
            }
        }
        if phrase_at(&self.tokens, e, "the need").is_some()
            || phrase_at(&self.tokens, s, "if not").is_some()
            || s.checked_sub(1)
                .is_some_and(|p| matches!(self.tokens[p].norm.as_str(), "if" | "or"))
        {
            return true;
        }
        let superlative_subject = matches!(self.tokens[s].norm.as_str(), "nothing" | "nobody")
            || phrase_at(&self.tokens, s, "no one").is_some();
        superlative_subject
            && (e..self.tokens.len()).any(|k| {
                self.clause[k] == self.clause[s]
                    && is_in(cues::SUPERLATIVE_MARKERS, &self.tokens[k].norm)
            })
    }

    fn post_negation(&self) -> Option<Span> {
        let target = self.last_clause()?;
        self.find(cues::NEGATION_POST).into_iter().find(|&(s, _)| {
            s >= self.after
                && self.clause[s] == target
                && self.within_words(self.after, s, target, 4)
        })
    }

    // ----- hedged --------------------------------------------------------------------------

    fn hedged(&self) -> Option<Span> {
        let clauses = self.match_clauses();
        let in_scope = |k: usize| clauses.contains(&self.clause[k]);
        let lexical = self.find(cues::HEDGES).into_iter().find(|&(s, e)| {
            in_scope(s) && !self.is_month_may(s) && !self.is_weasel_some_people(s, e)
        });
        if lexical.is_some() {
            return lexical;
        }
        let conditional = self
            .tokens
            .iter()
            .any(|t| is_in(cues::CONDITIONAL_MARKERS, &t.norm));
        (0..self.tokens.len()).find_map(|k| {
            if !in_scope(k) || !self.outside_match((k, k + 1)) {
                return None;
            }
            let norm = self.tokens[k].norm.as_str();
            let evidential = is_in(cues::EVIDENTIAL_VERBS, norm) && self.has_research_subject(k);
            let would = norm == "would"
                && (conditional || self.tokens.get(k + 1).is_some_and(|n| n.norm == "likely"));
            (evidential || would).then_some((k, k + 1))
        })
    }

    /// "May" capitalised mid-sentence is the month.
    fn is_month_may(&self, s: usize) -> bool {
        let t = &self.tokens[s];
        t.norm == "may"
            && &self.sentence[t.start..t.end] == "May"
            && prev_word(&self.tokens, s).is_some()
    }

    /// "some people say …" is vague attribution, not a hedge.
    fn is_weasel_some_people(&self, s: usize, e: usize) -> bool {
        phrase_at(&self.tokens, s, "some people").is_some()
            && self
                .tokens
                .get(e)
                .is_some_and(|t| is_in(cues::WEASEL_SAY_VERBS, &t.norm))
    }

    /// A research noun within five words before an evidential verb, in its clause.
    fn has_research_subject(&self, verb: usize) -> bool {
        let mut words = 0;
        for k in (0..verb).rev() {
            if self.clause[k] != self.clause[verb] {
                break;
            }
            let t = &self.tokens[k];
            if !t.is_word {
                continue;
            }
            if is_in(cues::RESEARCH_NOUNS, &t.norm) {
                return true;
            }
            words += 1;
            if words >= 5 {
                break;
            }
        }
        false
    }

    // ----- aspirational --------------------------------------------------------------------

    /// A goal or possibility frame governs the match when it comes before it in the clause
    /// ("aims to regrow", "the potential to halt"), or right after it as the clause's
    /// predicate ("… regrowing cartilage shows promise"). A trailing phrase such as
    /// "…, offering a potential alternative" frames something else, not the match.
    fn aspirational(&self) -> Option<Span> {
        let clauses = self.match_clauses();
        self.find(cues::ASPIRATIONAL).into_iter().find(|&(s, _)| {
            // "the body's natural potential to repair" states a capacity, not a hope.
            let innate = self.tokens[s].norm == "potential"
                && prev_word(&self.tokens, s)
                    .is_some_and(|p| is_in(cues::INNATE_CAPACITY, &self.tokens[p].norm));
            !innate
                && clauses.contains(&self.clause[s])
                && (s < self.before
                    || (cues::POST_ASPIRATIONAL.contains(&self.tokens[s].norm.as_str())
                        && self.within_words(self.after, s, self.clause[s], 4)))
        })
    }

    // ----- attributed ----------------------------------------------------------------------

    fn attributed(&self) -> Option<Span> {
        let contrast = segment(&self.tokens, Segmenting::Contrast);
        let first = contrast
            .get(self.before)
            .or(contrast.last())
            .copied()
            .unwrap_or(0);
        let last = contrast
            .get(self.after.saturating_sub(1).max(self.before))
            .copied()
            .unwrap_or(first);
        let quoted = self.is_quoted();
        let candidates = self.attribution_cues(quoted);
        candidates
            .into_iter()
            .find(|&(s, _)| {
                if quoted {
                    return true;
                }
                if s < self.before {
                    contrast[s] == first
                } else {
                    contrast[s] == last && self.is_postposed_report(s)
                }
            })
            .or_else(|| self.rebutted_report())
    }

    /// Someone else's statement, then a rebuttal: "The founder predicts X, but independent
    /// experts are sceptical"; "Clinics tell patients that X, but there is no evidence". The
    /// report is distanced by what follows it, even with no distancing word before it.
    fn rebutted_report(&self) -> Option<Span> {
        let reporter = (0..self.before).find(|&i| {
            is_in(cues::REPORTED_SPEECH, &self.tokens[i].norm) && !self.first_person_subject(i)
        })?;
        let but = (self.after..self.tokens.len()).find(|&i| self.tokens[i].norm == "but")?;
        let rebutted = (but + 1..(but + 9).min(self.tokens.len()))
            .any(|i| longest_at(&self.tokens, i, cues::REBUTTALS).is_some());
        rebutted.then_some((reporter, reporter + 1))
    }

    /// Every distancing cue in the sentence, outside the match, with the checks that do not
    /// depend on position (first person, "shows promise", "as" after market/promote, vague
    /// authorities after "according to").
    fn attribution_cues(&self, quoted: bool) -> Vec<Span> {
        let mut found = Vec::new();
        for i in 0..self.tokens.len() {
            let t = &self.tokens[i];
            if !t.is_word {
                continue;
            }
            let span = if let Some(e) = longest_at(&self.tokens, i, cues::ATTRIBUTION) {
                let told = t.norm == "told" && e == i + 1;
                (!told || self.next_is_audience(e)).then_some((i, e))
            } else if is_in(cues::PROMISE_VERBS, &t.norm) {
                let noun = prev_word(&self.tokens, i)
                    .is_some_and(|p| is_in(cues::PROMISE_NOUN_MARKERS, &self.tokens[p].norm));
                (!noun).then_some((i, i + 1))
            } else if is_in(cues::ATTRIBUTION_WITH_AS, &t.norm) {
                let as_follows =
                    (i + 1..self.before.max(i + 1)).any(|k| self.tokens[k].norm == "as");
                (as_follows || quoted).then_some((i, i + 1))
            } else if let Some(e) = phrase_at(&self.tokens, i, "according to") {
                // "according to studies" is vague authority and "according to our medical
                // director" is the advertiser speaking: neither distances the claim.
                let vague = (e..(e + 2).min(self.tokens.len())).any(|k| {
                    let word = self.tokens[k].norm.as_str();
                    is_in(cues::VAGUE_AUTHORITIES, word) || is_in(cues::FIRST_PERSON, word)
                });
                (!vague).then_some((i, e))
            } else if is_in(cues::COMMERCIAL_SOURCES, &t.norm) {
                // "clinics say", "clinics contacted by reporters quoted": a seller the writer
                // reports on; "our clinic says" is the advertiser itself.
                (i + 1..(i + 7).min(self.tokens.len()))
                    .take_while(|&k| self.tokens[k].is_word)
                    .find(|&k| is_in(cues::SAY_VERBS, &self.tokens[k].norm))
                    .filter(|_| !self.first_person_subject(i))
                    .map(|k| (i, k + 1))
            } else {
                None
            };
            let Some(span) = span else { continue };
            if self.outside_match(span)
                && !(is_reporting_verb(&t.norm) && self.first_person_subject(i))
            {
                found.push(span);
            }
        }
        found
    }

    /// "told patients", "told listeners that" — not "told me" (a testimonial).
    fn next_is_audience(&self, e: usize) -> bool {
        self.tokens.get(e).is_some_and(|n| {
            matches!(
                n.norm.as_str(),
                "patients"
                    | "listeners"
                    | "viewers"
                    | "consumers"
                    | "customers"
                    | "people"
                    | "the"
                    | "them"
                    | "that"
                    | "readers"
            )
        })
    }

    /// A first-person word among the two words before `i` ("we claim", "our clinic promises").
    fn first_person_subject(&self, i: usize) -> bool {
        let mut k = i;
        let mut seen = 0;
        while let Some(p) = prev_word(&self.tokens, k) {
            if is_in(cues::FIRST_PERSON, &self.tokens[p].norm) {
                return true;
            }
            seen += 1;
            if seen == 2 {
                break;
            }
            k = p;
        }
        false
    }

    /// After the match, only warning frames and reports with a third-party subject distance it
    /// ("… is a red flag"; "…, some clinics claim"; "…, according to the clinic").
    fn is_postposed_report(&self, s: usize) -> bool {
        let t = &self.tokens[s];
        // Warning frames distance from either side ("a guaranteed cure is a red flag").
        let warning = matches!(
            t.norm.as_str(),
            "red"
                | "warning"
                | "warnings"
                | "wary"
                | "beware"
                | "scam"
                | "scams"
                | "bogus"
                | "dubious"
                | "misleading"
                | "fraudulent"
                | "falsely"
        );
        if warning || t.norm == "according" || is_in(cues::COMMERCIAL_SOURCES, &t.norm) {
            return true;
        }
        matches!(
            t.norm.as_str(),
            "claim" | "claims" | "claimed" | "promise" | "promises"
        ) && prev_word(&self.tokens, s).is_some_and(|p| {
            let w = self.tokens[p].norm.as_str();
            is_in(cues::COMMERCIAL_SOURCES, w) || matches!(w, "they" | "some" | "marketers")
        })
    }

    /// Is the match inside a quotation (“…”, "…", ‘…’ or «…»)?
    fn is_quoted(&self) -> bool {
        if self.after <= self.before {
            return false;
        }
        let (Some(m_start), Some(m_end)) = (
            self.tokens.get(self.before).map(|t| t.start),
            self.after
                .checked_sub(1)
                .and_then(|k| self.tokens.get(k))
                .map(|t| t.end),
        ) else {
            return false;
        };
        quote_spans(self.sentence)
            .iter()
            .any(|q| q.start <= m_start && m_end <= q.end)
    }
}

/// Verbs whose subject decides whether they distance ("clinics claim") or assert ("we claim").
fn is_reporting_verb(norm: &str) -> bool {
    [
        "claim", "promis", "advertis", "market", "tout", "sold", "sell", "promot", "told", "hyped",
    ]
    .iter()
    .any(|stem| norm.starts_with(stem))
}

/// Byte ranges of quoted text (between the quote marks).
fn quote_spans(s: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in s.char_indices() {
        match open {
            None => {
                let closes = match c {
                    '“' => Some('”'),
                    '"' => Some('"'),
                    '«' => Some('»'),
                    '‘' => Some('’'),
                    _ => None,
                };
                if let Some(close) = closes {
                    open = Some((close, i + c.len_utf8()));
                }
            }
            Some((close, start)) if c == close => {
                // A ’ followed by a letter is an apostrophe inside the quotation.
                let apostrophe = c == '’'
                    && s[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if !apostrophe {
                    spans.push(start..i);
                    open = None;
                }
            }
            Some(_) => {}
        }
    }
    spans
}

// ---------------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------------

fn question(sentence: &str, next: Option<&str>) -> Option<Cue> {
    let body = sentence.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '!' | '！')
            || c.is_ascii_digit()
            || matches!(c, '¹' | '²' | '³' | '⁰'..='⁹' | '[' | ',')
    });
    let mark = body
        .chars()
        .next_back()
        .filter(|&c| c == '?' || c == '？')?;
    let start = body.len() - mark.len_utf8();
    let tokens = tokenize(sentence);
    let first = tokens.iter().position(|t| t.is_word)?;
    if longest_at(&tokens, first, cues::RHETORICAL_OPENERS).is_some() {
        return None;
    }
    if next.is_some_and(is_affirmative_answer) {
        return None;
    }
    Some(Cue {
        condition: Condition::Question,
        text: mark.to_string(),
        start,
        end: body.len(),
    })
}

/// Does this sentence open with an affirmative answer ("Yes!", "Absolutely.", "The answer is
/// yes")? "Yes and no" is not one.
fn is_affirmative_answer(next: &str) -> bool {
    let tokens = tokenize(next);
    let Some(first) = tokens.iter().position(|t| t.is_word) else {
        return false;
    };
    if phrase_at(&tokens, first, "yes and no").is_some()
        || phrase_at(&tokens, first, "yes or no").is_some()
    {
        return false;
    }
    if longest_at(&tokens, first, cues::AFFIRMATIVE_ANSWERS).is_some() {
        return true;
    }
    // "For most patients, yes." and similar short lead-ins.
    tokens
        .iter()
        .filter(|t| t.is_word)
        .take(6)
        .any(|t| t.norm == "yes")
}

// ---------------------------------------------------------------------------------------------
// Citations
// ---------------------------------------------------------------------------------------------

/// Footnote markers, DOIs, PMIDs, "et al." and links to literature.
///
/// Source: DESIGN.md (`cited`: footnote marker, (Author, Year), DOI, PMID, link to a study);
/// DOMAIN.md §2.6.
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
          \[\s*\d{1,3}(?:\s*[-–—,]\s*\d{1,3})*\s*\]
        | (?:^|[^\s\dmM])[¹²³⁰⁴-⁹]+
        | (?i:\bet\s+al\b)
        | (?i:\bdoi\s*:\s*10\.\d{4,})
        | \b10\.\d{4,9}/\S+
        | (?i:\bPMID\s*:?\s*\d+)
        | \bPMC\d{4,}
        | (?i:\bpubmed\b)
        | (?i:https?://\S*(?:doi\.org|pubmed|ncbi\.nlm\.nih\.gov|nih\.gov|clinicaltrials\.gov
            |sciencedirect|springer|wiley|nejm\.org|thelancet|jamanetwork|bmj\.com|nature\.com
            |cochrane|plos|frontiersin|mdpi|sagepub|tandfonline|academic\.oup|journals\.))
        ",
    )
    .expect("the citation pattern is a valid regex literal")
});

/// "(Okafor, 2021)", "(Okafor and Lee 2019; …)", "Okafor (2021)": the author group is
/// captured so that "(Since 2010)" can be rejected.
static AUTHOR_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
          \(\s*(?P<a>\p{Lu}[\p{L}'’\-]+)(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’\-]+)?,?\s+(?:19|20)\d{2}[a-z]?\b[^)]*\)
        | (?P<b>\p{Lu}[\p{L}'’\-]+)\s+\((?:19|20)\d{2}[a-z]?\)
        ",
    )
    .expect("the author-year pattern is a valid regex literal")
});

/// Capitalised words that precede a year without being an author.
const NOT_AUTHORS: &[&str] = &[
    "since",
    "from",
    "until",
    "in",
    "by",
    "founded",
    "established",
    "est",
    "circa",
    "updated",
    "published",
    "as",
    "before",
    "after",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "the",
    "of",
    "and",
    "year",
    "copyright",
    "late",
    "early",
    "mid",
];

fn cited(sentence: &str) -> Option<Cue> {
    let author_year = AUTHOR_YEAR.captures_iter(sentence).find_map(|c| {
        let author = c.name("a").or_else(|| c.name("b"))?;
        let whole = c.get(0)?;
        (!NOT_AUTHORS.contains(&author.as_str().to_lowercase().as_str())).then_some(whole)
    });
    let found = CITATION.find(sentence);
    let hit = match (found, author_year) {
        (Some(a), Some(b)) => Some(if a.start() <= b.start() { a } else { b }),
        (a, b) => a.or(b),
    }?;
    // The superscript alternative may include the preceding character; drop it.
    let text = hit.as_str();
    let skip = text
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_alphanumeric() || c.is_whitespace() || c == '.') || is_superscript(c)
        })
        .filter(|&(_, c)| is_superscript(c))
        .map_or(0, |(k, _)| k);
    let start = hit.start() + skip;
    Some(Cue {
        condition: Condition::Cited,
        text: sentence[start..hit.end()].to_string(),
        start,
        end: hit.end(),
    })
}

fn is_superscript(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹')
}

#[cfg(test)]
mod tests {
    use super::{evaluate, Cue};
    use crate::rules::Condition;

    /// Evaluate `condition` for the first occurrence of `needle` in `sentence`.
    fn eval_next(
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

    fn holds(condition: Condition, sentence: &str, needle: &str) -> bool {
        eval_next(condition, sentence, needle, None).is_some()
    }

    fn cue_text(condition: Condition, sentence: &str, needle: &str) -> Option<String> {
        eval_next(condition, sentence, needle, None).map(|c| c.text)
    }

    use Condition::{Aspirational, Attributed, Cited, Hedged, Negated, Question};

    // ----- negated ---------------------------------------------------------------------------

    #[test]
    fn not_negates_cure() {
        assert_eq!(
            cue_text(Negated, "PRP is not a cure for knee arthritis.", "a cure"),
            Some("not".into())
        );
    }

    #[test]
    fn plain_claim_is_not_negated() {
        assert!(!holds(
            Negated,
            "PRP is a cure for knee arthritis.",
            "a cure"
        ));
    }

    #[test]
    fn contraction_negates_regrows() {
        assert!(holds(
            Negated,
            "Stem cell shots don’t regrow cartilage.",
            "regrow cartilage"
        ));
        assert!(holds(
            Negated,
            "These injections can't cure arthritis.",
            "cure arthritis"
        ));
    }

    #[test]
    fn not_only_does_not_negate_cures() {
        assert!(!holds(
            Negated,
            "Our therapy not only cures arthritis but also restores mobility.",
            "cures arthritis"
        ));
    }

    #[test]
    fn no_doubt_and_no_longer_do_not_negate() {
        assert!(!holds(
            Negated,
            "There is no doubt that PRP cures arthritis.",
            "cures arthritis"
        ));
        assert!(!holds(
            Negated,
            "You will no longer need knee surgery.",
            "need knee surgery"
        ));
        assert!(!holds(
            Negated,
            "You won't need knee replacement surgery.",
            "knee replacement surgery"
        ));
    }

    #[test]
    fn own_no_in_no_side_effects_is_not_negation() {
        assert!(!holds(
            Negated,
            "The injection has no side effects.",
            "no side effects"
        ));
        assert!(!holds(
            Negated,
            "Heal your knee without surgery.",
            "without surgery"
        ));
    }

    #[test]
    fn false_that_negates_no_side_effects() {
        assert!(holds(
            Negated,
            "It is false that there are no side effects.",
            "no side effects"
        ));
    }

    #[test]
    fn no_evidence_that_negates_regrows() {
        assert_eq!(
            cue_text(
                Negated,
                "There is no good evidence that injected stem cells from your own fat regrow cartilage.",
                "regrow cartilage"
            ),
            Some("no good evidence".into())
        );
    }

    #[test]
    fn has_not_been_shown_negates_across_long_window() {
        assert!(holds(
            Negated,
            "Amniotic fluid injections have not yet been shown in any controlled trial to regrow cartilage.",
            "regrow cartilage"
        ));
    }

    #[test]
    fn short_cue_does_not_reach_far_match() {
        assert!(!holds(
            Negated,
            "Not everyone knows that our patented marrow concentrate injection quickly regrows cartilage.",
            "regrows cartilage"
        ));
    }

    #[test]
    fn according_to_our_own_staff_is_not_attributed() {
        let ours = "According to our medical director, cord cells can cure knee arthritis.";
        assert!(!holds(Attributed, ours, "can cure knee arthritis"));
        let theirs =
            "According to the complaint, the clinic said cord cells can cure knee arthritis.";
        assert!(holds(Attributed, theirs, "can cure knee arthritis"));
    }

    #[test]
    fn not_more_effective_is_negated_but_no_more_pain_is_not() {
        let denial = "Cell injections were not more effective than a steroid shot.";
        assert!(holds(Negated, denial, "more effective than a steroid shot"));
        let promise = "No more pain: our injections regrow cartilage.";
        assert!(!holds(Negated, promise, "injections regrow cartilage"));
    }

    #[test]
    fn report_followed_by_a_rebuttal_is_attributed() {
        let sentence = "The founder predicts that stem cells will replace knee surgery, but independent experts are sceptical.";
        assert!(holds(
            Attributed,
            sentence,
            "stem cells will replace knee surgery"
        ));
        let told = "Clinics often tell patients that the shots regrow cartilage, but there is no evidence for it.";
        assert!(holds(Attributed, told, "the shots regrow cartilage"));
        let unrebutted = "The founder predicts that stem cells will replace knee surgery, but it will take time.";
        assert!(!holds(
            Attributed,
            unrebutted,
            "stem cells will replace knee surgery"
        ));
        let ours = "We predict that stem cells will replace knee surgery, but critics disagree.";
        assert!(!holds(
            Attributed,
            ours,
            "stem cells will replace knee surgery"
        ));
    }

    #[test]
    fn adverb_yet_does_not_end_negation_scope() {
        let sentence = "There is no evidence yet that injections prevent knee replacement.";
        assert!(holds(
            Negated,
            sentence,
            "injections prevent knee replacement"
        ));
        let data = "There are no data yet showing that PRP regrows cartilage.";
        assert!(holds(Negated, data, "PRP regrows cartilage"));
        let contrast = "The scan looked no different, yet the injections regrow cartilage.";
        assert!(!holds(Negated, contrast, "injections regrow cartilage"));
    }

    #[test]
    fn long_cue_running_into_the_match_still_negates() {
        let sentence = "Exosomes have not been proven in people.";
        assert!(holds(Negated, sentence, "proven in people"));
        assert!(holds(
            Negated,
            "PRP has not been shown to regrow cartilage.",
            "shown to regrow cartilage"
        ));
    }

    #[test]
    fn negation_scope_ends_at_but() {
        assert!(!holds(
            Negated,
            "Surgery is not the only option, but stem cells regrow cartilage.",
            "regrow cartilage"
        ));
        assert!(holds(
            Negated,
            "Stem cells ease pain, but they do not regrow cartilage.",
            "regrow cartilage"
        ));
    }

    #[test]
    fn negation_scope_ends_at_semicolon() {
        assert!(!holds(
            Negated,
            "Do not wait; stem cells regrow cartilage.",
            "regrow cartilage"
        ));
    }

    #[test]
    fn no_fragment_list_does_not_negate_following_claim() {
        assert!(!holds(
            Negated,
            "No surgery, no downtime, stem cells regrow cartilage.",
            "regrow cartilage"
        ));
    }

    #[test]
    fn nothing_than_is_a_superlative_not_a_negation() {
        assert!(!holds(
            Negated,
            "Nothing heals knees faster than PRP.",
            "heals knees"
        ));
        assert!(holds(
            Negated,
            "Nothing in the data shows PRP heals knees.",
            "heals knees"
        ));
    }

    #[test]
    fn post_negation_is_a_myth() {
        assert_eq!(
            cue_text(
                Negated,
                "That stem cells regrow cartilage is a myth.",
                "regrow cartilage"
            ),
            Some("is a myth".into())
        );
        assert!(!holds(
            Negated,
            "That stem cells regrow cartilage is well known.",
            "regrow cartilage"
        ));
    }

    #[test]
    fn rather_than_negates_following_match() {
        assert!(holds(
            Negated,
            "PRP treats symptoms rather than curing arthritis.",
            "curing arthritis"
        ));
    }

    #[test]
    fn not_fda_approved_is_negated() {
        assert!(holds(
            Negated,
            "Stem cell injections are not FDA‑approved.",
            "FDA‑approved"
        ));
    }

    #[test]
    fn negation_in_relative_clause_does_not_reach_main_clause() {
        let s = "Stem cells, which are not FDA approved, cure arthritis.";
        assert!(!holds(Negated, s, "cure arthritis"));
        assert!(holds(Negated, s, "FDA approved"));
        assert!(holds(
            Negated,
            "Stem cells, which some clinics sell, do not cure arthritis.",
            "cure arthritis"
        ));
    }

    #[test]
    fn dont_let_is_encouragement_not_negation() {
        assert!(!holds(
            Negated,
            "Don't let knee pain win; PRP regrows cartilage fast.",
            "regrows cartilage"
        ));
        assert!(!holds(
            Negated,
            "Don't let anyone say PRP can't heal knees.",
            "PRP"
        ));
    }

    // ----- hedged ----------------------------------------------------------------------------

    #[test]
    fn may_hedges_can_and_will_do_not() {
        assert_eq!(
            cue_text(Hedged, "PRP may ease knee pain.", "ease knee pain"),
            Some("may".into())
        );
        assert!(!holds(Hedged, "PRP can ease knee pain.", "ease knee pain"));
        assert!(!holds(Hedged, "PRP will ease knee pain.", "ease knee pain"));
        assert!(!holds(
            Hedged,
            "PRP helps ease knee pain.",
            "ease knee pain"
        ));
    }

    #[test]
    fn hedge_scope_ends_at_and_will() {
        let s = "Injections may ease pain and will regrow cartilage.";
        assert!(holds(Hedged, s, "ease pain"));
        assert!(!holds(Hedged, s, "regrow cartilage"));
    }

    #[test]
    fn may_carries_over_bare_coordination() {
        assert!(holds(
            Hedged,
            "Injections may ease pain and regrow cartilage.",
            "regrow cartilage"
        ));
    }

    #[test]
    fn hedge_after_subject_governs_predicate() {
        assert!(holds(
            Hedged,
            "Cartilage repair may be possible.",
            "Cartilage repair"
        ));
    }

    #[test]
    fn concessive_although_does_not_hedge_main_clause() {
        assert!(!holds(
            Hedged,
            "Although results vary, stem cells regrow cartilage.",
            "regrow cartilage"
        ));
        assert!(holds(
            Hedged,
            "Results vary, and some patients regain cartilage.",
            "regain cartilage"
        ));
    }

    #[test]
    fn studies_suggest_hedges_but_doctors_suggest_does_not() {
        assert!(holds(
            Hedged,
            "Early research suggests PRP eases knee pain.",
            "eases knee pain"
        ));
        assert!(!holds(
            Hedged,
            "Doctors suggest PRP because it regrows cartilage.",
            "regrows cartilage"
        ));
    }

    #[test]
    fn whether_clause_is_hedged() {
        assert_eq!(
            cue_text(
                Hedged,
                "Trials are testing whether stem cells regrow cartilage.",
                "regrow cartilage"
            ),
            Some("whether".into())
        );
    }

    #[test]
    fn fronted_whether_clause_does_not_hedge_main_clause() {
        assert!(!holds(
            Hedged,
            "Whether you are 40 or 80, stem cells regrow cartilage.",
            "regrow cartilage"
        ));
    }

    #[test]
    fn being_studied_hedges_earlier_match() {
        assert!(holds(
            Hedged,
            "Cartilage regrowth with stem cells is being studied.",
            "Cartilage regrowth"
        ));
    }

    #[test]
    fn some_patients_hedges_but_some_people_say_does_not() {
        assert!(holds(
            Hedged,
            "PRP eases pain for some patients.",
            "eases pain"
        ));
        assert!(!holds(
            Hedged,
            "Some people say PRP cures arthritis.",
            "cures arthritis"
        ));
    }

    #[test]
    fn conditional_would_hedges_plain_would_does_not() {
        assert!(holds(
            Hedged,
            "If it works, the shot would delay surgery.",
            "delay surgery"
        ));
        assert!(!holds(
            Hedged,
            "The shot would delay surgery for years.",
            "delay surgery"
        ));
    }

    #[test]
    fn month_may_is_not_a_hedge() {
        assert!(!holds(
            Hedged,
            "Since May our shots regrow cartilage.",
            "regrow cartilage"
        ));
    }

    #[test]
    fn parenthetical_does_not_split_hedge() {
        assert!(holds(
            Hedged,
            "PRP may (in mild cases) delay knee surgery.",
            "delay knee surgery"
        ));
    }

    // ----- aspirational ----------------------------------------------------------------------

    #[test]
    fn aims_to_is_aspirational() {
        assert_eq!(
            cue_text(
                Aspirational,
                "The injection aims to support cartilage repair.",
                "support cartilage repair"
            ),
            Some("aims to".into())
        );
        assert!(holds(
            Aspirational,
            "It is designed to regrow cartilage.",
            "regrow cartilage"
        ));
    }

    #[test]
    fn outcome_claim_is_not_aspirational() {
        assert!(!holds(
            Aspirational,
            "The injection regrows cartilage.",
            "regrows cartilage"
        ));
    }

    #[test]
    fn aspiration_in_other_clause_does_not_count() {
        assert!(!holds(
            Aspirational,
            "Our goal is comfort; the injection regrows cartilage.",
            "regrows cartilage"
        ));
    }

    #[test]
    fn trailing_potential_does_not_soften_an_earlier_claim() {
        let sentence = "Stem cells have the ability to regenerate damaged cartilage, offering a potential alternative to surgery.";
        assert_eq!(
            cue_text(Aspirational, sentence, "regenerate damaged cartilage"),
            None
        );
        assert!(holds(
            Aspirational,
            "Using stem cells to regrow cartilage shows promise.",
            "regrow cartilage"
        ));
        assert!(holds(
            Aspirational,
            "Regrowing cartilage with injections is promising.",
            "Regrowing cartilage"
        ));
    }

    #[test]
    fn potential_is_aspirational_unless_inside_match() {
        assert!(holds(
            Aspirational,
            "Stem cells hold the potential to halt arthritis.",
            "halt arthritis"
        ));
        assert!(!holds(
            Aspirational,
            "Stem cells hold the potential to halt arthritis.",
            "potential to halt arthritis"
        ));
    }

    #[test]
    fn a_claim_that_remains_a_goal_is_aspirational() {
        assert!(holds(
            Aspirational,
            "A cure for arthritis remains a goal of many laboratories.",
            "A cure for arthritis"
        ));
        assert!(holds(
            Aspirational,
            "The long-term aim is an injection that regrows cartilage.",
            "regrows cartilage"
        ));
    }

    #[test]
    fn natural_potential_is_a_capacity_not_a_hope() {
        let sentence = "Your body has a natural potential to rebuild worn cartilage.";
        assert!(!holds(Aspirational, sentence, "rebuild worn cartilage"));
        assert!(holds(
            Aspirational,
            "Cell therapy has the potential to rebuild worn cartilage.",
            "rebuild worn cartilage"
        ));
    }

    // ----- question --------------------------------------------------------------------------

    #[test]
    fn plain_question_is_question() {
        let cue = eval_next(
            Question,
            "Can stem cells regrow cartilage?",
            "regrow cartilage",
            None,
        );
        assert_eq!(cue.map(|c| c.text), Some("?".into()));
    }

    #[test]
    fn statement_is_not_question() {
        assert!(!holds(
            Question,
            "Stem cells regrow cartilage.",
            "regrow cartilage"
        ));
    }

    #[test]
    fn question_with_closing_quote_is_question() {
        assert!(holds(
            Question,
            "Patients ask, “Can PRP cure arthritis?” ",
            "cure arthritis"
        ));
    }

    #[test]
    fn question_answered_yes_is_not_question() {
        let s = "Can stem cells regrow cartilage?";
        assert!(eval_next(
            Question,
            s,
            "regrow cartilage",
            Some("Yes! Our patients prove it.")
        )
        .is_none());
        assert!(eval_next(Question, s, "regrow cartilage", Some("Of course.")).is_none());
        assert!(eval_next(Question, s, "regrow cartilage", Some("The answer is yes.")).is_none());
    }

    #[test]
    fn question_answered_no_is_question() {
        let s = "Can stem cells regrow cartilage?";
        assert!(eval_next(
            Question,
            s,
            "regrow cartilage",
            Some("No, not in any trial so far.")
        )
        .is_some());
        assert!(eval_next(
            Question,
            s,
            "regrow cartilage",
            Some("Yesterday we asked experts.")
        )
        .is_some());
        assert!(eval_next(Question, s, "regrow cartilage", Some("Yes and no.")).is_some());
    }

    #[test]
    fn rhetorical_hard_to_believe_is_not_question() {
        assert!(!holds(
            Question,
            "Hard to believe one shot can regrow cartilage?",
            "regrow cartilage"
        ));
        assert!(!holds(
            Question,
            "Tired of knee pain that never ends?",
            "knee pain"
        ));
        assert!(!holds(
            Question,
            "Did you know stem cells regrow cartilage?",
            "regrow cartilage"
        ));
    }

    // ----- attributed ------------------------------------------------------------------------

    #[test]
    fn clinics_claim_is_attributed() {
        assert_eq!(
            cue_text(
                Attributed,
                "Some clinics claim their shots cure arthritis.",
                "cure arthritis"
            ),
            Some("claim".into())
        );
    }

    #[test]
    fn studies_show_is_not_attributed() {
        assert!(!holds(
            Attributed,
            "Studies show stem cells cure arthritis.",
            "cure arthritis"
        ));
        assert!(!holds(
            Attributed,
            "According to research, PRP regrows cartilage.",
            "regrows cartilage"
        ));
    }

    #[test]
    fn we_promise_is_not_attributed() {
        assert!(!holds(
            Attributed,
            "We promise our shots cure arthritis.",
            "cure arthritis"
        ));
        assert!(!holds(
            Attributed,
            "Our clinic claims a cure for arthritis.",
            "a cure"
        ));
        assert!(holds(
            Attributed,
            "Some clinics promise their shots cure arthritis.",
            "cure arthritis"
        ));
    }

    #[test]
    fn shows_promise_is_not_attributed() {
        assert!(!holds(
            Attributed,
            "PRP shows promise and regrows cartilage.",
            "regrows cartilage"
        ));
    }

    #[test]
    fn fda_warns_is_attributed() {
        assert!(holds(
            Attributed,
            "The FDA warns that unapproved clinics sell stem cells as a cure for arthritis.",
            "a cure for arthritis"
        ));
    }

    #[test]
    fn marketed_as_is_attributed_but_market_alone_is_not() {
        assert!(holds(
            Attributed,
            "Cord blood is marketed as a cure for worn knees.",
            "a cure"
        ));
        assert!(holds(
            Attributed,
            "Sellers promote exosomes as a cure for worn knees.",
            "a cure"
        ));
        assert!(!holds(
            Attributed,
            "PRP promotes healing of worn knees.",
            "healing"
        ));
    }

    #[test]
    fn attribution_does_not_cross_but() {
        assert!(!holds(
            Attributed,
            "Other clinics claim a lot, but our stem cells cure arthritis.",
            "cure arthritis"
        ));
    }

    #[test]
    fn postposed_clinic_claim_is_attributed() {
        assert!(holds(
            Attributed,
            "Stem cells cure arthritis, some clinics claim.",
            "cure arthritis"
        ));
        assert!(!holds(
            Attributed,
            "Stem cells cure arthritis, we claim.",
            "cure arthritis"
        ));
    }

    #[test]
    fn quoted_match_needs_a_warning_cue() {
        assert!(holds(
            Attributed,
            "Ads for a “miracle cure” for knees are a red flag.",
            "miracle cure"
        ));
        assert!(!holds(
            Attributed,
            "Our patients call it a “miracle cure” for knees.",
            "miracle cure"
        ));
    }

    #[test]
    fn testimonial_told_me_is_not_attributed() {
        assert!(!holds(
            Attributed,
            "My surgeon told me the shots regrew my cartilage.",
            "regrew my cartilage"
        ));
        assert!(holds(
            Attributed,
            "Patients were told the shots would regrow cartilage.",
            "regrow cartilage"
        ));
    }

    // ----- cited -----------------------------------------------------------------------------

    #[test]
    fn bracket_marker_is_cited() {
        assert_eq!(
            cue_text(
                Cited,
                "Pain scores improved at one year [4–6].",
                "Pain scores improved"
            ),
            Some("[4–6]".into())
        );
        assert!(holds(Cited, "Pain scores improved [1, 2].", "improved"));
    }

    #[test]
    fn author_year_is_cited() {
        assert!(holds(
            Cited,
            "Pain scores improved (Okafor et al., 2021).",
            "improved"
        ));
        assert!(holds(
            Cited,
            "Pain scores improved (Okafor, 2021).",
            "improved"
        ));
        assert!(holds(
            Cited,
            "Pain scores improved (Okafor 2021).",
            "improved"
        ));
        assert!(holds(
            Cited,
            "Okafor (2021) saw improved pain scores.",
            "improved"
        ));
    }

    #[test]
    fn year_in_brackets_is_not_cited() {
        assert!(!holds(
            Cited,
            "We have healed knees (since 2010).",
            "healed knees"
        ));
        assert!(!holds(
            Cited,
            "We have healed knees (Since 2010).",
            "healed knees"
        ));
        assert!(!holds(
            Cited,
            "We have healed knees for 2 years.",
            "healed knees"
        ));
    }

    #[test]
    fn doi_pmid_and_superscript_are_cited() {
        assert!(holds(
            Cited,
            "See doi:10.1177/0363546520123456 for data.",
            "data"
        ));
        assert!(holds(
            Cited,
            "A trial found gains (PMID 31234567).",
            "gains"
        ));
        assert!(holds(Cited, "A trial found gains.²³", "gains"));
        assert!(holds(
            Cited,
            "Details: https://pubmed.ncbi.nlm.nih.gov/31234567/",
            "Details"
        ));
    }

    #[test]
    fn unit_superscript_is_not_cited() {
        assert!(!holds(Cited, "The defect was 2 cm² and healed.", "healed"));
    }

    // ----- lexicon tables --------------------------------------------------------------------

    #[test]
    fn epistemic_hedges_hedge_their_clause() {
        let cases = [
            ("PRP appears to ease knee pain.", "ease knee pain"),
            ("PRP tends to ease knee pain.", "ease knee pain"),
            ("In some cases PRP eases knee pain.", "eases knee pain"),
            ("This experimental shot eases knee pain.", "eases knee pain"),
            ("PRP generally eases knee pain.", "eases knee pain"),
            ("PRP possibly eases knee pain.", "eases knee pain"),
            (
                "It is unknown whether PRP eases knee pain.",
                "eases knee pain",
            ),
            (
                "PRP for knee pain is under investigation.",
                "PRP for knee pain",
            ),
        ];
        for (sentence, needle) in cases {
            assert!(holds(Hedged, sentence, needle), "{sentence}");
        }
    }

    #[test]
    fn ability_and_purpose_words_are_not_hedges() {
        let cases = [
            (
                "The shot is designed to regrow cartilage.",
                "regrow cartilage",
            ),
            (
                "Stem cells have the ability to regrow cartilage.",
                "regrow cartilage",
            ),
            (
                "Stem cells have the potential to regrow cartilage.",
                "regrow cartilage",
            ),
            ("The shot aims to regrow cartilage.", "regrow cartilage"),
            ("You should see cartilage regrow.", "cartilage regrow"),
            (
                "Approximately 90% of patients regrow cartilage.",
                "regrow cartilage",
            ),
            (
                "PRP supports and promotes cartilage regrowth.",
                "cartilage regrowth",
            ),
        ];
        for (sentence, needle) in cases {
            assert!(!holds(Hedged, sentence, needle), "{sentence}");
        }
    }

    #[test]
    fn goal_framings_are_aspirational() {
        let cases = [
            (
                "The treatment seeks to regrow cartilage.",
                "regrow cartilage",
            ),
            ("The goal is to regrow cartilage.", "regrow cartilage"),
            (
                "The shot is intended to regrow cartilage.",
                "regrow cartilage",
            ),
            ("PRP shows promise to regrow cartilage.", "regrow cartilage"),
            (
                "A promising shot that regrows cartilage.",
                "regrows cartilage",
            ),
            (
                "Stem cells could one day regrow cartilage.",
                "regrow cartilage",
            ),
        ];
        for (sentence, needle) in cases {
            assert!(holds(Aspirational, sentence, needle), "{sentence}");
        }
    }

    #[test]
    fn rhetorical_openers_are_not_questions() {
        let cases = [
            "Ready to walk without knee pain?",
            "Why wait for surgery when knee pain can end today?",
            "Isn't it time your knee pain ended?",
            "Want to end knee pain for good?",
            "Why suffer knee pain any longer?",
        ];
        for sentence in cases {
            assert!(!holds(Question, sentence, "knee pain"), "{sentence}");
        }
        assert!(holds(Question, "Will PRP end my knee pain?", "knee pain"));
    }

    #[test]
    fn distancing_cues_are_attributed() {
        let cases = [
            ("Exosomes are advertised as a cure for arthritis.", "a cure"),
            (
                "Clinics touted the shots as a cure for arthritis.",
                "a cure",
            ),
            ("The shots allegedly cure arthritis.", "cure arthritis"),
            (
                "The supposedly regenerative shot regrows cartilage.",
                "regrows cartilage",
            ),
            (
                "According to the clinic's website, the shots cure arthritis.",
                "cure arthritis",
            ),
            (
                "Be wary of any clinic offering a cure for arthritis.",
                "a cure",
            ),
            (
                "A guaranteed cure is a red flag for fraud.",
                "guaranteed cure",
            ),
        ];
        for (sentence, needle) in cases {
            assert!(holds(Attributed, sentence, needle), "{sentence}");
        }
    }

    #[test]
    fn vague_authority_is_not_attributed() {
        let cases = [
            ("Experts agree stem cells cure arthritis.", "cure arthritis"),
            (
                "Doctors recommend PRP because it regrows cartilage.",
                "regrows cartilage",
            ),
            (
                "Patients report that the shots cure arthritis.",
                "cure arthritis",
            ),
            ("Research shows the shots cure arthritis.", "cure arthritis"),
            ("We guarantee the shots cure arthritis.", "cure arthritis"),
        ];
        for (sentence, needle) in cases {
            assert!(!holds(Attributed, sentence, needle), "{sentence}");
        }
    }

    #[test]
    fn more_negation_cues_negate() {
        let cases = [
            (
                "There is no evidence to suggest that the shots regrow cartilage.",
                "regrow cartilage",
            ),
            ("The shots failed to regrow cartilage.", "regrow cartilage"),
            (
                "Trials found a lack of cartilage regrowth.",
                "cartilage regrowth",
            ),
            (
                "Neither PRP nor stem cells regrow cartilage.",
                "regrow cartilage",
            ),
            ("None of the patients regrew cartilage.", "regrew cartilage"),
            ("Stem cells never regrow cartilage.", "regrow cartilage"),
        ];
        for (sentence, needle) in cases {
            assert!(holds(Negated, sentence, needle), "{sentence}");
        }
    }

    #[test]
    fn pseudo_negations_do_not_negate() {
        let cases = [
            (
                "Without doubt, stem cells regrow cartilage.",
                "regrow cartilage",
            ),
            ("No wonder stem cells regrow cartilage.", "regrow cartilage"),
            (
                "It is not just hype: stem cells regrow cartilage.",
                "regrow cartilage",
            ),
            ("No other treatment regrows cartilage.", "regrows cartilage"),
            ("Say goodbye to knee pain with no more surgery.", "surgery"),
        ];
        for (sentence, needle) in cases {
            assert!(!holds(Negated, sentence, needle), "{sentence}");
        }
    }

    #[test]
    fn et_al_and_bare_doi_are_cited() {
        assert!(holds(Cited, "Okafor et al. saw gains in pain.", "gains"));
        assert!(holds(
            Cited,
            "Gains in pain were seen, 10.1016/j.jcot.2020.01.002.",
            "Gains"
        ));
        assert!(!holds(
            Cited,
            "Gains in pain were seen in 10 patients.",
            "Gains"
        ));
    }

    // ----- known gaps ------------------------------------------------------------------------

    #[test]
    #[ignore = "double negation is not resolved: \"not without\" still reads as negated"]
    fn not_without_risk_is_not_negated() {
        assert!(!holds(Negated, "PRP is not without risk.", "risk"));
    }

    #[test]
    #[ignore = "a reported claim the writer then endorses still counts as attributed"]
    fn endorsed_report_is_not_attributed() {
        assert!(!holds(
            Attributed,
            "Many clinics claim stem cells cure arthritis, and they are right.",
            "cure arthritis"
        ));
    }

    // ----- robustness ------------------------------------------------------------------------

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
