//! The prose map: how one block's plain text points back into the original file.
//!
//! A block's plain text is built from *pieces*. Each piece maps a range of plain text to a
//! range of the original bytes and is one of:
//!
//! - **verbatim**: the plain bytes are the source bytes (`cure` ↔ `cure`);
//! - **replaced**: the plain text stands for different source text that is still *the same
//!   words* (the entity `&amp;` → `&`, a line break `"\r\n  "` → `" "`);
//! - **separator**: a space the parser inserted where it removed non-prose markup (inline
//!   code, raw HTML, a URL) so that the words on either side do not run together.
//!
//! Pieces tile the plain text with no gaps, and their source ranges never go backwards. Source
//! bytes between two pieces (`**`, `[`, `](url)`) are removed markup.
//!
//! [`OffsetMap::covering`] answers "where is this?" (for reports) and
//! [`OffsetMap::to_source`] answers "which exact bytes can a fix replace?". This module knows
//! nothing about Markdown or plain-text syntax; the parsers in `text.rs`, `markdown.rs` and
//! `frontmatter.rs` build maps through [`MapBuilder`].

/// A byte range in the ORIGINAL file.
///
/// `start` and `end` are byte offsets into [`Document::text`](crate::source::Document::text),
/// counting a BOM if there is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

/// A byte range in one block's plain text ([`ProseBlock::plain`](crate::source::ProseBlock::plain)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TextRange {
    /// First byte of the range in the block's plain text.
    pub start: usize,
    /// One past the last byte of the range in the block's plain text.
    pub end: usize,
}

/// How a piece's plain text relates to its source bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PieceKind {
    /// Same bytes in plain text and source.
    Verbatim,
    /// Different bytes that mean the same text (an entity, a line break).
    Replaced,
    /// A space standing in for removed non-prose markup; never part of a fixable range.
    Separator,
}

/// One run of plain text and the source range it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    kind: PieceKind,
    text_start: usize,
    text_end: usize,
    start: usize,
    end: usize,
}

impl Piece {
    /// The source offset of plain offset `at` (`text_start <= at <= text_end`), for a
    /// verbatim piece; a replaced piece maps only its two ends.
    fn source_at(&self, at: usize) -> usize {
        match self.kind {
            PieceKind::Verbatim => self.start + (at - self.text_start),
            PieceKind::Replaced | PieceKind::Separator => {
                if at <= self.text_start {
                    self.start
                } else {
                    self.end
                }
            }
        }
    }
}

