//! Modality markers of one sentence, found once.
//!
//! Whether a claim is negated, hedged, reported or conditional depends on marker phrases
//! ("nie", "może", "to mit, że", "jeśli") standing before or just after its cue. Rather than
//! scan every marker phrase at every word for each claim, [`Markers::find`] matches them all
//! once per sentence (through an index by first word, like cue phrases), and a claim asks
//! which matches lie inside a range of the sentence's words.

use std::ops::Range;

use crate::lemma::Lemmas;
use crate::rules::{Marker, Modality};

/// Every marker match of a sentence: `(marker, first word, last word)`, as indices into the
/// sentence's words.
pub struct Markers {
    found: Vec<(Marker, usize, usize)>,
}

impl Markers {
    /// Match every marker phrase of `modality` at every word of `words` (token indices of
    /// one sentence's words).
    pub fn find(words: &[usize], lemmas: &Lemmas, modality: &Modality) -> Markers {
        let mut found = Vec::new();
        for at in 0..words.len() {
            for &key in lemmas.of(words[at]) {
                for &(marker, phrase) in modality.markers_starting_with(key) {
                    if let Some(last) = modality.phrases(marker)[phrase].match_at(words, at, lemmas)
                    {
                        found.push((marker, at, last));
                    }
                }
            }
        }
        Markers { found }
    }

    /// First words of the matches of `marker` that lie wholly inside `words`. A phrase
    /// matches inside a range exactly when its match from the same first word ends inside
    /// it: matching takes the earliest word for each phrase word, so a range cut short only
    /// removes matches, it never makes new ones.
    pub fn within(&self, marker: Marker, words: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        self.found
            .iter()
            .filter(move |&&(m, first, last)| {
                m == marker && words.start <= first && last < words.end
            })
            .map(|&(_, first, _)| first)
    }

    /// Whether some match of `marker` lies wholly inside `words`.
    pub fn any(&self, marker: Marker, words: Range<usize>) -> bool {
        self.within(marker, words).next().is_some()
    }
}
