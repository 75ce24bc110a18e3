//! lemmatise: word tokens → lemma keys.
//!
//! Owns the form→lemma lexicon (`rules/lexicon.tsv`, generated from morfeusz2 by
//! `tools/gen_lexicon.py`) and the Snowball fallback for words it lacks. Rule phrases and text
//! tokens go through the same lexicon, so "relacjami" in a text and "relacja" in a rule meet at
//! one [`LemmaId`]. A word the lexicon does not know matches a rule word only by Snowball stem,
//! and only when the stem is long enough not to conflate short words (dział/działa → "dz").
//! A form the lexicon marks as being in the first person singular ("wystawiam") also carries
//! one more key, [`Lexicon::first_person`]. In a block typed without Polish letters a word is
//! also every form the lexicon lists that is written so without them ("ksiegowa", "sie"), with
//! the features those forms share unless the word is a form without them ("dostawalem" is in
//! the past; "opisuje" is not in the first person).
//! Each token is marked whether it is a particle, which a phrase's gap does not count.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap, FxHashSet as HashSet};

use snowstem::{Algorithm, Stemmer};

use crate::lowercase;
use crate::segment::{Doc, TokenKind};

/// An interned lemma.
pub type LemmaId = u32;

/// Stems shorter than this (in characters) are too ambiguous to match on.
const MIN_STEM_CHARS: usize = 4;

/// The form→lemma lexicon plus the lemmas rules introduced.
pub struct Lexicon {
    /// The forms of the lexicon, one after another: [`Form`]s point into it.
    form_text: String,
    /// Every form of the lexicon, found by its text. Stored as places in `form_text` and
    /// `form_lemmas` rather than a string and a list each: allocating and freeing those for
    /// 30 000 forms took 10 of the 51 ms of a run on one small file.
    forms: HashTable<Form>,
    form_lemmas: Vec<LemmaId>,
    lemmas: Vec<Box<str>>,
    lemma_ids: HashMap<Box<str>, LemmaId>,
    /// How many forms of the lexicon list each lemma, by [`LemmaId`].
    forms_of_lemma: Vec<u32>,
    /// Snowball stems of rule lemmas, for text words the lexicon lacks. Not of a lemma the
    /// lexicon lists with one form only, a word that does not inflect ("podobno"): no other
    /// word is a form of it, and its stem would take in unlisted forms of others ("podobną").
    by_stem: HashMap<String, Vec<LemmaId>>,
    /// The first three characters of every stem in `by_stem`. Snowball keeps a word's first
    /// three characters in any stem that long (it cuts endings, changes only a stem's last
    /// letter, and drops a leading "naj"), so a word whose start is not here has no stem in
    /// `by_stem`, and is not stemmed at all: most text words are not.
    stem_heads: HashSet<Box<str>>,
    /// Rule words that match one written form only ("=czasem" is not any form of "czas"),
    /// for forms the lexicon lacks; a form it lists carries its exact key among its lemmas.
    exact: HashMap<Box<str>, LemmaId>,
    /// The keys each rule word was given ([`Lexicon::rule_word`]), by the word as written.
    rule_words: HashMap<Box<str>, Vec<LemmaId>>,
    /// By lemma: whether it is a particle's, one a phrase's gap does not count
    /// ([`Lexicon::set_particles`]).
    particle_lemmas: Vec<bool>,
    /// The lemmas of every form written with Polish letters, by the form without them
    /// ("ksiegowa" → "księgowa"), for text typed without them: made at its first use.
    without_diacritics: std::sync::OnceLock<HashMap<Box<str>, Vec<LemmaId>>>,
    stemmer: Stemmer,
}

/// A form of the lexicon: `form_text[start..end]`, with lemmas `form_lemmas[lemmas]`.
struct Form {
    start: u32,
    end: u32,
    lemmas: (u32, u32),
}