/// Piecewise map from a block's plain-text offsets back to original-file byte offsets.
///
/// Build one with the parsers in this module ([`Document::parse`](crate::source::Document::parse));
/// an empty map belongs to an empty block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Sorted by `text_start`, contiguous in plain text, non-decreasing in source.
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// The exact source span whose bytes are this plain text, when the range maps to ONE
    /// contiguous run of verbatim pieces (or fully covers replaced pieces that are
    /// source-adjacent); `None` when it crosses removed markup (e.g. `**`, `[`, `](url)`),
    /// touches a separator that stands for removed markup, cuts through a replaced piece, or
    /// lies outside the block. Used for fixes: replacing the returned span never breaks markup.
    ///
    /// An empty range maps to an empty span where an insertion would go.
    pub fn to_source(&self, range: TextRange) -> Option<Span> {
        let total = self.text_len();
        if range.start > range.end || range.end > total {
            return None;
        }
        if range.start == range.end {
            return self.point_to_source(range.start);
        }
        let first = self.piece_index(range.start)?;
        let last = self.piece_index(range.end - 1)?;
        let pieces = self.pieces.get(first..=last)?;
        let mut span = Span {
            start: usize::MAX,
            end: 0,
        };
        for (i, piece) in pieces.iter().enumerate() {
            if piece.kind == PieceKind::Separator {
                return None;
            }
            if piece.kind == PieceKind::Replaced
                && (range.start > piece.text_start || range.end < piece.text_end)
            {
                return None;
            }
            if i > 0 && pieces[i - 1].end != piece.start {
                return None;
            }
            if i == 0 {
                span.start = piece.source_at(range.start.max(piece.text_start));
            }
            if i + 1 == pieces.len() {
                span.end = piece.source_at(range.end.min(piece.text_end));
            }
        }
        Some(span)
    }

    /// The smallest source span covering everything the plain range maps to (always `Some`
    /// for a range inside the block). Used to report where a finding is.
    ///
    /// A range past the end of the block is clamped to it; an empty range gives an empty span
    /// at the corresponding source position.
    pub fn covering(&self, range: TextRange) -> Span {
        let total = self.text_len();
        let end = range.end.min(total);
        let start = range.start.min(end);
        if self.pieces.is_empty() {
            return Span::default();
        }
        if start == end {
            let at = self
                .point_to_source(start)
                .or_else(|| {
                    // A point inside a replaced piece: take the piece's start.
                    self.piece_index(start)
                        .and_then(|i| self.pieces.get(i))
                        .map(|p| Span {
                            start: p.start,
                            end: p.start,
                        })
                })
                .unwrap_or_default();
            return at;
        }
        let first = self.piece_index(start).unwrap_or(0);
        let last = self
            .piece_index(end - 1)
            .unwrap_or(self.pieces.len().saturating_sub(1));
        let (Some(a), Some(b)) = (self.pieces.get(first), self.pieces.get(last)) else {
            return Span::default();
        };
        Span {
            start: a.source_at(start.max(a.text_start)),
            end: b.source_at(end.min(b.text_end)),
        }
    }

    /// Length of the plain text this map covers.
    fn text_len(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.text_end)
    }

    /// Index of the piece containing plain byte `at` (`text_start <= at < text_end`).
    fn piece_index(&self, at: usize) -> Option<usize> {
        let i = self.pieces.partition_point(|p| p.text_end <= at);
        (i < self.pieces.len()).then_some(i)
    }

    /// The source position of a plain position, for insertions: inside or at either end of a
    /// verbatim piece, or at the boundary of a replaced piece. `None` inside a replaced piece.
    fn point_to_source(&self, at: usize) -> Option<Span> {
        let candidates = self
            .pieces
            .iter()
            .filter(|p| p.text_start <= at && at <= p.text_end);
        let mut boundary = None;
        for piece in candidates {
            match piece.kind {
                PieceKind::Verbatim => {
                    let pos = piece.source_at(at);
                    return Some(Span {
                        start: pos,
                        end: pos,
                    });
                }
                PieceKind::Replaced | PieceKind::Separator => {
                    if at == piece.text_start || at == piece.text_end {
                        let pos = piece.source_at(at);
                        boundary.get_or_insert(Span {
                            start: pos,
                            end: pos,
                        });
                    }
                }
            }
        }
        boundary
    }

    /// Every verbatim piece as (plain range, source span); for checks of the invariants
    /// ([`check_invariants`](crate::source::check_invariants)).
    #[doc(hidden)]
    pub fn verbatim_pieces(&self) -> Vec<(TextRange, Span)> {
        self.pieces
            .iter()
            .filter(|p| p.kind == PieceKind::Verbatim)
            .map(|p| {
                (
                    TextRange {
                        start: p.text_start,
                        end: p.text_end,
                    },
                    Span {
                        start: p.start,
                        end: p.end,
                    },
                )
            })
            .collect()
    }

    /// Whether every piece the plain range touches is verbatim; for checks of the invariants.
    #[doc(hidden)]
    pub fn is_all_verbatim(&self, range: TextRange) -> bool {
        self.pieces
            .iter()
            .filter(|p| p.text_start < range.end && range.start < p.text_end)
            .all(|p| p.kind == PieceKind::Verbatim)
    }

    /// The first source byte this map points at, for ordering blocks.
    pub(crate) fn source_start(&self) -> usize {
        self.pieces.first().map_or(0, |p| p.start)
    }
}

/// Builds one block's plain text and [`OffsetMap`] from pieces of the original text.
///
/// Callers push pieces in source order. The builder keeps the plain text free of doubled
/// separators and of leading and trailing whitespace ([`MapBuilder::finish`]).
#[derive(Debug)]
pub(crate) struct MapBuilder<'a> {
    /// The whole original text: every span pushed indexes into it.
    src: &'a str,
    plain: String,
    pieces: Vec<Piece>,
    /// Source of removed non-prose markup waiting to become a separator space if words
    /// would otherwise touch.
    pending_separator: Option<Span>,
    /// The last piece is a line break that may absorb indentation after it.
    last_is_break: bool,
}

