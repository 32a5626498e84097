//! Inline suppression directives: what they hide, the reasons users record, and the messages
//! for directives that suppress nothing or give no reason when one is required.

use crate::support::Case;

const CLAIM: &str = "Our stem cell injections cure arthritis.";

fn page(directive: &str) -> String {
    format!("# Knees\n\n{directive}\n{CLAIM}\n\nIn another paragraph, our stem cell injections cure arthritis too.\n")
}

#[test]
fn next_line_directive_hides_one_finding_and_json_keeps_it_with_the_reason() {
    let case = Case::new().file(
        "page.md",
        page("<!-- overclaim-disable-next-line cure -- approved by legal 2026-11-02 -->"),
    );
    let run = case.run_with(&["check", "page.md", "--select", "cure", "--format", "json"]);
    let json = run.json();
    assert_eq!(json["findings"].as_array().unwrap().len(), 1, "{json}");
    assert_eq!(json["findings"][0]["line"], 6);
    let suppressed = &json["suppressed"][0];
    assert_eq!(suppressed["line"], 4);
    assert_eq!(suppressed["reason"], "approved by legal 2026-11-02");
    assert_eq!(suppressed["directive_line"], 3);
    assert_eq!(json["summary"]["suppressed"], 1);
}

#[test]
fn show_suppressed_lists_them_with_the_reason() {
    let case = Case::new().file(
        "page.md",
        page("<!-- overclaim-disable-next-line -- reviewed by Dr. Okafor -->"),
    );
    let hidden = case.run_with(&["check", "page.md", "--select", "cure"]);
    assert!(
        hidden.stdout.contains("; 1 suppressed."),
        "{}",
        hidden.stdout
    );
    assert!(!hidden.stdout.contains("suppressed: "), "{}", hidden.stdout);
    let shown = case.run_with(&["check", "page.md", "--select", "cure", "--show-suppressed"]);
    assert!(shown.stdout.contains("note[cure-"), "{}", shown.stdout);
    assert!(shown.stdout.contains("suppressed: "), "{}", shown.stdout);
    assert!(
        shown.stdout.contains("= reason: reviewed by Dr. Okafor"),
        "{}",
        shown.stdout
    );
}

#[test]
fn block_and_file_directives() {
    let block = format!("<!-- overclaim-disable cure -- legacy copy -->\n\n{CLAIM}\n\n<!-- overclaim-enable -->\n\n{CLAIM}\n");
    let run = Case::new()
        .file("page.md", block)
        .args(["check", "page.md", "--select", "cure", "--format", "json"])
        .run();
    let json = run.json();
    assert_eq!(json["findings"][0]["line"], 7, "{json}");
    assert_eq!(json["suppressed"][0]["line"], 3);
    let file =
        format!("<!-- overclaim-disable-file -- archived 2019 page -->\n\n{CLAIM}\n\n{CLAIM}\n");
    let run = Case::new()
        .file("page.md", file)
        .args(["check", "page.md", "--select", "cure"])
        .run();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("No findings in 1 file checked; 2 suppressed."),
        "{}",
        run.stdout
    );
}

#[test]
fn unused_directive_is_reported_as_a_warning() {
    let run = Case::new()
        .file(
            "page.md",
            "<!-- overclaim-disable-next-line hype-word -->\nKnee pain is common.\n",
        )
        .args(["check", "page.md"])
        .run();
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("warning[unused-suppression]: `overclaim-disable-next-line` suppresses nothing here (hype-word): remove it"), "{}", run.stdout);
    assert!(run.stdout.contains("page.md:1:1"), "{}", run.stdout);
}

#[test]
fn misspelt_directive_is_reported() {
    let run = Case::new()
        .file("page.md", page("<!-- overclaim-disable-nextline cure -->"))
        .args(["check", "page.md", "--select", "cure"])
        .run();
    assert!(
        run.stdout.contains(
            "warning[unknown-suppression]: `overclaim-disable-nextline` is not a directive"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn require_reason_makes_a_directive_without_one_an_error() {
    let case = Case::new()
        .file("overclaim.toml", "require-reason = true\n")
        .file("bare.md", page("<!-- overclaim-disable-next-line cure -->"))
        .file(
            "reasoned.md",
            page("<!-- overclaim-disable-next-line cure -- approved by legal -->"),
        );
    let bare = case.run_with(&["check", "bare.md", "--select", "cure", "--format", "json"]);
    let rules: Vec<String> = bare.rules();
    assert!(
        rules.contains(&"suppression-without-reason".to_owned()),
        "{rules:?}"
    );
    let finding = bare.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "suppression-without-reason")
        .cloned()
        .unwrap();
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["line"], 3);
    let reasoned = case.run_with(&[
        "check",
        "reasoned.md",
        "--select",
        "cure",
        "--format",
        "json",
    ]);
    assert!(!reasoned
        .rules()
        .contains(&"suppression-without-reason".to_owned()));
}
