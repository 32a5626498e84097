//! HTML (and XHTML) pages: the prose a visitor or a search engine sees, mapped back to bytes.
//!
//! Prose blocks: the visible text of block elements (`p`, `h1`–`h6`, `li`, `dt`/`dd`,
//! `td`/`th`, `blockquote`, `figcaption`, `button`, `div` and the other flow containers; text
//! directly in a container opens a paragraph), the page's `<title>`, the `content` of
//! `<meta name="description">` and of the `og:`/`twitter:` title, description and image-alt
//! meta tags, `alt` attributes, `title` attributes, the `value` of input buttons, and the
//! prose strings of `<script type="application/ld+json">` (values of `description`, `name`,
//! `headline`, `alternativeHeadline`, `abstract`, `text` and `reviewBody`, at any depth, JSON
//! escapes decoded with a map back to each escape).
//!
//! Inline elements (`a`, `b`, `em`, `span`, …) do not end a sentence: their tags are gaps in
//! the map, so `<b>cure</b>s` reads "cures" and a fix across a tag is refused (it could not
//! be written back without breaking the markup). `<br>`, `<img>` and inline `<code>` become a
//! separator space. Character references (named, decimal, hex) are replaced pieces standing
//! for the whole reference. Not prose: `script`, `style`, `noscript`, `template`, `code`,
//! `pre`, `textarea`, `svg`, `math`, comments, the doctype, and attributes other than those
//! above. Overclaim directives are read by `directives.rs`, which counts only those inside a
//! real comment ([`comment_ranges`]): a script string or an attribute value that spells one
//! out is not a directive.
//!
//! ## Why html5gum
//!
//! We need the byte offset of every text run, tag and attribute in the original file.
//! `html5gum` (a WHATWG-conformant tokenizer that passes the html5lib tokenizer tests, kept up
//! to date) reports a [`html5gum::Span`] for every token and attribute when built with
//! `DefaultEmitter::<usize>::new_with_span()`; html5ever's tokenizer has line numbers only,
//! `lol_html` is a streaming rewriter without source offsets for text chunks, and `tl` gives
//! borrowed slices but no spans for attribute values or decoded text. html5gum decodes
//! character references inside a text token and reports one span for the whole run, so we
//! use its spans for structure and decode references ourselves on the raw bytes (asking
//! html5gum to decode each named reference, so the full WHATWG table applies), which gives
//! one replaced piece per reference. A tokenizer never fails: broken markup (unclosed tags,
//! a stray `<`) still yields text, and tokenizer errors are ignored.
//!
//! The tokenizer does not build a tree, so implied end tags are approximated: every start or
//! end tag of a block element ends the current block, and an unmatched end tag is ignored.

use html5gum::{DefaultEmitter, StartTag, Token, Tokenizer};

use crate::source::map::MapBuilder;
use crate::source::{BlockKind, Encoding, ProseBlock, Span};

/// Flow elements whose start or end tag ends a block; inline elements do not.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "optgroup",
    "option",
    "p",
    "search",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements that hold no content (never pushed on the element stack).
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Block-level elements whose content is not prose, closed only by their own end tag.
const SKIPPED_BLOCKS: &[&str] = &["pre", "template", "svg", "math", "select", "datalist"];

/// Inline elements whose content is not prose (a separator space in the sentence). A block
/// boundary also ends them, so an unclosed `<code>` cannot swallow the rest of the page.
const SKIPPED_INLINE: &[&str] = &["code", "kbd", "samp", "var", "object", "iframe"];

/// Meta tags (`name` or `property`) whose `content` is prose.
const PROSE_META: &[&str] = &[
    "description",
    "og:title",
    "og:description",
    "og:image:alt",
    "twitter:title",
    "twitter:description",
    "twitter:image:alt",
];

/// JSON-LD keys whose string values (or arrays of strings) are prose.
const PROSE_JSON_KEYS: &[&str] = &[
    "description",
    "name",
    "headline",
    "alternativeHeadline",
    "abstract",
    "text",
    "reviewBody",
];

/// Character references that browsers decode without a closing `;` (the common legacy ones).
const LEGACY_REFERENCES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("nbsp", "\u{a0}"),
    ("copy", "©"),
    ("reg", "®"),
];

/// What the text of an element in a raw-text state (`<script>`, `<style>`, `<title>`…) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Raw {
    /// `<title>`: prose, with character references.
    Title,
    /// `<script type="application/ld+json">`: JSON whose prose strings we read.
    JsonLd,
    /// Anything else (scripts, styles, `<textarea>`, `<noscript>`): not prose.
    Ignored,
}

