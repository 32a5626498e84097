//! Sentence splitting for one prose block.
//!
//! In: the plain text of one block (a paragraph, heading, list item …). Out: byte ranges of
//! its sentences, trimmed of surrounding whitespace, never empty, in order and
//! non-overlapping. A sentence ends at `.`, `!`, `?` or `…` (or a run such as `?!` or `...`),
//! optionally followed by closing quotes, brackets and footnote markers, when whitespace and
//! then an uppercase letter, digit, opening quote or bracket, or the end of the text follow.
//!
//! It does not split after abbreviations (Dr., e.g., vs., et al., U.S., Ph.D. …), single-letter
//! initials, "No." before a number, or inside decimals. Line breaks are not boundaries (blocks
//! arrive as single paragraphs) and neither is ":". The splitter is one forward pass over the
//! text; the only look-back is over the single word before a period.

use crate::source::TextRange;

/// Abbreviations (lowercase, without their final period) after which a period never ends a
/// sentence. Multi-period forms (e.g., U.S., Ph.D.) are caught by [`is_dotted_initialism`].
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "approx", "fig", "figs", "al", "inc",
    "ltd", "co", "corp", "dept", "univ", "mt", "vol", "pp", "ca", "cf", "ref", "refs", "eq", "ch",
    "sec", "viz", "esp", "incl", "min", "max", "avg", "est", "jan", "feb", "aug", "sept", "oct",
    "nov", "dec", "mg", "ml",
];

/// Abbreviations that do not end a sentence only when a digit follows ("No. 5", "p. 12").
const ABBREVIATIONS_BEFORE_DIGIT: &[&str] = &["no", "nos", "p", "art", "n"];

/// Split one prose block's plain text into sentences (byte ranges into `plain`, trimmed of
/// surrounding whitespace, never empty, in order, non-overlapping).
///
/// For example, "Dr. Lee uses PRP. Does it work? Yes." gives three sentences, the first
/// being "Dr. Lee uses PRP.".
pub fn split_sentences(plain: &str) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = plain.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_terminal(c) {
            continue;
        }
        // Consume the whole run of terminal punctuation ("?!", "...").
        let mut run_end = i + c.len_utf8();
        let mut run_len = 1;
        while let Some(&(j, d)) = iter.peek() {
            if !is_terminal(d) {
                break;
            }
            run_end = j + d.len_utf8();
            run_len += 1;
            iter.next();
        }
        // Closing quotes, brackets and footnote markers stay with the sentence they close.
        let end = skip_closers(plain, run_end);
        // Advance the main iterator past what `skip_closers` consumed.
        while let Some(&(j, _)) = iter.peek() {
            if j >= end {
                break;
            }
            iter.next();
        }
        if !is_followed_by_sentence_start(plain, end) {
            continue;
        }
        if c == '.' && run_len == 1 && is_abbreviation(plain, i, end) {
            continue;
        }
        push_trimmed(plain, start, end, &mut out);
        start = end;
    }
    push_trimmed(plain, start, plain.len(), &mut out);
    out
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '？' | '！')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '¹' | '²' | '³' | '⁰'..='⁹'
    )
}

/// Skip closing quotes/brackets and a bracketed footnote marker directly after a sentence end
/// ("… cartilage.[3] Next"), returning the byte offset after them.
fn skip_closers(plain: &str, from: usize) -> usize {
    let mut end = from;
    while let Some(c) = plain.get(end..).and_then(|rest| rest.chars().next()) {
        if is_closer(c) {
            end += c.len_utf8();
        } else if let Some(len) = footnote_marker_len(&plain[end..]) {
            end += len;
        } else {
            break;
        }
    }
    end
}

/// Length in bytes of a bracketed footnote marker ("[3]", "[1,2]", "[4–6]") at the start of
/// `rest`, if there is one.
fn footnote_marker_len(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix('[')?;
    let (off, close) = inner
        .char_indices()
        .take(16)
        .find(|&(_, d)| !(d.is_ascii_digit() || matches!(d, ',' | '-' | '–' | ' ')))?;
    (close == ']' && off > 0 && inner[..off].chars().any(|d| d.is_ascii_digit()))
        .then_some(1 + off + 1)
}

