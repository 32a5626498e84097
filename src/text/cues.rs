//! Cue lexicons for the context conditions.
//!
//! Every list here is data, not logic: `context/` decides where a cue may sit relative to a
//! match and how far its scope runs. Entries are lowercase and written as space-separated
//! tokens exactly as `context/tokens.rs` tokenises them (words, with `’` normalised to `'` and
//! non-breaking hyphens to `-`; punctuation as separate tokens). A `*` token matches any one
//! word. Each list names its source with the keys of `DOMAIN.md` §5 or `DESIGN.md`.
//!
//! This module deliberately holds no matching code and no regexes.

use crate::text::context::Cues;

// ---------------------------------------------------------------------------------------------
// Negation
// ---------------------------------------------------------------------------------------------

/// Pre-negation cues with a short scope (NegEx uses about five words).
///
/// Source: [NegEx] trigger file (no, not, cannot, without, absence of, rather than, fails to,
/// rules out); general-English additions per DOMAIN.md §2.4 (neither, nor, none, nothing,
/// nobody, lack of). Words ending in `n't` are recognised by `context/` separately.
pub(crate) static NEGATION_PRE: Cues = Cues::new(&[
    "no",
    "not",
    "never",
    "without",
    "cannot",
    "none",
    "neither",
    "nor",
    "nothing",
    "nobody",
    "lack of",
    "lacks",
    "lacked",
    "lacking",
    "absence of",
    "rather than",
    "fail to",
    "fails to",
    "failed to",
    "unable to",
    "far from",
    "rules out",
    "ruled out",
    // Frequency words that deny the claim as a rule ("rarely supports regeneration").
    "rarely",
    "seldom",
    // Apostrophe-less contractions common in web copy (design addition).
    "dont",
    "doesnt",
    "isnt",
    "arent",
    "hasnt",
    "havent",
    "didnt",
    "wasnt",
    "werent",
]);

/// Pre-negation cues that negate the noun phrase right after them; their scope also ends at
/// a comma, so "No surgery, no downtime, stem cells regrow cartilage" leaves the last clause
/// alone.
///
/// Source: design addition for marketing fragments (DOMAIN.md §2.4, negation-is-the-claim trap).
pub(crate) static NEGATION_NP_CUES: Cues = Cues::new(&[
    "no",
    "without",
    "none",
    "nothing",
    "nobody",
    "rather than",
    "lack of",
    "absence of",
    "rarely",
    "seldom",
]);

/// Pre-negation cues with a long scope: they deny a whole embedded proposition, e.g.
/// "there is no evidence that stem cells regrow cartilage".
///
/// Source: [NegEx] (no evidence, no evidence to suggest, not demonstrate); design additions
/// for health-claim prose (DOMAIN.md §2.1 Tier B "has not been shown/proven", [FDA-2021]).
pub(crate) static NEGATION_LONG: Cues = Cues::new(&[
    "no evidence",
    "no * evidence",
    "no * * evidence",
    "no proof",
    "no * proof",
    "no data",
    "no studies",
    "no study",
    "no trial",
    "no trials",
    "little evidence",
    "insufficient evidence",
    "not enough evidence",
    "lack of evidence",
    "not been shown",
    "not been proven",
    "not been proved",
    "not been demonstrated",
    "not been established",
    "not yet been shown",
    "not yet been proven",
    "never been shown",
    "never been proven",
    "n't been shown",
    "n't been proven",
    "n't been proved",
    "n't been demonstrated",
    "n't been established",
    "no good reason",
    "it is false that",
    "it's false that",
    "it is untrue that",
    "it is not true that",
    "it's not true that",
    "it is a myth that",
    "it's a myth that",
    "the myth that",
    // "It would be inaccurate to describe PRP as a proven alternative …"
    "inaccurate to",
    "misleading to",
    "wrong to",
    "incorrect to",
    "false to",
    "there is no proof",
    "no reliable",
]);

/// Post-negation cues: they follow the match and deny it ("… is a myth").
///
/// Source: [NegEx] post-negation (unlikely, was/is ruled out); design additions for
/// myth-busting copy (is false, is not true, is a myth).
pub(crate) static NEGATION_POST: Cues = Cues::new(&[
    "is unlikely",
    "are unlikely",
    "unlikely",
    "is not true",
    "are not true",
    "isn't true",
    "aren't true",
    "is simply not true",
    "is false",
    "are false",
    "is untrue",
    "are untrue",
    "is a myth",
    "are a myth",
    "are myths",
    "is a misconception",
    "is not the case",
    "isn't the case",
    "is not supported",
    "are not supported",
    "is unsupported",
    "is unfounded",
    "are unfounded",
    "has been ruled out",
    "have been ruled out",
    "is ruled out",
    "was ruled out",
    "has not been proven",
    "have not been proven",
    "has not been shown",
    "have not been shown",
    "hasn't been proven",
    "haven't been proven",
    "hasn't been shown",
    "haven't been shown",
]);

