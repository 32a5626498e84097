//! The domain lexicon: named word classes that rule patterns share.
//!
//! In: `[class.NAME]` and `[extend-class.NAME]` tables from any pack file (the built-in
//! `rules/lexicon.toml` first, then user packs, which may extend a built-in class or define
//! their own). Out: a [`Lexicon`] that gives each class its expanded forms and the regex that
//! matches any of them, for [`frame`](super::frame) to splice into patterns.
//!
//! Entries are lemmas. The class's `kind` says how they inflect: a `verb` gets its third
//! person, past, participle and `-ing` forms (inflecting the first word of a phrasal verb:
//! "grow back" → "grew back"), a `noun` its plural (inflecting the last word: "stem cell" →
//! "stem cells"), a `fixed` entry stays as written. `irregular` lists the forms the rules
//! cannot derive ("regrow" → "regrew", "regrown"; "meniscus" → "menisci"); they replace the
//! regular past (verbs) or plural (nouns). Every form also matches with British or American
//! spelling ("-ize"/"-ise", "orthopaedic"/"orthopedic" …), and a space or hyphen in an entry
//! matches a space, a hyphen or (for a hyphen) nothing ("stem cell" = "stem-cell",
//! "re-grow" = "regrow").
//!
//! This module knows nothing about rules or matching; it only turns words into forms.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

/// How a class's entries inflect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WordKind {
    /// `repair` → repairs, repaired, repairing.
    Verb,
    /// `injection` → injections.
    Noun,
    /// Matched as written (plus spelling, hyphen and space variants).
    Fixed,
}

impl WordKind {
    /// The name used in lexicon files.
    pub fn as_str(self) -> &'static str {
        match self {
            WordKind::Verb => "verb",
            WordKind::Noun => "noun",
            WordKind::Fixed => "fixed",
        }
    }
}

/// One word class, with every entry expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordClass {
    /// Kebab-case name, referenced in patterns as `{name}`.
    pub name: String,
    /// What the class holds, in words (for `overclaim lexicon` and `explain`).
    pub description: String,
    /// How its entries inflect.
    pub kind: WordKind,
    /// The entries as written, in file order (built-in first, then extensions).
    pub lemmas: Vec<String>,
    /// Every form the class matches, longest first.
    pub forms: Vec<String>,
    /// Where it is defined (`path:line`), and where it was extended.
    pub origins: Vec<String>,
    /// [`WordClass::regex_source`], built once: a class is spliced into many patterns.
    regex: String,
}

impl WordClass {
    /// Build a class from lemmas and irregular forms (keyed by lemma).
    pub fn new(
        name: &str,
        description: &str,
        kind: WordKind,
        lemmas: Vec<String>,
        irregular: &BTreeMap<String, Vec<String>>,
    ) -> WordClass {
        let mut forms = BTreeSet::new();
        for lemma in &lemmas {
            let lemma = lemma.trim().to_lowercase();
            let own = irregular.get(&lemma).map(Vec::as_slice);
            for form in inflect(&lemma, kind, own) {
                forms.extend(spelling_variants(&form));
            }
        }
        let mut forms: Vec<String> = forms.into_iter().collect();
        // Longest first, so that a slot captures "stem cell injections" rather than "stem cell".
        forms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        let regex = trie_regex(&forms);
        WordClass {
            name: name.to_owned(),
            description: description.trim().to_owned(),
            kind,
            lemmas,
            forms,
            origins: Vec::new(),
            regex,
        }
    }

    /// A regex (no capture groups) that matches any form of the class as whole words: a
    /// form that starts or ends with a letter or digit is word-bounded there ("100%" is not
    /// bounded after its `%`).
    ///
    /// The forms are written as a trie ("stem cell(?:s|)", not "stem cells|stem cell"): a
    /// class of a few hundred forms is then a few times smaller, and so is every pattern it is
    /// spliced into, which is most of what compiling the pack costs. At each branch the
    /// continuation with the longest form comes first and ending there last, so a slot still
    /// takes "stem cell injections" rather than "stem cell".
    pub fn regex_source(&self) -> &str {
        &self.regex
    }
}

