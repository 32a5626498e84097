//! The serde mirror of a rule file, exactly as written, with spans for error messages.
//!
//! Nothing here is validated beyond what serde checks (types, unknown keys, missing fields);
//! `load` turns these into [`Rule`](super::Rule)s. Never pass a `*Spec` past `rules/`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::lexicon::WordKind;
use super::{Applicability, Condition, Severity};

/// One rule file: optional custom categories, word classes, and a list of `[[rule]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct PackFile {
    /// Categories this file adds to the built-in list.
    #[serde(default)]
    pub categories: Vec<Spanned<String>>,
    /// `[class.NAME]`: word classes this file defines.
    #[serde(default)]
    pub class: BTreeMap<String, Spanned<ClassSpec>>,
    /// `[extend-class.NAME]`: words this file adds to a class defined elsewhere.
    #[serde(default)]
    pub extend_class: BTreeMap<String, Spanned<ExtendClassSpec>>,
    #[serde(default)]
    pub rule: Vec<Spanned<RuleSpec>>,
}

/// `[class.NAME]`: a word class as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClassSpec {
    pub kind: WordKind,
    pub description: String,
    pub words: Vec<Spanned<String>>,
    /// Forms the loader cannot derive, by lemma.
    #[serde(default)]
    pub irregular: BTreeMap<String, Vec<String>>,
}

/// `[extend-class.NAME]`: more words for a class, inflected as that class's kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExtendClassSpec {
    pub words: Vec<Spanned<String>>,
    #[serde(default)]
    pub irregular: BTreeMap<String, Vec<String>>,
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
    /// Claim frames: word-oriented patterns (see `frame`).
    #[serde(default)]
    pub frames: Vec<Spanned<FrameSpec>>,
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

/// One entry of `frames`: a frame, or `{ frame = '…', fix = { … } }`.
#[derive(Debug)]
pub(crate) enum FrameSpec {
    Plain(String),
    WithFix(FrameTable),
}

/// `{ frame = '…', fix = { replace = "…", applicability = "…" } }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrameTable {
    pub frame: Spanned<String>,
    pub fix: Spanned<FixSpec>,
}

// Written by hand rather than `#[serde(untagged)]`: untagged buffers the value and loses the
// spans `toml::Spanned` needs for error locations inside the table.
struct StringOrTable<T> {
    expecting: &'static str,
    _table: std::marker::PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for StringOrTable<T> {
    type Value = Result<String, T>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Ok(value.to_owned()))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Err)
    }
}

fn string_or_table<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
    expecting: &'static str,
) -> Result<Result<String, T>, D::Error> {
    deserializer.deserialize_any(StringOrTable {
        expecting,
        _table: std::marker::PhantomData,
    })
}

impl<'de> Deserialize<'de> for PatternSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(
            match string_or_table(
                deserializer,
                "a regex string or a table `{ regex = '…', fix = { … } }`",
            )? {
                Ok(text) => PatternSpec::Plain(text),
                Err(table) => PatternSpec::WithFix(table),
            },
        )
    }
}

impl<'de> Deserialize<'de> for FrameSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(
            match string_or_table(
                deserializer,
                "a frame string or a table `{ frame = '…', fix = { … } }`",
            )? {
                Ok(text) => FrameSpec::Plain(text),
                Err(table) => FrameSpec::WithFix(table),
            },
        )
    }
}
