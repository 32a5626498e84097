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
    assert_eq!(case.read("page.md"), text.as_bytes());
}
