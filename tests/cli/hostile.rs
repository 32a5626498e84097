//! Issue 11, item 3, "Hostile input": files built to break a linter (huge, deeply nested,
//! binary, badly encoded, adversarial rules, unreadable, oddly named), each with the clear
//! message or the correct result users get instead. Big inputs are generated here, at test
//! time, into the case's temporary folder: none is committed.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Command;

use crate::support::{Case, Run};

const CLAIM: &str = "Stem cells cure arthritis. ";
const FILLER: &str = "Knee pain is common in adults. ";

/// Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced.
fn random_bytes(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

/// `(rule, line, column, end_column, start)` of every JSON finding in `path`.
fn located(run: &Run, path: &str) -> Vec<(String, u64, u64, u64, u64)> {
    run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"] == path)
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["end_column"].as_u64().unwrap(),
                f["start"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Peak resident memory in KiB of `overclaim` run with `args` in `dir`, through
/// `/usr/bin/time -f %M`; `None` (with the reason printed) where that tool is missing.
fn peak_rss_kib(dir: &Path, args: &[&str]) -> Option<u64> {
    if !Path::new("/usr/bin/time").exists() {
        eprintln!("skipping the memory check: /usr/bin/time is not installed");
        return None;
    }
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M", env!("CARGO_BIN_EXE_overclaim")])
        .args(args)
        .current_dir(dir)
        .env("RAYON_NUM_THREADS", "2")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    stderr.lines().last()?.trim().parse().ok()
}

// See: issue 11, item 3.1. In a debug build (`cargo test`) 50 MB takes about 40 s, so the
// test uses 5 MiB per file unless `OVERCLAIM_HOSTILE_MB` asks for more; the release binary's
// 50 MB figures are in the issue.
#[test]
fn a_single_line_of_many_megabytes_is_checked_with_claims_at_known_columns() {
    let megabytes: usize = std::env::var("OVERCLAIM_HOSTILE_MB")
        .ok()
        .and_then(|mb| mb.parse().ok())
        .unwrap_or(5);
    let size = megabytes << 20;
    let mut line = String::with_capacity(size + 64);
    let mut claims = Vec::new();
    let at = [0, size / 2, size - 4 * FILLER.len()];
    while line.len() < size {
        if claims.len() < at.len() && line.len() >= at[claims.len()] {
            claims.push(line.len());
            line.push_str(CLAIM);
        }
        line.push_str(FILLER);
    }
    assert_eq!(claims.len(), 3);
    assert!(!line.contains('\n'));
    let run = Case::new()
        .file("big.md", &line)
        .file("big.txt", &line)
        .args([
            "check",
            "--no-config",
            "big.md",
            "big.txt",
            "--format",
            "json",
        ])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    // ASCII text on one line: the column is the byte offset plus one. "cells cure
    // arthritis" starts five bytes into each planted claim.
    let expected: Vec<(String, u64, u64, u64, u64)> = claims
        .iter()
        .map(|&offset| {
            let start = (offset + 5) as u64;
            ("cure-claim".to_owned(), 1, start + 1, start + 21, start)
        })
        .collect();
    assert_eq!(located(&run, "big.md"), expected);
    assert_eq!(located(&run, "big.txt"), expected);
    assert_eq!(run.json()["summary"]["files"], 2);
}

// See: issue 11, item 3.2. 10,000 list levels by indentation alone take 100 MB (two more
// columns per level); that file also passes (by hand: 13 s in a debug build, the claim found
// at line 10,001), the test nests 1,000 that way and 10,000 with markers on one line.
#[test]
fn ten_thousand_nested_quotes_and_lists_do_not_overflow_the_stack() {
    let indented: String = (0..1000)
        .map(|level| format!("{}- level\n", "  ".repeat(level)))
        .chain([format!("{}- {CLAIM}\n", "  ".repeat(1000))])
        .collect();
    let case = Case::new()
        .file("quotes.md", format!("{}{CLAIM}\n", "> ".repeat(10_000)))
        .file("lists.md", format!("{}{CLAIM}\n", "- ".repeat(10_000)))
        .file("mixed.md", format!("{}{CLAIM}\n", "> - ".repeat(5_000)))
        .file("emphasis.md", format!("{}{CLAIM}\n", "*".repeat(10_000)))
        .file("indented.md", indented);
    let run = case.run_with(&["check", "--no-config", ".", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("overflow"), "{}", run.stderr);
    let cure = |line, column| vec![("cure-claim".to_owned(), line, column, column + 20)];
    let found = |path| -> Vec<(String, u64, u64, u64)> {
        located(&run, path)
            .into_iter()
            .map(|(rule, line, column, end, _)| (rule, line, column, end))
            .collect()
    };
    assert_eq!(found("quotes.md"), cure(1, 20_006));
    assert_eq!(found("lists.md"), cure(1, 20_006));
    assert_eq!(found("mixed.md"), cure(1, 20_006));
    assert_eq!(found("emphasis.md"), cure(1, 10_006));
    assert_eq!(found("indented.md"), cure(1001, 2008));
}

// See: issue 11, item 3.3. A file with a NUL in its first 8 KiB is binary (as git and ripgrep
// decide). Named on the command line it is an error (exit 2) naming it; found by walking a
// folder it is skipped quietly. Random bytes with no NUL are "not valid UTF-8", which is an
// error either way.
#[test]
fn nul_and_random_byte_files_are_reported_as_binary_with_no_findings_for_them() {
    let random = random_bytes(1 << 20, 0x2545_f491_4f6c_dd1d);
    let nul_at = random.iter().position(|&b| b == 0).unwrap();
    assert!(nul_at < 8192, "the seed gives a NUL early");
    let no_nul: Vec<u8> = random.iter().map(|&b| b.max(1)).collect();
    let bad_at = std::str::from_utf8(&no_nul).unwrap_err().valid_up_to();
    let case = Case::new()
        .file("nul.md", vec![0u8; 1 << 20])
        .file("random.txt", &random)
        .file("noise.txt", &no_nul)
        .file("good.md", CLAIM)
        .file("tree/nul.md", vec![0u8; 1 << 20])
        .file("tree/random.txt", &random)
        .file("tree/good.md", CLAIM);
    let named = [
        "check",
        "--no-config",
        "nul.md",
        "random.txt",
        "noise.txt",
        "good.md",
    ];
    let run = case.run_with(&[&named[..], &["--color", "never"]].concat());
    assert_eq!(run.code, 2, "{run:?}");
    for message in [
        "error: nul.md: binary file (NUL byte at offset 0)".to_owned(),
        format!("error: random.txt: binary file (NUL byte at offset {nul_at})"),
        format!("error: noise.txt: not valid UTF-8 (invalid byte at offset {bad_at}, line 1)"),
    ] {
        assert!(run.stderr.contains(&message), "{message}\n{}", run.stderr);
    }
    assert!(run.stdout.contains("good.md:1:6"), "{}", run.stdout);
    for name in ["nul.md", "random.txt", "noise.txt"] {
        assert!(
            !run.stdout.contains(name),
            "{name} on stdout: {}",
            run.stdout
        );
    }
    assert!(
        run.stdout
            .ends_with("1 finding (1 error) in 1 of 1 file checked.\n"),
        "{}",
        run.stdout
    );

    let json = case.run_with(&[&named[..], &["--format", "json"]].concat());
    assert_eq!(json.code, 2);
    let paths = json.paths();
    assert_eq!(paths, ["good.md"]);
    let errors: Vec<String> = json.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(errors, ["noise.txt", "nul.md", "random.txt"]);

    let walked = case.run_with(&["check", "--no-config", "tree", "--color", "never"]);
    assert_eq!(
        walked.code, 1,
        "walked binary files are skipped: {walked:?}"
    );
    assert_eq!(walked.stderr, "");
    assert!(
        walked
            .stdout
            .ends_with("1 finding (1 error) in 1 of 1 file checked.\n"),
        "{}",
        walked.stdout
    );
}

// See: issue 11, item 3.4; README "Exit codes": a file that cannot be decoded is reported
// with its path, the run goes on with the other files and exits 2.
#[test]
fn invalid_utf8_inside_markdown_names_the_path_offset_and_line_and_others_are_checked() {
    let mut bad = b"# Knees\n\nLine two.\nStem cells cure arthritis. Caf".to_vec();
    bad.push(0xE9);
    bad.extend_from_slice(b" au lait.\n\nMore prose.\n");
    let case = Case::new()
        .file("a.md", CLAIM)
        .file("bad.md", &bad)
        .file("z.md", CLAIM);
    let run = case.run_with(&["check", "--no-config", ".", "--color", "never"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("error: bad.md: not valid UTF-8 (invalid byte at offset 49, line 4)"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("a.md:1:6"), "{}", run.stdout);
    assert!(run.stdout.contains("z.md:1:6"), "{}", run.stdout);
    assert!(!run.stdout.contains("bad.md"), "{}", run.stdout);

    let json = case.run_with(&["check", "--no-config", ".", "--format", "json"]);
    assert_eq!(json.code, 2);
    let doc = json.json();
    assert_eq!(doc["errors"][0]["path"], "bad.md");
    assert_eq!(
        doc["errors"][0]["message"],
        "not valid UTF-8 (invalid byte at offset 49, line 4)"
    );
    assert_eq!(located(&json, "a.md").len(), 1);
    assert_eq!(located(&json, "z.md").len(), 1);
}

const BOMB_PACK: &str = r#"categories = ["hostile"]

[[rule]]
id = "backtracking-bomb"
category = "hostile"
severity = "warning"
message = "A run that explodes a backtracking engine"
why = "Each pattern takes exponential time in a backtracking regex engine."
patterns = ['(a+)+$', '(x|x)*y', '((a|aa)+)+b']
flag = ["aaaa", "xxxy"]
pass = ["Knee pain is common."]
"#;

// See: issue 11, item 3.5. The regex crate runs in time linear in the text (finite automata,
// no backtracking), so these patterns finish on 100 KB lines that never match and on lines
// that match once at their very end.
#[test]
fn backtracking_bombs_in_a_user_rule_run_on_100_kb_lines() {
    let n = 100_000;
    let text = format!(
        "{a}!\n\n{a}\n\n{x}!\n\n{x}y\n\n{aa}!\n",
        a = "a".repeat(n),
        x = "x".repeat(n),
        aa = "aa".repeat(n / 2),
    );
    let run = Case::new()
        .file("pack.toml", BOMB_PACK)
        .file("adversarial.txt", text)
        .args([
            "check",
            "--no-config",
            "adversarial.txt",
            "--rules",
            "pack.toml",
            "--select",
            "hostile",
            "--format",
            "json",
        ])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rule = "backtracking-bomb".to_owned();
    let n = n as u64;
    assert_eq!(
        located(&run, "adversarial.txt")
            .into_iter()
            .map(|(rule, line, column, end, _)| (rule, line, column, end))
            .collect::<Vec<_>>(),
        [(rule.clone(), 3, 1, n + 1), (rule, 7, 1, n + 2)]
    );
}

// See: issue 11, item 3.5 (and item 3.6's memory check). 33,000 matches in one 100 KB
// sentence: each match's finding held its own copy of the sentence, 3.3 GB in all, before the
// findings of one sentence were reduced to one per rule.
#[test]
fn many_matches_in_one_long_sentence_do_not_copy_the_sentence_per_match() {
    let case = Case::new()
        .file("pack.toml", BOMB_PACK)
        .file("many.txt", format!("{}!\n", "ab ".repeat(33_000)));
    let args = [
        "check",
        "--no-config",
        "many.txt",
        "--rules",
        "pack.toml",
        "--select",
        "hostile",
        "--format",
        "json",
    ];
    let run = case.run_with(&args);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // One rule makes one point about one sentence (engine `keep_one_per_claim`).
    assert_eq!(
        located(&run, "many.txt"),
        [("backtracking-bomb".to_owned(), 1, 1, 3, 0)]
    );
    if let Some(kib) = peak_rss_kib(case.path(), &args) {
        eprintln!("peak RSS: {kib} KiB");
        assert!(kib < 1 << 20, "peak RSS {kib} KiB for a 100 KB file");
    }
}

// See: issue 11, item 3.5. `\w` is ~700 Unicode ranges; a million of them is over the
// regex crate's size limit (64 MiB here): a loader error at the pattern, not a panic.
#[test]
fn a_rule_over_the_regex_size_limit_is_a_loader_error_at_its_line_and_column() {
    let pack = BOMB_PACK
        .replace("backtracking-bomb", "too-big")
        .replace(r"'(a+)+$', '(x|x)*y', '((a|aa)+)+b'", r"'\w{1000}{1000}'");
    let run = Case::new()
        .file("pack.toml", pack)
        .file("page.md", CLAIM)
        .args(["check", "--no-config", "page.md", "--rules", "pack.toml"])
        .run();
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains(
            "error: rule `too-big`: invalid regex: Compiled regex exceeds size limit of 67108864 bytes."
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("┌─ pack.toml:9:13"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

// See: issue 11, item 3.6. Many findings in one file: every format completes, the JSON
// parses and holds them all, in order, and memory stays proportional to the input. A debug
// build spends about 0.6 ms per finding, so the test makes 20,000 unless
// `OVERCLAIM_HOSTILE_FINDINGS` asks for more (100,000 with the release binary: see issue 11).
#[test]
fn tens_of_thousands_of_findings_in_one_file_are_all_reported_in_human_and_json() {
    let count: usize = std::env::var("OVERCLAIM_HOSTILE_FINDINGS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let case = Case::new().file("many.txt", CLAIM.repeat(count));
    let common = ["check", "--no-config", "many.txt", "--select", "cure-claim"];
    let json = case.run_with(&[&common[..], &["--format", "json"]].concat());
    assert_eq!(json.code, 1, "{}", json.stderr);
    let doc = json.json();
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), count);
    assert_eq!(doc["summary"]["findings"], count);
    for (i, finding) in findings.iter().enumerate() {
        let start = i * CLAIM.len() + 5;
        assert_eq!(finding["start"], start, "{finding}");
        assert_eq!(finding["column"], start + 1, "{finding}");
        assert_eq!(finding["match"], "cells cure arthritis", "{finding}");
    }

    let human = case.run_with(&[&common[..], &["--color", "never"]].concat());
    assert_eq!(human.code, 1, "{}", human.stderr);
    let locations: Vec<&str> = human
        .stdout
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("┌─ "))
        .collect();
    assert_eq!(locations.len(), count);
    assert_eq!(locations[0], "many.txt:1:6");
    let last = format!("many.txt:1:{}", (count - 1) * CLAIM.len() + 6);
    assert_eq!(locations[count - 1], last);
    assert!(
        human.stdout.ends_with(&format!(
            "{count} findings ({count} errors) in 1 of 1 file checked.\n"
        )),
        "{}",
        &human.stdout[human.stdout.len().saturating_sub(300)..]
    );
    if let Some(kib) = peak_rss_kib(case.path(), &[&common[..], &["--format", "json"]].concat()) {
        eprintln!("peak RSS for {count} findings: {kib} KiB");
        assert!(kib < 1 << 20, "peak RSS {kib} KiB for a 2.7 MB file");
    }
}

// See: issue 11, item 3.7. Root reads a chmod-000 file, so as root the run drops to the
// `nobody` user with `setpriv` (util-linux) where it can; otherwise the test says why it
// observed nothing. `dangling_symlink_…` below covers an unreadable path for every user.
#[test]
fn an_unreadable_file_in_a_tree_is_named_and_the_others_are_still_checked() {
    use std::os::unix::fs::PermissionsExt;
    let case = Case::new()
        .file("tree/a.md", CLAIM)
        .file("tree/secret.md", CLAIM)
        .file("tree/sub/c.md", CLAIM);
    let secret = case.path().join("tree/secret.md");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(case.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let args = ["check", "--no-config", "tree", "--color", "never"];
    let run = if std::fs::read(&secret).is_err() {
        case.run_with(&args)
    } else {
        let has_setpriv = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
            .status()
            .is_ok_and(|status| status.success());
        if !has_setpriv {
            eprintln!(
                "skipped: running as root (chmod 000 does not stop reads) and `setpriv` \
                 cannot switch to the nobody user"
            );
            return;
        }
        let output = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_overclaim"))
            .args(args)
            .current_dir(case.path())
            .env("RAYON_NUM_THREADS", "2")
            .output()
            .unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    };
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("error: tree/secret.md: Permission denied (os error 13)"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("tree/a.md:1:6"), "{}", run.stdout);
    assert!(run.stdout.contains("tree/sub/c.md:1:6"), "{}", run.stdout);
    assert!(!run.stdout.contains("secret"), "{}", run.stdout);
}

// See: issue 11, item 3.7: a path that cannot be read whoever runs the check. Walking does
// not follow symbolic links (a loop cannot hang it), so a walked dangling link is no input.
#[test]
fn dangling_symlink_named_on_the_command_line_is_an_error_and_the_others_are_checked() {
    let case = Case::new()
        .file("tree/a.md", CLAIM)
        .file("tree/z.md", CLAIM);
    std::os::unix::fs::symlink("gone.md", case.path().join("tree/link.md")).unwrap();
    let run = case.run_with(&[
        "check",
        "--no-config",
        "tree/a.md",
        "tree/link.md",
        "tree/z.md",
        "--color",
        "never",
    ]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("error: tree/link.md: No such file or directory (os error 2)"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("tree/a.md:1:6"), "{}", run.stdout);
    assert!(run.stdout.contains("tree/z.md:1:6"), "{}", run.stdout);

    let walked = case.run_with(&["check", "--no-config", "tree", "--color", "never"]);
    assert_eq!(walked.code, 1, "{walked:?}");
    assert!(
        walked
            .stdout
            .ends_with("2 findings (2 errors) in 2 of 2 files checked.\n"),
        "{}",
        walked.stdout
    );
}

// See: issue 11, item 3.8. A file name that is not UTF-8 is shown lossily (U+FFFD for the bad
// byte), the JSON stays valid, and `--fix` writes the real file. Two such names that show
// alike are still two files: deduplicating on the shown path dropped one unchecked.
#[test]
fn non_utf8_file_names_are_checked_shown_lossily_and_json_stays_valid() {
    let case = Case::new().file("d/keep.md", "Knee pain is common.\n");
    let dir = case.path().join("d");
    std::fs::write(dir.join(OsStr::from_bytes(b"caf\xe9.md")), CLAIM).unwrap();
    std::fs::write(
        dir.join(OsStr::from_bytes(b"caf\xe8.md")),
        format!("\n{CLAIM}"),
    )
    .unwrap();
    let shown = "d/caf\u{fffd}.md";

    let select = ["--select", "cure-claim"];
    let json = case.run_with(
        &[
            &["check", "--no-config", "d", "--format", "json"],
            &select[..],
        ]
        .concat(),
    );
    assert_eq!(json.code, 1, "{json:?}");
    let doc = json.json();
    assert_eq!(doc["summary"]["files"], 3, "{doc}");
    // Sorted by the shown path, then by the bytes of the name: \xe8 before \xe9.
    let found: Vec<(u64, u64)> = located(&json, shown)
        .into_iter()
        .map(|(_, line, column, _, _)| (line, column))
        .collect();
    assert_eq!(found, [(2, 6), (1, 6)], "both files are checked");

    let human = case.run_with(&["check", "--no-config", "d", "--color", "never"]);
    assert!(
        human.stdout.contains(&format!("┌─ {shown}:1:6")),
        "{}",
        human.stdout
    );

    // SARIF names each file by the bytes of its name, so a code-scanning tool opens the right
    // one: the shown name is the same for both.
    let sarif = case.run_with(&["check", "--no-config", "d", "--format", "sarif"]);
    let doc: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let uris: Vec<&str> = doc["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| {
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(uris, ["d/caf%E8.md", "d/caf%E9.md"], "{doc}");

    let fixed = case.run_with(&[
        "check",
        "--no-config",
        "d",
        "--fix",
        "--unsafe-fixes",
        "--select",
        "cure-claim",
    ]);
    assert_eq!(fixed.code, 0, "{fixed:?}");
    let text = std::fs::read_to_string(dir.join(OsStr::from_bytes(b"caf\xe9.md"))).unwrap();
    assert!(!text.contains("cure"), "{text}");
}
