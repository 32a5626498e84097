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

use std::fmt;
use std::sync::{Arc, OnceLock};

use regex_automata::nfa::thompson::{self, backtrack::BoundedBacktracker, pikevm::PikeVM, NFA};
use regex_automata::util::{captures::Captures, pool::Pool, syntax};
use regex_automata::{hybrid, meta};
use regex_automata::{Input, MatchKind};
use regex_syntax::hir::{Hir, HirKind};

use super::{prefilter, prepared};

/// Regexes are compiled case-insensitively: prose capitalises claims at will ("Cures …").
/// The limits are generous because a pack may hold hundreds of alternations.
const SIZE_LIMIT: usize = 64 << 20;

/// The most memory a lazy DFA's cache (one per pattern and thread) may take.
const LAZY_DFA_CACHE: usize = 2 << 20;

/// The bytes of the backtracker's visited set: one bit per NFA state and haystack byte, so a
/// typical frame (about a thousand states) is searched by it in sentences up to 8 KB. It is
/// allocated as a search needs it, not at this size.
const BACKTRACK_VISITED: usize = 1 << 20;

/// A rule's pattern: its regex source, its capture groups, the literals the prefilter looks
/// for, and the regex once compiled.
#[derive(Debug, Clone)]
pub struct Matcher {
    source: String,
    /// Capture group names by index; index 0 (the whole match) has none.
    names: Vec<Option<String>>,
    /// Sets of literals every match contains one of each (`None`: not bounded, always run).
    literals: Option<prefilter::Conjuncts>,
    regex: OnceLock<Option<Arc<Regex>>>,
}

impl Matcher {
    /// Compile `source` now.
    pub(crate) fn eager(source: &str) -> Result<Matcher, String> {
        let regex = build(source)?;
        let names = regex
            .pikevm
            .get_nfa()
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
            regex: OnceLock::from(Some(Arc::new(regex))),
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
        self.regex
            .get_or_init(|| build(&self.source).ok().map(Arc::new))
            .as_deref()
    }

    /// Whether the regex has been compiled (a lazy matcher compiles on first use).
    pub(crate) fn is_compiled(&self) -> bool {
        self.regex.get().is_some()
    }

    /// Every non-overlapping match in `haystack`, with its capture groups.
    pub fn captures_iter<'h>(&self, haystack: &'h str) -> impl Iterator<Item = Found<'h>> {
        let found = match self.regex() {
            Some(regex) => regex.captures_all(&self.source, haystack),
            None => Vec::new(),
        };
        found
            .into_iter()
            .map(move |captures| Found { haystack, captures })
    }

    /// The first match in `haystack`, with its capture groups.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Found<'h>> {
        self.captures_iter(haystack).next()
    }

    /// Whether the pattern matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.regex()
            .is_some_and(|regex| regex.is_match(&self.source, haystack))
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

/// One compiled pattern: a Thompson NFA shared by three searchers.
///
/// The engine asks one question of almost every pattern it runs: does this sentence, which
/// holds the pattern's literals (see [`prefilter`]), match at all? Nearly always it does not.
/// A forward lazy DFA answers that in one pass over the sentence. Only when it says yes does a
/// bounded backtracker find the match and its capture groups. This is the meta regex's plan without the half a rule never needs: the meta
/// engine also compiles a reversed NFA so that its lazy DFA can find where a match starts, a
/// third of each compile and most of the memory a compiled pack holds; here the capture search
/// finds the start.
///
/// A haystack too long for the backtracker (a page without sentence punctuation, minified
/// text) would leave the capture search to the PikeVM, many times slower than a DFA over
/// megabytes; such a haystack is searched by the meta regex instead, the full plan with the
/// reversed NFA, built the first time one comes. The PikeVM is left for the case where that
/// does not build.
pub struct Regex {
    /// `None` when the NFA is too large for the lazy DFA's cache: every search then runs the
    /// capture search.
    dfa: Option<hybrid::dfa::DFA>,
    backtrack: BoundedBacktracker,
    pikevm: PikeVM,
    caches: Pool<Caches, CachesFn>,
    long: OnceLock<Option<meta::Regex>>,
}

