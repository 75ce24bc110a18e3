//! people: the persons a text names by first name, and the role each was introduced with.
//!
//! A team page, an interview or an onboarding guide introduces people with their roles ("Ewa
//! jest naszą księgową", "Poznajcie Kasię, naszą scrum masterkę", "księgowa pani Joanna") and
//! then speaks of them by name ("Ewa pracuje w pełni zdalnie z Gdańska"): what it says of such
//! a person, it says of the role. A person named without a role, or with the one they held
//! before ("Anna, była rekruterka"), is somebody else: a clause that opens with their name
//! ("Tomek akurat pracuje zdalnie") is about no role. A first name is a capitalised word the
//! lexicon marks as a form of one (the `name` feature), so "Kasię" and "Kasia" are one person.

use crate::lemma::{LemmaId, Lemmas, Lexicon};
use crate::lowercase;
use crate::segment::Doc;

use super::{BODY_PREPOSITIONS, Mention, ONCE_WAS, RoleIdx, side_by_side};

/// A first name among a sentence's words.
#[derive(Debug, Clone)]
pub(super) struct Name {
    /// Index among the sentence's words.
    pub at: usize,
    /// The name's lemma keys: two names are one person's when they share one.
    keys: Vec<LemmaId>,
}

impl Name {
    /// Whether the name opens the clause of `words[clause]` as its subject, a verb or another
    /// word after it ("Tomek akurat pracuje zdalnie"), not as an address ("Droga Marto, …"),
    /// a speaker's label ("Tomasz Wrona: Zwykle tak") or a heading ("Ewa"). A surname may
    /// stand between.
    pub(super) fn opens(
        &self,
        source: &str,
        doc: &Doc,
        words: &[usize],
        clause: std::ops::Range<usize>,
    ) -> bool {
        let opener = super::opener_len(source, doc, &words[clause.clone()]);
        let next = self.at + 1 + usize::from(has_surname(source, doc, words, self));
        (self.at == clause.start || self.at == clause.start + opener)
            && clause.contains(&next)
            && side_by_side(words, self.at, next)
    }
}

/// The persons named so far, each with the role they were last introduced with, if any.
#[derive(Debug, Default)]
pub(super) struct People {
    known: Vec<(Vec<LemmaId>, Option<RoleIdx>)>,
}

/// Words between a name and a role that introduce the person with it: "Ewa jest naszą
/// księgową", "Tomasz pracuje jako Project Manager", "Kinga od dwóch lat jest HR Business
/// Partnerką", "Ewa to nasza księgowa", "Iza została office managerką".
const INTRODUCING: &[&str] = &[
    "jest",
    "jako",
    "to",
    "zostaje",
    "został",
    "została",
    "pozostaje",
];

/// Words between a name and a role that make it a role the person held once, or does not hold:
/// "Anna, była rekruterka", "Marek, który wcześniej był kierownikiem projektu", "Ola nie jest
/// księgową".
const NOT_NOW: &[&str] = &[
    "był",
    "była",
    "było",
    "byli",
    "były",
    "wcześniej",
    "kiedyś",
    "dawniej",
    "niegdyś",
    "dawna",
    "nie",
];

/// Words a name and the role it is introduced with may have between them: "Marta Sobczak od
/// czterech lat pracuje jako HR Business Partner", "Pawła, który od czterech lat pracuje jako
/// account manager".
const WORDS_BETWEEN: usize = 6;

/// Words between a name and a role set off by a comma or a dash after the name: "Poznajcie
/// Kasię, naszą scrum masterkę", "Ola – analityczka biznesowa".
const APPOSITION_WORDS: usize = 2;

/// Words a role may stand apart from a name that follows it: "księgowa pani Joanna".
const TITLES: &[&str] = &["pani", "pan"];

/// The first names among `words` (a sentence's words): capitalised forms the lexicon marks as
/// names.
fn names_in(
    source: &str,
    doc: &Doc,
    words: &[usize],
    lemmas: &Lemmas,
    lexicon: &Lexicon,
) -> Vec<Name> {
    let Some(name) = lexicon.first_name() else {
        return Vec::new();
    };
    words
        .iter()
        .enumerate()
        .filter(|&(_, &w)| {
            let word = doc.tokens[w].span.slice(source);
            word.starts_with(char::is_uppercase)
                && word.chars().skip(1).all(|c| !c.is_uppercase())
                && lemmas.of(w).contains(&name)
        })
        .map(|(at, &w)| Name {
            at,
            keys: lemmas
                .of(w)
                .iter()
                .copied()
                .filter(|&key| !lexicon.is_feature(key))
                .collect(),
        })
        .collect()
}

