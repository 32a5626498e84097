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

const CLAIM: &str = "Our stem cell injections cure arthritis.\n";

// See: issue 9, defect 6 (`--write-baseline` replaced a FIFO with a regular file).
#[test]
fn issue_9_write_baseline_refuses_to_replace_a_fifo_a_directory_or_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let case = Case::new().file("page.md", CLAIM).file("dir/keep", "");
    let fifo = case.path().join("base.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let run = case.run_with(&["check", "page.md", "--write-baseline", "base.fifo"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("base.fifo: not a regular file (a FIFO)"),
        "{}",
        run.stderr
    );
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced: {kind:?}");

    let run = case.run_with(&["check", "page.md", "--write-baseline", "dir"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("dir: not a regular file (a directory)"),
        "{}",
        run.stderr
    );
    assert!(case.path().join("dir/keep").exists());

    std::os::unix::fs::symlink("/dev/null", case.path().join("null.json")).unwrap();
    let run = case.run_with(&["check", "page.md", "--write-baseline", "null.json"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("null.json: not a regular file (a device)"),
        "{}",
        run.stderr
    );
    let null = std::fs::metadata("/dev/null").unwrap().file_type();
    assert!(null.is_char_device());
}

// See: issue 9, defect 6 (`--write-baseline` replaced a symlink with a regular file).
#[test]
fn issue_9_write_baseline_through_a_symlink_writes_its_target() {
    let case = Case::new()
        .file("page.md", CLAIM)
        .file("real/base.json", "");
    std::os::unix::fs::symlink("real/base.json", case.path().join("base.json")).unwrap();
    std::os::unix::fs::symlink("real/new.json", case.path().join("new.json")).unwrap();
    for link in ["base.json", "new.json"] {
        let run = case.run_with(&["check", "page.md", "--write-baseline", link]);
        assert_eq!(run.code, 0, "{link}: {run:?}");
        let meta = std::fs::symlink_metadata(case.path().join(link)).unwrap();
        assert!(
            meta.file_type().is_symlink(),
            "{link} is no longer a symlink"
        );
        let target = String::from_utf8(case.read(&format!("real/{link}"))).unwrap();
        assert!(target.contains("\"version\": 1"), "{link}: {target}");
        let checked = case.run_with(&["check", "page.md", "--baseline", link]);
        assert_eq!(checked.code, 0, "{link}: {checked:?}");
    }
}

// See: issue 9, defect 6 (a new baseline was written in place, not through a temporary file).
#[test]
fn issue_9_new_baseline_is_written_whole_and_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let case = Case::new().file("page.md", CLAIM);
    let run = case.run_with(&["check", "page.md", "--write-baseline", "base.json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let mode = std::fs::metadata(case.path().join("base.json"))
        .unwrap()
        .permissions()
        .mode();
    // Like any file the user creates (umask applies), not a private temporary file's 0600.
    assert_ne!(mode & 0o044, 0, "mode {mode:o}");
    let names: Vec<String> = std::fs::read_dir(case.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left behind: {names:?}");
}

// See: issue 9, defect 6 (a version-99 baseline was read as version 1 and hid findings).
#[test]
fn issue_9_baseline_of_an_unknown_version_is_refused() {
    let case = Case::new().file("page.md", CLAIM);
    case.run_with(&["check", "page.md", "--write-baseline", "base.json"]);
    let text = String::from_utf8(case.read("base.json")).unwrap();
    std::fs::write(
        case.path().join("base.json"),
        text.replace("\"version\": 1", "\"version\": 99"),
    )
    .unwrap();
    let run = case.run_with(&["check", "page.md", "--baseline", "base.json"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(
            "base.json: baseline version 99 is not supported (this overclaim reads version 1)"
        ),
        "{}",
        run.stderr
    );
}

/// Run `overclaim` in `case` with stdout on a pipe that is read for one line and then closed,
/// as `overclaim check … | head -1` does; returns the exit code.
fn exit_code_when_stdout_closes_early(case: &Case, args: &[&str]) -> i32 {
    run_with_stdout_closed_early(case, args).0
}

/// [`exit_code_when_stdout_closes_early`], with what the run wrote on stderr.
fn run_with_stdout_closed_early(case: &Case, args: &[&str]) -> (i32, String) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("overclaim"))
        .current_dir(case.path())
        .args(args)
        .env("RAYON_NUM_THREADS", "2")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut first = String::new();
    std::io::BufReader::new(stdout)
        .read_line(&mut first)
        .unwrap();
    assert!(!first.is_empty(), "the run printed nothing");
    // The reader is dropped here: the pipe is closed while the run still has much to write.
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (output.status.code().unwrap_or(-1), stderr)
}

// See: issue 9, defect 8 (`overclaim check … | head -1` exited 0 despite findings).
#[test]
fn issue_9_a_closed_stdout_pipe_keeps_the_exit_code_of_the_findings() {
    // Far more output than a pipe buffer holds, so the run must notice the closed pipe.
    let case = Case::new().file("page.md", CLAIM.repeat(800));
    for format in ["human", "json", "github", "sarif"] {
        let code = exit_code_when_stdout_closes_early(
            &case,
            &["check", "page.md", "--format", format, "--color", "never"],
        );
        assert_eq!(code, 1, "--format {format}");
    }
    let clean = Case::new().file("page.md", "Knee pain has many causes.\n".repeat(4000));
    let code = exit_code_when_stdout_closes_early(
        &clean,
        &["check", "page.md", "--format", "json", "--quiet"],
    );
    assert_eq!(code, 0);
}

/// Files are checked and written a chunk at a time, so stdout can close while most files are
/// still unchecked: the run keeps checking until their findings decide the exit code, and
/// still names a file it cannot read, after that, with exit 2.
#[test]
fn a_closed_stdout_pipe_keeps_the_exit_code_of_files_checked_after_it_closed() {
    let warning = "Most patients feel results within 48 hours.\n";
    let mut case = Case::new();
    for i in 0..300 {
        case = case.file(&format!("site/page-{i:03}.md"), warning);
    }
    // Last in path order: the only error, and a file that is not UTF-8.
    let case = case
        .file("site/zz.md", CLAIM)
        .file("site/zzz.txt", b"caf\xe9 cures arthritis\n");
    for format in ["human", "json", "github"] {
        let args = ["check", "site", "--format", format];
        let (code, stderr) = run_with_stdout_closed_early(&case, &args);
        assert_eq!(code, 2, "--format {format}: {stderr}");
        assert_eq!(
            stderr.matches("zzz.txt: not valid UTF-8").count(),
            1,
            "--format {format}: {stderr}"
        );
    }
    let mut case = Case::new().file("site/zz.md", CLAIM);
    for i in 0..300 {
        case = case.file(&format!("site/page-{i:03}.md"), warning);
    }
    for format in ["human", "json", "github"] {
        let args = ["check", "site", "--format", format, "--fail-on", "error"];
        let code = exit_code_when_stdout_closes_early(&case, &args);
        assert_eq!(code, 1, "--format {format}");
    }
}

// See: issue 9, defect 11 (SARIF `uri`s were not percent-encoded, so `#`, `?`, `%`, spaces and
// non-ASCII names pointed at other files).
#[test]
fn issue_9_sarif_uris_are_percent_encoded() {
    let names = [
        ("my docs/a b.md", "my%20docs/a%20b.md"),
        ("x#1.md", "x%231.md"),
        ("q?.md", "q%3F.md"),
        ("100%.md", "100%25.md"),
        ("café.md", "caf%C3%A9.md"),
    ];
    let mut case = Case::new();
    for (name, _) in names {
        case = case.file(name, CLAIM);
    }
    let mut args = vec!["check", "--format", "sarif", "--select", "cure"];
    args.extend(names.iter().map(|(name, _)| *name));
    let run = case.run_with(&args);
    assert_eq!(run.code, 1, "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut uris: Vec<&str> = json["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    uris.sort_unstable();
    let mut expected: Vec<&str> = names.iter().map(|(_, uri)| *uri).collect();
    expected.sort_unstable();
    assert_eq!(uris, expected);
}

// See: issue 9, defect 13 (control characters in a document reached the terminal raw).
#[test]
fn issue_9_control_characters_are_escaped_in_human_and_github_output() {
    let text =
        "\u{1b}[1mNote:\u{1b}[0m our stem cell injections cure\u{b}arthritis.\u{7}\u{85}\r\n";
    let case = Case::new().file("page.md", text);
    let json = case.run_with(&["check", "page.md", "--select", "cure", "--format", "json"]);
    let finding = &json.json()["findings"][0];
    let (line, column) = (finding["line"].clone(), finding["column"].clone());
    let human = case.run_with(&["check", "page.md", "--select", "cure", "--color", "never"]);
    assert_eq!(human.code, 1, "{human:?}");
    let github = case.run_with(&["check", "page.md", "--select", "cure", "--format", "github"]);
    assert_eq!(github.code, 1, "{github:?}");
    for (name, out) in [("human", &human.stdout), ("github", &github.stdout)] {
        let raw: Vec<char> = out
            .chars()
            .filter(|&c| c.is_control() && c != '\n')
            .collect();
        assert!(
            raw.is_empty(),
            "{name}: raw control characters {raw:?} in\n{out}"
        );
    }
    assert!(
        human
            .stdout
            .contains(r"\u{1b}[1mNote:\u{1b}[0m our stem cell injections cure\u{b}arthritis.\u{7}"),
        "{}",
        human.stdout
    );
    // The header keeps the file's own line and column (in characters), as JSON reports them.
    assert!(
        human.stdout.contains(&format!("page.md:{line}:{column}")),
        "{line}:{column} in\n{}",
        human.stdout
    );
    let caret_line = human.stdout.lines().find(|l| l.contains('^')).unwrap();
    let source_line = human.stdout.lines().find(|l| l.contains("Note:")).unwrap();
    let caret_at = caret_line.find('^').unwrap();
    assert_eq!(
        &source_line[caret_at..caret_at + "injections".len()],
        "injections",
        "the underline sits under the match:\n{source_line}\n{caret_line}"
    );
}

// See: issue 9, defect 7 (a directive shown in a code sample was honoured).
#[test]
fn issue_9_directives_in_code_are_examples_not_directives() {
    for sample in [
        "```markdown\n<!-- overclaim-disable-file -->\n```\n",
        "    <!-- overclaim-disable-file -->\n",
        "Write `<!-- overclaim-disable-file -->` at the top to skip a page.\n",
    ] {
        let page =
            format!("# How to suppress\n\n{sample}\nOur stem cell injections cure arthritis.\n");
        let run = Case::new()
            .file("page.md", &page)
            .args(["check", "page.md", "--select", "cure", "--format", "json"])
            .run();
        assert_eq!(run.code, 1, "{sample:?}: {run:?}");
        assert!(
            run.rules().iter().any(|r| r.starts_with("cure-")),
            "{sample:?}: {}",
            run.stdout
        );
        assert_eq!(run.json()["summary"]["suppressed"], 0, "{sample:?}");
    }
}

// See: issue 9, defect 7 (an unterminated `<!--` hid the rest of the file without a word).
#[test]
fn issue_9_unclosed_comment_is_reported_and_the_rest_still_checked() {
    let page =
        "# Knees\n\n<!-- note for legal: check this\n\nOur stem cell injections cure arthritis.\n";
    let run = Case::new()
        .file("page.md", page)
        .args(["check", "page.md", "--select", "cure", "--format", "json"])
        .run();
    assert_eq!(run.code, 1, "{run:?}");
    let json = run.json();
    let findings = json["findings"].as_array().unwrap();
    let unclosed = findings
        .iter()
        .find(|f| f["rule"] == "unclosed-comment")
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(
        (unclosed["line"].clone(), unclosed["column"].clone()),
        (3.into(), 1.into())
    );
    let claim = findings
        .iter()
        .find(|f| f["rule"].as_str().unwrap().starts_with("cure-"))
        .unwrap_or_else(|| panic!("the claim after the comment is checked: {json}"));
    assert_eq!(claim["line"], 5);
}

// See: issue 9, defect 7 (a misspelt rule id was reported as unused, not unknown).
#[test]
fn issue_9_misspelt_rule_in_a_directive_is_an_unknown_rule_with_a_suggestion() {
    let page = "<!-- overclaim-disable-next-line cure-clam -- approved -->\nOur stem cell injections cure arthritis.\n";
    let run = Case::new()
        .file("page.md", page)
        .args(["check", "page.md", "--select", "cure", "--color", "never"])
        .run();
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains(
            "warning[unknown-suppression]: `overclaim-disable-next-line` names an unknown rule or category `cure-clam` (did you mean `cure-claim`?)"
        ),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("unused-suppression"), "{}", run.stdout);
}

// See: issue 9, defect 7 (`explain`, `--ignore` and SARIF did not know the suppression findings).
#[test]
fn issue_9_suppression_findings_are_first_class_rules() {
    let case = Case::new().file(
        "page.md",
        "<!-- overclaim-disable-next-line hype-word -->\nKnee pain is common.\n",
    );
    for id in [
        "unused-suppression",
        "unknown-suppression",
        "suppression-without-reason",
        "unclosed-comment",
    ] {
        let explain = case.run_with(&["explain", id]);
        assert_eq!(explain.code, 0, "{id}: {explain:?}");
        assert!(explain.stdout.contains(id), "{id}: {}", explain.stdout);
    }
    let ignored = case.run_with(&["check", "page.md", "--ignore", "unused-suppression"]);
    assert_eq!(ignored.code, 0, "{ignored:?}");
    let by_category = case.run_with(&["check", "page.md", "--ignore", "suppression"]);
    assert_eq!(by_category.code, 0, "{by_category:?}");
    let sarif = case.run_with(&["check", "page.md", "--format", "sarif"]);
    let json: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let run0 = &json["runs"][0];
    let result = &run0["results"][0];
    assert_eq!(result["ruleId"], "unused-suppression");
    let index = result["ruleIndex"].as_u64().expect("a ruleIndex") as usize;
    assert_eq!(
        run0["tool"]["driver"]["rules"][index]["id"],
        "unused-suppression"
    );
}
