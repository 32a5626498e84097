//! The `question` condition: the sentence is a real question about the match.
//!
//! In: a sentence and, if any, the following sentence of the same block. Out: a [`Cue`] for the
//! closing question mark, or `None` when there is none, when the question is rhetorical ("Ready
//! to walk without knee pain?") or when the next sentence answers it with yes. A statement
//! that asks about the match in an embedded question ("Ask whether the product is approved by
//! the FDA") holds too ([`embedded_question`], on the match's clause), with the cue on the
//! word that opens it.

use crate::rules::Condition;
use crate::text::context::analysis::{Analysis, Span};
use crate::text::context::tokens::{longest_at, phrase_at, prev_word, tokenize, Token};
use crate::text::context::{Cue, Cues};
use crate::text::cues;

/// The sentence ends in a question mark and is a genuine question.
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

/// The match sits in an embedded question: "whether" (not concessive: "regardless of
/// whether") or "if" after a verb of asking ("ask if", "not sure if") stands before the match
/// in the clause it starts in. The span of that word.
pub(super) fn embedded_question(a: &Analysis) -> Option<Span> {
    let clause = a.first_clause()?;
    (0..a.before)
        .rev()
        .filter(|&k| a.clause[k] == clause && a.tokens[k].is_word)
        .find(|&k| match a.tokens[k].norm.as_str() {
            "whether" => !ends_with_cue(&a.tokens, k, &cues::CONCESSIVE_WHETHER),
            "if" => ends_with_cue(&a.tokens, k, &cues::EMBEDDED_QUESTION_VERBS),
            _ => false,
        })
        .map(|k| (k, k + 1))
}

/// Does an entry of `list` end just before the word at `k` (one or two words back)?
fn ends_with_cue(tokens: &[Token], k: usize, list: &Cues) -> bool {
    let Some(one) = prev_word(tokens, k) else {
        return false;
    };
    let two = prev_word(tokens, one);
    [Some(one), two]
        .into_iter()
        .flatten()
        .any(|i| longest_at(tokens, i, list) == Some(k))
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

    #[test]
    fn embedded_question_is_question() {
        let cue = eval_next(
            Question,
            "Ask whether the product is approved by the FDA for your condition.",
            "is approved by the FDA",
            None,
        );
        assert_eq!(cue.map(|c| c.text), Some("whether".into()));
        assert!(holds(
            Question,
            "Check if your injection is FDA cleared before you book.",
            "is FDA cleared"
        ));
        assert!(holds(
            Question,
            "Nobody knows whether or not PRP regrows cartilage.",
            "regrows cartilage"
        ));
    }

    #[test]
    fn conditions_and_concessions_are_not_embedded_questions() {
        // "if" without a verb of asking is a condition; the claim is made for that case.
        assert!(!holds(
            Question,
            "If you have arthritis, stem cells regrow cartilage.",
            "regrow cartilage"
        ));
        assert!(!holds(
            Question,
            "Stem cells regrow cartilage if you start early.",
            "regrow cartilage"
        ));
        assert!(!holds(
            Question,
            "Regardless of whether you are 30 or 70 our cells regrow cartilage.",
            "regrow cartilage"
        ));
        // A comma closes the embedded clause: the claim after it is asserted.
        assert!(!holds(
            Question,
            "Whether you run or walk, PRP heals your knee for good.",
            "heals your knee"
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
