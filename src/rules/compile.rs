//! Turn phrases and patterns into regexes, and check template
//! placeholders against capture groups.

use super::matcher::{Found, Matcher};

use super::frame::{self, Mode};
use super::lexicon::Lexicon;

/// Compile a literal phrase: case-insensitive, word-bounded, any run of whitespace between
/// words; a hyphen also matches a space or a Unicode hyphen, an apostrophe a curly one.
/// `lazy`: see [`pattern`].
pub(crate) fn phrase(text: &str, lazy: bool) -> Result<Matcher, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return Err("empty phrase".to_owned());
    };
    let mut source = String::new();
    if first.starts_with(is_word_char) {
        source.push_str(r"\b");
    }
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            source.push_str(r"\s+");
        }
        for c in word.chars() {
            match c {
                '-' | '\u{2010}' | '\u{2011}' => source.push_str(r"[-\u{2010}\u{2011}\s]"),
                '\'' | '\u{2019}' => source.push_str(r"['\u{2019}]"),
                c => source.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
            }
        }
    }
    if last.ends_with(is_word_char) {
        source.push_str(r"\b");
    }
    pattern(&source, lazy).map_err(|err| err.message)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Why a pattern does not compile, and where in the pattern (a char offset and a length in
/// chars) when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PatternError {
    pub message: String,
    pub offset: Option<usize>,
    pub len: usize,
}

/// Compile a pattern or frame that may reference word classes and gaps; also return the
/// classes it uses. Errors point into the text as written, not into the expansion.
pub(crate) fn expanded(
    text: &str,
    mode: Mode,
    lexicon: &Lexicon,
    lazy: bool,
) -> Result<(Matcher, Vec<String>), PatternError> {
    let expanded = frame::expand(text, mode, lexicon).map_err(|err| PatternError {
        message: err.message,
        offset: Some(err.offset),
        len: err.len,
    })?;
    match pattern(&expanded.source, lazy) {
        Ok(matcher) => Ok((matcher, expanded.classes)),
        Err(mut err) => {
            err.offset = err.offset.map(|chars| {
                let byte = expanded
                    .source
                    .char_indices()
                    .nth(chars)
                    .map_or(expanded.source.len(), |(at, _)| at);
                expanded.written_offset(byte)
            });
            Err(err)
        }
    }
}

/// Compile a pattern as written (case-insensitive unless it says `(?-i)`).
///
/// Word boundaries are ASCII (`(?-u:\b)`): the regex crate's fast engines cannot evaluate a
/// Unicode `\b` once the text holds a non-ASCII character, and web copy is full of curly
/// quotes and dashes, so one `’` would send every sentence to the slow engine. In English
/// copy the two agree except next to non-ASCII letters.
///
/// `lazy` (the built-in pack): only parse it now, and compile on first use.
pub(crate) fn pattern(source: &str, lazy: bool) -> Result<Matcher, PatternError> {
    let rewritten = ascii_word_boundaries(source);
    if lazy {
        if let Some(matcher) = Matcher::lazy(&rewritten) {
            return Ok(matcher);
        }
    }
    Matcher::eager(&rewritten).map_err(|rewritten| {
        // Report the error against the pattern as the user wrote it, so offsets match.
        syntax_error(source).unwrap_or_else(|| describe(&rewritten))
    })
}

