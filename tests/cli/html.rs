//! HTML pages: findings at the right line and column (text, `<title>`, meta tags, `alt`,
//! `title` attributes, JSON-LD), `--fix` that writes entity- and JSON-encoded text back, and
//! the `--format html` report, rendered in headless Chromium when it is installed.
//! See: issue 10.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

use crate::support::{Case, HOUSE_PACK};

/// `overclaim check ARGS` from the repository root.
fn check_in_root(args: &[&str]) -> (i32, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = cargo_bin_cmd!("overclaim")
        .current_dir(root)
        .args(["check", "--no-config", "--color", "never"])
        .args(args)
        .output()
        .expect("run overclaim");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("UTF-8 output"),
    )
}

#[test]
fn html_fixtures_report_every_claim_at_its_line_and_column() {
    let (code, stdout) = check_in_root(&["fixtures/", "--format", "json"]);
    assert_eq!(code, 2, "fixtures/edge/latin1.txt is an error");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let findings = json["findings"].as_array().unwrap();
    let html: Vec<(&str, u64, u64, &str)> = findings
        .iter()
        .filter(|f| f["path"].as_str().unwrap().ends_with(".html"))
        .map(|f| {
            (
                f["path"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["rule"].as_str().unwrap(),
            )
        })
        .collect();
    let page = "fixtures/docs/clinic-landing.html";
    // Every position below was checked by hand against the fixture.
    let expected = [
        (6, 40, "cure-verb-frame"),     // <title> … &ndash; Cure Knee Arthritis
        (7, 41, "cells-regrow-tissue"), // meta description
        (7, 41, "cure-verb-frame"),     // meta description
        (7, 83, "permanent-results"),   // "end knee pain for good"
        (7, 114, "guarantee-outcome-frame"), // after &mdash;: "results guaranteed"
        (8, 42, "hype-on-therapy-frame"), // og:title
        (8, 42, "cure-noun-frame"),     // og:title
        (9, 44, "fda-approval-frame"),  // og:description
        (9, 75, "no-side-effects"),     // og:description
        (12, 55, "reverse-arthritis"),  // twitter:title
        (26, 25, "birth-tissue-stem-cells"), // JSON-LD description
        (26, 25, "tissue-rebuilt-frame"), // JSON-LD description: "shots heal arthritic knees"
        (26, 44, "cure-noun-claim"),    // JSON-LD description
        (26, 85, "no-rejection"),       // JSON-LD description
        (32, 25, "completely-safe"),    // nested JSON-LD description
        (32, 30, "surgery-not-needed-frame"), // "a 100% safe, drug-free alternative to knee replacement"
        (32, 85, "proof-phrase-frame"),       // after the \u2014 escape
        (41, 9, "outcome-certain-phrases"),   // <h1>
        (42, 12, "cure-claim"),               // <strong>cure</strong>
        (42, 84, "speed-of-relief-frame"),    // same paragraph
        (43, 40, "repair-tissue-frame"),      // alt text
        (44, 40, "lasting-results-frame"),    // title attribute
        (45, 31, "guarantee-outcome-frame"),  // button text
        (55, 29, "cells-regrow-tissue"),      // <li> with &amp;
        (56, 11, "assured-outcome-frame"),    // <li>
        (56, 11, "works-for-everyone"),       // <li>
    ];
    let expected: Vec<(&str, u64, u64, &str)> = expected
        .iter()
        .map(|&(line, column, rule)| (page, line, column, rule))
        .collect();
    assert_eq!(html, expected, "the careful patient page stays silent");
    // Where the source has no reference or escape inside the match, the bytes at the
    // reported offsets are the match itself.
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(page)).unwrap();
    let verbatim = findings
        .iter()
        .filter(|f| f["path"] == page)
        .filter(|f| {
            let (start, end) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
            &text[start as usize..end as usize] == f["match"].as_str().unwrap()
        })
        .count();
    assert!(verbatim >= 18, "{verbatim} findings slice to their match");
    // The patient page's one claim is quoted under a directive with a reason.
    let suppressed: Vec<(&str, u64, &str)> = json["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["path"] == "fixtures/docs/patient-education.html")
        .map(|s| {
            (
                s["rule"].as_str().unwrap(),
                s["line"].as_u64().unwrap(),
                s["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        suppressed,
        [(
            "cure-claim",
            41,
            "quoting a clinic's advert for the example below, approved by J. Ruiz 2026-10-02"
        )]
    );
}

#[test]
fn stdin_filename_html_reads_standard_input_as_html() {
    let run = Case::new()
        .stdin("<script>cures arthritis</script><p title=\"x\">It <i>cures</i> arthritis.</p>")
        .args([
            "check",
            "-",
            "--stdin-filename",
            "page.html",
            "--format",
            "json",
            "--select",
            "cure",
        ])
        .run();
    let json = run.json();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{}", run.stdout);
    assert_eq!(findings[0]["path"], "page.html");
    assert_eq!(findings[0]["column"], 52);
    assert_eq!(findings[0]["match"], "cures arthritis");
}

const FIX_PAGE: &str = concat!(
    "<title>Try our miracle shot</title>\r\n",
    "<p>Try our miracle shot today.</p>\r\n",
    "<img src=k.png alt='Our miracle shot works'>\r\n",
    "<script type=\"application/ld+json\">{\"description\": \"A miracle shot\"}</script>\r\n",
    "<p>A <b>miracle</b> shot &amp; more</p>\r\n",
);

#[test]
fn fix_writes_entity_and_json_encoded_rewrites_only_where_one_range_maps() {
    let pack = HOUSE_PACK
        .replace("applicability = \"unsafe\"", "applicability = \"safe\"")
        .replace(
            "replace = \"injection\"",
            "replace = 'injection \"A&B\" <1>'",
        );
    let case = Case::new()
        .file("house.toml", pack)
        .file("page.html", FIX_PAGE);
    let args = [
        "check",
        "page.html",
        "--rules",
        "house.toml",
        "--select",
        "house-miracle",
        "--fix",
    ];
    let fixed = case.run_with(&args);
    assert!(fixed.stdout.contains("Fixed 4 findings."), "{fixed:?}");
    assert_eq!(
        String::from_utf8(case.read("page.html")).unwrap(),
        concat!(
            "<title>Try our injection \"A&amp;B\" &lt;1&gt;</title>\r\n",
            "<p>Try our injection \"A&amp;B\" &lt;1&gt; today.</p>\r\n",
            "<img src=k.png alt='Our injection &quot;A&amp;B&quot; &lt;1&gt; works'>\r\n",
            "<script type=\"application/ld+json\">{\"description\": \"A injection \\\"A&B\\\" \\u003c1>\"}</script>\r\n",
            "<p>A <b>miracle</b> shot &amp; more</p>\r\n",
        )
    );
    // The rewrites read back as the same prose, and the match across <b> is left for a human.
    let again = case.run_with(&[&args[..], &["--format", "json"]].concat());
    let json = again.json();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{}", again.stdout);
    assert_eq!(findings[0]["line"], 5);
    assert_eq!(json["summary"]["fixes_not_applied"], 1);
}

/// The Chromium binary to use: `OVERCLAIM_CHROMIUM`, else `chromium` or `chromium-browser`
/// on `PATH`.
fn chromium() -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os("OVERCLAIM_CHROMIUM") {
        return Some(path.into());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Distinct `data-finding` values of the highlights whose class starts with `hl sev-`.
fn highlighted_findings(dom: &str) -> std::collections::BTreeSet<String> {
    dom.split("<mark class=\"hl sev-")
        .skip(1)
        .filter_map(|rest| {
            let at = rest.find("data-finding=\"")? + "data-finding=\"".len();
            let end = rest[at..].find('"')?;
            Some(rest[at..at + end].to_owned())
        })
        .collect()
}

#[test]
fn html_report_renders_in_chromium_with_highlights_counts_and_escaping() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var_os("OVERCLAIM_REQUIRE_CHROMIUM").is_none(),
            "OVERCLAIM_REQUIRE_CHROMIUM is set but no chromium was found on PATH"
        );
        eprintln!(
            "SKIPPED html_report_renders_in_chromium…: no `chromium` on PATH \
             (install it, or set OVERCLAIM_CHROMIUM; .ci/run installs it)"
        );
        return;
    };
    let case = Case::new()
        .file(
            "notes.txt",
            "Stem cells cure arthritis. <script>document.title='pwned'</script>\n\n\
             <img src=x onerror=\"document.title='pwned'\"> Results guaranteed!\n",
        )
        .file(
            "page.html",
            "<title>Knees</title><p>Our injections regrow cartilage &lt;script&gt;document.title='pwned'&lt;/script&gt;.</p>\n\
             <!-- overclaim-disable-next-line cure -- quoted from an advert -->\n<p>PRP cures arthritis.</p>\n",
        );
    let json = case.run_with(&["check", ".", "--format", "json"]).json();
    let report = case.run_with(&["check", ".", "--format", "html"]);
    assert_eq!(report.code, 1, "{}", report.stderr);
    let path = case.path().join("report.html");
    std::fs::write(&path, &report.stdout).unwrap();
    let profile = case.path().join("chromium-profile");
    let output = std::process::Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", path.display()))
        .output()
        .expect("run chromium");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dom = String::from_utf8(output.stdout).expect("UTF-8 DOM");
    assert!(dom.contains("id=\"summary\""), "{dom}");

    // Every finding is highlighted once (a highlight may be cut into several <mark>s).
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(
        highlighted_findings(&dom).len(),
        findings.len(),
        "one highlight per finding"
    );
    let total = json["summary"]["findings"].as_u64().unwrap();
    assert!(total >= 3, "{}", report.stdout);
    assert!(dom.contains(&format!("id=\"count-findings\" data-count=\"{total}\"")));
    for severity in ["error", "warning", "info"] {
        let count = json["summary"][severity].as_u64().unwrap();
        assert!(
            dom.contains(&format!("id=\"count-{severity}\" data-count=\"{count}\"")),
            "{severity} count {count}"
        );
    }
    assert!(dom.contains("id=\"count-suppressed\" data-count=\"1\""));
    assert!(dom.contains("data-suppressed=\"true\""));
    assert!(dom.contains("quoted from an advert"));
    for finding in findings {
        let rule = finding["rule"].as_str().unwrap();
        assert!(dom.contains(&format!("data-rule=\"{rule}\"")), "{rule}");
    }

    // Document text stayed text: the only script is the report's own, nothing ran.
    assert_eq!(dom.matches("<script").count(), 1, "{dom}");
    assert!(!dom.contains("<img"), "no element from document text");
    assert!(dom.contains("<title>overclaim report</title>"));
    assert!(!dom.contains("pwned</title>"));
    assert!(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"));
    // The report's own script ran: the filters are shown.
    assert!(dom.contains("<form id=\"filters\">"), "filters shown by JS");
}
