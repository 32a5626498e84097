//! The default pack, embedded in the binary so `overclaim check FILE` works anywhere.
//!
//! One file per category in `rules/`. A test checks that every `rules/*.toml` on disk is in
//! [`FILES`], so a new category file cannot be forgotten.

use std::sync::Arc;

use super::{Loader, Rule, RuleError, RuleSet};

/// `(path as shown in messages, contents)` for every file of the default pack.
pub const FILES: &[(&str, &str)] = &[
    (
        "rules/lexicon.toml",
        include_str!("../../rules/lexicon.toml"),
    ),
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

/// The file of the default pack that holds the word classes and no rules.
const LEXICON: &str = "rules/lexicon.toml";

/// Parse the default pack.
pub fn rules() -> Result<Vec<Arc<Rule>>, Vec<RuleError>> {
    rule_set().map(|set| set.rules().to_vec())
}

/// Parse the default pack into a set that keeps its lexicon.
pub fn rule_set() -> Result<RuleSet, Vec<RuleError>> {
    let mut loader = Loader::default();
    add_to(&mut loader);
    loader.finish_set()
}

/// Add the default pack to `loader`, before any user pack so that its ids win.
pub(crate) fn add_to(loader: &mut Loader) {
    for (path, text) in FILES {
        loader.add_builtin(path, text);
    }
}

/// Add only the built-in word classes, for user packs checked on their own (`test-rules
/// DIR`): their rules may use and extend the built-in classes.
pub(crate) fn add_lexicon_to(loader: &mut Loader) {
    for (path, text) in FILES.iter().filter(|(path, _)| *path == LEXICON) {
        loader.add_builtin(path, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::CATEGORIES;

    /// The default pack's matchers compile on first use (`matcher.rs`): every one must compile,
    /// or a release would silently skip it.
    #[test]
    fn every_builtin_pattern_compiles() {
        let set = rule_set().expect("the default pack loads");
        for rule in set.rules() {
            for (index, matcher) in rule.matchers.iter().enumerate() {
                assert!(
                    matcher.regex().is_some(),
                    "{} pattern {index} does not compile: {}",
                    rule.id,
                    matcher.as_str()
                );
            }
        }
    }

    /// Warming up a document compiles exactly the patterns its sentences can reach.
    #[test]
    fn compile_candidates_compiles_only_what_a_sentence_can_match() {
        let set = rule_set().expect("the default pack loads");
        let compiled = |set: &RuleSet| -> usize {
            set.rules()
                .iter()
                .flat_map(|rule| &rule.matchers)
                .filter(|matcher| matcher.is_compiled())
                .count()
        };
        assert_eq!(compiled(&set), 0, "nothing compiles at load");
        set.compile_candidates(["The weather was fine on Tuesday."]);
        assert_eq!(
            compiled(&set),
            0,
            "a sentence with no claim word reaches no pattern"
        );
        let sentence = "Our stem cell injections regrow cartilage.";
        set.compile_candidates([sentence]);
        let reached = set.candidates(sentence);
        assert!(!reached.is_empty());
        assert!(reached
            .iter()
            .all(|(rule, m)| rule.matchers[*m].is_compiled()));
        assert_eq!(compiled(&set), reached.len());
    }

    /// What the default pack promises its users beyond what the loader checks for any pack.
    #[test]
    fn default_pack_lint() {
        let rules = rules().unwrap_or_else(|errors| {
            let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("the built-in pack does not load:\n{}", messages.join("\n"))
        });
        let mut problems = Vec::new();
        for rule in &rules {
            let at = format!("{}:{} `{}`", rule.origin.path, rule.origin.line, rule.id);
            if rule.flag.len() < 3 || rule.pass.len() < 3 {
                problems.push(format!("{at}: needs at least 3 flag and 3 pass examples"));
            }
            if rule.references.is_empty()
                || rule.references.iter().any(|r| !r.starts_with("https://"))
            {
                problems.push(format!("{at}: needs https:// references"));
            }
            if rule.suggest.is_empty() {
                problems.push(format!("{at}: needs a suggestion"));
            }
            if rule.why.len() < 80 {
                problems.push(format!("{at}: `why` is too short to cite"));
            }
            if !rule
                .origin
                .path
                .ends_with(&format!("/{}.toml", rule.category))
            {
                problems.push(format!(
                    "{at}: category `{}` belongs in its own file",
                    rule.category
                ));
            }
        }
        for category in CATEGORIES {
            if !rules.iter().any(|rule| rule.category == category) {
                problems.push(format!("category `{category}` has no rule"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Issue 3: no rule may fire on a word that careful copy uses all the time unless the
    /// pattern's context makes it precise. Each word is put in sentences that give it no
    /// therapy-claim context at all; nothing at `warning` or above may come of it.
    #[test]
    fn common_words_alone_do_not_fire() {
        use crate::engine;
        use crate::source::{Document, Format};
        let rules = crate::rules::RuleSet::builtin();
        let words = [
            "heal",
            "heals",
            "healing",
            "safe",
            "safety",
            "repair",
            "repairs",
            "FDA",
            "proven",
            "cure",
            "cures",
            "regenerate",
            "regenerative",
            "regeneration",
            "treatment",
            "treat",
            "effective",
            "natural",
            "stem cells",
            "PRP",
            "cartilage",
            "surgery",
            "approved",
            "results",
            "relief",
            "risk",
            "guarantee",
            "permanent",
            "evidence",
            "research",
        ];
        let mut fired = Vec::new();
        for word in words {
            for frame in [
                "The article mentions the word {} in passing.",
                "{} is discussed in the glossary below.",
                "Readers asked us what {} means.",
            ] {
                let text = frame.replace("{}", word);
                let doc = Document::parse(text.clone(), Format::Text);
                for finding in engine::check(&doc, &rules).findings {
                    if finding.severity >= crate::rules::Severity::Warning {
                        fired.push(format!("{}: {text}", finding.rule));
                    }
                }
            }
        }
        assert!(fired.is_empty(), "{}", fired.join("\n"));
    }

    #[test]
    fn every_rule_file_on_disk_is_embedded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("rules/ exists")
            .map(|entry| {
                format!(
                    "rules/{}",
                    entry.expect("entry").file_name().to_string_lossy()
                )
            })
            .filter(|name| name.ends_with(".toml"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = FILES.iter().map(|(path, _)| (*path).to_owned()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }
}
