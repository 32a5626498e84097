//! The `hedged` and `aspirational` conditions: a softening cue in the match's own clause.
//!
//! In: an [`Analysis`] of one match. Out: the token [`Span`] of the cue, or `None`. Hedged: a
//! lexical hedge ("may", "suggests", "whether"), an evidential verb with a research subject
//! ("studies suggest"), or a conditional "would"; not the month "May" nor "some people say".
//! Aspirational: a goal or possibility frame ("aims to", "the potential to") before the match,
//! or a predicate such as "shows promise" right after it; not an innate capacity ("natural
//! potential").

use crate::text::context::analysis::{Analysis, Span};
use crate::text::context::tokens::{is_in, phrase_at, prev_word};
use crate::text::cues;

impl Analysis<'_> {
    // ----- hedged --------------------------------------------------------------------------

    pub(super) fn hedged(&self) -> Option<Span> {
        let clauses = self.match_clauses();
        let in_scope = |k: usize| clauses.contains(&self.clause[k]);
        let lexical = self
            .find_reaching_in(&cues::HEDGES)
            .into_iter()
            .find(|&(s, e)| {
                // "potentially" before a word of harm grades that word ("no risk of potentially
                // harmful effects"), not the claim ("to potentially regenerate cartilage").
                let grades_another = self.tokens[s].norm == "potentially"
                    && self
                        .tokens
                        .get(e)
                        .is_some_and(|next| is_in(&cues::HARM_GRADED, &next.norm));
                !grades_another
                    && in_scope(s)
                    && !self.is_month_may(s)
                    && !self.is_weasel_some_people(s, e)
                    && !self.is_comparison_modal(s)
            });
        if lexical.is_some() {
            return lexical;
        }
        let conditional = self
            .tokens
            .iter()
            .any(|t| is_in(&cues::CONDITIONAL_MARKERS, &t.norm));
        (0..self.tokens.len())
            .find_map(|k| {
                if !in_scope(k) || !self.outside_match((k, k + 1)) {
                    return None;
                }
                let norm = self.tokens[k].norm.as_str();
                let evidential =
                    is_in(&cues::EVIDENTIAL_VERBS, norm) && self.has_research_subject(k);
                let would = norm == "would"
                    && (conditional || self.tokens.get(k + 1).is_some_and(|n| n.norm == "likely"));
                (evidential || would).then_some((k, k + 1))
            })
            .or_else(|| self.research_topic())
    }

    /// "May" capitalised mid-sentence is the month.
    fn is_month_may(&self, s: usize) -> bool {
        let t = &self.tokens[s];
        t.norm == "may"
            && &self.sentence[t.start..t.end] == "May"
            && prev_word(&self.tokens, s).is_some()
    }

    /// The modal that closes a comparison ("better than cortisone ever could", "faster than
    /// any drug can") is the compared thing's, not a hedge on the claim: a "than" within the
    /// four words before it, in its clause. "More than one injection may work" is a count,
    /// not a comparison: its modal still hedges.
    fn is_comparison_modal(&self, s: usize) -> bool {
        matches!(
            self.tokens[s].norm.as_str(),
            "could" | "can" | "might" | "would" | "may"
        ) && self.word_shortly_before(s, 4, |i| {
            self.tokens[i].norm == "than" && !self.is_count_than(i)
        })
    }

    /// "more than one", "fewer than 10": a "than" that counts instead of comparing.
    fn is_count_than(&self, than: usize) -> bool {
        let before = prev_word(&self.tokens, than).map(|i| self.tokens[i].norm.as_str());
        let after = (than + 1..self.tokens.len())
            .find(|&i| self.tokens[i].is_word)
            .map(|i| self.tokens[i].norm.as_str());
        matches!(before, Some("more" | "less" | "fewer"))
            && after.is_some_and(|word| {
                word.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(
                        word,
                        "one" | "two" | "three" | "four" | "five" | "six" | "a" | "half"
                    )
            })
    }

    /// "some people say …" is vague attribution, not a hedge.
    fn is_weasel_some_people(&self, s: usize, e: usize) -> bool {
        phrase_at(&self.tokens, s, "some people").is_some()
            && self
                .tokens
                .get(e)
                .is_some_and(|t| is_in(&cues::WEASEL_SAY_VERBS, &t.norm))
    }

    /// A research noun within five words before an evidential verb, in its clause.
    fn has_research_subject(&self, verb: usize) -> bool {
        self.word_shortly_before(verb, 5, |i| {
            is_in(&cues::RESEARCH_NOUNS, &self.tokens[i].norm)
        })
    }

    /// Is one of the `limit` words before token `k`, in its clause, a word (by token index)
    /// that `wanted` accepts?
    fn word_shortly_before(&self, k: usize, limit: usize, wanted: impl Fn(usize) -> bool) -> bool {
        (0..k)
            .rev()
            .take_while(|&i| self.clause[i] == self.clause[k])
            .filter(|&i| self.tokens[i].is_word)
            .take(limit)
            .any(wanted)
    }

    // ----- aspirational --------------------------------------------------------------------

    /// A goal or possibility frame governs the match when it comes before it in the clause
    /// ("aims to regrow", "the potential to halt"), or right after it as the clause's
    /// predicate ("… regrowing cartilage shows promise"). A trailing phrase such as
    /// "…, offering a potential alternative" frames something else, not the match.
    pub(super) fn aspirational(&self) -> Option<Span> {
        let clauses = self.match_clauses();
        self.find_reaching_in(&cues::ASPIRATIONAL)
            .into_iter()
            .find(|&(s, _)| {
                // "the body's natural potential to repair" states a capacity, not a hope.
                let innate = self.tokens[s].norm == "potential"
                    && prev_word(&self.tokens, s)
                        .is_some_and(|p| is_in(&cues::INNATE_CAPACITY, &self.tokens[p].norm));
                // "instead of trying to relieve pain, …" sets an alternative aside: it frames
                // no goal of the claim's.
                let set_aside = prev_word(&self.tokens, s).is_some_and(|p| {
                    let before = prev_word(&self.tokens, p).map(|q| self.tokens[q].norm.as_str());
                    matches!(
                        (before, self.tokens[p].norm.as_str()),
                        (Some("instead"), "of") | (Some("rather"), "than") | (_, "unlike")
                    )
                });
                !innate
                    && !set_aside
                    && clauses.contains(&self.clause[s])
                    && (s < self.before
                        || (cues::POST_ASPIRATIONAL.contains(&self.tokens[s].norm.as_str())
                            && self.within_words(self.after, s, self.clause[s], 4)))
            })
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Condition::{Aspirational, Hedged};
    use crate::text::context::tests::{cue_text, holds};

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
    fn the_modal_that_closes_a_comparison_is_not_a_hedge() {
        assert!(!holds(
            Hedged,
            "PRP heals tendons better than cortisone ever could.",
            "better than cortisone"
        ));
        assert!(!holds(
            Hedged,
            "Our cells work faster than any drug can.",
            "work faster"
        ));
        // A modal on the claim itself still hedges it.
        assert!(holds(
            Hedged,
            "PRP could work better than cortisone.",
            "work better than cortisone"
        ));
        // "more than one" counts injections; it closes no comparison.
        assert!(holds(
            Hedged,
            "More than one injection may work better.",
            "work better"
        ));
        assert!(!holds(
            Hedged,
            "PRP works better than two steroid shots could.",
            "works better"
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
        assert!(holds(
            Aspirational,
            "A team was funded to work toward making cartilage regrowth a reality.",
            "cartilage regrowth"
        ));
        assert!(holds(
            Aspirational,
            "Our protocol is designed for stronger, longer-lasting results.",
            "longer-lasting results"
        ));
    }

    #[test]
    fn a_goal_or_hedge_that_runs_into_the_match_still_scopes_over_it() {
        // Matched from the frame's "to": the cue's last word is the claim's first.
        assert_eq!(
            cue_text(
                Aspirational,
                "The shots are designed to stimulate healing.",
                "to stimulate healing"
            ),
            Some("designed to".into())
        );
        assert_eq!(
            cue_text(
                Hedged,
                "PRP is thought to promote repair.",
                "to promote repair"
            ),
            Some("thought to".into())
        );
        assert!(holds(
            Hedged,
            "Some patients see results within weeks.",
            "patients see results"
        ));
        // A negation does not reach in: "not only" is not "not".
        assert!(!holds(
            crate::rules::Condition::Negated,
            "It is not only safe but proven.",
            "only safe"
        ));
    }

    #[test]
    fn a_goal_set_aside_by_instead_of_frames_nothing() {
        assert!(holds(
            Aspirational,
            "Rather than surgery, we are trying to regrow cartilage.",
            "regrow cartilage"
        ));
        assert!(!holds(
            Aspirational,
            "Instead of trying to mask pain, the cells regrow cartilage.",
            "regrow cartilage"
        ));
    }

    #[test]
    fn potentially_hedges_a_claim_but_not_a_word_of_harm() {
        assert!(holds(
            Hedged,
            "The shots work to potentially slow the disease.",
            "slow the disease"
        ));
        assert!(!holds(
            Hedged,
            "It carries no risk of potentially harmful effects.",
            "no risk"
        ));
    }

    #[test]
    fn a_theory_framing_hedges_what_it_introduces() {
        for (sentence, needle) in [
            (
                "The idea is that PRP triggers repair.",
                "PRP triggers repair",
            ),
            (
                "The theory behind the shots is that cells rebuild cartilage.",
                "cells rebuild cartilage",
            ),
            (
                "In principle, the cells regrow cartilage.",
                "cells regrow cartilage",
            ),
            (
                "MSCs are believed to calm inflammation.",
                "calm inflammation",
            ),
        ] {
            assert!(holds(Hedged, sentence, needle), "{sentence}");
        }
        assert!(!holds(
            Hedged,
            "We had the idea to open a clinic, and PRP triggers repair.",
            "PRP triggers repair"
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
}