/// Pseudo-negations: a negation word followed by one of these does not negate the claim
/// ("not only", "no doubt", and claim-bearing forms like "no longer need surgery").
///
/// Source: [NegEx] pseudo-negation (not only, not necessarily, without difficulty, no
/// change); design additions (no doubt, no wonder, no longer, no more, never felt) for
/// marketing prose where the negation *is* the claim (DOMAIN.md §2.4).
pub(crate) static PSEUDO_NEGATION_NEXT: Cues = Cues::new(&[
    "only",
    "just",
    "doubt",
    "wonder",
    "longer",
    "more",
    "necessarily",
    "difficulty",
    "question",
    "matter",
    "exception",
    "surprise",
    "surprisingly",
    "least",
    "to mention",
    "need",
    "needing",
    "have to",
    "other",
    "one else",
    "felt better",
    "before",
    "been better",
    "been easier",
    "worry",
    "let",
    "wait",
]);

/// Words that turn "nothing/nobody/no one … than/like" into a superlative claim rather than a
/// negation ("Nothing heals knees faster than PRP").
///
/// Source: design addition (comparative-superiority, DOMAIN.md §1.17).
pub(crate) static SUPERLATIVE_MARKERS: Cues =
    Cues::new(&["than", "like", "compares", "compare", "beats"]);

// ---------------------------------------------------------------------------------------------
// Hedges
// ---------------------------------------------------------------------------------------------

/// Epistemic hedge cues, single words or phrases, that hedge the whole clause they sit in.
///
/// Source: [Hyland-2005] appendix (may, might, could, perhaps, possibly, probably, likely,
/// unlikely, appear, seem, tend to, generally, in general, to a certain extent, uncertain,
/// unclear, doubtful); [CoNLL-2010] (embedded questions: whether); ClinCorpus cues (putative,
/// unknown, hypothesize); DOMAIN.md §2.1 Tier B (is being studied, under investigation,
/// experimental, unproven, results vary, for some patients, too early to know, more research
/// is needed).
pub(crate) static HEDGES: Cues = Cues::new(&[
    "may",
    "might",
    "could",
    "couldn't",
    "mightn't",
    "possibly",
    "possible",
    "perhaps",
    "maybe",
    "probably",
    "probable",
    "likely",
    "unlikely",
    "presumably",
    "plausibly",
    "plausible",
    "seemingly",
    "generally",
    "sometimes",
    "appear",
    "appears",
    "appeared",
    "seem",
    "seems",
    "seemed",
    "tend to",
    "tends to",
    "tended to",
    "experimental",
    "investigational",
    "unproven",
    "uncertain",
    "unclear",
    "unknown",
    "doubtful",
    "questionable",
    "putative",
    "preliminary",
    "speculative",
    "theoretically",
    "hypothetically",
    "hypothesized",
    "hypothesised",
    "whether",
    "not necessarily",
    "not known",
    "not yet known",
    "not clear",
    "not certain",
    "not sure",
    "in theory",
    "in principle",
    "potentially",
    "the idea is",
    "the theory is",
    "the thinking is",
    "the hypothesis is",
    "the rationale is",
    "the premise is",
    "the concept is",
    "the idea behind",
    "the theory behind",
    "the thought behind",
    "the thinking behind",
    "the rationale behind",
    "the premise behind",
    "the logic behind",
    "thought to",
    "believed to",
    "in general",
    "to a certain extent",
    "to some extent",
    "in some cases",
    "in certain cases",
    "in some patients",
    "for some patients",
    "some patients",
    "a few patients",
    "a few people",
    "a minority of patients",
    "some relief",
    "certain patients",
    "some people",
    "some individuals",
    "for some",
    "results vary",
    "results can vary",
    "results will vary",
    "individual results",
    "outcomes vary",
    "being studied",
    "being investigated",
    "being explored",
    "being tested",
    "being evaluated",
    "being researched",
    "being examined",
    "under investigation",
    "under study",
    "more research is needed",
    "further research is needed",
    "more studies are needed",
    "more research",
    "further research",
    "too early to",
    "early research",
    "early studies",
    "early evidence",
    "limited evidence",
    "mixed results",
    "mixed evidence",
]);

/// Words of harm that "potentially" grades rather than hedging the claim around it ("no risk
/// of potentially harmful effects").
///
/// Source: design addition.
pub(crate) static HARM_GRADED: Cues = Cues::new(&[
    "harmful",
    "dangerous",
    "serious",
    "life-threatening",
    "fatal",
    "deadly",
    "lethal",
    "toxic",
    "risky",
    "severe",
    "damaging",
    "hazardous",
    "unsafe",
    "adverse",
]);

