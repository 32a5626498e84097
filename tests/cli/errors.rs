//! Every error class: the message a user gets, its location, and exit code 2.

use crate::support::{Case, HOUSE_PACK};

const CLAIM: &str = "Our stem cell injections cure arthritis.\n";

#[test]
fn missing_file_is_reported_and_other_files_still_checked() {
    let run = Case::new()
        .file("good.md", CLAIM)
        .args([
            "check",
            "good.md",
            "missing.md",
            "--format",
            "json",
            "--select",
            "cure",
        ])
        .run();
    assert_eq!(run.code, 2, "{run:?}");
    let json = run.json();
    assert_eq!(json["findings"][0]["path"], "good.md");
    assert_eq!(json["errors"][0]["path"], "missing.md");
    assert!(
        json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("No such file"),
        "{json}"
    );
    assert!(run.stderr.contains("missing.md"), "{}", run.stderr);
}

#[test]
fn binary_file_is_an_error_with_its_path() {
    let run = Case::new()
        .file("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        .args(["check", "image.txt"])
        .run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("image.txt: binary file (NUL byte at offset 8)"),
        "{}",
        run.stderr
    );
}

#[test]
fn invalid_utf8_is_an_error_with_offset_and_line() {
    let run = Case::new()
        .file("latin1.txt", b"Line one.\nCaf\xe9 au lait.\n")
        .args(["check", "latin1.txt"])
        .run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("latin1.txt: not valid UTF-8 (invalid byte at offset 13, line 2)"),
        "{}",
        run.stderr
    );
}

#[test]
fn unreadable_file_is_an_error_with_its_path() {
    use std::os::unix::fs::PermissionsExt;
    let case = Case::new().file("secret.md", CLAIM).file("open.md", CLAIM);
    let path = case.path().join("secret.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not stop reads, so there is nothing to observe.
        return;
    }
    let run = case
        .args(["check", "secret.md", "open.md", "--select", "cure"])
        .run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("secret.md: Permission denied"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("open.md"), "{}", run.stdout);
}

fn pack_error(pack: &str) -> String {
    let run = Case::new()
        .file("pack.toml", pack)
        .file("page.md", CLAIM)
        .args(["check", "page.md", "--rules", "pack.toml"])
        .run();
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stdout.is_empty(),
        "no findings are printed when the rules are broken"
    );
    run.stderr
}

#[test]
fn pack_unknown_key_names_file_line_and_column() {
    let stderr = pack_error(&HOUSE_PACK.replace("why =", "reason = \"x\"\nwhy ="));
    assert!(
        stderr.contains("rule `house-miracle`: unknown field `reason`"),
        "{stderr}"
    );
    assert!(stderr.contains("┌─ pack.toml:8:1"), "{stderr}");
}

#[test]
fn pack_missing_field_is_reported() {
    let stderr = pack_error(&HOUSE_PACK.replace("severity = \"warning\"\n", ""));
    assert!(
        stderr.contains("rule `house-miracle`: missing field `severity`"),
        "{stderr}"
    );
    assert!(stderr.contains("pack.toml:3:1"), "{stderr}");
}

#[test]
fn pack_duplicate_id_names_both_places() {
    let second = HOUSE_PACK.replace("categories = [\"house-style\"]\n", "");
    let stderr = pack_error(&format!("{HOUSE_PACK}\n{second}"));
    assert!(
        stderr.contains("duplicate rule id `house-miracle` (first defined at pack.toml:3)"),
        "{stderr}"
    );
}

#[test]
fn pack_duplicate_of_a_builtin_id_is_an_error() {
    let stderr = pack_error(&HOUSE_PACK.replace("house-miracle", "cure-claim"));
    assert!(
        stderr.contains("duplicate rule id `cure-claim` (first defined at rules/cure.toml"),
        "{stderr}"
    );
}

#[test]
fn pack_unknown_category_lists_the_known_ones() {
    let stderr =
        pack_error(&HOUSE_PACK.replace("category = \"house-style\"", "category = \"cures\""));
    assert!(
        stderr.contains("rule `house-miracle`: unknown category `cures`"),
        "{stderr}"
    );
    assert!(stderr.contains("pack.toml:5:12"), "{stderr}");
}

