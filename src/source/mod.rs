//! Source: turn a file's bytes into a [`Document`], the original text plus its *prose map*.
//!
//! In: the bytes of one file and its [`Format`] (chosen by `walk` from the extension).
//! Out: a [`Document`] holding the text exactly as read (BOM and line endings included) and
//! one [`ProseBlock`] per paragraph, heading, list item, table cell, image alt text, block
//! quote paragraph or front-matter `title`/`description`. Each block has its plain text (markup
//! removed, entities decoded, line breaks as single spaces, zero-width characters and soft
//! hyphens removed so "cu\u{ad}re" reads "cure") and an [`OffsetMap`] from plain-text
//! offsets back to byte offsets in the original file.
//!
//! This is the only module that knows file syntax: `text.rs` (plain text), `markdown.rs`
//! (CommonMark with tables, strikethrough and footnotes, also used for `.mdx`),
//! `frontmatter.rs` (the YAML header of a Markdown file) and `html.rs` (HTML pages: visible
//! text, `<title>`, description and social meta tags, `alt`/`title` attributes, JSON-LD). It does not split sentences (that is
//! `text/`), and it drops what is not prose: code, raw HTML, comments, URLs, link destinations,
//! front-matter keys other than `title` and `description`.

mod directives;
mod encode;
mod frontmatter;
mod html;
mod map;
mod markdown;
mod text;

pub use directives::{Directive, Kind as DirectiveKind};
pub use encode::Encoding;
pub use map::{OffsetMap, Span, TextRange};

use std::path::Path;

/// Bytes searched for a NUL to decide that a file is binary (as git and ripgrep do).
const BINARY_SNIFF_LEN: usize = 8 * 1024;

/// The UTF-8 byte order mark: kept in [`Document::text`], never part of a block.
const BOM: char = '\u{feff}';

/// How a file's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: blank lines, list markers and heading-like lines separate blocks.
    Text,
    /// CommonMark (with tables, strikethrough, footnotes, YAML front matter); also MDX.
    Markdown,
    /// HTML (also XHTML): visible text, title, meta descriptions, attributes, JSON-LD.
    Html,
}

impl Format {
    /// How replacement text is spelled in the body of a file of this format (front matter
    /// blocks have their own, per scalar style).
    pub fn encoding(self) -> Encoding {
        match self {
            Format::Text => Encoding::Verbatim,
            Format::Markdown => Encoding::Markdown,
            Format::Html => Encoding::HtmlText,
        }
    }

    /// `.md`, `.markdown` and `.mdx` (case-insensitive) are Markdown; `.html`, `.htm` and
    /// `.xhtml` are HTML; anything else is Text.
    pub fn from_path(path: &Path) -> Format {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let is = |exts: &[&str]| exts.iter().any(|m| ext.eq_ignore_ascii_case(m));
        if is(&["md", "markdown", "mdx"]) {
            Format::Markdown
        } else if is(&["html", "htm", "xhtml"]) {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// What kind of prose a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph (including one inside a footnote definition).
    Paragraph,
    /// A heading (Markdown `#`/setext, or a heading-like line of plain text).
    Heading,
    /// One list item, or one paragraph of a loose list item.
    ListItem,
    /// One table cell.
    TableCell,
    /// The alt text of an image.
    ImageAlt,
    /// A paragraph inside a block quote.
    BlockQuote,
    /// The value of the front matter's `title` or `description`.
    FrontMatter,
    /// An HTML page's `<title>`.
    Title,
    /// The `content` of a description or social (`og:`, `twitter:`) meta tag.
    Meta,
    /// An HTML `title` attribute, or the label (`value`) of an input button.
    Attribute,
    /// A `description`, `name`, `headline`, `text` or similar string in JSON-LD.
    StructuredData,
}

/// One run of prose: its plain text and the way back to the original bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseBlock {
    /// What the block is.
    pub kind: BlockKind,
    /// The text with markup removed; never empty, never starts or ends with whitespace,
    /// never contains `\r` or `\n`.
    pub plain: String,
    /// Maps offsets in `plain` to byte offsets in [`Document::text`].
    pub map: OffsetMap,
    /// How text written back into this block's source must be spelled (fixes).
    pub encoding: Encoding,
}

/// A file's text and its prose blocks, in source order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The original file text, unchanged (including a BOM if present).
    pub text: String,
    /// How `text` was read.
    pub format: Format,
    /// The prose blocks, ordered by where they start in `text`.
    pub blocks: Vec<ProseBlock>,
    /// The byte ranges of `text` that Markdown reads as code (code blocks, inline code), in
    /// source order; empty for other formats. A directive written inside code is an example,
    /// not a directive.
    pub code: Vec<Span>,
}

