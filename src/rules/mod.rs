//! Rule packs: TOML files → validated, compiled rules.
//!
//! In: pack files (the built-in pack embedded by [`builtin`], user packs from disk).
//! Out: a [`RuleSet`], every rule's regexes compiled and one set-level prefilter built over all
//! of them. Loading validates everything and reports each mistake as a [`RuleError`] with the
//! file, line and column. This module never runs examples (that is `selftest`, above the
//! engine) and never prints.

pub mod builtin;
mod compile;
mod frame;
pub mod lexicon;
mod load;
mod matcher;
mod prefilter;
mod prepared;
mod spec;

use std::fmt;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde::Deserialize;

pub(crate) use compile::interpolate;
pub(crate) use frame::describe as describe_shape;
pub use lexicon::{Lexicon, WordClass, WordKind};
pub(crate) use load::Loader;
pub use load::{parse_pack, RuleError};
pub use matcher::{Found, Group, Matcher};
use prefilter::Prefilter;

/// How much a finding matters. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look: hype words, softened claims.
    Info,
    /// Unsupported efficacy, mechanism, speed, permanence or comparison claims.
    Warning,
    /// What regulators have acted against: cures, approval misstatements, guarantees.
    Error,
}

impl Severity {
    /// One level down (`soften`); `None` when an `info` finding is softened away.
    pub fn lowered(self) -> Option<Severity> {
        match self {
            Severity::Error => Some(Severity::Warning),
            Severity::Warning => Some(Severity::Info),
            Severity::Info => None,
        }
    }

    /// The lowercase name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A context condition a rule lists under `unless` or `soften` (DESIGN.md, "Context conditions").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    /// A negation cue outside the match denies the claim.
    Negated,
    /// An epistemic hedge governs the match's clause.
    Hedged,
    /// The claim is framed as a goal or a possibility.
    Aspirational,
    /// The sentence is a genuine question.
    Question,
    /// The claim is reported in order to distance from it or warn about it.
    Attributed,
    /// The sentence carries a citation.
    Cited,
}

impl Condition {
    /// The name used in rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            Condition::Negated => "negated",
            Condition::Hedged => "hedged",
            Condition::Aspirational => "aspirational",
            Condition::Question => "question",
            Condition::Attributed => "attributed",
            Condition::Cited => "cited",
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When a rewrite may be applied without a human reading it. Ordered: `Unsafe < Safe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Changes meaning: applied only with `--unsafe-fixes`.
    Unsafe,
    /// Keeps the meaning while removing the overclaim: applied by `--fix`.
    Safe,
}

impl Applicability {
    /// The name used in rule files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// The categories of the default pack (DESIGN.md). Custom packs may declare more.
pub const CATEGORIES: [&str; 19] = [
    "cure",
    "guarantee",
    "regeneration",
    "avoid-surgery",
    "regulatory-status",
    "safety-absolute",
    "speed",
    "permanence",
    "unsupported-statistic",
    "proven-claim",
    "testimonial-as-evidence",
    "hype-word",
    "future-certainty",
    "mechanism-overstatement",
    "product-misrepresentation",
    "universal-applicability",
    "comparative-superiority",
    "preclinical-extrapolation",
    "scare-tactic",
];

/// Where something was written: a pack file and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The pack file as given (`rules/cure.toml` for the built-in pack).
    pub path: String,
    /// 1-based line.
    pub line: usize,
}

/// One `flag` or `pass` example with the line it was written on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The example text.
    pub text: String,
    /// Where it was written.
    pub origin: Origin,
}

/// A rewrite template for the matched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixTemplate {
    /// Replacement text; may interpolate `{match}`, `{1}`, `{name}`.
    pub replace: String,
    /// Whether `--fix` applies it without `--unsafe-fixes`.
    pub applicability: Applicability,
}

/// How a matcher was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeKind {
    /// A literal phrase.
    Phrase,
    /// A regex (possibly with `{class}` and `{gap:M-N}` references).
    Pattern,
    /// A claim frame.
    Frame,
}

impl ShapeKind {
    /// The rule-file key it was written under, singular.
    pub fn as_str(self) -> &'static str {
        match self {
            ShapeKind::Phrase => "phrase",
            ShapeKind::Pattern => "pattern",
            ShapeKind::Frame => "frame",
        }
    }
}

/// One matcher as written, for `explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// Phrase, pattern or frame.
    pub kind: ShapeKind,
    /// The text as written.
    pub text: String,
    /// The word classes it references, in order of first use.
    pub classes: Vec<String>,
    /// The capture-group indices of its `{gap:M-N}`s.
    pub gaps: Vec<usize>,
}

