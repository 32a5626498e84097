//! The default pack, embedded in the binary so `overclaim check FILE` works anywhere.
//!
//! One file per category in `rules/`. A test checks that every `rules/*.toml` on disk is in
//! [`FILES`], so a new category file cannot be forgotten.

use std::sync::Arc;

use super::{Loader, Rule, RuleError};

/// `(path as shown in messages, contents)` for every file of the default pack.
pub const FILES: &[(&str, &str)] = &[
    ("rules/cure.toml", include_str!("../../rules/cure.toml")),
    (
        "rules/guarantee.toml",
        include_str!("../../rules/guarantee.toml"),
    ),
    (
        "rules/regeneration.toml",
        include_str!("../../rules/regeneration.toml"),
    ),
    (
        "rules/avoid-surgery.toml",
        include_str!("../../rules/avoid-surgery.toml"),
    ),
    (
        "rules/regulatory-status.toml",
        include_str!("../../rules/regulatory-status.toml"),
    ),
    (
        "rules/safety-absolute.toml",
        include_str!("../../rules/safety-absolute.toml"),
    ),
    ("rules/speed.toml", include_str!("../../rules/speed.toml")),
    (
        "rules/permanence.toml",
        include_str!("../../rules/permanence.toml"),
    ),
    (
        "rules/unsupported-statistic.toml",
        include_str!("../../rules/unsupported-statistic.toml"),
    ),
    (
        "rules/proven-claim.toml",
        include_str!("../../rules/proven-claim.toml"),
    ),
    (
        "rules/testimonial-as-evidence.toml",
        include_str!("../../rules/testimonial-as-evidence.toml"),
    ),
    (
        "rules/hype-word.toml",
        include_str!("../../rules/hype-word.toml"),
    ),
    (
        "rules/future-certainty.toml",
        include_str!("../../rules/future-certainty.toml"),
    ),
    (
        "rules/mechanism-overstatement.toml",
        include_str!("../../rules/mechanism-overstatement.toml"),
    ),
    (
        "rules/product-misrepresentation.toml",
        include_str!("../../rules/product-misrepresentation.toml"),
    ),
    (
        "rules/universal-applicability.toml",
        include_str!("../../rules/universal-applicability.toml"),
    ),
    (
        "rules/comparative-superiority.toml",
        include_str!("../../rules/comparative-superiority.toml"),
    ),
    (
        "rules/preclinical-extrapolation.toml",
        include_str!("../../rules/preclinical-extrapolation.toml"),
    ),
    (
        "rules/scare-tactic.toml",
        include_str!("../../rules/scare-tactic.toml"),
    ),
];

/// Parse the default pack.
pub fn rules() -> Result<Vec<Arc<Rule>>, Vec<RuleError>> {
    let mut loader = Loader::default();
    for (path, text) in FILES {
        loader.add(path, text);
    }
    loader.finish()
}
