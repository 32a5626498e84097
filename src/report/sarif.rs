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
        let place = |finding| Place {
            uri: uri(&file.path),
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
    uri: String,
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
            .uri(self.uri.clone())
            .uri_base_id("%SRCROOT%")
            .build()
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Paths as relative URIs with forward slashes and no leading `./`.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    path.strip_prefix("./").unwrap_or(&path).to_owned()
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
            .text(finding.sentence_text.clone())
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
                .inserted_content(
                    ArtifactContent::builder()
                        .text(fix.replacement.clone())
                        .build(),
                )
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
    let fingerprint = crate::baseline::fingerprint(&place.uri, finding);
    let rule_index = rules.iter().position(|rule| rule.id == finding.rule);
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
