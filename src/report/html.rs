//! `--format html`: one self-contained page a compliance reviewer can read and sign off.
//!
//! In: a [`Report`]. Out: an HTML5 document with inline CSS and a few lines of inline JS, and
//! nothing fetched from the network. From top to bottom: a summary (files, findings by
//! severity, findings by category as CSS bars), severity and category filters (checkboxes,
//! shown only when JS runs: with JS off the page is complete, just unfiltered), then each
//! document with its prose blocks as plain text and every finding highlighted in place by a
//! `<mark class="hl sev-…" data-severity data-category data-rule data-finding>`. Hovering or
//! focusing a highlight shows a card with the rule id, the message, the rule's `why` with its
//! references as links, and the suggested wording; the same details are listed under each
//! document. Suppressed findings are highlighted in grey (`class="hl suppressed"`) with the
//! directive's reason. The footer gives the pack version, a hash of the built-in rule files'
//! bytes, the SARIF `rulesHash` of the loaded rules, the date (UTC; `SOURCE_DATE_EPOCH` when
//! set, for reproducible builds) and the command line.
//!
//! Every piece of document text goes through [`escape`]; no document text ever reaches the
//! script. A highlight split by another finding's boundary is several `<mark>`s with the same
//! `data-finding`, so count distinct values, not elements.
//!
//! The prose is re-read from each file's text with [`Document::parse`], the same parse the
//! engine saw, so highlights sit exactly where the findings are. Findings outside every prose
//! block (a directive problem points at the comment) are listed under "Not in prose".

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;

use codespan_reporting::term::termcolor::WriteColor;

use super::{FileReport, Report};
use crate::engine::Finding;
use crate::error::Lines;
use crate::rules::{RuleSet, Severity};
use crate::source::{BlockKind, Document, ProseBlock, Span, TextRange};

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

const STYLE: &str = r#"
:root { --error:#b31d28; --error-bg:#ffdce0; --warning:#8a6100; --warning-bg:#fff1c2;
  --info:#0b5cad; --info-bg:#dbedff; --muted:#6a737d; --line:#e1e4e8; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color:#24292e;
  margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 0; word-break: break-all; }
.muted { color: var(--muted); }
.summary { display: grid; grid-template-columns: 260px 1fr; gap: 24px; border: 1px solid var(--line);
  border-radius: 8px; padding: 16px; margin: 16px 0; }
