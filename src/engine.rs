//! Rules × sentences → findings. The hot path.
//!
//! In: a parsed [`Document`] and a [`RuleSet`]. For every prose block, the block is split into
//! sentences; the rule set's prefilter picks the rules that can match a sentence; each match is
//! checked against its rule's `unless` conditions (dropped) and `soften` conditions (one level
//! down) and becomes a [`Finding`] located in the original file. Out: findings sorted by
//! position, plus the matches that context dropped, so users can see why.
//!
//! This module never formats output and never decides what fails the run.

use std::borrow::Borrow;
use std::sync::Arc;

use crate::rules::{Applicability, Condition, Found, Rule, RuleSet, Severity};
use crate::source::{Document, ProseBlock, Span, TextRange};
use crate::text::{blank_asides, split_sentences, Cue, MatchContext};

/// One claim the rules object to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's id.
    pub rule: String,
    /// The rule's category.
    pub category: String,
    /// Severity after `soften` (and configuration).
    pub severity: Severity,
    /// Where the match is in the original file (covering any inline markup inside it).
    pub span: Span,
    /// Where the whole sentence is in the original file.
    pub sentence: Span,
    /// The matched prose, markup removed.
    pub matched: String,
    /// The sentence's prose, markup removed; shared by every finding in the sentence, so a
    /// long sentence with many matches is held once, not once per match.
    pub sentence_text: Arc<str>,
    /// The rule's message, interpolated.
    pub message: String,
    /// Hedged alternatives, interpolated.
    pub suggestions: Vec<String>,
    /// A rewrite of the match, when the rule has one.
    pub fix: Option<Fix>,
    /// The cues of `soften` conditions that lowered the severity.
    pub softened_by: Vec<Cue>,
}

/// A rewrite of one finding's match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The text to put in place of the match, capitalised like the match.
    pub replacement: String,
    /// Whether `--fix` may apply it without `--unsafe-fixes`.
    pub applicability: Applicability,
    /// The exact source bytes to replace; `None` when the match crosses inline markup, so no
    /// single edit of the original can express it, or when the replacement cannot be spelled
    /// in that source.
    pub edit: Option<Span>,
    /// `replacement` spelled for the source at `edit` (entities, escapes, quoting): the bytes
    /// `--fix` writes. Equal to `replacement` in plain text.
    pub encoded: String,
}

/// A match that a context condition dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// The rule's id.
    pub rule: String,
    /// Where the match is in the original file.
    pub span: Span,
    /// Where its sentence is in the original file.
    pub sentence: Span,
    /// The matched prose.
    pub matched: String,
    /// The condition and cue that dropped it (for `soften`, the last of the cues).
    pub cue: Cue,
}

/// What checking one document found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checked {
    /// Findings, sorted by position then rule id.
    pub findings: Vec<Finding>,
    /// Matches that context dropped, sorted by position.
    pub dropped: Vec<Dropped>,
}

/// Check every prose block of `doc` against `rules`.
pub fn check(doc: &Document, rules: &RuleSet) -> Checked {
    if rules.claim_warm_up() {
        warm_up(&doc.blocks, rules);
    }
    check_all(&doc.blocks, rules, true)
}

/// As [`check`], for blocks taken out of their document: each is freed once it is checked,
/// so a large file's blocks and its findings are not all held at once. The matches context
/// dropped are kept only with `keep_dropped` (`--explain-context` shows them).
pub fn check_blocks(blocks: Vec<ProseBlock>, rules: &RuleSet, keep_dropped: bool) -> Checked {
    if rules.claim_warm_up() {
        warm_up(&blocks, rules);
    }
    check_all(blocks, rules, keep_dropped)
}

fn check_all<B: Borrow<ProseBlock>>(
    blocks: impl IntoIterator<Item = B>,
    rules: &RuleSet,
    keep_dropped: bool,
) -> Checked {
    let mut checked = Checked::default();
    for block in blocks {
        check_block(block.borrow(), rules, &mut checked);
        if !keep_dropped {
            checked.dropped.clear();
        }
    }
    checked
        .findings
        .sort_by(|a, b| (a.span, &a.rule).cmp(&(b.span, &b.rule)));
    checked
        .dropped
        .sort_by(|a, b| (a.span, &a.rule).cmp(&(b.span, &b.rule)));
    checked
}

/// How much of a document's prose [`warm_up`] reads ahead.
const WARM_UP_BYTES: usize = 64 << 10;

