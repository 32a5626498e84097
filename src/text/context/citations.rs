//! The `cited` condition: the sentence carries a citation anywhere in it.
//!
//! In: a sentence. Out: a [`Cue`] for the first citation (footnote marker, superscript, (Author,
//! Year), "et al.", DOI, PMID or a link to the literature), or `None`. "(Since 2010)" and units
//! such as "cm²" are not citations.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::Condition;
use crate::text::context::Cue;
use crate::text::cues;

/// Footnote markers, DOIs, PMIDs, "et al." and links to literature.
///
/// Source: DESIGN.md (`cited`: footnote marker, (Author, Year), DOI, PMID, link to a study);
/// DOMAIN.md §2.6.
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
          \[\s*\d{1,3}(?:\s*[-–—,]\s*\d{1,3})*\s*\]
        | (?:^|[^\s\dmM])[¹²³⁰⁴-⁹]+
        | (?i:\bet\s+al\b)
        | (?i:\bdoi\s*:\s*10\.\d{4,})
        | \b10\.\d{4,9}/\S+
        | (?i:\bPMID\s*:?\s*\d+)
        | \bPMC\d{4,}
        | (?i:\bpubmed\b)
        | (?i:https?://\S*(?:doi\.org|pubmed|ncbi\.nlm\.nih\.gov|nih\.gov|clinicaltrials\.gov
            |sciencedirect|springer|wiley|nejm\.org|thelancet|jamanetwork|bmj\.com|nature\.com
            |cochrane|plos|frontiersin|mdpi|sagepub|tandfonline|academic\.oup|journals\.))
        ",
    )
    .expect("the citation pattern is a valid regex literal")
});

/// "(Okafor, 2021)", "(Okafor and Lee 2019; …)", "Okafor (2021)": the author group is
/// captured so that "(Since 2010)" can be rejected.
static AUTHOR_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
          \(\s*(?P<a>\p{Lu}[\p{L}'’\-]+)(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’\-]+)?,?\s+(?:19|20)\d{2}[a-z]?\b[^)]*\)
        | (?P<b>\p{Lu}[\p{L}'’\-]+)\s+\((?:19|20)\d{2}[a-z]?\)
        ",
    )
    .expect("the author-year pattern is a valid regex literal")
});

pub(super) fn cited(sentence: &str) -> Option<Cue> {
    let author_year = AUTHOR_YEAR.captures_iter(sentence).find_map(|c| {
        let author = c.name("a").or_else(|| c.name("b"))?;
        let whole = c.get(0)?;
        (!cues::NOT_AUTHORS.contains(&author.as_str().to_lowercase().as_str())).then_some(whole)
    });
    let found = CITATION.find(sentence);
    let hit = match (found, author_year) {
        (Some(a), Some(b)) => Some(if a.start() <= b.start() { a } else { b }),
        (a, b) => a.or(b),
    }?;
    // The superscript alternative may include the preceding character; drop it.
    let text = hit.as_str();
    let skip = text
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_alphanumeric() || c.is_whitespace() || c == '.') || is_superscript(c)
        })
        .filter(|&(_, c)| is_superscript(c))
        .map_or(0, |(k, _)| k);
    let start = hit.start() + skip;
    Some(Cue {
        condition: Condition::Cited,
        text: sentence[start..hit.end()].to_string(),
        start,
        end: hit.end(),
    })
}

fn is_superscript(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹')
}

#[cfg(test)]
mod tests {
    use crate::rules::Condition::Cited;
    use crate::text::context::tests::{cue_text, holds};

    #[test]
    fn bracket_marker_is_cited() {
        assert_eq!(
            cue_text(
                Cited,
                "Pain scores improved at one year [4–6].",
                "Pain scores improved"
            ),
            Some("[4–6]".into())
        );
        assert!(holds(Cited, "Pain scores improved [1, 2].", "improved"));
    }

    #[test]
    fn author_year_is_cited() {
        assert!(holds(
            Cited,
            "Pain scores improved (Okafor et al., 2021).",
            "improved"
        ));
        assert!(holds(
            Cited,
            "Pain scores improved (Okafor, 2021).",
            "improved"
        ));
        assert!(holds(
            Cited,
            "Pain scores improved (Okafor 2021).",
            "improved"
        ));
        assert!(holds(
            Cited,
            "Okafor (2021) saw improved pain scores.",
            "improved"
        ));
    }

    #[test]
    fn year_in_brackets_is_not_cited() {
        assert!(!holds(
            Cited,
            "We have healed knees (since 2010).",
            "healed knees"
        ));
        assert!(!holds(
            Cited,
            "We have healed knees (Since 2010).",
            "healed knees"
        ));
        assert!(!holds(
            Cited,
            "We have healed knees for 2 years.",
            "healed knees"
        ));
    }

    #[test]
    fn doi_pmid_and_superscript_are_cited() {
        assert!(holds(
            Cited,
            "See doi:10.1177/0363546520123456 for data.",
            "data"
        ));
        assert!(holds(
            Cited,
            "A trial found gains (PMID 31234567).",
            "gains"
        ));
        assert!(holds(Cited, "A trial found gains.²³", "gains"));
        assert!(holds(
            Cited,
            "Details: https://pubmed.ncbi.nlm.nih.gov/31234567/",
            "Details"
        ));
    }

    #[test]
    fn unit_superscript_is_not_cited() {
        assert!(!holds(Cited, "The defect was 2 cm² and healed.", "healed"));
    }

    // ----- lexicon tables --------------------------------------------------------------------

    #[test]
    fn et_al_and_bare_doi_are_cited() {
        assert!(holds(Cited, "Okafor et al. saw gains in pain.", "gains"));
        assert!(holds(
            Cited,
            "Gains in pain were seen, 10.1016/j.jcot.2020.01.002.",
            "Gains"
        ));
        assert!(!holds(
            Cited,
            "Gains in pain were seen in 10 patients.",
            "Gains"
        ));
    }
}
