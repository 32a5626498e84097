//! Markdown (and MDX) files: walk pulldown-cmark's events into prose blocks.
//!
//! Front matter is read first by `frontmatter.rs`; the body after it is parsed with
//! `Parser::new_ext(body, opts).into_offset_iter()` and every event offset is shifted by where
//! the body starts, so spans stay offsets into the original file (BOM included).
//!
//! Prose blocks: paragraphs, headings, list items (one block per tight item, one per
//! paragraph of a loose item, never one spanning two items), table cells, image alt text and
//! the paragraphs of block quotes and footnote definitions. Inline markup is removed from the
//! plain text and left as gaps in the map; entities and line breaks become replaced pieces.
//! Not prose, and dropped: inline code and code blocks, raw HTML and comments, autolinks and
//! bare URLs, link destinations and titles, task-list checkboxes, and top-level MDX
//! `import`/`export` paragraphs.
//!
//! We walk the raw offset iterator rather than `TextMergeWithOffset`: that adapter joins
//! adjacent `Text` events into one string with one range covering all of them, so `a &amp; b`
//! would arrive as `a & b` over `a &amp; b` and we could no longer tell which bytes are
//! verbatim. Adjacent verbatim runs are merged by the map builder instead.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::source::frontmatter;
use crate::source::map::MapBuilder;
use crate::source::{BlockKind, Format, ProseBlock, Span};

/// What one walk of a Markdown file yields.
pub(crate) struct Parsed {
    /// The prose blocks, in the order they were finished.
    pub(crate) blocks: Vec<ProseBlock>,
    /// The byte ranges read as code (code blocks and inline code spans), in source order.
    pub(crate) code: Vec<Span>,
}

/// Bodies are parsed in pieces of about this many bytes (see [`chunk_ends`]): pulldown-cmark
/// builds its tree for the whole text it is given, about three bytes per byte of input, so a
/// 100 MB export parsed whole would hold 300 MB of tree while its blocks are built.
const CHUNK_BYTES: usize = 1 << 20;

/// Blocks of the Markdown text `src[body_start..]` (after a BOM, if any), and its code.
pub(crate) fn parse_blocks(src: &str, body_start: usize) -> Parsed {
    parse_blocks_in_chunks(src, body_start, CHUNK_BYTES)
}

fn parse_blocks_in_chunks(src: &str, body_start: usize, chunk_bytes: usize) -> Parsed {
    let mut blocks = Vec::new();
    let mut body_start = body_start;
    if let Some(front) = frontmatter::parse(src, body_start) {
        blocks.extend(front.blocks);
        body_start = front.body_start;
    }
    let Some(body) = src.get(body_start..) else {
        return Parsed {
            blocks,
            code: Vec::new(),
        };
    };
    let mut walker = Walker::new(src);
    let mut chunk_start = 0;
    for chunk_end in chunk_ends(body, chunk_bytes) {
        walk_chunk(
            &mut walker,
            &body[chunk_start..chunk_end],
            body_start + chunk_start,
        );
        walker.reset();
        chunk_start = chunk_end;
    }
    blocks.extend(walker.blocks);
    Parsed {
        blocks,
        code: walker.code,
    }
}

/// Walk the events of `chunk`, which starts at byte `offset` of the file.
fn walk_chunk(walker: &mut Walker<'_>, chunk: &str, offset: usize) {
    // ENABLE_YAML_STYLE_METADATA_BLOCKS is deliberately off: front matter is handled above,
    // and pulldown-cmark 0.13 accepts a `---` … `---` metadata block at *any* unindented
    // block start, so with it on a paragraph between two thematic breaks would vanish.
    // Task lists are on so that a `[ ]` checkbox is markup, not text.
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    let mut segment_start = 0;
    loop {
        let segment = &chunk[segment_start..];
        let mut resume = None;
        for (event, range) in Parser::new_ext(segment, options).into_offset_iter() {
            if matches!(event, Event::Start(Tag::HtmlBlock))
                && is_unclosed_comment(&segment[range.clone()], segment, range.end)
            {
                // A `<!--` never closed runs to the end of the document in CommonMark, and a
                // browser hides the rest too; the author nearly always forgot the `-->`. It is
                // reported (source::directives, `unclosed-comment`); read what follows its
                // first line as Markdown, so the claims after it are not silently skipped.
                let block = &segment[range.clone()];
                let first_line = block.find('\n').map_or(block.len(), |i| i + 1);
                resume = Some(segment_start + range.start + first_line);
                break;
            }
            // Offsets from the parser are relative to the segment of the chunk being parsed.
            let start = offset + segment_start;
            walker.event(event, range.start + start..range.end + start);
        }
        match resume {
            Some(next) if next < chunk.len() => {
                walker.reset();
                segment_start = next;
            }
            _ => break,
        }
    }
}

