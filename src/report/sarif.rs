//! `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps).
//!
//! Built from the typed structures of `serde-sarif` (generated from the OASIS schema), never
//! from strings. One run: `tool.driver` lists every loaded rule with its `why` as help text and
//! its first reference as `helpUri`; each finding is a result with a region in lines and
//! columns (characters, `columnKind: unicodeCodePoints`), a content fingerprint (the baseline
//! key, so code scanning tracks a claim across edits), its fix when it maps to one source
//! range, and, for suppressed findings, an `inSource` suppression with the reason as its
//! justification. `run.properties` carries the pack version and a hash of the loaded rules so
//! a report can be reproduced.

use std::collections::BTreeMap;
use std::io;

use codespan_reporting::term::termcolor::WriteColor;
use serde_json::json;
use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix, Location, Message,
    MultiformatMessageString, PhysicalLocation, PropertyBag, Region, Replacement,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Suppression, Tool, ToolComponent,
};

use super::{first_sentence, Report};
use crate::engine::Finding;
use crate::error::Lines;
use crate::rules::{Rule, RuleSet, Severity};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub(super) fn render(report: &Report<'_>, out: &mut dyn WriteColor) -> io::Result<()> {
    let rules = report.rules.rules();
    let mut results = Vec::new();
    for file in report.files {
        let lines = Lines::new(&file.text);
        let path = relative_path(&file.path);
        let uri = artifact_uri(&file.path, file.source.as_deref());
        let place = |finding| Place {
            path: &path,
            uri: &uri,
            text: &file.text,
            lines: &lines,
            finding,
        };
        for finding in &file.findings {
            results.push(result(rules, &place(finding), None));
        }
        for suppressed in &file.suppressed {
            let justification = suppressed.reason.clone().unwrap_or_default();
            results.push(result(
                rules,
                &place(&suppressed.finding),
                Some(justification),
            ));
        }
    }
    let driver = ToolComponent::builder()
        .name("overclaim")
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri("https://crates.io/crates/overclaim")
        .rules(
            rules
                .iter()
                .map(|rule| descriptor(rule))
                .chain(crate::suppress::META_RULES.iter().map(meta_descriptor))
                .collect::<Vec<_>>(),
        )
        .build();
    let properties = PropertyBag::builder()
        .additional_properties(BTreeMap::from([
            (
                "rulePackVersion".to_owned(),
                json!(env!("CARGO_PKG_VERSION")),
            ),
            ("rulesHash".to_owned(), json!(rules_hash(report.rules))),
            ("ruleCount".to_owned(), json!(rules.len())),
        ]))
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .column_kind(json!("unicodeCodePoints"))
        .properties(properties)
        .build();
    let sarif = Sarif::builder()
        .schema(SCHEMA)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    serde_json::to_writer_pretty(&mut *out, &sarif).map_err(super::json_error)?;
    writeln!(out)
}

/// A finding with what is needed to locate it.
struct Place<'a> {
    /// The path with forward slashes, not yet encoded: the fingerprint is computed on it, so
    /// encoding the URI does not change fingerprints code scanning already tracks.
    path: &'a str,
    /// The file as a relative URI reference.
    uri: &'a str,
    text: &'a str,
    lines: &'a Lines,
    finding: &'a Finding,
}

impl Place<'_> {
    fn region(&self, start: usize, end: usize) -> Region {
        let (start_line, start_column) = self.lines.location(self.text, start);
        let (end_line, end_column) = self.lines.location(self.text, end);
        Region::builder()
            .start_line(to_i64(start_line))
            .start_column(to_i64(start_column))
            .end_line(to_i64(end_line))
            .end_column(to_i64(end_column))
            .build()
    }

    fn artifact(&self) -> ArtifactLocation {
        ArtifactLocation::builder()
            .uri(self.uri)
            .uri_base_id("%SRCROOT%")
            .build()
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Paths with forward slashes and no leading `./`.
fn relative_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    path.strip_prefix("./").unwrap_or(&path).to_owned()
}