/// One thread's scratch space for a [`Regex`]'s searchers. The capture searchers' caches
/// (the PikeVM's holds a few words per NFA state and capture slot) are made when a search first
/// needs them, which for most patterns on most runs is never.
struct Caches {
    dfa: Option<hybrid::dfa::Cache>,
    backtrack: Option<thompson::backtrack::Cache>,
    pikevm: Option<thompson::pikevm::Cache>,
}

type CachesFn =
    Box<dyn Fn() -> Caches + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

impl fmt::Debug for Regex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Regex")
            .field("states", &self.pikevm.get_nfa().states().len())
            .field("lazy_dfa", &self.dfa.is_some())
            .finish()
    }
}

impl Regex {
    /// Every non-overlapping match in `haystack`, leftmost first, with its capture groups.
    /// `source` is the pattern's source, for the meta regex.
    fn captures_all(&self, source: &str, haystack: &str) -> Vec<Captures> {
        let mut caches = self.caches.get();
        if self.lazy_dfa_verdict(&mut caches, haystack) == Some(false) {
            return Vec::new();
        }
        if haystack.len() <= self.backtrack.max_haystack_len() {
            let cache = caches
                .backtrack
                .get_or_insert_with(|| self.backtrack.create_cache());
            let found: Result<Vec<_>, _> =
                self.backtrack.try_captures_iter(cache, haystack).collect();
            // It fails only on a haystack longer than its visited set allows, ruled out above.
            if let Ok(found) = found {
                return found;
            }
        }
        if let Some(long) = self.long(source) {
            return long.captures_iter(haystack).collect();
        }
        let cache = caches
            .pikevm
            .get_or_insert_with(|| self.pikevm.create_cache());
        self.pikevm.captures_iter(cache, haystack).collect()
    }

    /// Whether the pattern matches anywhere in `haystack`.
    fn is_match(&self, source: &str, haystack: &str) -> bool {
        let verdict = self.lazy_dfa_verdict(&mut self.caches.get(), haystack);
        verdict.unwrap_or_else(|| !self.captures_all(source, haystack).is_empty())
    }

    /// The meta regex for long haystacks, built on first use; `None` if it does not build (it
    /// holds the same NFA, so it builds whenever that does).
    fn long(&self, source: &str) -> Option<&meta::Regex> {
        self.long.get_or_init(|| build_meta(source)).as_ref()
    }

    /// Whether the lazy DFA finds a match in `haystack`; `None` when it cannot say (there is
    /// none for this pattern, or it gave up: a non-ASCII byte next to a Unicode word boundary,
    /// a cache cleared too often), and the capture search must decide.
    fn lazy_dfa_verdict(&self, caches: &mut Caches, haystack: &str) -> Option<bool> {
        let (dfa, cache) = (self.dfa.as_ref()?, caches.dfa.as_mut()?);
        let input = Input::new(haystack).earliest(true);
        dfa.try_search_fwd(cache, &input)
            .ok()
            .map(|found| found.is_some())
    }
}

