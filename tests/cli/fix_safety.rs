//! Issue 9, "Never crash, never damage a file": `--fix` and `--diff` keep every byte they do not
//! mean to change, follow links, keep ownership, and agree with `check` on what is reported and
//! how the run exits.

use crate::support::{Case, Run, HOUSE_PACK};

/// The house pack with a `safe` fix, so `--fix` alone applies it.
fn safe_pack() -> String {
    HOUSE_PACK.replace("applicability = \"unsafe\"", "applicability = \"safe\"")
}

/// Two rules whose safe fixes chain: the first rewrite makes the claim the second one fixes.
const CHAIN_PACK: &str = r#"categories = ["chain-one", "chain-two"]

[[rule]]
id = "chain-miracle"
category = "chain-one"
severity = "warning"
message = "Do not call it a miracle"
why = "House style."
patterns = ['\bmiracle\s+shot\b']
fix = { replace = "wonder shot", applicability = "safe" }
flag = ["Try our miracle shot today."]
pass = ["Try our flu shot today."]

[[rule]]
id = "chain-wonder"
category = "chain-two"
severity = "warning"
message = "Do not call it a wonder"
why = "House style."
patterns = ['\bwonder\s+shot\b']
fix = { replace = "injection", applicability = "safe" }
flag = ["Try our wonder shot today."]
pass = ["Try our flu shot today."]
"#;

/// Two rules whose safe fixes undo each other, so fixing never converges.
const LOOP_PACK: &str = r#"categories = ["loop-one", "loop-two"]

[[rule]]
id = "loop-alpha"
category = "loop-one"
severity = "warning"
message = "alpha"
why = "House style."
patterns = ['\balpha\s+cream\b']
fix = { replace = "beta cream", applicability = "safe" }
flag = ["Try our alpha cream."]
pass = ["Try our face cream."]

[[rule]]
id = "loop-beta"
category = "loop-two"
severity = "warning"
message = "beta"
why = "House style."
patterns = ['\bbeta\s+cream\b']
fix = { replace = "alpha cream", applicability = "safe" }
flag = ["Try our beta cream."]
pass = ["Try our face cream."]
"#;

fn text(case: &Case, path: &str) -> String {
    String::from_utf8(case.read(path)).unwrap()
}

fn run(case: &Case, args: &[&str]) -> Run {
    case.run_with(args)
}

// Defect 14: the fix path re-ran the pipeline without the baseline.
#[test]
fn fix_with_baseline_keeps_baselined_findings_hidden() {
    let old = "Our stem cell injections cure arthritis.";
    let case = Case::new()
        .file("house.toml", safe_pack())
        .file("page.md", format!("{old}\n"));
    let wrote = run(
        &case,
        &[
            "check",
            "--rules",
            "house.toml",
            "page.md",
            "--write-baseline",
            "base.json",
        ],
    );
    assert_eq!(wrote.code, 0, "{wrote:?}");
    std::fs::write(
        case.path().join("page.md"),
        format!("{old}\n\nTry our miracle shot today.\n"),
    )
    .unwrap();
    let fixed = run(
        &case,
        &[
            "check",
            "--rules",
            "house.toml",
            "page.md",
            "--baseline",
            "base.json",
            "--fix",
        ],
    );
    assert_eq!(
        text(&case, "page.md"),
        format!("{old}\n\nTry our injection today.\n")
    );
    assert!(
        fixed.stdout.contains("1 finding hidden by the baseline."),
        "{}",
        fixed.stdout
    );
    assert!(
        !fixed.stdout.contains("cure"),
        "the baselined finding is not re-reported: {}",
        fixed.stdout
    );
    assert_eq!(fixed.code, 0, "{fixed:?}");
    // The same through JSON, and on standard input.
    let json = run(
        &case,
        &[
            "check",
            "--rules",
            "house.toml",
            "page.md",
            "--baseline",
            "base.json",
            "--fix",
            "--format",
            "json",
        ],
    );
    assert_eq!(json.code, 0, "{json:?}");
    assert_eq!(json.json()["findings"], serde_json::json!([]));
}