/// Where to cut `body` into pieces of at least `size` bytes that parse as they would inside
/// the whole: each cut is at the start of an unindented line after a blank line, outside a
/// fenced code block and outside an HTML block that may hold blank lines (comments,
/// `<script>`, `<pre>`, `<style>`, `<textarea>`, `<?…?>`, `<!…>`, CDATA). Such a line ends
/// every list, block quote and indented code block before it, so no block spans the cut. The
/// last end is `body.len()`.
///
/// Reference-style links and footnotes whose definition lies in another piece are the one
/// difference: their text is read as written, brackets included. Only bodies over `size`
/// bytes (a megabyte) are cut.
fn chunk_ends(body: &str, size: usize) -> Vec<usize> {
    if body.len() <= size {
        return vec![body.len()];
    }
    let mut ends = Vec::new();
    let mut next_cut = size;
    let mut open: Option<Open> = None;
    let mut after_blank = false;
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        if open.is_none()
            && after_blank
            && line_start >= next_cut
            && text.starts_with(|c: char| !c.is_whitespace())
        {
            ends.push(line_start);
            next_cut = line_start + size;
        }
        open = match open {
            Some(construct) => (!construct.closed_by(text)).then_some(construct),
            None => Open::opened_by(text),
        };
        after_blank = open.is_none() && text.trim().is_empty();
        line_start += line.len();
    }
    ends.push(body.len());
    ends
}

/// A block that can hold blank lines and unindented lines, open at the end of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// A code fence of `len` × `mark` (a backtick or a tilde).
    Fence { mark: u8, len: usize },
    /// An HTML block that ends at the first line containing this (lowercase) text.
    Html(&'static str),
}

impl Open {
    /// The block `line` opens and leaves open (`None` when it opens none, or closes it too).
    fn opened_by(line: &str) -> Option<Open> {
        let rest = block_start(line)?;
        let mark = *rest.as_bytes().first()?;
        if mark == b'`' || mark == b'~' {
            let len = rest.bytes().take_while(|&b| b == mark).count();
            let info = &rest[len..];
            if len >= 3 && !(mark == b'`' && info.contains('`')) {
                return Some(Open::Fence { mark, len });
            }
            return None;
        }
        if mark != b'<' {
            return None;
        }
        let lower: String = rest
            .chars()
            .take(12)
            .collect::<String>()
            .to_ascii_lowercase();
        let end = if lower.starts_with("<!--") {
            "-->"
        } else if lower.starts_with("<![cdata[") {
            "]]>"
        } else if lower.starts_with("<?") {
            "?>"
        } else if lower.starts_with("<!")
            && lower[2..].starts_with(|c: char| c.is_ascii_alphabetic())
        {
            ">"
        } else {
            ["script", "pre", "style", "textarea"]
                .into_iter()
                .find(|tag| {
                    lower
                        .strip_prefix('<')
                        .and_then(|after| after.strip_prefix(tag))
                        .is_some_and(|after| {
                            after.is_empty() || after.starts_with([' ', '\t', '>'])
                        })
                })
                .map(|tag| match tag {
                    "script" => "</script>",
                    "pre" => "</pre>",
                    "style" => "</style>",
                    _ => "</textarea>",
                })?
        };
        // The opening line may close it too: `<!-- note -->`.
        let construct = Open::Html(end);
        (!construct.closes_after_opener(rest)).then_some(construct)
    }