/// Why a file's bytes cannot be read as text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SourceError {
    /// A NUL byte in the first 8 KiB: the file is binary (or UTF-16).
    #[error("binary file (NUL byte at offset {offset})")]
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The bytes are not UTF-8.
    #[error("not valid UTF-8 (invalid byte at offset {offset}, line {line})")]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
}

impl Document {
    /// Decode bytes (UTF-8 only; a UTF-8 BOM is kept in `text` but never part of a block;
    /// NUL byte in the first 8 KiB → [`SourceError::Binary`]) and parse.
    ///
    /// # Errors
    ///
    /// [`SourceError::Binary`] or [`SourceError::NotUtf8`], with the offending byte's offset.
    pub fn from_bytes(bytes: Vec<u8>, format: Format) -> Result<Document, SourceError> {
        let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
        if let Some(offset) = sniff.iter().position(|&b| b == 0) {
            return Err(SourceError::Binary { offset });
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Document::parse(text, format)),
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                let before = err.as_bytes().get(..offset).unwrap_or_default();
                // `before` is the valid prefix; a lone `\r` ends a line as `\n` does.
                let before = std::str::from_utf8(before).unwrap_or_default();
                let line = crate::error::line_starts(before).count();
                Err(SourceError::NotUtf8 { offset, line })
            }
        }
    }

    /// Parse already-decoded text.
    ///
    /// ```
    /// use overclaim::source::{BlockKind, Document, Format, TextRange};
    ///
    /// let doc = Document::parse("# Knees\n\nStem cells **cure** arthritis.\n".into(), Format::Markdown);
    /// let para = &doc.blocks[1];
    /// assert_eq!(para.kind, BlockKind::Paragraph);
    /// assert_eq!(para.plain, "Stem cells cure arthritis.");
    ///
    /// // "cure arthritis" covers the `**` markup in the file, so a fix cannot replace it whole.
    /// let range = TextRange { start: 11, end: 25 };
    /// let span = para.map.covering(range);
    /// assert_eq!(&doc.text[span.start..span.end], "cure** arthritis");
    /// assert_eq!(para.map.to_source(range), None);
    /// ```
    pub fn parse(text: String, format: Format) -> Document {
        let body_start = if text.starts_with(BOM) {
            BOM.len_utf8()
        } else {
            0
        };
        let (mut blocks, code) = match format {
            Format::Text => (text::parse_blocks(&text, body_start), Vec::new()),
            // pulldown-cmark ends HTML blocks, comments and fences only at `\n` or `\r\n`:
            // give it a view with lone `\r`s as `\n`. It has the same length and char
            // boundaries, and line ends never reach plain text, so its blocks are the
            // original's.
            Format::Markdown => {
                let parsed = markdown::parse_blocks(&lone_cr_as_lf(&text), body_start);
                (parsed.blocks, parsed.code)
            }
            Format::Html => (html::parse_blocks(&text, body_start), Vec::new()),
        };
        // Image alt text is finished before the paragraph around it: restore source order.
        blocks.sort_by_key(|b| b.map.source_start());
        Document {
            text,
            format,
            blocks,
            code,
        }
    }

    /// The inline directives in this document, in order.
    pub fn directives(&self) -> Vec<Directive> {
        directives::parse(&self.text, self.format, &self.code)
    }
}