/// Blocks of the HTML text `src[body_start..]` (after a BOM, if any).
pub(crate) fn parse_blocks(src: &str, body_start: usize) -> Vec<ProseBlock> {
    let Some(body) = src.get(body_start..) else {
        return Vec::new();
    };
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Switch to the raw-text states after `<script>`, `<style>`, `<title>` and the like, as a
    // browser's tree builder would; otherwise `if (a<b)` in a script would look like a tag.
    emitter.naively_switch_states(true);
    let mut walker = Walker::new(src);
    for token in Tokenizer::new_with_emitter(body, emitter).flatten() {
        walker.token(token, body_start);
    }
    walker.flush();
    walker.blocks
}

/// The byte ranges of the page's comments (`<!--` to `-->`), as a browser reads them: text in
/// a script, a style sheet, a textarea or an attribute value is never a comment.
pub(crate) fn comment_ranges(src: &str) -> Vec<std::ops::Range<usize>> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(src, emitter)
        .flatten()
        .filter_map(|token| match token {
            Token::Comment(comment) => {
                Some(comment.span.start..comment.span.end.max(comment.span.start + 1))
            }
            _ => None,
        })
        .collect()
}

/// State while walking the tokens of one page.
struct Walker<'a> {
    src: &'a str,
    blocks: Vec<ProseBlock>,
    /// Open block elements (name, kind they give their text), innermost last.
    open: Vec<(String, Option<BlockKind>)>,
    /// Open non-prose elements, innermost last.
    skipped: Vec<String>,
    /// The element in a raw-text state whose text comes next.
    raw: Option<Raw>,
    /// The block being built.
    current: Option<(BlockKind, MapBuilder<'a>)>,
}

