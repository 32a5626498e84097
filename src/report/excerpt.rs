//! A codespan [`Files`] that shows a window of a file (a finding's sentence) while reporting
//! the file's real line and column numbers.
//!
//! Web copy often keeps a whole paragraph on one line; codespan prints the whole source line
//! under a label, which pushes the underline off the screen. Each [`Excerpt`] gives codespan a
//! source that is only the window, and answers line and column questions from the whole file,
//! so the header (`┌─ page.md:14:23`) and the gutter stay true.
//!
//! The window codespan prints is a display copy in which control characters are escaped
//! (`\u{1b}`, see [`super::escape_controls`]); offsets are mapped between the copy and the
//! file, so lines, columns and underlines still refer to the file's own characters.

use crate::text::{ceil_char_boundary, floor_char_boundary};
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::files::{Error, Files};

/// Windows longer than this are cut down around the match.
const MAX_WINDOW: usize = 240;
/// How much context to keep on each side of the match when cutting.
const CONTEXT: usize = 100;

/// One file's text and line starts, shared by its excerpts.
#[derive(Debug)]
pub(super) struct Text {
    name: String,
    text: Arc<String>,
    line_starts: Vec<usize>,
}

impl Text {
    pub(super) fn new(name: &str, text: &Arc<String>) -> Arc<Text> {
        let line_starts = crate::error::line_starts(text).collect();
        Arc::new(Text {
            name: super::escape_controls(name).into_owned(),
            text: Arc::clone(text),
            line_starts,
        })
    }

    fn line_index(&self, offset: usize) -> usize {
        self.line_starts
            .binary_search(&offset)
            .unwrap_or_else(|next| next - 1)
    }

    fn line_range(&self, line_index: usize) -> Result<Range<usize>, Error> {
        let start = *self
            .line_starts
            .get(line_index)
            .ok_or(Error::LineTooLarge {
                given: line_index,
                max: self.line_starts.len().saturating_sub(1),
            })?;
        let end = self
            .line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(self.text.len());
        Ok(start..end)
    }
}

/// A window of a file.
#[derive(Debug)]
pub(super) struct Excerpt {
    text: Arc<Text>,
    window: Range<usize>,
    /// The window as shown: control characters escaped.
    display: String,
    /// Each escaped character: (offset in the file, its length there, its escape's length).
    escapes: Vec<(usize, usize, usize)>,
}

impl Excerpt {
    /// A file offset in the window → the same place in [`Excerpt::display`].
    fn to_display(&self, offset: usize) -> usize {
        let offset = offset.clamp(self.window.start, self.window.end);
        let mut at = offset - self.window.start;
        for &(start, len, shown) in &self.escapes {
            if start >= offset {
                break;
            }
            at = at + shown - len;
        }
        at
    }

    /// An offset in [`Excerpt::display`] → the file offset; inside an escape, the escaped
    /// character's own offset.
    fn to_file(&self, display: usize) -> usize {
        let mut shift = 0;
        for &(start, len, shown) in &self.escapes {
            let shown_at = start - self.window.start + shift;
            if display >= shown_at + shown {
                shift = shift + shown - len;
            } else if display > shown_at {
                return start;
            } else {
                break;
            }
        }
        (self.window.start + display).saturating_sub(shift)
    }
}