// Defect 15: one pass is not always enough.
#[test]
fn fix_repeats_passes_until_chained_fixes_converge() {
    let case = Case::new()
        .file("chain.toml", CHAIN_PACK)
        .file("page.md", "# Knees\n\nTry our miracle shot today.\n");
    let diff = run(
        &case,
        &[
            "check",
            "--no-config",
            "--rules",
            "chain.toml",
            "page.md",
            "--diff",
        ],
    );
    assert_eq!(diff.code, 1, "{diff:?}");
    assert!(
        diff.stdout
            .contains("-Try our miracle shot today.\n+Try our injection today.\n"),
        "the diff shows the converged result: {}",
        diff.stdout
    );
    assert_eq!(
        text(&case, "page.md"),
        "# Knees\n\nTry our miracle shot today.\n"
    );

    let fixed = run(
        &case,
        &[
            "check",
            "--no-config",
            "--rules",
            "chain.toml",
            "page.md",
            "--fix",
        ],
    );
    assert_eq!(fixed.code, 0, "{fixed:?}");
    assert_eq!(
        text(&case, "page.md"),
        "# Knees\n\nTry our injection today.\n"
    );
    assert!(
        fixed.stdout.contains("Fixed 2 findings."),
        "{}",
        fixed.stdout
    );
    assert!(
        fixed.stderr.contains("2 fix passes"),
        "the pass count is reported: {}",
        fixed.stderr
    );
    assert!(
        fixed.stdout.contains("No findings in 1 file checked."),
        "{}",
        fixed.stdout
    );
}

#[test]
fn fix_that_never_converges_stops_at_the_bound_and_fails() {
    let case = Case::new()
        .file("loop.toml", LOOP_PACK)
        .file("page.md", "Try our alpha cream.\n");
    let fixed = run(
        &case,
        &[
            "check",
            "--no-config",
            "--rules",
            "loop.toml",
            "page.md",
            "--fix",
        ],
    );
    assert_eq!(fixed.code, 2, "{fixed:?}");
    assert!(
        fixed
            .stderr
            .contains("page.md: fixes did not converge after 10 passes"),
        "{}",
        fixed.stderr
    );
    assert!(
        !fixed.stderr.contains("Fixed"),
        "nothing is claimed fixed: {}",
        fixed.stderr
    );
    // Ten passes from alpha end on alpha again; the file is whole either way.
    assert_eq!(text(&case, "page.md"), "Try our alpha cream.\n");
}

// Defect 9: an editor replaces its buffer with what `--fix -` prints.
#[test]
fn fix_on_binary_or_invalid_stdin_prints_nothing_on_stdout() {
    for bytes in [
        &b"Try our\0 miracle shot."[..],
        &b"Try our \xff miracle shot."[..],
    ] {
        let case = Case::new()
            .file("house.toml", safe_pack())
            .stdin_bytes(bytes);
        let fixed = run(&case, &["check", "--rules", "house.toml", "-", "--fix"]);
        assert_eq!(
            fixed.stdout, "",
            "nothing an editor could take for the text"
        );
        assert_eq!(fixed.code, 2, "{fixed:?}");
        assert!(
            fixed.stderr.contains("<stdin>") || fixed.stderr.contains('-'),
            "{}",
            fixed.stderr
        );
        assert!(
            fixed.stderr.contains("binary file") || fixed.stderr.contains("not valid UTF-8"),
            "{}",
            fixed.stderr
        );
    }
}

const MIRACLE: &str = "Try our miracle shot today.\n";
const FIXED: &str = "Try our injection today.\n";

fn fix(case: &Case, path: &str) -> Run {
    run(case, &["check", "--rules", "house.toml", path, "--fix"])
}

