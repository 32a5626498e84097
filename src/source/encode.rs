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
    /// A YAML double-quoted scalar: `\` and `"` backslash-escaped.
    YamlDoubleQuoted,
    /// A YAML single-quoted scalar: `'` doubled.
    YamlSingleQuoted,
    /// A YAML plain (unquoted) scalar: text that would need quotes there (`: `, ` #`, a
    /// leading indicator such as `-`, `[`, `'`, a trailing `:`) is refused rather than
    /// re-quoting a scalar the fix only partly covers.
    YamlPlain,
    /// HTML text content: `&`, `<` and `>` as entities.
    HtmlText,
    /// An HTML attribute value: also `"` and `'`, whichever quote surrounds it.
    HtmlAttribute,
    /// A JSON string inside `<script type="application/ld+json">`: JSON escapes, and `<` as
    /// `\u003c` so the text can never close the script element.
    JsonString,
}

impl Encoding {
    /// `text` as it must be written in this source; `None` when it cannot be written there
    /// in place (the fix is then reported but not applied).
    ///
    /// ```
    /// use overclaim::source::Encoding;
    /// assert_eq!(Encoding::Markdown.encode("<b> & *x*").as_deref(), Some("&lt;b&gt; &amp; \\*x\\*"));
    /// assert_eq!(Encoding::Verbatim.encode("<b> & *x*").as_deref(), Some("<b> & *x*"));
    /// assert_eq!(Encoding::HtmlAttribute.encode("A & \"B\"").as_deref(), Some("A &amp; &quot;B&quot;"));
    /// assert_eq!(Encoding::JsonString.encode("say \"<b>\"").as_deref(), Some("say \\\"\\u003cb>\\\""));
    /// ```
    pub fn encode(self, text: &str) -> Option<String> {
        match self {
            Encoding::Verbatim => Some(text.to_owned()),
            Encoding::Markdown => Some(markdown(text)),
            Encoding::YamlDoubleQuoted => Some(text.replace('\\', "\\\\").replace('"', "\\\"")),
            Encoding::YamlSingleQuoted => Some(text.replace('\'', "''")),
            Encoding::YamlPlain => yaml_plain_safe(text).then(|| text.to_owned()),
            Encoding::HtmlText | Encoding::HtmlAttribute | Encoding::JsonString => {
                Some(self.escape_html_or_json(text))
            }
        }
    }

    fn escape_html_or_json(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 8);
        for c in text.chars() {
            match (self, c) {
                (Encoding::HtmlText | Encoding::HtmlAttribute, '&') => out.push_str("&amp;"),
                (Encoding::HtmlText | Encoding::HtmlAttribute, '<') => out.push_str("&lt;"),
                (Encoding::HtmlText | Encoding::HtmlAttribute, '>') => out.push_str("&gt;"),
                (Encoding::HtmlAttribute, '"') => out.push_str("&quot;"),
                (Encoding::HtmlAttribute, '\'') => out.push_str("&#39;"),
                (Encoding::JsonString, '"') => out.push_str("\\\""),
                (Encoding::JsonString, '\\') => out.push_str("\\\\"),
                (Encoding::JsonString, '<') => out.push_str("\\u003c"),
                (Encoding::JsonString, c) if c.is_control() => {
                    out.push_str(&format!("\\u{:04x}", u32::from(c)));
                }
                _ => out.push(c),
            }
        }
        out
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

/// Whether `text` can go anywhere in a plain YAML scalar unquoted.
fn yaml_plain_safe(text: &str) -> bool {
    const INDICATORS: &[char] = &[
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
        '`',
    ];
    !text.starts_with(INDICATORS)
        && !text.ends_with([':', ' ', '\t'])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.contains(['\t', '\n', '\r'])
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
    fn yaml_quoted_styles_escape_their_quote() {
        assert_eq!(
            Encoding::YamlDoubleQuoted.encode(r#"a "b" \ c"#).unwrap(),
            r#"a \"b\" \\ c"#
        );
        assert_eq!(
            Encoding::YamlSingleQuoted.encode("O'Neil's").unwrap(),
            "O''Neil''s"
        );
    }

    #[test]
    fn yaml_plain_refuses_text_that_needs_quoting() {
        for bad in ["a: b", "a #b", "- a", "[a]", "'a", "a:", "#a", "\"a\""] {
            assert_eq!(Encoding::YamlPlain.encode(bad), None, "{bad:?}");
        }
        for good in ["may ease pain", "a-b", "a:b", "a# b", "R&D", "it's"] {
            assert_eq!(Encoding::YamlPlain.encode(good).as_deref(), Some(good));
        }
    }

    #[test]
    fn verbatim_is_unchanged() {
        assert_eq!(Encoding::Verbatim.encode("a & <b>").unwrap(), "a & <b>");
    }
}
