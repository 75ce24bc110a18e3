//! Phrases written once in base forms, matched against inflected text.
//!
//! A phrase is a sequence of words, each standing for a set of lemma keys (see [`crate::lemma`]).
//! Between two words a few other words may stand: `gap` for ordinary phrases (cue phrases allow
//! 2, aliases 0), up to [`LONG_GAP`] where the author wrote "…". Matching works on the word
//! positions of one clause or sentence; punctuation never counts as a word.

use std::hash::Hash;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lemma::{LemmaId, Lemmas, Lexicon};
use crate::segment::{TokenKind, segment};

/// Words allowed between two words of a phrase where the author wrote "…".
pub const LONG_GAP: usize = 8;

/// Words allowed between what a verb governs and the verb after it, in a cue matched with its
/// verb last: "harmonogramu Project Manager u naszych klientów nie przygotowuje".
pub const VERB_LAST_GAP: usize = 8;

#[derive(Debug, Clone)]
pub struct Phrase {
    text: Arc<str>,
    words: Vec<PhraseWord>,
    /// Where what the verb governs starts among the words, in a phrase that is a verb in the
    /// infinitive and what it governs ("ustalać priorytet", "prowadzić … warsztat", "zajmować
    /// się lista płac" after its "się"). Polish also puts the verb last ("Priorytetów nie
    /// ustala", "Listami płac się nie zajmuje"), so a cue may match that way too.
    governed: Option<usize>,
    /// Whether what the verb governs opens with a preposition ("decydować o zwolnienie"): it
    /// cannot be the verb's subject, as a bare noun can ("Menedżerowie … wspierają").
    prepositional: bool,
}

#[derive(Debug, Clone)]
struct PhraseWord {
    keys: Vec<LemmaId>,
    /// How many other words may stand before this one (after the previous phrase word).
    max_gap: usize,
}

impl Phrase {
    /// Compile `text` with the lexicon; `gap` is the default gap between words.
    /// Returns `None` for a phrase with no words.
    pub fn compile(text: &str, gap: usize, lexicon: &mut Lexicon) -> Option<Phrase> {
        let doc = segment(text);
        let mut words: Vec<PhraseWord> = Vec::new();
        let mut next_gap = 0;
        let mut exact = false;
        for token in &doc.tokens {
            let surface = token.span.slice(text);
            match token.kind {
                TokenKind::Punct if matches!(surface, "…" | "...") => next_gap = LONG_GAP,
                TokenKind::Punct => exact = surface == "=",
                TokenKind::Word | TokenKind::Number => {
                    let keys = if exact {
                        vec![lexicon.exact_word(surface)]
                    } else {
                        lexicon.rule_word(surface)
                    };
                    exact = false;
                    words.push(PhraseWord {
                        keys,
                        max_gap: if words.is_empty() {
                            0
                        } else {
                            next_gap.max(gap)
                        },
                    });
                    next_gap = 0;
                }
            }
        }
        let written: Vec<&str> = doc
            .tokens
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .map(|t| t.span.slice(text))
            .collect();
        let governed = written
            .first()
            .filter(|verb| is_infinitive(verb))
            .map(|_| {
                if written.get(1) == Some(&"się") {
                    2
                } else {
                    1
                }
            })
            .filter(|&g| g < written.len());
        let prepositional = governed.is_some_and(|g| PREPOSITIONS.contains(&written[g]));
        (!words.is_empty()).then(|| Phrase {
            text: text.into(),
            words,
            governed,
            prepositional,
        })
    }

    /// The phrase as the rule author wrote it.
    pub fn text(&self) -> &Arc<str> {
        &self.text
    }

    /// The most words a match can span.
    pub fn reach(&self) -> usize {
        self.words.iter().map(|w| w.max_gap + 1).sum()
    }

    /// Whether the phrase is a verb in the infinitive and what it governs ("zatwierdzać
    /// faktura"): see [`Phrase::governed`].
    pub fn opens_with_verb(&self) -> bool {
        self.governed.is_some()
    }