impl Excerpt {
    /// The window around `span`: `context` (the sentence), cut to about [`CONTEXT`] bytes on
    /// each side of `span` when it is long. Returns the excerpt and `span` relative to it.
    pub(super) fn new(
        text: &Arc<Text>,
        context: Range<usize>,
        span: Range<usize>,
    ) -> (Excerpt, Range<usize>) {
        let full = &text.text;
        // Spans come from the engine on character boundaries; clamp anyway, because a bad
        // span must cost an odd excerpt, never a panic in the renderer.
        let span = floor_char_boundary(full, span.start)..ceil_char_boundary(full, span.end);
        let span = span.start.min(span.end)..span.end;
        let mut start = floor_char_boundary(full, context.start.min(span.start));
        let mut end = ceil_char_boundary(full, context.end.max(span.end));
        if end - start > MAX_WINDOW {
            start = floor_char_boundary(full, start.max(span.start.saturating_sub(CONTEXT)));
            end = ceil_char_boundary(full, end.min(span.end + CONTEXT));
            // Cut at whitespace so no word is shown in part. Whitespace may be more than one
            // byte (U+00A0, U+2028, U+3000): step over the whole character.
            let mid_word = |at: usize| {
                full[..at].ends_with(|c: char| !c.is_whitespace())
                    && full[at..].starts_with(|c: char| !c.is_whitespace())
            };
            if mid_word(start) {
                if let Some((space, c)) = full[start..span.start]
                    .char_indices()
                    .find(|(_, c)| c.is_whitespace())
                {
                    start += space + c.len_utf8();
                }
            }
            if mid_word(end) {
                if let Some(space) = full[span.end..end].rfind(char::is_whitespace) {
                    end = span.end + space;
                }
            }
        }
        let mut display = String::with_capacity(end - start);
        let mut escapes = Vec::new();
        for (i, c) in full[start..end].char_indices() {
            let at = start + i;
            if super::is_hidden_control(c, full[at + c.len_utf8()..].chars().next()) {
                let escape = super::control_escape(c);
                escapes.push((at, c.len_utf8(), escape.len()));
                display.push_str(&escape);
            } else {
                display.push(c);
            }
        }
        let excerpt = Excerpt {
            text: Arc::clone(text),
            window: start..end,
            display,
            escapes,
        };
        let relative = excerpt.to_display(span.start)..excerpt.to_display(span.end);
        (excerpt, relative)
    }
}

/// The excerpts of one render, addressed by index.
#[derive(Debug, Default)]
pub(super) struct Excerpts(Vec<Excerpt>);

impl Excerpts {
    pub(super) fn add(&mut self, excerpt: Excerpt) -> usize {
        self.0.push(excerpt);
        self.0.len() - 1
    }

    fn get(&self, id: usize) -> Result<&Excerpt, Error> {
        self.0.get(id).ok_or(Error::FileMissing)
    }
}

