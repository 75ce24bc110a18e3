//! decode: bytes → [`Text`].
//!
//! Owns everything about character encodings: BOMs (UTF-8, UTF-16LE/BE), plain UTF-8, and legacy
//! Polish single-byte encodings (windows-1250, ISO-8859-2) guessed by `chardetng` on the whole
//! file. The decoded text is kept as read (reported spans point into it); an NFC-normalised copy
//! is made for matching, with an offset map back. Knows nothing about sentences or words.

use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};
use unicode_normalization::{UnicodeNormalization, is_nfc};
use unicode_segmentation::UnicodeSegmentation;

use crate::span::{Norm, Orig, Span};

/// A decoded text: the original as read, and its NFC form for matching.
#[derive(Debug, Clone)]
pub struct Text {
    original: String,
    normalized: Option<String>,
    /// `(normalized start, original start)` of every grapheme cluster, when NFC changed the text.
    clusters: Vec<(usize, usize)>,
    encoding: &'static str,
}

/// Why a file's bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes without a UTF-16 byte-order mark: an image, archive or other binary file.
    Binary,
    /// The bytes are not valid in the encoding their BOM (or the guess) names.
    Malformed {
        encoding: &'static str,
        offset: usize,
    },
    /// More than [`MAX_TEXT`] bytes: no text about a role is that long, and spans are 32-bit.
    TooLarge,
}

/// The largest file rolelint reads, in bytes (1 GiB). Offsets are stored in 32 bits; the
/// margin covers the NFC form, which may be longer than the text as read.
pub const MAX_TEXT: usize = 1 << 30;

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "to plik binarny (zawiera bajty NUL), a nie tekst"),
            DecodeError::Malformed { encoding, offset } => write!(
                f,
                "niepoprawna sekwencja bajtów w kodowaniu {encoding} (bajt {offset})"
            ),
            DecodeError::TooLarge => write!(
                f,
                "plik ma ponad 1 GiB ({}), a rolelint czyta pliki najwyżej tej wielkości",
                crate::plural::bytes(MAX_TEXT as u64)
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The NFC form of `text` when it differs, with the grapheme-cluster offset map back.
fn normalize(text: &str) -> (Option<String>, Vec<(usize, usize)>) {
    if is_nfc(text) {
        return (None, Vec::new());
    }
    let mut normalized = String::with_capacity(text.len());
    let mut clusters = Vec::new();
    for (start, cluster) in text.grapheme_indices(true) {
        clusters.push((normalized.len(), start));
        normalized.extend(cluster.nfc());
    }
    (Some(normalized), clusters)
}

/// Decode a whole file. Never loses text silently: bytes that do not fit the detected
/// encoding are an error, not replacement characters.
pub fn decode(bytes: &[u8]) -> Result<Text, DecodeError> {
    decode_original(bytes).map(Text::new)
}

/// The text as [`decode`] reads it, with the name of its encoding, and nothing else.
pub fn decode_original(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if bytes.len() > MAX_TEXT {
        return Err(DecodeError::TooLarge);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_strict(&bytes[bom_len..], encoding);
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_owned(), UTF_8.name())),
        // Text that is mostly well-formed UTF-8 with a broken sequence is damaged UTF-8, not a
        // legacy encoding: guessing one would turn every Polish letter into mojibake.
        Err(e) if mostly_utf8(bytes) => {
            return Err(DecodeError::Malformed {
                encoding: UTF_8.name(),
                offset: e.valid_up_to(),
            });
        }
        Err(_) => {}
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"pl"), Utf8Detection::Deny);
    decode_strict(bytes, encoding)
}

/// Whether well-formed multi-byte UTF-8 sequences outnumber broken ones. Legacy Polish text
/// (windows-1250, ISO-8859-2) almost never forms valid multi-byte sequences by chance.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid = 0usize;
    let mut broken = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        broken += usize::from(!chunk.invalid().is_empty());
    }
    valid > broken
}

fn decode_strict(
    bytes: &[u8],
    encoding: &'static Encoding,
) -> Result<(String, &'static str), DecodeError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        let offset = match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
            Some(_) => 0,
            None => first_bad_byte(bytes, encoding),
        };
        return Err(DecodeError::Malformed {
            encoding: encoding.name(),
            offset,
        });
    }
    if encoding != encoding_rs::UTF_16LE && encoding != encoding_rs::UTF_16BE && text.contains('\0')
    {
        return Err(DecodeError::Binary);
    }
    Ok((text.into_owned(), encoding.name()))
}

