//! Issue 9, "Never crash, never damage a file": inputs and environments that used to panic,
//! lose data, hide findings or mislead, each with the behaviour users can rely on instead.

use crate::support::Case;

/// A sentence longer than the excerpt window, with `before` just ahead of the claim.
fn long_sentence(before: &str) -> String {
    format!(
        "{}{before}injections cure arthritis{}.\n",
        "a".repeat(130),
        " and".repeat(30)
    )
}

// See: issue 9, defect 1 (a no-break space before the match panicked the human renderer).
#[test]
fn issue_9_multibyte_whitespace_before_a_match_in_a_long_sentence_does_not_panic() {
    for before in [
        "\u{a0}", "\u{2028}", "\u{3000}", " é", " 🦵", " 膝", "é\u{a0}",
    ] {
        let run = Case::new()
            .file("x.txt", long_sentence(before))
            .args(["check", "x.txt", "--select", "cure", "--color", "never"])
            .run();
        assert_eq!(run.code, 1, "{before:?}: {run:?}");
        assert!(
            run.stdout.contains("cure arthritis"),
            "{before:?}: {}",
            run.stdout
        );
        assert!(
            !run.stderr.contains("panicked"),
            "{before:?}: {}",
            run.stderr
        );
    }
}