/// The URI reference of a file shown as `shown`, read from `on_disk` (`None`: standard input):
/// forward slashes, no leading `./`, and percent-encoded from the bytes of the name on disk,
/// so a name that is not UTF-8 (shown lossily, `caf\u{fffd}.md`) still names its own file
/// (`caf%E9.md`), as a code-scanning tool needs to open it.
fn artifact_uri(shown: &str, on_disk: Option<&std::path::Path>) -> String {
    match on_disk {
        Some(path) => percent_encode_path(&name_bytes(path.strip_prefix("./").unwrap_or(path))),
        None => percent_encode_path(relative_path(shown).as_bytes()),
    }
}

/// The bytes of a file name as the file system holds them.
#[cfg(unix)]
fn name_bytes(path: &std::path::Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

/// Elsewhere a path is UTF-16 underneath: its lossy text, with forward slashes.
#[cfg(not(unix))]
fn name_bytes(path: &std::path::Path) -> Vec<u8> {
    relative_path(&path.to_string_lossy()).into_bytes()
}

/// A path as an RFC 3986 relative reference: every byte other than an unreserved character
/// (`A-Z a-z 0-9 - . _ ~`), `/` and the sub-delimiters that mean nothing in a path is
/// percent-encoded, so `a b.md`, `x#1.md`, `q?.md`, `100%.md` and `café.md` name themselves
/// rather than a fragment, a query or another file. `:` is encoded too: in a first segment it
/// would read as a scheme.
fn percent_encode_path(path: &[u8]) -> String {
    let mut out = String::with_capacity(path.len());
    for &byte in path {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'@'
            );
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn result(
    rules: &[std::sync::Arc<Rule>],
    place: &Place<'_>,
    suppression: Option<String>,
) -> SarifResult {
    let finding = place.finding;
    let mut region = place.region(finding.span.start, finding.span.end);
    region.snippet = Some(
        ArtifactContent::builder()
            .text(finding.sentence_text.to_string())
            .build(),
    );
    let location = Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(place.artifact())
                .region(region)
                .build(),
        )
        .build();
    let mut message = finding.message.clone();
    if let Some(suggestion) = finding.suggestions.first() {
        message.push_str(&format!(". Instead: {suggestion}"));
    }
    let fixes: Vec<Fix> = finding
        .fix
        .iter()
        .filter_map(|fix| {
            let edit = fix.edit?;
            let replacement = Replacement::builder()
                .deleted_region(place.region(edit.start, edit.end))
                .inserted_content(ArtifactContent::builder().text(fix.encoded.clone()).build())
                .build();
            Some(
                Fix::builder()
                    .description(
                        Message::builder()
                            .text(format!(
                                "Replace with \"{}\" ({} fix)",
                                fix.replacement,
                                fix.applicability.as_str()
                            ))
                            .build(),
                    )
                    .artifact_changes(vec![ArtifactChange::builder()
                        .artifact_location(place.artifact())
                        .replacements(vec![replacement])
                        .build()])
                    .build(),
            )
        })
        .collect();
    let fingerprint = crate::baseline::fingerprint(place.path, finding);
    // Findings about directives are described after the loaded rules, in META_RULES order.
    let rule_index = rules
        .iter()
        .position(|rule| rule.id == finding.rule)
        .or_else(|| {
            crate::suppress::META_RULES
                .iter()
                .position(|meta| meta.id == finding.rule)
                .map(|meta| rules.len() + meta)
        });
    let mut result = SarifResult::builder()
        .rule_id(finding.rule.clone())
        .level(level(finding.severity))
        .message(Message::builder().text(message).build())
        .locations(vec![location])
        .partial_fingerprints(BTreeMap::from([("overclaim/v1".to_owned(), fingerprint)]))
        .build();
    // Absent, not empty: `suppressions: []` would claim the result was reviewed.
    result.fixes = (!fixes.is_empty()).then_some(fixes);
    result.suppressions = suppression.map(|justification| {
        vec![Suppression::builder()
            .kind(json!("inSource"))
            .justification(justification)
            .build()]
    });
    result.rule_index = rule_index.map(to_i64);
    result
}

fn descriptor(rule: &Rule) -> ReportingDescriptor {
    let mut help = rule.why.clone();
    if let Some(suggestion) = rule.suggest.first() {
        help.push_str(&format!("\n\nInstead, for example: {suggestion}"));
    }
    let builder = ReportingDescriptor::builder()
        .id(rule.id.clone())
        .name(rule.id.clone())
        .short_description(
            MultiformatMessageString::builder()
                .text(first_sentence(&rule.why).to_owned())
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(rule.why.clone())
                .build(),
        )
        .help(MultiformatMessageString::builder().text(help).build())
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(level(rule.severity).to_string()))
                .build(),
        )
        .properties(
            PropertyBag::builder()
                .tags(vec![rule.category.clone(), "overclaim".to_owned()])
                .additional_properties(BTreeMap::from([(
                    "references".to_owned(),
                    json!(rule.references),
                )]))
                .build(),
        );
    let mut descriptor = builder.build();
    descriptor.help_uri = rule.references.first().cloned();
    descriptor
}