/// Verbs that follow "some people" when it is vague attribution, not a hedge
/// ("some people say …").
///
/// Source: [Wikipedia-WTW] weasel words ("some people say").
pub(crate) static WEASEL_SAY_VERBS: Cues = Cues::new(&[
    "say", "says", "said", "claim", "believe", "think", "feel", "argue",
]);

/// Evidential verbs that hedge only when a research noun is their subject ("early research
/// suggests …", not "doctors suggest PRP").
///
/// Source: [Hyland-2005] (suggest, indicate); [CoNLL-2010] speculation verbs.
pub(crate) static EVIDENTIAL_VERBS: Cues = Cues::new(&[
    "suggest",
    "suggests",
    "suggested",
    "suggesting",
    "indicate",
    "indicates",
    "indicated",
    "indicating",
    "hint",
    "hints",
]);

/// Subjects that make an evidential verb a hedge.
///
/// Source: design addition (DOMAIN.md §2.1 Tier B "early studies suggest").
pub(crate) static RESEARCH_NOUNS: Cues = Cues::new(&[
    "study",
    "studies",
    "research",
    "evidence",
    "data",
    "results",
    "trial",
    "trials",
    "findings",
    "literature",
    "review",
    "reviews",
    "analysis",
    "analyses",
    "reports",
    "experiments",
    "work",
    "science",
    "this",
    "which",
]);

/// Frames that name a claim as the topic of research, a review or a question, not as an
/// outcome ("trials of MSCs for cartilage repair"); they hedge a match later in their clause.
///
/// Source: `../shared/eval/README.md` decision rule 1 (*is being explored / studied for*), issue 8
/// ("research-topic framing"); the verbs are the research verbs of [Hyland-2005].
pub(crate) static RESEARCH_TOPIC_FRAMES: Cues = Cues::new(&[
    "trial of",
    "trials of",
    "trial testing",
    "trials testing",
    "trials investigating",
    "study of",
    "studies of",
    "study on",
    "studies on",
    "studies investigating",
    "research into",
    "research on",
    "research of",
    "investigation of",
    "investigations of",
    "investigation into",
    "review of",
    "a review of",
    "evaluation of",
    "analysis of",
    "meta-analysis of",
    "experiments on",
    "the role of",
    "the effect of",
    "the effects of",
    "the efficacy of",
    "the effectiveness of",
    "the safety of",
    "the hypothesis is that",
    "hypothesis that",
    "the idea that",
    "the theory that",
    "the question of",
    "investigate",
    "investigates",
    "investigated",
    "investigating",
    "explore",
    "explores",
    "explored",
    "exploring",
    "examine",
    "examines",
    "examined",
    "examining",
    "evaluate",
    "evaluates",
    "evaluated",
    "evaluating",
    "assess",
    "assesses",
    "assessed",
    "assessing",
    "test whether",
    "tests whether",
    "tested whether",
    "testing whether",
    "to determine",
    "to find out",
    "looks at",
    "looked at",
    "looking at",
    "looks for",
    "looked for",
    "looking for",
    "searched for",
    "checked for",
    "tested for",
    "studying how",
    "studying whether",
    "studies how",
    "studied how",
    "to understand how",
    "to learn whether",
    "interest in",
]);

/// Phrases that confine a result to the laboratory or to animals ("made new cartilage in lab
/// tests"): such a result is reported, not promised, unless the sentence carries it over to
/// patients (see [`LAB_TO_PATIENT`]).
///
/// Source: `../shared/eval/README.md` (hard negative: "lab context stated"); DOMAIN.md
/// preclinical-extrapolation.
pub(crate) static LAB_SCOPE: Cues = Cues::new(&[
    "in lab tests",
    "in laboratory tests",
    "in the lab",
    "in the laboratory",
    "in a lab",
    "in a laboratory",
    "in lab studies",
    "in laboratory studies",
    "in vitro",
    "in a dish",
    "in a petri dish",
    "in cell culture",
    "in culture",
    "in mice",
    "in rats",
    "in rabbits",
    "in dogs",
    "in horses",
    "in sheep",
    "in goats",
    "in pigs",
    "in animals",
    "in animal studies",
    "in animal models",
    "in an animal model",
    "in a rat model",
    "in a mouse model",
    "laboratory studies",
    "lab studies",
    "animal studies",
]);

/// Words that carry a lab or animal result over to patients ("… in rats, so it will work for
/// you") or present it as proof ("research in horses confirms …"): with one of them the
/// sentence extrapolates, which preclinical-extrapolation flags.
///
/// Source: DOMAIN.md preclinical-extrapolation.
pub(crate) static LAB_TO_PATIENT: Cues = Cues::new(&[
    "you",
    "your",
    "yours",
    "patients",
    "patient",
    "people",
    "humans",
    "because",
    "will",
    "too",
    "so",
    "therefore",
    "thus",
    "means",
    "proves",
    "proved",
    "proven",
    "proof",
    "confirms",
    "confirmed",
    "available",
    "expect",
    "our",
    "we",
]);

