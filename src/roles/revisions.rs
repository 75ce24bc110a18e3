//! revisions: which sentences of a text are a note that revises it.
//!
//! A role description or an article is published again with a note saying what changed:
//! "Aktualizacja (marzec 2026): Od kwietnia kierownik projektu kieruje zespołem ośmiu osób",
//! "Errata: W poprzedniej wersji podaliśmy błędnie …". The note replaces what the text said
//! before, openly, so the two do not contradict each other: the note is a [`super::Voice`] of
//! its own, as an offer of a digest is. A heading "AKTUALIZACJA – wersja z marca" over an ad
//! written again is no such note: what follows it restates the ad ("Zmieniliśmy tylko jedno
//! … Reszta ogłoszenia bez zmian"), and where it says otherwise, it contradicts it (corpus/377).

use std::sync::Arc;

use crate::markers::Markers;
use crate::rules::Marker;
use crate::segment::Doc;

/// Words a note's header may have before its ":" ("Aktualizacja (12 marca 2026 r.):").
const HEADER_WORDS: usize = 6;

/// For every sentence, the header of the note revising the text it belongs to, if any: a
/// paragraph that opens with one of the `revisions` words of the rules and a ":" after at most
/// [`HEADER_WORDS`] words.
pub(super) fn revisions(source: &str, doc: &Doc, markers: &[Markers]) -> Vec<Option<Arc<str>>> {
    let mut note: Option<(Arc<str>, usize)> = None;
    let mut voices = Vec::with_capacity(doc.sentences.len());
    for (index, sentence) in doc.sentences.iter().enumerate() {
        if note
            .as_ref()
            .is_some_and(|&(_, block)| block != sentence.block)
        {
            note = None;
        }
        if doc.opens_block(index)
            && let Some(header) = header(source, doc, index, &markers[index])
        {
            note = Some((header, sentence.block));
        }
        voices.push(note.as_ref().map(|(header, _)| header.clone()));
    }
    voices
}

/// The header of the note sentence `index` opens, if it opens one: see [`revisions`].
fn header(source: &str, doc: &Doc, index: usize, markers: &Markers) -> Option<Arc<str>> {
    let sentence = &doc.sentences[index];
    if !markers.any(Marker::Revision, 0..1) {
        return None;
    }
    let colon = sentence
        .tokens
        .clone()
        .find(|&t| doc.tokens[t].span.slice(source) == ":")?;
    let words_before = markers.words().iter().filter(|&&w| w < colon).count();
    (words_before <= HEADER_WORDS).then(|| {
        let header = &source[sentence.span.start()..doc.tokens[colon].span.start()];
        Arc::from(header.trim())
    })
}
