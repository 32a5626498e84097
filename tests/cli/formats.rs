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
    assert_eq!(output.summary.fixed, 0);
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