/// Verbs of proof: after a research frame they turn it back into vague authority ("studies of
/// PRP prove it rebuilds cartilage").
///
/// Source: DESIGN.md "Context conditions" (vague authority is not attribution); DOMAIN.md §2.2
/// boosters.
pub(crate) static PROOF_VERBS: Cues = Cues::new(&[
    "show",
    "shows",
    "showed",
    "shown",
    "prove",
    "proves",
    "proved",
    "proven",
    "demonstrate",
    "demonstrates",
    "demonstrated",
    "confirm",
    "confirms",
    "confirmed",
    "establish",
    "establishes",
    "established",
    "found",
    "finds",
    "reveal",
    "reveals",
    "revealed",
    "document",
    "documented",
]);

/// What an approval is accurately for when it is not for the knee: cord blood is approved for
/// disorders of the blood-forming system, a centrifuge is cleared as a device.
///
/// Source: DOMAIN.md regulatory-status (the FDA's list of licensed cord blood products; 510(k)
/// device clearance of PRP systems).
pub(crate) static OTHER_INDICATIONS: Cues = Cues::new(&[
    "blood",
    "blood-forming",
    "hematopoietic",
    "haematopoietic",
    "immune",
    "cancer",
    "cancers",
    "leukemia",
    "lymphoma",
    "transplant",
    "transplants",
    "device",
    "devices",
    "wound",
    "wounds",
    "burns",
]);

/// Phrases that confine a result to a named study population.
///
/// Source: `../shared/eval/README.md` decision rule 9 (results confined to the study population
/// are ok).
pub(crate) static STUDY_POPULATION: Cues = Cues::new(&[
    "in the trial",
    "in this trial",
    "in that trial",
    "in the study",
    "in this study",
    "in that study",
    "in our study",
    "in the cohort",
    "in this cohort",
    "in the study group",
    "in the treatment group",
    "in the treated group",
    "in the control group",
    "in the placebo group",
    "in the injection group",
    "in the prp group",
    "in both groups",
    "in either group",
    "participants",
    "respondents",
    "of the respondents",
    "in the survey",
    "of the participants",
    "study participants",
    "trial participants",
    "the participants",
    "the subjects",
    "enrolled patients",
    "patients in the trial",
    "patients in the study",
    "at follow-up",
    "at final follow-up",
]);

/// Past-tense verbs a study report uses ("patients reported", "the group had").
///
/// Source: design addition; a result *reported* for a study is past tense, a clinic's promise
/// present or future.
pub(crate) static PAST_REPORT_VERBS: Cues = Cues::new(&[
    "reported",
    "had",
    "showed",
    "saw",
    "experienced",
    "improved",
    "achieved",
    "regained",
    "gained",
    "noted",
    "observed",
    "found",
    "were",
    "was",
    "did",
    "felt",
    "lost",
    "grew",
    "developed",
    "returned",
    "received",
    "scored",
]);

/// Verbs that report a source's figure ("the CDC estimates", "a 2019 trial found").
///
/// Source: `../shared/eval/README.md` decision rule 10 (attributed, precise figures are ok).
pub(crate) static SOURCE_VERBS: Cues = Cues::new(&[
    "estimates",
    "estimated",
    "reports",
    "reported",
    "found",
    "finds",
    "says",
    "said",
    "states",
    "stated",
    "counts",
    "counted",
    "recorded",
    "documented",
    "showed",
    "shows",
    "concluded",
]);

/// Organisations whose figures are a named source. Matched only when written with a capital.
///
/// Source: the regulators and agencies cited by DOMAIN.md.
pub(crate) static NAMED_SOURCES: Cues = Cues::new(&[
    "cdc",
    "who",
    "world health organization",
    "nih",
    "national institutes of health",
    "fda",
    "ftc",
    "aaos",
    "american academy of orthopaedic surgeons",
    "american academy of orthopedic surgeons",
    "arthritis foundation",
    "versus arthritis",
    "nhs",
    "nice",
    "cochrane",
    "the lancet",
    "lancet",
    "jama",
    "bmj",
    "census bureau",
    "oarsi",
    "acr",
    "american college of rheumatology",
]);

/// Units a study's size is counted in ("300 patients", "48 knees").
///
/// Source: design addition.
pub(crate) static STUDY_UNITS: Cues = Cues::new(&[
    "patients",
    "participants",
    "subjects",
    "people",
    "adults",
    "knees",
    "women",
    "men",
    "volunteers",
    "athletes",
    "trials",
    "studies",
]);