    /// Keys of the first word: a phrase can only start at a token carrying one of them.
    fn first_keys(&self) -> &[LemmaId] {
        &self.words[0].keys
    }

    /// Keys of the word a match with the verb last starts at, the first governed one: none for
    /// a phrase without [`Phrase::governed`] words.
    fn verb_last_keys(&self) -> &[LemmaId] {
        self.governed.map_or(&[], |g| &self.words[g].keys)
    }

    /// Keys of the second word when it must follow the first directly (no gap allowed).
    fn adjacent_second_keys(&self) -> Option<&[LemmaId]> {
        self.words
            .get(1)
            .filter(|w| w.max_gap == 0)
            .map(|w| w.keys.as_slice())
    }

    /// Match with the first word at `words[at]`; `words` holds token indices. Returns the index
    /// into `words` of the last matched word.
    pub fn match_at(&self, words: &[usize], at: usize, lemmas: &Lemmas) -> Option<usize> {
        if !shares(lemmas.of(*words.get(at)?), self.first_keys()) {
            return None;
        }
        self.match_rest(words, at, lemmas)
    }

    /// [`Phrase::match_at`] where the first word is known to match `words[at]`, as for a phrase
    /// a [`StartIndex`] gave for one of that word's keys.
    pub fn match_rest(&self, words: &[usize], at: usize, lemmas: &Lemmas) -> Option<usize> {
        match_following(&self.words[1..], words, at, lemmas)
    }

    /// Whether a match with the verb last needs a sign that the noun before the verb is its
    /// object, as the negation in "Priorytetów nie ustala" is (it puts the noun in the
    /// genitive): a noun before a verb is most often its subject ("Menedżerowie produktów
    /// wspierają …"). A preposition is such a sign itself ("O zwolnieniach decyduje").
    pub fn verb_last_needs_negation(&self) -> bool {
        !self.prepositional
    }

    /// Match a phrase that has [`Phrase::governed`] words with its verb last: those words from
    /// `words[at]` on, in order, then the verb at most [`VERB_LAST_GAP`] words after them.
    /// `words[at]` is known to match the first governed word. Returns the index of the verb.
    pub fn match_verb_last(&self, words: &[usize], at: usize, lemmas: &Lemmas) -> Option<usize> {
        let end = match_following(&self.words[self.governed? + 1..], words, at, lemmas)?;
        let last = (end + 1 + VERB_LAST_GAP).min(words.len().saturating_sub(1));
        (end + 1..=last).find(|&p| shares(lemmas.of(words[p]), self.first_keys()))
    }
}

/// Match `phrase_words` one after another, each within its gap, after the word matched at
/// `words[at]`. Returns the index into `words` of the last one matched. A gap does not count
/// particles ("odpowiada u nas również za sprzedaż"); where none is allowed, none is skipped.
fn match_following(
    phrase_words: &[PhraseWord],
    words: &[usize],
    at: usize,
    lemmas: &Lemmas,
) -> Option<usize> {
    let mut current = at;
    for word in phrase_words {
        let mut skipped = 0;
        let mut p = current + 1;
        current = loop {
            let &token = words.get(p)?;
            if shares(lemmas.of(token), &word.keys) {
                break p;
            }
            if word.max_gap == 0 || !lemmas.is_particle(token) {
                skipped += 1;
                if skipped > word.max_gap {
                    return None;
                }
            }
            p += 1;
        };
    }
    Some(current)
}

/// Prepositions that open what a verb governs: "decydować o", "odpowiadać za".
const PREPOSITIONS: &[&str] = &[
    "o", "za", "nad", "z", "ze", "w", "we", "na", "do", "od", "przy", "dla",
];

/// Whether a written word is a verb in the infinitive: it ends in "ć" after a vowel
/// ("ustalać", "prowadzić", "wziąć"), as no noun does but those in "-ęć" ("pamięć", "chęć"),
/// and those in "-ść" ("część") have a consonant before it.
pub fn is_infinitive(word: &str) -> bool {
    let mut letters = word.chars().rev();
    letters.next() == Some('ć') && letters.next().is_some_and(|c| "aeiouyąó".contains(c))
}