    /// Does `line` close this block?
    fn closed_by(self, line: &str) -> bool {
        match self {
            Open::Fence { mark, len } => block_start(line).is_some_and(|rest| {
                let run = rest.bytes().take_while(|&b| b == mark).count();
                run >= len && rest[run..].trim().is_empty()
            }),
            Open::Html(end) => line.to_ascii_lowercase().contains(end),
        }
    }

    /// Does the opening line `rest` (from its `<`) already hold the end marker?
    fn closes_after_opener(self, rest: &str) -> bool {
        match self {
            // `<!-->` and `<!--->` are complete comments in CommonMark; the end is searched
            // for after the opener so that `<!--` itself does not count as its own `-->`.
            Open::Html("-->") => rest[2..].contains("-->"),
            Open::Html(end) => rest.to_ascii_lowercase()[1..].contains(end),
            Open::Fence { .. } => false,
        }
    }
}

/// The text of `line` after an indentation of at most three spaces (where a fence or an HTML
/// block may start); `None` when it is indented further or by a tab.
fn block_start(line: &str) -> Option<&str> {
    let spaces = line.bytes().take_while(|&b| b == b' ').count();
    (spaces <= 3 && !line[spaces..].starts_with('\t')).then(|| &line[spaces..])
}

/// Is this HTML block (`block`, ending at `end` in `segment`) a comment left open, which
/// CommonMark carries on to the end of the document?
fn is_unclosed_comment(block: &str, segment: &str, end: usize) -> bool {
    block.trim_start().starts_with("<!--")
        && !block.contains("-->")
        && end >= segment.trim_end().len()
}

/// A block-level container that decides the kind of the prose inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    BlockQuote,
    Item,
    FootnoteDefinition,
}

/// State while walking the events of one document.
struct Walker<'a> {
    src: &'a str,
    blocks: Vec<ProseBlock>,
    /// Code blocks and inline code spans seen so far.
    code: Vec<Span>,
    /// Open containers, innermost last.
    containers: Vec<Container>,
    /// The prose block being built.
    current: Option<(BlockKind, MapBuilder<'a>)>,
    /// Alt text of the images being read, innermost last.
    images: Vec<MapBuilder<'a>>,
    /// Depth of non-prose blocks (code, HTML, metadata) we are inside.
    skip_blocks: usize,
    /// Inside a top-level MDX `import`/`export` paragraph.
    in_esm: bool,
    /// Inside an autolink (`<https://…>`, `<a@b.c>`): its text is a URL.
    in_autolink: bool,
}