/// Words that make "would" conditional, and therefore a hedge.
///
/// Source: [Hyland-2005] lists "would" as a hedge in its conditional use only.
pub(crate) static CONDITIONAL_MARKERS: Cues = Cues::new(&["if", "unless", "provided", "assuming"]);

// ---------------------------------------------------------------------------------------------
// Aspiration
// ---------------------------------------------------------------------------------------------

/// Cues that frame a claim as a goal or possibility rather than an outcome.
///
/// Source: DESIGN.md "Context conditions" (aims to, is designed to, seeks to, the goal is, is
/// intended to, potential, potentially, promising, shows promise); DOMAIN.md §2.1 "Not hedges"
/// (potential downgrades one level instead of passing).
pub(crate) static ASPIRATIONAL: Cues = Cues::new(&[
    "ambition",
    "ambitions",
    "work toward",
    "work towards",
    "working toward",
    "working towards",
    "worked toward",
    "worked towards",
    "need for",
    "needs for",
    "the search for",
    "search for",
    "quest for",
    "aim to",
    "aims to",
    "aimed to",
    "aiming to",
    "aimed at",
    "aims at",
    "designed to",
    "designed for",
    "seek to",
    "seeks to",
    "seeking to",
    "sought to",
    "strive to",
    "strives to",
    "striving to",
    "the goal is",
    "the aim is",
    "aim is",
    "remains a goal",
    "remain a goal",
    "remains the goal",
    "remains a hope",
    "remains an aspiration",
    "goal is",
    "the aim of",
    "our goal",
    "the goal of",
    "goal of",
    "the purpose of",
    "the purpose",
    "purpose is",
    "the purpose is",
    "the object is",
    "the objective is",
    "the objective of",
    "our aim",
    "our mission",
    "intended to",
    "meant to",
    "attempt to",
    "attempts to",
    "attempted to",
    "attempting to",
    "an attempt to",
    "try to",
    "tries to",
    "tried to",
    "trying to",
    "hope to",
    "hopes to",
    "hoping to",
    "hoped to",
    "hope that",
    "hopes that",
    "hoped that",
    "hoping that",
    "the hope is",
    "in the hope of",
    "in hopes of",
    "researchers hope",
    "scientists hope",
    "aspire to",
    "aspires to",
    "potential",
    "potentially",
    "promising",
    "shows promise",
    "show promise",
    "showed promise",
    "showing promise",
    "holds promise",
    "hold promise",
    "held promise",
    "one day",
    "someday",
    "eventually",
    "research into",
    "working toward",
    "working towards",
]);

/// Verbs that report someone else's statement without judging it ("predicts", "tells
/// patients that"); they distance a claim only when a rebuttal follows (see [`REBUTTALS`]).
///
/// Source: design addition (DOMAIN.md §2.5 reporting verbs, narrowed to neutral ones).
pub(crate) static REPORTED_SPEECH: Cues = Cues::new(&[
    "predict",
    "predicts",
    "predicted",
    "says",
    "said",
    "tell",
    "tells",
    "told",
    "quoted",
    "cited",
    "calls",
    "called",
    "believes",
    "believed",
    "argues",
    "argued",
    "insists",
    "insisted",
    "suggests",
]);

/// What follows "but" when a reported claim is being rebutted.
///
/// Source: design addition, modelled on FDA/ISSCR wording (DOMAIN.md §2.1 Tier B).
pub(crate) static REBUTTALS: Cues = Cues::new(&[
    "there is no evidence",
    "there's no evidence",
    "no evidence",
    "no good evidence",
    "little evidence",
    "no proof",
    "not been shown",
    "has not been shown",
    "have not been shown",
    "sceptical",
    "skeptical",
    "disagree",
    "disagrees",
    "dispute",
    "disputes",
    "criticised",
    "criticized",
    "reject",
    "rejected",
    "unproven",
    "not supported",
    "trials found no",
    "studies found no",
]);

/// Words before "potential" that make it an innate capacity the writer asserts ("the body's
/// natural potential to repair"), not the future hope that softens a claim.
///
/// Source: design addition (DOMAIN.md §2.3 aspirational framing is about the future).
pub(crate) static INNATE_CAPACITY: Cues =
    Cues::new(&["natural", "innate", "inherent", "own", "healing"]);

/// Aspirational cues that frame a match that comes *before* them, as the clause's predicate
/// ("regrowing cartilage is promising", "… shows promise"); first words only.
///
/// Source: design addition (DESIGN.md `aspirational`), so a trailing "potential alternative"
/// does not soften an unrelated earlier claim.
pub(crate) static POST_ASPIRATIONAL: Cues = Cues::new(&[
    "promising",
    "shows",
    "show",
    "showed",
    "holds",
    "hold",
    "remains",
    "remain",
]);

