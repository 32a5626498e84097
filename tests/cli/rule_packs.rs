//! `overclaim rules`, `explain` and `test-rules`.

use crate::support::{Case, HOUSE_PACK};

#[test]
fn rules_lists_every_builtin_rule_with_category_and_severity() {
    let run = Case::new().args(["rules"]).run();
    assert_eq!(run.code, 0);
    let header = run.stdout.lines().next().unwrap();
    assert!(
        header.starts_with("ID") && header.contains("CATEGORY") && header.contains("SEVERITY"),
        "{header}"
    );
    let cure = run
        .stdout
        .lines()
        .find(|l| l.starts_with("cure-claim "))
        .expect("cure-claim listed");
    assert!(
        cure.contains(" cure ") && cure.contains(" error "),
        "{cure}"
    );
}

#[test]
fn rules_json_includes_user_packs() {
    let run = Case::new()
        .file("house.toml", HOUSE_PACK)
        .args(["rules", "--format", "json", "--rules", "house.toml"])
        .run();
    let rules: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let house = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "house-miracle")
        .expect("house rule listed");
    assert_eq!(house["category"], "house-style");
    assert_eq!(
        house["unless"],
        serde_json::json!(["negated", "attributed"])
    );
    assert_eq!(house["source"], "house.toml:3");
}

#[test]
fn explain_prints_why_references_examples_and_suggestion() {
    let run = Case::new()
        .file("house.toml", HOUSE_PACK)
        .args(["explain", "house-miracle", "--rules", "house.toml"])
        .run();
    assert_eq!(run.code, 0);
    let out = &run.stdout;
    for expected in [
        "house-miracle (house-style, warning)",
        "Our editorial policy forbids calling treatments miracles.",
        "Not reported when: negated, attributed",
        "- an injection that is being studied",
        "Fix (unsafe): replace the match with \"injection\"",
        "- Try our miracle shot today.",
        "- Beware of clinics that advertise a miracle shot.",
        "- https://example.org/style",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[test]
fn explain_unknown_rule_exits_2_with_a_suggestion() {
    let run = Case::new().args(["explain", "cure-clam"]).run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no rule `cure-clam` (did you mean `cure-claim`?)"),
        "{}",
        run.stderr
    );
}

#[test]
fn test_rules_passes_a_good_pack() {
    let run = Case::new()
        .file("packs/house.toml", HOUSE_PACK)
        .args(["test-rules", "packs"])
        .run();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("1 rules, 4 examples: all behave as written."),
        "{}",
        run.stdout
    );
}

#[test]
fn test_rules_reports_each_failing_example_with_file_and_line() {
    let pack = HOUSE_PACK
        .replace(
            "A miracle injection for sore knees.",
            "A gentle injection for sore knees.",
        )
        .replace("This is not a miracle shot.", "This is a miracle shot.");
    let run = Case::new()
        .file("packs/house.toml", pack)
        .args(["test-rules", "packs"])
        .run();
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("house.toml:14: rule `house-miracle`: `flag` example is not flagged"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("house.toml:15: rule `house-miracle`: `pass` example is flagged"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("2 failing."), "{}", run.stdout);
}

#[test]
fn test_rules_reports_a_fix_that_does_not_remove_the_claim() {
    let pack = HOUSE_PACK.replace("replace = \"injection\"", "replace = \"miracle shot\"");
    let run = Case::new()
        .file("house.toml", pack)
        .args(["test-rules", "house.toml"])
        .run();
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("still flagged after its fix"),
        "{}",
        run.stdout
    );
}

#[test]
fn test_rules_without_paths_checks_the_builtin_pack() {
    let run = Case::new().args(["test-rules"]).run();
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("examples: all behave as written."),
        "{}",
        run.stdout
    );
}

#[test]
fn test_rules_on_a_broken_pack_exits_2() {
    let run = Case::new()
        .file("bad.toml", "[[rule]]\nid = \"x\"\n")
        .args(["test-rules", "bad.toml"])
        .run();
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing field"), "{}", run.stderr);
}

/// A pack folder that is the working directory itself (`cd house && overclaim check --rules
/// $PWD`) used to become an empty path that could not be read.
#[test]
fn a_pack_folder_that_is_the_working_directory_loads() {
    let case = Case::new()
        .file("house/house.toml", HOUSE_PACK)
        .cwd("house");
    let pack = case.path().join("house");
    let pack = pack.to_str().expect("utf-8 temp path");
    let run = case.run_with(&["rules", "--rules", pack]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("house-miracle"), "{}", run.stdout);
}