/// Whitespace and then something that can open a sentence, or only whitespace to the end.
fn is_followed_by_sentence_start(plain: &str, end: usize) -> bool {
    let rest = plain.get(end..).unwrap_or("");
    let mut chars = rest.chars();
    match chars.next() {
        None => return true,
        Some(c) if !c.is_whitespace() => return false,
        Some(_) => {}
    }
    match rest.chars().find(|c| !c.is_whitespace()) {
        None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '"' | '“' | '‘' | '\'' | '«' | '(' | '[' | '¿' | '¡' | '•' | '*' | '-' | '–'
                )
        }
    }
}

/// Is the period at `dot` the end of an abbreviation, an initial or a dotted initialism?
/// `end` is where the sentence would end (after any closers).
fn is_abbreviation(plain: &str, dot: usize, end: usize) -> bool {
    let before = &plain[..dot];
    // The word before the period, including inner periods ("e.g", "U.S", "Ph.D").
    let word_start = before
        .char_indices()
        .rev()
        .take(24)
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(dot, |(k, _)| k);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let next_is_digit = plain
        .get(end..)
        .and_then(|rest| rest.chars().find(|c| !c.is_whitespace()))
        .is_some_and(|c| c.is_ascii_digit());
    if next_is_digit && ABBREVIATIONS_BEFORE_DIGIT.contains(&lower.as_str()) {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // A single capital letter: an initial ("J. Smith").
        return c.is_uppercase();
    }
    is_dotted_initialism(word)
}

