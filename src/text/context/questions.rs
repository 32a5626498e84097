//! The `question` condition: the sentence is a real question about the match.
//!
//! In: a sentence and, if any, the following sentence of the same block. Out: a [`Cue`] for the
//! closing question mark, or `None` when there is none, when the question is rhetorical ("Ready
//! to walk without knee pain?") or when the next sentence answers it with yes.

use crate::rules::Condition;
use crate::text::context::tokens::{longest_at, phrase_at, tokenize};
use crate::text::context::Cue;
use crate::text::cues;

pub(super) fn question(sentence: &str, next: Option<&str>) -> Option<Cue> {
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
    if longest_at(&tokens, first, &cues::RHETORICAL_OPENERS).is_some() {
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
    if longest_at(&tokens, first, &cues::AFFIRMATIVE_ANSWERS).is_some() {
        return true;
    }
    // "For most patients, yes." and similar short lead-ins.
    tokens
        .iter()
        .filter(|t| t.is_word)
        .take(6)
        .any(|t| t.norm == "yes")
}

#[cfg(test)]
mod tests {
    use crate::rules::Condition::Question;
    use crate::text::context::tests::{eval_next, holds};

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

    // ----- lexicon tables --------------------------------------------------------------------

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
}
