//! Research framing: a claim named as the topic of research, a result confined to the study
//! that produced it, and a figure given with its source.
//!
//! In: an [`Analysis`] of one match. Out: the token [`Span`] of the cue, or `None`. Broad claim
//! frames ("{regen-noun} of {tissue}") meet careful sentences the narrow phrasings never
//! reached; these are the three shapes of them that the labelling rules of the shared corpus
//! call acceptable:
//! - `hedged`, **research topic**: the claim is what is studied, tested or needed, not what
//!   happens ("trials of MSCs for cartilage repair", "this guide explores whether PRP rebuilds
//!   cartilage", "the hypothesis is that …"), unless a verb of proof or a comma stands between
//!   the frame and the claim ("studies of PRP *prove* it rebuilds cartilage" is vague
//!   authority);
//! - `attributed`, **study-bound result**: the claim is reported for a named study population,
//!   in the past tense ("in the trial, 31 patients (74%) reported improvement", "patients in
//!   the PRP group had less pain at 12 months");
//! - `attributed`, **sourced figure**: a statistic attributed to a named organisation or a
//!   dated or sized study ("according to the CDC, …", "a 2019 trial of 300 patients found …").
//!   "Studies show", "research proves" and "according to our patients" stay unattributed
//!   (DESIGN.md: vague authority is not attribution).
//!
//! - `attributed`, **lab-bound result**: a result confined to the lab or to animals ("made new
//!   cartilage in lab tests"), unless the sentence carries it over to patients ("… in rats, so
//!   it will work for you"), which is preclinical extrapolation.
//!
//! Not handled: a result from an unnamed study ("one study found"), which stays a claim.

use crate::text::context::analysis::{Analysis, Span};
use crate::text::context::tokens::{is_in, longest_at, phrase_at, prev_word};
use crate::text::cues;