/// Endings of passive adjectival participles ("zatwierdzonych faktur", "prowadzona przez biuro
/// księgowość", "przyjęte zasady"), which the lexicon gives their verb's lemma: they say what
/// was done to something, not who does it.
const PASSIVE_PARTICIPLE_ENDINGS: &[&str] = &[
    "ony", "ona", "one", "onego", "onej", "onemu", "onym", "onych", "onymi", "oną", "eni", "any",
    "ana", "ane", "anego", "anej", "anemu", "anym", "anych", "anymi", "aną", "ani", "ęty", "ęta",
    "ęte", "ętego", "ętej", "ętym", "ętych", "ętymi", "ętą", "ęci",
];

/// Whether a written word that matched a rule's verb is its passive participle.
pub fn is_passive_participle(word: &str) -> bool {
    crate::lowercase::ends_with_one_of(word, PASSIVE_PARTICIPLE_ENDINGS)
}

/// Items indexed by the lemma keys of their phrases' first words, so that a search tries at
/// each word only the phrases that can start there. Lemma ids are dense (interned from 0), so
/// the index is an array by key, not a hash map: it is asked once for every key of every word
/// of every text.
#[derive(Debug, Clone)]
pub struct StartIndex<T> {
    /// `items[starts[key]..starts[key + 1]]` start with `key`; a key past the end starts none.
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T> Default for StartIndex<T> {
    fn default() -> Self {
        StartIndex {
            starts: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T: Copy + Eq + Hash> StartIndex<T> {
    /// Index each item by the keys of its phrase's first word; a key's items keep their
    /// order, repeats are dropped.
    pub fn new<'p>(phrases: impl IntoIterator<Item = (T, &'p Phrase)>) -> StartIndex<T> {
        StartIndex::by(phrases, Phrase::first_keys)
    }

    /// Index each item whose phrase has [`Phrase::governed`] words by the keys of the first of
    /// them, where a match with the verb last starts ([`Phrase::match_verb_last`]).
    pub fn verb_last<'p>(phrases: impl IntoIterator<Item = (T, &'p Phrase)>) -> StartIndex<T> {
        StartIndex::by(phrases, Phrase::verb_last_keys)
    }

    fn by<'p>(
        phrases: impl IntoIterator<Item = (T, &'p Phrase)>,
        keys: impl Fn(&'p Phrase) -> &'p [LemmaId],
    ) -> StartIndex<T> {
        let mut seen = FxHashSet::default();
        let mut entries: Vec<(LemmaId, T)> = phrases
            .into_iter()
            .flat_map(|(item, phrase)| keys(phrase).iter().map(move |&key| (key, item)))
            .filter(|e| seen.insert(*e))
            .collect();
        entries.sort_by_key(|&(key, _)| key);
        let len = entries.last().map_or(0, |&(key, _)| key as usize + 1);
        let mut starts = vec![0u32; len + 1];
        for &(key, _) in &entries {
            starts[key as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        StartIndex {
            starts,
            items: entries.into_iter().map(|(_, item)| item).collect(),
        }
    }

    /// The items whose phrase may start at a word with this key.
    pub fn get(&self, key: LemmaId) -> &[T] {
        let key = key as usize;
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&from), Some(&to)) => &self.items[from as usize..to as usize],
            _ => &[],
        }
    }
}

/// A [`StartIndex`] that also reads the next word: a phrase whose second word must follow
/// its first directly is indexed by the keys of both, so that a frequent first word ("w",
/// "nie", "na", which start dozens of marker phrases: "w Warszawie", "w dużych firmach") offers
/// only the phrases its next word can continue.
#[derive(Debug, Clone)]
pub struct PairIndex<T> {
    /// Phrases of one word, or whose second word may stand after a gap.
    single: StartIndex<T>,
    pairs: FxHashMap<(LemmaId, LemmaId), Vec<T>>,
    /// By key (lemma ids are dense): whether some phrase in `pairs` starts with it.
    paired_first: Vec<bool>,
}

