//! markup: Markdown and HTML sources → their prose, everything else blanked.
//!
//! Only prose is checked: code blocks, inline code, tags, URLs, front matter, comments and
//! markup characters are replaced by spaces, byte for byte (line breaks kept), so every offset
//! in the prose is the same offset in the file and reported spans need no mapping. Headings
//! keep a leading '#' and list items a leading '-', which `segment` reads as structure.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// How a text is marked up, chosen by file extension (or `--stdin-filename`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Plain,
    Markdown,
    Html,
}

impl Markup {
    /// The markup a file name implies: `.md`/`.markdown` → Markdown, `.html`/`.htm` → HTML.
    pub fn from_name(name: &str) -> Markup {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Markup::Markdown
        } else if lower.ends_with(".html") || lower.ends_with(".htm") {
            Markup::Html
        } else {
            Markup::Plain
        }
    }
}

/// The prose of `text`, the same length as `text`; `None` for plain text (all of it is prose).
pub fn prose(text: &str, markup: Markup) -> Option<String> {
    match markup {
        Markup::Plain => None,
        Markup::Markdown => Some(markdown(text)),
        Markup::Html => Some(html(text)),
    }
}

/// A copy of a text with everything blanked except what is kept.
struct Mask<'a> {
    text: &'a str,
    bytes: Vec<u8>,
}

impl<'a> Mask<'a> {
    fn new(text: &'a str) -> Mask<'a> {
        let bytes = text
            .bytes()
            .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
            .collect();
        Mask { text, bytes }
    }

    /// Keep the original bytes of `range` (which must lie on character boundaries).
    fn keep(&mut self, range: std::ops::Range<usize>) {
        if range.end <= self.text.len()
            && self.text.is_char_boundary(range.start)
            && self.text.is_char_boundary(range.end)
        {
            self.bytes[range.clone()].copy_from_slice(&self.text.as_bytes()[range]);
        }
    }

    /// Write ASCII `marker` at `at`, if it fits over blanked bytes.
    fn put(&mut self, at: usize, marker: &str) {
        let end = at + marker.len();
        if end <= self.bytes.len() && self.bytes[at..end].iter().all(|&b| b == b' ' || b == b'\n') {
            self.bytes[at..end].copy_from_slice(marker.as_bytes());
        }
    }

    fn finish(self) -> String {
        String::from_utf8(self.bytes).expect("kept ranges are whole characters; the rest is ASCII")
    }
}

fn markdown(text: &str) -> String {
    let mut mask = Mask::new(text);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut hidden = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. } | Tag::HtmlBlock,
            ) => hidden += 1,
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => hidden += 1,
            Event::End(
                TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image | TagEnd::HtmlBlock,
            ) => hidden = hidden.saturating_sub(1),
            Event::End(TagEnd::Link) => {
                let autolink = text[range.clone()].starts_with('<');
                if autolink {
                    hidden = hidden.saturating_sub(1);
                }
            }
            Event::Start(Tag::Heading { .. }) if text[range.start..].starts_with('#') => {
                mask.put(range.start, "#")
            }
            Event::Start(Tag::Item) => {
                let marker: String = text[range.start..]
                    .chars()
                    .take_while(|c| !c.is_whitespace())
                    .collect();
                mask.keep(range.start..range.start + marker.len());
            }
            Event::Text(_) if hidden == 0 => mask.keep(range),
            _ => {}
        }
    }
    mask.finish()
}

/// Elements whose content is not prose.
const HIDDEN_ELEMENTS: &[&str] = &[
    "script", "style", "code", "pre", "template", "noscript", "head", "svg", "math",
];
/// Elements that start a new block of text.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "table",
    "dd",
    "dt",
    "main",
    "aside",
    "nav",
    "body",
    "html",
    "hr",
    "figure",
    "figcaption",
];

fn html(text: &str) -> String {
    let mut mask = Mask::new(text);
    let Ok(dom) = tl::parse(text, tl::ParserOptions::default()) else {
        return mask.finish();
    };
    let parser = dom.parser();
    for handle in dom.children() {
        walk_html(text, handle, parser, &mut mask);
    }
    mask.finish()
}

fn walk_html(text: &str, handle: &tl::NodeHandle, parser: &tl::Parser, mask: &mut Mask) {
    let Some(node) = handle.get(parser) else {
        return;
    };
    match node {
        tl::Node::Raw(raw) => {
            let bytes = raw.as_bytes();
            let start = (bytes.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
            if start <= text.len() {
                keep_without_entities(text, start..start + bytes.len(), mask);
            }
        }
        tl::Node::Tag(tag) => {
            let name = String::from_utf8_lossy(tag.name().as_bytes()).to_ascii_lowercase();
            if HIDDEN_ELEMENTS.contains(&name.as_str()) {
                return;
            }
            let (start, end) = tag.boundaries(parser);
            let heading = matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
            if heading {
                mask.put(start, "\n\n# ");
            } else if name == "li" {
                mask.put(start, "\n- ");
            } else if BLOCK_ELEMENTS.contains(&name.as_str()) {
                mask.put(start, "\n\n");
            }
            for child in tag.children().top().iter() {
                walk_html(text, child, parser, mask);
            }
            if (heading || name == "li" || BLOCK_ELEMENTS.contains(&name.as_str())) && end > start {
                mask.put(end, "\n");
            }
        }
        tl::Node::Comment(_) => {}
    }
}

/// Keep a text node, blanking character references ("&nbsp;", "&#261;") that would read as words.
fn keep_without_entities(text: &str, range: std::ops::Range<usize>, mask: &mut Mask) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let mut at = range.start;
    for (offset, piece) in slice.split_inclusive(';').flat_map(|part| {
        let split = part.rfind('&').filter(|_| part.ends_with(';'));
        match split {
            Some(amp)
                if part[amp..].len() <= 10
                    && !part[amp + 1..part.len() - 1].contains(char::is_whitespace) =>
            {
                vec![(0usize, &part[..amp]), (1, &part[amp..])]
            }
            _ => vec![(0, part)],
        }
    }) {
        if offset == 0 {
            mask.keep(at..at + piece.len());
        }
        at += piece.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_prose_headings_and_items_at_their_offsets() {
        let text = "---\ntitle: x\n---\n## Wymagania\n\n- **trzy lata** doświadczenia, [więcej](https://x.pl)\n\n```\nkod\n```\n";
        let masked = prose(text, Markup::Markdown).unwrap();
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("title") && !masked.contains("kod") && !masked.contains("https"));
        let heading = text.find("## Wymagania").unwrap();
        assert_eq!(&masked[heading..heading + 1], "#");
        let words = text.find("trzy lata").unwrap();
        assert_eq!(&masked[words..words + 9], "trzy lata");
        assert!(masked.contains("- "));
        assert!(masked.contains("więcej"));
    }

    #[test]
    fn html_keeps_text_nodes_and_drops_tags_scripts_and_entities() {
        let text = "<html><head><title>t</title></head><body><h2>Wymagania</h2><ul><li>trzy&nbsp;lata</li></ul>\
                    <script>var kierownik = 1;</script><p>Księgowa prowadzi księgi.</p></body></html>";
        let masked = prose(text, Markup::Html).unwrap();
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("var") && !masked.contains("nbsp") && !masked.contains('<'));
        let at = text.find("Księgowa").unwrap();
        assert_eq!(
            &masked[at..at + "Księgowa prowadzi księgi.".len()],
            "Księgowa prowadzi księgi."
        );
        assert!(masked.contains("# Wymagania"));
        let item = text.find("<li>").unwrap();
        assert_eq!(&masked[item..item + 8], "\n-  trzy");
    }
}
