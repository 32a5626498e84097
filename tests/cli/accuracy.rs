//! The accuracy suite: every sentence of `tests/accuracy/corpus.tsv` goes through the built-in
//! rule pack, and the verdict is compared with the sentence's label.
//!
//! A sentence counts as flagged when it has a finding at `warning` or above, the CLI's default
//! `--min-severity`. The suite prints a confusion summary (run with `--nocapture` to see it) and
//! fails on a regression: a sentence the linter gets wrong that `expected-misses.txt` does not
//! list. It also fails when a listed sentence is now right, so the list of known errors only
//! ever shrinks. See `tests/accuracy/README.md`.
//!
//! The library is called directly (no process per sentence), and the files are compiled in
//! with `include_str!`, so the test does not depend on the working directory.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use overclaim::{engine, Document, Format, RuleSet, Severity};

const CORPUS: &str = include_str!("../accuracy/corpus.tsv");
const EXPECTED_MISSES: &str = include_str!("../accuracy/expected-misses.txt");

/// The default pack's categories (DESIGN.md), as the library lists them.
const CATEGORIES: [&str; 19] = overclaim::rules::CATEGORIES;

/// What makes an `ok` sentence acceptable: DESIGN.md's context conditions, plus `accurate` (a
/// true statement near a trigger) and `off-topic` (a trigger word in another sense).
const CONDITIONS: [&str; 8] = [
    "negated",
    "hedged",
    "aspirational",
    "question",
    "attributed",
    "cited",
    "accurate",
    "off-topic",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Overclaim,
    Ok,
}

impl Label {
    fn as_str(self) -> &'static str {
        match self {
            Label::Overclaim => "overclaim",
            Label::Ok => "ok",
        }
    }
}

/// One line of the corpus.
#[derive(Debug)]
struct Entry<'a> {
    line: usize,
    id: &'a str,
    label: Label,
    category: &'a str,
    condition: &'a str,
    text: &'a str,
}

/// `cure-001`: a lowercase prefix, a hyphen, at least three digits.
fn valid_id(id: &str) -> bool {
    let Some((prefix, number)) = id.rsplit_once('-') else {
        return false;
    };
    !prefix.is_empty()
        && prefix.starts_with(|c: char| c.is_ascii_lowercase())
        && prefix
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && number.len() >= 3
        && number.chars().all(|c| c.is_ascii_digit())
}