/// Compile, in parallel, the patterns the start of `doc` needs, before checking it runs them
/// one at a time. Done for the first document of a run: a small file (what an editor or a
/// pre-commit hook checks) is then read ahead whole, and in a large run the other files are
/// checked on the other threads meanwhile.
fn warm_up(blocks: &[ProseBlock], rules: &RuleSet) {
    let mut budget = WARM_UP_BYTES;
    let mut sentences = Vec::new();
    'blocks: for block in blocks {
        for range in split_sentences(&block.plain) {
            if budget == 0 {
                break 'blocks;
            }
            budget = budget.saturating_sub(range.end - range.start);
            sentences.push(&block.plain[range.start..range.end]);
        }
    }
    rules.compile_candidates(sentences);
}

fn check_block(block: &ProseBlock, rules: &RuleSet, out: &mut Checked) {
    let sentences = split_sentences(&block.plain);
    for (index, range) in sentences.iter().enumerate() {
        let sentence = &block.plain[range.start..range.end];
        let candidates = rules.candidates(sentence);
        if candidates.is_empty() {
            continue;
        }
        let next = sentences
            .get(index + 1)
            .map(|next| &block.plain[next.start..next.end]);
        let located = Located {
            block,
            range: *range,
            sentence,
            shared: std::cell::OnceCell::new(),
            next,
        };
        // One rule may match one place through several patterns; keep the first, longest.
        // Each match records whether it reaches across an aside (see `text::asides`).
        let mut matches: Vec<(&Arc<Rule>, usize, Found<'_>, bool)> = Vec::new();
        for &(rule, matcher) in &candidates {
            for captures in rule.matchers[matcher].captures_iter(sentence) {
                if captures.get(0).is_none_or(|m| m.is_empty()) {
                    continue;
                }
                matches.push((rule, matcher, captures, false));
            }
        }
        // The same rules on the sentence with its asides blanked: only matches that reach
        // across an aside are new (the others were found above).
        let asides = blank_asides(sentence);
        if let Some((blanked, ranges)) = &asides {
            // The blanked text has fewer words, so its own candidates are a subset.
            for (rule, matcher) in rules.candidates(blanked) {
                for captures in rule.matchers[matcher].captures_iter(blanked) {
                    let Some(whole) = captures.get(0).filter(|m| !m.is_empty()) else {
                        continue;
                    };
                    let crosses = ranges
                        .iter()
                        .any(|aside| aside.start < whole.end() && whole.start() < aside.end);
                    if crosses {
                        matches.push((rule, matcher, captures, true));
                    }
                }
            }
        }
        matches.sort_by_key(|(rule, _, caps, _)| {
            let m = caps.get(0).map_or(0..0, |m| m.range());
            (rule.id.clone(), m.start, usize::MAX - m.end)
        });
        let first_new = out.findings.len();
        let mut last: Option<(&str, usize)> = None;
        for (rule, matcher, captures, across) in &matches {
            let Some(whole) = captures.get(0) else {
                continue;
            };
            if let Some((id, end)) = last {
                if id == rule.id && whole.start() < end {
                    continue;
                }
            }
            last = Some((&rule.id, whole.end()));
            located.judge(rule, *matcher, captures, *across, out);
        }
        keep_one_per_claim(&mut out.findings, first_new);
    }
}

/// Report each claim once. One rule that matches a sentence twice ("Results guaranteed, or your
/// money back!") makes one point about it; two rules of one category that match overlapping
/// text ("no risk of rejection" is both an absolute-safety and a no-rejection claim) make the
/// same point. Keep the more severe finding, then one with a fix, then the longer match, then
/// the earlier one.
fn keep_one_per_claim(findings: &mut Vec<Finding>, from: usize) {
    // At equal severity a finding that carries a rewrite wins over one that does not: broad
    // frames often match more words than the narrow rule whose fix fits the claim exactly.
    let rank = |f: &Finding| {
        (
            std::cmp::Reverse(f.severity),
            f.fix.is_none(),
            std::cmp::Reverse(f.span.end - f.span.start),
            f.span.start,
        )
    };
    let mut sentence: Vec<Finding> = findings.drain(from..).collect();
    sentence.sort_by_key(|f| rank(f));
    let mut kept: Vec<Finding> = Vec::new();
    for finding in sentence {
        let same_claim = kept.iter().any(|k| {
            k.rule == finding.rule
                || (k.category == finding.category
                    && k.span.start < finding.span.end
                    && finding.span.start < k.span.end)
        });
        if !same_claim {
            kept.push(finding);
        }
    }
    findings.extend(kept);
}

/// A sentence and where it sits.
struct Located<'a> {
    block: &'a ProseBlock,
    range: TextRange,
    sentence: &'a str,
    /// `sentence` as the findings hold it, made for the first finding (issue 11: 33,000
    /// matches in one 100 KB sentence held 3.3 GB of copies of it).
    shared: std::cell::OnceCell<Arc<str>>,
    next: Option<&'a str>,
}

