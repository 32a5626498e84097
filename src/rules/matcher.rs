//! One pattern of a rule, with its regex built on first use.
//!
//! Compiling the default pack's regexes (hundreds of patterns, many with whole word classes
//! spliced in) is most of a cold start, and a small file needs few of them: the set-level
//! prefilter rules most out for every sentence. So the built-in pack's matchers are *lazy*:
//! loading parses each pattern once, for its capture groups (which template checks need) and
//! the literals the prefilter looks for, and the regex is compiled the first time the engine
//! runs it. `cargo test`
//! compiles and runs every built-in pattern against its rule's examples, so a lazy built-in
//! matcher cannot fail to compile in a release. User packs are compiled at load, so their
//! mistakes (a pattern over the size limit) are reported with a location before any checking.

use std::sync::OnceLock;

use regex_automata::meta::{self, Regex};
use regex_automata::util::{captures::Captures, syntax};
use regex_automata::MatchKind;
use regex_syntax::hir::{Hir, HirKind};

use super::{prefilter, prepared};

/// Regexes are compiled case-insensitively: prose capitalises claims at will ("Cures …").
/// The limits are generous because a pack may hold hundreds of alternations.
const SIZE_LIMIT: usize = 64 << 20;

/// A rule's pattern: its regex source, its capture groups, the literals the prefilter looks
/// for, and the regex once compiled.
#[derive(Debug, Clone)]
pub struct Matcher {
    source: String,
    /// Capture group names by index; index 0 (the whole match) has none.
    names: Vec<Option<String>>,
    /// Sets of literals every match contains one of each (`None`: not bounded, always run).
    literals: Option<prefilter::Conjuncts>,
    regex: OnceLock<Option<Regex>>,
}

impl Matcher {
    /// Compile `source` now.
    pub(crate) fn eager(source: &str) -> Result<Matcher, String> {
        let regex = build(source)?;
        let names = regex
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
            .map(|name| name.map(str::to_owned))
            .collect();
        let literals = literal_hir(source)
            .as_ref()
            .and_then(prefilter::required_literals);
        Ok(Matcher {
            source: source.to_owned(),
            names,
            literals,
            regex: OnceLock::from(Some(regex)),
        })
    }

    /// Read `source`'s capture groups now and compile it on first use. `None` when it does
    /// not parse (the caller then compiles it eagerly for the error message). The built-in
    /// pack's facts come from [`prepared`] when it has them, without parsing.
    pub(crate) fn lazy(source: &str) -> Option<Matcher> {
        let (names, literals) = match prepared::lookup(source) {
            Some(entry) => (entry.names.clone(), entry.literals.clone()),
            None => {
                let entry = derive(source)?;
                (entry.names, entry.literals)
            }
        };
        Some(Matcher {
            source: source.to_owned(),
            names,
            literals,
            regex: OnceLock::new(),
        })
    }

    /// The regex source, as compiled.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Sets of lowercased literals, every match containing one literal of each set; `None`
    /// when not even one set can be bounded.
    pub(crate) fn literals(&self) -> Option<&[Vec<String>]> {
        self.literals.as_deref()
    }

    /// How many capture groups, counting the whole match as group 0.
    pub fn captures_len(&self) -> usize {
        self.names.len()
    }

    /// Capture group names by index (`None` for group 0 and unnamed groups).
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> {
        self.names.iter().map(Option::as_deref)
    }

    /// The compiled regex; `None` only if a lazily compiled pattern exceeds the regex
    /// crate's limits, which `cargo test` rules out for the built-in pack.
    pub fn regex(&self) -> Option<&Regex> {
        self.regex.get_or_init(|| build(&self.source).ok()).as_ref()
    }

    /// Whether the regex has been compiled (a lazy matcher compiles on first use).
    pub(crate) fn is_compiled(&self) -> bool {
        self.regex.get().is_some()
    }

    /// Every non-overlapping match in `haystack`, with its capture groups.
    pub fn captures_iter<'h>(
        &self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Found<'h>> + use<'_, 'h> {
        self.regex().into_iter().flat_map(move |regex| {
            regex
                .captures_iter(haystack)
                .map(move |captures| Found { haystack, captures })
        })
    }

    /// The first match in `haystack`, with its capture groups.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Found<'h>> {
        self.captures_iter(haystack).next()
    }

    /// Whether the pattern matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.regex().is_some_and(|regex| regex.is_match(haystack))
    }
}