impl<'a> Walker<'a> {
    fn new(src: &'a str) -> Walker<'a> {
        Walker {
            src,
            blocks: Vec::new(),
            code: Vec::new(),
            containers: Vec::new(),
            current: None,
            images: Vec::new(),
            skip_blocks: 0,
            in_esm: false,
            in_autolink: false,
        }
    }

    /// Finish the block being built and forget the containers: the text after this point is
    /// parsed on its own (a new chunk, or the rest after an unclosed comment).
    fn reset(&mut self) {
        self.flush();
        self.containers.clear();
        self.skip_blocks = 0;
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        let span = Span {
            start: range.start,
            end: range.end,
        };
        // Code is recorded for directives (`source::directives`), whatever else it is.
        if matches!(event, Event::Code(_) | Event::Start(Tag::CodeBlock(_))) {
            self.code.push(span);
        }
        match event {
            Event::Start(tag) => self.start(tag, span),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, span),
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::Html(_)
            | Event::InlineHtml(_) => {
                if let Some(builder) = self.inline_target(false) {
                    builder.drop_markup(span);
                }
            }
            Event::FootnoteReference(_) => {
                // Keep the marker (`[^3]`) as written: it is how `text/` sees a citation.
                if let Some(builder) = self.inline_target(true) {
                    builder.push_verbatim(span.start, span.end);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(builder) = self.inline_target(false) {
                    builder.push_break(span);
                }
            }
            Event::Rule => self.flush(),
            Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, span: Span) {
        match tag {
            Tag::Paragraph => {
                self.flush();
                if self.containers.is_empty() && is_esm(self.src.get(span.start..span.end)) {
                    self.in_esm = true;
                } else {
                    self.open(self.context_kind());
                }
            }
            Tag::Heading { .. } => {
                self.flush();
                self.open(BlockKind::Heading);
            }
            Tag::TableCell => {
                self.flush();
                self.open(BlockKind::TableCell);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.containers.push(Container::BlockQuote);
            }
            Tag::Item => {
                self.flush();
                self.containers.push(Container::Item);
            }
            Tag::FootnoteDefinition(_) => {
                self.flush();
                self.containers.push(Container::FootnoteDefinition);
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.flush();
                self.skip_blocks += 1;
            }
            Tag::List(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.flush(),
            Tag::Link { link_type, .. } => {
                if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    if let Some(builder) = self.inline_target(false) {
                        builder.drop_markup(span);
                    }
                    self.in_autolink = true;
                }
            }
            Tag::Image { .. } => {
                // The image leaves the sentence around it; its alt text is its own block.
                if let Some(builder) = self.inline_target(false) {
                    builder.drop_markup(span);
                }
                self.images.push(MapBuilder::new(self.src));
            }
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                if self.in_esm {
                    self.in_esm = false;
                } else {
                    self.flush();
                }
            }
            TagEnd::Heading(_) | TagEnd::TableCell => self.flush(),
            TagEnd::BlockQuote(_) | TagEnd::Item | TagEnd::FootnoteDefinition => {
                self.flush();
                self.containers.pop();
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                self.skip_blocks = self.skip_blocks.saturating_sub(1);
            }
            TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => self.flush(),
            TagEnd::Link => self.in_autolink = false,
            TagEnd::Image => {
                if let Some(alt) = self.images.pop() {
                    push_block(&mut self.blocks, BlockKind::ImageAlt, alt);
                }
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
        }
    }

    fn text(&mut self, text: &str, span: Span) {
        if self.in_autolink {
            return;
        }
        let src = self.src;
        let Some(builder) = self.inline_target(true) else {
            return;
        };
        let slice = src.get(span.start..span.end).unwrap_or_default();
        if slice == text {
            builder.push_prose(span.start, span.end);
        } else if slice.strip_prefix('\\') == Some(text) {
            // A backslash escape (`\*`): the character itself is verbatim, the backslash is
            // removed markup. (0.13 usually starts the range after the backslash already.)
            builder.push_verbatim(span.start + 1, span.end);
        } else {
            // An entity (`&amp;` → `&`) or anything else the parser rewrote: the decoded text
            // stands for the whole source range. A line break must not reach the plain text.
            let decoded = text.replace(['\r', '\n'], " ");
            builder.push_replaced(&decoded, span);
        }
    }

    /// Where inline content goes: the innermost image's alt text, else the current block.
    /// With `open`, inline content directly inside a container (a tight list item's text)
    /// opens a block. `None` inside non-prose (code, HTML, MDX `import`).
    fn inline_target(&mut self, open: bool) -> Option<&mut MapBuilder<'a>> {
        if self.skip_blocks > 0 || self.in_esm {
            return None;
        }
        if self.images.is_empty() && self.current.is_none() && open {
            self.open(self.context_kind());
        }
        match self.images.last_mut() {
            Some(alt) => Some(alt),
            None => self.current.as_mut().map(|(_, builder)| builder),
        }
    }

    /// The kind of a paragraph here: named by the innermost list item or block quote.
    fn context_kind(&self) -> BlockKind {
        match self.containers.last() {
            Some(Container::Item) => BlockKind::ListItem,
            Some(Container::BlockQuote) => BlockKind::BlockQuote,
            Some(Container::FootnoteDefinition) | None => BlockKind::Paragraph,
        }
    }

    fn open(&mut self, kind: BlockKind) {
        self.flush();
        self.current = Some((kind, MapBuilder::new(self.src)));
    }

    /// Finish the current block, if any.
    fn flush(&mut self) {
        if let Some((kind, builder)) = self.current.take() {
            push_block(&mut self.blocks, kind, builder);
        }
    }
}

/// Add the block built by `builder` unless it has no prose.
fn push_block(blocks: &mut Vec<ProseBlock>, kind: BlockKind, builder: MapBuilder<'_>) {
    if builder.is_empty() {
        return;
    }
    let (plain, map) = builder.finish();
    blocks.push(ProseBlock {
        kind,
        plain,
        map,
        encoding: Format::Markdown.encoding(),
    });
}

/// An MDX ESM paragraph: `import …` or `export …` at the start of a top-level paragraph.
fn is_esm(paragraph: Option<&str>) -> bool {
    paragraph.is_some_and(|p| p.starts_with("import ") || p.starts_with("export "))
}

#[cfg(test)]
mod tests {
    use crate::source::tests::{assert_invariants, find, parse_checked, plains};
    use crate::source::{BlockKind, Document, Format, Span, TextRange};

