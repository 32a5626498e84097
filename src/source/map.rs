#![allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    start: usize,
    len: usize,
}
impl OffsetMap {
    pub fn verbatim(start: usize, len: usize) -> OffsetMap {
        OffsetMap { start, len }
    }
    pub fn to_source(&self, r: TextRange) -> Option<Span> {
        Some(Span {
            start: self.start + r.start,
            end: self.start + r.end,
        })
    }
    pub fn covering(&self, r: TextRange) -> Span {
        Span {
            start: self.start + r.start,
            end: self.start + r.end,
        }
    }
}
