//! Claim frames: patterns written with word classes and bounded gaps, expanded into regexes.
//!
//! In: a pattern or frame as written, and the [`Lexicon`]. Out: the regex source to compile,
//! with each `{class}` turned into a named group (its slot) that messages and fixes can
//! interpolate, plus a map from the expanded source back to the text as written, so that a
//! regex error points at the user's own characters.
//!
//! The syntax, inside ordinary regex syntax:
//! - `{class}`: any form of a lexicon class, captured in a slot named after the class
//!   (`{repair-verb}` fills `{repair-verb}` in a fix template). A class used twice captures
//!   only its first occurrence.
//! - `{slot=class}`: the same, captured under another name (`{obj=tissue}`).
//! - `{gap:M-N}`: between M and N words (each with its trailing whitespace; a word may end in a
//!   comma, and a gap never crosses other punctuation). Each gap is a capture group named
//!   `_gapN`, so that context can treat a cue inside a gap ("PRP *may* regrow cartilage", "it
//!   is *not* FDA-approved") as it treats a cue outside the match.
//! - `{2,3}` and other repetition counts keep their regex meaning; `\{` is a literal brace.
//!
//! A *frame* (a rule's `frames` entry) is word-oriented on top of that: a run of spaces means
//! "a word break" (whitespace, or nothing where a word boundary already is), so optional
//! groups and gaps compose without counting spaces ("can (?:help )?{repair-verb}" matches
//! "can regrow" and "can help regrow"); and the frame is word-bounded at both ends. In a
//! `patterns` entry whitespace keeps its regex meaning.

use super::lexicon::Lexicon;

/// Whether whitespace is a word break (frames) or literal regex (patterns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A `patterns` entry: regex with class and gap references.
    Pattern,
    /// A `frames` entry: also word-oriented whitespace and word-bounded ends.
    Frame,
}

/// A pattern or frame expanded into regex source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Expanded {
    /// The regex to compile.
    pub source: String,
    /// The classes referenced, in order of first use.
    pub classes: Vec<String>,
    /// `(byte offset in source, char offset in the text as written)`, ascending: each piece of
    /// the source starts at the written char it came from.
    map: Vec<(usize, usize)>,
}

impl Expanded {
    /// The char offset, in the text as written, of byte `offset` of the expanded source.
    pub(crate) fn written_offset(&self, offset: usize) -> usize {
        match self.map.binary_search_by_key(&offset, |&(at, _)| at) {
            Ok(i) => self.map[i].1,
            Err(0) => 0,
            Err(i) => self.map[i - 1].1,
        }
    }
}

impl Expanded {
    /// Copy written chars that start at char `index` unchanged, mapping each one, so that an
    /// error inside a verbatim piece (a bad name in `(?P<1bad>`) points at its own character.
    fn push_written(&mut self, chars: &[(usize, char)], index: usize) {
        for (k, &(_, c)) in chars.iter().enumerate() {
            if k > 0 {
                self.map.push((self.source.len(), index + k));
            }
            self.source.push(c);
        }
    }
}

/// A mistake in a frame: what, and the char offset and length in the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FrameError {
    pub message: String,
    pub offset: usize,
    pub len: usize,
}

/// The most words a gap may span: more would reach across clauses the context model judges
/// separately.
pub(crate) const MAX_GAP: usize = 12;

/// The regex for one word of a gap and the whitespace after it.
const GAP_WORD: &str = r"(?:[0-9A-Za-z\u{C0}-\u{24F}'\u{2019}\u{2010}\u{2011}%-]+,?\s+)";

/// The prefix of the capture group each gap is (`_gap0`, `_gap1` …): the engine needs the
/// gaps' text, because a cue inside a gap is not the claim's own word (see `engine`).
pub(crate) const GAP_GROUP: &str = "_gap";

/// What a run of whitespace in a frame means.
const WORD_BREAK: &str = r"(?:\s+|\b)";