// ---------------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------------

/// Openers of rhetorical questions that presuppose the claim ("Tired of knee pain? …"), and of
/// why- and how-questions, which presuppose it too.
///
/// Source: design addition (DOMAIN.md §2.6 design note: a question wrapping a claim is a
/// claim).
pub(crate) static RHETORICAL_OPENERS: Cues = Cues::new(&[
    "hard to believe",
    "ready to",
    "are you ready",
    "tired of",
    "sick of",
    "fed up with",
    "why suffer",
    "why wait",
    "why live",
    "why put up",
    "why settle",
    "why not",
    "why risk",
    "did you know",
    "want to",
    "do you want to",
    "wouldn't it be",
    "wouldn't you",
    "isn't it time",
    "isn't it",
    "what if you could",
    "who wouldn't",
    "can you imagine",
    "looking for",
    "need a",
    "still suffering",
    "still living",
    // A why- or how-question presupposes what it asks about: "Why are athletes turning to
    // this breakthrough therapy?" asserts the breakthrough, "How do stem cells rebuild your
    // knee?" the rebuilding. Yes/no questions ("Can stem cells …?") stay genuine.
    "why",
    "how do",
    "how does",
    "how did",
    "how can",
    "how will",
    "how exactly",
    "what makes",
]);

/// Verbs after which "if" opens an embedded question ("ask if", "find out if", "not sure if"):
/// the clause after it is asked about, not asserted. ("whether" opens one anywhere but after
/// [`CONCESSIVE_WHETHER`].)
///
/// Source: design addition (verbs of asking, checking and knowing that take an interrogative
/// clause).
pub(crate) static EMBEDDED_QUESTION_VERBS: Cues = Cues::new(&[
    "ask",
    "asks",
    "asked",
    "asking",
    "check",
    "checks",
    "checking",
    "find out",
    "finding out",
    "wonder",
    "wonders",
    "wondering",
    "know",
    "knows",
    "sure",
    "unsure",
    "see",
    "confirm",
    "verify",
    "question",
    "questioning",
]);

/// Words before "whether" that make it concessive, not a question ("regardless of whether you
/// are 30 or 70, …").
///
/// Source: design addition.
pub(crate) static CONCESSIVE_WHETHER: Cues =
    Cues::new(&["regardless of", "matter", "irrespective of"]);

/// Openers of a next sentence that answer a question affirmatively ("Yes! …").
///
/// Source: DESIGN.md "Context conditions" (`question`: "Can stem cells cure arthritis? Yes!" is
/// a claim); DOMAIN.md §2.6.
pub(crate) static AFFIRMATIVE_ANSWERS: Cues = Cues::new(&[
    "yes",
    "yep",
    "yeah",
    "absolutely",
    "definitely",
    "certainly",
    "indeed",
    "sure",
    "surely",
    "undoubtedly",
    "of course",
    "the answer is yes",
    "the short answer is yes",
    "the answer is a resounding yes",
    "the answer is absolutely",
]);

// ---------------------------------------------------------------------------------------------
// Attribution
// ---------------------------------------------------------------------------------------------

/// Reporting and distancing cues that attribute a following claim to someone the writer keeps
/// at a distance.
///
/// Source: [Wikipedia-WTW] expressions of doubt (supposed, purported, alleged, so-called);
/// DOMAIN.md §2.5 reporting-of-claims verbs (claim, advertise, tout, promise) and warning
/// frames (the FDA warns, beware of, red flag, be wary of) [FDA-2021] [ISSCR-Truth].
pub(crate) static ATTRIBUTION: Cues = Cues::new(&[
    "claim",
    "claims",
    "claimed",
    "claiming",
    "advertise",
    "advertises",
    "advertised",
    "advertising",
    "advertisement",
    "advertisements",
    "marketed",
    "tout",
    "touts",
    "touted",
    "touting",
    "hyped",
    "allege",
    "alleges",
    "alleged",
    "allegedly",
    "purported",
    "purportedly",
    "purport",
    "purports",
    "supposed",
    "supposedly",
    "so-called",
    "so called",
    "falsely",
    "beware",
    "wary",
    "red flag",
    "red flags",
    "warn",
    "warns",
    "warned",
    "warning",
    "warnings",
    "caution",
    "cautions",
    "cautioned",
    "caution against",
    "skeptical of",
    "sceptical of",
    "suspicious of",
    "was told",
    "were told",
    "are told",
    "is told",
    "been told",
    "told",
    "scam",
    "scams",
    "bogus",
    "dubious",
    "misleading",
    "mislead",
    "misleads",
    "misled",
    "deceive",
    "deceives",
    "deceived",
    "deceptive",
    "into believing",
    "into thinking",
    "exploit",
    "exploits",
    "exploiting",
    "prey on",
    "preys on",
    "preying on",
    "fraudulent",
    "unscrupulous",
    "a reputation as",
    "reputation as",
    "a reputation for",
    "hailed as",
    "billed as",
    "branded as",
    "the myth that",
    "myth that",
    "a notion that",
    "the notion that",
    "notion that",
    "the belief that",
    "a belief that",
    "misconception that",
    "the misconception that",
]);