/// Build `source` with the settings every rule pattern uses: those of `regex::Regex` (leftmost
/// first, no empty match inside a character), case-insensitive. The error is worded as
/// `regex::Error` words it.
pub(crate) fn build(source: &str) -> Result<Regex, String> {
    let hir = syntax::parse_with(source, &syntax_config()).map_err(|err| err.to_string())?;
    let nfa = NFA::compiler()
        .configure(
            NFA::config()
                .utf8(true)
                .nfa_size_limit(Some(SIZE_LIMIT))
                .shrink(false),
        )
        .build_from_hir(&hir)
        .map_err(|err| match err.size_limit() {
            Some(limit) => format!("Compiled regex exceeds size limit of {limit} bytes."),
            None => err.to_string(),
        })?;
    let dfa = hybrid::dfa::Builder::new()
        .configure(
            hybrid::dfa::Config::new()
                .match_kind(MatchKind::LeftmostFirst)
                .unicode_word_boundary(true)
                .cache_capacity(LAZY_DFA_CACHE)
                .minimum_cache_clear_count(Some(3))
                .minimum_bytes_per_state(Some(10)),
        )
        .build_from_nfa(nfa.clone())
        .ok();
    let backtrack = BoundedBacktracker::builder()
        .configure(BoundedBacktracker::config().visited_capacity(BACKTRACK_VISITED))
        .build_from_nfa(nfa.clone())
        .map_err(|err| err.to_string())?;
    let pikevm = PikeVM::new_from_nfa(nfa).map_err(|err| err.to_string())?;
    let create: CachesFn = {
        let dfa = dfa.clone();
        Box::new(move || Caches {
            dfa: dfa.as_ref().map(hybrid::dfa::Cache::new),
            backtrack: None,
            pikevm: None,
        })
    };
    Ok(Regex {
        dfa,
        backtrack,
        pikevm,
        caches: Pool::new(create),
        long: OnceLock::new(),
    })
}

/// `source` as a meta regex with the same settings as [`build`], but without the meta engine's
/// own literal prefilter: a pattern runs only on text that holds its literals ([`prefilter`]).
fn build_meta(source: &str) -> Option<meta::Regex> {
    let config = meta::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(SIZE_LIMIT))
        .hybrid_cache_capacity(LAZY_DFA_CACHE)
        .auto_prefilter(false);
    meta::Builder::new()
        .configure(config)
        .syntax(syntax_config())
        .build(source)
        .ok()
}

/// How every rule pattern is parsed: case-insensitively, matching only valid UTF-8.
fn syntax_config() -> syntax::Config {
    syntax::Config::new().case_insensitive(true).utf8(true)
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
    fn a_sentence_too_long_for_the_backtracker_finds_the_same_match_with_the_same_groups() {
        let matcher = Matcher::lazy(r"\b(?P<verb>regrows?)\s+(?:\w+\s+){0,2}(?P<what>cartilage)\b")
            .expect("parses");
        let short = "PRP regrows knee cartilage fast.";
        let filler = "and the old joint ".repeat(2_000);
        let long = format!("{filler}{short}");
        let regex = matcher.regex().expect("compiles");
        assert!(long.len() > regex.backtrack.max_haystack_len());
        let groups = |text: &str| -> Vec<(String, String)> {
            matcher
                .captures_iter(text)
                .map(|c| {
                    let group = |name| c.name(name).map(|g| g.as_str().to_owned()).unwrap();
                    (group("verb"), group("what"))
                })
                .collect()
        };
        assert_eq!(
            groups(short),
            [("regrows".to_owned(), "cartilage".to_owned())]
        );
        assert_eq!(groups(&long), groups(short));
        let found = matcher.captures(&long).expect("matches");
        assert_eq!(found.get(0).unwrap().start(), filler.len() + "PRP ".len());
        assert!(
            regex.long.get().is_some(),
            "the long sentence went to the meta regex"
        );
        assert!(!matcher.is_match(&filler));
    }

    #[test]
    fn a_unicode_word_boundary_next_to_non_ascii_text_still_matches() {
        // The lazy DFA gives up on a non-ASCII byte beside a Unicode word boundary; the capture
        // search then decides, and finds the match (and no match inside a longer word).
        let matcher = Matcher::lazy(r"\b{start-half}cures?\b{end-half}").expect("parses");
        assert!(matcher.is_match("«Cures» arthritis, café owners say"));
        assert_eq!(
            matcher
                .captures("it “cures” — it said")
                .map(|c| c.get(0).unwrap().as_str()),
            Some("cures")
        );
        assert!(!matcher.is_match("épicures love it"));
        assert!(!matcher.is_match("écures"));
    }

    #[test]
    fn a_pattern_that_does_not_parse_is_not_lazy() {
        assert!(Matcher::lazy("(unclosed").is_none());
    }
}