// Defect 5: a symlink was replaced by a regular file and its target left unfixed.
#[test]
fn fix_through_a_symlink_fixes_the_target_and_keeps_the_link() {
    let case = Case::new()
        .file("house.toml", safe_pack())
        .file("real/page.md", MIRACLE);
    std::os::unix::fs::symlink("real/page.md", case.path().join("link.md")).unwrap();
    let fixed = fix(&case, "link.md");
    assert_eq!(fixed.code, 0, "{fixed:?}");
    let link = case.path().join("link.md");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(text(&case, "real/page.md"), FIXED);
}

// Defect 5: hard links were split (the fixed file got a new inode).
#[test]
fn fix_of_a_hard_linked_file_writes_in_place_so_every_link_sees_it() {
    use std::os::unix::fs::MetadataExt;
    let case = Case::new()
        .file("house.toml", safe_pack())
        .file("a.md", MIRACLE);
    std::fs::hard_link(case.path().join("a.md"), case.path().join("b.md")).unwrap();
    let inode = std::fs::metadata(case.path().join("a.md")).unwrap().ino();
    let fixed = fix(&case, "a.md");
    assert_eq!(fixed.code, 0, "{fixed:?}");
    assert_eq!(text(&case, "a.md"), FIXED);
    assert_eq!(text(&case, "b.md"), FIXED, "the other link sees the fix");
    let after = std::fs::metadata(case.path().join("a.md")).unwrap();
    assert_eq!((after.ino(), after.nlink()), (inode, 2));
    let leftovers: Vec<_> = std::fs::read_dir(case.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "no backup left: {leftovers:?}");
}

// Defect 5: the owner and group were reset to root's.
#[test]
fn fix_keeps_owner_and_group() {
    use std::os::unix::fs::MetadataExt;
    let case = Case::new()
        .file("house.toml", safe_pack())
        .file("page.md", MIRACLE);
    let path = case.path().join("page.md");
    if std::fs::metadata(&path).unwrap().uid() != 0 {
        eprintln!("skipped: changing a file's owner needs root, and this test runs as a user");
        return;
    }
    std::os::unix::fs::chown(&path, Some(1234), Some(5678)).unwrap();
    let fixed = fix(&case, "page.md");
    assert_eq!(fixed.code, 0, "{fixed:?}");
    assert_eq!(text(&case, "page.md"), FIXED);
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!((after.uid(), after.gid()), (1234, 5678));
}

// Defect 5: a read-only file was rewritten (rename needs only a writable folder).
#[test]
fn fix_refuses_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let case = Case::new()
        .file("house.toml", safe_pack())
        .file("page.md", MIRACLE);
    let path = case.path().join("page.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let fixed = fix(&case, "page.md");
    assert_eq!(fixed.code, 2, "{fixed:?}");
    assert!(
        fixed
            .stderr
            .contains("page.md: cannot write: the file is read-only (mode 0444)"),
        "{}",
        fixed.stderr
    );
    assert_eq!(text(&case, "page.md"), MIRACLE);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert!(
        !fixed.stdout.contains("Fixed"),
        "nothing is claimed fixed: {}",
        fixed.stdout
    );
}

/// A rule whose safe fix copies the sentence before the claim (`{pre}`), as frame rules do.
const PRE_PACK: &str = r#"categories = ["house-style"]

[[rule]]
id = "house-pre"
category = "house-style"
severity = "warning"
message = "Do not call it a miracle"
why = "House style."
patterns = ['(?P<pre>\bsee\b[^.]*?)\bmiracle\s+shot\b']
fix = { replace = "{pre}injection", applicability = "safe" }
flag = ["See this miracle shot."]
pass = ["See this flu shot."]
"#;

