//! `overclaim check`: what a writer sees on real claims and careful sentences.

use crate::support::{Case, HOUSE_PACK};

#[test]
fn flags_a_cure_claim_and_exits_1() {
    let run = Case::new()
        .file(
            "page.md",
            "# Knee care\n\nOur stem cell injections cure arthritis.\n",
        )
        .args(["check", "page.md", "--format", "json"])
        .run();
    assert_eq!(run.code, 1, "{run:?}");
    let json = run.json();
    let finding = &json["findings"][0];
    assert_eq!(finding["category"], "cure");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["line"], 3);
    assert_eq!(finding["path"], "page.md");
}

#[test]
fn careful_sentences_pass_and_exit_0() {
    let run = Case::new()
        .file(
            "page.md",
            "Stem cell injections are not a cure for arthritis.\n\n\
             Some people report less pain, but trials have not shown that injections regrow cartilage.\n\n\
             Can PRP cure arthritis?\n",
        )
        .args(["check", "page.md"])
        .run();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("No findings in 1 file checked."),
        "{}",
        run.stdout
    );
}

#[test]
fn claim_split_by_emphasis_is_reported_at_the_source_span() {
    let text = "Intro.\n\nOur stem cell injections **cure** arthritis.\n";
    let run = Case::new()
        .file("page.md", text)
        .args(["check", "page.md", "--format", "json", "--select", "cure"])
        .run();
    let json = run.json();
    let finding = &json["findings"][0];
    let start = finding["start"].as_u64().unwrap() as usize;
    let end = finding["end"].as_u64().unwrap() as usize;
    assert!(
        text[start..end].contains("**cure**"),
        "{}",
        &text[start..end]
    );
    assert!(!finding["match"].as_str().unwrap().contains('*'));
    assert_eq!(finding["line"], 3);
}

#[test]
fn human_output_shows_snippet_why_help_and_summary() {
    let run = Case::new()
        .file("page.md", "Our stem cell injections cure arthritis.\n")
        .args(["check", "page.md", "--select", "cure"])
        .run();
    assert_eq!(run.code, 1);
    let out = &run.stdout;
    assert!(out.contains("error["), "{out}");
    assert!(out.contains("┌─ page.md:1:"), "{out}");
    assert!(
        out.contains("Our stem cell injections cure arthritis."),
        "{out}"
    );
    assert!(out.contains("= why: "), "{out}");
    assert!(out.contains("= help: "), "{out}");
    assert!(
        out.contains("1 finding (1 error) in 1 of 1 file checked."),
        "{out}"
    );
}

#[test]
fn quiet_drops_the_summary_line() {
    let run = Case::new()
        .file("page.md", "Our stem cell injections cure arthritis.\n")
        .args(["check", "page.md", "--quiet", "--select", "cure"])
        .run();
    assert!(run.stdout.contains("error["));
    assert!(!run.stdout.contains("checked."), "{}", run.stdout);
}

#[test]
fn stdin_is_read_with_its_filename_and_format() {
    let run = Case::new()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "draft.md",
            "--format",
            "json",
            "--select",
            "cure",
        ])
        .stdin("`cures arthritis` in code is not prose.\n\nOur injections **cure** arthritis.\n")
        .run();
    assert_eq!(run.code, 1, "{run:?}");
    let json = run.json();
    assert_eq!(json["findings"][0]["path"], "draft.md");
    assert_eq!(json["findings"].as_array().unwrap().len(), 1, "{json}");
    assert_eq!(json["findings"][0]["line"], 3);
}

#[test]
fn directories_are_walked_for_prose_files_in_sorted_order() {
    let claim = "Our stem cell injections cure arthritis.\n";
    let run = Case::new()
        .file("site/b.md", claim)
        .file("site/a.txt", claim)
        .file("site/sub/c.markdown", claim)
        .file("site/script.js", claim)
        .file("site/.hidden.md", claim)
        .args(["check", "site", "--format", "json", "--select", "cure"])
        .run();
    let paths = run.paths();
    assert_eq!(paths, ["site/a.txt", "site/b.md", "site/sub/c.markdown"]);
}

