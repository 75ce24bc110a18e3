//! Word boundaries of one block of text: the pieces UAX #29 word segmentation cuts it into.
//!
//! `unicode-segmentation` implements UAX #29 for all of Unicode, which costs a table lookup
//! per character. Polish prose uses a tiny part of Unicode: Latin letters, ASCII digits, white
//! space and common punctuation. For a block made only of those, [`pieces`] applies the rules
//! of UAX #29 that can fire among them directly; a block with any other character goes to
//! `unicode-segmentation`. Both give the same pieces (a test compares them on the corpus and
//! on generated text).

use unicode_segmentation::UnicodeSegmentation;

/// The UAX #29 word-break property, for the characters of the fast path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// Joins letters ("a:b").
    MidLetter,
    /// Joins letters or digits ("m.in", "1.5", "Manager's").
    MidNumLet,
    /// Joins digits ("12,5").
    MidNum,
    /// Joins anything alphanumeric ("snake_case").
    ExtendNumLet,
    /// Stands alone: punctuation without a joining role.
    Other,
    /// White space: stands alone and is no piece.
    Space,
}

/// The class of `c`, or `None` for a character outside the fast path.
const fn class(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Class::MidNumLet,
        ':' | '\u{b7}' => Class::MidLetter,
        ',' | ';' => Class::MidNum,
        '_' => Class::ExtendNumLet,
        ' ' | '\t' | '\n' | '\r' | '\u{a0}' => Class::Space,
        '!' | '"' | '#' | '$' | '%' | '&' | '(' | ')' | '*' | '+' | '-' | '/' | '<' | '=' | '>'
        | '?' | '@' | '[' | '\\' | ']' | '^' | '`' | '{' | '|' | '}' | '~' => Class::Other,
        '„' | '”' | '“' | '–' | '—' | '…' | '«' | '»' | '€' | '£' | '§' | '°' | '•' => {
            Class::Other
        }
        // Latin-1 Supplement and Latin Extended-A/B letters: "ą", "ł", "ó", "ż", "é"; every
        // character of the range is a letter but "×" and "÷".
        '\u{c0}'..='\u{24f}' if !matches!(c, '×' | '÷') => Class::Letter,
        _ => return None,
    })
}

/// The pieces of `text` that are not white space, as byte ranges, in `pieces` (cleared
/// first): the pieces `split_word_bound_indices` gives, white space left out.
pub fn pieces(text: &str, pieces: &mut Vec<(usize, usize)>) {
    pieces.clear();
    if fast_pieces(text, pieces).is_none() {
        pieces.clear();
        pieces.extend(
            text.split_word_bound_indices()
                .filter(|(_, piece)| !piece.starts_with(char::is_whitespace))
                .map(|(start, piece)| (start, start + piece.len())),
        );
    }
}

/// The classes of ASCII characters, looked up by byte.
const ASCII: [Option<Class>; 128] = {
    let mut table = [None; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = class(byte as u8 as char);
        byte += 1;
    }
    table
};

/// The class and UTF-8 length of the character at byte `at` of `text` (a character boundary).
#[inline]
fn class_at(text: &str, at: usize) -> Option<(Class, usize)> {
    let byte = text.as_bytes()[at];
    if byte < 0x80 {
        return Some((ASCII[byte as usize]?, 1));
    }
    let c = text[at..].chars().next()?;
    Some((class(c)?, c.len_utf8()))
}

/// The pieces of a text made only of fast-path characters; `None` at the first other one.
fn fast_pieces(text: &str, pieces: &mut Vec<(usize, usize)>) -> Option<()> {
    let alphanumeric = |class| matches!(class, Class::Letter | Class::Digit | Class::ExtendNumLet);
    let bytes = text.as_bytes();
    let mut end = 0;
    while end < text.len() {
        let start = end;
        let (mut last, len) = class_at(text, start)?;
        end += len;
        if last == Class::Space {
            continue;
        }
        if alphanumeric(last) {
            loop {
                // Letters, digits and connectors run on (WB5, WB8–10, WB13a/b): ASCII ones
                // byte by byte, the rest through `class_at`.
                while let Some(&byte) = bytes.get(end) {
                    match ASCII.get(byte as usize) {
                        Some(Some(class)) if alphanumeric(*class) => {
                            (last, end) = (*class, end + 1)
                        }
                        _ => break,
                    }
                }
                if end >= text.len() {
                    break;
                }
                let (middle, len) = class_at(text, end)?;
                if alphanumeric(middle) {
                    (last, end) = (middle, end + len);
                    continue;
                }
                // A middle character between two letters or two digits (WB6/7, WB11/12).
                let after_at = end + len;
                if after_at >= text.len() {
                    break;
                }
                let (after, after_len) = class_at(text, after_at)?;
                let letters = last == Class::Letter
                    && after == Class::Letter
                    && matches!(middle, Class::MidLetter | Class::MidNumLet);
                let digits = last == Class::Digit
                    && after == Class::Digit
                    && matches!(middle, Class::MidNum | Class::MidNumLet);
                if !(letters || digits) {
                    break;
                }
                (last, end) = (after, after_at + after_len);
            }
        }
        pieces.push((start, end));
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(text: &str) {
        let reference: Vec<(usize, &str)> = text
            .split_word_bound_indices()
            .filter(|(_, p)| !p.starts_with(char::is_whitespace))
            .collect();
        let mut found = Vec::new();
        pieces(text, &mut found);
        let fast: Vec<(usize, &str)> = found
            .into_iter()
            .map(|(start, end)| (start, &text[start..end]))
            .collect();
        assert_eq!(fast, reference, "in {text:?}");
    }

    #[test]
    fn agrees_with_unicode_segmentation_on_polish() {
        same("Kierownik ds. klientów (tzw. KAM-a) zarabia 12 300,50 zł, m.in. w Łodzi.");
        same("Manager's role: „budować relacje” – a:b 1.5.2 a.b.c x_1 _a 3,14; e-mail… «ok»");
        same("Żółć, ĘĄ, naïve café; 65\u{a0}000 €; 1.a a.1 a..b 1,,2 a'b' ‘a’b’");
    }

    #[test]
    fn agrees_on_every_corpus_text() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        for entry in std::fs::read_dir(dir).expect("corpus exists") {
            let path = entry.expect("readable entry").path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                same(&text);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_on_generated_text(
            text in "[a-zA-Z0-9ąęłóżźćńśĄĘŁÓŻŹĆŃŚéï .,:;'_\\-„”–…\u{2019}\u{b7}\n\t\u{a0}!?()]{0,40}"
        ) {
            same(&text);
        }
    }

    #[test]
    fn latin_letters_are_letters() {
        for c in ('\u{c0}'..='\u{24f}').filter(|c| !matches!(c, '×' | '÷')) {
            assert!(c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn other_characters_take_the_general_path() {
        same("Emoji 👍🏽 and ZWJ 👩‍💻, Ελληνικά, 漢字, soft\u{ad}hyphen, 65\u{202f}000");
    }
}
