//! Remove the findings that inline directives approve, and report directives that approve
//! nothing.
//!
//! In: a file's text, its directives and its findings. Out: the findings that remain, the
//! suppressed ones with the reason their directive gave, and problems with the directives
//! themselves as findings of their own: `unused-suppression` (a directive that suppresses
//! nothing, like ruff's RUF100), `unknown-suppression` (a misspelt directive) and, when the
//! configuration requires reasons, `suppression-without-reason`. Suppressed findings are never
//! lost: reports list them with `--show-suppressed`, and JSON always carries them.

use crate::engine::Finding;
use crate::error::Lines;
use crate::rules::Severity;
use crate::source::{Directive, DirectiveKind, Span};

/// Category of the findings this module reports about directives.
pub const CATEGORY: &str = "suppression";

/// A finding that a directive approved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppressed {
    /// The finding as the engine reported it.
    pub finding: Finding,
    /// The directive's reason, if it gave one.
    pub reason: Option<String>,
    /// Where the directive is.
    pub directive: Span,
}

/// What [`apply`] decided for one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppression {
    /// Findings no directive covers, plus findings about the directives.
    pub findings: Vec<Finding>,
    /// Findings a directive covers.
    pub suppressed: Vec<Suppressed>,
}

/// Apply `directives` to `findings` in `text`. With `require_reason`, a directive with no
/// reason still suppresses, but is itself reported as an error so CI fails until someone
/// writes down why.
pub fn apply(
    text: &str,
    directives: &[Directive],
    findings: Vec<Finding>,
    require_reason: bool,
) -> Suppression {
    let lines = Lines::new(text);
    let line_of = |offset: usize| lines.location(text, offset).0;
    let scopes: Vec<Option<Scope>> = directives
        .iter()
        .enumerate()
        .map(|(index, directive)| scope(text, directives, index, directive, &line_of))
        .collect();
    let mut used = vec![false; directives.len()];
    let mut out = Suppression::default();
    for finding in findings {
        let covering = directives.iter().enumerate().find(|(index, directive)| {
            scopes[*index].is_some_and(|scope| scope.contains(finding.span.start, &line_of))
                && directive.covers(&finding.rule, &finding.category)
        });
        match covering {
            Some((index, directive)) => {
                used[index] = true;
                out.suppressed.push(Suppressed {
                    reason: directive.reason.clone(),
                    directive: directive.span,
                    finding,
                });
            }
            None => out.findings.push(finding),
        }
    }
    for (index, directive) in directives.iter().enumerate() {
        let comment = &text[directive.span.start..directive.span.end];
        if directive.kind == DirectiveKind::Unknown {
            out.findings.push(problem(
                "unknown-suppression",
                Severity::Warning,
                directive,
                comment,
                format!(
                    "`overclaim-{}` is not a directive (use disable-next-line, disable, enable or disable-file)",
                    directive.keyword
                ),
            ));
            continue;
        }
        if directive.kind == DirectiveKind::Enable {
            continue;
        }
        if !used[index] {
            let names = if directive.names.is_empty() {
                "any rule".to_owned()
            } else {
                directive.names.join(", ")
            };
            out.findings.push(problem(
                "unused-suppression",
                Severity::Warning,
                directive,
                comment,
                format!(
                    "`overclaim-{}` suppresses nothing here ({names}): remove it",
                    directive.keyword
                ),
            ));
        }
        if require_reason && directive.reason.is_none() {
            out.findings.push(problem(
                "suppression-without-reason",
                Severity::Error,
                directive,
                comment,
                "this suppression gives no reason: add ` -- who approved it and why` before `-->`"
                    .to_owned(),
            ));
        }
    }
    out.findings
        .sort_by(|a, b| (a.span, &a.rule).cmp(&(b.span, &b.rule)));
    out
}

/// The part of the file a directive applies to.
#[derive(Debug, Clone, Copy)]
enum Scope {
    /// One line (1-based).
    Line(usize),
    /// Bytes from..to.
    Bytes(usize, usize),
}

impl Scope {
    fn contains(self, offset: usize, line_of: &impl Fn(usize) -> usize) -> bool {
        match self {
            Scope::Line(line) => line_of(offset) == line,
            Scope::Bytes(from, to) => (from..to).contains(&offset),
        }
    }
}

fn scope(
    text: &str,
    directives: &[Directive],
    index: usize,
    directive: &Directive,
    line_of: &impl Fn(usize) -> usize,
) -> Option<Scope> {
    match directive.kind {
        DirectiveKind::DisableNextLine => {
            // The first line after the comment that has any text.
            let after = &text[directive.span.end..];
            // A lone `\r` (classic Mac) ends a line too; `\r\n` is skipped as whitespace below.
            let newline = after.find(['\n', '\r'])?;
            let rest = &after[newline + 1..];
            let skipped = rest.len() - rest.trim_start().len();
            let target = directive.span.end + newline + 1 + skipped;
            (target < text.len()).then(|| Scope::Line(line_of(target)))
        }
        DirectiveKind::Disable => {
            let end = directives[index + 1..]
                .iter()
                .find(|other| {
                    other.kind == DirectiveKind::Enable
                        && (other.names.is_empty()
                            || other.names.iter().any(|n| directive.names.contains(n)))
                })
                .map_or(text.len(), |enable| enable.span.start);
            Some(Scope::Bytes(directive.span.end, end))
        }
        DirectiveKind::DisableFile => Some(Scope::Bytes(0, text.len())),
        DirectiveKind::Enable | DirectiveKind::Unknown => None,
    }
}