impl<'a> MapBuilder<'a> {
    /// A builder for a block of `src`.
    pub(crate) fn new(src: &'a str) -> MapBuilder<'a> {
        MapBuilder {
            src,
            plain: String::new(),
            pieces: Vec::new(),
            pending_separator: None,
            last_is_break: false,
        }
    }

    /// Whether nothing has been pushed that would show in plain text.
    pub(crate) fn is_empty(&self) -> bool {
        self.plain.trim().is_empty()
    }

    /// Push prose text that is byte-for-byte the source at `start..start + text.len()`,
    /// dropping any URLs inside it (they are not prose).
    pub(crate) fn push_prose(&mut self, start: usize, end: usize) {
        let Some(text) = self.src.get(start..end) else {
            return;
        };
        let mut at = 0;
        for (url_start, url_end) in find_urls(text) {
            self.push_verbatim(start + at, start + url_start);
            self.drop_markup(Span {
                start: start + url_start,
                end: start + url_end,
            });
            at = url_end;
        }
        self.push_verbatim(start + at, end);
    }

    /// Push the source bytes `start..end` verbatim (no URL detection).
    pub(crate) fn push_verbatim(&mut self, start: usize, end: usize) {
        let Some(text) = self.src.get(start..end) else {
            return;
        };
        if text.is_empty() {
            return;
        }
        if let Some(at) = text.find(['\r', '\n']) {
            // Plain text never holds a line break: it becomes one space.
            let after = text[at..].trim_start_matches(['\r', '\n']);
            let break_end = end - after.len();
            self.push_verbatim(start, start + at);
            self.push_break(Span {
                start: start + at,
                end: break_end,
            });
            self.push_verbatim(break_end, end);
            return;
        }
        if let Some(at) = text.find(is_invisible) {
            // Zero-width and soft-hyphen characters are not text ("cu\u{ad}re" is "cure"):
            // each is an empty piece, so the words around it match as one and a fix across it
            // still replaces one contiguous range.
            let width = text[at..].chars().next().map_or(1, char::len_utf8);
            self.push_verbatim(start, start + at);
            self.push_hidden(Span {
                start: start + at,
                end: start + at + width,
            });
            self.push_verbatim(start + at + width, end);
            return;
        }
        self.before_push(text, start);
        let text_start = self.plain.len();
        self.plain.push_str(text);
        if let Some(last) = self.pieces.last_mut() {
            if last.kind == PieceKind::Verbatim && last.end == start && last.text_end == text_start
            {
                last.end = end;
                last.text_end = self.plain.len();
                return;
            }
        }
        self.pieces.push(Piece {
            kind: PieceKind::Verbatim,
            text_start,
            text_end: self.plain.len(),
            start,
            end,
        });
    }

    /// Push `text` standing for the different source bytes in `span` (an entity, an escape).
    pub(crate) fn push_replaced(&mut self, text: &str, span: Span) {
        let visible: String = text.chars().filter(|&c| !is_invisible(c)).collect();
        if visible.is_empty() {
            if !text.is_empty() {
                // `&shy;`, `&#x200B;`: an invisible character spelled as an entity.
                self.push_hidden(span);
            }
            return;
        }
        self.before_push(&visible, span.start);
        self.push_piece(PieceKind::Replaced, &visible, span);
    }

    /// An invisible character at `span`: an empty replaced piece, which `to_source` crosses
    /// (it is contiguous with its neighbours) and `covering` includes when it lies inside a
    /// range. A preceding line break still absorbs the indentation before it.
    fn push_hidden(&mut self, span: Span) {
        if self.last_is_break {
            if let Some(last) = self.pieces.last_mut() {
                if self.src.get(last.end..span.start).is_some_and(is_blank) {
                    last.end = span.start;
                }
            }
        }
        let at = self.plain.len();
        self.pieces.push(Piece {
            kind: PieceKind::Replaced,
            text_start: at,
            text_end: at,
            start: span.start,
            end: span.end,
        });
    }

    /// Push a line break (soft or hard) in `span` as one space. It also takes in whitespace
    /// between it and the previous piece, and indentation right after it, so that a fix across the break is one
    /// contiguous range. Skipped when the plain text already ends with whitespace.
    pub(crate) fn push_break(&mut self, span: Span) {
        if self.plain.is_empty() || self.plain.ends_with(char::is_whitespace) {
            return;
        }
        self.pending_separator = None;
        let mut span = span;
        if let Some(last) = self.pieces.last() {
            let gap = self.src.get(last.end..span.start).unwrap_or("x");
            if is_blank(gap) {
                span.start = last.end;
            }
        }
        self.push_piece(PieceKind::Replaced, " ", span);
        self.last_is_break = true;
    }

    /// Remove non-prose markup at `span` (inline code, raw HTML, a URL): nothing goes into
    /// the plain text now, but if the text on both sides would otherwise touch, one separator
    /// space is inserted before the next prose.
    pub(crate) fn drop_markup(&mut self, span: Span) {
        if self.pending_separator.is_none() {
            self.pending_separator = Some(span);
        }
    }

    /// The plain text and its map, with leading and trailing whitespace removed.
    pub(crate) fn finish(mut self) -> (String, OffsetMap) {
        // Trailing whitespace.
        let trimmed_len = self.plain.trim_end().len();
        while let Some(last) = self.pieces.last_mut() {
            if last.text_start >= trimmed_len {
                self.pieces.pop();
            } else {
                if last.text_end > trimmed_len {
                    let cut = last.text_end - trimmed_len;
                    last.text_end = trimmed_len;
                    // A replaced piece still stands for all of its source.
                    if last.kind == PieceKind::Verbatim {
                        last.end -= cut;
                    }
                }
                break;
            }
        }
        self.plain.truncate(trimmed_len);
        // Leading whitespace.
        let lead = self.plain.len() - self.plain.trim_start().len();
        if lead > 0 {
            self.plain.drain(..lead);
            self.pieces.retain(|p| p.text_end > lead);
            if let Some(first) = self.pieces.first_mut() {
                if first.text_start < lead {
                    let cut = lead - first.text_start;
                    first.text_start = lead;
                    if first.kind == PieceKind::Verbatim {
                        first.start += cut;
                    }
                }
            }
            for piece in &mut self.pieces {
                piece.text_start -= lead;
                piece.text_end -= lead;
            }
        }
        // A file's blocks are all held until they are checked: keep no growth slack.
        self.plain.shrink_to_fit();
        self.pieces.shrink_to_fit();
        (
            self.plain,
            OffsetMap {
                pieces: self.pieces,
            },
        )
    }

    /// Emit a pending separator if needed, and let a preceding line break absorb the
    /// indentation between it and text starting at `start`.
    fn before_push(&mut self, text: &str, start: usize) {
        if self.last_is_break {
            self.last_is_break = false;
            if let Some(last) = self.pieces.last_mut() {
                if let Some(gap) = self.src.get(last.end..start) {
                    if is_blank(gap) {
                        last.end = start;
                    }
                }
            }
        }
        if let Some(sep) = self.pending_separator.take() {
            // Words, or a sentence end and the next word, would run together.
            let prev_opens = self
                .plain
                .ends_with(|c: char| c.is_whitespace() || "([{“‘".contains(c));
            let next_closes =
                text.starts_with(|c: char| c.is_whitespace() || ".,;:!?)]}”’".contains(c));
            let touches = !self.plain.is_empty() && !prev_opens && !next_closes;
            if touches {
                self.push_piece(PieceKind::Separator, " ", sep);
            }
        }
    }

    fn push_piece(&mut self, kind: PieceKind, text: &str, span: Span) {
        let text_start = self.plain.len();
        self.plain.push_str(text);
        self.last_is_break = false;
        self.pieces.push(Piece {
            kind,
            text_start,
            text_end: self.plain.len(),
            start: span.start,
            end: span.end,
        });
    }
}

/// Characters that render as nothing inside a word and are removed from plain text: zero-width
/// space, non-joiner and joiner, word joiner, zero-width no-break space (a BOM inside the text),
/// soft hyphen and the Mongolian vowel separator.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{180e}'
    )
}

