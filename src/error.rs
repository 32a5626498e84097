//! Errors that stop part of a run, and how they render.
//!
//! Each seam has its own enum ([`RuleError`], [`ConfigError`], [`SourceError`]); [`Error`] wraps
//! them. Every error that comes from a file knows the file, the byte span and its text, so it
//! renders like a finding: a snippet with a caret ([`Error::to_diagnostic`]).

use std::fmt;
use std::io;
use std::ops::Range;
use std::sync::Arc;
use std::sync::Mutex;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;

use crate::baseline::BaselineError;
use crate::config::ConfigError;
use crate::rules::RuleError;
use crate::selftest::ExampleFailure;
use crate::source::SourceError;

/// A place in a text file (a rule pack or a config file), for error messages.
#[derive(Debug, Clone)]
pub struct Location {
    /// The file as given.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte span in `text`.
    pub span: Range<usize>,
    /// The file's text, to render a snippet.
    pub text: Arc<str>,
}

impl Location {
    /// The location of `span` in `text`.
    pub fn new(path: &str, text: &Arc<str>, span: Range<usize>) -> Location {
        let (line, column) = location(text, span.start);
        Location {
            path: path.to_owned(),
            line,
            column,
            span,
            text: Arc::clone(text),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}

/// 1-based line and column (in characters) of a byte offset. For more than one offset in a
/// text, build [`Lines`] once instead.
pub fn location(text: &str, offset: usize) -> (usize, usize) {
    Lines::new(text).location(text, offset)
}

/// Where each line of `text` starts: at 0 and after every line end, which is `\n`, `\r\n` or a
/// lone `\r` (classic Mac exports). Like codespan's `files::line_starts` for `\n` and `\r\n`.
pub fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    std::iter::once(0).chain(bytes.iter().enumerate().filter_map(|(i, &b)| {
        let ends = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        ends.then_some(i + 1)
    }))
}

/// The line starts of one text, so many offsets can be located without rescanning it. Lines
/// and columns agree with codespan's (`files::line_starts`, columns counted in characters), so
/// every output format matches the human one.
#[derive(Debug)]
pub struct Lines {
    starts: Vec<usize>,
    /// The last offset located and its column: a report asks for offsets in order, and on a
    /// long line (a minified page, a run-on export) counting each column from the line's
    /// start again would cost the line's length per finding. (A lock, so that one index can
    /// serve several threads; a thread that finds it taken counts from the line's start.)
    last: Mutex<(usize, usize)>,
}

impl Clone for Lines {
    fn clone(&self) -> Lines {
        Lines {
            starts: self.starts.clone(),
            last: Mutex::new((0, 1)),
        }
    }
}

impl Lines {
    /// Index `text`.
    pub fn new(text: &str) -> Lines {
        Lines {
            starts: line_starts(text).collect(),
            last: Mutex::new((0, 1)),
        }
    }