/// The features a lexicon line may list in its third column, comma-separated, and the key a
/// form with each carries among its lemmas. No rule word can be such a key: the tokenizer never
/// makes a word of "@".
/// - `1sg`: a verb (or "ja") in the first person singular: "wystawiam", "zrobiłam", "będę"
///   (see [`Lexicon::first_person`]);
/// - `past`: a verb in the past tense only: "zarabiał", "pracowali" (see [`Lexicon::past`]);
/// - `name`: a form of a first name: "Ewa", "Kasi", "Tomkiem" (see [`Lexicon::first_name`]).
const FEATURES: &[(&str, &str)] = &[
    ("1sg", FIRST_PERSON_KEY),
    ("past", PAST_KEY),
    ("name", FIRST_NAME_KEY),
];
const FIRST_PERSON_KEY: &str = "@1sg";
const PAST_KEY: &str = "@past";
const FIRST_NAME_KEY: &str = "@name";

/// A malformed lexicon line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "wiersz {line} leksykonu nie ma postaci „forma<TAB>lemat|lemat…” ani „forma<TAB>lemat|lemat…<TAB>cecha,cecha” (cechy: 1sg, past, name)"
)]
pub struct LexiconError {
    pub line: usize,
}

impl Lexicon {
    /// Parse `form\tlemma|lemma…` lines, with a third column of [`FEATURES`] for a form in
    /// the first person singular or in the past tense; `#` starts a comment line.
    pub fn parse(tsv: &str) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon {
            form_text: String::with_capacity(tsv.len() / 2),
            forms: HashTable::with_capacity(tsv.len() / 24),
            form_lemmas: Vec::with_capacity(tsv.len() / 12),
            lemmas: Vec::new(),
            lemma_ids: HashMap::default(),
            forms_of_lemma: Vec::new(),
            by_stem: HashMap::default(),
            stem_heads: HashSet::default(),
            exact: HashMap::default(),
            rule_words: HashMap::default(),
            particle_lemmas: Vec::new(),
            without_diacritics: std::sync::OnceLock::new(),
            stemmer: Stemmer::create(Algorithm::Polish),
        };
        for (index, line) in split_at(tsv, b'\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let malformed = LexiconError { line: index + 1 };
            let mut columns = split_at(line, b'\t');
            let (Some(form), Some(lemmas), features, None) = (
                columns.next(),
                columns.next(),
                columns.next(),
                columns.next(),
            ) else {
                return Err(malformed);
            };
            if form.is_empty() || lemmas.is_empty() {
                return Err(malformed);
            }
            let first = lexicon.form_lemmas.len();
            for lemma in split_at(lemmas, b'|') {
                let id = lexicon.intern(lemma);
                lexicon.form_lemmas.push(id);
                let index = id as usize;
                if lexicon.forms_of_lemma.len() <= index {
                    lexicon.forms_of_lemma.resize(index + 1, 0);
                }
                lexicon.forms_of_lemma[index] += 1;
            }
            for feature in features.into_iter().flat_map(|f| f.split(',')) {
                let Some(&(_, key)) = FEATURES.iter().find(|(name, _)| *name == feature) else {
                    return Err(malformed);
                };
                let id = lexicon.intern(key);
                lexicon.form_lemmas.push(id);
            }
            let lemmas = (offset(first), offset(lexicon.form_lemmas.len()));
            lexicon.add_form(form, lemmas);
        }
        Ok(lexicon)
    }

    /// Add `form` with these lemmas, replacing the lemmas of an earlier line of the same form.
    fn add_form(&mut self, form: &str, lemmas: (u32, u32)) {
        let Lexicon {
            form_text, forms, ..
        } = self;
        let text_of = |f: &Form| &form_text[f.start as usize..f.end as usize];
        match forms.entry(
            FxBuildHasher.hash_one(form),
            |f| text_of(f) == form,
            |f| FxBuildHasher.hash_one(text_of(f)),
        ) {
            hashbrown::hash_table::Entry::Occupied(mut earlier) => {
                earlier.get_mut().lemmas = lemmas
            }
            hashbrown::hash_table::Entry::Vacant(place) => {
                let start = offset(form_text.len());
                form_text.push_str(form);
                place.insert(Form {
                    start,
                    end: offset(form_text.len()),
                    lemmas,
                });
            }
        }
    }

    /// The lemmas of `form`, if the lexicon lists it.
    fn form(&self, form: &str) -> Option<&[LemmaId]> {
        let text = self.form_text.as_bytes();
        self.forms
            .find(FxBuildHasher.hash_one(form), |f| {
                text[f.start as usize..f.end as usize] == *form.as_bytes()
            })
            .map(|f| self.lemmas_of(f))
    }

    /// The lemma keys a form of the lexicon carries, its [`FEATURES`] keys among them.
    fn lemmas_of(&self, form: &Form) -> &[LemmaId] {
        &self.form_lemmas[form.lemmas.0 as usize..form.lemmas.1 as usize]
    }

    /// Whether a key is one of [`FEATURES`]' ("@1sg", "@past", "@name"), not a lemma.
    pub fn is_feature(&self, id: LemmaId) -> bool {
        let key = &*self.lemmas[id as usize];
        FEATURES.iter().any(|&(_, feature)| feature == key)
    }

    fn intern(&mut self, lemma: &str) -> LemmaId {
        if let Some(&id) = self.lemma_ids.get(lemma) {
            return id;
        }
        let id = LemmaId::try_from(self.lemmas.len()).expect("fewer than 2^32 lemmas");
        self.lemmas.push(lemma.into());
        self.lemma_ids.insert(lemma.into(), id);
        id
    }

    /// The lemma a rule word stands for. A base form stands for itself; an inflected form
    /// ("projektu") for its lemmas; a word in capitals ("KAM") only for itself in capitals.
    /// Words the lexicon lacks become lemmas of their own, matched in texts by stem.
    pub fn rule_word(&mut self, word: &str) -> Vec<LemmaId> {
        if let Some(ids) = self.rule_words.get(word) {
            return ids.clone();
        }
        let ids = self.new_rule_word(word);
        self.rule_words.insert(word.into(), ids.clone());
        ids
    }

    /// [`Lexicon::rule_word`] for a word not asked for before: most rule words stand in many
    /// phrases ("klient", "zespół"), and stemming their lemmas was a third of compiling them.
    fn new_rule_word(&mut self, word: &str) -> Vec<LemmaId> {
        if is_capitals(word) {
            return vec![self.intern(word)];
        }
        let lower = word.to_lowercase();
        let ids = if let Some(&id) = self.lemma_ids.get(lower.as_str()) {
            vec![id]
        } else if let Some(ids) = self.lookup_form(&lower) {
            // Not the exact key an "=form" rule word put among the form's lemmas.
            ids.iter()
                .copied()
                .filter(|&id| !self.lemmas[id as usize].starts_with('='))
                .collect()
        } else {
            vec![self.intern(&lower)]
        };
        for &id in &ids {
            if self.forms_of_lemma.get(id as usize) == Some(&1) {
                continue;
            }
            let stem = self.stemmer.stem(&self.lemmas[id as usize]).into_owned();
            if stem.chars().count() >= MIN_STEM_CHARS {
                self.stem_heads.insert(head(&stem).into());
                let entry = self.by_stem.entry(stem).or_default();
                if !entry.contains(&id) {
                    entry.push(id);
                }
            }
        }
        ids
    }

    /// A rule word that matches exactly this lower-case form and no other. A form the
    /// lexicon lists gets the key first among its lemmas, so a text word is looked up once.
    pub fn exact_word(&mut self, word: &str) -> LemmaId {
        let lower = word.to_lowercase();
        let id = self.intern(&format!("={lower}"));
        match self.form(&lower).map(<[LemmaId]>::to_vec) {
            Some(lemmas) if !lemmas.contains(&id) => {
                let first = offset(self.form_lemmas.len());
                self.form_lemmas.push(id);
                self.form_lemmas.extend(lemmas);
                self.add_form(&lower, (first, offset(self.form_lemmas.len())));
            }
            Some(_) => {}
            None => {
                self.exact.insert(lower.into(), id);
            }
        }
        id
    }

    fn lookup_form(&self, lower: &str) -> Option<&[LemmaId]> {
        self.form(lower).or_else(|| {
            let bare = lower.trim_end_matches('.');
            (bare.len() < lower.len())
                .then(|| self.form(bare))
                .flatten()
        })
    }

    /// The lemmas of the forms that `lower`, a word typed without Polish letters, stands for,
    /// beyond its own if it is a form too.
    fn forms_without_diacritics(&self, lower: &str) -> Option<&[LemmaId]> {
        self.without_diacritics
            .get_or_init(|| {
                // With each form without its letters, the features every form written so
                // carries.
                let mut by_bare: HashMap<Box<str>, (Vec<LemmaId>, Vec<LemmaId>)> =
                    HashMap::default();
                for form in &self.forms {
                    let text = &self.form_text[form.start as usize..form.end as usize];
                    if let Some(bare) = lowercase::without_diacritics(text) {
                        let keys = self.lemmas_of(form);
                        let features = keys.iter().copied().filter(|&id| self.is_feature(id));
                        let (ids, shared) = by_bare
                            .entry(bare.into())
                            .or_insert_with(|| (Vec::new(), features.clone().collect()));
                        shared.retain(|id| features.clone().any(|feature| feature == *id));
                        for &id in keys {
                            if !ids.contains(&id) && !self.is_feature(id) {
                                ids.push(id);
                            }
                        }
                    }
                }
                // Beyond the keys the word has as a form of its own: a feature all those forms
                // share holds for a word typed so that is no form ("dostawalem" is
                // "dostawałem", in the past), not for one that is: "opisuje" is "opisuję"
                // typed without its letters, but far more often the third person.
                by_bare
                    .into_iter()
                    .map(|(bare, (mut ids, features))| {
                        let own = self.form(&bare).unwrap_or_default();
                        ids.retain(|id| !own.contains(id));
                        if own.is_empty() {
                            ids.extend(features);
                        }
                        (bare, ids)
                    })
                    .collect()
            })
            .get(lower)
            .map(Vec::as_slice)
    }

    /// Whether `lower` may have a stem in `by_stem` (see `stem_heads`).
    fn may_have_stem(&self, lower: &str) -> bool {
        self.stem_heads.contains(head(lower))
            || lower
                .strip_prefix("naj")
                .is_some_and(|rest| self.stem_heads.contains(head(rest)))
    }

    /// Lemma keys of one word as written in a text, appended to `keys`; `lower` is a buffer
    /// for the lower-case word, reused across words.
    /// Where `bare` is set, the word stands in a block typed without Polish letters, and is
    /// looked up also as any form the lexicon lists that is written so without them.
    fn word_keys_with(
        &self,
        surface: &str,
        bare: bool,
        lower: &mut String,
        keys: &mut Vec<LemmaId>,
    ) {
        if surface.starts_with(char::is_uppercase) {
            let stem_of_abbreviation = surface.split_once('-').map_or(surface, |(stem, _)| stem);
            if is_capitals(stem_of_abbreviation) {
                keys.extend(self.lemma_ids.get(stem_of_abbreviation));
            }
        }
        lower.clear();
        lowercase::push(surface, lower);
        let lower = lower.as_str();
        if !self.exact.is_empty() {
            keys.extend(self.exact.get(lower));
        }
        let listed = if let Some(ids) = self.lookup_form(lower) {
            keys.extend_from_slice(ids);
            true
        } else if let Some(&id) = self.lemma_ids.get(lower) {
            keys.push(id);
            true
        } else {
            false
        };
        // Typed without Polish letters, a word the lexicon lists may stand for another too:
        // "sie" is "się".
        let without = bare.then(|| self.forms_without_diacritics(lower)).flatten();
        if let Some(ids) = without {
            keys.extend_from_slice(ids);
        }
        if !listed
            && without.is_none()
            && self.may_have_stem(lower)
            && let Some(ids) = self.by_stem.get(self.stemmer.stem(lower).as_ref())
        {
            keys.extend_from_slice(ids);
        }
    }

    /// Make the words with one of `particles` among their lemmas particles: words that stand
    /// between a verb and what it governs ("odpowiada u nas również za sprzedaż") and that a
    /// phrase's gap does not count ([`Lemmas::is_particle`]).
    pub fn set_particles(&mut self, particles: Vec<LemmaId>) {
        self.particle_lemmas.clear();
        for id in particles {
            let index = id as usize;
            if self.particle_lemmas.len() <= index {
                self.particle_lemmas.resize(index + 1, false);
            }
            self.particle_lemmas[index] = true;
        }
    }

    /// The key that a form in the first person singular ("wystawiam", "zrobiłam", "ja")
    /// carries among its lemma keys, so that `roles` can ask [`Lemmas::of`] a token whether
    /// it is one. `None` when the lexicon marks no form so.
    pub fn first_person(&self) -> Option<LemmaId> {
        self.lemma_ids.get(FIRST_PERSON_KEY).copied()
    }

    /// The key that a form in the past tense only ("zarabiał", "pracowali") carries among its
    /// lemma keys, so that `extract` can tell a claim about a former state. `None` when the
    /// lexicon marks no form so.
    pub fn past(&self) -> Option<LemmaId> {
        self.lemma_ids.get(PAST_KEY).copied()
    }

    /// The key that a form of a first name ("Ewa", "Kasi") carries among its lemma keys, so
    /// that `roles` can tell a person named in a text. `None` when the lexicon marks no form so.
    pub fn first_name(&self) -> Option<LemmaId> {
        self.lemma_ids.get(FIRST_NAME_KEY).copied()
    }

    /// Whether the lexicon lists this lower-case form: a capitalised word it does not list may
    /// be a firm's name (`roles::offers`); the rule-coverage test asks it of rule words.
    pub fn knows_form(&self, lower: &str) -> bool {
        self.lookup_form(lower).is_some()
    }
}