/// Reporting verbs that distance only when followed by "as" before the match
/// ("clinics market stem cells as a cure", "sold as").
///
/// Source: DOMAIN.md §2.5 (market(ed) as, promote(d) as, is/are sold as) [FTC-Henderson-scoop].
pub(crate) static ATTRIBUTION_WITH_AS: Cues = Cues::new(&[
    "market",
    "markets",
    "marketing",
    "promote",
    "promotes",
    "promoted",
    "promoting",
    "sell",
    "sells",
    "sold",
    "selling",
    "bill",
    "billed",
    "pitch",
    "pitched",
    "label",
    "labeled",
    "labelled",
    "describe",
    "describes",
    "described",
    "present",
    "presents",
    "presented",
    "portray",
    "portrayed",
    "brand",
    "branded",
]);

/// Promise verbs: distancing when a third party promises, a claim when "we promise".
///
/// Source: DOMAIN.md §2.5 (promise(s/d)).
pub(crate) static PROMISE_VERBS: Cues = Cues::new(&["promise", "promises", "promised"]);

/// Words just before "promise" that make it the noun of hope, not a reported promise
/// ("shows promise", "the promise of").
///
/// Source: design addition.
pub(crate) static PROMISE_NOUN_MARKERS: Cues = Cues::new(&[
    "show",
    "shows",
    "showed",
    "showing",
    "hold",
    "holds",
    "held",
    "great",
    "much",
    "the",
    "a",
    "its",
    "some",
    "real",
    "early",
    "considerable",
    "significant",
]);

/// First-person words: a reporting verb with one of these as subject is the writer's own
/// claim ("we claim", "we promise", "our clinic promises"), not attribution.
///
/// Source: DESIGN.md "Context conditions" (attributed) and [FTC-255] (endorsements in
/// promotional copy are the advertiser's claims).
pub(crate) static FIRST_PERSON: Cues =
    Cues::new(&["we", "i", "our", "my", "us", "we're", "i'm", "we've"]);

/// Third parties whose "say" is a reported, distanced claim ("some clinics say …").
///
/// Source: design addition modelled on DOMAIN.md §2.5 ("clinics claim").
pub(crate) static COMMERCIAL_SOURCES: Cues = Cues::new(&[
    "clinic",
    "clinics",
    "clinic's",
    "clinics'",
    "provider",
    "providers",
    "seller",
    "sellers",
    "marketers",
    "companies",
    "company",
    "websites",
    "website",
    "ads",
    "advertisers",
    "vendors",
    "brochure",
    "brochures",
    "leaflet",
    "leaflets",
    "flyer",
    "flyers",
    "pamphlet",
    "pamphlets",
    "adverts",
    "advertisements",
    "ad",
    "advert",
    "advertisement",
    "presenter",
    "presenters",
    "salesman",
    "salesmen",
    "salesperson",
    "salespeople",
    // Interested parties, whose view the writer reports without taking it as their own
    // ("proponents say", "advocates argue").
    "proponents",
    "advocates",
    "supporters",
    "promoters",
    "enthusiasts",
    "believers",
]);

/// Verbs of saying that distance only after a commercial source.
///
/// Source: design addition.
pub(crate) static SAY_VERBS: Cues = Cues::new(&[
    "say",
    "says",
    "said",
    "state",
    "states",
    "stated",
    "assert",
    "asserts",
    "insist",
    "insists",
    "tell",
    "tells",
    "told",
    "quote",
    "quotes",
    "quoted",
    "cite",
    "cites",
    "cited",
    "call",
    "calls",
    "called",
    "describe",
    "describes",
    "described",
    "promise",
    "promises",
    "promised",
    "argue",
    "argues",
    "contend",
    "contends",
    "maintain",
    "maintains",
    "believe",
    "believes",
    "announce",
    "announces",
    "announced",
    "boast",
    "boasts",
    "boasted",
    "tout",
    "touts",
    "touted",
]);

/// Vague authorities after "according to": these add false authority and are *not*
/// distancing ("according to research, …").
///
/// Source: [Wikipedia-WTW] weasel words; DOMAIN.md §2.5.
pub(crate) static VAGUE_AUTHORITIES: Cues = Cues::new(&[
    "research",
    "studies",
    "study",
    "experts",
    "expert",
    "doctors",
    "science",
    "scientists",
    "evidence",
    "data",
    "trials",
    "patients",
    "our",
    "we",
]);