/// Expand `text` written in `mode` with the classes of `lexicon`.
pub(crate) fn expand(text: &str, mode: Mode, lexicon: &Lexicon) -> Result<Expanded, FrameError> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Expanded {
        source: String::with_capacity(text.len() * 2),
        classes: Vec::new(),
        map: Vec::new(),
    };
    let mut slots: Vec<String> = Vec::new();
    let mut gaps = 0;
    let trimmed = text.trim();
    let is_frame = mode == Mode::Frame;
    if is_frame {
        out.source.push_str(start_bound(trimmed));
    }
    // After a group opener or `|`, whitespace in a frame would only widen the match.
    let mut at_group_start = true;
    let mut i = 0;
    while i < chars.len() {
        let (byte, c) = chars[i];
        out.map.push((out.source.len(), i));
        match c {
            '\\' => {
                let end = escape_end(&chars, i);
                out.push_written(&chars[i..end], i);
                i = end;
                at_group_start = false;
            }
            '[' => {
                let end = class_end(&chars, i).ok_or_else(|| FrameError {
                    message: "unclosed character class `[`".to_owned(),
                    offset: i,
                    len: 1,
                })?;
                out.push_written(&chars[i..end], i);
                i = end;
                at_group_start = false;
            }
            '{' => {
                let close = chars[i..]
                    .iter()
                    .position(|&(_, c)| c == '}')
                    .map(|p| i + p)
                    .ok_or_else(|| FrameError {
                        message: "unclosed `{`: write `\\{` for a literal brace".to_owned(),
                        offset: i,
                        len: 1,
                    })?;
                let inner = &text[byte + 1..chars[close].0];
                let reference = Reference::parse(inner).map_err(|message| FrameError {
                    message,
                    offset: i,
                    len: close + 1 - i,
                })?;
                match reference {
                    Reference::Repetition => out.source.push_str(&text[byte..=chars[close].0]),
                    Reference::Gap(min, max) => {
                        let name = format!("{GAP_GROUP}{gaps}");
                        gaps += 1;
                        out.source
                            .push_str(&format!("(?P<{name}>{GAP_WORD}{{{min},{max}}})"));
                    }
                    Reference::Class { slot, class } => {
                        let Some(word_class) = lexicon.get(class) else {
                            let known: Vec<&str> = lexicon.names().collect();
                            return Err(FrameError {
                                message: format!(
                                    "unknown word class `{class}`{}",
                                    did_you_mean(class, &known)
                                ),
                                offset: i,
                                len: close + 1 - i,
                            });
                        };
                        let slot = slot.unwrap_or(class).replace('-', "_");
                        if !out.classes.iter().any(|c| c == class) {
                            out.classes.push(class.to_owned());
                        }
                        let body = word_class.regex_source();
                        if slots.contains(&slot) {
                            out.source.push_str(body);
                        } else {
                            out.source.push_str(&format!("(?P<{slot}>{body})"));
                            slots.push(slot);
                        }
                    }
                }
                i = close + 1;
                at_group_start = false;
            }
            c if c.is_whitespace() && is_frame => {
                while i < chars.len() && chars[i].1.is_whitespace() {
                    i += 1;
                }
                // Before `|` or `)` the break stays: `(?:an? |the) {therapy}` and
                // `(?:your )?knee` need it once the group is taken or skipped.
                if !at_group_start && i < chars.len() {
                    out.source.push_str(WORD_BREAK);
                }
            }
            '(' => {
                // The whole opener (`(`, `(?:`, `(?P<name>`, `(?i)` …) is one piece.
                let end = group_opener_end(&chars, i);
                out.push_written(&chars[i..end], i);
                i = end;
                at_group_start = true;
            }
            '|' => {
                out.source.push('|');
                i += 1;
                at_group_start = true;
            }
            c => {
                out.source.push(c);
                i += 1;
                at_group_start = false;
            }
        }
    }
    if is_frame {
        out.source.push_str(end_bound(trimmed));
    }
    Ok(out)
}