    fn parse(text: &str) -> Document {
        parse_checked(text, Format::Markdown)
    }

    /// Blocks as (kind, source span, plain text), and the code spans, of `text` parsed in
    /// chunks of `size` bytes.
    fn walk(text: &str, size: usize) -> (Vec<(BlockKind, Span, String)>, Vec<Span>) {
        let parsed = super::parse_blocks_in_chunks(text, 0, size);
        let blocks = parsed
            .blocks
            .iter()
            .map(|b| {
                (
                    b.kind,
                    b.map.covering(TextRange {
                        start: 0,
                        end: b.plain.len(),
                    }),
                    b.plain.clone(),
                )
            })
            .collect();
        (blocks, parsed.code)
    }

    /// Markdown whose blank lines sit inside fences, comments, `<pre>`, lists and quotes.
    const VARIED: &str = "# Stem cells\n\nPRP *cures* knees.\n\n```\nfenced\n\nnot prose: cures\n```\n\n\
        <!-- a comment\n\nstill the comment: cures -->\n\nAfter the comment.\n\n\
        <pre>\npre\n\nstill pre: cures\n</pre>\n\n- item one\n\n  item one, second paragraph\n\
        - item two\n\n> quoted\n>\n> quoted on\n\n    indented code\n\n    more code\n\n\
        | a | b |\n|---|---|\n| cell | regrows cartilage |\n\n~~~~ info\n~~~\n\nstill tilde code\n~~~~\n\n\
        Text with `inline code` and <!-- inline --> comment.\n\n";

    #[test]
    fn a_body_parsed_in_chunks_reads_as_the_whole() {
        let text = VARIED.repeat(40);
        let whole = walk(&text, usize::MAX);
        for size in [1, 7, 100, 333, 1000] {
            assert_eq!(walk(&text, size), whole, "chunks of {size} bytes");
        }
        assert!(whole.0.iter().all(|(_, _, plain)| !plain.contains("still")));
    }

    #[test]
    fn chunks_are_cut_only_before_an_unindented_line_after_a_blank_line() {
        let text = VARIED.repeat(3);
        let ends = super::chunk_ends(&text, 1);
        assert!(ends.len() > 20, "{ends:?}");
        assert_eq!(ends.last(), Some(&text.len()));
        for &end in &ends[..ends.len() - 1] {
            let next = &text[end..];
            assert!(text[..end].ends_with("\n\n"), "cut at {end}: {next:?}");
            // Never inside a fence, a comment or a <pre>: those are the lines that start "still".
            assert!(
                !next.starts_with("still") && !next.starts_with("not prose"),
                "{next:?}"
            );
        }
    }

    fn slice(doc: &Document, span: crate::source::Span) -> &str {
        &doc.text[span.start..span.end]
    }

    #[test]
    fn emphasis_inside_claim_removed_but_covered() {
        let doc = parse("Our stem cells **cure** arthritis.\n");
        assert_eq!(
            plains(&doc),
            [(BlockKind::Paragraph, "Our stem cells cure arthritis.")]
        );
        let map = &doc.blocks[0].map;
        let claim = find(&doc, 0, "cure arthritis");
        assert_eq!(slice(&doc, map.covering(claim)), "cure** arthritis");
        assert_eq!(map.to_source(claim), None);
        let cure = find(&doc, 0, "cure");
        assert_eq!(slice(&doc, map.to_source(cure).unwrap()), "cure");
        let before = find(&doc, 0, "Our stem");
        assert_eq!(slice(&doc, map.to_source(before).unwrap()), "Our stem");
    }

