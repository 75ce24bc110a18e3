//! lowercase: words compared and looked up in lower case, without Unicode tables or
//! allocation for the letters Polish texts are made of.
//!
//! Every word of a text is lower-cased once for the lexicon, and many are compared with short
//! lists ("ds.", "natomiast", "któr…"). `char::to_lowercase` searches Unicode's case tables for
//! every character; ASCII and the eighteen Polish letters with diacritics are mapped here
//! directly, and only other characters go to the tables.

use std::borrow::Cow;

/// `c` in lower case, for ASCII and Polish letters; `None` for any other character.
#[inline]
fn simple(c: char) -> Option<char> {
    Some(match c {
        '\0'..='\x7f' => c.to_ascii_lowercase(),
        'ą' | 'ć' | 'ę' | 'ł' | 'ń' | 'ó' | 'ś' | 'ź' | 'ż' => c,
        'Ą' => 'ą',
        'Ć' => 'ć',
        'Ę' => 'ę',
        'Ł' => 'ł',
        'Ń' => 'ń',
        'Ó' => 'ó',
        'Ś' => 'ś',
        'Ź' => 'ź',
        'Ż' => 'ż',
        _ => return None,
    })
}

/// Whether `word` is its own lower case, as far as the fast path can tell (most words are).
fn is_lower(word: &str) -> bool {
    match word
        .bytes()
        .position(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        None => true,
        Some(at) if word.as_bytes()[at].is_ascii() => false,
        Some(at) => word[at..].chars().all(|c| simple(c) == Some(c)),
    }
}

/// Append `word` in lower case to `out`.
pub fn push(word: &str, out: &mut String) {
    if is_lower(word) {
        out.push_str(word);
    } else if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else if word.contains('Σ') {
        // A capital sigma lower-cases by its place in the word ("ΟΔΟΣ" → "οδος"), which only
        // the whole-string conversion knows.
        out.push_str(&word.to_lowercase());
    } else {
        for c in word.chars() {
            match simple(c) {
                Some(lower) => out.push(lower),
                None => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// `word` in lower case, borrowed when it is already.
pub fn of(word: &str) -> Cow<'_, str> {
    if is_lower(word) {
        return Cow::Borrowed(word);
    }
    let mut lower = String::with_capacity(word.len());
    push(word, &mut lower);
    Cow::Owned(lower)
}

/// Whether `word` in lower case starts with `lower_prefix`.
pub fn starts_with(word: &str, lower_prefix: &str) -> bool {
    let mut chars = word.chars();
    for p in lower_prefix.chars() {
        let Some(c) = chars.next() else {
            return false;
        };
        match simple(c) {
            Some(lower) if lower == p => {}
            Some(_) => return false,
            // A character outside the fast path may lower-case to several: compare the rest
            // the long way.
            None => return of(word).starts_with(lower_prefix),
        }
    }
    true
}

/// Whether `word` in lower case ends with one of `lower_endings`.
pub fn ends_with_one_of(word: &str, lower_endings: &[&str]) -> bool {
    let lower = of(word);
    lower_endings.iter().any(|ending| lower.ends_with(ending))
}

/// Whether `word` in lower case is one of `lower_words`.
pub fn is_one_of(word: &str, lower_words: &[&str]) -> bool {
    if word.is_ascii() {
        lower_words
            .iter()
            .any(|lower| lower.len() == word.len() && lower.eq_ignore_ascii_case(word))
    } else {
        lower_words.contains(&&*of(word))
    }
}

/// A lower-case Polish letter's Latin letter, the one people type for it in a hurry.
fn bare(c: char) -> Option<char> {
    Some(match c {
        'ą' => 'a',
        'ć' => 'c',
        'ę' => 'e',
        'ł' => 'l',
        'ń' => 'n',
        'ó' => 'o',
        'ś' => 's',
        'ź' | 'ż' => 'z',
        _ => return None,
    })
}

/// `word` (lower case) without its Polish letters, if it has any: "księgowa" → "ksiegowa".
pub fn without_diacritics(word: &str) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(word.len());
    let mut any = false;
    for c in word.chars() {
        match bare(c) {
            Some(latin) => {
                any = true;
                out.push(latin);
            }
            None => out.push(c),
        }
    }
    any.then_some(out)
}

/// Whether a Polish letter, in either case.
pub fn is_polish_letter(c: char) -> bool {
    !c.is_ascii() && simple(c).and_then(bare).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library() {
        for word in [
            "Kierownik",
            "ŻÓŁĆ",
            "Łódź",
            "ĄĆĘŁŃÓŚŹŻ",
            "Straße",
            "İstanbul",
            "ΣΟΦΙΑ",
            "ΟΔΟΣ",
            "KAM-a",
            "",
            "Ǆemal",
            "ﬁrma",
        ] {
            let expected = word.to_lowercase();
            assert_eq!(of(word), expected, "{word}");
            assert!(is_one_of(word, &["x", &expected]), "{word}");
            assert!(!is_one_of(word, &[&format!("{expected}x")]), "{word}");
            for end in (0..=expected.len()).filter(|&e| expected.is_char_boundary(e)) {
                assert!(starts_with(word, &expected[..end]), "{word} {end}");
            }
            assert!(!starts_with(word, &format!("{expected}x")), "{word}");
        }
        assert!(is_one_of("Natomiast", &["a", "natomiast"]));
        assert!(ends_with_one_of("ZATWIERDZONYCH", &["ony", "onych"]));
        assert!(!ends_with_one_of("Zatwierdza", &["ony", "onych"]));
        assert!(!is_one_of("Nat", &["natomiast"]));
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_standard_library_on_generated_words(
            word in "[a-zA-ZąćęłńóśźżĄĆĘŁŃÓŚŹŻΣσςΟΔİıßÄﬁǄ0-9 .-]{0,12}",
            cut in 0usize..14,
        ) {
            let expected = word.to_lowercase();
            proptest::prop_assert_eq!(&*of(&word), expected.as_str());
            proptest::prop_assert!(is_one_of(&word, &[expected.as_str()]));
            let cut = (0..=cut.min(expected.len()))
                .rev()
                .find(|&e| expected.is_char_boundary(e))
                .unwrap_or(0);
            proptest::prop_assert!(starts_with(&word, &expected[..cut]));
        }
    }
}