impl People {
    /// Take note of the persons a sentence of `words` names, and of the role it introduces
    /// each with; the names it finds, for [`People::subject`].
    pub(super) fn meet(
        &mut self,
        source: &str,
        doc: &Doc,
        words: &[usize],
        mentions: &[Mention],
        lemmas: &Lemmas,
        lexicon: &Lexicon,
    ) -> Vec<Name> {
        let names = names_in(source, doc, words, lemmas, lexicon);
        let word = |at: usize| doc.tokens[words[at]].span.slice(source);
        let past = lexicon.past();
        let mention_at = |mention: &Mention| words.iter().position(|&w| w == mention.tokens.start);
        for (n, name) in names.iter().enumerate() {
            let next_name = names.get(n + 1).map_or(usize::MAX, |next| next.at);
            let now = |between: std::ops::Range<usize>| {
                between.clone().all(|at| {
                    !lowercase::is_one_of(word(at), NOT_NOW)
                        && !lowercase::is_one_of(word(at), ONCE_WAS)
                        && (lowercase::starts_with(word(at), "zosta")
                            || past.is_none_or(|key| !lemmas.of(words[at]).contains(&key)))
                })
            };
            let last = name.at + usize::from(has_surname(source, doc, words, name));
            let set_off = doc
                .tokens
                .get(words[last] + 1)
                .is_some_and(|t| matches!(t.span.slice(source), "," | "–" | "—" | "("));
            let after = mentions.iter().find_map(|mention| {
                let at = mention_at(mention)?;
                let between = last + 1..at;
                (at > name.at
                    && at < next_name
                    && between.len() <= WORDS_BETWEEN
                    && now(between.clone())
                    && ((set_off && between.len() <= APPOSITION_WORDS)
                        || between
                            .clone()
                            .any(|b| lowercase::is_one_of(word(b), INTRODUCING))))
                .then_some(mention.role)
            });
            let before = || {
                mentions.iter().find_map(|mention| {
                    let last = words.iter().position(|&w| w + 1 == mention.tokens.end)?;
                    let titled =
                        last + 2 == name.at && lowercase::is_one_of(word(last + 1), TITLES);
                    let next = last + 1 == name.at
                        && words[name.at] - words[last] <= 2
                        && (side_by_side(words, last, name.at)
                            || matches!(
                                doc.tokens[words[last] + 1].span.slice(source),
                                "," | "–" | "—"
                            ));
                    (next || (titled && side_by_side(words, last, name.at))).then_some(mention.role)
                })
            };
            if let Some(role) = after.or_else(before) {
                self.bind(name, Some(role));
            } else if self.known(name).is_none() {
                self.bind(name, None);
            }
        }
        names
    }

    fn bind(&mut self, name: &Name, role: Option<RoleIdx>) {
        self.known.retain(|(keys, _)| !shares_key(keys, &name.keys));
        self.known.push((name.keys.clone(), role));
    }

    fn known(&self, name: &Name) -> Option<Option<RoleIdx>> {
        self.known
            .iter()
            .rev()
            .find(|(keys, _)| shares_key(keys, &name.keys))
            .map(|&(_, role)| role)
    }

    /// The person a clause of `words[clause]` is about, if it names one as its subject (not
    /// after a preposition: "jeździ z Piotrem"), with the role they hold, if the text gave one.
    pub(super) fn subject<'n>(
        &self,
        source: &str,
        doc: &Doc,
        words: &[usize],
        names: &'n [Name],
        clause: std::ops::Range<usize>,
    ) -> Option<(&'n Name, Option<RoleIdx>)> {
        let name = names.iter().find(|name| {
            clause.contains(&name.at)
                && !(name.at >= 1
                    && side_by_side(words, name.at - 1, name.at)
                    && lowercase::is_one_of(
                        doc.tokens[words[name.at - 1]].span.slice(source),
                        BODY_PREPOSITIONS,
                    ))
        })?;
        Some((name, self.known(name).flatten()))
    }
}

/// Whether a surname follows the name: a capitalised word right after it ("Ola Kamińska").
fn has_surname(source: &str, doc: &Doc, words: &[usize], name: &Name) -> bool {
    words.get(name.at + 1).is_some_and(|&w| {
        doc.tokens[w]
            .span
            .slice(source)
            .starts_with(char::is_uppercase)
            && side_by_side(words, name.at, name.at + 1)
    })
}

fn shares_key(a: &[LemmaId], b: &[LemmaId]) -> bool {
    a.iter().any(|key| b.contains(key))
}
