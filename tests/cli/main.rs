//! End-to-end tests of the `overclaim` binary: one integration test binary, one module per area.

// Helpers outside #[test] functions panic on purpose when a run is not what a test expects.
#![allow(clippy::unwrap_used)]

mod accuracy;
mod baseline;
mod check;
mod config;
mod errors;
mod fix;
mod fix_safety;
mod fixtures;
mod formats;
mod hostile;
mod html;
mod lexicon;
mod loader_errors;
mod patterns;
mod robustness;
mod rule_packs;
mod support;
mod suppress;