/// Who a "told" reports to when it distances ("told patients", "told listeners that"); "told
/// me" is a testimonial, not attribution.
///
/// Source: design addition.
pub(crate) static AUDIENCES: Cues = Cues::new(&[
    "patients",
    "listeners",
    "viewers",
    "consumers",
    "customers",
    "people",
    "the",
    "them",
    "that",
    "readers",
]);

/// Warning frames: they distance a claim from either side ("a guaranteed cure is a red flag",
/// "beware of …").
///
/// Source: DOMAIN.md §2.5 warning frames (red flag, be wary of, beware of); design additions.
pub(crate) static WARNING_FRAMES: Cues = Cues::new(&[
    "red",
    "warning",
    "warnings",
    "wary",
    "beware",
    "scam",
    "scams",
    "bogus",
    "dubious",
    "misleading",
    "fraudulent",
    "falsely",
]);

/// Stems of reporting verbs whose subject decides whether they distance ("clinics claim") or
/// assert ("we claim"). Unlike the other lists these are word prefixes, not whole tokens.
///
/// Source: DOMAIN.md §2.5 reporting-of-claims verbs; design additions.
pub(crate) static REPORTING_VERB_STEMS: Cues = Cues::new(&[
    "claim", "promis", "advertis", "market", "tout", "sold", "sell", "promot", "told", "hyped",
]);

// ---------------------------------------------------------------------------------------------
// Clause structure
// ---------------------------------------------------------------------------------------------

/// Words that start a new clause wherever they occur.
///
/// Source: [NegEx] scope termination (but, however, nevertheless, yet, though, although,
/// except, aside from, apart from); DESIGN.md (but, however, although, yet, except); design
/// additions (whereas, because, unless, when).
pub(crate) static CLAUSE_BREAKERS: Cues = Cues::new(&[
    "but",
    "however",
    "although",
    "though",
    "whereas",
    "while",
    "nevertheless",
    "nonetheless",
    "except",
    "because",
    "unless",
    "when",
    "whenever",
    "yet",
    "aside from",
    "apart from",
]);

/// Subordinators: at the start of a sentence or after a comma they open a clause that the
/// next comma closes ("Although results vary, stem cells regrow cartilage").
///
/// Source: design addition (DESIGN.md: a concessive clause does not hedge the main clause).
pub(crate) static SUBORDINATORS: Cues = Cues::new(&[
    "although", "though", "while", "whereas", "because", "since", "when", "whenever", "unless",
    "if", "whether", "still",
]);

/// Words after "and"/"or" that start a new finite clause ("may ease pain and will regrow
/// cartilage"): finite auxiliaries, modals and subject pronouns. Base forms (have, be, do)
/// are absent because they continue a verb phrase under the first modal.
///
/// Source: DESIGN.md (hedge scope: "may ease pain and will regrow cartilage").
pub(crate) static NEW_CLAUSE_AFTER_AND: Cues = Cues::new(&[
    "will", "would", "can", "could", "may", "might", "must", "shall", "should", "is", "are", "was",
    "were", "has", "does", "did", "it", "they", "we", "you", "he", "she", "this", "these", "there",
    "that's", "it's", "they're", "you'll", "it'll", "they'll", "you're",
]);

/// Contrastive words: the only breaks when segmenting for attribution, which carries across
/// commas, colons and coordination ("The FDA warns: clinics claim …").
///
/// Source: the contrastive subset of [`CLAUSE_BREAKERS`]; DESIGN.md (but, however, although,
/// yet, except).
pub(crate) static CONTRASTIVE: Cues = Cues::new(&[
    "but",
    "however",
    "although",
    "though",
    "whereas",
    "yet",
    "nevertheless",
    "nonetheless",
    "except",
]);

/// Words that may precede "yet" without making it a clause break ("has not yet been shown").
///
/// Source: design addition.
pub(crate) static YET_ADVERB_CONTEXT: Cues = Cues::new(&[
    "not", "never", "has", "have", "had", "is", "are", "was", "were", "been", "as", "nor",
    "evidence", "proof", "data", "research", "studies", "trials",
]);

// ---------------------------------------------------------------------------------------------
// Citations
// ---------------------------------------------------------------------------------------------

/// Capitalised words that precede a year without being an author ("(Since 2010)", "(May
/// 2021"). Compared with the lowercased word before the year, not with tokens.
///
/// Source: design addition.
pub(crate) static NOT_AUTHORS: Cues = Cues::new(&[
    "since",
    "from",
    "until",
    "in",
    "by",
    "founded",
    "established",
    "est",
    "circa",
    "updated",
    "published",
    "as",
    "before",
    "after",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "the",
    "of",
    "and",
    "year",
    "copyright",
    "late",
    "early",
    "mid",
]);
