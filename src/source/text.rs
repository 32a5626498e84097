//! Plain-text files: split lines into prose blocks.
//!
//! Blank (whitespace-only) lines separate blocks. Inside a run of lines a new block starts
//! at a line boundary when:
//!
//! - the next line starts with a list marker (`- `, `* `, `• `, `1. `, `1) `): the marker
//!   and the spaces after it are not prose;
//! - the current line looks like a heading (no terminal punctuation `. ! ? : ; ,`, at most
//!   ten words) and the next line starts with an uppercase letter;
//! - the current line ends a sentence (`.`, `!`, `?`, not an abbreviation such as `Dr.` or
//!   `e.g.`) and the next line starts with an uppercase letter. Copy pasted from web pages
//!   often has one paragraph per line and no blank lines; splitting there costs nothing,
//!   because a sentence ends at that point anyway, and it keeps a heading line that follows a
//!   paragraph from being glued onto it.
//!
//! Otherwise lines join into one block, each line break (with the spaces around it) becoming
//! one space. Bare URLs are not prose. This module does not guess at any other structure.

use crate::source::map::MapBuilder;
use crate::source::{BlockKind, Format, ProseBlock, Span};

/// Most words a heading-like line may have.
const MAX_HEADING_WORDS: usize = 10;

/// One non-blank line, as byte offsets into the whole text.
#[derive(Debug, Clone, Copy)]
struct Line {
    /// First byte after leading whitespace and any list marker.
    prose_start: usize,
    /// One past the last non-whitespace byte.
    text_end: usize,
    /// The line starts with a list marker.
    is_list_item: bool,
}

/// Blocks of the plain text `src[body_start..]` (after a BOM, if any).
pub(crate) fn parse_blocks(src: &str, body_start: usize) -> Vec<ProseBlock> {
    let mut blocks = Vec::new();
    let mut run: Vec<Line> = Vec::new();
    let mut line_start = body_start;
    let body = src.get(body_start..).unwrap_or_default();
    for raw in split_lines(body) {
        let start = line_start;
        line_start += raw.len();
        let Some(line) = scan_line(src, start, raw) else {
            flush(src, &mut run, &mut blocks);
            continue;
        };
        if let Some(prev) = run.last() {
            if starts_new_block(src, prev, &line) {
                flush(src, &mut run, &mut blocks);
            }
        }
        run.push(line);
    }
    flush(src, &mut run, &mut blocks);
    blocks
}

/// Lines of `text`, each with its terminator: `\n`, `\r\n`, or a lone `\r` (classic Mac).
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut end = start;
        while end < bytes.len() {
            match bytes[end] {
                b'\n' => {
                    end += 1;
                    break;
                }
                b'\r' if bytes.get(end + 1) != Some(&b'\n') => {
                    end += 1;
                    break;
                }
                _ => end += 1,
            }
        }
        let line = text.get(start..end);
        start = end;
        line
    })
}

/// The line at `start` with text `raw` (terminator included), or `None` if it is blank.
fn scan_line(src: &str, start: usize, raw: &str) -> Option<Line> {
    let content = raw.trim_start();
    if content.trim_end().is_empty() {
        return None;
    }
    let indent = raw.len() - content.len();
    let text_end = start + raw.trim_end().len();
    let marker = list_marker_len(content.trim_end());
    let mut prose_start = start + indent + marker;
    if marker > 0 {
        let after = src.get(prose_start..text_end).unwrap_or_default();
        prose_start += after.len() - after.trim_start().len();
    }
    Some(Line {
        prose_start,
        text_end,
        is_list_item: marker > 0,
    })
}

/// Length of a list marker at the start of `s` (`- `, `* `, `• `, `12. `, `3) `), not
/// counting the whitespace after it; 0 if there is none or nothing follows it.
fn list_marker_len(s: &str) -> usize {
    let followed_by_space = |len: usize| {
        s.get(len..)
            .is_some_and(|rest| rest.starts_with([' ', '\t']))
    };
    for bullet in ['-', '*', '•'] {
        if s.starts_with(bullet) && followed_by_space(bullet.len_utf8()) {
            return bullet.len_utf8();
        }
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits)
        && s[digits..].starts_with(['.', ')'])
        && followed_by_space(digits + 1)
    {
        return digits + 1;
    }
    0
}