/// The syntax error in `source`, from the parser itself so that the offset is exact (the
/// regex crate's rendered message has only a caret line, and for a duplicate name it marks
/// the first use before the duplicate). `None` when `source` parses and something else (a
/// size limit) failed.
fn syntax_error(source: &str) -> Option<PatternError> {
    let (message, span) = match regex_syntax::Parser::new().parse(source).err()? {
        regex_syntax::Error::Parse(err) => {
            let span = *err.span();
            let message = match err.kind() {
                regex_syntax::ast::ErrorKind::GroupNameInvalid => {
                    // The error marks the bad character; the message names the whole name.
                    let start = source[..span.start.offset]
                        .rfind('<')
                        .map_or(0, |at| at + 1);
                    let end = source[start..]
                        .find(['>', ')'])
                        .map_or(source.len(), |at| start + at);
                    format!(
                        "invalid capture group name `{}`: a name starts with a letter or `_`, then letters, digits, `_`, `.`, `[` or `]`",
                        &source[start..end]
                    )
                }
                regex_syntax::ast::ErrorKind::GroupNameDuplicate { .. } => format!(
                    "duplicate capture group name `{}`: a pattern may use each name once",
                    &source[span.start.offset..span.end.offset]
                ),
                kind => kind.to_string(),
            };
            (message, span)
        }
        regex_syntax::Error::Translate(err) => (err.kind().to_string(), *err.span()),
        _ => return None,
    };
    let chars = |range: std::ops::Range<usize>| source.get(range).map_or(0, |s| s.chars().count());
    Some(PatternError {
        message,
        offset: Some(chars(0..span.start.offset)),
        len: chars(span.start.offset..span.end.offset).max(1),
    })
}

/// The regex crate's syntax errors are four lines: a header, the pattern, a caret line and
/// `error: …`. Keep the last as the message and the caret as the offset.
fn describe(text: &str) -> PatternError {
    let lines: Vec<&str> = text.lines().collect();
    let message = lines
        .iter()
        .find_map(|line| line.strip_prefix("error: "))
        .map_or_else(|| lines.join(" "), str::to_owned);
    let offset = lines
        .iter()
        .find(|line| line.trim_start().starts_with('^'))
        .and_then(|line| line.find('^'))
        .and_then(|caret| caret.checked_sub(4));
    PatternError {
        message,
        offset,
        len: 1,
    }
}

/// Rewrite `\b` and `\B` as their ASCII forms, leaving escaped backslashes (`\\b`) alone.
fn ascii_word_boundaries(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 16);
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(b @ ('b' | 'B')) => {
                out.push_str("(?-u:\\");
                out.push(b);
                // `\b{start-half}` and the other braced forms keep their argument.
                if b == 'b' && chars.as_str().starts_with('{') {
                    for c in chars.by_ref() {
                        out.push(c);
                        if c == '}' {
                            break;
                        }
                    }
                }
                out.push(')');
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// One piece of a template: text to copy, or a `{name}` to fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Copied as is (`{{` and `}}` have become one brace).
    Text(&'a str),
    /// `{match}`, `{1}`, `{name}`.
    Placeholder(&'a str),
}

/// Why a template cannot be read, and the byte range of the brace(s) in the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TemplateError {
    pub message: String,
    pub start: usize,
    pub end: usize,
}

/// Split a template into text and placeholders. As in Rust's format strings, `{{` and `}}`
/// are literal braces, and any other brace that does not belong to a `{name}` is an error:
/// written into a document as is, a stray `{rest` would be a typo nobody sees until it ships.
pub(crate) fn parse_template(template: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut pieces = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    let bytes = template.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'}' if bytes.get(i + 1) == Some(&bytes[i]) => {
                pieces.push(Piece::Text(&template[text_start..=i]));
                i += 2;
                text_start = i;
            }
            b'{' => {
                let after = &template[i + 1..];
                let close = after
                    .find('}')
                    .filter(|&close| !after[..close].contains('{'));
                let Some(close) = close else {
                    return Err(TemplateError {
                        message: "unclosed `{`: write `{{` for a literal brace".to_owned(),
                        start: i,
                        end: i + 1,
                    });
                };
                let name = &after[..close];
                if !is_placeholder(name) {
                    return Err(TemplateError {
                        message: format!(
                            "`{{{name}}}` is not a placeholder (`{{match}}`, `{{1}}` or a capture group name): write `{{{{` and `}}}}` for literal braces"
                        ),
                        start: i,
                        end: i + close + 2,
                    });
                }
                if text_start < i {
                    pieces.push(Piece::Text(&template[text_start..i]));
                }
                pieces.push(Piece::Placeholder(name));
                i += close + 2;
                text_start = i;
            }
            b'}' => {
                return Err(TemplateError {
                    message: "unmatched `}`: write `}}` for a literal brace".to_owned(),
                    start: i,
                    end: i + 1,
                })
            }
            _ => i += 1,
        }
    }
    if text_start < template.len() {
        pieces.push(Piece::Text(&template[text_start..]));
    }
    Ok(pieces)
}