    #[test]
    fn link_in_middle_of_sentence_keeps_text_drops_destination() {
        let doc =
            parse("Studies [prove it works](https://example.org/study \"Title\") for everyone.\n");
        assert_eq!(
            plains(&doc),
            [(BlockKind::Paragraph, "Studies prove it works for everyone.")]
        );
        let map = &doc.blocks[0].map;
        let inside = find(&doc, 0, "prove it works");
        assert_eq!(
            slice(&doc, map.to_source(inside).unwrap()),
            "prove it works"
        );
        let across = find(&doc, 0, "works for");
        assert_eq!(map.to_source(across), None);
        assert_eq!(
            slice(&doc, map.covering(across)),
            "works](https://example.org/study \"Title\") for"
        );
    }

    #[test]
    fn entity_amp_becomes_char_and_maps_to_whole_entity() {
        let doc = parse("Pain &amp; swelling vanish&nbsp;forever &#8217;\n");
        assert_eq!(
            plains(&doc),
            [(
                BlockKind::Paragraph,
                "Pain & swelling vanish\u{a0}forever \u{2019}"
            )]
        );
        let map = &doc.blocks[0].map;
        let amp = find(&doc, 0, "&");
        assert_eq!(slice(&doc, map.covering(amp)), "&amp;");
        assert_eq!(slice(&doc, map.to_source(amp).unwrap()), "&amp;");
        let phrase = find(&doc, 0, "Pain & swelling");
        assert_eq!(
            slice(&doc, map.to_source(phrase).unwrap()),
            "Pain &amp; swelling"
        );
    }

    #[test]
    fn inline_code_excluded_without_gluing_words() {
        let doc = parse("Run `overclaim` then cure`x`arthritis.\n");
        assert_eq!(
            plains(&doc),
            [(BlockKind::Paragraph, "Run  then cure arthritis.")]
        );
        let map = &doc.blocks[0].map;
        let glued = find(&doc, 0, "cure arthritis");
        assert_eq!(map.to_source(glued), None);
        assert_eq!(slice(&doc, map.covering(glued)), "cure`x`arthritis");
    }