/// A finding about suppression directives, described like a rule.
fn meta_descriptor(rule: &crate::suppress::MetaRule) -> ReportingDescriptor {
    let text = |text: &str| {
        MultiformatMessageString::builder()
            .text(text.to_owned())
            .build()
    };
    ReportingDescriptor::builder()
        .id(rule.id)
        .name(rule.id)
        .short_description(text(rule.summary))
        .full_description(text(rule.why))
        .help(text(rule.why))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(level(rule.severity).to_string()))
                .build(),
        )
        .properties(
            PropertyBag::builder()
                .tags(vec![
                    crate::suppress::CATEGORY.to_owned(),
                    "overclaim".to_owned(),
                ])
                .build(),
        )
        .build()
}

/// FNV-1a over every loaded rule's id, severity, conditions and regexes: two reports with
/// the same hash were produced by the same rules.
pub(super) fn rules_hash(rules: &RuleSet) -> String {
    let mut parts: Vec<String> = Vec::new();
    for rule in rules.rules() {
        parts.push(rule.id.clone());
        parts.push(rule.severity.as_str().to_owned());
        parts.extend(rule.unless.iter().map(|c| c.as_str().to_owned()));
        parts.push("|".to_owned());
        parts.extend(rule.soften.iter().map(|c| c.as_str().to_owned()));
        parts.extend(rule.matchers.iter().map(|m| m.as_str().to_owned()));
    }
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    format!("{:016x}", crate::baseline::fnv1a(&parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_percent_encoded_as_rfc_3986_paths() {
        let encode = |path: &str| percent_encode_path(path.as_bytes());
        assert_eq!(encode("docs/page.md"), "docs/page.md");
        assert_eq!(encode("my docs/a b.md"), "my%20docs/a%20b.md");
        assert_eq!(encode("x#1?.md"), "x%231%3F.md");
        assert_eq!(encode("100%.md"), "100%25.md");
        assert_eq!(encode("café/膝.md"), "caf%C3%A9/%E8%86%9D.md");
        assert_eq!(encode("c:notes.md"), "c%3Anotes.md");
        assert_eq!(encode("a+b(1)~_-.md"), "a+b(1)~_-.md");
        assert_eq!(percent_encode_path(b"caf\xe9.md"), "caf%E9.md");
    }

    #[cfg(unix)]
    #[test]
    fn a_file_on_disk_is_named_by_its_bytes_not_by_how_it_is_shown() {
        use std::os::unix::ffi::OsStrExt;
        let path = std::path::Path::new(std::ffi::OsStr::from_bytes(b"./d/caf\xe9.md"));
        assert_eq!(artifact_uri("d/caf\u{fffd}.md", Some(path)), "d/caf%E9.md");
        assert_eq!(artifact_uri("<stdin>", None), "%3Cstdin%3E");
        assert_eq!(artifact_uri("./notes\\a.md", None), "notes/a.md");
    }
}
