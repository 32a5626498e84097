//! TEMPORARY STUB (replaced by the real source module).
#![allow(missing_docs)]
mod map;
pub use map::{OffsetMap, Span, TextRange};
use std::path::Path;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}
impl Format {
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("md" | "markdown" | "mdx") => Format::Markdown,
            _ => Format::Text,
        }
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    TableCell,
    ImageAlt,
    BlockQuote,
    FrontMatter,
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseBlock {
    pub kind: BlockKind,
    pub plain: String,
    pub map: OffsetMap,
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub text: String,
    pub format: Format,
    pub blocks: Vec<ProseBlock>,
}
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SourceError {
    #[error("binary file (NUL byte at offset {offset})")]
    Binary { offset: usize },
    #[error("not valid UTF-8 (invalid byte at offset {offset}, line {line})")]
    NotUtf8 { offset: usize, line: usize },
}
impl Document {
    pub fn from_bytes(bytes: Vec<u8>, format: Format) -> Result<Document, SourceError> {
        if let Some(offset) = bytes.iter().take(8192).position(|&b| b == 0) {
            return Err(SourceError::Binary { offset });
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Document::parse(text, format)),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let line = e.as_bytes()[..offset]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                Err(SourceError::NotUtf8 { offset, line })
            }
        }
    }
    pub fn parse(text: String, format: Format) -> Document {
        let mut blocks = Vec::new();
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            if !trimmed.trim().is_empty() {
                let start = pos + lead;
                blocks.push(ProseBlock {
                    kind: BlockKind::Paragraph,
                    plain: trimmed.trim_start().to_owned(),
                    map: OffsetMap::verbatim(start, trimmed.len() - lead),
                });
            }
            pos += line.len();
        }
        Document {
            text,
            format,
            blocks,
        }
    }
}
