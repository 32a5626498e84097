//! The JSON contract, checked against structs defined here so a renamed field fails a test.

use serde::Deserialize;

use crate::support::Case;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Output {
    version: u32,
    findings: Vec<Finding>,
    suppressed: Vec<serde_json::Value>,
    baseline: serde_json::Value,
    errors: Vec<ErrorEntry>,
    summary: Summary,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Finding {
    path: String,
    rule: String,
    category: String,
    severity: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(rename = "match")]
    matched: String,
    sentence: String,
    message: String,
    suggestions: Vec<String>,
    fix: Option<Fix>,
}

#[derive(Debug, Deserialize)]
struct Fix {
    replacement: String,
    applicability: String,
}

#[derive(Debug, Deserialize)]
struct ErrorEntry {
    path: Option<String>,
    message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Summary {
    files: usize,
    findings: usize,
    error: usize,
    warning: usize,
    info: usize,
    fixed: usize,
    fixes_not_applied: usize,
    suppressed: usize,
}

#[test]
fn json_output_follows_version_1() {
    let text = "# “Knee” care\n\nOur stem cell injections cure osteoarthritis.\n";
    let run = Case::new()
        .file("page.md", text)
        .args(["check", "page.md", "--format", "json", "--select", "cure"])
        .run();
    let output: Output = serde_json::from_str(&run.stdout).expect("version-1 JSON");
    assert_eq!(output.version, 1);
    assert!(output.errors.is_empty());
    let finding = &output.findings[0];
    assert_eq!(finding.path, "page.md");
    assert_eq!(finding.category, "cure");
    assert_eq!(&text[finding.start..finding.end], finding.matched);
    assert_eq!((finding.line, finding.end_line), (3, 3));
    let line_start = text.find("Our").unwrap();
    assert_eq!(
        finding.column,
        text[line_start..finding.start].chars().count() + 1
    );
    assert_eq!(
        finding.end_column,
        finding.column + finding.matched.chars().count()
    );
    assert_eq!(
        finding.sentence,
        "Our stem cell injections cure osteoarthritis."
    );
    assert!(!finding.message.is_empty());
    assert!(!finding.suggestions.is_empty());
    if let Some(fix) = &finding.fix {
        assert!(matches!(fix.applicability.as_str(), "safe" | "unsafe"));
        assert!(!fix.replacement.is_empty());
    }
    assert_eq!(output.summary.files, 1);
    assert_eq!(
        (output.summary.fixed, output.summary.fixes_not_applied),
        (0, 0)
    );
    assert_eq!((output.summary.suppressed, output.suppressed.len()), (0, 0));
    assert_eq!(
        output.baseline,
        serde_json::json!({ "hidden": 0, "stale": [] })
    );
    assert_eq!(output.summary.findings, output.findings.len());
    assert_eq!(
        output.summary.error + output.summary.warning + output.summary.info,
        output.summary.findings
    );
}

#[test]
fn json_is_one_valid_document_even_when_a_file_fails() {
    let run = Case::new()
        .file("bad.txt", b"\xff\xfe not text")
        .file("good.md", "Our stem cell injections cure arthritis.\n")
        .args([
            "check", "bad.txt", "good.md", "--format", "json", "--select", "cure",
        ])
        .run();
    assert_eq!(run.code, 2);
    let output: Output = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(output.errors[0].path.as_deref(), Some("bad.txt"));
    assert!(
        output.errors[0].message.starts_with("not valid UTF-8"),
        "{:?}",
        output.errors
    );
    assert_eq!(output.findings[0].path, "good.md");
}

/// The SARIF document deserialises into the typed SARIF 2.1.0 model (generated from the OASIS
/// schema by `serde-sarif`) and carries what GitHub code scanning requires: tool.driver.name,
/// a rule for every ruleId, a message text, and a physical location with a relative URI and a
/// start line for every result.
#[test]
fn sarif_output_has_the_structure_code_scanning_requires() {
    let text = "# Knees\n\n<!-- overclaim-disable-next-line results-in-days -- approved by legal -->\nMost patients feel results within 48 hours.\n\nOur stem cell injections cure arthritis.\n";
    let run = Case::new()
        .file("content/page.md", text)
        .args(["check", "content", "--format", "sarif"])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let sarif: serde_sarif::sarif::Sarif =
        serde_json::from_str(&run.stdout).expect("typed SARIF 2.1.0");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["version"], "2.1.0");
    assert_eq!(sarif.runs.len(), 1);
    let run0 = &json["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "overclaim");
    let rule_ids: Vec<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(rule_ids.len() > 19, "every loaded rule is described");
    let cure = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["properties"]["tags"][0] == "cure")
        .unwrap();
    assert!(
        cure["help"]["text"].as_str().unwrap().len() > 80,
        "the rule's why is its help"
    );
    assert!(cure["helpUri"].as_str().unwrap().starts_with("https://"));
    assert!(run0["properties"]["rulesHash"].as_str().unwrap().len() == 16);
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "one finding and one suppressed finding");
    for result in results {
        let rule = result["ruleId"].as_str().unwrap();
        assert!(
            rule_ids.contains(&rule),
            "{rule} is described in tool.driver.rules"
        );
        assert_eq!(
            rule_ids[result["ruleIndex"].as_u64().unwrap() as usize],
            rule
        );
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "content/page.md");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(location["region"]["startColumn"].as_u64().unwrap() >= 1);
        assert!(result["partialFingerprints"]["overclaim/v1"].is_string());
    }
    let suppressed = results
        .iter()
        .find(|r| r["suppressions"].is_array())
        .expect("a suppressed result");
    assert_eq!(suppressed["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        suppressed["suppressions"][0]["justification"],
        "approved by legal"
    );
    assert_eq!(
        suppressed["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
}

const TWO_CLAIMS: &str = "# Knees\n\nOur stem cell injections cure arthritis.\n\nMost patients feel results within 48 hours, 100% of the time.\n";

#[test]
fn github_format_prints_one_escaped_annotation_per_finding() {
    let run = Case::new()
        .file("page.md", TWO_CLAIMS)
        .args(["check", "page.md", "--format", "github"])
        .run();
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines.len() >= 2, "{}", run.stdout);
    assert!(
        lines[0].starts_with("::error file=page.md,line=3,endLine=3,col=15,endColumn="),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains(",title=overclaim cure-"), "{}", lines[0]);
    assert!(lines.iter().all(|l| l.starts_with("::error ")
        || l.starts_with("::warning ")
        || l.starts_with("::notice ")));
    assert!(
        run.stdout.contains("%0AInstead: "),
        "newlines in messages are escaped: {}",
        run.stdout
    );
}

#[test]
fn json_lines_prints_one_finding_object_per_line() {
    let run = Case::new()
        .file("page.md", TWO_CLAIMS)
        .args(["check", "page.md", "--format", "json-lines"])
        .run();
    let objects: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect();
    assert!(objects.len() >= 2);
    assert_eq!(objects[0]["path"], "page.md");
    assert_eq!(objects[0]["line"], 3);
    assert!(objects
        .iter()
        .all(|o| o["rule"].is_string() && o["severity"].is_string()));
}

#[test]
fn junit_has_one_test_case_per_file() {
    let run = Case::new()
        .file("site/bad.md", TWO_CLAIMS)
        .file("site/good.md", "Knee pain is common.\n")
        .args(["check", "site", "--format", "junit"])
        .run();
    let xml = &run.stdout;
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"overclaim\" tests=\"2\" failures=\"1\" errors=\"0\">"), "{xml}");
    assert!(
        xml.contains("<testcase name=\"site/good.md\" classname=\"overclaim\"/>"),
        "{xml}"
    );
    assert!(
        xml.contains("<testcase name=\"site/bad.md\" classname=\"overclaim\">"),
        "{xml}"
    );
    assert!(xml.contains("site/bad.md:3:15: error [cure-"), "{xml}");
    assert_eq!(xml.matches("<testcase ").count(), 2);
}

#[test]
fn statistics_count_rules_and_list_the_silent_ones() {
    let run = Case::new()
        .file("page.md", TWO_CLAIMS)
        .args(["check", "page.md", "--statistics"])
        .run();
    let out = &run.stdout;
    assert!(out.starts_with("COUNT  RULE"), "{out}");
    assert!(
        out.lines().any(|l| l.trim_start().starts_with("1  cure-")),
        "{out}"
    );
    assert!(out.contains(" never fired: "), "{out}");
    assert!(!out.contains("error["), "no findings are printed: {out}");
}