/// The parts of `text` between the ASCII byte `separator`: what `str::split` gives, without its
/// searcher's setup for each of a lexicon's 45 000 short lines (a third of loading it).
fn split_at(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let part = rest?;
        match part.bytes().position(|b| b == separator) {
            Some(at) => {
                rest = Some(&part[at + 1..]);
                Some(&part[..at])
            }
            None => {
                rest = None;
                Some(part)
            }
        }
    })
}

/// An offset into the lexicon's text or lemma list: a rule set's lexicon file is at most
/// `rules::MAX_RULE_FILE_BYTES`, far below 4 GiB.
fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("a lexicon under 4 GiB")
}

/// "KAM", "HRBP", "PM2": two or more characters, every letter a capital.
/// The first three characters of `word` (all of it, if shorter).
fn head(word: &str) -> &str {
    word.char_indices()
        .nth(3)
        .map_or(word, |(end, _)| &word[..end])
}

fn is_capitals(word: &str) -> bool {
    word.chars().count() >= 2
        && word.chars().any(char::is_uppercase)
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Lemma keys for every token of a document; punctuation has none.
pub struct Lemmas {
    offsets: Vec<u32>,
    keys: Vec<LemmaId>,
    /// By token: whether it is one of the lexicon's particles.
    particles: Vec<bool>,
}

impl Lemmas {
    /// The lemma keys of token `index`.
    pub fn of(&self, index: usize) -> &[LemmaId] {
        &self.keys[self.offsets[index] as usize..self.offsets[index + 1] as usize]
    }

    /// Whether token `index` is a particle ([`Lexicon::set_particles`]).
    pub fn is_particle(&self, index: usize) -> bool {
        self.particles[index]
    }
}

/// Look up every word token of `doc` (whose spans point into `text`). A number before "%"
/// or "proc." is looked up as "%", a form of "procent": "4% ofert" reads as "4 procent ofert"
/// does, and a phrase with "procent" matches either, starting at the number.
pub fn lemmatise(text: &str, doc: &Doc, lexicon: &Lexicon) -> Lemmas {
    let mut offsets = Vec::with_capacity(doc.tokens.len() + 1);
    let mut keys = Vec::with_capacity(doc.tokens.len() * 2);
    let mut particles = Vec::with_capacity(doc.tokens.len());
    offsets.push(0);
    let mut lower = String::new();
    let bare_blocks = blocks_without_diacritics(text, doc);
    let mut bare = bare_blocks.iter().peekable();
    for (i, token) in doc.tokens.iter().enumerate() {
        while bare.next_if(|block| block.end <= i).is_some() {}
        match token.kind {
            TokenKind::Word => {
                let in_bare_block = bare.peek().is_some_and(|block| block.contains(&i));
                lexicon.word_keys_with(
                    token.span.slice(text),
                    in_bare_block,
                    &mut lower,
                    &mut keys,
                );
            }
            TokenKind::Number
                if doc.tokens.get(i + 1).is_some_and(|next| {
                    matches!(next.span.slice(text), "%" | "proc." | "proc")
                }) =>
            {
                lexicon.word_keys_with("%", false, &mut lower, &mut keys);
            }
            TokenKind::Number | TokenKind::Punct => {}
        }
        let start = *offsets.last().unwrap_or(&0) as usize;
        particles.push(keys[start..].iter().any(|&k| {
            lexicon
                .particle_lemmas
                .get(k as usize)
                .is_some_and(|&particle| particle)
        }));
        offsets.push(u32::try_from(keys.len()).expect("fewer than 2^32 lemma keys per file"));
    }
    Lemmas {
        offsets,
        keys,
        particles,
    }
}

/// Words a block has at least to tell that it is typed without Polish letters: a short line
/// ("- SQL, Excel") may just have none.
const BARE_BLOCK_WORDS: usize = 4;

/// The token ranges of the blocks written with no Polish letter: a forum post typed in a hurry
/// ("ksiegowa nie prowadzi ksiag"), in which a word may be any of the lexicon's forms written
/// without them. In text with Polish letters a word without them is what it says.
fn blocks_without_diacritics(text: &str, doc: &Doc) -> Vec<std::ops::Range<usize>> {
    let mut blocks: Vec<std::ops::Range<usize>> = Vec::new();
    for (n, sentence) in doc.sentences.iter().enumerate() {
        match blocks.last_mut() {
            Some(last) if n > 0 && doc.sentences[n - 1].block == sentence.block => {
                last.end = sentence.tokens.end;
            }
            _ => blocks.push(sentence.tokens.clone()),
        }
    }
    blocks.retain(|block| {
        let tokens = &doc.tokens[block.clone()];
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return false;
        };
        // Most blocks have a Polish letter within their first words: asked first.
        !first
            .span
            .cover(&last.span)
            .slice(text)
            .contains(lowercase::is_polish_letter)
            && tokens.iter().filter(|t| t.kind == TokenKind::Word).count() >= BARE_BLOCK_WORDS
    });
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "# test\nkierownik\tkierownik\nkierownikiem\tkierownik\n\
                       projektu\tprojekt\nprojekt\tprojekt\ndział\tdział|działo|dziać\n\
                       działa\tdziałać|działo|dziać\n";

    fn keys(lexicon: &Lexicon, word: &str) -> Vec<LemmaId> {
        let mut keys = Vec::new();
        lexicon.word_keys_with(word, false, &mut String::new(), &mut keys);
        keys
    }

    #[test]
    fn rule_words_and_inflected_text_words_meet() {
        let mut lexicon = Lexicon::parse(TSV).unwrap();
        let kierownik = lexicon.rule_word("kierownik");
        let projekt = lexicon.rule_word("projektu");
        assert_eq!(keys(&lexicon, "Kierownikiem"), kierownik);
        assert_eq!(keys(&lexicon, "projektu"), projekt);
    }

    #[test]
    fn a_block_typed_without_polish_letters_finds_the_forms_that_have_them() {
        let lexicon = Lexicon::parse(
            "księgowa\tksięgowa\nksiąg\tksięga\nsie\tsi\nsię\tsię\nopisuje\topisywać\n\
             opisuję\topisywać\t1sg\ndostawałem\tdostawać\t1sg,past\n",
        )
        .unwrap();
        let of = |text: &str, word: usize| {
            let doc = crate::segment::segment(text);
            let lemmas = lemmatise(text, &doc, &lexicon);
            lemmas.of(word).to_vec()
        };
        let ksiegowa = keys(&lexicon, "księgowa");
        assert_eq!(of("ksiegowa nie prowadzi ksiag", 0), ksiegowa);
        // A block with Polish letters is typed with them: a word without is what it says.
        assert!(of("ksiegowa nie prowadzi ksiąg", 0).is_empty());
        // A listed form stands also for the one written with the letters, not for features
        // it lacks itself: "opisuje" is no first person.
        let sie = [keys(&lexicon, "sie"), keys(&lexicon, "się")].concat();
        assert_eq!(of("ksiegowa nie zajmuje sie ksiegami", 3), sie);
        assert_eq!(
            of("ksiegowa opisuje faktury kosztowe", 1),
            keys(&lexicon, "opisywać")
        );
        // A word no form is written as takes the features of the forms it stands for.
        assert_eq!(
            of("wtedy dostawalem 3800 zl na reke", 1),
            keys(&lexicon, "dostawałem")
        );
        // Each block is asked on its own: a reply typed without them under a post with them.
        assert_eq!(
            of("Księgowa pracuje.\n\nksiegowa nie prowadzi ksiag", 3),
            ksiegowa
        );
    }

    #[test]
    fn base_form_rule_word_stands_for_itself_only() {
        let mut lexicon = Lexicon::parse(TSV).unwrap();
        let dzial = lexicon.rule_word("dział");
        assert_eq!(dzial.len(), 1);
        assert!(!keys(&lexicon, "działa").contains(&dzial[0]));
    }

    #[test]
    fn unknown_words_fall_back_to_long_stems_only() {
        let mut lexicon = Lexicon::parse(TSV).unwrap();
        let owner = lexicon.rule_word("ownerka");
        assert_eq!(keys(&lexicon, "ownerki"), owner);
        assert!(keys(&lexicon, "xyz").is_empty());
    }

    #[test]
    fn a_word_that_does_not_inflect_matches_no_unlisted_word_by_stem() {
        // Blind set u: "podobną" (missing from the lexicon) stemmed like "podobno", a marker
        // of reported speech, and "chcą pójść podobną drogą" read as hearsay.
        let mut lexicon = Lexicon::parse(
            "podobno\tpodobno\nprojekt\tprojekt\nprojektu\tprojekt\nprojekty\tprojekt\n",
        )
        .unwrap();
        lexicon.rule_word("podobno");
        let projekt = lexicon.rule_word("projekt");
        assert!(keys(&lexicon, "podobną").is_empty());
        assert_eq!(keys(&lexicon, "projektami"), projekt);
    }

    #[test]
    fn capitals_match_with_inflection_suffix() {
        let mut lexicon = Lexicon::parse(TSV).unwrap();
        let kam = lexicon.rule_word("KAM");
        assert_eq!(keys(&lexicon, "KAM-a"), kam);
        assert_eq!(keys(&lexicon, "KAM"), kam);
        assert!(keys(&lexicon, "kam").is_empty());
    }

    #[test]
    fn a_later_line_of_the_same_form_replaces_its_lemmas() {
        let mut lexicon = Lexicon::parse("działa\tdziałać\ndziała\tdziało|dziać\n").unwrap();
        let dzialo = lexicon.rule_word("działo");
        let dziac = lexicon.rule_word("dziać");
        let dzialac = lexicon.rule_word("działać");
        let found = keys(&lexicon, "działa");
        assert_eq!(found, [dzialo[0], dziac[0]]);
        assert!(!found.contains(&dzialac[0]));
        assert!(lexicon.knows_form("działa") && !lexicon.knows_form("dział"));
    }

    #[test]
    fn an_exact_rule_word_matches_its_form_only() {
        let mut lexicon = Lexicon::parse("czasem\tczas\nczas\tczas\nczasu\tczas\n").unwrap();
        let exact = lexicon.exact_word("czasem");
        let time = lexicon.rule_word("czasem");
        assert_eq!(keys(&lexicon, "Czasem"), [exact, time[0]]);
        assert_eq!(keys(&lexicon, "czasu"), time);
        assert!(
            !time.contains(&exact),
            "a plain rule word is not the exact one"
        );
        let unknown = lexicon.exact_word("bywa");
        assert_eq!(keys(&lexicon, "bywa"), [unknown]);
    }

    #[test]
    fn malformed_line_is_reported_with_its_number() {
        assert_eq!(
            Lexicon::parse("a\tb\nbroken\n").err(),
            Some(LexiconError { line: 2 })
        );
        for bad in [
            "a\tb\tplural\n",
            "a\tb\t1sg\textra\n",
            "a\t\t1sg\n",
            "a\tb\t1sg,plural\n",
            "a\tb\t\n",
        ] {
            assert_eq!(
                Lexicon::parse(bad).err(),
                Some(LexiconError { line: 1 }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn first_person_forms_carry_the_first_person_key() {
        let lexicon = Lexicon::parse("wystawiam\twystawiać\t1sg\nwystawia\twystawiać\n").unwrap();
        let first_person = lexicon.first_person().expect("a form is marked");
        assert!(keys(&lexicon, "Wystawiam").contains(&first_person));
        assert!(!keys(&lexicon, "wystawia").contains(&first_person));
        assert_eq!(Lexicon::parse(TSV).unwrap().first_person(), None);
    }

    #[test]
    fn forms_of_a_first_name_carry_the_name_key_and_share_its_lemma() {
        let lexicon =
            Lexicon::parse("ewa\tewa\tname\newy\tewa\tname\nmarka\tmarek|marka\n").unwrap();
        let name = lexicon.first_name().expect("a form is marked");
        assert!(keys(&lexicon, "Ewy").contains(&name));
        assert!(lexicon.is_feature(name));
        let lemma = |form: &str| -> Vec<LemmaId> {
            keys(&lexicon, form)
                .into_iter()
                .filter(|&key| !lexicon.is_feature(key))
                .collect()
        };
        assert_eq!(lemma("Ewa"), lemma("Ewy"));
        assert!(!keys(&lexicon, "Marka").contains(&name));
        assert_eq!(Lexicon::parse(TSV).unwrap().first_name(), None);
    }

    #[test]
    fn past_forms_carry_the_past_key_beside_the_first_person_key() {
        let lexicon = Lexicon::parse(
            "zarabiał\tzarabiać\tpast\nzrobiłam\tzrobić\t1sg,past\nzarabia\tzarabiać\n",
        )
        .unwrap();
        let past = lexicon.past().expect("a form is marked");
        let first_person = lexicon.first_person().expect("a form is marked");
        assert!(keys(&lexicon, "Zarabiał").contains(&past));
        assert!(!keys(&lexicon, "zarabiał").contains(&first_person));
        assert!(keys(&lexicon, "zrobiłam").contains(&past));
        assert!(keys(&lexicon, "zrobiłam").contains(&first_person));
        assert!(!keys(&lexicon, "zarabia").contains(&past));
        assert_eq!(Lexicon::parse(TSV).unwrap().past(), None);
    }
}
