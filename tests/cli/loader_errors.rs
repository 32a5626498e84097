//! Loader and message defects of issue 9, item 10: every mistake in a rule pack or config file
//! is an error that names the file, line and column of the mistake, and exits 2.

use crate::support::{Case, HOUSE_PACK};

const CLAIM: &str = "Try our miracle shot today.\n";

/// Run `check` with `pack` as a user pack; it must fail with exit 2 and print no findings.
fn pack_error(pack: &str) -> String {
    let run = Case::new()
        .file("pack.toml", pack)
        .file("page.md", CLAIM)
        .args([
            "--color",
            "never",
            "check",
            "page.md",
            "--rules",
            "pack.toml",
        ])
        .run();
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    run.stderr
}

fn assert_has(stderr: &str, expected: &[&str]) {
    for part in expected {
        assert!(stderr.contains(part), "missing {part:?} in:\n{stderr}");
    }
}

// 1. Braces in templates: `{name}` is a placeholder, `{{` and `}}` are literal braces, and
// anything else is an error at the brace.

#[test]
fn unclosed_brace_in_fix_points_at_the_brace() {
    let stderr =
        pack_error(&HOUSE_PACK.replace("replace = \"injection\"", "replace = \"may {rest\""));
    assert_has(
        &stderr,
        &[
            "error: rule `house-miracle`: unclosed `{` in `fix`: write `{{` for a literal brace",
            "┌─ pack.toml:13:24",
        ],
    );
}

#[test]
fn unclosed_brace_in_message_points_at_the_brace() {
    let stderr = pack_error(&HOUSE_PACK.replace("a {thing}\"", "a {thing\""));
    assert_has(
        &stderr,
        &[
            "rule `house-miracle`: unclosed `{` in `message`",
            "┌─ pack.toml:7:50",
        ],
    );
}

#[test]
fn stray_closing_brace_in_suggestion_points_at_it() {
    let stderr = pack_error(&HOUSE_PACK.replace(
        "\"an injection that is being studied\"",
        "\"an injection} being studied\"",
    ));
    assert_has(
        &stderr,
        &[
            "rule `house-miracle`: unmatched `}` in `suggest`: write `}}` for a literal brace",
            "┌─ pack.toml:12:25",
        ],
    );
}

#[test]
fn unclosed_brace_in_a_patterns_own_fix_points_at_the_brace() {
    let pack = HOUSE_PACK.replace(
        r"patterns = ['\bmiracle\s+(?P<thing>shot|injection|treatment)s?\b']",
        "patterns = [\n  '\\bmiracle\\s+(?P<thing>shot|injection|treatment)s?\\b',\n  { regex = '\\bwonder\\s+shots?\\b', fix = { replace = \"shot {sic\", applicability = \"unsafe\" } },\n]",
    );
    let stderr = pack_error(&pack);
    assert_has(
        &stderr,
        &[
            "rule `house-miracle`: unclosed `{` in the pattern's `fix`",
            "┌─ pack.toml:12:60",
        ],
    );
}

#[test]
fn doubled_braces_are_written_as_one_literal_brace() {
    let pack = HOUSE_PACK.replace("replace = \"injection\"", "replace = \"injection {{sic}}\"");
    let case = Case::new().file("pack.toml", pack).file("page.md", CLAIM);
    let run = case.run_with(&[
        "check",
        "page.md",
        "--rules",
        "pack.toml",
        "--select",
        "house-miracle",
        "--fix",
        "--unsafe-fixes",
    ]);
    assert_ne!(run.code, 2, "{run:?}");
    assert_eq!(
        String::from_utf8(case.read("page.md")).unwrap(),
        "Try our injection {sic} today.\n"
    );
}

// 2. A bad capture name is reported against the pattern as written, at the name.

