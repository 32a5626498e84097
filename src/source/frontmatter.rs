//! YAML front matter at the top of a Markdown file.
//!
//! A file has front matter when it starts (after an optional BOM) with a `---` line and a
//! later line is `---` or `...`. Only the values of the top-level `title:` and
//! `description:` keys are prose: one [`BlockKind::FrontMatter`] block each, mapped to the
//! value's own bytes (surrounding quotes stripped, `\"` and `''` escapes decoded, folded lines
//! joined by one space). Everything else in the front matter is not prose. Each block records
//! its scalar style as an [`Encoding`], so a fix is re-escaped (`\"`, `''`) for it, or refused
//! in a plain scalar that would need quotes. This is not a YAML
//! parser: anchors, flow collections and nested keys are skipped, not understood.

use crate::source::map::MapBuilder;
use crate::source::{BlockKind, Encoding, ProseBlock, Span};

/// Keys whose values are prose.
const PROSE_KEYS: [&str; 2] = ["title", "description"];

/// The front matter found at the start of a document.
#[derive(Debug)]
pub(crate) struct FrontMatter {
    /// The `title` and `description` blocks, in source order.
    pub(crate) blocks: Vec<ProseBlock>,
    /// Where the Markdown body starts: just after the closing `---` line.
    pub(crate) body_start: usize,
}

/// One line of the front matter: `start..end` excludes the line terminator (`\n`, `\r\n`).
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// The front matter of `src` if it starts at `body_start` (just after any BOM).
pub(crate) fn parse(src: &str, body_start: usize) -> Option<FrontMatter> {
    let mut lines = Vec::new();
    let mut at = body_start;
    let rest = src.get(body_start..)?;
    for raw in rest.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        lines.push((
            Line {
                start: at,
                end: at + content.len(),
            },
            at + raw.len(),
        ));
        at += raw.len();
    }
    let (first, _) = lines.first()?;
    if line_text(src, *first).trim_end() != "---" {
        return None;
    }
    let close = lines.iter().skip(1).position(|(line, _)| {
        let text = line_text(src, *line).trim_end();
        text == "---" || text == "..."
    })? + 1;
    let yaml: Vec<Line> = lines[1..close].iter().map(|(line, _)| *line).collect();
    let body_start = lines[close].1;
    let mut blocks = Vec::new();
    for (i, line) in yaml.iter().enumerate() {
        let Some(value_start) = prose_value_start(src, *line) else {
            continue;
        };
        let mut builder = MapBuilder::new(src);
        let encoding = read_value(src, &yaml[i..], value_start, &mut builder);
        if !builder.is_empty() {
            let (plain, map) = builder.finish();
            blocks.push(ProseBlock {
                kind: BlockKind::FrontMatter,
                plain,
                map,
                encoding,
            });
        }
    }
    Some(FrontMatter { blocks, body_start })
}

fn line_text(src: &str, line: Line) -> &str {
    src.get(line.start..line.end).unwrap_or_default()
}

/// If `line` is a top-level `title:` or `description:` key (optionally quoted), the offset
/// just after its colon.
fn prose_value_start(src: &str, line: Line) -> Option<usize> {
    let text = line_text(src, line);
    let colon = text.find(':')?;
    let key = text[..colon].trim_end();
    let key = ['"', '\'']
        .iter()
        .find_map(|q| key.strip_prefix(*q).and_then(|k| k.strip_suffix(*q)))
        .unwrap_or(key);
    let after = &text[colon + 1..];
    let separated = after.is_empty() || after.starts_with([' ', '\t']);
    (PROSE_KEYS.contains(&key) && separated).then_some(line.start + colon + 1)
}