    #[test]
    fn fenced_and_indented_code_excluded() {
        let doc = parse(
            "Intro.\n\n```text\nStem cells cure arthritis.\n```\n\n    indented cure code\n\nAfter.\n",
        );
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Paragraph, "Intro."),
                (BlockKind::Paragraph, "After.")
            ]
        );
    }

    #[test]
    fn html_comment_and_raw_html_excluded() {
        let doc = parse(
            "<!-- overclaim-disable cure-claim -->\n\nStem<br>cells <span>heal</span> knees. <!-- note -->\n\n<div>\nCures everything.\n</div>\n",
        );
        assert_eq!(
            plains(&doc),
            [(BlockKind::Paragraph, "Stem cells heal knees.")]
        );
    }

    #[test]
    fn table_cells_are_one_block_each() {
        let doc = parse(
            "| Therapy | Claim |\n|---|---|\n| PRP | Cures **arthritis** |\n| MSC | Regrows cartilage |\n",
        );
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::TableCell, "Therapy"),
                (BlockKind::TableCell, "Claim"),
                (BlockKind::TableCell, "PRP"),
                (BlockKind::TableCell, "Cures arthritis"),
                (BlockKind::TableCell, "MSC"),
                (BlockKind::TableCell, "Regrows cartilage"),
            ]
        );
    }

    #[test]
    fn tight_list_items_are_separate_blocks() {
        let doc = parse(
            "- Cures *arthritis*\n  in days\n- No surgery\n  - Nested claim\n- [ ] Task item\n",
        );
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::ListItem, "Cures arthritis in days"),
                (BlockKind::ListItem, "No surgery"),
                (BlockKind::ListItem, "Nested claim"),
                (BlockKind::ListItem, "Task item"),
            ]
        );
    }

    #[test]
    fn loose_list_items_one_block_per_paragraph() {
        let doc = parse("1. First claim.\n\n   Second paragraph.\n\n2. Next item.\n");
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::ListItem, "First claim."),
                (BlockKind::ListItem, "Second paragraph."),
                (BlockKind::ListItem, "Next item."),
            ]
        );
    }

    #[test]
    fn image_alt_is_its_own_block() {
        let doc = parse("Before ![Knee *fully* regrown](knee.png \"t\") after.\n");
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Paragraph, "Before  after."),
                (BlockKind::ImageAlt, "Knee fully regrown"),
            ]
        );
        let alt = &doc.blocks[1];
        let span = alt.map.covering(TextRange {
            start: 0,
            end: alt.plain.len(),
        });
        assert_eq!(slice(&doc, span), "Knee *fully* regrown");
    }

    #[test]
    fn block_quote_paragraphs_and_soft_breaks() {
        let doc = parse("> Patients say it\n> cured them.\n\nPlain.\n");
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::BlockQuote, "Patients say it cured them."),
                (BlockKind::Paragraph, "Plain."),
            ]
        );
        let map = &doc.blocks[0].map;
        let across = find(&doc, 0, "it cured");
        assert_eq!(map.to_source(across), None);
        assert_eq!(slice(&doc, map.covering(across)), "it\n> cured");
    }

    #[test]
    fn soft_and_hard_breaks_become_one_space_and_fix_across_plain_breaks() {
        let doc = parse("Stem cells cure\n   arthritis and  \nregrow\\\ncartilage.\n");
        assert_eq!(
            plains(&doc),
            [(
                BlockKind::Paragraph,
                "Stem cells cure arthritis and regrow cartilage."
            )]
        );
        let map = &doc.blocks[0].map;
        let claim = find(&doc, 0, "cure arthritis");
        assert_eq!(
            slice(&doc, map.to_source(claim).unwrap()),
            "cure\n   arthritis"
        );
    }

    #[test]
    fn crlf_offsets_exact_and_no_carriage_return() {
        let doc = parse("# Knee *Relief*\r\n\r\nStem cells cure\r\narthritis &amp; pain.\r\n\r\n- One\r\n- Two\r\n");
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Heading, "Knee Relief"),
                (BlockKind::Paragraph, "Stem cells cure arthritis & pain."),
                (BlockKind::ListItem, "One"),
                (BlockKind::ListItem, "Two"),
            ]
        );
        let map = &doc.blocks[1].map;
        let claim = find(&doc, 1, "cure arthritis");
        assert_eq!(
            slice(&doc, map.to_source(claim).unwrap()),
            "cure\r\narthritis"
        );
    }

    #[test]
    fn autolinks_and_bare_urls_not_prose() {
        let doc = parse(
            "See <https://clinic.example/a> or https://x.example/b, or mail <a@b.example>.\n",
        );
        assert_eq!(
            plains(&doc),
            [(BlockKind::Paragraph, "See  or , or mail .")]
        );
    }

    #[test]
    fn footnote_reference_kept_definition_is_paragraph() {
        let doc = parse("Regrows cartilage[^1].\n\n[^1]: Smith 2020, a mouse study.\n");
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Paragraph, "Regrows cartilage[^1]."),
                (BlockKind::Paragraph, "Smith 2020, a mouse study."),
            ]
        );
    }

    #[test]
    fn mdx_import_export_lines_not_prose() {
        let doc = parse(
            "import Callout from '../components/Callout'\nexport const meta = { title: 'Cure' }\n\n# Heading\n\nexport default function Layout() {}\n\nBody importing stuff.\n",
        );
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Heading, "Heading"),
                (BlockKind::Paragraph, "Body importing stuff."),
            ]
        );
    }

    #[test]
    fn thematic_breaks_do_not_swallow_paragraphs() {
        let doc = parse("Intro.\n\n---\nCures arthritis.\n\n---\n\nEnd.\n");
        assert!(
            doc.blocks.iter().any(|b| b.plain == "Cures arthritis."),
            "{:?}",
            plains(&doc)
        );
    }

    #[test]
    fn escapes_map_verbatim_without_backslash() {
        let doc = parse("100\\% \\*guaranteed\\* results\n");
        assert_eq!(
            plains(&doc),
            [(BlockKind::Paragraph, "100% *guaranteed* results")]
        );
    }

    #[test]
    fn realistic_document_all_invariants_hold() {
        let text = "\u{feff}---\r\ntitle: \"Regenerative Knee Therapy & You\"\r\ndescription: Stem cells cure arthritis — guaranteed.\r\nauthor: Clinic\r\n---\r\n\r\n# Stem cell **knee** injections\r\n\r\nOur *FDA-approved* stem cells [regrow cartilage](https://example.org/x) in 2&nbsp;weeks.\r\nNo surgery, no side effects.  \r\nResults are permanent[^1].\r\n\r\n![Before & after: knee *regrown*](img.png)\r\n\r\n> “I was cured!” — a patient\r\n> with knee pain\r\n\r\n| Treatment | Outcome |\r\n|:--|--:|\r\n| PRP | Heals *everything* |\r\n| MSC &amp; exosomes | `n/a` 100% success |\r\n\r\n- Tight item with <abbr>OA</abbr>\r\n- Item two\r\n    - Nested: clinically *proven*\r\n\r\n1. Loose item.\r\n\r\n   Its second paragraph — naïve café.\r\n\r\n```\r\ncode cures nothing\r\n```\r\n\r\n<!-- overclaim-disable-next-line cure-claim -- approved -->\r\nVisit https://clinic.example/book today!\r\n\r\n[^1]: Smith et al., 2021.\r\n";
        let doc = parse(text);
        let expected = [
            (BlockKind::FrontMatter, "Regenerative Knee Therapy & You"),
            (BlockKind::FrontMatter, "Stem cells cure arthritis — guaranteed."),
            (BlockKind::Heading, "Stem cell knee injections"),
            (
                BlockKind::Paragraph,
                "Our FDA-approved stem cells regrow cartilage in 2\u{a0}weeks. No surgery, no side effects. Results are permanent[^1].",
            ),
            (BlockKind::ImageAlt, "Before & after: knee regrown"),
            (BlockKind::BlockQuote, "“I was cured!” — a patient with knee pain"),
            (BlockKind::TableCell, "Treatment"),
            (BlockKind::TableCell, "Outcome"),
            (BlockKind::TableCell, "PRP"),
            (BlockKind::TableCell, "Heals everything"),
            (BlockKind::TableCell, "MSC & exosomes"),
            (BlockKind::TableCell, "100% success"),
            (BlockKind::ListItem, "Tight item with OA"),
            (BlockKind::ListItem, "Item two"),
            (BlockKind::ListItem, "Nested: clinically proven"),
            (BlockKind::ListItem, "Loose item."),
            (BlockKind::ListItem, "Its second paragraph — naïve café."),
            (BlockKind::Paragraph, "Visit  today!"),
            (BlockKind::Paragraph, "Smith et al., 2021."),
        ];
        assert_eq!(plains(&doc), expected);
        for block in &doc.blocks {
            assert!(block.map.covering(TextRange { start: 0, end: 1 }).start >= 3);
        }
        let heading = &doc.blocks[2];
        let span = heading
            .map
            .to_source(TextRange { start: 0, end: 9 })
            .unwrap();
        assert_eq!(slice(&doc, span), "Stem cell");
    }

    // See: issue 9 (an unterminated `<!--` hid the rest of the file).
    #[test]
    fn issue_9_text_after_an_unclosed_comment_is_still_prose() {
        let doc = Document::parse(
            "# Knees\n\n<!-- draft note\n\nStem cells cure arthritis.\n\n- one item\n".into(),
            Format::Markdown,
        );
        assert_invariants(&doc);
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Heading, "Knees"),
                (BlockKind::Paragraph, "Stem cells cure arthritis."),
                (BlockKind::ListItem, "one item"),
            ]
        );
    }
}
