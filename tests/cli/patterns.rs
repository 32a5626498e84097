//! `overclaim rules --format patterns`: every matcher's regex, one per line, for `rg -i -f`.

use overclaim::RuleSet;
use regex::RegexBuilder;

use crate::support::Case;

/// One phrase rule and one pattern rule with a named group.
const PACK: &str = r#"categories = ["house-style"]

[[rule]]
id = "house-miracle"
category = "house-style"
severity = "warning"
message = "House style: no {thing}"
why = "Our editorial policy forbids calling treatments miracles."
references = ["https://example.org/style"]
patterns = ['\bmiracle\s+(?P<thing>shot|injection)s?\b']
suggest = ["an injection that is being studied"]
flag = ["Try our miracle shot today."]
pass = ["A miracle."]

[[rule]]
id = "house-wonder"
category = "house-style"
severity = "info"
message = "House style: no wonders"
why = "Our editorial policy forbids wonders."
references = ["https://example.org/style"]
phrases = ["wonder knee", "pain-free"]
suggest = ["a treatment"]
flag = ["The wonder knee clinic."]
pass = ["I wonder."]
"#;

fn patterns(case: &Case) -> Vec<String> {
    let run = case.run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout.lines().map(str::to_owned).collect()
}

fn compile(line: &str) -> regex::Regex {
    RegexBuilder::new(line)
        .case_insensitive(true)
        .size_limit(64 << 20)
        .build()
        .unwrap_or_else(|e| panic!("{line}: {e}"))
}

#[test]
fn a_user_rules_patterns_are_its_exact_regexes_after_the_built_in_ones() {
    let case = Case::new().file("house.toml", PACK).args([
        "rules",
        "--no-config",
        "--rules",
        "house.toml",
        "--format",
        "patterns",
    ]);
    let lines = patterns(&case);
    let builtin: usize = RuleSet::builtin()
        .rules()
        .iter()
        .map(|r| r.shapes.len())
        .sum();
    assert_eq!(lines.len(), builtin + 3);
    // Phrases come before patterns in a rule; word boundaries are the ASCII ones the engine
    // compiles; a named group is a plain group.
    assert_eq!(
        lines[builtin..],
        [
            r"(?-u:\b)miracle\s+(?:shot|injection)s?(?-u:\b)",
            r"(?-u:\b)wonder\s+knee(?-u:\b)",
            r"(?-u:\b)pain[-\u{2010}\u{2011}\s]free(?-u:\b)",
        ]
    );
}

#[test]
fn every_built_in_matcher_is_one_line_and_the_lines_flag_each_rules_examples() {
    let lines = patterns(&Case::new().args(["rules", "--no-config", "--format", "patterns"]));
    let rules = RuleSet::builtin();
    let count: usize = rules.rules().iter().map(|r| r.shapes.len()).sum();
    assert_eq!(lines.len(), count);
    let mut next = 0;
    for rule in rules.rules() {
        let own: Vec<regex::Regex> = lines[next..next + rule.shapes.len()]
            .iter()
            .map(|line| compile(line))
            .collect();
        next += rule.shapes.len();
        for example in &rule.flag {
            assert!(
                own.iter().any(|re| re.is_match(&example.text)),
                "{}: no pattern line matches the flag example {:?}",
                rule.id,
                example.text
            );
        }
    }
}

#[test]
fn the_lines_compile_as_one_alternation_as_ripgrep_joins_them() {
    let lines = patterns(&Case::new().args(["rules", "--no-config", "--format", "patterns"]));
    let joined = lines
        .iter()
        .map(|line| format!("(?:{line})"))
        .collect::<Vec<_>>()
        .join("|");
    let all = RegexBuilder::new(&joined)
        .case_insensitive(true)
        .size_limit(1 << 30)
        .build()
        .unwrap_or_else(|e| panic!("one alternation: {e}"));
    assert!(all.is_match("Our stem cell injections CURE knee osteoarthritis."));
}