/// Parse and validate the corpus. Lines starting with `#` are comments; every other line must be
/// a well-formed entry. Errors carry the 1-based line number.
fn parse_corpus(tsv: &str) -> Result<Vec<Entry<'_>>, Vec<String>> {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, raw) in tsv.lines().enumerate() {
        let line = index + 1;
        if raw.starts_with('#') {
            continue;
        }
        let mut bad = |message: String| errors.push(format!("corpus.tsv:{line}: {message}"));
        if raw.trim().is_empty() {
            bad("blank line (remove it)".to_owned());
            continue;
        }
        if raw.ends_with('\r') {
            bad("CRLF line ending (use LF)".to_owned());
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').collect();
        let [id, label, category, condition, text] = fields[..] else {
            bad(format!(
                "expected 5 tab-separated columns (id, label, category, condition, text), found {}",
                fields.len()
            ));
            continue;
        };
        let mut ok = true;
        if !valid_id(id) {
            bad(format!(
                "id {id:?} is not of the form prefix-NNN, e.g. cure-001"
            ));
            ok = false;
        } else if let Some(first) = seen.insert(id, line) {
            bad(format!("duplicate id {id:?} (first on line {first})"));
            ok = false;
        }
        let label = match label {
            "overclaim" => Some(Label::Overclaim),
            "ok" => Some(Label::Ok),
            other => {
                bad(format!(
                    "label {other:?} is neither \"overclaim\" nor \"ok\""
                ));
                None
            }
        };
        if !CATEGORIES.contains(&category) {
            bad(format!(
                "unknown category {category:?}; known: {}",
                CATEGORIES.join(", ")
            ));
            ok = false;
        }
        match label {
            Some(Label::Overclaim) if condition != "-" => {
                bad(format!(
                    "condition of an overclaim must be \"-\", not {condition:?}"
                ));
                ok = false;
            }
            Some(Label::Ok) if !CONDITIONS.contains(&condition) => {
                bad(format!(
                    "condition {condition:?} of an ok sentence is not one of {}",
                    CONDITIONS.join(", ")
                ));
                ok = false;
            }
            _ => {}
        }
        if text.is_empty() {
            bad("empty text".to_owned());
            ok = false;
        } else if text.trim() != text {
            bad("text has leading or trailing whitespace".to_owned());
            ok = false;
        } else if ["**", "`", "]("].iter().any(|markup| text.contains(markup)) {
            bad("text contains Markdown; write plain sentences".to_owned());
            ok = false;
        }
        if let (true, Some(label)) = (ok, label) {
            entries.push(Entry {
                line,
                id,
                label,
                category,
                condition,
                text,
            });
        }
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

/// Parse `expected-misses.txt`: one id per line followed by `# reason`; blank lines and lines that
/// start with `#` are ignored. Returns id → reason.
fn parse_expected_misses<'a>(
    text: &'a str,
    entries: &[Entry<'_>],
) -> Result<BTreeMap<&'a str, &'a str>, Vec<String>> {
    let known: HashSet<&str> = entries.iter().map(|entry| entry.id).collect();
    let mut misses = BTreeMap::new();
    let mut errors = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (id, reason) = match trimmed.split_once('#') {
            Some((id, reason)) => (id.trim(), reason.trim()),
            None => (trimmed, ""),
        };
        if reason.is_empty() {
            errors.push(format!(
                "expected-misses.txt:{line}: {id:?} needs a `# reason` comment"
            ));
        }
        if !known.contains(id) {
            errors.push(format!(
                "expected-misses.txt:{line}: {id:?} is not an id in corpus.tsv"
            ));
        } else if misses.insert(id, reason).is_some() {
            errors.push(format!(
                "expected-misses.txt:{line}: {id:?} is listed twice"
            ));
        }
    }
    if errors.is_empty() {
        Ok(misses)
    } else {
        Err(errors)
    }
}

/// The linter's verdict on one sentence, with what it saw, for the error listing.
struct Verdict {
    flagged: bool,
    /// Some rule matched, whatever its severity or context: on an `ok` sentence this means the
    /// context model (or severity), not a lack of trigger words, kept it quiet.
    matched: bool,
    /// `rule (severity)` for every finding, and `rule dropped by condition "cue"` for every
    /// match that context removed.
    evidence: Vec<String>,
}

