//! `--fix`, `--unsafe-fixes` and `--diff`: rewrites touch only the matched bytes, converge, and
//! keep BOMs and line endings.

use crate::support::{Case, HOUSE_PACK};

/// The house pack with a `safe` fix, so `--fix` alone applies it.
fn safe_pack() -> String {
    HOUSE_PACK.replace("applicability = \"unsafe\"", "applicability = \"safe\"")
}

const ARGS: [&str; 5] = [
    "check",
    "--rules",
    "house.toml",
    "--select",
    "house-miracle",
];

fn run(case: &Case, extra: &[&str]) -> crate::support::Run {
    case.run_with(&[&ARGS[..], extra].concat())
}

#[test]
fn fix_applies_safe_rewrites_and_reports_what_remains() {
    let case = Case::new().file("house.toml", safe_pack()).file(
        "page.md",
        "# Knees\n\nTry our Miracle shot today. Nothing else changes.\n",
    );
    let fixed = run(&case, &["page.md", "--fix"]);
    assert_eq!(fixed.code, 0, "{fixed:?}");
    assert!(
        fixed.stdout.contains("Fixed 1 finding."),
        "{}",
        fixed.stdout
    );
    assert!(
        fixed.stdout.contains("No findings in 1 file checked."),
        "{}",
        fixed.stdout
    );
    assert_eq!(
        String::from_utf8(case.read("page.md")).unwrap(),
        "# Knees\n\nTry our Injection today. Nothing else changes.\n",
        "only the match changed, capitalised like the original"
    );
    let again = run(&case, &["page.md", "--fix"]);
    assert!(
        !again.stdout.contains("Fixed"),
        "a second --fix changes nothing: {}",
        again.stdout
    );
}

#[test]
fn unsafe_fixes_need_the_flag() {
    let case = Case::new()
        .file("house.toml", HOUSE_PACK)
        .file("page.md", "Try our miracle shot today.\n");
    let safe_only = run(&case, &["page.md", "--fix"]);
    assert_eq!(
        safe_only.code, 1,
        "the unsafe fix is not applied, the finding remains"
    );
    assert_eq!(case.read("page.md"), b"Try our miracle shot today.\n");
    let with_unsafe = run(&case, &["page.md", "--fix", "--unsafe-fixes"]);
    assert_eq!(with_unsafe.code, 0, "{with_unsafe:?}");
    assert_eq!(case.read("page.md"), b"Try our injection today.\n");
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let text = "Line one.\n\nTry our miracle shot today.\n";
    let case = Case::new()
        .file("house.toml", safe_pack())
        .file("page.md", text);
    let diff = run(&case, &["page.md", "--diff"]);
    assert_eq!(diff.code, 1, "a diff exits 1");
    assert!(
        diff.stdout.starts_with("--- a/page.md\n+++ b/page.md\n"),
        "{}",
        diff.stdout
    );
    assert!(
        diff.stdout
            .contains("-Try our miracle shot today.\n+Try our injection today.\n"),
        "{}",
        diff.stdout
    );
    assert_eq!(case.read("page.md"), text.as_bytes());
    let clean = Case::new()
        .file("house.toml", safe_pack())
        .file("page.md", "Nothing to fix.\n");
    let none = run(&clean, &["page.md", "--diff"]);
    assert_eq!((none.code, none.stdout.as_str()), (0, ""));
}

#[test]
fn fix_keeps_bom_and_crlf() {
    let text = "\u{feff}First line.\r\n\r\nTry our miracle shot today.\r\nLast line.\r\n";
    let case = Case::new()
        .file("house.toml", safe_pack())
        .file("page.txt", text);
    run(&case, &["page.txt", "--fix"]);
    assert_eq!(
        String::from_utf8(case.read("page.txt")).unwrap(),
        "\u{feff}First line.\r\n\r\nTry our injection today.\r\nLast line.\r\n"
    );
}

#[test]
fn fix_keeps_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let case = Case::new()
        .file("house.toml", safe_pack())
        .file("page.md", "Try our miracle shot today.\n");
    let path = case.path().join("page.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    run(&case, &["page.md", "--fix"]);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(case.read("page.md"), b"Try our injection today.\n");
}