/// Whether a block boundary falls between `prev` and `next` (two adjacent non-blank lines).
fn starts_new_block(src: &str, prev: &Line, next: &Line) -> bool {
    if next.is_list_item {
        return true;
    }
    let prev_text = src.get(prev.prose_start..prev.text_end).unwrap_or_default();
    let next_text = src.get(next.prose_start..next.text_end).unwrap_or_default();
    let next_upper = next_text.chars().next().is_some_and(char::is_uppercase);
    next_upper && (is_heading_like(prev_text) || ends_sentence(prev_text))
}

/// No terminal punctuation at the end and at most ten words.
fn is_heading_like(line: &str) -> bool {
    let ends_with_punct = line.ends_with(['.', '!', '?', ':', ';', ',']);
    !ends_with_punct && line.split_whitespace().count() <= MAX_HEADING_WORDS
}

/// Ends with `.`, `!` or `?` (before any closing quotes or brackets), and the last word is
/// not an abbreviation that would leave the sentence open ("Dr.", "e.g.", "U.S.").
fn ends_sentence(line: &str) -> bool {
    let line = line.trim_end_matches(['"', '\'', ')', ']', '”', '’', '»']);
    if line.ends_with(['!', '?']) {
        return true;
    }
    let Some(before_dot) = line.strip_suffix('.') else {
        return false;
    };
    let last_word = before_dot
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default();
    let is_abbreviation = last_word.contains('.')
        || (last_word.chars().count() <= 3
            && last_word.chars().next().is_some_and(char::is_uppercase)
            && last_word.chars().skip(1).all(char::is_lowercase));
    !is_abbreviation
}

/// Turn the lines of one block into a [`ProseBlock`] and clear `run`.
fn flush(src: &str, run: &mut Vec<Line>, blocks: &mut Vec<ProseBlock>) {
    let Some(first) = run.first() else {
        return;
    };
    let mut builder = MapBuilder::new(src);
    let mut prev_end = None;
    for line in run.iter() {
        if let Some(end) = prev_end {
            builder.push_break(Span {
                start: end,
                end: line.prose_start,
            });
        }
        builder.push_prose(line.prose_start, line.text_end);
        prev_end = Some(line.text_end);
    }
    let kind = if first.is_list_item {
        BlockKind::ListItem
    } else {
        let text = src
            .get(first.prose_start..first.text_end)
            .unwrap_or_default();
        let starts_upper = text.chars().next().is_some_and(char::is_uppercase);
        if run.len() == 1 && starts_upper && is_heading_like(text) {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        }
    };
    run.clear();
    if builder.is_empty() {
        return;
    }
    let (plain, map) = builder.finish();
    blocks.push(ProseBlock {
        kind,
        plain,
        map,
        encoding: Format::Text.encoding(),
    });
}

#[cfg(test)]
mod tests {
    use crate::source::tests::{parse_checked, plains};
    use crate::source::{BlockKind, Document, Format, TextRange};