fn judge(rules: &RuleSet, text: &str) -> Verdict {
    let doc = Document::parse(text.to_owned(), Format::Text);
    let checked = engine::check(&doc, rules);
    let flagged = checked
        .findings
        .iter()
        .any(|finding| finding.severity >= Severity::Warning);
    let mut evidence: Vec<String> = checked
        .findings
        .iter()
        .map(|finding| format!("{} ({})", finding.rule, finding.severity))
        .collect();
    evidence.extend(checked.dropped.iter().map(|dropped| {
        format!(
            "{} dropped by {} {:?}",
            dropped.rule, dropped.cue.condition, dropped.cue.text
        )
    }));
    let matched = !checked.findings.is_empty() || !checked.dropped.is_empty();
    Verdict {
        flagged,
        matched,
        evidence,
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    /// `ok` sentences on which some rule matched (a finding below warning, or a match dropped by
    /// context).
    ok_matched: usize,
}

impl Counts {
    fn add(&mut self, label: Label, verdict: &Verdict) {
        if label == Label::Ok && verdict.matched {
            self.ok_matched += 1;
        }
        match (label, verdict.flagged) {
            (Label::Overclaim, true) => self.tp += 1,
            (Label::Overclaim, false) => self.fn_ += 1,
            (Label::Ok, true) => self.fp += 1,
            (Label::Ok, false) => self.tn += 1,
        }
    }
}

fn ratio(numerator: usize, denominator: usize) -> String {
    if denominator == 0 {
        "-".to_owned()
    } else {
        // Counts are small; the conversion is exact.
        #[allow(clippy::cast_precision_loss)]
        let value = numerator as f64 / denominator as f64;
        format!("{value:.3}")
    }
}

fn summary(
    total: Counts,
    by_category: &BTreeMap<&str, Counts>,
    by_condition: &BTreeMap<&str, Counts>,
) -> String {
    let mut out = String::new();
    let Counts {
        tp, fp, fn_, tn, ..
    } = total;
    let _ = writeln!(
        out,
        "accuracy suite: {} sentences ({} overclaim, {} ok) at min-severity warning",
        tp + fp + fn_ + tn,
        tp + fn_,
        fp + tn
    );
    let _ = writeln!(out, "  TP {tp}  FP {fp}  FN {fn_}  TN {tn}");
    let _ = writeln!(
        out,
        "  precision {}  recall {}  false-alarm rate {}  accuracy {}",
        ratio(tp, tp + fp),
        ratio(tp, tp + fn_),
        ratio(fp, fp + tn),
        ratio(tp + tn, tp + fp + fn_ + tn)
    );
    let _ = writeln!(
        out,
        "\n  {:<27} {:>9} {:>6} {:>6} {:>7} {:>5} {:>7}",
        "category", "overclaim", "caught", "missed", "recall", "ok", "alarms"
    );
    for category in CATEGORIES {
        let c = by_category.get(category).copied().unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:<27} {:>9} {:>6} {:>6} {:>7} {:>5} {:>7}",
            category,
            c.tp + c.fn_,
            c.tp,
            c.fn_,
            ratio(c.tp, c.tp + c.fn_),
            c.fp + c.tn,
            c.fp
        );
    }
    let _ = writeln!(
        out,
        "\n  {:<27} {:>9} {:>9} {:>7} {:>17}",
        "condition (ok sentences)", "sentences", "rule hit", "alarms", "false-alarm rate"
    );
    for condition in CONDITIONS {
        let c = by_condition.get(condition).copied().unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:<27} {:>9} {:>9} {:>7} {:>17}",
            condition,
            c.fp + c.tn,
            c.ok_matched,
            c.fp,
            ratio(c.fp, c.fp + c.tn)
        );
    }
    let _ = writeln!(
        out,
        "  (rule hit: some rule matched the sentence, so context or severity, not the absence of \
         trigger words, kept it quiet or failed to)"
    );
    out
}

/// One line in the format of `expected-misses.txt`, with a generated reason to review.
fn miss_line(entry: &Entry<'_>, verdict: &Verdict) -> String {
    let kind = match entry.label {
        Label::Overclaim => "miss",
        Label::Ok => "false alarm",
    };
    let seen = if verdict.evidence.is_empty() {
        "no match".to_owned()
    } else {
        verdict.evidence.join("; ")
    };
    format!("{}  # {kind} ({}): {seen}", entry.id, entry.category)
}

#[test]
fn accuracy_corpus_matches_recorded_expectations() {
    let entries = parse_corpus(CORPUS).unwrap_or_else(|errors| {
        panic!(
            "tests/accuracy/corpus.tsv is malformed:\n{}",
            errors.join("\n")
        )
    });
    let expected = parse_expected_misses(EXPECTED_MISSES, &entries).unwrap_or_else(|errors| {
        panic!(
            "tests/accuracy/expected-misses.txt is malformed:\n{}",
            errors.join("\n")
        )
    });
    let rules = RuleSet::builtin();

    let mut total = Counts::default();
    let mut by_category: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut by_condition: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut wrong_now = Vec::new();
    let mut regressions = Vec::new();
    let mut fixed = Vec::new();
    for entry in &entries {
        let verdict = judge(&rules, entry.text);
        total.add(entry.label, &verdict);
        by_category
            .entry(entry.category)
            .or_default()
            .add(entry.label, &verdict);
        by_condition
            .entry(entry.condition)
            .or_default()
            .add(entry.label, &verdict);
        let right = verdict.flagged == (entry.label == Label::Overclaim);
        let listed = expected.contains_key(entry.id);
        if !right {
            wrong_now.push(miss_line(entry, &verdict));
            if !listed {
                regressions.push(format!(
                    "  {} (line {}, labelled {}, linter says {}): {}\n      {}",
                    entry.id,
                    entry.line,
                    entry.label.as_str(),
                    if verdict.flagged {
                        "flagged"
                    } else {
                        "not flagged"
                    },
                    entry.text,
                    if verdict.evidence.is_empty() {
                        "no rule matched".to_owned()
                    } else {
                        verdict.evidence.join("; ")
                    }
                ));
            }
        } else if listed {
            fixed.push(format!(
                "  {} (labelled {}): {}",
                entry.id,
                entry.label.as_str(),
                entry.text
            ));
        }
    }

    println!("{}", summary(total, &by_category, &by_condition));
    if !regressions.is_empty() || !fixed.is_empty() {
        eprintln!(
            "All sentences the linter currently gets wrong, in expected-misses.txt format \
             (review each reason before copying):\n{}\n",
            wrong_now.join("\n")
        );
    }
    let mut failure = String::new();
    if !regressions.is_empty() {
        let _ = writeln!(
            failure,
            "{} sentence(s) are wrong and not listed in tests/accuracy/expected-misses.txt. \
             Fix the rules, or, if the label is wrong, fix corpus.tsv; list a sentence as an \
             expected miss only after reviewing it:\n{}",
            regressions.len(),
            regressions.join("\n")
        );
    }
    if !fixed.is_empty() {
        let _ = writeln!(
            failure,
            "{} sentence(s) listed in tests/accuracy/expected-misses.txt are now right. \
             Delete their lines from expected-misses.txt:\n{}",
            fixed.len(),
            fixed.join("\n")
        );
    }
    assert!(failure.is_empty(), "{failure}");
}

