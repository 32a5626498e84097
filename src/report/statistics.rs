//! `--statistics`: how often each rule fired, and which loaded rules never did, instead of the
//! findings themselves (like `ruff check --statistics`).

use std::collections::BTreeMap;
use std::io;

use codespan_reporting::term::termcolor::{ColorSpec, WriteColor};

use super::{plural, Report};

pub(super) fn render(report: &Report<'_>, out: &mut dyn WriteColor) -> io::Result<()> {
    let mut counts: BTreeMap<&str, (usize, &str, &str)> = BTreeMap::new();
    for finding in report.files.iter().flat_map(|f| &f.findings) {
        let entry = counts.entry(&finding.rule).or_insert((
            0,
            &finding.category,
            finding.severity.as_str(),
        ));
        entry.0 += 1;
    }
    let mut rows: Vec<(&str, usize, &str, &str)> = counts
        .iter()
        .map(|(rule, (n, category, severity))| (*rule, *n, *category, *severity))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(4).max(4);
    out.set_color(ColorSpec::new().set_bold(true))?;
    writeln!(
        out,
        "{:>5}  {:width$}  {:8}  CATEGORY",
        "COUNT", "RULE", "SEVERITY"
    )?;
    out.reset()?;
    for (rule, n, category, severity) in &rows {
        writeln!(out, "{n:>5}  {rule:width$}  {severity:8}  {category}")?;
    }
    let never: Vec<&str> = report
        .rules
        .rules()
        .iter()
        .map(|rule| rule.id.as_str())
        .filter(|id| !counts.contains_key(id))
        .collect();
    let total: usize = rows.iter().map(|r| r.1).sum();
    writeln!(
        out,
        "\n{} from {} in {}.",
        plural(total, "finding"),
        plural(rows.len(), "rule"),
        plural(report.files.len(), "file")
    )?;
    if !never.is_empty() {
        writeln!(
            out,
            "{} never fired: {}",
            plural(never.len(), "rule"),
            never.join(", ")
        )?;
    }
    Ok(())
}