#[test]
fn pack_unknown_condition_is_reported() {
    let stderr = pack_error(&HOUSE_PACK.replace("\"attributed\"", "\"quoted\""));
    assert!(
        stderr.contains("unknown variant `quoted`, expected one of `negated`"),
        "{stderr}"
    );
    assert!(stderr.contains("┌─ pack.toml:11:22"), "{stderr}");
}

#[test]
fn pack_invalid_regex_points_into_the_pattern() {
    let stderr = pack_error(&HOUSE_PACK.replace(r"(?P<thing>shot", r"(?P<thing>[shot"));
    assert!(
        stderr.contains("rule `house-miracle`: invalid regex: unclosed character class"),
        "{stderr}"
    );
    assert!(stderr.contains("┌─ pack.toml:10:36"), "{stderr}");
}

#[test]
fn pack_interpolation_of_a_missing_capture_is_an_error() {
    let stderr = pack_error(&HOUSE_PACK.replace("a {thing}", "a {what}"));
    assert!(
        stderr.contains("rule `house-miracle`: `{what}` is not a capture group"),
        "{stderr}"
    );
    assert!(stderr.contains("pack.toml:7:"), "{stderr}");
}

#[test]
fn pack_rule_without_phrases_or_patterns_is_an_error() {
    let pack = HOUSE_PACK
        .replace(
            r"patterns = ['\bmiracle\s+(?P<thing>shot|injection|treatment)s?\b']",
            "",
        )
        .replace("a {thing}", "a miracle");
    let stderr = pack_error(&pack);
    assert!(
        stderr.contains("rule `house-miracle`: has no `phrases`, `patterns` or `frames`"),
        "{stderr}"
    );
}

#[test]
fn pack_flag_example_that_does_not_fire_is_an_error_with_its_line() {
    let stderr = pack_error(&HOUSE_PACK.replace(
        "A miracle injection for sore knees.",
        "A gentle injection for sore knees.",
    ));
    assert!(stderr.contains("`flag` example is not flagged"), "{stderr}");
    assert!(stderr.contains("pack.toml"), "{stderr}");
    assert!(
        stderr.contains("A gentle injection for sore knees."),
        "{stderr}"
    );
}

#[test]
fn pack_pass_example_that_fires_is_an_error() {
    let stderr =
        pack_error(&HOUSE_PACK.replace("This is not a miracle shot.", "This is a miracle shot."));
    assert!(stderr.contains("`pass` example is flagged"), "{stderr}");
}

#[test]
fn pack_toml_syntax_error_has_a_location() {
    let stderr = pack_error("[[rule]\nid = 1\n");
    assert!(stderr.contains("pack.toml:1:"), "{stderr}");
}

#[test]
fn missing_pack_path_is_an_error() {
    let run = Case::new()
        .file("page.md", CLAIM)
        .args(["check", "page.md", "--rules", "nope"])
        .run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("nope: cannot read rule pack"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_rule_on_the_command_line_suggests_a_near_one() {
    let run = Case::new()
        .file("page.md", CLAIM)
        .args(["check", "page.md", "--select", "cure-clam"])
        .run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unknown rule or category `cure-clam` (did you mean `cure-claim`?)"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_flag_value_is_a_usage_error() {
    let run = Case::new().args(["check", "--format", "xml"]).run();
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("invalid value 'xml'"), "{}", run.stderr);
}

#[test]
fn config_unknown_key_names_file_line_and_column() {
    let run = Case::new()
        .file(
            "overclaim.toml",
            "min-severity = \"info\"\nfail_on = \"error\"\n",
        )
        .file("page.md", CLAIM)
        .args(["check", "page.md"])
        .run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unknown field `fail_on`, expected one of"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("overclaim.toml:2:1"), "{}", run.stderr);
}

#[test]
fn config_unknown_rule_name_points_at_it() {
    let run = Case::new()
        .file("overclaim.toml", "ignore = [\"hype-words\"]\n")
        .file("page.md", CLAIM)
        .args(["check", "page.md"])
        .run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unknown rule or category `hype-words` (did you mean `hype-word`?)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("overclaim.toml:1:11"), "{}", run.stderr);
}

#[test]
fn missing_config_given_explicitly_is_an_error() {
    let run = Case::new()
        .file("page.md", CLAIM)
        .args(["check", "page.md", "--config", "nope.toml"])
        .run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("nope.toml: cannot read config"),
        "{}",
        run.stderr
    );
}
