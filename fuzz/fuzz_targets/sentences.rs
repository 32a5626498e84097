//! `split_sentences` and `context::evaluate` on arbitrary text and arbitrary match ranges:
//! sentences are non-empty, trimmed, in order, non-overlapping and on char boundaries; every
//! condition is evaluated without panicking, and a cue lies inside the sentence on char
//! boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overclaim::rules::Condition;
use overclaim::text::{evaluate, split_sentences};

const CONDITIONS: [Condition; 6] = [
    Condition::Negated,
    Condition::Hedged,
    Condition::Aspirational,
    Condition::Question,
    Condition::Attributed,
    Condition::Cited,
];

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (head, rest) = data.split_at(4);
    let Ok(plain) = std::str::from_utf8(rest) else {
        return;
    };
    let sentences = split_sentences(plain);
    let mut last_end = 0;
    for r in &sentences {
        assert!(r.start < r.end, "empty sentence {r:?} in {plain:?}");
        assert!(r.start >= last_end, "overlap at {r:?} in {plain:?}");
        assert!(r.end <= plain.len());
        assert!(plain.is_char_boundary(r.start) && plain.is_char_boundary(r.end));
        let s = &plain[r.start..r.end];
        assert_eq!(s.trim(), s, "untrimmed sentence {r:?} in {plain:?}");
        last_end = r.end;
    }
    // Arbitrary (possibly reversed, out-of-range, mid-char) match ranges, as `evaluate`
    // promises to clamp them.
    for (index, r) in sentences.iter().enumerate() {
        let sentence = &plain[r.start..r.end];
        let next = sentences.get(index + 1).map(|n| &plain[n.start..n.end]);
        let a = usize::from(head[0]) * 3 % (sentence.len() + 2);
        let b = usize::from(head[1]) * 5 % (sentence.len() + 2);
        let condition = CONDITIONS[usize::from(head[2]) % CONDITIONS.len()];
        for m in [a..b, b..a, a.min(b)..a.max(b)] {
            if let Some(cue) = evaluate(condition, sentence, m, next) {
                assert!(cue.start <= cue.end && cue.end <= sentence.len(), "{cue:?}");
                assert!(sentence.is_char_boundary(cue.start) && sentence.is_char_boundary(cue.end));
            }
        }
    }
    // The whole input as one sentence, with the raw bytes as the range.
    let m = usize::from(head[0]) * 7..usize::from(head[1]) * 11;
    for condition in CONDITIONS {
        let _ = evaluate(condition, plain, m.clone(), None);
    }
});