#[test]
fn accuracy_corpus_covers_every_category_and_condition() {
    let entries = parse_corpus(CORPUS).unwrap_or_else(|errors| {
        panic!(
            "tests/accuracy/corpus.tsv is malformed:\n{}",
            errors.join("\n")
        )
    });
    let mut gaps = Vec::new();
    for category in CATEGORIES {
        for label in [Label::Overclaim, Label::Ok] {
            if !entries
                .iter()
                .any(|entry| entry.category == category && entry.label == label)
            {
                gaps.push(format!(
                    "no {} sentence for category {category}",
                    label.as_str()
                ));
            }
        }
    }
    for condition in CONDITIONS {
        if !entries.iter().any(|entry| entry.condition == condition) {
            gaps.push(format!("no ok sentence with condition {condition}"));
        }
    }
    assert!(gaps.is_empty(), "corpus.tsv has gaps:\n{}", gaps.join("\n"));
}

#[test]
fn accuracy_corpus_validation_reports_line_numbers() {
    let bad = "# header\n\
               cure-001\tok\tcure\tnegated\tStem cells are not a cure.\n\
               cure-001\tok\tcure\tnegated\tA duplicate id.\n\
               cure-002\tmaybe\tcure\t-\tAn unknown label.\n\
               cure-003\toverclaim\tcures\t-\tAn unknown category.\n\
               cure-004\toverclaim\tcure\thedged\tAn overclaim with a condition.\n\
               cure-005\tok\tcure\t-\tAn ok sentence without a condition.\n\
               cure-006\tok\tcure\tnegated\n\
               Cure-7\tok\tcure\tnegated\tA bad id.\n";
    let errors = parse_corpus(bad).expect_err("the corpus above is malformed");
    let lines: Vec<&str> = errors
        .iter()
        .map(|error| error.split(": ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        lines,
        [
            "corpus.tsv:3",
            "corpus.tsv:4",
            "corpus.tsv:5",
            "corpus.tsv:6",
            "corpus.tsv:7",
            "corpus.tsv:8",
            "corpus.tsv:9",
        ],
        "{errors:#?}"
    );
    assert!(errors[0].contains("duplicate id \"cure-001\" (first on line 2)"));
    assert!(errors[5].contains("expected 5 tab-separated columns"));

    let good = parse_corpus("cure-001\tok\tcure\tnegated\tStem cells are not a cure.\n")
        .expect("a well-formed line");
    let misses = parse_expected_misses("cure-001  # miss\ncure-009  # unknown\ncure-001\n", &good)
        .expect_err("unknown, duplicate and reasonless ids are errors");
    assert_eq!(
        misses,
        [
            "expected-misses.txt:2: \"cure-009\" is not an id in corpus.tsv",
            "expected-misses.txt:3: \"cure-001\" needs a `# reason` comment",
            "expected-misses.txt:3: \"cure-001\" is listed twice",
        ]
    );
}