#[test]
fn capture_name_starting_with_a_digit_points_at_it() {
    let stderr = pack_error(&HOUSE_PACK.replace("(?P<thing>", "(?P<1bad>"));
    assert_has(
        &stderr,
        &[
            "rule `house-miracle`: invalid regex: invalid capture group name `1bad`",
            "┌─ pack.toml:10:30",
        ],
    );
    assert!(
        !stderr.contains("(?-u:"),
        "the rewritten regex leaked:\n{stderr}"
    );
}

#[test]
fn capture_name_with_a_space_points_at_the_space() {
    let stderr = pack_error(&HOUSE_PACK.replace("(?P<thing>", "(?P<a b>"));
    assert_has(
        &stderr,
        &[
            "invalid regex: invalid capture group name `a b`",
            "┌─ pack.toml:10:31",
        ],
    );
}

#[test]
fn duplicate_capture_name_points_at_the_second_use() {
    let stderr = pack_error(&HOUSE_PACK.replace(r"s?\b']", r"s?\b\s+(?P<thing>today)?']"));
    assert_has(
        &stderr,
        &[
            "invalid regex: duplicate capture group name `thing`",
            "┌─ pack.toml:10:72",
        ],
    );
    assert!(
        !stderr.contains("(?-u:"),
        "the rewritten regex leaked:\n{stderr}"
    );
}

// 3. Config files: a bad glob is located, and a file that is not UTF-8 says where.

fn config_error(config: &[u8]) -> String {
    let run = Case::new()
        .file("overclaim.toml", config)
        .file("page.md", CLAIM)
        .args(["--color", "never", "check", "page.md"])
        .run();
    assert_eq!(run.code, 2, "{run:?}");
    run.stderr
}

#[test]
fn bad_include_glob_names_file_line_and_column() {
    let stderr = config_error(b"include = [\"docs/**/*.md\", \"a/[b\"]\n");
    assert_has(
        &stderr,
        &[
            "error: invalid `include` glob `a/[b`: unclosed character class; missing ']'",
            "overclaim.toml:1:28",
        ],
    );
}

#[test]
fn bad_exclude_glob_names_file_line_and_column() {
    let stderr = config_error(b"fail-on = \"never\"\nexclude = [\"drafts/{a,b\"]\n");
    assert_has(
        &stderr,
        &[
            "error: invalid `exclude` glob `drafts/{a,b`",
            "overclaim.toml:2:12",
        ],
    );
}

#[test]
fn config_that_is_not_utf8_names_the_byte_and_line() {
    let stderr = config_error(b"min-severity = \"info\"\n# caf\xe9\n");
    assert_has(
        &stderr,
        &["overclaim.toml: cannot read config: not valid UTF-8 (invalid byte at offset 27, line 2)"],
    );
}

// 4. A pack file that defines nothing is most likely the wrong file.

#[test]
fn zero_byte_pack_is_an_error_naming_the_file() {
    let stderr = pack_error("");
    assert_has(
        &stderr,
        &["error: defines no rules or word classes", "pack.toml"],
    );
}

#[test]
fn pack_of_only_comments_and_categories_is_an_error() {
    let stderr = pack_error("# house rules, to do\ncategories = [\"house-style\"]\n");
    assert_has(
        &stderr,
        &[
            "error: defines no rules or word classes",
            "┌─ pack.toml:1:1",
        ],
    );
}

#[test]
fn empty_file_in_a_pack_folder_is_named() {
    let run = Case::new()
        .file("packs/house.toml", HOUSE_PACK)
        .file("packs/notes.toml", "# nothing yet\n")
        .file("page.md", CLAIM)
        .args(["--color", "never", "check", "page.md", "--rules", "packs"])
        .run();
    assert_eq!(run.code, 2, "{run:?}");
    assert_has(
        &run.stderr,
        &["defines no rules or word classes", "packs/notes.toml:1:1"],
    );
}

#[test]
fn pack_with_only_a_class_extension_loads() {
    let run = Case::new()
        .file(
            "words.toml",
            "[extend-class.therapy]\nwords = [\"RegenaKnee\"]\n",
        )
        .args(["rules", "--rules", "words.toml"])
        .run();
    assert_eq!(run.code, 0, "{run:?}");
}