// Defect 2: decoded entities went back into the file as live markup.
#[test]
fn fix_reencodes_entities_copied_from_the_sentence() {
    let source = "# Knees\n\nSee &lt;img src=x onerror=alert(1)&gt; &amp; our miracle shot.\n";
    let case = Case::new()
        .file("pre.toml", PRE_PACK)
        .file("page.md", source);
    let fixed = run(
        &case,
        &[
            "check",
            "--no-config",
            "--rules",
            "pre.toml",
            "page.md",
            "--fix",
        ],
    );
    assert_eq!(fixed.code, 0, "{fixed:?}");
    let after = text(&case, "page.md");
    assert!(
        !after.contains("<img"),
        "escaped text stays escaped: {after}"
    );
    assert_eq!(
        after,
        "# Knees\n\nSee &lt;img src=x onerror=alert(1)&gt; &amp; our injection.\n"
    );
    // Plain text has no entities: `<` and `&` go back as written.
    let case = Case::new()
        .file("pre.toml", PRE_PACK)
        .file("page.txt", "See <b> & our miracle shot.\n");
    run(
        &case,
        &[
            "check",
            "--no-config",
            "--rules",
            "pre.toml",
            "page.txt",
            "--fix",
        ],
    );
    assert_eq!(text(&case, "page.txt"), "See <b> & our injection.\n");
}

/// A rule whose safe fix introduces `: `, which a plain YAML scalar cannot hold.
const COLON_PACK: &str = r#"categories = ["house-style"]

[[rule]]
id = "house-colon"
category = "house-style"
severity = "warning"
message = "Do not call it a miracle"
why = "House style."
patterns = ['\bmiracle\s+shot\b']
fix = { replace = "injection: ask first", applicability = "safe" }
flag = ["Try our miracle shot."]
pass = ["Try our flu shot."]
"#;

// Defect 3: `\"` and `''` lost their escaping when a fix copied them back.
#[test]
fn fix_in_front_matter_requotes_for_the_scalar_style() {
    let source = "---\ntitle: \"See the \\\"best\\\" miracle shot\"\ndescription: 'See O''Neil''s miracle shot'\n---\n\nBody.\n";
    let case = Case::new()
        .file("pre.toml", PRE_PACK)
        .file("page.md", source);
    let fixed = run(
        &case,
        &[
            "check",
            "--no-config",
            "--rules",
            "pre.toml",
            "page.md",
            "--fix",
        ],
    );
    assert_eq!(fixed.code, 0, "{fixed:?}");
    assert_eq!(
        text(&case, "page.md"),
        "---\ntitle: \"See the \\\"best\\\" injection\"\ndescription: 'See O''Neil''s injection'\n---\n\nBody.\n"
    );
}

#[test]
fn fix_in_a_plain_front_matter_scalar_refuses_text_that_needs_quotes() {
    let source =
        "---\ntitle: Try our miracle shot\ndescription: \"Try our miracle shot\"\n---\n\nBody.\n";
    let case = Case::new()
        .file("colon.toml", COLON_PACK)
        .file("page.md", source);
    let fixed = run(
        &case,
        &[
            "check",
            "--no-config",
            "--rules",
            "colon.toml",
            "page.md",
            "--fix",
        ],
    );
    assert_eq!(
        text(&case, "page.md"),
        "---\ntitle: Try our miracle shot\ndescription: \"Try our injection: ask first\"\n---\n\nBody.\n",
        "the plain scalar is left alone, the quoted one takes the colon"
    );
    assert_eq!(
        fixed.code, 1,
        "the plain title's finding remains: {fixed:?}"
    );
}

const CURE: &str = "Our stem cell injections cure arthritis.";

