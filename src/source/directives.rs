//! Inline suppression directives in HTML comments:
//! `<!-- overclaim-disable-next-line cure-claim -- approved by legal 2026-11-02 -->`.
//!
//! In: a file's text. Out: every directive with its kind, the rule ids or categories it names
//! (none means all), its reason (the text after ` -- `) and its span. A comment that starts
//! with `overclaim-` but is not one of the four directives is kept as [`Kind::Unknown`] so the
//! user learns about the typo instead of silently losing the suppression. This module does not
//! decide what a directive suppresses: that is `suppress`.
//!
//! In Markdown a comment is a directive only where Markdown sees a comment: a directive shown
//! in a fenced or indented code block or in inline code is an example, not a directive. A
//! `<!--` that is never closed is kept as [`Kind::Unclosed`] so it can be reported: CommonMark
//! (and a browser) would hide everything after it.

use std::sync::LazyLock;

use regex::Regex;

use super::{Format, Span};

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `overclaim-disable-next-line`: the next line with text.
    DisableNextLine,
    /// `overclaim-disable`: from here to the next `overclaim-enable` (or the end of the file).
    Disable,
    /// `overclaim-enable`: ends `overclaim-disable` regions.
    Enable,
    /// `overclaim-disable-file`: the whole file.
    DisableFile,
    /// `overclaim-something-else`: a mistake to report.
    Unknown,
    /// A `<!--` with no `-->` after it (any comment, not only a directive); its span is the
    /// `<!--` and the rest of its line.
    Unclosed,
}

/// One directive comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// What it does.
    pub kind: Kind,
    /// The word after `overclaim-` as written (for messages).
    pub keyword: String,
    /// Rule ids or categories; empty means every rule.
    pub names: Vec<String>,
    /// The text after ` -- `, trimmed; `None` when there is none.
    pub reason: Option<String>,
    /// The whole comment in the original file.
    pub span: Span,
}

impl Directive {
    /// Does this directive name the finding's rule or category (or name nothing, so all)?
    pub fn covers(&self, rule: &str, category: &str) -> bool {
        self.names.is_empty() || self.names.iter().any(|n| n == rule || n == category)
    }
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<!--\s*overclaim-([a-z-]+)(.*?)-->").expect("the directive regex is valid")
});

/// The first `<!--` outside code with no `-->` after it.
fn unclosed_comment(text: &str, in_code: &impl Fn(usize) -> bool) -> Option<Directive> {
    let mut from = 0;
    while let Some(found) = text[from..].find("<!--") {
        let start = from + found;
        if in_code(start) {
            from = start + 4;
            continue;
        }
        match text[start + 4..].find("-->") {
            Some(close) => from = start + 4 + close + 3,
            None => {
                let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                let end = text[..end].trim_end().len().max(start + 4);
                return Some(Directive {
                    kind: Kind::Unclosed,
                    keyword: String::new(),
                    names: Vec::new(),
                    reason: None,
                    span: Span { start, end },
                });
            }
        }
    }
    None
}

/// Every directive in `text` (a file read as `format`, whose Markdown parse found `code`,
/// sorted by start), in order.
pub(crate) fn parse(text: &str, format: Format, code: &[Span]) -> Vec<Directive> {
    // In HTML a directive counts only in a real comment: not in a script, a style sheet, a
    // textarea or an attribute value that happens to hold `<!-- … -->`.
    let comments = (format == Format::Html).then(|| super::html::comment_ranges(text));
    let in_code = |offset: usize| {
        in_spans(code, offset)
            || comments
                .as_ref()
                .is_some_and(|comments| !comments.iter().any(|range| range.contains(&offset)))
    };
    let mut directives: Vec<Directive> = COMMENT
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            if in_code(whole.start()) {
                return None;
            }
            let keyword = caps.get(1)?.as_str();
            let body = caps.get(2).map_or("", |m| m.as_str());
            let kind = match keyword {
                "disable-next-line" => Kind::DisableNextLine,
                "disable" => Kind::Disable,
                "enable" => Kind::Enable,
                "disable-file" => Kind::DisableFile,
                _ => Kind::Unknown,
            };
            let (names, reason) = match body.split_once(" --") {
                Some((names, reason)) => (names, Some(reason.trim())),
                None => (body, None),
            };
            Some(Directive {
                kind,
                keyword: keyword.to_owned(),
                names: names
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned)
                    .collect(),
                reason: reason.filter(|r| !r.is_empty()).map(str::to_owned),
                span: Span {
                    start: whole.start(),
                    end: whole.end(),
                },
            })
        })
        .collect();
    if format == Format::Markdown {
        if let Some(unclosed) = unclosed_comment(text, &in_code) {
            directives.push(unclosed);
            directives.sort_by_key(|d| d.span.start);
        }
    }
    directives
}