impl Analysis<'_> {
    /// A research-topic frame before the match in its clause, with no verb of proof between.
    pub(super) fn research_topic(&self) -> Option<Span> {
        let clause = self.first_clause()?;
        let mut found = None;
        for k in 0..self.before {
            if self.clause[k] != clause {
                continue;
            }
            if let Some(e) = longest_at(&self.tokens, k, &cues::RESEARCH_TOPIC_FRAMES) {
                if e <= self.before {
                    found = Some((k, e));
                }
            }
        }
        let (s, e) = found?;
        // A verb of proof, or a comma or dash that starts another phrase ("we run trials of
        // new products, and our injections rebuild cartilage"), ends the frame's reach.
        let broken = (e..self.before).any(|k| {
            let norm = self.tokens[k].norm.as_str();
            is_in(&cues::PROOF_VERBS, norm) || matches!(norm, "," | ";" | ":" | "—" | "–")
        });
        (!broken).then_some((s, e))
    }

    /// A study-population frame anywhere in the sentence and a past-tense report, or a
    /// statistic with a named source.
    pub(super) fn study_bound(&self) -> Option<Span> {
        self.study_population()
            .or_else(|| self.named_source())
            .or_else(|| self.lab_scope())
    }

    /// "in lab tests", "in rats": a result confined to the lab or to animals, when nothing in
    /// the sentence carries it over to patients.
    fn lab_scope(&self) -> Option<Span> {
        let cue = (0..self.tokens.len()).find_map(|k| {
            let e = longest_at(&self.tokens, k, &cues::LAB_SCOPE)?;
            // A cue that starts before the match scopes it, also when the match begins inside
            // it ("laboratory studies confirm …" matched from "studies").
            (self.outside_match((k, e)) || k < self.before).then_some((k, e))
        })?;
        let extrapolates = self
            .tokens
            .iter()
            .any(|t| is_in(&cues::LAB_TO_PATIENT, &t.norm));
        (!extrapolates).then_some(cue)
    }

    fn study_population(&self) -> Option<Span> {
        let cue = (0..self.tokens.len()).find_map(|k| {
            let e = longest_at(&self.tokens, k, &cues::STUDY_POPULATION)?;
            self.outside_match((k, e)).then_some((k, e))
        })?;
        let past = self
            .tokens
            .iter()
            .any(|t| is_in(&cues::PAST_REPORT_VERBS, &t.norm));
        past.then_some(cue)
    }

    /// "according to the CDC", "the World Health Organization estimates", "a 2019 trial of 300
    /// patients found": a source named by an organisation, a year or a sample size.
    fn named_source(&self) -> Option<Span> {
        let has_number = self
            .tokens
            .iter()
            .any(|t| t.norm.chars().next().is_some_and(|c| c.is_ascii_digit()));
        if !has_number {
            return None;
        }
        (0..self.tokens.len()).find_map(|k| {
            if !self.outside_match((k, k + 1)) {
                return None;
            }
            // "according to (the) ORG"
            if let Some(e) = phrase_at(&self.tokens, k, "according to") {
                let org = if self.tokens.get(e).is_some_and(|t| t.norm == "the") {
                    e + 1
                } else {
                    e
                };
                return self.is_named_organisation(org).then_some((k, org + 1));
            }
            // "ORG estimates/reports …"
            if self.is_named_organisation(k) {
                let verb = (k + 1..self.tokens.len().min(k + 6))
                    .find(|&v| is_in(&cues::SOURCE_VERBS, &self.tokens[v].norm))?;
                return Some((k, verb + 1));
            }
            // "a 2019 study", "a trial of 300 patients" … "found/reported"; or the result set
            // inside one: "In a study of 440 knees at …, the cells showed …" (the verb may sit
            // far behind a long noun phrase, so "in a study" needs none).
            if is_in(&cues::RESEARCH_NOUNS, &self.tokens[k].norm) && self.is_dated_or_sized(k) {
                let verb = (k + 1..self.tokens.len().min(k + 10))
                    .find(|&v| is_in(&cues::SOURCE_VERBS, &self.tokens[v].norm));
                if let Some(verb) = verb {
                    return Some((k, verb + 1));
                }
                let word = |i: usize| self.tokens[i].norm.as_str();
                let opener = prev_word(&self.tokens, k)
                    .filter(|&article| matches!(word(article), "a" | "an" | "one" | "the"))
                    .and_then(|article| prev_word(&self.tokens, article))
                    .filter(|&p| matches!(word(p), "in" | "among"));
                if let Some(opener) = opener {
                    return Some((opener, k + 1));
                }
            }
            None
        })
    }

    /// A known organisation's name (or acronym) starts at token `k`, as written in capitals.
    fn is_named_organisation(&self, k: usize) -> bool {
        let Some(e) = longest_at(&self.tokens, k, &cues::NAMED_SOURCES) else {
            return false;
        };
        let written = &self.sentence[self.tokens[k].start..self.tokens[e - 1].end];
        written.chars().next().is_some_and(char::is_uppercase)
    }

    /// A year right before the research noun ("a 2019 study") or a sample size after it ("a
    /// trial of 300 patients", "a study in 48 knees").
    fn is_dated_or_sized(&self, noun: usize) -> bool {
        let is_year = |k: usize| {
            self.tokens.get(k).is_some_and(|t| {
                t.norm.len() == 4
                    && t.norm.chars().all(|c| c.is_ascii_digit())
                    && (t.norm.starts_with("19") || t.norm.starts_with("20"))
            })
        };
        let is_count = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| t.norm.chars().all(|c| c.is_ascii_digit()))
                && self
                    .tokens
                    .get(k + 1)
                    .is_some_and(|t| is_in(&cues::STUDY_UNITS, &t.norm))
        };
        (noun >= 1 && is_year(noun - 1))
            || (noun >= 2 && is_year(noun - 2))
            || (noun + 1..noun + 4).any(is_count)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Condition::{Attributed, Hedged};
    use crate::text::context::tests::{cue_text, holds};

    #[test]
    fn a_claim_named_as_a_research_topic_is_hedged() {
        assert_eq!(
            cue_text(
                Hedged,
                "Trials of MSCs for cartilage repair are under way.",
                "cartilage repair"
            ),
            Some("Trials of".into())
        );
        assert!(holds(
            Hedged,
            "This guide explores whether PRP rebuilds cartilage.",
            "rebuilds cartilage"
        ));
        assert!(holds(
            Hedged,
            "The hypothesis is that the injected cells promote cartilage regeneration.",
            "cartilage regeneration"
        ));
        assert!(holds(
            Hedged,
            "Researchers are investigating the role of exosomes in cartilage repair.",
            "cartilage repair"
        ));
        assert!(holds(
            Hedged,
            "Researchers are studying how growth factors signal cells to rebuild tissue.",
            "signal cells to rebuild tissue"
        ));
        assert!(holds(
            Hedged,
            "There is growing interest in using MSCs to help reverse arthritis damage.",
            "reverse arthritis damage"
        ));
    }

    #[test]
    fn a_proof_verb_after_the_research_frame_makes_it_a_claim_again() {
        assert!(!holds(
            Hedged,
            "Studies of our PRP prove that it rebuilds cartilage.",
            "rebuilds cartilage"
        ));
        assert!(!holds(
            Hedged,
            "Trials of stem cells have shown cartilage regeneration.",
            "cartilage regeneration"
        ));
    }

    #[test]
    fn a_research_frame_in_another_clause_does_not_hedge() {
        assert!(!holds(
            Hedged,
            "We run trials of new products, and our injections rebuild cartilage.",
            "rebuild cartilage"
        ));
    }

    #[test]
    fn a_result_confined_to_the_study_population_is_attributed() {
        assert!(holds(
            Attributed,
            "In the trial, 40 of the 60 patients reported less pain at six months.",
            "less pain"
        ));
        assert!(holds(
            Attributed,
            "Participants in the injection group regained more cartilage volume than controls.",
            "regained more cartilage volume"
        ));
        // Present tense, no study: the clinic's own claim.
        assert!(!holds(
            Attributed,
            "Our patients regain cartilage volume within months.",
            "regain cartilage volume"
        ));
    }

    #[test]
    fn a_lab_result_is_attributed_unless_carried_over_to_patients() {
        assert!(holds(
            Attributed,
            "Cartilage samples grew new cartilage cells in lab tests.",
            "grew new cartilage cells"
        ));
        assert!(holds(
            Attributed,
            "In rats, injected cells rebuilt the joint surface.",
            "rebuilt the joint surface"
        ));
        assert!(!holds(
            Attributed,
            "In rats, injected cells rebuilt the joint surface, so they will rebuild yours.",
            "rebuild yours"
        ));
        // The lab qualifier of the match's own subject.
        assert!(holds(
            Attributed,
            "Laboratory studies confirm that PRP speeds tendon repair.",
            "studies confirm that PRP speeds tendon repair"
        ));
    }

    #[test]
    fn a_figure_inside_a_sized_study_is_attributed() {
        assert!(holds(
            Attributed,
            "In a study of 120 knees at a university hospital in Seoul, the injections showed a 70% success rate.",
            "70% success rate"
        ));
        // A study with no size is not yet a source.
        assert!(!holds(
            Attributed,
            "In a study at our clinic, the injections showed a 70% success rate.",
            "70% success rate"
        ));
    }

    #[test]
    fn a_figure_with_a_named_source_is_attributed_and_a_vague_one_is_not() {
        assert!(holds(
            Attributed,
            "According to the CDC, 32 million US adults have osteoarthritis.",
            "32 million US adults"
        ));
        assert!(holds(
            Attributed,
            "A 2021 study of 300 patients found that 60% had less pain.",
            "60% had less pain"
        ));
        assert!(!holds(
            Attributed,
            "Studies show that 90% of patients are pain-free.",
            "90% of patients are pain-free"
        ));
        assert!(!holds(
            Attributed,
            "According to our patients, 95% would do it again.",
            "95% would do it again"
        ));
        assert!(!holds(
            Attributed,
            "One study found that 80% of knees improved.",
            "80% of knees improved"
        ));
    }
}