impl<T> Default for PairIndex<T> {
    fn default() -> Self {
        PairIndex {
            single: StartIndex::default(),
            pairs: FxHashMap::default(),
            paired_first: Vec::new(),
        }
    }
}

impl<T: Copy + Eq + Hash> PairIndex<T> {
    pub fn new<'p>(phrases: impl IntoIterator<Item = (T, &'p Phrase)>) -> PairIndex<T> {
        let mut single = Vec::new();
        let mut pairs: FxHashMap<(LemmaId, LemmaId), Vec<T>> = FxHashMap::default();
        for (item, phrase) in phrases {
            match phrase.adjacent_second_keys() {
                Some(second) => {
                    for &first in phrase.first_keys() {
                        for &next in second {
                            let items = pairs.entry((first, next)).or_default();
                            if !items.contains(&item) {
                                items.push(item);
                            }
                        }
                    }
                }
                None => single.push((item, phrase)),
            }
        }
        let mut paired_first = Vec::new();
        for &(first, _) in pairs.keys() {
            let first = first as usize;
            if paired_first.len() <= first {
                paired_first.resize(first + 1, false);
            }
            paired_first[first] = true;
        }
        PairIndex {
            single: StartIndex::new(single),
            paired_first,
            pairs,
        }
    }

    /// Call `found` with every item whose phrase may start at a word with key `key` followed
    /// by a word with keys `next`.
    pub fn each(&self, key: LemmaId, next: &[LemmaId], mut found: impl FnMut(T)) {
        self.single.get(key).iter().copied().for_each(&mut found);
        if self.paired_first.get(key as usize) == Some(&true) {
            for &after in next {
                if let Some(items) = self.pairs.get(&(key, after)) {
                    items.iter().copied().for_each(&mut found);
                }
            }
        }
    }
}

/// Phrases looked for together, indexed by the keys of their first word.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    phrases: Vec<Phrase>,
    starting_with: StartIndex<usize>,
}

