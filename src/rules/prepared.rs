//! What loading the built-in pack derives from each of its patterns, worked out ahead of time.
//!
//! Loading parses every pattern to learn its capture groups and the literals the prefilter
//! needs; for the default pack's ~750 patterns that was most of a cold start that checks one
//! small file. The built-in pack cannot change after the build, so the result is kept in
//! `rules/prepared.json` and embedded. Each entry is keyed by a fingerprint of the pattern's
//! final source, so an entry that no longer fits its pattern is never used: a pattern with no
//! entry is parsed as before, which costs time, not correctness. A test fails while the file
//! is out of date and says how to regenerate it.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::prefilter::Conjuncts;

/// The embedded table (`[]` when absent from a build).
const PREPARED: &str = include_str!("../../rules/prepared.json");

/// One pattern's derived facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Entry {
    /// [`fingerprint`] of the pattern source.
    pub key: String,
    /// Capture group names by index (index 0 has none).
    pub names: Vec<Option<String>>,
    /// The prefilter's literal sets; `None` when unbounded.
    pub literals: Option<Conjuncts>,
}

/// The entry for `source`, if the table has one.
pub(crate) fn lookup(source: &str) -> Option<&'static Entry> {
    static TABLE: OnceLock<HashMap<String, Entry>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            // A table that does not parse is as good as none: every pattern is parsed.
            let entries: Vec<Entry> = serde_json::from_str(PREPARED).unwrap_or_default();
            entries
                .into_iter()
                .map(|entry| (entry.key.clone(), entry))
                .collect()
        })
        .get(&fingerprint(source))
}

/// A key for `source`: its length and 64-bit FNV-1a hash. Stable across builds and
/// toolchains (unlike `std`'s hasher), and with ~750 patterns a collision is out of reach.
pub(crate) fn fingerprint(source: &str) -> String {
    let hash = source
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{}-{hash:016x}", source.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table for the built-in pack as it is now, one entry per line in load order.
    fn render(set: &crate::rules::RuleSet) -> String {
        let mut seen = std::collections::HashSet::new();
        let lines: Vec<String> = set
            .rules()
            .iter()
            .flat_map(|rule| &rule.matchers)
            .filter_map(|matcher| crate::rules::matcher::derive(matcher.as_str()))
            .filter(|entry| seen.insert(entry.key.clone()))
            .map(|entry| serde_json::to_string(&entry).expect("an entry serialises"))
            .collect();
        format!("[\n{}\n]\n", lines.join(",\n"))
    }

    const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/prepared.json");

    /// The embedded table must describe the built-in pack as it is: run
    /// `OVERCLAIM_UPDATE_PREPARED=1 cargo test prepared` after changing a rule or the lexicon.
    #[test]
    fn the_prepared_table_is_up_to_date() {
        let set = super::super::builtin::rule_set().expect("the default pack loads");
        let fresh = render(&set);
        if std::env::var_os("OVERCLAIM_UPDATE_PREPARED").is_some() {
            std::fs::write(PATH, &fresh).expect("write rules/prepared.json");
            return;
        }
        assert!(
            fresh == PREPARED,
            "rules/prepared.json is out of date with the built-in pack; run \
             `OVERCLAIM_UPDATE_PREPARED=1 cargo test prepared` and commit it"
        );
    }

    #[test]
    fn a_pattern_the_table_does_not_know_is_parsed() {
        let source = "(?P<x>unheard)\\s+of(?:pattern)";
        assert!(lookup(source).is_none());
        let entry = crate::rules::matcher::derive(source).expect("parses");
        assert_eq!(entry.names, [None, Some("x".to_owned())]);
        assert!(entry.literals.is_some());
    }

    #[test]
    fn fingerprints_tell_sources_apart() {
        assert_ne!(fingerprint("cure"), fingerprint("cures"));
        assert_ne!(fingerprint("ab"), fingerprint("ba"));
        assert_eq!(fingerprint("cure"), fingerprint("cure"));
    }
}