/// The alternation of `forms` as a trie; see [`WordClass::regex_source`].
fn trie_regex(forms: &[String]) -> String {
    let mut trie = Trie::default();
    for form in forms {
        trie.insert(form);
    }
    let mut out = String::from("(?:");
    trie.write(&mut out, None);
    out.push(')');
    out
}

/// The forms of a class by shared prefix, one char per edge (a curly apostrophe and the
/// Unicode hyphens count as their ASCII forms, which [`form_regex`] matches anyway).
#[derive(Debug, Default)]
struct Trie {
    children: BTreeMap<char, Trie>,
    /// A form ends here.
    is_end: bool,
    /// The length of the longest form through this node, from here.
    longest: usize,
}

impl Trie {
    fn insert(&mut self, form: &str) {
        let chars: Vec<char> = form
            .chars()
            .map(|c| match c {
                '\u{2019}' => '\'',
                '\u{2010}' | '\u{2011}' => '-',
                c => c,
            })
            .collect();
        let mut node = self;
        for (i, &c) in chars.iter().enumerate() {
            node.longest = node.longest.max(chars.len() - i);
            node = node.children.entry(c).or_default();
        }
        node.is_end = true;
    }

    /// Write the alternation of everything below this node; `last` is the char that led
    /// here (`None` at the root).
    fn write(&self, out: &mut String, last: Option<char>) {
        let is_word = |c: char| c.is_alphanumeric();
        let mut children: Vec<(&char, &Trie)> = self.children.iter().collect();
        children.sort_by(|a, b| b.1.longest.cmp(&a.1.longest).then(a.0.cmp(b.0)));
        let mut alternatives: Vec<String> = children
            .into_iter()
            .map(|(&c, child)| {
                let mut branch = String::new();
                if last.is_none() && is_word(c) {
                    branch.push_str(r"\b");
                }
                branch.push_str(&form_regex(c.encode_utf8(&mut [0; 4])));
                child.write(&mut branch, Some(c));
                branch
            })
            .collect();
        // Ending here comes last. After a letter or digit it needs a word bound; otherwise
        // (after "%") it needs nothing, so the continuations become optional.
        let mut optional = false;
        match last {
            Some(c) if self.is_end && is_word(c) => alternatives.push(r"\b".to_owned()),
            Some(_) if self.is_end => optional = !alternatives.is_empty(),
            _ => {}
        }
        match alternatives.as_slice() {
            [] => {}
            [only] if !optional => out.push_str(only),
            _ => {
                out.push_str("(?:");
                out.push_str(&alternatives.join("|"));
                out.push_str(if optional { ")?" } else { ")" });
            }
        }
    }
}

