//! `--format junit`: JUnit XML for CI dashboards, one test case per file checked; a file with
//! findings fails, and its failure lists every finding with its line.

use std::io;

use codespan_reporting::term::termcolor::WriteColor;

use super::Report;
use crate::error::Lines;

pub(super) fn render(report: &Report<'_>, out: &mut dyn WriteColor) -> io::Result<()> {
    let failures = report
        .files
        .iter()
        .filter(|f| !f.findings.is_empty())
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="overclaim" tests="{}" failures="{failures}" errors="{}">"#,
        report.files.len(),
        report.errors.len()
    )?;
    writeln!(
        out,
        r#"  <testsuite name="overclaim" tests="{}" failures="{failures}" errors="{}">"#,
        report.files.len(),
        report.errors.len()
    )?;
    for file in report.files {
        let name = escape(&file.path);
        if file.findings.is_empty() {
            writeln!(
                out,
                r#"    <testcase name="{name}" classname="overclaim"/>"#
            )?;
            continue;
        }
        let lines = Lines::new(&file.text);
        writeln!(out, r#"    <testcase name="{name}" classname="overclaim">"#)?;
        let summary = format!("{} overclaiming finding(s)", file.findings.len());
        writeln!(
            out,
            r#"      <failure message="{}" type="overclaim">"#,
            escape(&summary)
        )?;
        for finding in &file.findings {
            let (line, column) = lines.location(&file.text, finding.span.start);
            writeln!(
                out,
                "{}",
                escape(&format!(
                    "{}:{line}:{column}: {} [{}] {} (\"{}\")",
                    file.path, finding.severity, finding.rule, finding.message, finding.matched
                ))
            )?;
        }
        writeln!(out, "      </failure>")?;
        writeln!(out, "    </testcase>")?;
    }
    for error in report.errors {
        let name = escape(error.path().unwrap_or("overclaim"));
        writeln!(out, r#"    <testcase name="{name}" classname="overclaim">"#)?;
        writeln!(
            out,
            r#"      <error message="{}"/>"#,
            escape(&error.message())
        )?;
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// Escape text for XML content and attribute values; drop characters XML 1.0 cannot hold.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape("a < b & \"c\" 'd'\u{1}"),
            "a &lt; b &amp; &quot;c&quot; &apos;d&apos;"
        );
    }
}