/// Push the value that starts at `value_start` on `lines[0]` into `builder`; returns how text
/// written back into it must be spelled (its scalar style).
fn read_value(
    src: &str,
    lines: &[Line],
    value_start: usize,
    builder: &mut MapBuilder<'_>,
) -> Encoding {
    let Some(first) = lines.first() else {
        return Encoding::YamlPlain;
    };
    let rest = src.get(value_start..first.end).unwrap_or_default();
    let value = rest.trim_start();
    let value_start = value_start + (rest.len() - value.len());
    let continuation = continuation_lines(src, &lines[1..]);
    match value.chars().next() {
        Some(quote @ ('"' | '\'')) => {
            let region_end = continuation.last().map_or(first.end, |l| l.end);
            if read_quoted(src, value_start, region_end, quote, builder) {
                if quote == '"' {
                    Encoding::YamlDoubleQuoted
                } else {
                    Encoding::YamlSingleQuoted
                }
            } else {
                read_plain(src, value_start, first.end, &[], builder);
                Encoding::YamlPlain
            }
        }
        Some('|' | '>') if is_block_indicator(value) => {
            // A block scalar holds any text on its lines as written.
            read_plain_lines(src, &continuation, builder);
            Encoding::Verbatim
        }
        None => {
            read_plain_lines(src, &continuation, builder);
            Encoding::YamlPlain
        }
        Some(_) => {
            read_plain(src, value_start, first.end, &continuation, builder);
            Encoding::YamlPlain
        }
    }
}

