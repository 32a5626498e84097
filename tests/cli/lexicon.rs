//! Issue 8: word classes and claim frames, as a pack author and a reviewer meet them.

use crate::support::Case;

/// A house pack: a product name added to the built-in `therapy` class, and one frame rule that
/// uses built-in classes with gaps.
const FRAME_PACK: &str = r#"
[extend-class.therapy]
words = ["RegenaKnee"]

[[rule]]
id = "house-regrowth"
category = "regeneration"
severity = "warning"
message = "Says {therapy} regrows {tissue}"
why = "No injection has been shown to regrow knee tissue in a controlled trial."
references = ["https://pmc.ncbi.nlm.nih.gov/articles/PMC10719084"]
frames = ['{therapy} {gap:0-3} {strong-repair-verb} {gap:0-3} {tissue}']
unless = ["negated", "question", "attributed"]
soften = ["hedged"]
suggest = ["{therapy} may ease symptoms"]
flag = ["RegenaKnee quickly rebuilds the worn cartilage."]
pass = ["RegenaKnee has not been shown to rebuild cartilage."]
"#;

/// (match, message) of each finding of the house rule on `text`.
fn findings(text: &str) -> Vec<(String, String)> {
    let run = Case::new()
        .file("house.toml", FRAME_PACK)
        .stdin(text)
        .args(["check", "-", "--format", "json", "--rules", "house.toml"])
        .args(["--select", "house-regrowth"])
        .run();
    run.json()["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["match"].as_str().expect("match").to_owned(),
                f["message"].as_str().expect("message").to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_frame_catches_inflections_and_words_between_with_slots_in_the_message() {
    assert_eq!(
        findings("Our RegenaKnee injections actually regrew the menisci."),
        [(
            "RegenaKnee injections actually regrew the menisci".to_owned(),
            "Says RegenaKnee regrows menisci".to_owned()
        )]
    );
    let found = findings("Platelet-rich plasma will help regenerate damaged cartilage.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Says Platelet-rich plasma regrows cartilage");
}

#[test]
fn a_hedge_or_negation_inside_a_gap_counts_like_one_outside_the_match() {
    assert_eq!(findings("PRP may regrow cartilage in some people."), []);
    assert_eq!(findings("PRP does not regrow cartilage."), []);
    assert_eq!(findings("Stem cells never rebuild lost cartilage."), []);
}

// A goal that begins in a gap and ends on the frame's next word ("designed *to*") frames the
// claim as a goal: one level lower, not a warning.
#[test]
fn a_goal_that_begins_in_a_gap_softens_the_claim() {
    let run = Case::new()
        .args(["check", "--no-config", "--format", "json", "--select", "heal-purpose-frame", "--min-severity", "info", "-"])
        .stdin("The shots are injected into the knee to stimulate healing.\n\nThe injections are designed to stimulate healing.\n")
        .run();
    let severities: Vec<(u64, String)> = run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        severities,
        [(1, "warning".to_owned()), (3, "info".to_owned())],
        "{}",
        run.stdout
    );
}

#[test]
fn a_gap_stays_inside_its_clause() {
    assert_eq!(
        findings("PRP is popular; rebuilding cartilage is hard."),
        []
    );
}

#[test]
fn lexicon_lists_classes_and_one_class_shows_forms_extensions_and_users() {
    let run = Case::new().args(["lexicon"]).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let tissue = run
        .stdout
        .lines()
        .find(|l| l.starts_with("tissue "))
        .expect("tissue listed");
    assert!(tissue.contains(" noun "), "{tissue}");

    let run = Case::new()
        .file("house.toml", FRAME_PACK)
        .args(["lexicon", "therapy", "--rules", "house.toml"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Defined at rules/lexicon.toml:")
            && run.stdout.contains(", extended at house.toml:2"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("regenaknees"), "{}", run.stdout);
    let used_by = run
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Used by"))
        .nth(1)
        .expect("a line of users");
    assert!(used_by.contains("house-regrowth"), "{used_by}");

    let run = Case::new().args(["lexicon", "tisue"]).run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no word class `tisue`"),
        "{}",
        run.stderr
    );
}

#[test]
fn explain_shows_a_frame_in_words_and_its_classes() {
    let run = Case::new()
        .file("house.toml", FRAME_PACK)
        .args(["explain", "house-regrowth", "--rules", "house.toml"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "- frame: ⟨any therapy⟩ ⟨up to 3 words⟩ ⟨any strong-repair-verb⟩ ⟨up to 3 words⟩ ⟨any tissue⟩"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("- tissue: "), "{}", run.stdout);
}

#[test]
fn an_unknown_class_in_a_user_pack_is_an_error_at_its_line_and_column() {
    let run = Case::new()
        .file(
            "house.toml",
            FRAME_PACK.replace("{gap:0-3} {tissue}", "{gap:0-3} {tisue}"),
        )
        .args(["check", "--rules", "house.toml", "house.toml"])
        .run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("house.toml:12:63")
            && run
                .stderr
                .contains("invalid frame: unknown word class `tisue` (did you mean `{tissue}`?)"),
        "{}",
        run.stderr
    );
}

#[test]
fn test_rules_on_a_user_pack_alone_still_knows_the_builtin_classes() {
    let run = Case::new()
        .file("house.toml", FRAME_PACK)
        .args(["test-rules", "house.toml"])
        .run();
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("1 rules, 2 examples: all behave as written."),
        "{}",
        run.stdout
    );
}

/// The README's user-pack example (a pack that extends a built-in class) must load and pass its
/// own examples, so the documentation cannot rot.
#[test]
fn the_readme_user_pack_example_loads_and_behaves_as_written() {
    const README: &str = include_str!("../../README.md");
    let start = README
        .find("```toml\n# house-rules/lexicon.toml\n")
        .expect("README has the house-rules example");
    let body = &README[start + "```toml\n".len()..];
    let example = &body[..body.find("```").expect("example block is closed")];
    let case = Case::new().file("house-rules/lexicon.toml", example);
    let run = case.run_with(&["test-rules", "house-rules"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = case.run_with(&["lexicon", "therapy", "--rules", "house-rules"]);
    assert!(run.stdout.contains("regenaknee"), "{}", run.stdout);
}