/// `text` with every lone `\r` (a classic Mac line end) replaced by `\n`; `\r\n` is kept.
fn lone_cr_as_lf(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for i in (0..bytes.len()).filter(|&i| lone(i)) {
        out.push_str(&text[from..i]);
        out.push('\n');
        from = i + 1;
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

/// Check the invariants every parser keeps, for every block of `doc`: plain text is trimmed,
/// has no line breaks or BOM and is not empty; every verbatim piece slices the original text to
/// the same bytes; for every char-boundary range (sampled down to about `samples` positions
/// per block, so the quadratic check stays affordable), `covering` lies within the text on char
/// boundaries (and is not empty for a non-empty range), and `to_source`, when `Some`, equals
/// `covering` and (for verbatim-only ranges) slices the original to exactly the plain text.
///
/// For unit tests, property tests and fuzz targets; not part of the stable API.
///
/// # Errors
///
/// The first broken invariant, described.
#[doc(hidden)]
pub fn check_invariants(doc: &Document, samples: usize) -> Result<(), String> {
    let text = &doc.text;
    let ensure = |ok: bool, what: &dyn Fn() -> String| if ok { Ok(()) } else { Err(what()) };
    for block in &doc.blocks {
        let plain = &block.plain;
        ensure(!plain.is_empty(), &|| format!("empty block {block:?}"))?;
        ensure(plain.trim() == plain, &|| {
            format!("untrimmed block {block:?}")
        })?;
        ensure(!plain.contains(['\r', '\n']), &|| {
            format!("line break in {plain:?}")
        })?;
        ensure(!plain.contains(BOM), &|| format!("BOM in {plain:?}"))?;
        for (range, span) in block.map.verbatim_pieces() {
            let source = text.get(span.start..span.end);
            let prose = plain.get(range.start..range.end);
            ensure(source.is_some() && source == prose, &|| {
                format!("verbatim piece {range:?} -> {span:?} differs in {plain:?}: {source:?} vs {prose:?}")
            })?;
        }
        let bounds: Vec<usize> = (0..=plain.len())
            .filter(|&i| plain.is_char_boundary(i))
            .collect();
        let step = (bounds.len() / samples.max(1)).max(1);
        let sample: Vec<usize> = bounds
            .iter()
            .copied()
            .step_by(step)
            .chain([plain.len()])
            .collect();
        for (i, &a) in sample.iter().enumerate() {
            for &b in &sample[i..] {
                let range = TextRange { start: a, end: b };
                let cover = block.map.covering(range);
                ensure(cover.start <= cover.end && cover.end <= text.len(), &|| {
                    format!("{cover:?} for {range:?} in {plain:?}")
                })?;
                ensure(
                    text.is_char_boundary(cover.start) && text.is_char_boundary(cover.end),
                    &|| format!("{cover:?} for {range:?} off a char boundary in {plain:?}"),
                )?;
                ensure(a == b || cover.start < cover.end, &|| {
                    format!("empty cover for {range:?} in {plain:?}")
                })?;
                if let Some(span) = block.map.to_source(range) {
                    ensure(span == cover, &|| {
                        format!(
                            "to_source {span:?} vs covering {cover:?} for {range:?} in {plain:?}"
                        )
                    })?;
                    if block.map.is_all_verbatim(range) {
                        ensure(text.get(span.start..span.end) == plain.get(a..b), &|| {
                            format!(
                                "verbatim {range:?} -> {span:?} slices differently in {plain:?}"
                            )
                        })?;
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::{BlockKind, Document, Format, SourceError, TextRange};
    use std::path::Path;

    /// The invariants every parser must keep; see [`super::check_invariants`].
    pub(crate) fn assert_invariants(doc: &Document) {
        if let Err(broken) = super::check_invariants(doc, 60) {
            panic!("{broken}");
        }
    }

    /// `text` parsed as `format`, with the map invariants checked.
    pub(crate) fn parse_checked(text: &str, format: Format) -> Document {
        let doc = Document::parse(text.to_string(), format);
        assert_invariants(&doc);
        doc
    }

    /// The plain range of `needle` in block `block`.
    pub(crate) fn find(doc: &Document, block: usize, needle: &str) -> TextRange {
        let start = doc.blocks[block]
            .plain
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {:?}", doc.blocks[block].plain));
        TextRange {
            start,
            end: start + needle.len(),
        }
    }

    /// The plain text of every block, for compact assertions.
    pub(crate) fn plains(doc: &Document) -> Vec<(BlockKind, &str)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind, b.plain.as_str()))
            .collect()
    }

    #[test]
    fn format_from_path_by_extension_case_insensitive() {
        assert_eq!(Format::from_path(Path::new("a/b.md")), Format::Markdown);
        assert_eq!(Format::from_path(Path::new("B.MARKDOWN")), Format::Markdown);
        assert_eq!(Format::from_path(Path::new("page.Mdx")), Format::Markdown);
        assert_eq!(Format::from_path(Path::new("notes.txt")), Format::Text);
        assert_eq!(Format::from_path(Path::new("README")), Format::Text);
        assert_eq!(Format::from_path(Path::new("md")), Format::Text);
        assert_eq!(
            Format::from_path(Path::new("site/index.HTML")),
            Format::Html
        );
        assert_eq!(Format::from_path(Path::new("a.htm")), Format::Html);
        assert_eq!(Format::from_path(Path::new("a.xhtml")), Format::Html);
    }

    #[test]
    fn binary_detected_by_nul_in_first_8k() {
        let mut bytes = b"Stem cells".to_vec();
        bytes.push(0);
        assert_eq!(
            Document::from_bytes(bytes, Format::Text),
            Err(SourceError::Binary { offset: 10 })
        );
        // UTF-16 text is binary to us.
        let utf16 = vec![0xFF, 0xFE, b'S', 0, b't', 0];
        assert_eq!(
            Document::from_bytes(utf16, Format::Text),
            Err(SourceError::Binary { offset: 3 })
        );
    }

    #[test]
    fn nul_after_8k_is_not_binary_but_kept_as_text() {
        let mut bytes = vec![b'a'; 9000];
        bytes.push(0);
        let doc = Document::from_bytes(bytes, Format::Text).unwrap();
        assert_eq!(doc.text.len(), 9001);
        assert_invariants(&doc);
    }

    #[test]
    fn invalid_utf8_reports_offset_and_line() {
        let bytes = b"First line.\r\nSecond line.\nBad \xff byte.".to_vec();
        let err = Document::from_bytes(bytes, Format::Text).unwrap_err();
        assert_eq!(
            err,
            SourceError::NotUtf8 {
                offset: 30,
                line: 3
            }
        );
        assert_eq!(
            err.to_string(),
            "not valid UTF-8 (invalid byte at offset 30, line 3)"
        );
    }

    #[test]
    fn bom_kept_in_text_and_offsets_shifted_by_three() {
        for format in [Format::Text, Format::Markdown] {
            let bytes = "\u{feff}Stem cells cure arthritis.\n".as_bytes().to_vec();
            let doc = Document::from_bytes(bytes, format).unwrap();
            assert!(doc.text.starts_with('\u{feff}'));
            assert_eq!(
                plains(&doc),
                [(BlockKind::Paragraph, "Stem cells cure arthritis.")]
            );
            let block = &doc.blocks[0];
            let cure = TextRange { start: 11, end: 15 };
            let span = block.map.to_source(cure).unwrap();
            assert_eq!((span.start, span.end), (14, 18));
            assert_eq!(&doc.text[span.start..span.end], "cure");
            assert_invariants(&doc);
        }
    }

    /// Many generated documents mixing every construct the parsers know, in both formats:
    /// none panics and every block keeps the invariants.
    #[test]
    fn generated_documents_keep_invariants() {
        const FRAGMENTS: &[&str] = &[
            "Stem",
            " cells",
            " cure",
            ".",
            " ",
            "\n",
            "\r\n",
            "\n\n",
            "**",
            "*",
            "_",
            "`",
            "```\n",
            "~~",
            "&amp;",
            "&#x2019;",
            "&nbsp;",
            "&bogus;",
            "<br>",
            "<!-- c -->",
            "<div>\n",
            "[link](http://a.b \"t\")",
            "![alt *x*](i.png)",
            "<https://a.b>",
            "https://x.example/p.",
            "| a | b |\n|---|---|\n| c | d |\n",
            "- ",
            "1. ",
            "* ",
            "• ",
            "> ",
            "---\n",
            "title: \"T\"\n",
            "description: >\n  folded\n",
            "é",
            "—",
            "“q”",
            "\\*",
            "[^1]",
            "[^1]: note\n",
            "    ",
            "\t",
            "import x\n",
            "# ",
            "Dr.",
            "Conclusion\n",
            "  \n",
            "\r",
            "x\r",
            "\u{a0}",
            "\u{2028}",
            "\\\n",
            "  \r\n",
            "[ ] ",
            "cu\u{ad}re",
            "\u{200b}",
            "\u{2060}",
            "&shy;",
            "&#x200B;",
            "\u{feff}",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for case in 0..400 {
            let mut text = String::new();
            if case % 5 == 0 {
                text.push('\u{feff}');
            }
            if case % 3 == 0 {
                text.push_str("---\ntitle: 'It''s' # c\n");
                if case % 2 == 0 {
                    text.push_str("---\n");
                }
            }
            let len = (next() % 40) as usize;
            for _ in 0..len {
                let i = (next() % FRAGMENTS.len() as u64) as usize;
                text.push_str(FRAGMENTS[i]);
            }
            for format in [Format::Text, Format::Markdown] {
                let doc = Document::parse(text.clone(), format);
                assert_invariants(&doc);
            }
        }
    }

    #[test]
    fn empty_and_whitespace_files_have_no_blocks() {
        for format in [Format::Text, Format::Markdown] {
            for text in ["", "\u{feff}", "  \r\n\n\t\n"] {
                let doc = Document::parse(text.to_string(), format);
                assert!(doc.blocks.is_empty(), "{text:?} {format:?}");
            }
        }
    }
}
