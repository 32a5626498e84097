//! Baselines: a site with old claims fails only on new ones, keeps doing so when paragraphs
//! move, and reports entries that no longer occur.

use crate::support::Case;

const OLD: &str = "Our stem cell injections cure arthritis.";
const NEW: &str = "Most patients feel results within 48 hours.";
const OTHER: &str = "Knee pain has many causes, and a doctor can help sort them out.";

#[test]
fn baseline_fails_only_on_new_claims_across_reordering_and_reports_stale_entries() {
    let case = Case::new().file("site/knee.md", format!("# Knees\n\n{OLD}\n\n{OTHER}\n"));
    let wrote = case.run_with(&[
        "check",
        "site",
        "--write-baseline",
        "overclaim-baseline.json",
    ]);
    assert_eq!(wrote.code, 0, "{wrote:?}");
    assert!(
        wrote
            .stdout
            .contains("Wrote 1 finding to overclaim-baseline.json."),
        "{}",
        wrote.stdout
    );
    let recorded: serde_json::Value =
        serde_json::from_slice(&case.read("overclaim-baseline.json")).unwrap();
    assert_eq!(recorded["findings"][0]["path"], "site/knee.md");
    assert_eq!(recorded["findings"][0]["count"], 1);

    let clean = case.run_with(&["check", "site", "--baseline", "overclaim-baseline.json"]);
    assert_eq!(clean.code, 0, "the old claim is baselined: {clean:?}");
    assert!(
        clean.stdout.contains("1 finding hidden by the baseline."),
        "{}",
        clean.stdout
    );

    // A new claim, with the old paragraph moved below other text.
    std::fs::write(
        case.path().join("site/knee.md"),
        format!("# Knees\n\n{OTHER}\n\n{NEW}\n\n{OTHER}\n\n{OLD}\n"),
    )
    .unwrap();
    let new = case.run_with(&[
        "check",
        "site",
        "--baseline",
        "overclaim-baseline.json",
        "--format",
        "json",
    ]);
    assert_eq!(new.code, 1);
    let json = new.json();
    let matches: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["match"].as_str().unwrap())
        .collect();
    assert_eq!(
        matches,
        ["results within 48 hours"],
        "only the new claim fails"
    );
    assert_eq!(json["baseline"]["hidden"], 1);

    // The old claim is removed: its entry is stale.
    std::fs::write(
        case.path().join("site/knee.md"),
        format!("# Knees\n\n{OTHER}\n"),
    )
    .unwrap();
    let stale = case.run_with(&["check", "site", "--baseline", "overclaim-baseline.json"]);
    assert_eq!(stale.code, 0);
    assert!(
        stale
            .stdout
            .contains("stale baseline entry: site/knee.md: "),
        "{}",
        stale.stdout
    );
    assert!(
        stale
            .stdout
            .contains("no longer occurs (prune with --write-baseline)"),
        "{}",
        stale.stdout
    );
}

#[test]
fn duplicate_claims_are_counted() {
    let case = Case::new().file("page.md", format!("{OLD}\n\n{OTHER}\n"));
    case.run_with(&["check", "page.md", "--write-baseline", "base.json"]);
    std::fs::write(case.path().join("page.md"), format!("{OLD}\n\n{OLD}\n")).unwrap();
    let run = case.run_with(&[
        "check",
        "page.md",
        "--baseline",
        "base.json",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "the second copy of the claim is new");
    assert_eq!(run.json()["findings"].as_array().unwrap().len(), 1);
}

#[test]
fn baseline_from_config_and_bad_baseline_file() {
    let case = Case::new()
        .file("overclaim.toml", "baseline = \"base.json\"\n")
        .file("page.md", format!("{OLD}\n"));
    case.run_with(&["check", "page.md", "--write-baseline", "base.json"]);
    assert_eq!(case.run_with(&["check", "page.md"]).code, 0);
    std::fs::write(
        case.path().join("base.json"),
        "{\"version\": 1, \"entries\": []}",
    )
    .unwrap();
    let broken = case.run_with(&["check", "page.md"]);
    assert_eq!(broken.code, 2);
    assert!(
        broken
            .stderr
            .contains("base.json: not an overclaim baseline: unknown field `entries`"),
        "{}",
        broken.stderr
    );
}