/// `|`, `>`, with optional chomping/indentation indicators and an optional comment.
fn is_block_indicator(value: &str) -> bool {
    let rest =
        value[1..].trim_start_matches(['-', '+', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    let rest = rest.trim_start();
    rest.is_empty() || rest.starts_with('#')
}

/// The indented (or blank) lines right after a key, which belong to its value.
fn continuation_lines(src: &str, lines: &[Line]) -> Vec<Line> {
    let mut out: Vec<Line> = lines
        .iter()
        .take_while(|l| {
            let text = line_text(src, **l);
            text.trim().is_empty() || text.starts_with([' ', '\t'])
        })
        .copied()
        .collect();
    while out
        .last()
        .is_some_and(|l| line_text(src, *l).trim().is_empty())
    {
        out.pop();
    }
    out
}

/// A plain scalar: the rest of the first line (without a ` #` comment) and its indented
/// continuation lines, joined by single spaces.
fn read_plain(
    src: &str,
    start: usize,
    end: usize,
    continuation: &[Line],
    builder: &mut MapBuilder<'_>,
) {
    let text = src.get(start..end).unwrap_or_default();
    let text = strip_comment(text).trim_end();
    builder.push_prose(start, start + text.len());
    read_plain_lines(src, continuation, builder);
}

/// Lines of a block scalar or plain continuation, each trimmed, joined by single spaces.
fn read_plain_lines(src: &str, lines: &[Line], builder: &mut MapBuilder<'_>) {
    for line in lines {
        let text = line_text(src, *line);
        let trimmed = text.trim();
        if trimmed.is_empty() {
            continue;
        }
        let start = line.start + (text.len() - text.trim_start().len());
        builder.push_break(Span {
            start: line.start,
            end: start,
        });
        builder.push_prose(start, start + trimmed.len());
    }
}

/// `text` up to a YAML comment (`#` at the start or after whitespace).
fn strip_comment(text: &str) -> &str {
    let bytes = text.as_bytes();
    let cut = (0..bytes.len())
        .find(|&i| bytes[i] == b'#' && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t'));
    cut.map_or(text, |i| &text[..i])
}

/// A quoted scalar starting with `quote` at `start`, possibly over several lines ending by
/// `region_end`. Returns false if it is not closed there.
fn read_quoted(
    src: &str,
    start: usize,
    region_end: usize,
    quote: char,
    builder: &mut MapBuilder<'_>,
) -> bool {
    let Some(region) = src.get(start + 1..region_end) else {
        return false;
    };
    let base = start + 1;
    let mut run_start = 0;
    let mut chars = region.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let escape = match (quote, c) {
            ('\'', '\'') if matches!(chars.peek(), Some((_, '\''))) => {
                chars.next();
                Some(("'", 2))
            }
            ('"', '\\') => chars.next().map(|(_, e)| {
                let decoded = match e {
                    '"' => "\"",
                    '\\' => "\\",
                    '/' => "/",
                    '\'' => "'",
                    _ => " ",
                };
                (decoded, 1 + e.len_utf8())
            }),
            _ => None,
        };
        if let Some((decoded, len)) = escape {
            builder.push_prose(base + run_start, base + i);
            builder.push_replaced(
                decoded,
                Span {
                    start: base + i,
                    end: base + i + len,
                },
            );
            run_start = i + len;
            continue;
        }
        if c == quote {
            builder.push_prose(base + run_start, base + i);
            return true;
        }
        if c == '\n' || c == '\r' {
            // A line break inside quotes folds to one space with the spaces around it.
            let before = region[run_start..i].trim_end();
            builder.push_prose(base + run_start, base + run_start + before.len());
            let mut next = i + c.len_utf8();
            while let Some(&(j, w)) = chars.peek() {
                if !w.is_whitespace() {
                    break;
                }
                next = j + w.len_utf8();
                chars.next();
            }
            builder.push_break(Span {
                start: base + run_start + before.len(),
                end: base + next,
            });
            run_start = next;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::source::tests::{parse_checked, plains};
    use crate::source::{BlockKind, Document, Format, TextRange};

    fn parse(text: &str) -> Document {
        parse_checked(text, Format::Markdown)
    }

    #[test]
    fn front_matter_title_and_description_included_other_keys_excluded() {
        let doc = parse(
            "---\ntitle: Stem Cells Cure Knee Pain\nauthor: Dr. Guaranteed Results\ntags: [cure, regrow]\ndescription: \"Regrow cartilage in 2 weeks\" # seo\nsubtitle: no surgery ever\n---\n\nBody text.\n",
        );
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::FrontMatter, "Stem Cells Cure Knee Pain"),
                (BlockKind::FrontMatter, "Regrow cartilage in 2 weeks"),
                (BlockKind::Paragraph, "Body text."),
            ]
        );
        let desc = &doc.blocks[1];
        let span = desc.map.to_source(TextRange { start: 0, end: 6 }).unwrap();
        assert_eq!(&doc.text[span.start..span.end], "Regrow");
        assert_eq!(&doc.text[span.start - 1..span.start], "\"");
    }

    #[test]
    fn front_matter_quotes_escapes_and_folded_values() {
        let doc = parse(
            "---\r\ntitle: 'It''s a cure'\r\ndescription: >-\r\n  Regrow cartilage\r\n  without surgery.\r\nnested:\r\n  title: not top level\r\n...\r\nBody.\r\n",
        );
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::FrontMatter, "It's a cure"),
                (BlockKind::FrontMatter, "Regrow cartilage without surgery."),
                (BlockKind::Paragraph, "Body."),
            ]
        );
        let title = &doc.blocks[0];
        // The `''` escape is one replaced piece: whole or nothing.
        let span = title.map.to_source(TextRange { start: 0, end: 3 }).unwrap();
        assert_eq!(&doc.text[span.start..span.end], "It''");
        assert_eq!(
            title.map.covering(TextRange { start: 2, end: 3 }).end - span.start,
            4
        );
        let span = title
            .map
            .to_source(TextRange { start: 5, end: 11 })
            .unwrap();
        assert_eq!(&doc.text[span.start..span.end], "a cure");
    }

    #[test]
    fn front_matter_double_quoted_escape_and_multiline_plain() {
        let doc = parse(
            "---\ntitle: \"The \\\"miracle\\\" shot\"\ndescription: Stem cells\n  heal knees\nlayout: post\n---\n",
        );
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::FrontMatter, "The \"miracle\" shot"),
                (BlockKind::FrontMatter, "Stem cells heal knees"),
            ]
        );
    }

    #[test]
    fn unclosed_front_matter_is_markdown() {
        let doc = parse("---\ntitle: Cure\n");
        assert!(doc.blocks.iter().all(|b| b.kind != BlockKind::FrontMatter));
        assert!(doc.blocks.iter().any(|b| b.plain.contains("title: Cure")));
    }

    #[test]
    fn front_matter_after_bom_shifts_offsets() {
        let doc = parse("\u{feff}---\ntitle: Cure\n---\n");
        assert_eq!(plains(&doc), [(BlockKind::FrontMatter, "Cure")]);
        let span = doc.blocks[0]
            .map
            .to_source(TextRange { start: 0, end: 4 })
            .unwrap();
        assert_eq!((span.start, span.end), (14, 18));
    }
}
