//! Spell replacement text for the source it goes back into.
//!
//! A block's plain text is decoded (entities, escapes and quoting removed), and a fix is built
//! from it: the rule's template plus slots copied from the sentence (`{pre}`, `{rest}`, a
//! captured condition). Written back as is, `&lt;img …&gt;` would become a live `<img …>` in a
//! Markdown file, and `\"` in a YAML string would end it. Each block knows how its source
//! spells text ([`Encoding`], chosen by the parser that built the block); the engine encodes
//! every fix with it, and a fix that cannot be spelled there is not offered as an edit. A new
//! source format adds a variant and its arm in [`Encoding::encode`].

/// How text is written in the source of one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// Plain text: written as is.
    #[default]
    Verbatim,
    /// Markdown inline text: `&`, `<` and `>` as entities (so nothing becomes HTML or an
    /// entity), and the characters of inline markup (`\`, `` ` ``, `*`, `_`, `[`, `]`, `~`, `|`)
    /// backslash-escaped (so nothing becomes emphasis, code, a link or a table cell).
    Markdown,
}

impl Encoding {
    /// `text` as it must be written in this source; `None` when it cannot be written there
    /// in place (the fix is then reported but not applied).
    ///
    /// ```
    /// use overclaim::source::Encoding;
    /// assert_eq!(Encoding::Markdown.encode("<b> & *x*").as_deref(), Some("&lt;b&gt; &amp; \\*x\\*"));
    /// assert_eq!(Encoding::Verbatim.encode("<b> & *x*").as_deref(), Some("<b> & *x*"));
    /// ```
    pub fn encode(self, text: &str) -> Option<String> {
        match self {
            Encoding::Verbatim => Some(text.to_owned()),
            Encoding::Markdown => Some(markdown(text)),
        }
    }
}

fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Encoding;
    use crate::source::{Document, Format};

    #[test]
    fn markdown_encoding_round_trips_through_the_parser() {
        let text = "a <img src=x> & b *c* _d_ `e` [f](g) ~~h~~ | i \\ j &amp; k";
        let encoded = Encoding::Markdown.encode(text).unwrap();
        let doc = Document::parse(encoded, Format::Markdown);
        assert_eq!(doc.blocks.len(), 1, "{doc:?}");
        assert_eq!(doc.blocks[0].plain, text);
    }

    #[test]
    fn verbatim_is_unchanged() {
        assert_eq!(Encoding::Verbatim.encode("a & <b>").unwrap(), "a & <b>");
    }
}