impl PhraseSet {
    pub fn new(phrases: Vec<Phrase>) -> PhraseSet {
        let starting_with = StartIndex::new(phrases.iter().enumerate());
        PhraseSet {
            phrases,
            starting_with,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The earliest match of each phrase in `words`, as `(phrase index, first, last)`, in
    /// phrase order; phrases that do not match are left out.
    pub fn matches(&self, words: &[usize], lemmas: &Lemmas) -> Vec<(usize, usize, usize)> {
        // Made at the first match: most word sequences match no phrase of a set.
        let mut earliest: Vec<Option<(usize, usize)>> = Vec::new();
        for at in 0..words.len() {
            for &key in lemmas.of(words[at]) {
                for &p in self.starting_with.get(key) {
                    if earliest.get(p).is_none_or(Option::is_none)
                        && let Some(last) = self.phrases[p].match_rest(words, at, lemmas)
                    {
                        if earliest.is_empty() {
                            earliest = vec![None; self.phrases.len()];
                        }
                        earliest[p] = Some((at, last));
                    }
                }
            }
        }
        earliest
            .into_iter()
            .enumerate()
            .filter_map(|(p, found)| found.map(|(first, last)| (p, first, last)))
            .collect()
    }

    /// The last word of the first phrase (in order) that matches at the first of `words`.
    pub fn match_at_start(&self, words: &[usize], lemmas: &Lemmas) -> Option<usize> {
        let &first = words.first()?;
        lemmas
            .of(first)
            .iter()
            .flat_map(|&key| self.starting_with.get(key))
            .filter_map(|&p| Some((p, self.phrases[p].match_rest(words, 0, lemmas)?)))
            .min()
            .map(|(_, last)| last)
    }

    /// The earliest match of the first phrase (in order) that matches anywhere in `words`.
    pub fn find(&self, words: &[usize], lemmas: &Lemmas) -> Option<(usize, usize)> {
        self.matches(words, lemmas)
            .first()
            .map(|&(_, first, last)| (first, last))
    }
}

fn shares(token: &[LemmaId], word: &[LemmaId]) -> bool {
    token.iter().any(|key| word.contains(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lemma::lemmatise;

    const TSV: &str = "buduje\tbudować\nbudować\tbudować\nrelacje\trelacja\nrelacja\trelacja\n\
                       trwałe\ttrwały\nz\tz\nklientami\tklient\nklient\tklient\n\
                       prowadzi\tprowadzić\nprowadzić\tprowadzić\nksięgowość\tksięgowość\n";

    fn matches(phrase: &str, gap: usize, text: &str) -> Option<String> {
        let mut lexicon = Lexicon::parse(TSV).unwrap();
        let phrase = Phrase::compile(phrase, gap, &mut lexicon).unwrap();
        let doc = segment(text);
        let lemmas = lemmatise(text, &doc, &lexicon);
        let words: Vec<usize> = doc
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind != TokenKind::Punct)
            .map(|(i, _)| i)
            .collect();
        let (first, last) = PhraseSet::new(vec![phrase]).find(&words, &lemmas)?;
        let span = doc.tokens[words[first]]
            .span
            .cover(&doc.tokens[words[last]].span);
        Some(span.slice(text).to_owned())
    }

    #[test]
    fn inflected_forms_match_with_small_gaps() {
        assert_eq!(
            matches(
                "budować relacja z klient",
                2,
                "On buduje trwałe relacje z klientami."
            )
            .as_deref(),
            Some("buduje trwałe relacje z klientami")
        );
        assert_eq!(matches("budować relacja", 0, "buduje trwałe relacje"), None);
    }

    #[test]
    fn a_gap_does_not_count_particles_where_one_is_allowed() {
        let tsv = format!("{TSV}u\tu\nnas\tmy\nrównież\trównież\n");
        let mut lexicon = Lexicon::parse(&tsv).unwrap();
        let phrase = Phrase::compile("prowadzić księgowość", 2, &mut lexicon).unwrap();
        let exact = Phrase::compile("prowadzić księgowość", 0, &mut lexicon).unwrap();
        let particle = lexicon.rule_word("również");
        lexicon.set_particles(particle);
        let text = "prowadzi u nas również księgowość";
        let doc = segment(text);
        let lemmas = lemmatise(text, &doc, &lexicon);
        let words: Vec<usize> = (0..doc.tokens.len()).collect();
        assert_eq!(phrase.match_rest(&words, 0, &lemmas), Some(4));
        assert_eq!(exact.match_rest(&words, 0, &lemmas), None);
        let text = "prowadzi u nas zawsze księgowość";
        let doc = segment(text);
        let lemmas = lemmatise(text, &doc, &lexicon);
        assert_eq!(phrase.match_rest(&words, 0, &lemmas), None);
    }

    #[test]
    fn a_pair_index_offers_adjacent_phrases_only_before_their_second_word() {
        let mut lexicon = Lexicon::parse(TSV).unwrap();
        let adjacent = Phrase::compile("z klient", 0, &mut lexicon).unwrap();
        let gapped = Phrase::compile("budować … relacja", 0, &mut lexicon).unwrap();
        let index = PairIndex::new([(1, &adjacent), (2, &gapped)]);
        let text = "buduje relacje z klientami";
        let doc = segment(text);
        let lemmas = lemmatise(text, &doc, &lexicon);
        let offered = |at: usize, next: usize| {
            let mut items = Vec::new();
            for &key in lemmas.of(at) {
                index.each(key, lemmas.of(next), |item| items.push(item));
            }
            items
        };
        assert_eq!(offered(0, 1), [2]);
        assert_eq!(offered(2, 3), [1]);
        assert!(offered(2, 1).is_empty());
    }

    #[test]
    fn ellipsis_allows_a_long_gap() {
        let text = "prowadzi w małej firmie z Krakowa całą księgowość";
        assert_eq!(matches("prowadzić księgowość", 2, text), None);
        assert_eq!(
            matches("prowadzić … księgowość", 2, text).as_deref(),
            Some("prowadzi w małej firmie z Krakowa całą księgowość")
        );
    }
}
