//! markers: lemmas → where the marker phrases of `modality.toml` stand in each sentence.
//!
//! Whether a clause is about the role talked about before depends on anaphors ("On", "Ta
//! rola"), "obie role" and other subjects ("Dział kadr"); whether a claim is negated, hedged,
//! reported or conditional depends on phrases ("nie", "może", "to mit, że", "jeśli") before or
//! just after its cue. Rather than scan every such phrase at every word for each clause and
//! each claim, [`find`] matches them all once per sentence (through an index by first word,
//! like cue phrases), and `roles` and `extract` ask which matches lie inside a range of the
//! sentence's words.

use std::ops::Range;

use crate::lemma::Lemmas;
use crate::rules::{Marker, Modality};
use crate::segment::{Doc, TokenKind};

/// Word (non-punctuation) token indices in `range`.
fn word_positions(doc: &Doc, range: Range<usize>) -> Vec<usize> {
    let mut words = Vec::with_capacity(range.len());
    words.extend(range.filter(|&i| doc.tokens[i].kind != TokenKind::Punct));
    words
}

/// The markers of every sentence of `doc`, in sentence order.
pub fn find(doc: &Doc, lemmas: &Lemmas, modality: &Modality) -> Vec<Markers> {
    doc.sentences
        .iter()
        .map(|sentence| {
            Markers::find(
                word_positions(doc, sentence.tokens.clone()),
                lemmas,
                modality,
            )
        })
        .collect()
}

/// Every marker match of a sentence: `(marker, first word, last word)`, as indices into the
/// sentence's words.
pub struct Markers {
    /// Token indices of the sentence's words.
    words: Vec<usize>,
    found: Vec<(Marker, usize, usize)>,
}

impl Markers {
    /// Match every marker phrase of `modality` at every word of `words` (token indices of
    /// one sentence's words).
    pub fn find(words: Vec<usize>, lemmas: &Lemmas, modality: &Modality) -> Markers {
        let mut found = Vec::new();
        for at in 0..words.len() {
            let next = words.get(at + 1).map_or(&[][..], |&w| lemmas.of(w));
            for &key in lemmas.of(words[at]) {
                modality.markers_starting_with(key, next, |(marker, phrase)| {
                    if let Some(last) =
                        modality.phrases(marker)[phrase].match_rest(&words, at, lemmas)
                    {
                        found.push((marker, at, last));
                    }
                });
            }
        }
        Markers { words, found }
    }

    /// Token indices of the sentence's words (its tokens but punctuation).
    pub fn words(&self) -> &[usize] {
        &self.words
    }

    /// The indices among the sentence's words of the words in the token range `tokens`.
    pub fn range_of(&self, tokens: &Range<usize>) -> Range<usize> {
        self.words.partition_point(|&w| w < tokens.start)
            ..self.words.partition_point(|&w| w < tokens.end)
    }

    /// `(first word, last word)` of every match of `marker` in the sentence.
    pub fn matches(&self, marker: Marker) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.found
            .iter()
            .filter(move |&&(m, ..)| m == marker)
            .map(|&(_, first, last)| (first, last))
    }

    /// [`Markers::matches`] of `marker` that lie wholly inside `words`. A phrase matches
    /// inside a range exactly when its match from the same first word ends inside it:
    /// matching takes the earliest word for each phrase word, so a range cut short only
    /// removes matches, it never makes new ones.
    pub fn matches_within(
        &self,
        marker: Marker,
        words: Range<usize>,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.matches(marker)
            .filter(move |&(first, last)| words.start <= first && last < words.end)
    }

    /// First words of the matches of `marker` that lie wholly inside `words`.
    pub fn within(&self, marker: Marker, words: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        self.matches_within(marker, words).map(|(first, _)| first)
    }

    /// [`Markers::matches_within`], but for the matches a match of `except` overlaps: a phrase
    /// that starts like the marker but is none ("jeśli chodzi o" for a condition, "najczęściej
    /// zadawane pytania" for a hedge), or that takes it into something else ("biuro w" makes
    /// "w Poznaniu" where an office is, not a segment of the market).
    pub fn matches_within_unless(
        &self,
        marker: Marker,
        except: Marker,
        words: Range<usize>,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.matches_within(marker, words)
            .filter(move |&(first, last)| {
                !self
                    .matches(except)
                    .any(|(other_first, other_last)| other_first <= last && other_last >= first)
            })
    }

    /// First words of [`Markers::matches_within_unless`].
    pub fn within_unless(
        &self,
        marker: Marker,
        except: Marker,
        words: Range<usize>,
    ) -> impl Iterator<Item = usize> + '_ {
        self.matches_within_unless(marker, except, words)
            .map(|(first, _)| first)
    }

    /// Whether some match of `marker` lies wholly inside `words`.
    pub fn any(&self, marker: Marker, words: Range<usize>) -> bool {
        self.within(marker, words).next().is_some()
    }
}
