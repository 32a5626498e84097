//! The serde mirror of a rule file, exactly as written, with spans for error messages.
//!
//! Nothing here is validated beyond what serde checks (types, unknown keys, missing fields);
//! `load` turns these into [`Rule`](super::Rule)s. Never pass a `*Spec` past `rules/`.

use serde::Deserialize;
use toml::Spanned;

use super::{Applicability, Condition, Severity};

/// One rule file: optional custom categories and a list of `[[rule]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PackFile {
    /// Categories this file adds to the built-in list.
    #[serde(default)]
    pub categories: Vec<Spanned<String>>,
    #[serde(default)]
    pub rule: Vec<Spanned<RuleSpec>>,
}

/// One `[[rule]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleSpec {
    pub id: Spanned<String>,
    pub category: Spanned<String>,
    pub severity: Severity,
    pub message: Spanned<String>,
    pub why: String,
    #[serde(default)]
    pub references: Vec<Spanned<String>>,
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    #[serde(default)]
    pub unless: Vec<Condition>,
    #[serde(default)]
    pub soften: Vec<Condition>,
    #[serde(default)]
    pub suggest: Vec<Spanned<String>>,
    pub fix: Option<Spanned<FixSpec>>,
    #[serde(default)]
    pub flag: Vec<Spanned<String>>,
    #[serde(default)]
    pub pass: Vec<Spanned<String>>,
}

/// `fix = { replace = "…", applicability = "unsafe" }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FixSpec {
    pub replace: Spanned<String>,
    pub applicability: Applicability,
}
