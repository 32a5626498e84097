//! Snapshots of the human and JSON output on every document in `fixtures/docs/`.
//!
//! Each snapshot is a claim that every finding in it is right and that every sentence it
//! leaves out deserved to be left out: read them as a clinician would before accepting.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

fn check(path: &str, format: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = cargo_bin_cmd!("overclaim")
        .current_dir(root)
        .args([
            "check",
            path,
            "--no-config",
            "--color",
            "never",
            "--format",
            format,
        ])
        .output()
        .expect("run overclaim");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{path}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn human_output_on_fixture_documents() {
    insta::glob!("../../fixtures", "docs/*.{md,txt,html}", |path| {
        insta::assert_snapshot!(check(&relative(path), "human"));
    });
}

#[test]
fn json_output_on_fixture_documents() {
    insta::glob!("../../fixtures", "docs/*.{md,txt,html}", |path| {
        let json: serde_json::Value =
            serde_json::from_str(&check(&relative(path), "json")).expect("JSON");
        insta::assert_json_snapshot!(json);
    });
}

#[test]
fn edge_files_give_errors_or_findings_never_a_crash() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = cargo_bin_cmd!("overclaim")
        .current_dir(root)
        .args(["check", "fixtures/edge", "--no-config", "--format", "json"])
        .output()
        .expect("run overclaim");
    assert_eq!(output.status.code(), Some(2), "latin1.txt is an error");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let errors: Vec<&str> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    // binary.txt is skipped quietly: it was found by walking, not named (errors.rs covers a
    // named binary file).
    assert_eq!(errors, ["fixtures/edge/latin1.txt"]);
    let bom = std::fs::read_to_string(root.join("fixtures/edge/bom.md")).unwrap();
    for finding in json["findings"].as_array().unwrap() {
        if finding["path"] == "fixtures/edge/bom.md" {
            let (start, end) = (
                finding["start"].as_u64().unwrap() as usize,
                finding["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &bom[start..end],
                finding["match"].as_str().unwrap(),
                "offsets count the BOM"
            );
        }
    }
}