/// Whitespace only: the bytes around a line break that it may absorb. A block quote's `>`
/// or a list's indentation marker is not whitespace, so it stays a gap (removed markup).
fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// Byte ranges of bare URLs in `text` (`http://`, `https://`, `www.`), without trailing
/// sentence punctuation or an unbalanced closing parenthesis (GFM autolink rules).
pub(crate) fn find_urls(text: &str) -> Vec<(usize, usize)> {
    let mut urls = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        let at_word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let is_url = at_word_start
            && (starts_with_ignore_case(rest, "https://")
                || starts_with_ignore_case(rest, "http://")
                || starts_with_ignore_case(rest, "www."));
        if !is_url {
            // Advance by one char, staying on char boundaries.
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let len = rest
            .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
            .unwrap_or(rest.len());
        let mut end = i + len;
        // Trailing punctuation belongs to the sentence, not the URL.
        loop {
            let url = &text[i..end];
            let Some(last) = url.chars().last() else {
                break;
            };
            let strip = match last {
                '.' | ',' | ':' | ';' | '!' | '?' | '\'' | '*' | '_' | '~' => true,
                ')' => url.matches(')').count() > url.matches('(').count(),
                _ => false,
            };
            if !strip {
                break;
            }
            end -= last.len_utf8();
        }
        let scheme_only = ["https://", "http://", "www."]
            .iter()
            .any(|s| text[i..end].eq_ignore_ascii_case(s));
        if end > i && !scheme_only {
            urls.push((i, end));
        }
        i = crate::text::ceil_char_boundary(text, end.max(i + 1));
    }
    urls
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::{find_urls, MapBuilder, OffsetMap, Span, TextRange};

    fn range(start: usize, end: usize) -> TextRange {
        TextRange { start, end }
    }

    fn span(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Every char-boundary range maps inside `src`; `to_source` slices equal plain when the
    /// range is verbatim only, and equals `covering` whenever it is `Some`.
    fn assert_map_invariants(src: &str, plain: &str, map: &OffsetMap) {
        for (text, source) in map.verbatim_pieces() {
            assert_eq!(&src[source.start..source.end], &plain[text.start..text.end]);
        }
        let bounds: Vec<usize> = (0..=plain.len())
            .filter(|&i| plain.is_char_boundary(i))
            .collect();
        for (ai, &a) in bounds.iter().enumerate() {
            for &b in &bounds[ai..] {
                let r = range(a, b);
                let cover = map.covering(r);
                assert!(cover.start <= cover.end && cover.end <= src.len());
                assert!(src.is_char_boundary(cover.start) && src.is_char_boundary(cover.end));
                if let Some(s) = map.to_source(r) {
                    assert_eq!(s, cover, "to_source differs from covering for {r:?}");
                    if map.is_all_verbatim(r) {
                        assert_eq!(&src[s.start..s.end], &plain[a..b]);
                    }
                }
            }
        }
    }

    /// Builds "stem cells **cure** arthritis &amp; more" as a Markdown parser would.
    fn emphasis_and_entity() -> (&'static str, String, OffsetMap) {
        let src = "stem cells **cure** arthritis &amp; more";
        let mut b = MapBuilder::new(src);
        b.push_prose(0, 11);
        b.push_prose(13, 17);
        b.push_prose(19, 30);
        b.push_replaced("&", span(30, 35));
        b.push_prose(35, 40);
        let (plain, map) = b.finish();
        (src, plain, map)
    }

    #[test]
    fn removed_emphasis_blocks_to_source_but_not_covering() {
        let (src, plain, map) = emphasis_and_entity();
        assert_eq!(plain, "stem cells cure arthritis & more");
        let cure_arthritis = range(11, 25);
        assert_eq!(&plain[11..25], "cure arthritis");
        assert_eq!(map.to_source(cure_arthritis), None);
        let cover = map.covering(cure_arthritis);
        assert_eq!(&src[cover.start..cover.end], "cure** arthritis");
        assert_eq!(map.to_source(range(0, 4)), Some(span(0, 4)));
        assert_map_invariants(src, &plain, &map);
    }

    #[test]
    fn entity_maps_whole_or_not_at_all() {
        let (src, plain, map) = emphasis_and_entity();
        let amp = plain.find('&').unwrap();
        let s = map.to_source(range(amp - 10, amp + 2)).unwrap();
        assert_eq!(&src[s.start..s.end], "arthritis &amp; ");
        assert_eq!(map.covering(range(amp, amp + 1)), span(30, 35));
        assert_map_invariants(src, &plain, &map);
    }

    #[test]
    fn separator_keeps_words_apart_and_blocks_fixes() {
        let src = "stem<br>cells";
        let mut b = MapBuilder::new(src);
        b.push_prose(0, 4);
        b.drop_markup(span(4, 8));
        b.push_prose(8, 13);
        let (plain, map) = b.finish();
        assert_eq!(plain, "stem cells");
        assert_eq!(map.to_source(range(0, 10)), None);
        assert_eq!(map.covering(range(0, 10)), span(0, 13));
        assert_eq!(map.to_source(range(5, 10)), Some(span(8, 13)));
        assert_map_invariants(src, &plain, &map);
    }

    #[test]
    fn separator_not_added_next_to_whitespace() {
        let src = "take `x` daily";
        let mut b = MapBuilder::new(src);
        b.push_prose(0, 5);
        b.drop_markup(span(5, 8));
        b.push_prose(8, 14);
        let (plain, map) = b.finish();
        assert_eq!(plain, "take  daily");
        assert_map_invariants(src, &plain, &map);
    }

    #[test]
    fn break_absorbs_indentation_so_fix_spans_lines() {
        let src = "cures\r\n   arthritis";
        let mut b = MapBuilder::new(src);
        b.push_prose(0, 5);
        b.push_break(span(5, 7));
        b.push_prose(10, 19);
        let (plain, map) = b.finish();
        assert_eq!(plain, "cures arthritis");
        assert_eq!(map.to_source(range(0, 15)), Some(span(0, 19)));
        assert_eq!(map.to_source(range(3, 8)), Some(span(3, 12)));
        assert_eq!(map.to_source(range(3, 6)), Some(span(3, 10)));
        assert_eq!(map.covering(range(5, 5)), span(5, 5));
        assert_map_invariants(src, &plain, &map);
    }

    #[test]
    fn line_breaks_inside_verbatim_text_become_one_space() {
        let src = "cures\r\narthritis\rfast";
        let mut b = MapBuilder::new(src);
        b.push_prose(0, src.len());
        let (plain, map) = b.finish();
        assert_eq!(plain, "cures arthritis fast");
        assert_eq!(map.to_source(range(0, 15)), Some(span(0, 16)));
        assert_map_invariants(src, &plain, &map);
    }

    #[test]
    fn invisible_characters_leave_plain_text_but_not_the_map() {
        let src = "cu\u{ad}re arth\u{200b}ritis\u{2060} now";
        let mut b = MapBuilder::new(src);
        b.push_prose(0, src.len());
        let (plain, map) = b.finish();
        assert_eq!(plain, "cure arthritis now");
        let whole = map.to_source(range(0, 14)).unwrap();
        assert_eq!(&src[whole.start..whole.end], "cu\u{ad}re arth\u{200b}ritis");
        assert_eq!(map.covering(range(0, 4)), span(0, 6));
        assert_eq!(map.to_source(range(5, 14)), Some(span(7, 19)));
        assert_map_invariants(src, &plain, &map);
        let entity = "cu&shy;re";
        let mut b = MapBuilder::new(entity);
        b.push_prose(0, 2);
        b.push_replaced("\u{ad}", span(2, 7));
        b.push_prose(7, 9);
        let (plain, map) = b.finish();
        assert_eq!(plain, "cure");
        assert_eq!(map.to_source(range(0, 4)), Some(span(0, 9)));
    }

    #[test]
    fn finish_trims_leading_and_trailing_whitespace() {
        let src = "  hello world  ";
        let mut b = MapBuilder::new(src);
        b.push_prose(0, 15);
        let (plain, map) = b.finish();
        assert_eq!(plain, "hello world");
        assert_eq!(map.to_source(range(0, 5)), Some(span(2, 7)));
        assert_map_invariants(src, &plain, &map);
    }

    #[test]
    fn out_of_block_range_is_none_and_covering_clamps() {
        let (src, plain, map) = emphasis_and_entity();
        let len = plain.len();
        assert_eq!(map.to_source(range(0, len + 1)), None);
        assert_eq!(map.covering(range(0, len + 5)), span(0, src.len()));
        assert_eq!(OffsetMap::default().covering(range(0, 3)), span(0, 0));
    }

    #[test]
    fn empty_range_maps_to_insertion_point() {
        let (_, _, map) = emphasis_and_entity();
        assert_eq!(map.to_source(range(11, 11)), Some(span(11, 11)));
        assert_eq!(map.to_source(range(2, 2)), Some(span(2, 2)));
    }

    #[test]
    fn urls_are_dropped_from_prose_but_trailing_period_kept() {
        let src = "See https://example.com/a_(b). Or www.clinic.com, today (http://x.org) x<y>z";
        let mut b = MapBuilder::new(src);
        b.push_prose(0, src.len());
        let (plain, map) = b.finish();
        assert_eq!(plain, "See . Or , today () x<y>z");
        assert_map_invariants(src, &plain, &map);
    }

    #[test]
    fn url_finder_ignores_words_containing_http() {
        assert!(find_urls("xhttps://a.b and https://").is_empty());
        assert_eq!(find_urls("go to https://a.b/c!"), vec![(6, 19)]);
    }
}
