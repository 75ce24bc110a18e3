//! Byte spans and the two offset spaces they live in.
//!
//! Matching runs on the NFC-normalised text ([`Norm`]); everything reported to a user points
//! into the text as read, after decoding to UTF-8 ([`Orig`]). The two never mix: only
//! [`crate::decode::Text`] turns a `Span<Norm>` into a `Span<Orig>`, and only `Span<Orig>`
//! leaves the library (JSON, miette labels). Line and column numbers are computed by
//! [`LineIndex`] once the text is at hand; only the evidence of findings keeps them
//! ([`Place`]). Offsets are stored in 32 bits: a claim is kept for the whole run, and no text
//! is longer than [`crate::decode::MAX_TEXT`].

use std::fmt;
use std::marker::PhantomData;

/// Offsets into the NFC-normalised text used for matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Norm;

/// Offsets into the decoded text as the user wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Orig;

/// A half-open byte range `start..end` in the offset space `S`.
pub struct Span<S> {
    start: u32,
    end: u32,
    space: PhantomData<S>,
}

impl<S> Span<S> {
    /// A span from `start` to `end` (exclusive).
    ///
    /// # Panics
    /// When `start > end`: a span can be empty but never reversed; and past 4 GiB, which
    /// [`crate::decode`] keeps texts well below.
    pub fn new(start: usize, end: usize) -> Self {
        assert!(start <= end, "span start {start} is after its end {end}");
        let offset = |at: usize| u32::try_from(at).expect("texts are shorter than 4 GiB");
        Span {
            start: offset(start),
            end: offset(end),
            space: PhantomData,
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn len(&self) -> usize {
        self.end() - self.start()
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span<S>) -> Span<S> {
        Span::new(self.start().min(other.start()), self.end().max(other.end()))
    }

    /// The text this span covers in `source`.
    pub fn slice<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start()..self.end()]
    }
}

impl<S> Clone for Span<S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for Span<S> {}
impl<S> PartialEq for Span<S> {
    fn eq(&self, other: &Self) -> bool {
        (self.start, self.end) == (other.start, other.end)
    }
}
impl<S> Eq for Span<S> {}
impl<S> PartialOrd for Span<S> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<S> Ord for Span<S> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.start, self.end).cmp(&(other.start, other.end))
    }
}
impl<S> std::hash::Hash for Span<S> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.start, self.end).hash(state);
    }
}
impl<S> fmt::Debug for Span<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Span<Orig>> for miette::SourceSpan {
    fn from(span: Span<Orig>) -> Self {
        (span.start(), span.len()).into()
    }
}

/// 1-based line and column (in characters) of a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

/// Where a span stands and what it covers, for output that no longer has the text at hand.
/// Kept for every piece of evidence of a run, so stored in 32-bit numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Line and column of the start, then of the end (just past the last character).
    at: [u32; 4],
    /// The text the span covers.
    pub quote: Box<str>,
}

impl Place {
    pub fn start(&self) -> LineColumn {
        LineColumn {
            line: self.at[0] as usize,
            column: self.at[1] as usize,
        }
    }

    /// Just past the last character.
    pub fn end(&self) -> LineColumn {
        LineColumn {
            line: self.at[2] as usize,
            column: self.at[3] as usize,
        }
    }
}

/// Byte offsets of line starts in one text, built when lines and columns are needed: while a
/// file is checked (its evidence), and when an output quotes its claims.
/// A line ends at `\n`; a `\r` before it belongs to the line and is never counted as a column.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, line_starts }
    }

    /// Line and column of `offset`, which must lie on a character boundary of the text.
    pub fn locate(&self, offset: usize) -> LineColumn {
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        LineColumn {
            line: line + 1,
            column,
        }
    }

    /// Where `span` stands in the text, with the text it covers.
    pub fn place(&self, span: Span<Orig>) -> Place {
        let (start, end) = (self.locate(span.start()), self.locate(span.end()));
        // Lines and columns are at most offsets, which fit in 32 bits (see `Span`).
        let small = |n: usize| n as u32;
        Place {
            at: [
                small(start.line),
                small(start.column),
                small(end.line),
                small(end.column),
            ],
            quote: span.slice(self.text).into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_characters_and_ignores_carriage_returns() {
        let text = "ąb\r\nźć d";
        let index = LineIndex::new(text);
        assert_eq!(index.locate(0), LineColumn { line: 1, column: 1 });
        assert_eq!(index.locate(2), LineColumn { line: 1, column: 2 });
        let d = text.find('d').expect("d is in the text");
        assert_eq!(index.locate(d), LineColumn { line: 2, column: 4 });
    }

    #[test]
    #[should_panic(expected = "is after its end")]
    fn reversed_span_is_refused() {
        let _ = Span::<Orig>::new(3, 2);
    }
}