impl Located<'_> {
    /// Judge one match. `across` says it was found with the sentence's asides blanked and
    /// reaches across one: its words are then taken from the sentence as written, and it
    /// gets no fix, since replacing the match would delete the aside.
    fn judge(
        &self,
        rule: &Rule,
        matcher: usize,
        captures: &Found<'_>,
        across: bool,
        out: &mut Checked,
    ) {
        let Some(whole) = captures.get(0) else { return };
        let matched = &self.sentence[whole.range()];
        let in_block = TextRange {
            start: self.range.start + whole.start(),
            end: self.range.start + whole.end(),
        };
        let span = self.block.map.covering(in_block);
        // A cue inside one of the match's gaps is not the claim's own word: "PRP *may* regrow
        // cartilage" matched by `{therapy} {gap:0-3} {repair-verb} …` is hedged. So each
        // non-empty gap is also judged as if the match began after it, and a cue found there
        // counts when it begins in the gap: "injections *designed to* stimulate healing" has
        // the frame's own "to" as the cue's last word (the claim's own "no" in "no serious
        // side effects" still never negates it: it is in no gap).
        let context = MatchContext::new(self.sentence, whole.range(), self.next);
        let gap_contexts: Vec<(std::ops::Range<usize>, MatchContext<'_>)> = rule.shapes[matcher]
            .gaps
            .iter()
            .filter_map(|&group| captures.get(group))
            .filter(|gap| !gap.is_empty())
            .map(|gap| {
                let context = MatchContext::new(self.sentence, gap.end()..whole.end(), self.next);
                (gap.range(), context)
            })
            .collect();
        let holds = |condition: Condition| {
            context.holds(condition).or_else(|| {
                gap_contexts.iter().find_map(|(gap, context)| {
                    context
                        .holds(condition)
                        .filter(|cue| gap.contains(&cue.start))
                })
            })
        };
        if let Some(cue) = rule.unless.iter().find_map(|&condition| holds(condition)) {
            out.dropped.push(Dropped {
                rule: rule.id.clone(),
                span,
                sentence: self.block.map.covering(self.range),
                matched: matched.to_owned(),
                cue,
            });
            return;
        }
        let softened_by: Vec<Cue> = rule
            .soften
            .iter()
            .filter_map(|&condition| holds(condition))
            .collect();
        let severity = if softened_by.is_empty() {
            Some(rule.severity)
        } else {
            rule.severity.lowered()
        };
        let Some(severity) = severity else {
            if let Some(cue) = softened_by.last() {
                out.dropped.push(Dropped {
                    rule: rule.id.clone(),
                    span,
                    sentence: self.block.map.covering(self.range),
                    matched: matched.to_owned(),
                    cue: cue.clone(),
                });
            }
            return;
        };
        let fill = |template: &str| crate::rules::interpolate(template, captures);
        out.findings.push(Finding {
            rule: rule.id.clone(),
            category: rule.category.clone(),
            severity,
            span,
            sentence: self.block.map.covering(self.range),
            matched: matched.to_owned(),
            sentence_text: Arc::clone(self.shared.get_or_init(|| Arc::from(self.sentence))),
            message: fill(&rule.message),
            suggestions: rule.suggest.iter().map(|s| fill(s)).collect(),
            fix: rule.fix_for(matcher).filter(|_| !across).map(|fix| {
                let replacement = match_case(
                    matched,
                    &fill(&fix.replace),
                    !self.sentence[..whole.start()]
                        .chars()
                        .any(char::is_alphanumeric),
                );
                let encoded = self.block.encoding.encode(&replacement);
                Fix {
                    edit: self
                        .block
                        .map
                        .to_source(in_block)
                        .filter(|_| encoded.is_some()),
                    encoded: encoded.unwrap_or_default(),
                    replacement,
                    applicability: fix.applicability,
                }
            }),
            softened_by,
        });
    }
}

/// Give `replacement` the capitalisation of `original`: a shouted (all-caps, several words)
/// match gives an all-caps rewrite; a match that opens its sentence with a capital, or whose first
/// word is capitalised ("our Miracle shot", a headline), gives a capitalised rewrite; anything else
/// keeps the rewrite as written, so an acronym in the middle of a sentence ("our FDA-approved
/// stem cells") does not capitalise the word that replaces it.
pub fn match_case(original: &str, replacement: &str, starts_sentence: bool) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    let shouted = letters.len() > 1
        && letters.iter().all(|c| c.is_uppercase())
        && original.contains(char::is_whitespace);
    if shouted {
        return replacement.to_uppercase();
    }
    let mut first_word = original.chars().take_while(|c| c.is_alphanumeric());
    let capitalised_word = first_word.next().is_some_and(char::is_uppercase)
        && first_word.next().is_some_and(char::is_lowercase);
    let capitalise = original.chars().next().is_some_and(char::is_uppercase)
        && (starts_sentence || capitalised_word);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if capitalise => first.to_uppercase().chain(chars).collect(),
        _ => replacement.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_pack;
    use crate::source::Format;

    const PACK: &str = r#"