#[test]
fn fix_on_stdin_prints_the_fixed_text() {
    let case = Case::new()
        .file("house.toml", safe_pack())
        .stdin("Try our miracle shot today.\n");
    let fixed = run(&case, &["-", "--fix"]);
    assert_eq!(fixed.stdout, "Try our injection today.\n");
    assert_eq!(fixed.code, 0);
}

#[test]
fn match_across_markup_is_reported_but_not_rewritten() {
    let text = "Try our **miracle** shot today.\n";
    let case = Case::new()
        .file("house.toml", safe_pack())
        .file("page.md", text);
    let fixed = run(&case, &["page.md", "--fix"]);
    assert_eq!(fixed.code, 1, "the finding remains: {fixed:?}");
    assert!(
        fixed.stdout.contains(
            "1 fix not applied: it overlaps another fix or its claim crosses inline markup"
        ),
        "{}",
        fixed.stdout
    );
    assert_eq!(case.read("page.md"), text.as_bytes());

    let shown = run(&case, &["page.md"]);
    assert!(
        shown.stdout.contains(
            "fix: not applicable here, the match crosses markup; edit by hand: \"injection\""
        ),
        "the finding must not promise a fix --fix cannot make: {}",
        shown.stdout
    );
}

/// Issue 4, "done when": on a copy of the fixture documents, `--diff` shows the rewrites,
/// `--fix --unsafe-fixes` applies them, every finding that had an applicable fix is gone
/// afterwards, and a second `--fix` changes nothing.
#[test]
fn fixture_documents_fix_cleanly_and_converge() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/docs");
    let mut case = Case::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        let name = format!("docs/{}", path.file_name().unwrap().to_string_lossy());
        case = case.file(&name, std::fs::read(&path).unwrap());
    }
    let diff = case.run_with(&["check", "docs", "--no-config", "--diff", "--unsafe-fixes"]);
    assert_eq!(diff.code, 1, "{diff:?}");
    assert!(
        diff.stdout.contains("--- a/docs/clinic-landing.md"),
        "{}",
        diff.stdout
    );
    assert!(diff
        .stdout
        .lines()
        .any(|l| l.starts_with('+') && !l.starts_with("+++")));

    let fixed = case.run_with(&[
        "check",
        "docs",
        "--no-config",
        "--fix",
        "--unsafe-fixes",
        "--format",
        "json",
    ]);
    let json = fixed.json();
    assert!(json["summary"]["fixed"].as_u64().unwrap() > 0, "{json}");
    for finding in json["findings"].as_array().unwrap() {
        if finding["fix"].is_null() {
            continue;
        }
        // A fixable finding may remain only when its match crosses inline markup.
        let text = String::from_utf8(case.read(finding["path"].as_str().unwrap())).unwrap();
        let (start, end) = (
            finding["start"].as_u64().unwrap() as usize,
            finding["end"].as_u64().unwrap() as usize,
        );
        assert_ne!(
            &text[start..end],
            finding["match"].as_str().unwrap(),
            "left unfixed: {finding}"
        );
    }
    let before: Vec<Vec<u8>> = ["clinic-notes.txt", "clinic-landing.md"]
        .iter()
        .map(|f| case.read(&format!("docs/{f}")))
        .collect();
    let again = case.run_with(&[
        "check",
        "docs",
        "--no-config",
        "--fix",
        "--unsafe-fixes",
        "--format",
        "json",
    ]);
    assert_eq!(
        again.json()["summary"]["fixed"],
        0,
        "a second --fix changes nothing"
    );
    let after: Vec<Vec<u8>> = ["clinic-notes.txt", "clinic-landing.md"]
        .iter()
        .map(|f| case.read(&format!("docs/{f}")))
        .collect();
    assert_eq!(before, after);
    let notes = String::from_utf8(case.read("docs/clinic-notes.txt")).unwrap();
    assert!(
        notes.lines().count() > 5
            && notes
                .split('\n')
                .filter(|l| !l.is_empty())
                .all(|l| l.ends_with('\r')),
        "CRLF kept"
    );
}