/// A validated, compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Kebab-case id, unique across loaded packs.
    pub id: String,
    /// Category id.
    pub category: String,
    /// Severity after configuration.
    pub severity: Severity,
    /// One-line message template.
    pub message: String,
    /// Documentation: what is wrong, the evidence, fix safety.
    pub why: String,
    /// Sources for `why`.
    pub references: Vec<String>,
    /// The regexes, phrases first (compiled to regexes), then patterns, then frames.
    pub matchers: Vec<Matcher>,
    /// What each matcher was written as (parallel to `matchers`).
    pub shapes: Vec<Shape>,
    /// Conditions that drop a match.
    pub unless: Vec<Condition>,
    /// Conditions that lower the severity one level.
    pub soften: Vec<Condition>,
    /// Suggestion templates.
    pub suggest: Vec<String>,
    /// Rewrite template.
    pub fix: Option<FixTemplate>,
    /// Per matcher (parallel to `matchers`), a rewrite that pattern carries itself and that
    /// replaces `fix` for its matches.
    pub matcher_fixes: Vec<Option<FixTemplate>>,
    /// Texts the rule must flag.
    pub flag: Vec<Example>,
    /// Texts the rule must leave alone.
    pub pass: Vec<Example>,
    /// Where the rule is defined.
    pub origin: Origin,
}

impl Rule {
    /// The rewrite for a match of `matchers[matcher]`: the pattern's own, else the rule's.
    pub fn fix_for(&self, matcher: usize) -> Option<&FixTemplate> {
        self.matcher_fixes
            .get(matcher)
            .and_then(Option::as_ref)
            .or(self.fix.as_ref())
    }
}

/// Every loaded rule plus the prefilter over all their regexes.
///
/// ```
/// let rules = overclaim::RuleSet::builtin();
/// assert!(rules.get("cure-claim").is_some());
/// ```
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Arc<Rule>>,
    /// Built on first use: a set that is only listed, explained or configured into another
    /// set never pays for it.
    prefilter: OnceLock<Prefilter>,
    /// Set by the first document checked with this set, which compiles ahead what it needs
    /// ([`RuleSet::claim_warm_up`]).
    warmed: OnceLock<()>,
    /// For each regex in `prefilter`: (rule index, matcher index).
    owners: Vec<(usize, usize)>,
    /// The word classes the rules were compiled with.
    lexicon: Arc<Lexicon>,
    /// Every rule id and category loaded, also those [`RuleSet::configured`] left out, so a
    /// directive or flag naming a rule the configuration turned off is still a known name.
    names: Arc<[String]>,
}

impl RuleSet {
    /// Build a set from rules (ids are assumed unique: [`load`] checks that).
    pub fn new(rules: Vec<Arc<Rule>>) -> RuleSet {
        let owners = rules
            .iter()
            .enumerate()
            .flat_map(|(rule_index, rule)| (0..rule.matchers.len()).map(move |m| (rule_index, m)))
            .collect();
        let mut names: Vec<String> = rules
            .iter()
            .flat_map(|rule| [rule.id.clone(), rule.category.clone()])
            .collect();
        names.sort_unstable();
        names.dedup();
        RuleSet {
            rules,
            prefilter: OnceLock::new(),
            warmed: OnceLock::new(),
            owners,
            lexicon: Arc::default(),
            names: names.into(),
        }
    }

    /// A set that also keeps the lexicon its rules were compiled with (for `overclaim
    /// lexicon` and `explain`).
    pub fn with_lexicon(rules: Vec<Arc<Rule>>, lexicon: Arc<Lexicon>) -> RuleSet {
        RuleSet {
            lexicon,
            ..RuleSet::new(rules)
        }
    }