.totals div { display: flex; justify-content: space-between; padding: 2px 0; }
.totals .n { font-weight: 600; font-variant-numeric: tabular-nums; }
.chip { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.chip.sev-error { background: var(--error); } .chip.sev-warning { background: var(--warning); }
.chip.sev-info { background: var(--info); } .chip.suppressed { background: #d1d5da; }
.bars { margin: 0; padding: 0; list-style: none; }
.bars li { display: grid; grid-template-columns: 190px 1fr 32px; align-items: center; gap: 8px; font-size: 13px; }
.bar { height: 12px; background: #f6f8fa; border-radius: 3px; overflow: hidden; }
.bar span { display: block; height: 100%; background: #6f42c1; }
.bars .n { text-align: right; font-variant-numeric: tabular-nums; }
#filters { border: 1px solid var(--line); border-radius: 8px; padding: 8px 16px; margin-bottom: 16px; font-size: 13px; }
#filters fieldset { border: 0; padding: 4px 0; margin: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
#filters legend { font-weight: 600; padding: 0; margin-right: 8px; float: left; }
.doc { border: 1px solid var(--line); border-radius: 8px; margin: 16px 0; }
.doc > header { display: flex; justify-content: space-between; gap: 12px; align-items: baseline;
  padding: 10px 16px; background: #f6f8fa; border-bottom: 1px solid var(--line); border-radius: 8px 8px 0 0; }
.blocks { padding: 8px 16px; }
.block { display: grid; grid-template-columns: 64px 1fr; gap: 8px; padding: 3px 0; }
.block .where { color: var(--muted); font-size: 12px; text-align: right; padding-top: 2px; font-variant-numeric: tabular-nums; }
.block .kind { display: block; font-size: 10px; text-transform: uppercase; letter-spacing: .04em; }
.block p { margin: 0; }
.block.heading p { font-weight: 600; }
mark.hl { position: relative; border-radius: 3px; padding: 0 1px; color: inherit; cursor: help; }
mark.sev-error { background: var(--error-bg); box-shadow: inset 0 -2px var(--error); }
mark.sev-warning { background: var(--warning-bg); box-shadow: inset 0 -2px var(--warning); }
mark.sev-info { background: var(--info-bg); box-shadow: inset 0 -2px var(--info); }
mark.suppressed { background: #f0f0f0; box-shadow: inset 0 -2px #c7c7c7; color: var(--muted); }
.card { display: none; position: absolute; z-index: 10; left: 0; top: 1.6em; width: 420px; max-width: 80vw;
  background: #fff; color: #24292e; border: 1px solid #d1d5da; border-radius: 6px; padding: 10px 12px;
  box-shadow: 0 8px 24px rgba(0,0,0,.15); font-size: 13px; font-weight: 400; line-height: 1.45; }
mark.hl:hover > .card, mark.hl:focus > .card, mark.hl:focus-within > .card { display: block; }
.card b, .item b { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.ln { display: block; margin: 4px 0; }
.findings { margin: 0; padding: 8px 16px 12px; border-top: 1px solid var(--line); list-style: none; }
.item { padding: 6px 0; border-bottom: 1px dashed var(--line); font-size: 13px; }
.item:last-child { border-bottom: 0; }
.item.suppressed { color: var(--muted); }
.tag { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; }
.tag.sev-error { background: var(--error-bg); color: var(--error); }
.tag.sev-warning { background: var(--warning-bg); color: var(--warning); }
.tag.sev-info { background: var(--info-bg); color: var(--info); }
.tag.suppressed { background: #f0f0f0; color: var(--muted); }
.refs { margin: 2px 0 0; padding-left: 18px; } .refs a { word-break: break-all; }
footer { margin-top: 24px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; }
footer code { word-break: break-all; }
.errors { border: 1px solid var(--error); background: #fff5f5; border-radius: 8px; padding: 8px 16px; }
"#;

const SCRIPT: &str = r#"
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  form.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.dataset || !box.dataset.filter) return;
    var hide = !box.checked;
    var selector = '[data-' + box.dataset.filter + '="' + box.value + '"]';
    document.querySelectorAll(selector).forEach(function (el) {
      var key = 'hidden-by-' + box.dataset.filter;
      if (hide) { el.classList.add(key); } else { el.classList.remove(key); }
    });
  });
})();
"#;

/// Styles that make filtered-out items disappear (added by the script only).
const FILTER_STYLE: &str = r#"
li.hidden-by-severity, li.hidden-by-category { display: none; }
mark.hidden-by-severity, mark.hidden-by-category { background: none; box-shadow: none; cursor: auto; }
mark.hidden-by-severity > .card, mark.hidden-by-category > .card { display: none !important; }
"#;

/// A finding or a suppressed finding, as one highlight.
struct Item<'a> {
    /// Number on the page (`data-finding`), unique across the report.
    id: usize,
    finding: &'a Finding,
    /// `Some(reason)` for a suppressed finding (reason may be empty).
    suppressed: Option<&'a str>,
}

pub(super) fn render(report: &Report<'_>, out: &mut dyn WriteColor) -> io::Result<()> {
    let mut page = String::with_capacity(64 * 1024);
    let summary = report.summary;
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str("<title>overclaim report</title>\n<style>");
    page.push_str(STYLE);
    page.push_str(FILTER_STYLE);
    page.push_str("</style>\n</head>\n<body>\n");
    let _ = writeln!(
        page,
        "<h1>overclaim report</h1>\n<p class=\"muted\">{} checked, {} with findings.</p>",
        super::plural(summary.files, "file"),
        summary.files_with_findings
    );

    // Summary: totals by severity, bars by category.
    let mut by_category: BTreeMap<&str, usize> = BTreeMap::new();
    for file in report.files {
        for finding in &file.findings {
            *by_category.entry(finding.category.as_str()).or_default() += 1;
        }
    }
    page.push_str("<section class=\"summary\" id=\"summary\">\n<div class=\"totals\">\n");
    let _ = writeln!(
        page,
        "<div><span>Files</span><span class=\"n\" id=\"count-files\" data-count=\"{0}\">{0}</span></div>",
        summary.files
    );
    let _ = writeln!(
        page,
        "<div><span>Findings</span><span class=\"n\" id=\"count-findings\" data-count=\"{0}\">{0}</span></div>",
        summary.findings
    );
    for (severity, count) in [
        (Severity::Error, summary.error),
        (Severity::Warning, summary.warning),
        (Severity::Info, summary.info),
    ] {
        let name = severity.as_str();
        let _ = writeln!(
            page,
            "<div><span><i class=\"chip sev-{name}\"></i>{name}</span><span class=\"n\" id=\"count-{name}\" data-count=\"{count}\">{count}</span></div>"
        );
    }
    let _ = writeln!(
        page,
        "<div><span><i class=\"chip suppressed\"></i>suppressed</span><span class=\"n\" id=\"count-suppressed\" data-count=\"{0}\">{0}</span></div>",
        summary.suppressed
    );
    if report.baselined > 0 {
        let _ = writeln!(
            page,
            "<div><span>hidden by baseline</span><span class=\"n\">{}</span></div>",
            report.baselined
        );
    }
    page.push_str("</div>\n<div>\n<ul class=\"bars\" id=\"by-category\">\n");
    let most = by_category.values().copied().max().unwrap_or(0).max(1);
    let mut categories: Vec<(&str, usize)> = by_category.iter().map(|(c, n)| (*c, *n)).collect();
    categories.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (category, count) in &categories {
        let width = count * 100 / most;
        let _ = writeln!(
            page,
            "<li data-category=\"{c}\"><span>{c}</span><span class=\"bar\"><span style=\"width:{width}%\"></span></span><span class=\"n\" data-count=\"{count}\">{count}</span></li>",
            c = escape(category)
        );
    }
    if categories.is_empty() {
        page.push_str("<li><span class=\"muted\">No findings.</span></li>\n");
    }
    page.push_str("</ul>\n</div>\n</section>\n");

    // Filters: hidden until the script shows them.
    page.push_str("<form id=\"filters\" hidden>\n<fieldset><legend>Severity</legend>\n");
    for severity in SEVERITIES {
        let name = severity.as_str();
        let _ = writeln!(
            page,
            "<label><input type=\"checkbox\" data-filter=\"severity\" value=\"{name}\" checked> <i class=\"chip sev-{name}\"></i>{name}</label>"
        );
    }
    page.push_str("</fieldset>\n<fieldset><legend>Category</legend>\n");
    let mut all_categories: Vec<&str> = report
        .files
        .iter()
        .flat_map(|f| {
            f.findings
                .iter()
                .chain(f.suppressed.iter().map(|s| &s.finding))
        })
        .map(|f| f.category.as_str())
        .collect();
    all_categories.sort_unstable();
    all_categories.dedup();
    for category in all_categories {
        let _ = writeln!(
            page,
            "<label><input type=\"checkbox\" data-filter=\"category\" value=\"{c}\" checked> {c}</label>",
            c = escape(category)
        );
    }
    page.push_str("</fieldset>\n</form>\n");

    if !report.errors.is_empty() {
        page.push_str("<section class=\"errors\" id=\"errors\">\n<h2>Errors</h2>\n<ul>\n");
        for error in report.errors {
            let _ = writeln!(
                page,
                "<li>{}{}</li>",
                error
                    .path()
                    .map(|p| format!("<b>{}</b>: ", escape(p)))
                    .unwrap_or_default(),
                escape(&error.message())
            );
        }
        page.push_str("</ul>\n</section>\n");
    }

    let mut next_id = 0;
    for file in report.files {
        render_file(&mut page, file, report.rules, &mut next_id);
    }

    page.push_str("<footer>\n");
    let _ = writeln!(
        page,
        "<p>overclaim {version} · built-in rule pack {version}, files hash <code id=\"pack-hash\">{pack}</code> · loaded rules hash <code id=\"rules-hash\">{rules}</code> ({count} rules)</p>",
        version = env!("CARGO_PKG_VERSION"),
        pack = builtin_pack_hash(),
        rules = super::sarif::rules_hash(report.rules),
        count = report.rules.rules().len(),
    );
    let _ = writeln!(
        page,
        "<p>Generated <time id=\"generated\">{}</time> by <code id=\"command\">{}</code></p>",
        escape(&generated_at()),
        escape(&command_line())
    );
    page.push_str("</footer>\n<script>");
    page.push_str(SCRIPT);
    page.push_str("</script>\n</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

/// One document: its prose with highlights, then the list of its findings.
fn render_file(page: &mut String, file: &FileReport, rules: &RuleSet, next_id: &mut usize) {
    let lines = Lines::new(&file.text);
    let mut items: Vec<Item<'_>> = Vec::new();
    for finding in &file.findings {
        items.push(Item {
            id: 0,
            finding,
            suppressed: None,
        });
    }
    for suppressed in &file.suppressed {
        items.push(Item {
            id: 0,
            finding: &suppressed.finding,
            suppressed: Some(suppressed.reason.as_deref().unwrap_or("")),
        });
    }
    items.sort_by_key(|item| (item.finding.span, item.suppressed.is_some()));
    for item in &mut items {
        *next_id += 1;
        item.id = *next_id;
    }
    let _ = writeln!(
        page,
        "<section class=\"doc\" data-path=\"{path}\">\n<header><h2>{path}</h2><span class=\"muted\">{n} · {s} suppressed</span></header>",
        path = escape(&file.path),
        n = super::plural(file.findings.len(), "finding"),
        s = file.suppressed.len()
    );
    let doc = Document::parse(file.text.to_string(), file.format);
    let mut placed = vec![false; items.len()];
    page.push_str("<div class=\"blocks\">\n");
    for block in &doc.blocks {
        let whole = block.map.covering(TextRange {
            start: 0,
            end: block.plain.len(),
        });
        let inside: Vec<usize> = (0..items.len())
            .filter(|&i| {
                let span = items[i].finding.span;
                !placed[i] && span.start >= whole.start && span.end <= whole.end
            })
            .collect();
        // Blocks without findings are shown too: the reviewer reads the whole text.
        let (line, _) = lines.location(&file.text, whole.start);
        let (cls, kind) = kind_label(block.kind);
        let _ = write!(
            page,
            "<div class=\"block {cls}\"><span class=\"where\">{line}<span class=\"kind\">{kind}</span></span><p>",
        );
        render_block(page, block, &items, &inside, rules);
        page.push_str("</p></div>\n");
        for i in inside {
            placed[i] = true;
        }
    }
    if doc.blocks.is_empty() {
        page.push_str("<p class=\"muted\">No prose.</p>\n");
    }
    page.push_str("</div>\n");
    if !items.is_empty() {
        page.push_str("<ol class=\"findings\">\n");
        for (i, item) in items.iter().enumerate() {
            let (line, column) = lines.location(&file.text, item.finding.span.start);
            let unplaced = if placed[i] { "" } else { " unplaced" };
            let _ = write!(
                page,
                "<li id=\"finding-{id}\" class=\"item{sup}{unplaced}\" data-severity=\"{sev}\" data-category=\"{cat}\" data-rule=\"{rule}\"><a href=\"#mark-{id}\">{line}:{column}</a> ",
                id = item.id,
                sup = if item.suppressed.is_some() { " suppressed" } else { "" },
                sev = item.finding.severity.as_str(),
                cat = escape(&item.finding.category),
                rule = escape(&item.finding.rule),
            );
            if !placed[i] {
                page.push_str("<span class=\"muted\">(not in prose)</span> ");
            }
            details(page, item, rules);
            page.push_str("</li>\n");
        }
        page.push_str("</ol>\n");
    }
    page.push_str("</section>\n");
}

/// A CSS class and a short label for a block kind.
fn kind_label(kind: BlockKind) -> (&'static str, &'static str) {
    match kind {
        BlockKind::Paragraph => ("paragraph", "text"),
        BlockKind::Heading => ("heading", "heading"),
        BlockKind::ListItem => ("list-item", "list"),
        BlockKind::TableCell => ("table-cell", "table"),
        BlockKind::ImageAlt => ("image-alt", "alt"),
        BlockKind::BlockQuote => ("block-quote", "quote"),
        BlockKind::FrontMatter => ("front-matter", "front matter"),
        BlockKind::Title => ("heading", "title"),
        BlockKind::Meta => ("meta", "meta"),
        BlockKind::Attribute => ("attribute", "attribute"),
        BlockKind::StructuredData => ("structured-data", "JSON-LD"),
    }
}

/// The block's plain text with the highlights of `inside` (indexes into `items`).
fn render_block(
    page: &mut String,
    block: &ProseBlock,
    items: &[Item<'_>],
    inside: &[usize],
    rules: &RuleSet,
) {
    let plain = &block.plain;
    // Each char's source range, to find the plain text a source span covers.
    let chars: Vec<(usize, usize, Span)> = plain
        .char_indices()
        .map(|(i, c)| {
            let end = i + c.len_utf8();
            (i, end, block.map.covering(TextRange { start: i, end }))
        })
        .collect();
    let ranges: Vec<(usize, TextRange)> = inside
        .iter()
        .filter_map(|&index| {
            let span = items[index].finding.span;
            let mut covered = chars
                .iter()
                .filter(|(_, _, src)| src.start < span.end && src.end > span.start);
            let first = covered.next()?;
            let last = covered.next_back().unwrap_or(first);
            Some((
                index,
                TextRange {
                    start: first.0,
                    end: last.1,
                },
            ))
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, plain.len()];
    for (_, range) in &ranges {
        cuts.push(range.start);
        cuts.push(range.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut carded = vec![false; items.len()];
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let Some(text) = plain.get(start..end) else {
            continue;
        };
        let active: Vec<usize> = ranges
            .iter()
            .filter(|(_, r)| r.start <= start && end <= r.end)
            .map(|(index, _)| *index)
            .collect();
        for &index in &active {
            let item = &items[index];
            let first = !carded[index];
            let _ = write!(
                page,
                "<mark class=\"hl {cls}\"{id} tabindex=\"0\" data-finding=\"{n}\" data-severity=\"{sev}\" data-category=\"{cat}\" data-rule=\"{rule}\"{sup}>",
                cls = if item.suppressed.is_some() {
                    "suppressed".to_owned()
                } else {
                    format!("sev-{}", item.finding.severity.as_str())
                },
                id = if first { format!(" id=\"mark-{}\"", item.id) } else { String::new() },
                n = item.id,
                sev = item.finding.severity.as_str(),
                cat = escape(&item.finding.category),
                rule = escape(&item.finding.rule),
                sup = if item.suppressed.is_some() { " data-suppressed=\"true\"" } else { "" },
            );
        }
        page.push_str(&escape(text));
        for &index in active.iter().rev() {
            if !carded[index] {
                carded[index] = true;
                page.push_str("<span class=\"card\" role=\"tooltip\">");
                details(page, &items[index], rules);
                page.push_str("</span>");
            }
            page.push_str("</mark>");
        }
    }
}

/// Rule id, severity, message, why with references, suggestions and reason of one item.
fn details(page: &mut String, item: &Item<'_>, rules: &RuleSet) {
    let finding = item.finding;
    let (tag_class, tag) = match item.suppressed {
        Some(_) => ("suppressed".to_owned(), "suppressed"),
        None => (
            format!("sev-{}", finding.severity.as_str()),
            finding.severity.as_str(),
        ),
    };
    let _ = write!(
        page,
        "<span class=\"tag {tag_class}\">{tag}</span> <b>{}</b> <span class=\"muted\">{}</span>",
        escape(&finding.rule),
        escape(&finding.category)
    );
    let _ = write!(
        page,
        "<span class=\"ln\">{}</span>",
        escape(&finding.message)
    );
    if let Some(reason) = item.suppressed {
        let reason = if reason.is_empty() {
            "no reason given"
        } else {
            reason
        };
        let _ = write!(
            page,
            "<span class=\"ln\"><i>Suppressed: {}</i></span>",
            escape(reason)
        );
    }
    if let Some(rule) = rules.get(&finding.rule) {
        let why = rule.why.split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = write!(page, "<span class=\"ln\">{}</span>", escape(&why));
        if !rule.references.is_empty() {
            page.push_str("<span class=\"refs\">");
            for (n, reference) in rule.references.iter().enumerate() {
                let href = if reference.starts_with("https://") || reference.starts_with("http://")
                {
                    escape(reference)
                } else {
                    "#".to_owned()
                };
                let _ = write!(
                    page,
                    "{sep}<a href=\"{href}\" rel=\"noreferrer noopener\" target=\"_blank\">{}</a>",
                    escape(reference),
                    sep = if n == 0 { "" } else { " · " }
                );
            }
            page.push_str("</span>");
        }
    }
    let suggestions: Vec<&str> = finding
        .fix
        .as_ref()
        .map(|fix| fix.replacement.as_str())
        .into_iter()
        .chain(finding.suggestions.iter().map(String::as_str))
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    for suggestion in suggestions {
        if seen.contains(&suggestion) {
            continue;
        }
        seen.push(suggestion);
        let _ = write!(
            page,
            "<span class=\"ln\">Instead: “{}”</span>",
            escape(suggestion)
        );
    }
}

/// `text` safe in HTML text and in double- or single-quoted attribute values: the encoding
/// `--fix` uses for attribute values.
pub(crate) fn escape(text: &str) -> String {
    crate::source::Encoding::HtmlAttribute
        .encode(text)
        .unwrap_or_default()
}

/// FNV-1a over the built-in pack's rule files (path and bytes, in table order): the same
/// binary gives the same hash, and any edit to a rule file changes it.
fn builtin_pack_hash() -> String {
    let mut parts: Vec<&str> = Vec::new();
    for (path, text) in crate::rules::builtin::FILES {
        parts.push(path);
        parts.push(text);
    }
    format!("{:016x}", crate::baseline::fnv1a(&parts))
}

/// The command line that produced the report, quoted for a POSIX shell.
fn command_line() -> String {
    std::env::args_os()
        .map(|arg| {
            let arg = arg.to_string_lossy().into_owned();
            let plain = !arg.is_empty()
                && arg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./=:,@+%".contains(c));
            if plain {
                arg
            } else {
                format!("'{}'", arg.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Now (or `SOURCE_DATE_EPOCH`), as `YYYY-MM-DD HH:MM UTC`.
fn generated_at() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    let days = seconds / 86_400;
    let (year, month, day) = civil_from_days(days);
    let minutes = (seconds % 86_400) / 60;
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        minutes / 60,
        minutes % 60
    )
}

/// Days since 1970-01-01 → (year, month, day), Howard Hinnant's `civil_from_days`.
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::{civil_from_days, escape};

    #[test]
    fn escape_covers_text_and_both_quotes() {
        assert_eq!(
            escape("<script>alert('x & \"y\"')</script>"),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"
        );
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
    }
}