impl<'a> Walker<'a> {
    fn new(src: &'a str) -> Walker<'a> {
        Walker {
            src,
            blocks: Vec::new(),
            open: Vec::new(),
            skipped: Vec::new(),
            raw: None,
            current: None,
        }
    }

    fn token(&mut self, token: Token<usize>, offset: usize) {
        match token {
            Token::StartTag(tag) => self.start_tag(&tag, offset),
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let span = Span {
                    start: tag.span.start + offset,
                    end: tag.span.end + offset,
                };
                self.end_tag(&name, span);
            }
            Token::String(text) => {
                let span = Span {
                    start: text.span.start + offset,
                    end: text.span.end + offset,
                };
                self.text(span);
            }
            // Comments render as nothing: the words on either side join, as in a browser.
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }

    fn start_tag(&mut self, tag: &StartTag<usize>, offset: usize) {
        let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
        let span = Span {
            start: tag.span.start + offset,
            end: tag.span.end + offset,
        };
        let attrs = Attributes::read(self.src, span);
        self.raw = match name.as_str() {
            "title" if self.skipped.is_empty() => Some(Raw::Title),
            "script"
                if attrs
                    .value_text(self.src, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                Some(Raw::JsonLd)
            }
            "script" | "style" | "textarea" | "noscript" | "iframe" | "xmp" | "noembed"
            | "noframes" | "plaintext" | "title" => Some(Raw::Ignored),
            _ => None,
        };
        if self.raw == Some(Raw::Title) {
            self.flush();
        }
        let is_void = VOID_ELEMENTS.contains(&name.as_str()) || tag.self_closing;
        if SKIPPED_BLOCKS.contains(&name.as_str()) {
            self.flush();
            if !is_void {
                self.skipped.push(name);
            }
            return;
        }
        if SKIPPED_INLINE.contains(&name.as_str()) {
            if let Some((_, builder)) = &mut self.current {
                builder.drop_markup(span);
            }
            if !is_void {
                self.skipped.push(name);
            }
            return;
        }
        if self.skipped.is_empty() {
            self.attribute_blocks(&name, &attrs);
        }
        if BLOCK_ELEMENTS.contains(&name.as_str()) {
            self.flush();
            self.end_inline_skips();
            if !is_void {
                let kind = block_kind(&name);
                self.open.push((name, kind));
            }
        } else if matches!(name.as_str(), "br" | "img" | "input") {
            // A line break or an image leaves the words around it apart.
            if let Some((_, builder)) = &mut self.current {
                builder.drop_markup(span);
            }
        }
    }

    fn end_tag(&mut self, name: &str, span: Span) {
        let name = name.to_ascii_lowercase();
        self.raw = None;
        if let Some(at) = self.skipped.iter().rposition(|n| *n == name) {
            self.skipped.truncate(at);
            return;
        }
        if name == "br" {
            // `</br>` is a line break in browsers.
            if let Some((_, builder)) = &mut self.current {
                builder.drop_markup(span);
            }
            return;
        }
        if BLOCK_ELEMENTS.contains(&name.as_str()) {
            self.flush();
            self.end_inline_skips();
            if let Some(at) = self.open.iter().rposition(|(n, _)| *n == name) {
                self.open.truncate(at);
            }
        }
    }

    /// A block boundary ends inline non-prose elements left open.
    fn end_inline_skips(&mut self) {
        while self
            .skipped
            .last()
            .is_some_and(|n| SKIPPED_INLINE.contains(&n.as_str()))
        {
            self.skipped.pop();
        }
    }

    fn text(&mut self, span: Span) {
        match self.raw {
            Some(Raw::Title) => {
                let mut builder = MapBuilder::new(self.src);
                push_decoded(&mut builder, self.src, span);
                push_block(
                    &mut self.blocks,
                    BlockKind::Title,
                    Encoding::HtmlText,
                    builder,
                );
                return;
            }
            Some(Raw::JsonLd) => {
                json_ld_blocks(self.src, span, &mut self.blocks);
                return;
            }
            Some(Raw::Ignored) => return,
            None => {}
        }
        if !self.skipped.is_empty() {
            if let Some((_, builder)) = &mut self.current {
                builder.drop_markup(span);
            }
            return;
        }
        let blank = self
            .src
            .get(span.start..span.end)
            .is_none_or(|t| t.trim().is_empty());
        if self.current.is_none() {
            if blank {
                return;
            }
            let kind = self.context_kind();
            self.current = Some((kind, MapBuilder::new(self.src)));
        }
        if let Some((_, builder)) = &mut self.current {
            push_decoded(builder, self.src, span);
        }
    }

    /// The kind of text here: named by the innermost element that gives one.
    fn context_kind(&self) -> BlockKind {
        self.open
            .iter()
            .rev()
            .find_map(|(_, kind)| *kind)
            .unwrap_or(BlockKind::Paragraph)
    }

    /// `alt`, `title`, an input button's `value`, and a prose meta tag's `content`.
    fn attribute_blocks(&mut self, name: &str, attrs: &Attributes) {
        let src = self.src;
        let mut add = |kind: BlockKind, value: Span| {
            let mut builder = MapBuilder::new(src);
            push_decoded(&mut builder, src, value);
            push_block(&mut self.blocks, kind, Encoding::HtmlAttribute, builder);
        };
        if name == "meta" {
            let key = attrs
                .value_text(src, "name")
                .or_else(|| attrs.value_text(src, "property"));
            if key.is_some_and(|k| PROSE_META.iter().any(|m| k.trim().eq_ignore_ascii_case(m))) {
                if let Some(content) = attrs.value("content") {
                    add(BlockKind::Meta, content);
                }
            }
            return;
        }
        if matches!(name, "img" | "area" | "input") {
            if let Some(alt) = attrs.value("alt") {
                add(BlockKind::ImageAlt, alt);
            }
        }
        if name == "input"
            && attrs.value_text(src, "type").is_some_and(|t| {
                ["submit", "button", "reset"]
                    .iter()
                    .any(|b| t.trim().eq_ignore_ascii_case(b))
            })
        {
            if let Some(value) = attrs.value("value") {
                add(BlockKind::Attribute, value);
            }
        }
        if let Some(title) = attrs.value("title") {
            add(BlockKind::Attribute, title);
        }
    }

    /// Finish the current block, if any.
    fn flush(&mut self) {
        if let Some((kind, builder)) = self.current.take() {
            push_block(&mut self.blocks, kind, Encoding::HtmlText, builder);
        }
    }
}

/// The kind an element gives the text inside it; `None` for generic containers, whose text
/// takes the kind of the element around them.
fn block_kind(name: &str) -> Option<BlockKind> {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
        "li" | "dt" | "dd" => Some(BlockKind::ListItem),
        "td" | "th" => Some(BlockKind::TableCell),
        "blockquote" => Some(BlockKind::BlockQuote),
        _ => None,
    }
}

/// Add the block built by `builder` unless it has no prose.
fn push_block(
    blocks: &mut Vec<ProseBlock>,
    kind: BlockKind,
    encoding: Encoding,
    builder: MapBuilder<'_>,
) {
    if builder.is_empty() {
        return;
    }
    let (plain, map) = builder.finish();
    blocks.push(ProseBlock {
        kind,
        plain,
        map,
        encoding,
    });
}

/// The attributes of one start tag, with the source span of each raw value (between the
/// quotes, character references not yet decoded).
struct Attributes {
    /// (lowercased name, raw value span); the first of duplicate names wins, as in browsers.
    values: Vec<(String, Span)>,
}