[[rule]]
id = "cure-claim"
category = "cure"
severity = "error"
message = "Claims that the therapy cures {condition}"
why = "No injection cures arthritis."
patterns = [
  '\bcures?\s+(?:knee\s+)?(?P<condition>(?:osteo)?arthritis)\b',
  { regex = '\ba\s+cure\s+for\s+(?P<condition>arthritis)\b', fix = { replace = "a possible treatment for {condition}", applicability = "unsafe" } },
]
unless = ["negated"]
soften = ["cited"]
suggest = ["may ease symptoms of {condition}"]
fix = { replace = "may ease symptoms of {condition}", applicability = "unsafe" }
flag = ["PRP cures arthritis."]
pass = ["PRP does not cure arthritis."]
"#;

    fn run(text: &str) -> Checked {
        let rules = RuleSet::new(parse_pack("pack.toml", PACK).unwrap());
        check(&Document::parse(text.to_owned(), Format::Text), &rules)
    }

    #[test]
    fn a_claim_split_by_an_aside_is_found_without_a_fix_and_with_its_own_words() {
        let text = "PRP cures (so the brochure says) knee arthritis. PRP cures arthritis.";
        let checked = run(text);
        assert_eq!(checked.findings.len(), 2, "{:?}", checked.findings);
        let across = &checked.findings[0];
        assert_eq!(
            across.matched,
            "cures (so the brochure says) knee arthritis"
        );
        assert_eq!(&text[across.span.start..across.span.end], across.matched);
        assert!(across.fix.is_none(), "a fix would delete the aside");
        assert!(checked.findings[1].fix.is_some());
        // Context is judged on the sentence as written, so a negation still counts.
        assert!(
            run("PRP never cures (whatever the brochure says) arthritis.")
                .findings
                .is_empty()
        );
    }

    #[test]
    fn each_shape_of_a_claim_gets_its_own_fix() {
        let checked = run("PRP cures arthritis. It is a cure for arthritis.");
        let fixes: Vec<&str> = checked
            .findings
            .iter()
            .filter_map(|f| f.fix.as_ref().map(|fix| fix.replacement.as_str()))
            .collect();
        assert_eq!(
            fixes,
            [
                "may ease symptoms of arthritis",
                "a possible treatment for arthritis"
            ]
        );
    }

    #[test]
    fn finding_is_located_in_the_original_file() {
        let text = "Intro line here.\n\nOur injections cure knee arthritis. Call now.";
        let checked = run(text);
        let [finding] = &checked.findings[..] else {
            panic!("{checked:?}")
        };
        assert_eq!(
            &text[finding.span.start..finding.span.end],
            "cure knee arthritis"
        );
        assert_eq!(
            &text[finding.sentence.start..finding.sentence.end],
            "Our injections cure knee arthritis."
        );
        assert_eq!(finding.message, "Claims that the therapy cures arthritis");
        assert_eq!(finding.suggestions, ["may ease symptoms of arthritis"]);
        assert_eq!(finding.severity, Severity::Error);
    }

    #[test]
    fn negated_match_is_dropped_with_its_cue() {
        let checked = run("PRP does not cure arthritis.");
        assert!(checked.findings.is_empty());
        assert_eq!(checked.dropped[0].cue.condition, Condition::Negated);
    }

    #[test]
    fn one_rule_reports_a_sentence_once() {
        let checked = run("It cures arthritis and cures osteoarthritis. It cures arthritis.");
        let spans: Vec<&str> = checked
            .findings
            .iter()
            .map(|f| f.matched.as_str())
            .collect();
        assert_eq!(
            spans,
            ["cures osteoarthritis", "cures arthritis"],
            "the longer of two matches in one sentence"
        );
    }

    #[test]
    fn fix_keeps_capitalisation() {
        assert_eq!(
            match_case("Cures arthritis", "may ease symptoms", true),
            "May ease symptoms"
        );
        assert_eq!(match_case("CURES ARTHRITIS", "may ease", true), "MAY EASE");
        assert_eq!(match_case("cures", "may ease", true), "may ease");
    }

    #[test]
    fn an_acronym_inside_a_sentence_does_not_capitalise_the_fix() {
        assert_eq!(
            match_case("FDA-approved stem cells", "stem cells", false),
            "stem cells"
        );
        assert_eq!(
            match_case("FDA-approved stem cells", "stem cells", true),
            "Stem cells"
        );
        assert_eq!(match_case("FDA", "the agency", false), "the agency");
        assert_eq!(match_case("Miracle shot", "injection", false), "Injection");
    }
}
