//! The `attributed` condition: the writer distances the match by reporting it as someone
//! else's claim ("some clinics claim", "marketed as", "the FDA warns", "allegedly").
//!
//! In: an [`Analysis`] of one match. Out: the token [`Span`] of the distancing cue, or `None`.
//! A cue counts in the match's contrast segment (attribution carries across commas and colons
//! but not across "but"); after the match only warning frames and third-party reports count; a
//! quoted match needs only a cue somewhere in the sentence; a report followed by a rebuttal
//! ("…, but experts are sceptical") counts too. First-person subjects ("we claim", "our clinic
//! promises") and vague authorities ("according to research") do not.

use std::ops::Range;

use crate::text::context::analysis::{Analysis, Span};
use crate::text::context::clauses::{segment, Segmenting};
use crate::text::context::tokens::{is_in, longest_at, phrase_at, prev_word};
use crate::text::cues;

impl Analysis<'_> {
    pub(super) fn attributed(&self) -> Option<Span> {
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
            .or_else(|| self.study_bound())
    }

    /// Someone else's statement, then a rebuttal: "The founder predicts X, but independent
    /// experts are sceptical"; "Clinics tell patients that X, but there is no evidence". The
    /// report is distanced by what follows it, even with no distancing word before it.
    fn rebutted_report(&self) -> Option<Span> {
        let reporter = (0..self.before).find(|&i| {
            is_in(&cues::REPORTED_SPEECH, &self.tokens[i].norm) && !self.first_person_subject(i)
        })?;
        let but = (self.after..self.tokens.len()).find(|&i| self.tokens[i].norm == "but")?;
        let rebutted = (but + 1..(but + 9).min(self.tokens.len()))
            .any(|i| longest_at(&self.tokens, i, &cues::REBUTTALS).is_some());
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
            let span = if let Some(e) = longest_at(&self.tokens, i, &cues::ATTRIBUTION) {
                let told = t.norm == "told" && e == i + 1;
                (!told || self.next_is_audience(e)).then_some((i, e))
            } else if is_in(&cues::PROMISE_VERBS, &t.norm) {
                let noun = prev_word(&self.tokens, i)
                    .is_some_and(|p| is_in(&cues::PROMISE_NOUN_MARKERS, &self.tokens[p].norm));
                (!noun).then_some((i, i + 1))
            } else if is_in(&cues::ATTRIBUTION_WITH_AS, &t.norm) {
                let as_follows =
                    (i + 1..self.before.max(i + 1)).any(|k| self.tokens[k].norm == "as");
                (as_follows || quoted).then_some((i, i + 1))
            } else if let Some(e) = phrase_at(&self.tokens, i, "according to") {
                // "according to studies" is vague authority and "according to our medical
                // director" is the advertiser speaking: neither distances the claim.
                let vague = (e..(e + 2).min(self.tokens.len())).any(|k| {
                    let word = self.tokens[k].norm.as_str();
                    is_in(&cues::VAGUE_AUTHORITIES, word) || is_in(&cues::FIRST_PERSON, word)
                });
                (!vague).then_some((i, e))
            } else if is_in(&cues::COMMERCIAL_SOURCES, &t.norm) {
                // "clinics say", "clinics contacted by reporters quoted": a seller the writer
                // reports on; "our clinic says" is the advertiser itself.
                (i + 1..(i + 7).min(self.tokens.len()))
                    .take_while(|&k| self.tokens[k].is_word)
                    .find(|&k| is_in(&cues::SAY_VERBS, &self.tokens[k].norm))
                    .filter(|_| !self.first_person_subject(i))
                    .map(|k| (i, k + 1))
            } else {
                None
            };
            let Some(span) = span else { continue };
            // A cue may run into the match when the pattern begins on its last word ("a
            // reputation as" before a match "as a miracle treatment").
            if (self.outside_match(span) || self.reaches_into_match(span))
                && !(is_reporting_verb(&t.norm) && self.first_person_subject(i))
            {
                found.push(span);
            }
        }
        found
    }

    /// "told patients", "told listeners that" — not "told me" (a testimonial).
    fn next_is_audience(&self, e: usize) -> bool {
        self.tokens
            .get(e)
            .is_some_and(|n| is_in(&cues::AUDIENCES, &n.norm))
    }

    /// A first-person word among the two words before `i` ("we claim", "our clinic promises").
    fn first_person_subject(&self, i: usize) -> bool {
        let mut k = i;
        let mut seen = 0;
        while let Some(p) = prev_word(&self.tokens, k) {
            if is_in(&cues::FIRST_PERSON, &self.tokens[p].norm) {
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
        let warning = is_in(&cues::WARNING_FRAMES, &t.norm);
        if warning || t.norm == "according" || is_in(&cues::COMMERCIAL_SOURCES, &t.norm) {
            return true;
        }
        matches!(
            t.norm.as_str(),
            "claim" | "claims" | "claimed" | "promise" | "promises"
        ) && prev_word(&self.tokens, s).is_some_and(|p| {
            let w = self.tokens[p].norm.as_str();
            is_in(&cues::COMMERCIAL_SOURCES, w) || matches!(w, "they" | "some" | "marketers")
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
    cues::REPORTING_VERB_STEMS
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

#[cfg(test)]
mod tests {
    use crate::rules::Condition::Attributed;
    use crate::text::context::tests::{cue_text, holds};

    #[test]
    fn according_to_our_own_staff_is_not_attributed() {
        let ours = "According to our medical director, cord cells can cure knee arthritis.";
        assert!(!holds(Attributed, ours, "can cure knee arthritis"));
        let theirs =
            "According to the complaint, the clinic said cord cells can cure knee arthritis.";
        assert!(holds(Attributed, theirs, "can cure knee arthritis"));
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
    fn a_presenter_who_announced_or_touted_is_attributed() {
        assert!(holds(
            Attributed,
            "At the seminar the presenter announced that thousands of patients had benefited.",
            "thousands of patients"
        ));
        assert!(holds(
            Attributed,
            "The clinic touted its shots as able to regrow cartilage.",
            "regrow cartilage"
        ));
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

    // ----- lexicon tables --------------------------------------------------------------------

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
            (
                "Clinics mislead patients into believing the shots are safe and effective.",
                "safe and effective",
            ),
            (
                "Stem cells have gained a reputation as a miracle treatment.",
                "as a miracle treatment",
            ),
            (
                "Proponents say the shots trigger repair in the knee.",
                "trigger repair",
            ),
            (
                "Advocates of the therapy argue that it regrows cartilage.",
                "regrows cartilage",
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

    // ----- known gaps ------------------------------------------------------------------------

    #[test]
    #[ignore = "a reported claim the writer then endorses still counts as attributed"]
    fn endorsed_report_is_not_attributed() {
        assert!(!holds(
            Attributed,
            "Many clinics claim stem cells cure arthritis, and they are right.",
            "cure arthritis"
        ));
    }
}