impl Attributes {
    /// Scan the start tag at `tag` (`<name attr="v" …>`) in `src`. The tokenizer's own
    /// attribute spans cover the name and an unquoted value's trailing byte, so we scan the
    /// tag's bytes ourselves, following the tokenizer's attribute states.
    fn read(src: &str, tag: Span) -> Attributes {
        let bytes = src.as_bytes();
        let end = tag.end.min(bytes.len());
        let mut values: Vec<(String, Span)> = Vec::new();
        // Skip `<` and the tag name.
        let mut i = tag.start + 1;
        while i < end && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
            i += 1;
        }
        while i < end {
            while i < end && (is_space(bytes[i]) || bytes[i] == b'/') {
                i += 1;
            }
            if i >= end || bytes[i] == b'>' {
                break;
            }
            let name_start = i;
            // The first character of a name may be `=`; then the name runs to space, `/`,
            // `>` or `=`.
            i += 1;
            while i < end && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let name = src
                .get(name_start..i)
                .unwrap_or_default()
                .to_ascii_lowercase();
            let mut j = i;
            while j < end && is_space(bytes[j]) {
                j += 1;
            }
            let mut value = Span { start: j, end: j };
            if j < end && bytes[j] == b'=' {
                j += 1;
                while j < end && is_space(bytes[j]) {
                    j += 1;
                }
                match bytes.get(j) {
                    Some(&quote @ (b'"' | b'\'')) if j < end => {
                        let start = j + 1;
                        let close = bytes[start..end]
                            .iter()
                            .position(|&b| b == quote)
                            .map_or(end, |p| start + p);
                        value = Span { start, end: close };
                        j = (close + 1).min(end);
                    }
                    _ => {
                        let start = j;
                        while j < end && !is_space(bytes[j]) && bytes[j] != b'>' {
                            j += 1;
                        }
                        value = Span { start, end: j };
                    }
                }
                i = j;
            }
            let on_boundaries =
                src.is_char_boundary(value.start) && src.is_char_boundary(value.end);
            if on_boundaries && !values.iter().any(|(n, _)| *n == name) {
                values.push((name, value));
            }
        }
        Attributes { values }
    }

    /// The raw value span of attribute `name`.
    fn value(&self, name: &str) -> Option<Span> {
        self.values
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, span)| *span)
    }

    /// The raw text of attribute `name` (for keyword values such as `type` or `name`).
    fn value_text<'s>(&self, src: &'s str, name: &str) -> Option<&'s str> {
        let span = self.value(name)?;
        src.get(span.start..span.end)
    }
}

/// HTML whitespace (and the form feed the tokenizer also accepts).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Push the raw text at `span` into `builder`, decoding character references: the text
/// between references is prose (bare URLs dropped), each reference a replaced piece.
fn push_decoded(builder: &mut MapBuilder<'_>, src: &str, span: Span) {
    let Some(raw) = src.get(span.start..span.end) else {
        return;
    };
    let mut done = 0;
    let mut search = 0;
    while let Some(found) = raw[search..].find('&') {
        let at = search + found;
        match char_ref(&raw[at..]) {
            Some((len, decoded)) => {
                push_text(builder, src, span.start + done, span.start + at);
                let decoded = decoded.replace(['\r', '\n'], " ");
                builder.push_replaced(
                    &decoded,
                    Span {
                        start: span.start + at,
                        end: span.start + at + len,
                    },
                );
                done = at + len;
                search = done;
            }
            None => search = at + 1,
        }
    }
    push_text(builder, src, span.start + done, span.end);
}

/// Push prose `start..end`; a run of whitespace holding a line break (the indentation of
/// the next line included) becomes one break, as HTML collapses it to one space.
fn push_text(builder: &mut MapBuilder<'_>, src: &str, start: usize, end: usize) {
    let Some(text) = src.get(start..end) else {
        return;
    };
    let mut done = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !matches!(bytes[i], b'\r' | b'\n') {
            i += 1;
            continue;
        }
        let mut run_start = i;
        while run_start > done && matches!(bytes[run_start - 1], b' ' | b'\t') {
            run_start -= 1;
        }
        let mut run_end = i;
        while run_end < bytes.len() && is_space(bytes[run_end]) {
            run_end += 1;
        }
        builder.push_prose(start + done, start + run_start);
        builder.push_break(Span {
            start: start + run_start,
            end: start + run_end,
        });
        done = run_end;
        i = run_end;
    }
    builder.push_prose(start + done, end);
}

