//! Asides: the parenthetical, appositive and dashed insertions that real copy puts between a
//! claim's subject and its verb ("BMAC (bone marrow aspirate concentrate) rebuilds …",
//! "Stem cells, also known as the body's building blocks, repair …").
//!
//! A rule's words are adjacent, or a bounded gap apart; an aside of eight words breaks the
//! frame even though a reader skips it. [`blank_asides`] returns the sentence with each aside
//! overwritten by spaces, byte for byte, so that offsets into it are offsets into the sentence
//! and a match found in it locates exactly like one found in the sentence itself. The engine
//! matches both; context is always judged on the sentence as written, so a hedge or a negation
//! inside an aside still counts.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// The longest aside that is blanked, in bytes: a longer "aside" is more likely a clause of
/// its own, with its own subject and verb.
const MAX_ASIDE: usize = 160;

/// Words that open an appositive or a non-restrictive clause between two commas.
static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i),\s+(?:also\s+(?:known\s+as|called|referred\s+to\s+as)|otherwise\s+known\s+as|(?:commonly|often|sometimes|simply|more\s+commonly)\s+(?:known\s+as|called|referred\s+to\s+as)|known\s+as|called|or\s+simply|i\.\s?e\.|e\.\s?g\.|which|who|whose|a|an|the|derived\s+from|taken\s+from|harvested\s+from|made\s+from|obtained\s+from|sourced\s+from|found\s+in)\s[^,;:.!?\u{2014}\u{2013}]{1,140},\s",
    )
    .expect("the appositive pattern is valid")
});

/// A dashed aside: an em or en dash (or a spaced hyphen pair) on each side.
static DASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s(?:\u{2014}|\u{2013}|--?)\s[^;:.!?()\[\]\u{2014}\u{2013}]{1,140}?\s(?:\u{2014}|\u{2013}|--?)\s|\u{2014}[^;:.!?()\[\]\u{2014}\u{2013}\s][^;:.!?()\[\]\u{2014}\u{2013}]{0,140}?\u{2014}",
    )
    .expect("the dashed-aside pattern is valid")
});

/// `sentence` with its asides blanked, and the blanked byte ranges; `None` when it has none.
pub fn blank_asides(sentence: &str) -> Option<(String, Vec<Range<usize>>)> {
    if !sentence.contains(['(', '[', ',', '\u{2014}', '\u{2013}', '-']) {
        return None;
    }
    let mut ranges = bracketed(sentence);
    for found in APPOSITIVE.find_iter(sentence) {
        // Keep the space after the second comma: the words either side stay separated.
        ranges.push(found.start()..found.start() + found.as_str().trim_end().len());
    }
    for found in DASHED.find_iter(sentence) {
        ranges.push(found.start()..found.end());
    }
    ranges.retain(|range| range.len() <= MAX_ASIDE);
    if ranges.is_empty() {
        return None;
    }
    let mut blanked = String::with_capacity(sentence.len());
    for (index, c) in sentence.char_indices() {
        if ranges.iter().any(|range| range.contains(&index)) {
            // Every byte of the character becomes a space: lengths and offsets are kept.
            blanked.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            blanked.push(c);
        }
    }
    debug_assert_eq!(blanked.len(), sentence.len());
    Some((blanked, ranges))
}

/// The byte ranges of balanced `(…)` and `[…]` groups, outermost only, brackets included.
fn bracketed(sentence: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    for (index, c) in sentence.char_indices() {
        match c {
            '(' | '[' => open.push((c, index)),
            ')' | ']' => {
                let opener = if c == ')' { '(' } else { '[' };
                match open.pop() {
                    Some((found, start)) if found == opener => {
                        if open.is_empty() {
                            ranges.push(start..index + 1);
                        }
                    }
                    // Unbalanced: give up on brackets rather than blank the wrong words.
                    _ => return Vec::new(),
                }
            }
            _ => {}
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(sentence: &str) -> String {
        let (text, _) = blank_asides(sentence).expect("an aside");
        assert_eq!(text.len(), sentence.len(), "offsets are kept");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn parentheses_and_brackets_are_blanked_with_their_contents() {
        assert_eq!(
            blanked("BMAC (bone marrow aspirate concentrate) therapy rebuilds cartilage."),
            "BMAC therapy rebuilds cartilage."
        );
        assert_eq!(
            blanked("PRP [platelet-rich (autologous) plasma] heals tendons."),
            "PRP heals tendons."
        );
    }

    #[test]
    fn appositives_and_non_restrictive_clauses_between_commas_are_blanked() {
        assert_eq!(
            blanked("Stem cells, also known as the body's raw material, repair joints."),
            "Stem cells repair joints."
        );
        assert_eq!(
            blanked("Prolotherapy, which uses a dextrose solution, rebuilds ligaments."),
            "Prolotherapy rebuilds ligaments."
        );
        assert_eq!(
            blanked("Prolotherapy, also known as regenerative injection therapy (RIT), rebuilds ligaments."),
            "Prolotherapy rebuilds ligaments."
        );
        assert_eq!(
            blanked("The cells, harvested from your hip, regrow cartilage."),
            "The cells regrow cartilage."
        );
    }

    #[test]
    fn dashed_asides_are_blanked() {
        assert_eq!(
            blanked("Exosomes \u{2014} tiny messengers from cells \u{2014} restore cartilage."),
            "Exosomes restore cartilage."
        );
        assert_eq!(
            blanked("Exosomes - tiny messengers from cells - restore cartilage."),
            "Exosomes restore cartilage."
        );
    }

    #[test]
    fn plain_sentences_lists_and_open_clauses_are_left_alone() {
        assert!(blank_asides("PRP rebuilds cartilage.").is_none());
        // A clause that runs to the end of the sentence is not an aside.
        assert!(blank_asides("We use PRP, which comes from your blood.").is_none());
        // Unbalanced brackets: nothing is blanked.
        assert!(blank_asides("PRP (from your blood rebuilds cartilage.").is_none());
        // A list of nouns has no opener word between its commas.
        assert!(blank_asides("It helps knees, hips, and shoulders.").is_none());
    }

    #[test]
    fn multibyte_characters_in_an_aside_keep_every_offset() {
        let sentence = "Les cellules (dérivées de la moelle \u{2014} « BMAC ») réparent.";
        let (text, ranges) = blank_asides(sentence).expect("an aside");
        assert_eq!(text.len(), sentence.len());
        assert!(text.is_char_boundary(ranges[0].end));
        assert_eq!(&text[ranges[0].end..], &sentence[ranges[0].end..]);
    }
}