    fn parse(text: &str) -> Document {
        parse_checked(text, Format::Text)
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_lines_join_with_one_space() {
        let doc = parse("Stem cells may\n   help knees.\n\n  \nPRP is\tdifferent.\n");
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Paragraph, "Stem cells may help knees."),
                (BlockKind::Paragraph, "PRP is\tdifferent."),
            ]
        );
        // A fix across the joined line break replaces one contiguous source range.
        let span = doc.blocks[0]
            .map
            .to_source(TextRange { start: 11, end: 19 })
            .unwrap();
        assert_eq!(&doc.text[span.start..span.end], "may\n   help");
    }

    #[test]
    fn heading_line_splits_from_next_capitalised_line() {
        let doc = parse("Clinical Applications\nStem cells cure arthritis.\nConclusion\nStem cells regrow cartilage.\n");
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Heading, "Clinical Applications"),
                (BlockKind::Paragraph, "Stem cells cure arthritis."),
                (BlockKind::Heading, "Conclusion"),
                (BlockKind::Paragraph, "Stem cells regrow cartilage."),
            ]
        );
    }

    #[test]
    fn wrapped_lines_without_capital_stay_one_block() {
        let doc =
            parse("Our injections are designed to\nease pain, and results\nvary by patient.\n");
        assert_eq!(
            plains(&doc),
            [(
                BlockKind::Paragraph,
                "Our injections are designed to ease pain, and results vary by patient."
            )]
        );
    }

    #[test]
    fn abbreviation_at_line_end_does_not_split() {
        let doc = parse("Ask Dr.\nSmith about it, e.g.\nDuring a visit.\n");
        assert_eq!(
            plains(&doc),
            [(
                BlockKind::Paragraph,
                "Ask Dr. Smith about it, e.g. During a visit."
            )]
        );
    }

    #[test]
    fn list_markers_start_items_and_are_not_prose() {
        let doc = parse(
            "Benefits include:\n- Faster healing\n  of the joint.\n* No surgery\n• Pain-free\n1. First\n12) Twelfth\n-not a marker\n",
        );
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Paragraph, "Benefits include:"),
                (BlockKind::ListItem, "Faster healing of the joint."),
                (BlockKind::ListItem, "No surgery"),
                (BlockKind::ListItem, "Pain-free"),
                (BlockKind::ListItem, "First"),
                (BlockKind::ListItem, "Twelfth -not a marker"),
            ]
        );
        let item = &doc.blocks[1];
        let span = item.map.to_source(TextRange { start: 0, end: 6 }).unwrap();
        assert_eq!(&doc.text[span.start..span.end], "Faster");
        assert_eq!(&doc.text[span.start - 2..span.start], "- ");
    }

    #[test]
    fn crlf_offsets_exact_and_no_carriage_return_in_plain() {
        let doc = parse("Knee Pain Relief\r\nStem cells cure\r\n  arthritis fast.  \r\n\r\n- Guaranteed results\r\n");
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Heading, "Knee Pain Relief"),
                (BlockKind::Paragraph, "Stem cells cure arthritis fast."),
                (BlockKind::ListItem, "Guaranteed results"),
            ]
        );
        let para = &doc.blocks[1];
        let cover = para.map.covering(TextRange { start: 11, end: 25 });
        assert_eq!(&doc.text[cover.start..cover.end], "cure\r\n  arthritis");
        let item = &doc.blocks[2];
        let span = item.map.to_source(TextRange { start: 0, end: 10 }).unwrap();
        assert_eq!(&doc.text[span.start..span.end], "Guaranteed");
    }

    #[test]
    fn lone_carriage_returns_are_line_breaks() {
        let doc = parse("Old Mac file\rStem cells cure\rarthritis.\r\rNew block.");
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Heading, "Old Mac file"),
                (BlockKind::Paragraph, "Stem cells cure arthritis."),
                (BlockKind::Paragraph, "New block."),
            ]
        );
    }

    #[test]
    fn urls_are_not_prose() {
        let doc = parse("Book now at https://clinic.example/knee.\n");
        assert_eq!(plains(&doc), [(BlockKind::Paragraph, "Book now at .")]);
    }

    #[test]
    fn seed_document_every_line_its_own_block() {
        let seed = "Stem cell therapy for knee bone healing is a rapidly advancing field. It offers a solution.\n\
Typically, mesenchymal stem cells (MSCs) are used for this treatment.\n\
Clinical Applications and Approaches in Treatment\n\
- Osteoarthritis: One of the primary conditions is osteoarthritis. Stem cell therapy seeks to regenerate damaged cartilage.\n\
- Meniscus Repair: Stem cells can be introduced into the meniscus.\n\
Conclusion\n\
Stem cell therapy is expected to become a mainstay in orthopedic treatments.";
        let doc = parse(seed);
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::Heading,
                BlockKind::Paragraph,
            ]
        );
        assert_eq!(doc.blocks[5].plain, "Conclusion");
        assert_eq!(
            doc.blocks[6].plain,
            "Stem cell therapy is expected to become a mainstay in orthopedic treatments."
        );
    }

    #[test]
    fn seed_file_if_present_splits_conclusion() {
        let Ok(text) = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/seed/knee-stem-cell-therapy.txt"
        )) else {
            return;
        };
        let doc = parse(&text);
        assert_eq!(
            doc.blocks.len(),
            text.lines().filter(|l| !l.trim().is_empty()).count()
        );
        assert!(doc
            .blocks
            .iter()
            .any(|b| b.kind == BlockKind::Heading && b.plain == "Conclusion"));
    }

    #[test]
    fn realistic_plain_text_with_bom_crlf_and_unicode() {
        let text = "\u{feff}Regenerative Knee Care\r\n\r\nOur stem cell shots are 100% safe — “no side effects”.\r\nResults in 2 weeks!\r\n\r\n• Cartilage regrowth\r\n• Avoid knee replacement\r\n   for good.\r\nCall Dr. Müller today";
        let doc = parse(text);
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Heading, "Regenerative Knee Care"),
                (
                    BlockKind::Paragraph,
                    "Our stem cell shots are 100% safe — “no side effects”."
                ),
                (BlockKind::Paragraph, "Results in 2 weeks!"),
                (BlockKind::ListItem, "Cartilage regrowth"),
                (BlockKind::ListItem, "Avoid knee replacement for good."),
                (BlockKind::Heading, "Call Dr. Müller today"),
            ]
        );
    }
}