/// The `{name}` placeholders of a template the loader has accepted, in order.
pub(crate) fn placeholders(template: &str) -> Vec<&str> {
    parse_template(template)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Placeholder(name) => Some(name),
            Piece::Text(_) => None,
        })
        .collect()
}

/// `match`, `1`, `condition`, `repair-verb`: a placeholder name (a class slot's hyphens stand
/// for the underscores of its capture group).
fn is_placeholder(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// The capture group a placeholder names: `{repair-verb}` fills from group `repair_verb`.
fn group_name(name: &str) -> String {
    name.replace('-', "_")
}

/// Why `name` cannot be filled in for every match, or `None` when it can. Each pattern comes
/// with its text as written, for the message.
pub(crate) fn missing_capture(
    name: &str,
    patterns: &[(&Matcher, &str)],
    has_phrases: bool,
) -> Option<String> {
    if name == "match" {
        return None;
    }
    if has_phrases {
        return Some(
            "names a capture group, but the rule has `phrases`, which capture nothing".to_owned(),
        );
    }
    let group = group_name(name);
    let missing: Vec<&str> = patterns
        .iter()
        .filter(|(regex, _)| match name.parse::<usize>() {
            Ok(index) => index == 0 || index >= regex.captures_len(),
            Err(_) => !regex.capture_names().flatten().any(|n| n == group),
        })
        .map(|&(_, written)| written)
        .collect();
    if missing.is_empty() {
        None
    } else {
        Some(format!(
            "is not a capture group of pattern '{}'",
            missing[0]
        ))
    }
}

/// Fill `{match}`, `{1}` and `{name}` from a match. The loader has checked that every name is
/// a group of every pattern, so a group with no text here did not take part in this match
/// (an optional part) and fills in as nothing. `{{` and `}}` are one brace; a template the
/// loader would refuse is copied as written.
pub(crate) fn interpolate(template: &str, captures: &Found<'_>) -> String {
    let Ok(pieces) = parse_template(template) else {
        return template.to_owned();
    };
    let mut out = String::with_capacity(template.len());
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Placeholder(name) => {
                let text = if name == "match" {
                    captures.get(0)
                } else if let Ok(index) = name.parse::<usize>() {
                    captures.get(index)
                } else {
                    captures.name(&group_name(name))
                };
                out.push_str(text.map_or("", |m| m.as_str()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_is_case_insensitive_word_bounded_and_whitespace_flexible() {
        let regex = phrase("cure for arthritis", false).unwrap();
        assert!(regex.is_match("A natural Cure  for\narthritis!"));
        assert!(!regex.is_match("a procure for arthritis"));
        assert!(!regex.is_match("cure for arthritisx"));
    }

    #[test]
    fn phrase_hyphen_matches_space_and_unicode_hyphen() {
        let regex = phrase("pain-free", false).unwrap();
        assert!(regex.is_match("pain-free"));
        assert!(regex.is_match("pain free"));
        assert!(regex.is_match("pain\u{2011}free"));
        assert!(phrase("it's a cure", false)
            .unwrap()
            .is_match("it\u{2019}s a cure"));
    }

    #[test]
    fn phrase_with_punctuation_edges_has_no_boundary_there() {
        assert!(phrase("100%", false)
            .unwrap()
            .is_match("a 100% success rate"));
    }

    #[test]
    fn pattern_error_has_message_and_offset() {
        let err = pattern(r"ab(cd", false).unwrap_err();
        assert_eq!(err.message, "unclosed group");
        assert_eq!(err.offset, Some(2));
    }

    #[test]
    fn bad_capture_names_point_at_the_name_as_written() {
        let err = pattern(r"\bmiracle\s+(?P<1bad>x)", false).unwrap_err();
        assert_eq!(
            (err.message.split(':').next(), err.offset),
            (Some("invalid capture group name `1bad`"), Some(16))
        );
        let err = pattern(r"(?P<a b>x)", false).unwrap_err();
        assert_eq!(err.offset, Some(5), "{err:?}");
        assert!(err.message.contains("`a b`"), "{err:?}");
        let err = pattern(r"(?P<t>a)\s(?P<t>b)", false).unwrap_err();
        assert_eq!(
            err.offset,
            Some(14),
            "the second use, not the first: {err:?}"
        );
        assert!(
            err.message.starts_with("duplicate capture group name `t`"),
            "{err:?}"
        );
        // A multi-line pattern: the offset counts from the start, not from its line.
        let err = pattern("(?x)\n  ab\n  (cd", false).unwrap_err();
        assert_eq!(
            (err.message.as_str(), err.offset),
            ("unclosed group", Some(12))
        );
    }

    #[test]
    fn a_bad_name_in_a_frame_points_into_the_written_opener() {
        let lexicon = Lexicon::new(std::iter::empty());
        let err = expanded(r"miracle (?P<1bad>shot)", Mode::Frame, &lexicon, false).unwrap_err();
        assert_eq!(err.offset, Some(12), "{err:?}");
    }

    #[test]
    fn word_boundaries_become_ascii_and_escapes_stay() {
        assert_eq!(ascii_word_boundaries(r"\bcure\B"), r"(?-u:\b)cure(?-u:\B)");
        assert_eq!(ascii_word_boundaries(r"a\\b\s"), r"a\\b\s");
        assert_eq!(
            ascii_word_boundaries(r"x\b{end-half}"),
            r"x(?-u:\b{end-half})"
        );
        let regex = pattern(r"\bcures\b", false).unwrap();
        assert!(regex.is_match("It “cures” arthritis — really"));
        assert!(!regex.is_match("procures"));
    }

    #[test]
    fn placeholders_are_listed() {
        assert_eq!(
            placeholders("may ease {condition} ({1}) {match} {{literal}}"),
            ["condition", "1", "match"]
        );
    }

    #[test]
    fn doubled_braces_are_literal_and_stray_ones_are_errors() {
        assert_eq!(
            parse_template("a {{b}} {c}}}"),
            Ok(vec![
                Piece::Text("a {"),
                Piece::Text("b}"),
                Piece::Text(" "),
                Piece::Placeholder("c"),
                Piece::Text("}"),
            ])
        );
        let at = |template: &'static str| {
            parse_template(template)
                .map(|_| ())
                .map_err(|e| (e.start, e.end, e.message))
        };
        assert!(matches!(at("may {rest"), Err((4, 5, m)) if m.starts_with("unclosed `{`")));
        assert!(matches!(at("a {b {c}"), Err((2, 3, m)) if m.starts_with("unclosed `{`")));
        assert!(matches!(at("a } b"), Err((2, 3, m)) if m.starts_with("unmatched `}`")));
        assert!(
            matches!(at("a {not a name} b"), Err((2, 14, m)) if m.contains("not a placeholder"))
        );
        assert!(matches!(at("{x}}"), Err((3, 4, _))));
    }

    #[test]
    fn interpolation_fills_named_numbered_and_match() {
        let matcher = Matcher::eager(r"cures (?P<what>\w+) (\w+)").unwrap();
        let caps = matcher.captures("it cures knee arthritis").unwrap();
        assert_eq!(
            interpolate("{match}|{what}|{2}|{{x}}", &caps),
            "cures knee arthritis|knee|arthritis|{x}"
        );
    }

    #[test]
    fn missing_capture_checks_every_pattern() {
        let a = Matcher::eager(r"(?P<c>x)").unwrap();
        let b = Matcher::eager(r"y").unwrap();
        let a = (&a, "(?P<c>x)");
        let b = (&b, "y");
        assert!(missing_capture("c", &[a], false).is_none());
        let both = missing_capture("c", &[a, b], false).expect("b lacks c");
        assert_eq!(both, "is not a capture group of pattern 'y'");
        assert!(missing_capture("1", &[a], false).is_none());
        assert!(missing_capture("2", &[a], false).is_some());
        assert!(missing_capture("match", &[], true).is_none());
        assert!(missing_capture("c", &[a], true).is_some());
    }
}