/// Offset of the first byte the decoder rejects, found by decoding growing prefixes' worth.
fn first_bad_byte(bytes: &[u8], encoding: &'static Encoding) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(64);
    let mut read_total = 0;
    for chunk in bytes.chunks(1) {
        out.clear();
        let (result, read) = decoder.decode_to_string_without_replacement(chunk, &mut out, false);
        if let encoding_rs::DecoderResult::Malformed(_, _) = result {
            return read_total;
        }
        read_total += read;
    }
    read_total
}

impl Text {
    fn new((original, encoding): (String, &'static str)) -> Text {
        let (normalized, clusters) = normalize(&original);
        Text {
            original,
            normalized,
            clusters,
            encoding,
        }
    }

    /// Match on `prose` instead of the text as read: the text with markup blanked out, of the
    /// same length (see [`crate::markup`]). Reported spans still point into the original.
    pub fn with_prose(self, prose: String) -> Text {
        debug_assert_eq!(prose.len(), self.original.len());
        let (normalized, clusters) = normalize(&prose);
        Text {
            normalized: Some(normalized.unwrap_or(prose)),
            clusters,
            ..self
        }
    }

    /// A text already in memory (stdin, tests): same handling as decoded UTF-8.
    pub fn from_utf8(text: &str) -> Text {
        Text::new((text.to_owned(), UTF_8.name()))
    }

    /// The text as read, after decoding. Reported spans point here.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The NFC form matched by the later stages.
    pub fn normalized(&self) -> &str {
        self.normalized.as_deref().unwrap_or(&self.original)
    }

    /// Name of the encoding the bytes were read in (`UTF-8`, `windows-1250`, …).
    pub fn encoding(&self) -> &'static str {
        self.encoding
    }

    /// Map a span of the normalised text back to the original text.
    pub fn to_original(&self, span: Span<Norm>) -> Span<Orig> {
        if self.clusters.is_empty() {
            return Span::new(span.start(), span.end());
        }
        Span::new(
            self.original_offset(span.start()),
            self.original_offset(span.end()),
        )
    }

    /// The original offset of a normalised offset; an offset inside a cluster maps to the
    /// cluster's end, so the result is always a character boundary.
    fn original_offset(&self, offset: usize) -> usize {
        let next = self.clusters.partition_point(|&(norm, _)| norm <= offset);
        match self.clusters.get(next.wrapping_sub(1)) {
            Some(&(norm, orig)) if norm == offset => orig,
            _ => self
                .clusters
                .get(next)
                .map_or(self.original.len(), |&(_, orig)| orig),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "Księgowa zarządza też kadrami.";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(SENTENCE.as_bytes()).unwrap().original(), SENTENCE);
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(SENTENCE.as_bytes());
        let text = decode(&with_bom).unwrap();
        assert_eq!(text.original(), SENTENCE);
        assert_eq!(text.encoding(), "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(SENTENCE.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap().original(), SENTENCE);
        let mut be = vec![0xFE, 0xFF];
        be.extend(SENTENCE.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().original(), SENTENCE);
    }

    #[test]
    fn windows_1250_and_iso_8859_2_are_guessed() {
        let long = "Zażółć gęślą jaźń. Księgowa prowadzi księgi rachunkowe spółki, \
                    a kierownik projektu odpowiada za harmonogram i budżet. Śląsk, Łódź.";
        for encoding in [encoding_rs::WINDOWS_1250, encoding_rs::ISO_8859_2] {
            let (bytes, _, unmappable) = encoding.encode(long);
            assert!(!unmappable);
            let text = decode(&bytes).unwrap();
            assert_eq!(text.original(), long, "{}", encoding.name());
        }
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"PK\x03\x04\0\0\x80\x81").unwrap_err(),
            DecodeError::Binary
        );
    }

    #[test]
    fn decomposed_text_is_normalised_with_spans_mapped_back() {
        let original = "Zaz\u{0307}o\u{0301}ł\u{0107} kota";
        let text = Text::from_utf8(original);
        assert_eq!(text.normalized(), "Zażółć kota");
        let kota = text.normalized().find("kota").unwrap();
        let span = text.to_original(Span::new(kota, kota + 4));
        assert_eq!(span.slice(text.original()), "kota");
    }
}
