//! Remove the findings that inline directives approve, and report directives that approve
//! nothing.
//!
//! In: a file's text, its directives and its findings. Out: the findings that remain, the
//! suppressed ones with the reason their directive gave, and problems with the directives
//! themselves as findings of their own: `unused-suppression` (a directive that suppresses
//! nothing, like ruff's RUF100), `unknown-suppression` (a misspelt directive or a rule name it
//! does not know), `unclosed-comment` (a `<!--` never closed, which would hide the rest of a
//! Markdown file) and, when the configuration requires reasons, `suppression-without-reason`.
//! They are rules like any other to users ([`META_RULES`]): `explain` shows them, `--ignore`
//! takes them, SARIF describes them. Suppressed findings are never lost: reports list them
//! with `--show-suppressed`, and JSON always carries them.

use crate::engine::Finding;
use crate::error::Lines;
use crate::rules::{RuleSet, Severity};
use crate::source::{Directive, DirectiveKind, Span};

/// Category of the findings this module reports about directives.
pub const CATEGORY: &str = "suppression";

/// A finding this module reports about the directives themselves, described like a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MetaRule {
    /// The rule id findings carry.
    pub id: &'static str,
    /// Severity of its findings.
    pub severity: Severity,
    /// One line: what it reports.
    pub summary: &'static str,
    /// What is wrong and what to do, for `explain` and SARIF help.
    pub why: &'static str,
}

/// Every finding about directives, in the order `explain` and SARIF list them.
pub const META_RULES: &[MetaRule] = &[
    MetaRule {
        id: "unused-suppression",
        severity: Severity::Warning,
        summary: "A suppression directive suppresses nothing.",
        why: "A suppression directive suppresses nothing. The claim it approved was edited or removed, or the directive names a rule that does not fire on the line it covers. A stale directive would silently approve the next claim written there, without anyone reviewing it: remove it, or move it to the claim it is meant for.",
    },
    MetaRule {
        id: "unknown-suppression",
        severity: Severity::Warning,
        summary: "A directive, or a rule or category it names, does not exist.",
        why: "A directive is misspelt (`overclaim-disable-nextline`), or names a rule id or category that no loaded pack has (`cure-clam`). It suppresses nothing, so the finding it was meant to approve is still reported, or the approval is lost. Fix the spelling: `overclaim rules` lists the ids and categories, and the message suggests the nearest one.",
    },
    MetaRule {
        id: "suppression-without-reason",
        severity: Severity::Error,
        summary: "A suppression gives no reason, and the configuration requires one.",
        why: "With `require-reason = true`, every suppression must record who approved the claim and why, after ` -- `: `<!-- overclaim-disable-next-line cure-claim -- approved by legal 2026-11-02 -->`. The directive still suppresses, but the run fails until the reason is written down.",
    },
    MetaRule {
        id: "unclosed-comment",
        severity: Severity::Warning,
        summary: "An HTML comment is opened with `<!--` and never closed.",
        why: "An HTML comment is opened with `<!--` and never closed with `-->`. In Markdown the comment then runs to the end of the file, and a browser hides everything after it, so the published page may lose text and a directive in it may not be read as intended. overclaim checks the text after the comment's first line as if the comment were closed there: close the comment where it is meant to end.",
    },
];

/// The directive finding `id`, if it is one.
pub fn meta_rule(id: &str) -> Option<&'static MetaRule> {
    META_RULES.iter().find(|rule| rule.id == id)
}

/// Whether `name` is a directive finding's id or their category.
pub fn knows(name: &str) -> bool {
    name == CATEGORY || meta_rule(name).is_some()
}

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
/// writes down why. Names in directives are checked against `rules` (every loaded rule, also
/// those the configuration turned off) and the directive findings' own names.
pub fn apply(
    text: &str,
    directives: &[Directive],
    findings: Vec<Finding>,
    require_reason: bool,
    rules: &RuleSet,
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
    let covering: Vec<Option<usize>> = findings
        .iter()
        .map(|finding| {
            directives
                .iter()
                .zip(&scopes)
                .position(|(directive, scope)| {
                    scope.is_some_and(|scope| scope.contains(finding.span.start, &line_of))
                        && directive.covers(&finding.rule, &finding.category)
                })
        })
        .collect();
    if covering.iter().all(Option::is_none) {
        // Nothing suppressed (the usual case): a large file's findings are not copied.
        out.findings = findings;
    } else {
        for (finding, covering) in findings.into_iter().zip(covering) {
            match covering {
                Some(index) => {
                    used[index] = true;
                    out.suppressed.push(Suppressed {
                        reason: directives[index].reason.clone(),
                        directive: directives[index].span,
                        finding,
                    });
                }
                None => out.findings.push(finding),
            }
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
        if directive.kind == DirectiveKind::Unclosed {
            out.findings.push(problem(
                "unclosed-comment",
                Severity::Warning,
                directive,
                comment,
                "this comment is never closed with `-->`: a browser hides everything after it; the rest of the file is checked as if it were closed at the end of this line".to_owned(),
            ));
            continue;
        }
        let unknown: Vec<&String> = directive
            .names
            .iter()
            .filter(|name| !rules.knows(name) && !knows(name))
            .collect();
        for name in &unknown {
            out.findings.push(problem(
                "unknown-suppression",
                Severity::Warning,
                directive,
                comment,
                format!(
                    "`overclaim-{}` names an unknown rule or category `{name}`{}",
                    directive.keyword,
                    crate::config::did_you_mean(name, rules)
                ),
            ));
        }
        if directive.kind == DirectiveKind::Enable {
            continue;
        }
        // A directive whose every name is unknown is reported as unknown, not also as unused.
        let all_unknown = !directive.names.is_empty() && unknown.len() == directive.names.len();
        if !used[index] && !all_unknown {
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
        DirectiveKind::Enable | DirectiveKind::Unknown | DirectiveKind::Unclosed => None,
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
        sentence_text: comment.into(),
        message,
        suggestions: Vec::new(),
        fix: None,
        softened_by: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Document, Format};

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
            sentence_text: needle.into(),
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
        static RULES: std::sync::LazyLock<RuleSet> = std::sync::LazyLock::new(RuleSet::builtin);
        apply(
            text,
            &Document::parse(text.to_owned(), Format::Markdown).directives(),
            findings,
            require_reason,
            &RULES,
        )
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

    // See: issue 9 (a misspelt rule id was reported as an unused suppression).
    #[test]
    fn misspelt_rule_name_is_unknown_with_a_suggestion_not_unused() {
        let text = "<!-- overclaim-disable-next-line cure-clam -->\nPRP cures arthritis.\n";
        let out = run(text, &[("cures arthritis", "cure-claim", "cure")], false);
        assert_eq!(rules(&out.findings), ["unknown-suppression", "cure-claim"]);
        assert!(
            out.findings[0]
                .message
                .ends_with("unknown rule or category `cure-clam` (did you mean `cure-claim`?)"),
            "{}",
            out.findings[0].message
        );
        let named =
            "<!-- overclaim-disable-next-line unused-suppression -->\nPRP cures arthritis.\n";
        let out = run(named, &[("cures arthritis", "cure-claim", "cure")], false);
        assert_eq!(rules(&out.findings), ["unused-suppression", "cure-claim"]);
    }

    #[test]
    fn unclosed_comment_is_reported() {
        let text = "Intro.\n\n<!-- draft\nPRP cures arthritis.\n";
        let out = run(text, &[("cures arthritis", "cure-claim", "cure")], false);
        assert_eq!(rules(&out.findings), ["unclosed-comment", "cure-claim"]);
    }
}