    /// The word classes the rules were compiled with.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    fn prefilter(&self) -> &Prefilter {
        self.prefilter.get_or_init(|| {
            let sets: Vec<Option<&[Vec<String>]>> = self
                .owners
                .iter()
                .map(|&(rule, matcher)| self.rules[rule].matchers[matcher].literals())
                .collect();
            Prefilter::new(&sets)
        })
    }

    /// The default pack embedded in the binary.
    ///
    /// # Panics
    /// If the embedded pack is invalid; `cargo test` loads it, so a release cannot ship one.
    pub fn builtin() -> RuleSet {
        builtin::rule_set().expect("the built-in pack is validated by cargo test")
    }

    /// All rules, in load order.
    pub fn rules(&self) -> &[Arc<Rule>] {
        &self.rules
    }

    /// A rule by id.
    pub fn get(&self, id: &str) -> Option<&Arc<Rule>> {
        self.rules.iter().find(|rule| rule.id == id)
    }

    /// The (rule, matcher) pairs whose regex can match somewhere in `text`, in rule order:
    /// every pair that matches is listed (and some that do not: the prefilter only knows which
    /// literal prefixes occur).
    pub fn candidates(&self, text: &str) -> Vec<(&Arc<Rule>, usize)> {
        self.prefilter()
            .candidates(text)
            .into_iter()
            .map(|i| {
                let (rule, matcher) = self.owners[i];
                (&self.rules[rule], matcher)
            })
            .collect()
    }

    /// `true` for the first caller only: the first document a run checks is the one worth
    /// warming up for (later ones find most of what they need compiled, and reading their
    /// sentences ahead would be work done twice).
    pub(crate) fn claim_warm_up(&self) -> bool {
        self.warmed.set(()).is_ok()
    }

    /// Compile, side by side on the thread pool, every pattern not yet compiled that one of
    /// `sentences` will run. The built-in pack compiles its patterns on first use, and
    /// compiling them one after the other is most of checking one small file; this spreads
    /// that over the cores.
    pub fn compile_candidates<'t>(&self, sentences: impl IntoIterator<Item = &'t str>) {
        let mut wanted = vec![false; self.owners.len()];
        for sentence in sentences {
            for index in self.prefilter().candidates(sentence) {
                let (rule, matcher) = self.owners[index];
                wanted[index] = !self.rules[rule].matchers[matcher].is_compiled();
            }
        }
        let pending: Vec<&Matcher> = wanted
            .iter()
            .zip(&self.owners)
            .filter(|(&wanted, _)| wanted)
            .map(|(_, &(rule, matcher))| &self.rules[rule].matchers[matcher])
            .collect();
        if pending.len() > 1 {
            pending.par_iter().for_each(|matcher| {
                matcher.regex();
            });
        }
    }

    /// A set with only the rules `keep` accepts, each possibly changed by `adjust`.
    pub fn configured(
        &self,
        keep: impl Fn(&Rule) -> bool,
        adjust: impl Fn(&Rule) -> Severity,
    ) -> RuleSet {
        let rules = self
            .rules
            .iter()
            .filter(|rule| keep(rule))
            .map(|rule| {
                let severity = adjust(rule);
                if severity == rule.severity {
                    Arc::clone(rule)
                } else {
                    Arc::new(Rule {
                        severity,
                        ..Rule::clone(rule)
                    })
                }
            })
            .collect();
        RuleSet {
            names: Arc::clone(&self.names),
            ..RuleSet::with_lexicon(rules, Arc::clone(&self.lexicon))
        }
    }

    /// Whether `name` is a loaded rule id or a category of a loaded rule (also one that
    /// [`RuleSet::configured`] left out).
    pub fn knows(&self, name: &str) -> bool {
        self.names
            .binary_search_by(|n| n.as_str().cmp(name))
            .is_ok()
    }

    /// Every loaded rule id and category, sorted (also those [`RuleSet::configured`] left out).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }
}
