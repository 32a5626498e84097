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
    pub patterns: Vec<Spanned<PatternSpec>>,
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

/// One entry of `patterns`: a regex, or `{ regex = '…', fix = { … } }` when this shape of the
/// claim needs its own rewrite (a rule's shapes often differ: "cures X" and "a cure for X").
#[derive(Debug)]
pub(crate) enum PatternSpec {
    Plain(String),
    WithFix(PatternTable),
}

/// `{ regex = '…', fix = { replace = "…", applicability = "…" } }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PatternTable {
    pub regex: Spanned<String>,
    pub fix: Spanned<FixSpec>,
}

// Written by hand rather than `#[serde(untagged)]`: untagged buffers the value and loses the
// spans `toml::Spanned` needs for error locations inside the table.
impl<'de> Deserialize<'de> for PatternSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = PatternSpec;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a regex string or a table `{ regex = '…', fix = { … } }`")
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<PatternSpec, E> {
                Ok(PatternSpec::Plain(value.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<PatternSpec, A::Error> {
                PatternTable::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(PatternSpec::WithFix)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}
