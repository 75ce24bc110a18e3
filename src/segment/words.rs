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
    /// Stands alone: white space and punctuation without a joining role.
    Other,
}

/// The class of `c`, or `None` for a character outside the fast path.
fn class(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Class::MidNumLet,
        ':' | '\u{b7}' => Class::MidLetter,
        ',' | ';' => Class::MidNum,
        '_' => Class::ExtendNumLet,
        ' ' | '\t' | '\n' | '\r' | '\u{a0}' => Class::Other,
        '!' | '"' | '#' | '$' | '%' | '&' | '(' | ')' | '*' | '+' | '-' | '/' | '<' | '=' | '>'
        | '?' | '@' | '[' | '\\' | ']' | '^' | '`' | '{' | '|' | '}' | '~' => Class::Other,
        '„' | '”' | '“' | '–' | '—' | '…' | '«' | '»' | '€' | '£' | '§' | '°' | '•' => {
            Class::Other
        }
        // Latin-1 Supplement and Latin Extended-A/B letters: "ą", "ł", "ó", "ż", "é".
        '\u{c0}'..='\u{24f}' if c.is_alphabetic() => Class::Letter,
        _ => return None,
    })
}

/// The pieces of `text` with their byte offsets, as `split_word_bound_indices` gives them.
pub fn pieces(text: &str) -> Vec<(usize, &str)> {
    let mut chars: Vec<(usize, Class)> = Vec::with_capacity(text.len());
    for (offset, c) in text.char_indices() {
        match class(c) {
            Some(class) => chars.push((offset, class)),
            None => return text.split_word_bound_indices().collect(),
        }
    }
    let alphanumeric = |class| matches!(class, Class::Letter | Class::Digit | Class::ExtendNumLet);
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(offset, _)| offset);
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        i += 1;
        if alphanumeric(chars[start].1) {
            loop {
                match chars.get(i).map(|&(_, class)| class) {
                    // Letters, digits and connectors run on (WB5, WB8–10, WB13a/b).
                    Some(class) if alphanumeric(class) => i += 1,
                    // A middle character between two letters or two digits (WB6/7, WB11/12).
                    Some(middle) => {
                        let (before, after) = (chars[i - 1].1, chars.get(i + 1).map(|c| c.1));
                        let letters = before == Class::Letter
                            && after == Some(Class::Letter)
                            && matches!(middle, Class::MidLetter | Class::MidNumLet);
                        let digits = before == Class::Digit
                            && after == Some(Class::Digit)
                            && matches!(middle, Class::MidNum | Class::MidNumLet);
                        if letters || digits {
                            i += 2;
                        } else {
                            break;
                        }
                    }
                    None => break,
                }
            }
        }
        let from = chars[start].0;
        pieces.push((from, &text[from..end_of(i)]));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(text: &str) {
        let reference: Vec<(usize, &str)> = text
            .split_word_bound_indices()
            .filter(|(_, p)| !p.starts_with(char::is_whitespace))
            .collect();
        let fast: Vec<(usize, &str)> = pieces(text)
            .into_iter()
            .filter(|(_, p)| !p.starts_with(char::is_whitespace))
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
    fn other_characters_take_the_general_path() {
        same("Emoji 👍🏽 and ZWJ 👩‍💻, Ελληνικά, 漢字, soft\u{ad}hyphen, 65\u{202f}000");
    }
}