/// How a frame is bounded at its start: `\b` before a word or class; before a group or
/// anything else, "no word character just before" (`\b{start-half}`), so that a frame opening
/// with `(?:re)?grow` cannot start inside "outgrow"; nothing before an explicit anchor.
fn start_bound(frame: &str) -> &'static str {
    match frame.chars().next() {
        Some(c) if c.is_alphanumeric() || c == '{' => r"\b",
        Some('^' | '\\') | None => "",
        Some(_) => r"\b{start-half}",
    }
}

/// How a frame is bounded at its end: `\b` after a word or class; after a group or anything
/// else, "no word character just after" (`\b{end-half}`), so that a frame ending in
/// `(?:form|grow)` does not match inside "formed"; nothing after `$`.
fn end_bound(frame: &str) -> &'static str {
    match frame.chars().last() {
        Some(c) if c.is_alphanumeric() || c == '}' => r"\b",
        Some('$') | None => "",
        Some(_) => r"\b{end-half}",
    }
}

/// What a `{…}` holds.
#[derive(Debug, PartialEq, Eq)]
enum Reference<'a> {
    /// `{2}`, `{2,}`, `{2,5}`: a regex repetition.
    Repetition,
    /// `{gap:M-N}`.
    Gap(usize, usize),
    /// `{class}` or `{slot=class}`.
    Class {
        slot: Option<&'a str>,
        class: &'a str,
    },
}

impl<'a> Reference<'a> {
    fn parse(inner: &'a str) -> Result<Reference<'a>, String> {
        if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit() || c == ',') {
            return Ok(Reference::Repetition);
        }
        if let Some(range) = inner.strip_prefix("gap:") {
            let bounds = range
                .split_once('-')
                .and_then(|(min, max)| Some((min.parse().ok()?, max.parse().ok()?)));
            return match bounds {
                Some((min, max)) if min <= max && max <= MAX_GAP => Ok(Reference::Gap(min, max)),
                Some((min, max)) if min > max => Err(format!(
                    "malformed gap `{{{inner}}}`: the minimum {min} is larger than the maximum {max}"
                )),
                Some(_) => Err(format!(
                    "malformed gap `{{{inner}}}`: at most {MAX_GAP} words (a longer gap reaches across clauses)"
                )),
                None => Err(format!(
                    "malformed gap `{{{inner}}}`: write `{{gap:M-N}}` with word counts, e.g. `{{gap:0-4}}`"
                )),
            };
        }
        let (slot, class) = match inner.split_once('=') {
            Some((slot, class)) => (Some(slot.trim()), class.trim()),
            None => (None, inner.trim()),
        };
        let is_name = |s: &str| {
            !s.is_empty()
                && s.starts_with(|c: char| c.is_ascii_lowercase())
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        };
        if is_name(class) && slot.is_none_or(is_name) {
            Ok(Reference::Class { slot, class })
        } else {
            Err(format!(
                "malformed `{{{inner}}}`: expected a word class `{{tissue}}`, a named slot `{{obj=tissue}}`, a gap `{{gap:0-4}}` or a repetition `{{2,3}}`"
            ))
        }
    }
}

/// The end (exclusive char index) of the escape starting at `i`: `\x`, or `\p{…}`-style
/// escapes with a braced argument, which must not be read as class references.
fn escape_end(chars: &[(usize, char)], i: usize) -> usize {
    let Some(&(_, letter)) = chars.get(i + 1) else {
        return i + 1;
    };
    if matches!(letter, 'p' | 'P' | 'x' | 'u' | 'U') && chars.get(i + 2).is_some_and(|c| c.1 == '{')
    {
        if let Some(p) = chars[i + 2..].iter().position(|&(_, c)| c == '}') {
            return i + 2 + p + 1;
        }
    }
    i + 2
}

/// The end (exclusive) of the character class opening at `i`, nested classes included.
fn class_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let mut depth = 0;
    let mut j = i;
    while j < chars.len() {
        match chars[j].1 {
            '\\' => {
                j = escape_end(chars, j);
                continue;
            }
            '[' => {
                depth += 1;
                // A `]` right after `[` or `[^` is a literal member.
                j += 1;
                if chars.get(j).is_some_and(|c| c.1 == '^') {
                    j += 1;
                }
                if chars.get(j).is_some_and(|c| c.1 == ']') {
                    j += 1;
                }
                continue;
            }
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j + 1);
                }
            }
            _ => {}
        }
        j += 1;
    }
    None
}