    /// 1-based line and column of `offset` in `text` (the text this index was built from).
    /// An offset inside a character counts from that character's start.
    pub fn location(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .starts
            .binary_search(&offset)
            .unwrap_or_else(|next| next.saturating_sub(1));
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
        let mut cache = self.last.try_lock().ok();
        let column = match cache.as_deref() {
            Some(&(last, last_column)) if (start..=offset).contains(&last) => {
                last_column + text[last..offset].chars().count()
            }
            _ => text[start..offset].chars().count() + 1,
        };
        if let Some(cache) = cache.as_deref_mut() {
            *cache = (offset, column);
        }
        (line + 1, column)
    }
}

/// Anything that makes the run exit with code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A rule pack is broken.
    #[error(transparent)]
    Rule(#[from] RuleError),
    /// The configuration is broken.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// An input file could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The path as given or found.
        path: String,
        /// What the OS said.
        source: io::Error,
    },
    /// An input file could not be decoded.
    #[error("{path}: {source}")]
    Decode {
        /// The path as given or found.
        path: String,
        /// Why it is not text.
        source: SourceError,
    },
    /// A baseline file could not be read, parsed or written.
    #[error(transparent)]
    Baseline(#[from] BaselineError),
    /// A file could not be written.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The path.
        path: String,
        /// What the OS said.
        source: io::Error,
    },
    /// `--fix` refused to change a file, or could not finish (fixes that do not converge, a
    /// read-only file, a file with several hard links).
    #[error("{path}: {message}")]
    Fix {
        /// The path.
        path: String,
        /// What went wrong and what was done instead.
        message: String,
    },
    /// A rule pack's example does not behave as written.
    #[error("{0}")]
    Example(ExampleFailure),
    /// Something on the command line cannot be done.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// The file this error is about, if any.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::Rule(RuleError::Io { path, .. })
            | Error::Config(ConfigError::Io { path, .. })
            | Error::Read { path, .. }
            | Error::Decode { path, .. }
            | Error::Write { path, .. }
            | Error::Fix { path, .. } => Some(path),
            Error::Example(failure) => Some(&failure.origin.path),
            Error::Baseline(error) => Some(error.path()),
            Error::Rule(RuleError::Invalid { at, .. })
            | Error::Config(ConfigError::Invalid { at, .. }) => Some(&at.path),
            Error::Usage(_) => None,
        }
    }

    /// The message without the path prefix.
    pub fn message(&self) -> String {
        match self {
            Error::Rule(RuleError::Invalid { message, at })
            | Error::Config(ConfigError::Invalid { message, at }) => {
                format!("{message} (line {}, column {})", at.line, at.column)
            }
            Error::Rule(RuleError::Io { source, .. }) => format!("cannot read rule pack: {source}"),
            Error::Config(ConfigError::Io { source, .. }) => {
                format!("cannot read config: {source}")
            }
            Error::Read { source, .. } => source.to_string(),
            Error::Decode { source, .. } => source.to_string(),
            Error::Write { source, .. } => format!("cannot write: {source}"),
            Error::Fix { message, .. } => message.clone(),
            Error::Baseline(BaselineError::Io { source, .. }) => format!("baseline: {source}"),
            Error::Baseline(BaselineError::Invalid { message, .. }) => {
                format!("not an overclaim baseline: {message}")
            }
            Error::Baseline(
                error @ (BaselineError::Unsupported { .. } | BaselineError::NotAFile { .. }),
            ) => {
                let shown = error.to_string();
                let prefix = format!("{}: ", error.path());
                shown.strip_prefix(&prefix).unwrap_or(&shown).to_owned()
            }
            Error::Example(failure) => format!(
                "line {}: rule `{}`: {}: {:?}",
                failure.origin.line, failure.rule, failure.problem, failure.text
            ),
            Error::Usage(message) => message.clone(),
        }
    }

    /// Render as a codespan diagnostic; a located error adds its file to `files` and points at
    /// the span.
    pub fn to_diagnostic(&self, files: &mut SimpleFiles<String, Arc<str>>) -> Diagnostic<usize> {
        match self {
            Error::Rule(RuleError::Invalid { message, at })
            | Error::Config(ConfigError::Invalid { message, at }) => {
                let file = files.add(at.path.clone(), Arc::clone(&at.text));
                let span = if at.span.is_empty() {
                    at.span.start..at.span.start
                } else {
                    at.span.clone()
                };
                Diagnostic::error()
                    .with_message(message)
                    .with_label(Label::primary(file, span))
            }
            other => Diagnostic::error().with_message(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_is_one_based_in_characters() {
        let text = "ab\n“cd” x";
        assert_eq!(location(text, 0), (1, 1));
        assert_eq!(location(text, 3), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(location(text, x), (2, 6));
    }

    #[test]
    fn location_agrees_with_codespan() {
        use codespan_reporting::files::{Files, SimpleFile};
        let text = "one\r\ntwo “three”\n\nfour";
        let file = SimpleFile::new("", text);
        let lines = Lines::new(text);
        for (offset, _) in text.char_indices() {
            let theirs = file.location((), offset).unwrap();
            assert_eq!(
                lines.location(text, offset),
                (theirs.line_number, theirs.column_number)
            );
        }
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "one\rtwo\r\nthree\nfour";
        assert_eq!(line_starts(text).collect::<Vec<_>>(), [0, 4, 9, 15]);
        assert_eq!(location(text, text.find("four").unwrap()), (4, 1));
        assert_eq!(location(text, text.find("two").unwrap() + 1), (2, 2));
    }

    #[test]
    fn offsets_asked_out_of_order_locate_as_in_order() {
        let text = "a “b” c\nd “e” f “g”";
        let lines = Lines::new(text);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let forward: Vec<_> = offsets.iter().map(|&o| lines.location(text, o)).collect();
        let backward: Vec<_> = offsets
            .iter()
            .rev()
            .map(|&o| lines.location(text, o))
            .collect();
        let fresh: Vec<_> = offsets.iter().map(|&o| location(text, o)).collect();
        assert_eq!(forward, fresh);
        assert_eq!(backward.into_iter().rev().collect::<Vec<_>>(), fresh);
    }

    #[test]
    fn location_inside_a_character_rounds_down() {
        let text = "“cd”";
        assert_eq!(location(text, 1), (1, 1));
        assert_eq!(location(text, 99), (1, 5));
    }
}