/// The character reference at the start of `s` (which starts with `&`): how many bytes it
/// takes and the text it stands for; `None` when it is not one (`&` alone, `&bogus;`).
fn char_ref(s: &str) -> Option<(usize, String)> {
    let rest = s.get(1..)?;
    if let Some(number) = rest.strip_prefix('#') {
        let (digits, radix, prefix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (number, 10, 1),
        };
        let len = digits
            .bytes()
            .take_while(|b| (*b as char).is_digit(radix))
            .count();
        if len == 0 {
            return None;
        }
        let value = u32::from_str_radix(&digits[..len.min(8)], radix).unwrap_or(u32::MAX);
        let value = if len > 8 { u32::MAX } else { value };
        let semicolon = usize::from(digits[len..].starts_with(';'));
        return Some((
            1 + prefix + len + semicolon,
            numeric_char(value).to_string(),
        ));
    }
    let name_len = rest
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .take(40)
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &rest[..name_len];
    if rest[name_len..].starts_with(';') {
        let reference = &s[..name_len + 2];
        let decoded: String = Tokenizer::new(reference)
            .flatten()
            .filter_map(|token| match token {
                Token::String(text) => Some(String::from_utf8_lossy(&text.value).into_owned()),
                _ => None,
            })
            .collect();
        // A name that is not in the table comes back unchanged, or with only a legacy prefix
        // decoded (`&notit;` → `¬it;`); every real reference is one or two code points.
        if decoded != reference && decoded.chars().count() <= 2 {
            return Some((name_len + 2, decoded));
        }
        return None;
    }
    LEGACY_REFERENCES
        .iter()
        .find(|(legacy, _)| *legacy == name)
        .filter(|_| !rest[name_len..].starts_with('='))
        .map(|(_, text)| (name_len + 1, (*text).to_owned()))
}

/// The character a numeric reference stands for, with the HTML spec's replacements: NUL,
/// surrogates and values past U+10FFFF become U+FFFD, and 0x80–0x9F are read as
/// Windows-1252 (so `&#147;` is a left double quote).
fn numeric_char(value: u32) -> char {
    const WINDOWS_1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match value {
        0 => '\u{fffd}',
        0x80..=0x9f => WINDOWS_1252
            .get((value - 0x80) as usize)
            .copied()
            .unwrap_or('\u{fffd}'),
        _ => char::from_u32(value).unwrap_or('\u{fffd}'),
    }
}

/// A JSON container while scanning JSON-LD.
#[derive(Debug)]
enum Container {
    /// An object: the key of the member being read, and whether its `:` has been seen.
    Object { key: Option<String>, in_value: bool },
    /// An array, and the key it is the value of (its strings count as that key's values).
    Array { key: Option<String> },
}