/// The check path checks and reports files a chunk at a time (64 files) rather than all at
/// once: across chunks, output still follows path order and the summary counts every file.
#[test]
fn a_folder_of_more_files_than_one_chunk_is_reported_in_path_order_and_counted_whole() {
    let claim = "# Knees\n\nOur stem cell injections cure arthritis.\n";
    let careful = "# Knees\n\nStem cell injections are not a cure for arthritis.\n";
    let mut case = Case::new();
    let mut flagged = Vec::new();
    // Written out of path order, in three folders, so the walk's sort is what orders them.
    for i in (0..150).rev() {
        let path = format!("{}/page-{i:03}.md", ["site/b", "site/a", "site/c/d"][i % 3]);
        let text = if i % 5 == 0 { careful } else { claim };
        if text == claim {
            flagged.push(path.clone());
        }
        case = case.file(&path, text);
    }
    flagged.sort();
    let args = ["check", "site", "--select", "cure"];

    let run = case.run_with(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(run.code, 1, "{run:?}");
    let json = run.json();
    let paths = run.paths();
    assert_eq!(paths, flagged);
    assert_eq!(json["summary"]["files"], 150);
    assert_eq!(json["summary"]["findings"], 120);

    let run = case.run_with(&[&args[..], &["--color", "never"]].concat());
    let headers: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("┌─ "))
        .map(|place| place.trim_end_matches(":3:15"))
        .collect();
    assert_eq!(headers, flagged);
    assert!(
        run.stdout
            .ends_with("120 findings (120 errors) in 120 of 150 files checked.\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn explicit_paths_are_checked_whatever_their_extension() {
    let run = Case::new()
        .file(
            "notes.html.j2",
            "Our stem cell injections cure arthritis.\n",
        )
        .args([
            "check",
            "notes.html.j2",
            "--format",
            "json",
            "--select",
            "cure",
        ])
        .run();
    assert_eq!(run.rules().len(), 1, "{run:?}");
}

#[test]
fn select_and_ignore_take_rule_ids_and_categories() {
    let case = Case::new().file("house.toml", HOUSE_PACK).file(
        "page.md",
        "Try our miracle shot today. Our stem cell injections cure arthritis.\n",
    );
    let only_house = rules_with(&case, &["--select", "house-miracle"]);
    assert_eq!(only_house, ["house-miracle"]);
    let by_category = rules_with(&case, &["--select", "house-style"]);
    assert_eq!(by_category, ["house-miracle"]);
    let ignored = rules_with(&case, &["--ignore", "house-style,cure"]);
    assert!(!ignored.iter().any(|r| r == "house-miracle"), "{ignored:?}");
    assert!(!ignored.iter().any(|r| r.contains("cure")), "{ignored:?}");
}

fn rules_with(case: &Case, extra: &[&str]) -> Vec<String> {
    let mut args = vec![
        "check",
        "page.md",
        "--rules",
        "house.toml",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    case.run_with(&args).rules()
}

#[test]
fn min_severity_hides_and_fail_on_decides_the_exit_code() {
    let case = Case::new()
        .file("house.toml", HOUSE_PACK)
        .file("page.md", "Try our miracle shot today.\n");
    let base = [
        "check",
        "page.md",
        "--rules",
        "house.toml",
        "--select",
        "house-miracle",
    ];
    let hidden = case.run_with(&[&base[..], &["--min-severity", "error"]].concat());
    assert_eq!(hidden.code, 0, "a warning below --min-severity is hidden");
    assert!(hidden.stdout.contains("No findings"), "{}", hidden.stdout);
    let shown_not_failing = case.run_with(&[&base[..], &["--fail-on", "error"]].concat());
    assert_eq!(shown_not_failing.code, 0);
    assert!(
        shown_not_failing.stdout.contains("warning[house-miracle]"),
        "{}",
        shown_not_failing.stdout
    );
    let failing = case.run_with(&base);
    assert_eq!(failing.code, 1);
    let never = case.run_with(&[&base[..], &["--fail-on", "never"]].concat());
    assert_eq!(never.code, 0);
}

#[test]
fn explain_context_shows_the_cue_that_dropped_a_match() {
    let run = Case::new()
        .file(
            "page.md",
            "There is no evidence that stem cell injections cure arthritis.\n",
        )
        .args([
            "check",
            "page.md",
            "--explain-context",
            "--format",
            "json",
            "--select",
            "cure",
        ])
        .run();
    assert_eq!(run.code, 0);
    let json = run.json();
    let dropped = &json["dropped"][0];
    assert_eq!(dropped["condition"], "negated");
    assert_eq!(dropped["cue"], "no evidence");
}

#[test]
fn color_always_and_never_are_honoured() {
    let run = Case::new()
        .file("page.md", "Our stem cell injections cure arthritis.\n")
        .args(["check", "page.md", "--color", "always", "--select", "cure"])
        .run();
    assert!(
        run.stdout.contains('\u{1b}'),
        "--color always colours even into a pipe"
    );
    let plain = Case::new()
        .file("page.md", "Our stem cell injections cure arthritis.\n")
        .args(["check", "page.md", "--color", "never", "--select", "cure"])
        .run();
    assert!(!plain.stdout.contains('\u{1b}'));
}

#[test]
fn walking_honours_gitignore_and_dot_ignore_and_skips_binary_files_quietly() {
    let claim = "Our stem cell injections cure arthritis.\n";
    let run = Case::new()
        .file("site/.git/HEAD", "ref: refs/heads/main\n")
        .file("site/.gitignore", "drafts/\n")
        .file("site/.ignore", "old.md\n")
        .file("site/page.md", claim)
        .file("site/old.md", claim)
        .file("site/drafts/next.md", claim)
        .file("site/logo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        .args(["check", "site", "--format", "json", "--select", "cure"])
        .run();
    assert_eq!(
        run.code, 1,
        "a walked binary file is skipped, not an error: {run:?}"
    );
    let json = run.json();
    let paths = run.paths();
    assert_eq!(paths, ["site/page.md"]);
    assert_eq!(json["summary"]["files"], 1);
}

#[test]
fn symlink_loops_do_not_hang_the_walk() {
    let case = Case::new().file("site/page.md", "Our stem cell injections cure arthritis.\n");
    std::os::unix::fs::symlink(case.path().join("site"), case.path().join("site/loop")).unwrap();
    let run = case.run_with(&["check", "site", "--format", "json", "--select", "cure"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.json()["findings"].as_array().unwrap().len(), 1);
}
