//! Tokenisation: a sentence into words and punctuation marks with their byte ranges, and the
//! token-level lookups every condition shares.
//!
//! In: a sentence (`&str`), or a token slice and an index. Out: [`Token`]s (lowercased and
//! normalised as the lexicons in `cues.rs` expect), and whether a lexicon phrase or list entry
//! matches at a position.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A word or a punctuation mark, with its byte range in the sentence.
#[derive(Debug)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Lowercased, `’` → `'`, non-breaking and other Unicode hyphens → `-`.
    pub(super) norm: String,
    pub(super) is_word: bool,
}

/// Characters that join two word parts into one token ("isn't", "pain-free", "3.5").
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '\u{2010}' | '\u{2011}' | '.')
}

pub(super) fn tokenize(s: &str) -> Vec<Token> {
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

pub(super) fn is_nt_word(norm: &str) -> bool {
    norm.len() > 3 && norm.ends_with("n't")
}

/// Does `phrase` (space-separated lexicon entry) match the tokens starting at `i`? Returns the
/// index just past the match. `*` matches any word; `n't` matches any contraction ending so.
pub(super) fn phrase_at(tokens: &[Token], i: usize, phrase: &str) -> Option<usize> {
    // Most phrases fail on their first word: reject those without splitting the phrase (this
    // runs for every token near every match against every cue list).
    let first = &tokens.get(i)?.norm;
    if !phrase.starts_with(first.as_str()) && !phrase.starts_with(['*', 'n']) {
        return None;
    }
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

/// A cue list of `cues.rs`: its phrases, and (built on first use) an index of them by first
/// word, so that asking which phrases start at a token looks at those that can, not at all of
/// them. Context runs every list at every token near every match; a pathological sentence
/// has tens of thousands of matches.
pub(crate) struct Cues {
    phrases: &'static [&'static str],
    index: OnceLock<CueIndex>,
}

#[derive(Default)]
struct CueIndex {
    /// Phrases by their first word.
    by_first: HashMap<&'static str, Vec<&'static str>>,
    /// Phrases whose first word is a pattern (`*`, `n't`): tried at every token.
    anywhere: Vec<&'static str>,
}

impl Cues {
    pub(crate) const fn new(phrases: &'static [&'static str]) -> Cues {
        Cues {
            phrases,
            index: OnceLock::new(),
        }
    }

    /// The phrases that can match at a token whose normalised text is `first`.
    fn starting_with<'a>(&'a self, first: &str) -> impl Iterator<Item = &'static str> + 'a {
        let index = self.index.get_or_init(|| {
            let mut index = CueIndex::default();
            for &phrase in self.phrases {
                match phrase.split(' ').next().unwrap_or_default() {
                    "*" | "n't" => index.anywhere.push(phrase),
                    word => index.by_first.entry(word).or_default().push(phrase),
                }
            }
            index
        });
        let listed = index.by_first.get(first).map(Vec::as_slice).unwrap_or(&[]);
        listed.iter().chain(&index.anywhere).copied()
    }
}

impl std::ops::Deref for Cues {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        self.phrases
    }
}

/// The longest entry of `list` matching at `i`, as an end index.
pub(super) fn longest_at(tokens: &[Token], i: usize, list: &Cues) -> Option<usize> {
    let first = &tokens.get(i)?.norm;
    list.starting_with(first)
        .filter_map(|p| phrase_at(tokens, i, p))
        .max()
}

pub(super) fn is_in(list: &[&str], norm: &str) -> bool {
    list.contains(&norm)
}

/// Index of the previous word token before `i`, if any.
pub(super) fn prev_word(tokens: &[Token], i: usize) -> Option<usize> {
    (0..i).rev().find(|&k| tokens[k].is_word)
}