/// The forms of one lemma.
fn inflect(lemma: &str, kind: WordKind, irregular: Option<&[String]>) -> Vec<String> {
    let irregular: Vec<String> = irregular
        .unwrap_or_default()
        .iter()
        .map(|form| form.trim().to_lowercase())
        .collect();
    let words: Vec<&str> = lemma.split(' ').filter(|w| !w.is_empty()).collect();
    let Some((&first, rest)) = words.split_first() else {
        return Vec::new();
    };
    let mut forms = vec![words.join(" ")];
    match kind {
        WordKind::Fixed => forms.extend(irregular),
        WordKind::Verb => {
            let tail = |head: String| {
                let mut phrase = head;
                for word in rest {
                    phrase.push(' ');
                    phrase.push_str(word);
                }
                phrase
            };
            forms.push(tail(third_person(first)));
            forms.push(tail(present_participle(first)));
            if irregular.is_empty() {
                forms.push(tail(past(first)));
            } else {
                forms.extend(irregular);
            }
        }
        WordKind::Noun => {
            let (last, init) = words.split_last().expect("words is not empty");
            if irregular.is_empty() {
                let mut phrase = init.join(" ");
                if !phrase.is_empty() {
                    phrase.push(' ');
                }
                phrase.push_str(&plural(last));
                forms.push(phrase);
            } else {
                forms.extend(irregular);
            }
        }
    }
    forms
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// "heals", "fixes", "carries".
fn third_person(word: &str) -> String {
    if ends_in_consonant_y(word) {
        format!("{}ies", &word[..word.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|end| word.ends_with(end))
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// The plural of a noun: like the third person, with "-is" → "-es" left to `irregular`.
fn plural(word: &str) -> String {
    // "orthopaedics", "biologics", "exosomes": already a plural or a mass noun in -s.
    let is_plural =
        word.ends_with('s') && !["ss", "us", "is"].iter().any(|end| word.ends_with(end));
    if is_plural {
        word.to_owned()
    } else if word.ends_with('o') {
        format!("{word}s")
    } else {
        third_person(word)
    }
}

/// "healed", "restored", "carried", "stopped".
fn past(word: &str) -> String {
    if word.ends_with('e') {
        format!("{word}d")
    } else if ends_in_consonant_y(word) {
        format!("{}ied", &word[..word.len() - 1])
    } else if doubles_final_consonant(word) {
        format!("{word}{}ed", &word[word.len() - 1..])
    } else {
        format!("{word}ed")
    }
}

/// "healing", "restoring", "dying", "stopping".
fn present_participle(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ie") {
        format!("{stem}ying")
    } else if word.len() > 2
        && word.ends_with('e')
        && !["ee", "ye", "oe"].iter().any(|end| word.ends_with(end))
    {
        format!("{}ing", &word[..word.len() - 1])
    } else if doubles_final_consonant(word) {
        format!("{word}{}ing", &word[word.len() - 1..])
    } else {
        format!("{word}ing")
    }
}

fn ends_in_consonant_y(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() > 1 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

/// One-syllable consonant–vowel–consonant words double the consonant ("stop" → "stopped",
/// "knit" → "knitting"); longer words stressed on the last syllable go in `irregular`.
fn doubles_final_consonant(word: &str) -> bool {
    // A compound whose last part is a one-syllable verb doubles as that verb does:
    // "sidestep" → "sidestepped", "outwit" → "outwitted", "upset" → "upsetting".
    const PREFIXES: &[&str] = &["side", "out", "over", "under", "up", "back", "for"];
    if let Some(rest) = PREFIXES.iter().find_map(|p| word.strip_prefix(p)) {
        if rest.len() >= 3 && doubles_final_consonant(rest) {
            return true;
        }
    }
    let b = word.as_bytes();
    if b.len() < 3 || !b.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let (c1, v, c2) = (b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]);
    let syllables = b
        .windows(2)
        .filter(|pair| !is_vowel(pair[0]) && is_vowel(pair[1]))
        .count()
        + usize::from(is_vowel(b[0]));
    syllables == 1 && !is_vowel(c1) && is_vowel(v) && !is_vowel(c2) && !b"wxy".contains(&c2)
}

/// British and American spellings that differ inside a word, written British first.
const SPELLING_PAIRS: &[(&str, &str)] = &[
    ("orthopaed", "orthoped"),
    ("paediatr", "pediatr"),
    ("anaesthe", "anesthe"),
    ("haemo", "hemo"),
    ("haema", "hema"),
    ("oedema", "edema"),
    ("oestro", "estro"),
    ("fibre", "fiber"),
    ("centre", "center"),
    ("tumour", "tumor"),
    ("behaviour", "behavior"),
    ("favour", "favor"),
    ("colour", "color"),
    ("labour", "labor"),
    ("programme", "program"),
];

/// Words that end in "-ise" in both spellings.
const ALWAYS_ISE: &[&str] = &[
    "advertise",
    "advise",
    "comprise",
    "compromise",
    "concise",
    "despise",
    "devise",
    "disguise",
    "enterprise",
    "exercise",
    "expertise",
    "franchise",
    "merchandise",
    "noise",
    "otherwise",
    "poise",
    "praise",
    "precise",
    "premise",
    "promise",
    "raise",
    "revise",
    "rise",
    "supervise",
    "surprise",
    "televise",
    "wise",
];

/// The form itself and its other spelling: "-ize"/"-ise" (and their inflections), "-yze"/"-yse",
/// and the pairs of [`SPELLING_PAIRS`].
fn spelling_variants(form: &str) -> Vec<String> {
    let mut variants = vec![form.to_owned()];
    let swap = |from: &str, to: &str, variants: &mut Vec<String>| {
        let more: Vec<String> = variants
            .iter()
            .filter(|v| v.contains(from))
            .map(|v| v.replace(from, to))
            .collect();
        variants.extend(more);
    };
    for (british, american) in SPELLING_PAIRS {
        swap(british, american, &mut variants);
        swap(american, british, &mut variants);
    }
    let words: Vec<String> = variants.clone();
    for variant in words {
        for (z, s) in [("yz", "ys"), ("iz", "is")] {
            if let Some(other) = swap_suffix_stem(&variant, z, s) {
                variants.push(other);
            }
        }
    }
    variants.sort();
    variants.dedup();
    variants
}

/// Swap "-ize(s|d|r)"/"-izing"/"-ization" (or the "yz" forms) for the other spelling, in
/// each word of `form` long enough to carry the suffix and not on the always-"-ise" list.
fn swap_suffix_stem(form: &str, z: &str, s: &str) -> Option<String> {
    const ENDINGS: &[&str] = &["e", "es", "ed", "er", "ers", "ing", "ation", "ations"];
    let mut changed = false;
    let words: Vec<String> = form
        .split(' ')
        .map(|word| {
            for ending in ENDINGS {
                for (from, to) in [(z, s), (s, z)] {
                    let suffix = format!("{from}{ending}");
                    if let Some(stem) = word.strip_suffix(&suffix) {
                        let base = format!("{stem}{from}e");
                        let is_exempt = ALWAYS_ISE
                            .iter()
                            .any(|w| base == *w || base.ends_with(&format!("-{w}")));
                        if stem.len() >= 3 && !is_exempt {
                            changed = true;
                            return format!("{stem}{to}{ending}");
                        }
                    }
                }
            }
            word.to_owned()
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// A form as a regex: a space matches any whitespace or a hyphen, a hyphen matches a hyphen,
/// whitespace or nothing, an apostrophe a curly one too.
fn form_regex(form: &str) -> String {
    let mut out = String::with_capacity(form.len() + 8);
    for c in form.chars() {
        match c {
            ' ' => out.push_str(r"(?:\s+|[-\u{2010}\u{2011}])"),
            '-' | '\u{2010}' | '\u{2011}' => out.push_str(r"(?:[-\u{2010}\u{2011}]|\s+)?"),
            '\'' | '\u{2019}' => out.push_str(r"['\u{2019}]"),
            c => out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// Every class a run has loaded, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    classes: BTreeMap<String, WordClass>,
}

impl Lexicon {
    /// A lexicon holding `classes`.
    pub fn new(classes: impl IntoIterator<Item = WordClass>) -> Lexicon {
        Lexicon {
            classes: classes.into_iter().map(|c| (c.name.clone(), c)).collect(),
        }
    }

    /// A class by name.
    pub fn get(&self, name: &str) -> Option<&WordClass> {
        self.classes.get(name)
    }

    /// Every class, by name.
    pub fn classes(&self) -> impl Iterator<Item = &WordClass> {
        self.classes.values()
    }

    /// The class names, for "did you mean" messages.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.classes.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(lemma: &str, kind: WordKind, irregular: &[&str]) -> Vec<String> {
        let mut table = BTreeMap::new();
        if !irregular.is_empty() {
            table.insert(
                lemma.to_owned(),
                irregular.iter().map(|s| (*s).to_owned()).collect(),
            );
        }
        let mut forms = WordClass::new("x", "", kind, vec![lemma.to_owned()], &table).forms;
        forms.sort();
        forms
    }

    #[test]
    fn regular_verbs_inflect() {
        assert_eq!(
            forms("repair", WordKind::Verb, &[]),
            ["repair", "repaired", "repairing", "repairs"]
        );
        assert_eq!(
            forms("restore", WordKind::Verb, &[]),
            ["restore", "restored", "restores", "restoring"]
        );
        assert_eq!(
            forms("remedy", WordKind::Verb, &[]),
            ["remedied", "remedies", "remedy", "remedying"]
        );
        assert_eq!(
            forms("knit", WordKind::Verb, &[]),
            ["knit", "knits", "knitted", "knitting"]
        );
        assert_eq!(
            forms("fix", WordKind::Verb, &[]),
            ["fix", "fixed", "fixes", "fixing"]
        );
        assert_eq!(
            forms("sidestep", WordKind::Verb, &[]),
            ["sidestep", "sidestepped", "sidestepping", "sidesteps"]
        );
        assert_eq!(
            forms("outlast", WordKind::Verb, &[]),
            ["outlast", "outlasted", "outlasting", "outlasts"]
        );
    }

    #[test]
    fn irregular_verbs_replace_the_regular_past() {
        assert_eq!(
            forms("regrow", WordKind::Verb, &["regrew", "regrown"]),
            ["regrew", "regrowing", "regrown", "regrows", "regrow"]
                .iter()
                .copied()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn phrasal_verbs_inflect_their_first_word() {
        assert_eq!(
            forms("grow back", WordKind::Verb, &["grew back", "grown back"]),
            [
                "grew back",
                "grow back",
                "growing back",
                "grown back",
                "grows back"
            ]
        );
    }

    #[test]
    fn nouns_inflect_their_last_word() {
        assert_eq!(
            forms("stem cell", WordKind::Noun, &[]),
            ["stem cell", "stem cells"]
        );
        assert_eq!(
            forms("therapy", WordKind::Noun, &[]),
            ["therapies", "therapy"]
        );
        assert_eq!(
            forms("meniscus", WordKind::Noun, &["menisci"]),
            ["menisci", "meniscus"]
        );
        assert_eq!(forms("MSC", WordKind::Noun, &[]), ["msc", "mscs"]);
        assert_eq!(
            forms("regenerative orthopedics", WordKind::Noun, &[]),
            ["regenerative orthopaedics", "regenerative orthopedics"]
        );
        assert_eq!(
            forms("process", WordKind::Noun, &[]),
            ["process", "processes"]
        );
    }

    #[test]
    fn british_and_american_spellings_both_match() {
        assert_eq!(
            forms("revolutionize", WordKind::Verb, &[]),
            [
                "revolutionise",
                "revolutionised",
                "revolutionises",
                "revolutionising",
                "revolutionize",
                "revolutionized",
                "revolutionizes",
                "revolutionizing"
            ]
        );
        assert_eq!(
            forms("orthopaedic surgeon", WordKind::Noun, &[]),
            [
                "orthopaedic surgeon",
                "orthopaedic surgeons",
                "orthopedic surgeon",
                "orthopedic surgeons"
            ]
        );
        // "-ise" words that are not "-ize" words keep one spelling.
        assert_eq!(
            forms("promise", WordKind::Verb, &[]),
            ["promise", "promised", "promises", "promising"]
        );
    }

    #[test]
    fn spaces_and_hyphens_are_interchangeable() {
        let class = WordClass::new(
            "therapy",
            "",
            WordKind::Noun,
            vec!["stem cell".into(), "re-grow".into()],
            &BTreeMap::new(),
        );
        let regex = regex::Regex::new(&format!("^{}$", class.regex_source())).unwrap();
        for text in [
            "stem cell",
            "stem-cell",
            "stem  cells",
            "stem\u{2011}cell",
            "regrow",
            "re-grow",
            "re grows",
        ] {
            assert!(regex.is_match(text), "{text}");
        }
        assert!(!regex.is_match("stemcell"));
    }

    #[test]
    fn the_class_regex_shares_prefixes_and_prefers_the_longest_form() {
        let class = WordClass::new(
            "t",
            "",
            WordKind::Noun,
            vec![
                "stem cell".into(),
                "stem cell injection".into(),
                "stem".into(),
                "100%".into(),
            ],
            &BTreeMap::new(),
        );
        let source = class.regex_source();
        assert_eq!(source.matches("stem").count(), 1, "{source}");
        let regex = regex::Regex::new(source).unwrap();
        let found = |text: &str| regex.find(text).map(|m| m.as_str().to_owned());
        assert_eq!(
            found("our stem cell injections work").as_deref(),
            Some("stem cell injections")
        );
        assert_eq!(found("stem cells").as_deref(), Some("stem cells"));
        assert_eq!(found("stem-cell therapy").as_deref(), Some("stem-cell"));
        assert_eq!(found("stems").as_deref(), Some("stems"));
        assert_eq!(found("stemming"), None);
        assert_eq!(found("a 100%-natural cure").as_deref(), Some("100%"));
        assert_eq!(found("x100% y"), None);
    }

    #[test]
    fn forms_are_longest_first() {
        let class = WordClass::new(
            "t",
            "",
            WordKind::Fixed,
            vec!["stem cell".into(), "stem cell injection".into()],
            &BTreeMap::new(),
        );
        assert_eq!(class.forms, ["stem cell injection", "stem cell"]);
    }
}
