//! `--format github`: GitHub Actions workflow commands, one annotation per finding, which
//! GitHub shows on the changed lines of a pull request.
//!
//! `::error file=page.md,line=3,endLine=3,col=15,endColumn=44,title=cure-noun-claim::message`
//! Values are escaped as the runner expects: `%`, `\r`, `\n` in the message; also `:` and `,`
//! in properties.

use std::io;

use codespan_reporting::term::termcolor::WriteColor;

use super::FileReport;
use crate::error::Lines;
use crate::rules::Severity;

/// One file's annotations, one line per finding.
pub(super) fn file(file: &FileReport, out: &mut dyn WriteColor) -> io::Result<()> {
    let lines = Lines::new(&file.text);
    for finding in &file.findings {
        let (line, col) = lines.location(&file.text, finding.span.start);
        let (end_line, end_col) = lines.location(&file.text, finding.span.end);
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = finding.message.clone();
        if let Some(suggestion) = finding.suggestions.first() {
            message.push_str(&format!("\nInstead: {suggestion}"));
        }
        writeln!(
            out,
            "::{command} file={},line={line},endLine={end_line},col={col},endColumn={end_col},title={}::{}",
            property(&file.path),
            property(&format!("overclaim {} ({})", finding.rule, finding.category)),
            data(&message)
        )?;
    }
    Ok(())
}

/// Escape `text` for a workflow command: `%`, `\r` and `\n` as the runner decodes them; other
/// control characters as `\u{1b}` (super::escape_controls), so a document's ESC never reaches
/// the log viewer raw.
fn data(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        if c != '\r' && super::is_hidden_control(c, None) {
            shown.push_str(&super::control_escape(c));
        } else {
            shown.push(c);
        }
    }
    shown
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(data("100% safe\r\nreally"), "100%25 safe%0D%0Areally");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(data("a\u{1b}[31mb\u{b}"), "a\\u{1b}[31mb\\u{b}");
    }
}