/// What loading learns from `source` by parsing it: its capture groups and prefilter
/// literals. `None` when it does not parse.
pub(crate) fn derive(source: &str) -> Option<prepared::Entry> {
    let hir = literal_hir(source)?;
    let mut groups = Vec::new();
    capture_groups(&hir, &mut groups);
    let count = groups
        .iter()
        .map(|&(index, _)| index + 1)
        .max()
        .unwrap_or(1);
    let mut names = vec![None; count];
    for (index, name) in groups {
        names[index] = name;
    }
    Some(prepared::Entry {
        key: prepared::fingerprint(source),
        names,
        literals: prefilter::required_literals(&hir),
    })
}

/// One match of a pattern in a haystack, with its capture groups.
#[derive(Debug, Clone)]
pub struct Found<'h> {
    haystack: &'h str,
    captures: Captures,
}

impl<'h> Found<'h> {
    /// Group `index` (0: the whole match); `None` when it took no part in the match.
    pub fn get(&self, index: usize) -> Option<Group<'h>> {
        self.group(self.captures.get_group(index))
    }

    /// The group called `name`; `None` when there is none or it took no part in the match.
    pub fn name(&self, name: &str) -> Option<Group<'h>> {
        self.group(self.captures.get_group_by_name(name))
    }

    fn group(&self, span: Option<regex_automata::Span>) -> Option<Group<'h>> {
        span.map(|span| Group {
            haystack: self.haystack,
            start: span.start,
            end: span.end,
        })
    }
}

/// Where one capture group matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    /// Byte offset of the start.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past the end.
    pub fn end(&self) -> usize {
        self.end
    }

    /// `start()..end()`.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether the group matched the empty string.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

/// Build `source` with the settings every rule pattern uses: those of `regex::Regex` (leftmost
/// first, no empty match inside a character), case-insensitive, but without the meta engine's
/// own literal prefilter. The rule set already runs a pattern only on sentences that hold its
/// literals ([`prefilter`]), so within one short sentence that prefilter saves little, while
/// building it (and the reverse-inner search it enables) was a third of each compile. The
/// error is worded as `regex::Error` words it.
pub(crate) fn build(source: &str) -> Result<Regex, String> {
    let config = meta::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(SIZE_LIMIT))
        .hybrid_cache_capacity(2 << 20)
        .auto_prefilter(false);
    meta::Builder::new()
        .configure(config)
        .syntax(syntax::Config::new().case_insensitive(true).utf8(true))
        .build(source)
        .map_err(|err| match (err.size_limit(), err.syntax_error()) {
            (Some(limit), _) => format!("Compiled regex exceeds size limit of {limit} bytes."),
            (None, Some(syntax)) => syntax.to_string(),
            (None, None) => err.to_string(),
        })
}

/// `source` parsed as written (not case-folded, so its literals stay literals for the
/// prefilter); `None` when it does not parse.
fn literal_hir(source: &str) -> Option<Hir> {
    regex_syntax::Parser::new().parse(source).ok()
}

/// The capture groups in `hir`, as (index, name), in any order.
fn capture_groups(hir: &Hir, out: &mut Vec<(usize, Option<String>)>) {
    match hir.kind() {
        HirKind::Capture(capture) => {
            out.push((
                capture.index as usize,
                capture.name.as_deref().map(str::to_owned),
            ));
            capture_groups(&capture.sub, out);
        }
        HirKind::Repetition(repetition) => capture_groups(&repetition.sub, out),
        HirKind::Alternation(hirs) | HirKind::Concat(hirs) => {
            for hir in hirs {
                capture_groups(hir, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lazy_matcher_knows_its_groups_before_it_compiles_and_matches_like_an_eager_one() {
        let source = r"(?P<verb>cures?)\s+(\w+)(?:\s+(?P<what>arthritis))?";
        let lazy = Matcher::lazy(source).expect("parses");
        let eager = Matcher::eager(source).expect("compiles");
        assert_eq!(lazy.captures_len(), 4);
        assert_eq!(
            lazy.capture_names().collect::<Vec<_>>(),
            eager.capture_names().collect::<Vec<_>>()
        );
        assert!(lazy.regex.get().is_none(), "not compiled until used");
        let text = "PRP CURES knee arthritis; it cures pain.";
        let spans = |m: &Matcher| -> Vec<_> {
            m.captures_iter(text)
                .map(|c| c.get(0).map(|g| g.range()))
                .collect()
        };
        assert_eq!(spans(&lazy), spans(&eager));
        assert_eq!(spans(&lazy).len(), 2);
    }

    #[test]
    fn a_pattern_that_does_not_parse_is_not_lazy() {
        assert!(Matcher::lazy("(unclosed").is_none());
    }
}