/// "e.g", "i.e", "U.S", "Ph.D", "M.D": short letter groups joined by periods.
fn is_dotted_initialism(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

fn push_trimmed(plain: &str, start: usize, end: usize, out: &mut Vec<TextRange>) {
    let Some(piece) = plain.get(start..end) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = start + lead;
        out.push(TextRange {
            start: s,
            end: s + trimmed.len(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::split_sentences;

    fn split(plain: &str) -> Vec<&str> {
        split_sentences(plain)
            .iter()
            .map(|r| &plain[r.start..r.end])
            .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split("PRP is spun blood. It is injected.  Results differ!"),
            ["PRP is spun blood.", "It is injected.", "Results differ!"]
        );
    }

    #[test]
    fn dr_abbreviation_does_not_split() {
        assert_eq!(
            split("Ask Dr. Patel about knee injections. Mr. Ruiz did."),
            ["Ask Dr. Patel about knee injections.", "Mr. Ruiz did."]
        );
    }

    #[test]
    fn eg_does_not_split() {
        assert_eq!(
            split("Some sources, e.g. Marrow, are harvested. Others, i.e. Fat, too."),
            [
                "Some sources, e.g. Marrow, are harvested.",
                "Others, i.e. Fat, too."
            ]
        );
    }

    #[test]
    fn etc_before_lowercase_does_not_split() {
        assert_eq!(
            split("Bone, fat, etc. are sources. Next one."),
            ["Bone, fat, etc. are sources.", "Next one."]
        );
    }

    #[test]
    fn decimal_does_not_split() {
        assert_eq!(
            split("The lesion shrank by 3.5 mm. That is small."),
            ["The lesion shrank by 3.5 mm.", "That is small."]
        );
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            split("A review by J. R. Okafor found little. It was brief."),
            ["A review by J. R. Okafor found little.", "It was brief."]
        );
    }

    #[test]
    fn dotted_initialisms_do_not_split() {
        assert_eq!(
            split("Clinics in the U.S. Sell shots. Ask an M.D. First. Or a Ph.D. Later."),
            [
                "Clinics in the U.S. Sell shots.",
                "Ask an M.D. First.",
                "Or a Ph.D. Later."
            ]
        );
    }

    #[test]
    fn et_al_and_number_do_not_split() {
        assert_eq!(
            split("Okafor et al. 2021 saw gains. See Fig. 2 and No. 4 below. Done."),
            [
                "Okafor et al. 2021 saw gains.",
                "See Fig. 2 and No. 4 below.",
                "Done."
            ]
        );
    }

    #[test]
    fn citation_marker_stays_with_sentence() {
        assert_eq!(
            split(
                "Pain eased in a small trial [3]. Cartilage did not change (Okafor et al., 2021). Next."
            ),
            [
                "Pain eased in a small trial [3].",
                "Cartilage did not change (Okafor et al., 2021).",
                "Next."
            ]
        );
    }

    #[test]
    fn footnote_after_period_stays_with_sentence() {
        assert_eq!(
            split("Pain eased.[2,4] Stiffness did too.¹² The end."),
            ["Pain eased.[2,4]", "Stiffness did too.¹²", "The end."]
        );
    }

    #[test]
    fn splits_question_and_answer() {
        assert_eq!(
            split("Can PRP regrow cartilage? No. Does it ease pain?! Sometimes..."),
            [
                "Can PRP regrow cartilage?",
                "No.",
                "Does it ease pain?!",
                "Sometimes..."
            ]
        );
    }

    #[test]
    fn curly_quotes_close_sentence() {
        assert_eq!(
            split("The ad said “It heals knees.” Regulators disagreed. ‘Really?’ They asked."),
            [
                "The ad said “It heals knees.”",
                "Regulators disagreed.",
                "‘Really?’",
                "They asked."
            ]
        );
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("See the site. then call."),
            ["See the site. then call."]
        );
    }

    #[test]
    fn colon_is_not_a_boundary() {
        assert_eq!(split("Note: Results vary."), ["Note: Results vary."]);
    }

    #[test]
    fn ellipsis_character_splits_before_capital() {
        assert_eq!(split("Wait… Then heal."), ["Wait…", "Then heal."]);
    }

    #[test]
    fn nbsp_counts_as_whitespace() {
        assert_eq!(
            split("It helps.\u{a0}It lasts."),
            ["It helps.", "It lasts."]
        );
    }

    #[test]
    fn text_without_terminal_punctuation_is_one_sentence() {
        assert_eq!(split("  Knee pain relief  "), ["Knee pain relief"]);
    }

    #[test]
    fn empty_and_blank_text_have_no_sentences() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" \u{a0}\t ").is_empty());
        assert!(split_sentences("...").len() == 1);
    }

    #[test]
    fn ranges_are_ordered_nonempty_and_on_char_boundaries() {
        let inputs = [
            "Stem cells‑derived shots… Really? Yes! “Cure.” ’Tis. [1]. ¹²³ — done",
            "Ünïcödé. Ärger? Ωmega! 日本語。テスト. 3.5 mm. ",
            "\u{a0}.\u{a0}!?\u{a0}.",
            "[ [1 [12]. ]. ) . A",
            "e.g. I. J. K. Dr. . . .",
            "“”‘’«». X. \u{2011}. Y",
            "a.b.c.d. E. f? G! h… I",
            ". A",
            "?",
            "No. 1. No. A.",
            "Mr.",
            "😀. 😀! Ok.",
        ];
        for plain in inputs {
            let ranges = split_sentences(plain);
            let mut last_end = 0;
            for r in &ranges {
                assert!(r.start < r.end, "empty range in {plain:?}");
                assert!(r.start >= last_end, "overlap in {plain:?}");
                assert!(plain.is_char_boundary(r.start) && plain.is_char_boundary(r.end));
                let s = &plain[r.start..r.end];
                assert_eq!(s, s.trim(), "untrimmed {s:?} in {plain:?}");
                last_end = r.end;
            }
            // Nothing but whitespace is lost between sentences.
            let kept: usize = ranges.iter().map(|r| r.end - r.start).sum();
            let non_ws: usize = plain
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(char::len_utf8)
                .sum();
            assert!(kept >= non_ws, "lost text in {plain:?}");
        }
    }
}