/// The prose strings of the JSON-LD text at `span`: the string values (or strings in array
/// values) of [`PROSE_JSON_KEYS`], at any depth. A small scanner rather than serde_json,
/// because we need the source span of every string and of every escape inside it; invalid
/// JSON is read as far as it makes sense, never an error.
fn json_ld_blocks(src: &str, span: Span, blocks: &mut Vec<ProseBlock>) {
    let Some(json) = src.get(span.start..span.end) else {
        return;
    };
    let bytes = json.as_bytes();
    let mut stack: Vec<Container> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Container::Object {
                key: None,
                in_value: false,
            }),
            b'[' => {
                let key = match stack.last() {
                    Some(Container::Object {
                        key,
                        in_value: true,
                    }) => key.clone(),
                    Some(Container::Array { key }) => key.clone(),
                    _ => None,
                };
                stack.push(Container::Array { key });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Container::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => {
                if let Some(Container::Object { key, in_value }) = stack.last_mut() {
                    *key = None;
                    *in_value = false;
                }
            }
            b'"' => {
                let start = i + 1;
                let end = string_end(bytes, start);
                let string = Span {
                    start: span.start + start,
                    end: span.start + end,
                };
                match stack.last_mut() {
                    Some(Container::Object {
                        key,
                        in_value: false,
                    }) => {
                        let mut builder = MapBuilder::new(src);
                        push_json_string(&mut builder, src, string);
                        *key = Some(builder.finish().0);
                    }
                    Some(Container::Object {
                        key: Some(key),
                        in_value: true,
                    })
                    | Some(Container::Array { key: Some(key) })
                        if PROSE_JSON_KEYS.contains(&key.as_str()) =>
                    {
                        let mut builder = MapBuilder::new(src);
                        push_json_string(&mut builder, src, string);
                        push_block(
                            blocks,
                            BlockKind::StructuredData,
                            Encoding::JsonString,
                            builder,
                        );
                    }
                    _ => {}
                }
                i = end + 1;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

/// The index of the `"` closing the JSON string whose content starts at `start`, or the end
/// of the text if it is never closed.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return i,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Push the content of a JSON string (between its quotes) at `span`, decoding escapes: each
/// escape is a replaced piece (`\"` → `"`, `\u00e9` → `é`, a surrogate pair → one char;
/// `\n`, `\r` and `\t` → a space, since plain text has no line breaks).
fn push_json_string(builder: &mut MapBuilder<'_>, src: &str, span: Span) {
    let Some(raw) = src.get(span.start..span.end) else {
        return;
    };
    let bytes = raw.as_bytes();
    let mut done = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let (len, decoded) = json_escape(raw, i);
        builder.push_prose(span.start + done, span.start + i);
        builder.push_replaced(
            &decoded,
            Span {
                start: span.start + i,
                end: span.start + i + len,
            },
        );
        i += len;
        done = i;
    }
    builder.push_prose(span.start + done, span.end);
}

/// The escape at `raw[at..]` (which starts with `\`): its length in bytes and its text.
/// Malformed escapes stand for themselves minus the backslash, or U+FFFD, as lenient parsers
/// read them; lengths always end on a char boundary.
fn json_escape(raw: &str, at: usize) -> (usize, String) {
    let rest = &raw[at + 1..];
    let Some(c) = rest.chars().next() else {
        return (1, String::new());
    };
    let simple = match c {
        '"' => Some('"'),
        '\\' => Some('\\'),
        '/' => Some('/'),
        'b' | 'f' | 'n' | 'r' | 't' => Some(' '),
        _ => None,
    };
    if let Some(decoded) = simple {
        return (2, decoded.to_string());
    }
    if c != 'u' {
        return (1 + c.len_utf8(), c.to_string());
    }
    let unit = |s: &str| {
        s.get(..4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    let Some(high) = unit(&rest[1..]) else {
        return (2, "\u{fffd}".to_owned());
    };
    if (0xd800..0xdc00).contains(&high) {
        if let Some(low) = rest[5..]
            .strip_prefix("\\u")
            .and_then(unit)
            .filter(|low| (0xdc00..0xe000).contains(low))
        {
            let value = 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
            let c = char::from_u32(value).unwrap_or('\u{fffd}');
            return (12, c.to_string());
        }
    }
    let c = char::from_u32(high).unwrap_or('\u{fffd}');
    let c = if c.is_control() { ' ' } else { c };
    (6, c.to_string())
}

#[cfg(test)]
mod tests {
    use crate::source::tests::{assert_invariants, find, parse_checked, plains};
    use crate::source::{BlockKind, Document, Encoding, Format, Span, TextRange};

    fn parse(text: &str) -> Document {
        parse_checked(text, Format::Html)
    }

    fn slice(doc: &Document, span: Span) -> &str {
        &doc.text[span.start..span.end]
    }

    #[test]
    fn inline_tags_do_not_split_a_sentence_but_block_fixes() {
        let doc = parse("<p>Our stem cells <b>cure</b> knee <a href=\"/x\">arthritis</a>.</p>");
        assert_eq!(
            plains(&doc),
            [(BlockKind::Paragraph, "Our stem cells cure knee arthritis.")]
        );
        let map = &doc.blocks[0].map;
        let claim = find(&doc, 0, "cure knee arthritis");
        assert_eq!(
            slice(&doc, map.covering(claim)),
            "cure</b> knee <a href=\"/x\">arthritis"
        );
        assert_eq!(map.to_source(claim), None);
        let cure = find(&doc, 0, "cure");
        assert_eq!(slice(&doc, map.to_source(cure).unwrap()), "cure");
        assert_eq!(doc.blocks[0].encoding, Encoding::HtmlText);
    }

    #[test]
    fn a_tag_inside_a_word_joins_it() {
        let doc = parse(
            "<p>It <em>cure</em>s arthritis and <span>re</span>grows cartilage.</br>Next</p>",
        );
        assert_eq!(
            doc.blocks[0].plain,
            "It cures arthritis and regrows cartilage. Next"
        );
    }

    #[test]
    fn entities_named_decimal_and_hex_map_to_the_whole_reference() {
        let doc = parse("<p>Pain &amp; swelling vanish&nbsp;forever &#8212; &#x2019;&eacute; &bogus; &amp x&#150;</p>");
        assert_eq!(
            doc.blocks[0].plain,
            "Pain & swelling vanish\u{a0}forever \u{2014} \u{2019}é &bogus; & x–"
        );
        let map = &doc.blocks[0].map;
        let amp = find(&doc, 0, "&");
        assert_eq!(slice(&doc, map.covering(amp)), "&amp;");
        let phrase = find(&doc, 0, "Pain & swelling");
        assert_eq!(
            slice(&doc, map.to_source(phrase).unwrap()),
            "Pain &amp; swelling"
        );
        let dash = find(&doc, 0, "\u{2014}");
        assert_eq!(slice(&doc, map.covering(dash)), "&#8212;");
        let e = find(&doc, 0, "é");
        assert_eq!(slice(&doc, map.covering(e)), "&eacute;");
        // Cutting through a reference cannot be a fix.
        let half = TextRange {
            start: e.start,
            end: e.start + 1,
        };
        assert_eq!(map.to_source(half), None);
    }

    #[test]
    fn blocks_by_element_with_kinds() {
        let doc = parse(concat!(
            "<h1>Knee clinic</h1><ul><li>No surgery</li><li>Fast relief</ul>",
            "<table><tr><th>Option</th><td>Regrows cartilage</td></tr></table>",
            "<blockquote><p>It cured me.</p></blockquote>",
            "<figure><img src=a.png><figcaption>New cartilage</figcaption></figure>",
            "<dl><dt>PRP</dt><dd>Heals knees</dd></dl>",
            "<div>Loose text <button>Book now</button> after</div>",
        ));
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Heading, "Knee clinic"),
                (BlockKind::ListItem, "No surgery"),
                (BlockKind::ListItem, "Fast relief"),
                (BlockKind::TableCell, "Option"),
                (BlockKind::TableCell, "Regrows cartilage"),
                (BlockKind::BlockQuote, "It cured me."),
                (BlockKind::Paragraph, "New cartilage"),
                (BlockKind::ListItem, "PRP"),
                (BlockKind::ListItem, "Heals knees"),
                (BlockKind::Paragraph, "Loose text"),
                (BlockKind::Paragraph, "Book now"),
                (BlockKind::Paragraph, "after"),
            ]
        );
    }

    #[test]
    fn head_title_meta_and_social_tags() {
        let doc = parse(concat!(
            "<html><head><title>Stem Cells &amp; PRP | Clinic</title>\n",
            "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\n",
            "<meta name=\"description\" content=\"We cure &quot;bad&quot; knees\">\n",
            "<meta property=\"og:title\" content='Regrow cartilage'>\n",
            "<meta name=twitter:description content=Guaranteed>\n",
            "<meta name=\"twitter:card\" content=\"summary\">\n",
            "<link rel=stylesheet href=x.css></head></html>",
        ));
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Title, "Stem Cells & PRP | Clinic"),
                (BlockKind::Meta, "We cure \"bad\" knees"),
                (BlockKind::Meta, "Regrow cartilage"),
                (BlockKind::Meta, "Guaranteed"),
            ]
        );
        let cure = find(&doc, 1, "cure \"bad\"");
        assert_eq!(
            slice(&doc, doc.blocks[1].map.to_source(cure).unwrap()),
            "cure &quot;bad&quot;"
        );
        assert_eq!(doc.blocks[1].encoding, Encoding::HtmlAttribute);
        let regrow = find(&doc, 2, "Regrow");
        let span = doc.blocks[2].map.to_source(regrow).unwrap();
        assert_eq!(slice(&doc, span), "Regrow");
        assert_eq!(&doc.text[span.start - 1..span.start], "'");
    }

    #[test]
    fn alt_and_title_attributes_are_their_own_blocks() {
        let doc = parse(
            "<p>Before <img src=\"k.jpg\" alt=\"Stem cells regrew this knee\" title=\"Proven\">after.</p>\n<a href=/ title=Miracle>link</a><input type=submit value=\"Cure me\">",
        );
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Paragraph, "Before after."),
                (BlockKind::ImageAlt, "Stem cells regrew this knee"),
                (BlockKind::Attribute, "Proven"),
                (BlockKind::Attribute, "Miracle"),
                (BlockKind::Paragraph, "link"),
                (BlockKind::Attribute, "Cure me"),
            ]
        );
        let regrew = find(&doc, 1, "regrew this knee");
        assert_eq!(
            slice(&doc, doc.blocks[1].map.to_source(regrew).unwrap()),
            "regrew this knee"
        );
    }

    #[test]
    fn json_ld_prose_keys_at_any_depth_with_escapes() {
        let text = concat!(
            "<script type=\"application/ld+json\">\n",
            "{\"@type\": \"MedicalClinic\", \"name\": \"Caf\\u00e9 Knee\",\n",
            " \"url\": \"https://x.example\", \"description\": \"We \\\"cure\\\" arthritis\",\n",
            " \"review\": [{\"reviewBody\": \"Healed\\nin days \\ud83d\\ude00\"}],\n",
            " \"keywords\": [\"cure\"], \"headline\": [\"A\", \"B\"]}\n",
            "</script>"
        );
        let doc = parse(text);
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::StructuredData, "Café Knee"),
                (BlockKind::StructuredData, "We \"cure\" arthritis"),
                (BlockKind::StructuredData, "Healed in days 😀"),
                (BlockKind::StructuredData, "A"),
                (BlockKind::StructuredData, "B"),
            ]
        );
        let e = find(&doc, 0, "é");
        assert_eq!(slice(&doc, doc.blocks[0].map.covering(e)), "\\u00e9");
        let cure = find(&doc, 1, "\"cure\" arthritis");
        assert_eq!(
            slice(&doc, doc.blocks[1].map.to_source(cure).unwrap()),
            "\\\"cure\\\" arthritis"
        );
        let emoji = find(&doc, 2, "😀");
        assert_eq!(
            slice(&doc, doc.blocks[2].map.covering(emoji)),
            "\\ud83d\\ude00"
        );
        assert_eq!(doc.blocks[0].encoding, Encoding::JsonString);
    }

    #[test]
    fn scripts_styles_code_comments_and_templates_are_not_prose() {
        let doc = parse(concat!(
            "<style>p::after { content: \"cures arthritis\" }</style>",
            "<script>if (a<b) document.write('<p>cures arthritis</p>')</script>",
            "<noscript><p>Cures arthritis</p></noscript><template><p>Cures</p></template>",
            "<pre>cure arthritis</pre><!-- cures arthritis -->",
            "<p>Run <code>cure()</code> then<!-- x --> rest</p><textarea>cure</textarea>",
            "<svg><title>cure</title><text>cure</text></svg>",
        ));
        // As in Markdown, removed code leaves its spaces on both sides.
        assert_eq!(plains(&doc), [(BlockKind::Paragraph, "Run  then rest")]);
    }

    #[test]
    fn crlf_and_indentation_become_single_spaces_and_fix_spans_lines() {
        let text = "<p>\r\n    Stem cells cure\r\n    knee arthritis.\r\n</p>\r\n";
        let doc = parse(text);
        assert_eq!(doc.blocks[0].plain, "Stem cells cure knee arthritis.");
        let claim = find(&doc, 0, "cure knee arthritis");
        let span = doc.blocks[0].map.to_source(claim).unwrap();
        assert_eq!(slice(&doc, span), "cure\r\n    knee arthritis");
    }

    #[test]
    fn broken_markup_still_yields_prose() {
        let doc =
            parse("<p>Stem cells < cure arthritis <b>fast<p>Second <i>one & more<div class=\"x");
        assert_eq!(
            plains(&doc),
            [
                (BlockKind::Paragraph, "Stem cells < cure arthritis fast"),
                (BlockKind::Paragraph, "Second one & more"),
            ]
        );
        for text in [
            "<",
            "</",
            "<p",
            "<p title=\"unterminated",
            "<script type=application/ld+json>{\"name\": \"x\\",
            "<script type=application/ld+json>{\"name\": \"\\ud83d\"}</script>",
            "&#xFFFFFFFFFF; &#0; &#",
            "<![CDATA[cure]]><?php cure ?>",
            "</p></p></div>",
            "<img alt=>",
            "<meta name=description content>",
        ] {
            parse(text);
        }
    }

    #[test]
    fn directives_outside_comments_do_not_count() {
        let page = concat!(
            "<script>var s = '<!-- overclaim-disable-file -->';</script>\n",
            "<p title=\"<!-- overclaim-disable-file -->\">Stem cells cure arthritis.</p>\n",
            "<!-- overclaim-disable-next-line cure -- reviewed -->\n",
        );
        let directives = parse(page).directives();
        assert_eq!(directives.len(), 1, "{directives:?}");
        assert_eq!(directives[0].keyword, "disable-next-line");
    }

    #[test]
    fn directives_in_comments_are_still_found() {
        let text =
            "<!-- overclaim-disable-next-line cure-claim -- approved -->\n<p>Cures arthritis</p>";
        let doc = parse(text);
        assert_eq!(plains(&doc), [(BlockKind::Paragraph, "Cures arthritis")]);
        let directives = doc.directives();
        assert_eq!(directives.len(), 1);
        assert_eq!(directives[0].reason.as_deref(), Some("approved"));
    }

    #[test]
    fn bom_offsets_count_the_bom() {
        let doc = Document::from_bytes(
            "\u{feff}<p>Cures arthritis</p>".as_bytes().to_vec(),
            Format::Html,
        )
        .unwrap();
        assert_invariants(&doc);
        let span = doc.blocks[0]
            .map
            .to_source(TextRange { start: 0, end: 5 })
            .unwrap();
        assert_eq!(span, Span { start: 6, end: 11 });
    }

    #[test]
    fn generated_pages_keep_invariants() {
        const FRAGMENTS: &[&str] = &[
            "Stem",
            " cells",
            " cure",
            ".",
            " ",
            "\n",
            "\r\n",
            "<p>",
            "</p>",
            "<b>",
            "</b>",
            "<br>",
            "<li>",
            "<h2>",
            "</h2>",
            "&amp;",
            "&#x2019;",
            "&nbsp;",
            "&bogus;",
            "&",
            "<",
            ">",
            "\"",
            "'",
            "<!-- c -->",
            "<!--",
            "<img alt=\"cure &amp; x\">",
            "<meta name=description content=\"a &quot;b\">",
            "<title>T &lt; t</title>",
            "<script type=application/ld+json>{\"name\":\"a\\u00e9\\\"b\"}</script>",
            "<script>x<y</script>",
            "<code>",
            "</code>",
            "é",
            "—",
            "\u{a0}",
            "<a title=x>",
            "</a>",
            "<td>",
            "https://x.example/p.",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..30 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(FRAGMENTS[(seed % FRAGMENTS.len() as u64) as usize]);
            }
            parse(&text);
        }
    }
}