/// Does a span of `spans` (disjoint, sorted by start) contain `offset`?
fn in_spans(spans: &[Span], offset: usize) -> bool {
    let after = spans.partition_point(|span| span.start <= offset);
    after > 0 && offset < spans[after - 1].end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Document;

    fn parse_directives(text: &str, format: Format) -> Vec<Directive> {
        Document::parse(text.to_owned(), format).directives()
    }

    #[test]
    fn next_line_directive_with_names_and_reason() {
        let text = "a\n<!-- overclaim-disable-next-line cure-claim, hype-word -- approved by legal 2026-11-02 -->\nb";
        let [directive] = &parse_directives(text, Format::Markdown)[..] else {
            panic!()
        };
        assert_eq!(directive.kind, Kind::DisableNextLine);
        assert_eq!(directive.names, ["cure-claim", "hype-word"]);
        assert_eq!(
            directive.reason.as_deref(),
            Some("approved by legal 2026-11-02")
        );
        assert_eq!(
            &text[directive.span.start..directive.span.end],
            &text[2..text.len() - 2]
        );
    }

    #[test]
    fn block_and_file_directives_without_names_cover_everything() {
        let directives = parse_directives(
            "<!-- overclaim-disable -->x<!-- overclaim-enable -->\n<!--overclaim-disable-file-->",
            Format::Markdown,
        );
        let kinds: Vec<Kind> = directives.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [Kind::Disable, Kind::Enable, Kind::DisableFile]);
        assert!(directives
            .iter()
            .all(|d| d.names.is_empty() && d.reason.is_none()));
        assert!(directives[0].covers("cure-claim", "cure"));
    }

    #[test]
    fn a_misspelt_directive_is_kept_as_unknown() {
        let [directive] =
            &parse_directives("<!-- overclaim-disabel-next-line -->", Format::Markdown)[..]
        else {
            panic!()
        };
        assert_eq!(directive.kind, Kind::Unknown);
        assert_eq!(directive.keyword, "disabel-next-line");
    }

    #[test]
    fn ordinary_comments_are_not_directives() {
        assert!(parse_directives(
            "<!-- TODO: overclaim check later --> <!-- disable -->",
            Format::Markdown
        )
        .is_empty());
    }

    #[test]
    fn covers_by_rule_or_category() {
        let [directive] =
            &parse_directives("<!-- overclaim-disable cure -->", Format::Markdown)[..]
        else {
            panic!()
        };
        assert!(directive.covers("cure-claim", "cure"));
        assert!(!directive.covers("hype-miracle", "hype-word"));
    }

    // See: issue 9 (a directive in a code sample disabled the whole file).
    #[test]
    fn directives_in_markdown_code_are_not_directives() {
        let text = "```\n<!-- overclaim-disable-file -->\n```\n\n    <!-- overclaim-disable -->\n\nUse `<!-- overclaim-enable -->`.\n\n<!-- overclaim-disable-next-line -->\n";
        let kinds: Vec<Kind> = parse_directives(text, Format::Markdown)
            .iter()
            .map(|d| d.kind)
            .collect();
        assert_eq!(kinds, [Kind::DisableNextLine]);
        assert_eq!(parse_directives(text, Format::Text).len(), 4);
    }

    #[test]
    fn an_unclosed_comment_is_kept_with_its_first_line() {
        let text = "Intro.\n\n<!-- draft: check this  \nOur shots cure arthritis.\n";
        let [directive] = &parse_directives(text, Format::Markdown)[..] else {
            panic!()
        };
        assert_eq!(directive.kind, Kind::Unclosed);
        assert_eq!(
            &text[directive.span.start..directive.span.end],
            "<!-- draft: check this"
        );
        assert!(parse_directives("Text <!-- a --> and `<!--` b", Format::Markdown).is_empty());
    }
}
