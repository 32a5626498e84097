//! `overclaim.toml`: discovery, layering with flags, severities, include/exclude, `init`.

use crate::support::{Case, HOUSE_PACK};

const MIRACLE: &str = "Try our miracle shot today.\n";

#[test]
fn config_is_found_by_walking_up_and_adds_its_packs() {
    let run = Case::new()
        .file(
            "overclaim.toml",
            "rules = [\"packs/house.toml\"]\nselect = [\"house-style\"]\n",
        )
        .file("packs/house.toml", HOUSE_PACK)
        .file("site/page.md", MIRACLE)
        .cwd("site/deeper")
        .args(["check", "../page.md", "--format", "json"])
        .run();
    assert_eq!(run.rules(), ["house-miracle"], "{run:?}");
}

#[test]
fn dot_overclaim_toml_is_found_too() {
    let run = Case::new()
        .file(".overclaim.toml", "fail-on = \"never\"\n")
        .file("page.md", "Our stem cell injections cure arthritis.\n")
        .args(["check", "page.md"])
        .run();
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn severity_override_by_rule_and_category_and_flags_win_over_config() {
    let case = Case::new()
        .file(
            "overclaim.toml",
            "rules = [\"house.toml\"]\nselect = [\"house-miracle\"]\nmin-severity = \"error\"\n\n[severity]\nhouse-style = \"info\"\nhouse-miracle = \"error\"\n",
        )
        .file("house.toml", HOUSE_PACK)
        .file("page.md", MIRACLE);
    let run = case.args(["check", "page.md", "--format", "json"]).run();
    assert_eq!(
        run.json()["findings"][0]["severity"],
        "error",
        "the rule id wins over its category"
    );
}

#[test]
fn flags_override_config_values() {
    let run = Case::new()
        .file(
            "overclaim.toml",
            "rules = [\"house.toml\"]\nselect = [\"cure\"]\nfail-on = \"never\"\n",
        )
        .file("house.toml", HOUSE_PACK)
        .file("page.md", MIRACLE)
        .args([
            "check",
            "page.md",
            "--select",
            "house-miracle",
            "--fail-on",
            "warning",
        ])
        .run();
    assert_eq!(run.code, 1, "{run:?}");
}

#[test]
fn include_and_exclude_globs_pick_walked_files() {
    let claim = "Our stem cell injections cure arthritis.\n";
    let run = Case::new()
        .file("overclaim.toml", "include = [\"content/**/*.md\", \"content/**/*.html\"]\nexclude = [\"content/drafts/**\"]\nselect = [\"cure\"]\n")
        .file("content/a.md", claim)
        .file("content/b.html", claim)
        .file("content/c.txt", claim)
        .file("content/drafts/d.md", claim)
        .args(["check", "content", "--format", "json"])
        .run();
    let paths = run.paths();
    assert_eq!(paths, ["content/a.md", "content/b.html"]);
}

#[test]
fn no_config_ignores_the_config_file() {
    let run = Case::new()
        .file("overclaim.toml", "fail-on = \"never\"\n")
        .file("page.md", "Our stem cell injections cure arthritis.\n")
        .args(["check", "page.md", "--no-config"])
        .run();
    assert_eq!(run.code, 1);
}

#[test]
fn init_writes_a_starter_config_that_loads() {
    let case = Case::new().file("page.md", "Knee pain is common.\n");
    let run = case.run_with(&["init"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("Wrote overclaim.toml"));
    let written = String::from_utf8(case.read("overclaim.toml")).unwrap();
    assert!(written.contains("# fail-on = \"warning\""), "{written}");
    let check = case.run_with(&["check", "page.md"]);
    assert_eq!(check.code, 0, "the starter config is valid: {check:?}");
    let again = case.run_with(&["init"]);
    assert_eq!(again.code, 2, "init refuses to overwrite");
    assert!(
        again.stderr.contains("overclaim.toml already exists"),
        "{}",
        again.stderr
    );
    assert_eq!(case.run_with(&["init", "--force"]).code, 0);
}