impl<'a> Files<'a> for Excerpts {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.get(id)?.text.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.get(id)?.display)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        let excerpt = self.get(id)?;
        Ok(excerpt.text.line_index(excerpt.to_file(byte_index)))
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let excerpt = self.get(id)?;
        let line = excerpt.text.line_range(line_index)?;
        Ok(excerpt.to_display(line.start)..excerpt.to_display(line.end))
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let excerpt = self.get(id)?;
        let line = excerpt.text.line_range(line_index)?;
        let offset = excerpt.to_file(byte_index).clamp(line.start, line.end);
        let prefix = excerpt
            .text
            .text
            .get(line.start..offset)
            .ok_or(Error::InvalidCharBoundary { given: byte_index })?;
        Ok(prefix.chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_reports_real_lines_and_columns() {
        let text = Arc::new(String::from(
            "Title\n\nFirst sentence here. Our injections cure arthritis. Last one.\n",
        ));
        let shared = Text::new("page.md", &text);
        let sentence = text.find("Our").unwrap()..text.find(" Last").unwrap();
        let claim = text.find("cure").unwrap()..text.find(". Last").unwrap();
        let (excerpt, span) = Excerpt::new(&shared, sentence, claim);
        let mut files = Excerpts::default();
        let id = files.add(excerpt);
        assert_eq!(files.source(id).unwrap(), "Our injections cure arthritis.");
        assert_eq!(&files.source(id).unwrap()[span.clone()], "cure arthritis");
        let location = files.location(id, span.start).unwrap();
        assert_eq!((location.line_number, location.column_number), (3, 37));
    }

    #[test]
    fn long_window_is_cut_at_whitespace_around_the_match() {
        let before = "word ".repeat(60);
        let after = " more".repeat(60);
        let text = Arc::new(format!("{before}cures arthritis{after}"));
        let shared = Text::new("page.txt", &text);
        let claim = before.len()..before.len() + "cures arthritis".len();
        let (excerpt, span) = Excerpt::new(&shared, 0..text.len(), claim);
        let mut files = Excerpts::default();
        let id = files.add(excerpt);
        let source = files.source(id).unwrap();
        assert!(source.len() <= 2 * CONTEXT + span.len(), "{}", source.len());
        assert!(
            source.starts_with("word") && source.ends_with("more"),
            "{source:?}"
        );
        assert_eq!(&source[span], "cures arthritis");
        assert_eq!(
            files.location(id, 0).unwrap().column_number,
            before.len() - CONTEXT + 1
        );
    }

    // See: issue 9 (a no-break space before the match panicked when the window was cut).
    #[test]
    fn issue_9_multibyte_text_at_the_window_edges_is_never_split() {
        let claim = "cure arthritis";
        for c in ["é", "🦵", "膝", "\u{a0}", "\u{2028}", "\u{3000}", "\u{85}"] {
            let units = [
                c.to_owned(),
                format!("{c} "),
                format!(" {c}"),
                format!("{c}{c}a"),
                format!("word{c}"),
                format!("{c}word "),
            ];
            for unit in &units {
                for pad in 0..5 {
                    let filler = format!("{}{}", "a".repeat(pad), unit.repeat(150 / unit.len()));
                    for (before, after) in [
                        (filler.clone(), filler.clone()),
                        (filler.clone(), String::new()),
                        (String::new(), filler.clone()),
                        (
                            format!("{}{c}", "a".repeat(130 + pad)),
                            format!("{c}{}", "a".repeat(130 + pad)),
                        ),
                    ] {
                        let text = Arc::new(format!("{before}{claim}{after}"));
                        let shared = Text::new("page.txt", &text);
                        let span = before.len()..before.len() + claim.len();
                        let (excerpt, relative) = Excerpt::new(&shared, 0..text.len(), span);
                        let mut files = Excerpts::default();
                        let id = files.add(excerpt);
                        let source = files.source(id).unwrap();
                        assert_eq!(source.get(relative.clone()), Some(claim), "{text:?}");
                        files.location(id, relative.start).unwrap();
                        files.location(id, relative.end).unwrap();
                    }
                }
            }
        }
    }

    #[test]
    fn span_inside_a_character_is_widened_not_a_panic() {
        let text = Arc::new(String::from("é cure"));
        let shared = Text::new("page.txt", &text);
        let (excerpt, relative) = Excerpt::new(&shared, 0..text.len(), 1..4);
        let mut files = Excerpts::default();
        let id = files.add(excerpt);
        assert_eq!(&files.source(id).unwrap()[relative], "é c");
    }

    #[test]
    fn escaped_controls_keep_lines_columns_and_the_span() {
        let text = Arc::new(String::from(
            "x\n\u{1b}[1mA\u{1b}[0m cures arthritis.\u{b}\n",
        ));
        let shared = Text::new("page.txt", &text);
        let claim = text.find("cures").unwrap()..text.find('.').unwrap();
        let (excerpt, span) = Excerpt::new(&shared, 2..text.len() - 1, claim.clone());
        let mut files = Excerpts::default();
        let id = files.add(excerpt);
        let source = files.source(id).unwrap();
        assert_eq!(source, "\\u{1b}[1mA\\u{1b}[0m cures arthritis.\\u{b}");
        assert_eq!(&source[span.clone()], "cures arthritis");
        let location = files.location(id, span.start).unwrap();
        // Columns count the file's characters: ESC is one.
        let column = text[2..claim.start].chars().count() + 1;
        assert_eq!((location.line_number, location.column_number), (2, column));
        assert_eq!(files.line_range(id, 1).unwrap(), 0..source.len());
    }
}