/// (rule, line) of each JSON finding.
fn lines(run: &Run) -> Vec<(String, u64)> {
    run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

// Defect 4: old Mac exports end lines with a lone CR.
#[test]
fn cr_only_markdown_is_checked_past_html_comments_and_fences_on_the_right_lines() {
    let source = format!(
        "# Knees\r\r<div>\rRaw HTML.\r</div>\r\r{CURE}\r\r<!-- a comment -->\r\r```\rcode\r```\r\rPRP cures arthritis.\r"
    );
    let case = Case::new().file("page.md", &source);
    let checked = run(
        &case,
        &["check", "--no-config", "page.md", "--format", "json"],
    );
    assert_eq!(checked.code, 1, "{checked:?}");
    assert_eq!(
        lines(&checked),
        [("cure-claim".to_owned(), 7), ("cure-claim".to_owned(), 15)]
    );
}

#[test]
fn cr_only_disable_next_line_suppresses_the_next_line() {
    let source = format!(
        "<!-- overclaim-disable-next-line cure-claim -- approved -->\r{CURE}\r\rPRP cures arthritis.\r"
    );
    let case = Case::new().file("page.md", &source);
    let checked = run(
        &case,
        &["check", "--no-config", "page.md", "--format", "json"],
    );
    assert_eq!(
        lines(&checked),
        [("cure-claim".to_owned(), 4)],
        "{}",
        checked.stdout
    );
    assert_eq!(checked.json()["summary"]["suppressed"], 1);
}

#[test]
fn cr_only_diff_is_a_valid_patch_and_fix_keeps_the_crs() {
    let source = format!("Line one.\r\r{CURE}\rLast line.\r");
    let case = Case::new().file("page.txt", &source);
    let diff = run(
        &case,
        &[
            "check",
            "--no-config",
            "page.txt",
            "--diff",
            "--unsafe-fixes",
        ],
    );
    assert_eq!(diff.code, 1, "{diff:?}");
    std::fs::write(case.path().join("fix.patch"), &diff.stdout).unwrap();
    let fixed = run(
        &case,
        &[
            "check",
            "--no-config",
            "page.txt",
            "--fix",
            "--unsafe-fixes",
        ],
    );
    assert_eq!(fixed.code, 0, "{fixed:?}");
    let after = text(&case, "page.txt");
    assert_eq!(
        after,
        source.replace(
            "Our stem cell injections cure arthritis.",
            "Our stem cell injections may ease symptoms of arthritis for some people."
        ),
        "only the claim changed, every CR kept"
    );
    // The diff applies to the original and gives the fixed file.
    std::fs::write(case.path().join("page.txt"), &source).unwrap();
    match std::process::Command::new("patch")
        .current_dir(case.path())
        .args(["-p1", "--quiet", "-i", "fix.patch"])
        .output()
    {
        Ok(output) => {
            assert!(
                output.status.success(),
                "patch failed: {output:?}\n{}",
                diff.stdout
            );
            assert_eq!(text(&case, "page.txt"), after);
        }
        Err(error) => eprintln!("skipped applying the patch: no `patch` program ({error})"),
    }
}

// Defect 12: an invisible character inside a word hid the claim from every rule.
#[test]
fn invisible_characters_inside_words_do_not_hide_claims() {
    let cases = [
        ("page.txt", "Intro.\n\nOur stem cell injections cu\u{ad}re arth\u{200b}ritis.\n"),
        ("page.md", "# Knees\n\nOur stem cell injections c\u{200d}u\u{2060}re arth\u{feff}ri\u{200c}ti\u{180e}s.\n"),
    ];
    for (name, source) in cases {
        let case = Case::new().file(name, source);
        let checked = run(&case, &["check", "--no-config", name, "--format", "json"]);
        assert_eq!(checked.code, 1, "{name}: {checked:?}");
        let json = checked.json();
        let finding = &json["findings"][0];
        assert_eq!(finding["rule"], "cure-claim", "{name}: {json}");
        assert_eq!(finding["match"], "injections cure arthritis", "{name}");
        let (start, end) = (
            finding["start"].as_u64().unwrap() as usize,
            finding["end"].as_u64().unwrap() as usize,
        );
        let covered = &source[start..end];
        assert_eq!(
            covered
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == ' ')
                .collect::<String>(),
            "injections cure arthritis",
            "{name}: the span covers the original bytes, invisible characters included"
        );
        assert!(
            covered.ends_with('s') && covered.starts_with('i'),
            "{covered:?}"
        );
        let fixed = run(
            &case,
            &["check", "--no-config", name, "--fix", "--unsafe-fixes"],
        );
        assert_eq!(fixed.code, 0, "{name}: {fixed:?}");
        let after = text(&case, name);
        assert_eq!(
            after,
            format!(
                "{}Our stem cell injections may ease symptoms of arthritis for some people.\n",
                &source[..source.find("Our").unwrap()]
            ),
            "{name}: the whole original range is replaced"
        );
    }
}