fn problem(
    rule: &str,
    severity: Severity,
    directive: &Directive,
    comment: &str,
    message: String,
) -> Finding {
    Finding {
        rule: rule.to_owned(),
        category: CATEGORY.to_owned(),
        severity,
        span: directive.span,
        sentence: directive.span,
        matched: comment.to_owned(),
        sentence_text: comment.to_owned(),
        message,
        suggestions: Vec::new(),
        fix: None,
        softened_by: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse_directives;

    fn finding(text: &str, needle: &str, rule: &str, category: &str) -> Finding {
        let start = text.find(needle).expect("needle in text");
        let span = Span {
            start,
            end: start + needle.len(),
        };
        Finding {
            rule: rule.to_owned(),
            category: category.to_owned(),
            severity: Severity::Error,
            span,
            sentence: span,
            matched: needle.to_owned(),
            sentence_text: needle.to_owned(),
            message: String::new(),
            suggestions: Vec::new(),
            fix: None,
            softened_by: Vec::new(),
        }
    }

    fn run(text: &str, findings: &[(&str, &str, &str)], require_reason: bool) -> Suppression {
        let findings = findings
            .iter()
            .map(|(n, r, c)| finding(text, n, r, c))
            .collect();
        apply(text, &parse_directives(text), findings, require_reason)
    }

    fn rules(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.rule.as_str()).collect()
    }

    #[test]
    fn next_line_directive_suppresses_only_the_next_line_with_its_reason() {
        let text = "<!-- overclaim-disable-next-line cure-claim -- approved by legal -->\n\nPRP cures arthritis.\nPRP cures gout.\n";
        let out = run(
            text,
            &[
                ("cures arthritis", "cure-claim", "cure"),
                ("cures gout", "cure-claim", "cure"),
            ],
            false,
        );
        assert_eq!(out.suppressed.len(), 1);
        assert_eq!(out.suppressed[0].finding.matched, "cures arthritis");
        assert_eq!(
            out.suppressed[0].reason.as_deref(),
            Some("approved by legal")
        );
        assert_eq!(rules(&out.findings), ["cure-claim"]);
    }

    #[test]
    fn block_directive_by_category_ends_at_enable() {
        let text = "<!-- overclaim-disable cure -->\nPRP cures arthritis. A miracle shot.\n<!-- overclaim-enable -->\nPRP cures gout.\n";
        let out = run(
            text,
            &[
                ("cures arthritis", "cure-claim", "cure"),
                ("miracle shot", "hype-miracle", "hype-word"),
                ("cures gout", "cure-claim", "cure"),
            ],
            false,
        );
        assert_eq!(
            rules(
                &out.suppressed
                    .iter()
                    .map(|s| s.finding.clone())
                    .collect::<Vec<_>>()
            ),
            ["cure-claim"]
        );
        assert_eq!(rules(&out.findings), ["hype-miracle", "cure-claim"]);
    }

    #[test]
    fn file_directive_covers_everything() {
        let text = "PRP cures arthritis.\n<!-- overclaim-disable-file -- archived page -->\n";
        let out = run(text, &[("cures arthritis", "cure-claim", "cure")], false);
        assert!(out.findings.is_empty());
        assert_eq!(out.suppressed.len(), 1);
    }

    #[test]
    fn unused_directive_is_reported() {
        let text = "<!-- overclaim-disable-next-line hype-word -->\nPRP cures arthritis.\n";
        let out = run(text, &[("cures arthritis", "cure-claim", "cure")], false);
        assert_eq!(rules(&out.findings), ["unused-suppression", "cure-claim"]);
        assert!(
            out.findings[0]
                .message
                .contains("suppresses nothing here (hype-word)"),
            "{}",
            out.findings[0].message
        );
    }

    #[test]
    fn required_reason_missing_is_an_error_but_still_suppresses() {
        let text = "<!-- overclaim-disable-next-line -->\nPRP cures arthritis.\n";
        let out = run(text, &[("cures arthritis", "cure-claim", "cure")], true);
        assert_eq!(out.suppressed.len(), 1);
        assert_eq!(rules(&out.findings), ["suppression-without-reason"]);
        assert_eq!(out.findings[0].severity, Severity::Error);
        let with_reason = run(
            "<!-- overclaim-disable-next-line -- ok per Dr. Lee -->\nPRP cures arthritis.\n",
            &[("cures arthritis", "cure-claim", "cure")],
            true,
        );
        assert!(with_reason.findings.is_empty());
    }

    #[test]
    fn misspelt_directive_is_reported_and_suppresses_nothing() {
        let text = "<!-- overclaim-disable-nextline -->\nPRP cures arthritis.\n";
        let out = run(text, &[("cures arthritis", "cure-claim", "cure")], false);
        assert_eq!(rules(&out.findings), ["unknown-suppression", "cure-claim"]);
    }
}