/// The end (exclusive) of a group opener at `i`: `(`, `(?:`, `(?P<name>`, `(?<name>`, `(?i:`,
/// or a flag group `(?i)`.
fn group_opener_end(chars: &[(usize, char)], i: usize) -> usize {
    if chars.get(i + 1).is_none_or(|c| c.1 != '?') {
        return i + 1;
    }
    let mut j = i + 2;
    while let Some(&(_, c)) = chars.get(j) {
        j += 1;
        if c == ':' || c == '>' || c == ')' {
            return j;
        }
        if !(c.is_alphanumeric() || c == '-' || c == '<' || c == 'P' || c == '_') {
            return j - 1;
        }
    }
    j
}

/// ", did you mean `x`?" for the closest known name, when one is close.
pub(crate) fn did_you_mean(name: &str, known: &[&str]) -> String {
    let best = known
        .iter()
        .map(|k| (edit_distance(name, k), *k))
        .min()
        .filter(|&(d, k)| d <= 2.max(k.len() / 4));
    match best {
        Some((_, k)) => format!(" (did you mean `{{{k}}}`?)"),
        None if known.is_empty() => String::new(),
        None => format!("; known classes: {}", known.join(", ")),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// A frame or pattern described in words for `overclaim explain`: each class reference
/// becomes "a repair-verb" and each gap "up to N words", the rest is shown as written.
pub(crate) fn describe(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let escaped = rest[..open].ends_with('\\');
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &after[..close];
        let words = match (escaped, Reference::parse(inner)) {
            (false, Ok(Reference::Gap(0, max))) => format!("⟨up to {max} words⟩"),
            (false, Ok(Reference::Gap(min, max))) => format!("⟨{min} to {max} words⟩"),
            (false, Ok(Reference::Class { slot: None, class })) => format!("⟨any {class}⟩"),
            (
                false,
                Ok(Reference::Class {
                    slot: Some(slot),
                    class,
                }),
            ) => {
                format!("⟨any {class}, as {slot}⟩")
            }
            _ => format!("{{{inner}}}"),
        };
        out.push_str(&words);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::rules::lexicon::{WordClass, WordKind};

    fn lexicon() -> Lexicon {
        let class = |name: &str, kind, words: &[&str]| {
            WordClass::new(
                name,
                "",
                kind,
                words.iter().map(|w| (*w).to_owned()).collect(),
                &BTreeMap::from([("regrow".to_owned(), vec!["regrew".into(), "regrown".into()])]),
            )
        };
        Lexicon::new([
            class(
                "repair-verb",
                WordKind::Verb,
                &["regrow", "repair", "rebuild"],
            ),
            class(
                "tissue",
                WordKind::Noun,
                &["cartilage", "meniscus", "joint"],
            ),
            class(
                "therapy",
                WordKind::Noun,
                &["stem cell", "PRP", "injection"],
            ),
        ])
    }

    fn regex(text: &str, mode: Mode) -> regex::Regex {
        let expanded = expand(text, mode, &lexicon()).expect("expands");
        regex::RegexBuilder::new(&expanded.source)
            .case_insensitive(true)
            .build()
            .expect("compiles")
    }

    #[test]
    fn a_frame_matches_classes_across_a_bounded_gap() {
        let re = regex("{repair-verb} {gap:0-3} {tissue}", Mode::Frame);
        for text in [
            "it regrows cartilage",
            "will rebuild the worn, damaged cartilage",
            "Regrown menisci? no: regrown meniscus",
        ] {
            assert!(re.is_match(text), "{text}");
        }
        assert!(!re.is_match("repair the very old and worn cartilage"));
        assert!(!re.is_match("repair it. Cartilage"));
        assert!(!re.is_match("prepaired cartilage"));
    }

    #[test]
    fn classes_fill_named_slots() {
        let re = regex(
            "{therapy} {gap:0-2} {repair-verb} {obj=tissue}",
            Mode::Frame,
        );
        let caps = re
            .captures("Our stem cell injections actually regrow cartilage.")
            .expect("matches");
        assert_eq!(&caps["therapy"], "stem cell");
        assert_eq!(&caps["repair_verb"], "regrow");
        assert_eq!(&caps["obj"], "cartilage");
    }

    #[test]
    fn frame_whitespace_composes_with_optional_groups() {
        let re = regex("can (?:help )?{repair-verb} {tissue}", Mode::Frame);
        assert!(re.is_match("can regrow cartilage"));
        assert!(re.is_match("can help regrow cartilage"));
        assert!(!re.is_match("canregrow cartilage"));
        // In a pattern, whitespace is regex whitespace.
        let re = regex(r"can\s+{repair-verb}\s+{tissue}", Mode::Pattern);
        assert!(re.is_match("can  regrow cartilage"));
    }

    #[test]
    fn a_space_before_an_alternation_bar_is_a_word_break() {
        let re = regex("(?:an? |the )?{tissue}", Mode::Frame);
        assert!(re.is_match("a meniscus"));
        assert!(re.is_match("the cartilage"));
        let re = regex("(?:an? |the) {tissue}", Mode::Frame);
        assert!(re.is_match("a meniscus"));
        assert!(!re.is_match("ameniscus"));
    }

    #[test]
    fn a_frame_ending_in_a_group_does_not_match_inside_a_word() {
        let re = regex("(?:form|grow)", Mode::Frame);
        assert!(re.is_match("cells form."));
        assert!(!re.is_match("cells formed"));
        assert!(!re.is_match("outgrow"));
        let re = regex("(?:100%|all)", Mode::Frame);
        assert!(re.is_match("100% of patients"));
    }

    #[test]
    fn repetitions_escapes_and_classes_pass_through() {
        let expanded = expand(r"a{2,3}\p{L}[{}]\{x\}", Mode::Pattern, &lexicon()).expect("ok");
        assert_eq!(expanded.source, r"a{2,3}\p{L}[{}]\{x\}");
        assert!(expanded.classes.is_empty());
    }

    #[test]
    fn a_class_used_twice_captures_once() {
        let re = regex("{tissue} or {tissue}", Mode::Frame);
        let caps = re.captures("cartilage or meniscus").expect("matches");
        assert_eq!(&caps["tissue"], "cartilage");
    }

    #[test]
    fn mistakes_are_located() {
        let err = |text: &str| expand(text, Mode::Frame, &lexicon()).expect_err(text);
        let e = err("regrow {tisue}");
        assert_eq!((e.offset, e.len), (7, 7));
        assert!(e.message.contains("unknown word class `tisue`"), "{e:?}");
        assert!(e.message.contains("did you mean `{tissue}`"), "{e:?}");
        let e = err("{repair-verb} {gap:4-1} x");
        assert_eq!(e.offset, 14);
        assert!(e.message.contains("minimum 4 is larger"), "{e:?}");
        assert!(err("{gap:0-40}").message.contains("at most 12 words"));
        assert!(err("{gap:few}").message.contains("malformed gap"));
        assert!(err("x {Tissue}").message.contains("malformed `{Tissue}`"));
        let e = err("x {tissue");
        assert_eq!(e.offset, 2);
        assert!(e.message.contains("unclosed `{`"));
    }

    #[test]
    fn written_offsets_map_back_through_expansions() {
        let text = "{tissue} (x";
        let expanded = expand(text, Mode::Pattern, &lexicon()).expect("expands");
        let paren = expanded.source.rfind('(').expect("paren");
        assert_eq!(expanded.written_offset(paren), 9);
    }

    #[test]
    fn frames_read_in_words() {
        assert_eq!(
            describe("{repair-verb} {gap:0-4} {obj=tissue} {2,3}"),
            "⟨any repair-verb⟩ ⟨up to 4 words⟩ ⟨any tissue, as obj⟩ {2,3}"
        );
    }
}
