//! roles: which role each clause talks about.
//!
//! Finds role mentions by alias (multi-word, inflected, abbreviated: "kierownikiem projektu",
//! "KAM-a"), preferring the longest alias at each place, then gives every clause a subject:
//! the first role named in the clause, or — where Polish leaves the subject implicit or uses
//! "on", "jego", "osoba na tym stanowisku" — the role talked about last. A clause in the first
//! person ("Nie prowadzę daily") is about the speaker's role, when the text says what it is
//! ("pracuję jako Scrum Master", "Rozmowa z …, office managerką"), and about no role when it
//! does not. Comparisons give each clause its own role because `segment` already split them.
//! In a forum thread every sentence also gets its [`Voice`]: whose post it is; in a digest of
//! job offers, whose offer ([`offers`]); in a note revising the text, the note's
//! ([`revisions`]). A person the text introduced with a role ("Ewa jest naszą księgową")
//! speaks for it when named again, and one it gave no role speaks for none ([`people`]). Does
//! not extract claims.

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

mod offers;
mod people;
mod revisions;

use crate::lemma::Lemmas;
use crate::lowercase;
use crate::markers::Markers;
use crate::rules::{Marker, RoleIdx, RuleSet};
use crate::segment::{self, Doc, Layout, Sentence, TokenKind};

/// One place where a text names a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub role: RoleIdx,
    /// Index of the alias in the role's alias list.
    pub alias: usize,
    /// Token indices in the document.
    pub tokens: Range<usize>,
    pub sentence: usize,
    /// False inside a relative clause (", które są domeną rekrutera"): such a mention names
    /// the role but is not what the clause talks about.
    pub subject_candidate: bool,
}

/// How a clause's subject was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    /// The clause names the role.
    Named,
    /// The clause refers back with a pronoun or "ta rola", "osoba na tym stanowisku".
    Anaphor,
    /// The subject is left implicit and carried over from earlier clauses.
    Carried,
    /// The clause is in the first person, and the text says what role the speaker holds.
    Speaker,
    /// The clause names a person the text introduced with their role: "Ewa jest naszą
    /// księgową. … Ewa pracuje w pełni zdalnie".
    Person,
}

/// The role a clause talks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClauseRole {
    pub role: RoleIdx,
    pub subject: Subject,
    /// Token index where the subject mention starts, if named; else where the clause starts.
    pub start: usize,
    /// Token index where the subject mention ends (claims come after it), if named.
    pub after: usize,
    /// A second role the clause talks about: "obie role", "obu" mean the two named last.
    pub also: Option<RoleIdx>,
}

#[derive(Debug, Clone, Default)]
pub struct Attribution {
    pub mentions: Vec<Mention>,
    /// For every sentence, for every clause: the role it talks about.
    pub clauses: Vec<Vec<Option<ClauseRole>>>,
    /// For every sentence: whose words it is, [`Voice::Text`] or a forum poster's.
    pub voices: Vec<Voice>,
}

/// Whose words a sentence is: the text's own, those of a poster of a forum thread, named as
/// the header of their posts names them ("kasia_mokotow napisała:"), or those of one
/// employer's offer in a digest of offers, named by its header ("FinRise, Gdańsk – Junior
/// Scrum Master"; see [`offers`]), or those of a note revising the text, named by its header
/// ("Aktualizacja (marzec 2026)"; see [`revisions`]). Claims of different voices are not
/// compared within a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Voice {
    #[default]
    Text,
    Poster(Arc<str>),
    Offer(Arc<str>),
    Revision(Arc<str>),
}

impl Voice {
    /// The poster's name, if these are a poster's words.
    pub fn poster(&self) -> Option<&str> {
        match self {
            Voice::Poster(name) => Some(name),
            Voice::Text | Voice::Offer(_) | Voice::Revision(_) => None,
        }
    }

    /// The offer's header, if these are the words of an offer in a digest.
    pub fn offer(&self) -> Option<&str> {
        match self {
            Voice::Offer(header) => Some(header),
            Voice::Text | Voice::Poster(_) | Voice::Revision(_) => None,
        }
    }

    /// The header of the note revising the text, if these are its words.
    pub fn revision(&self) -> Option<&str> {
        match self {
            Voice::Revision(header) => Some(header),
            Voice::Text | Voice::Poster(_) | Voice::Offer(_) => None,
        }
    }
}

/// Find mentions and give every clause its role.
pub fn find_roles(
    source: &str,
    doc: &Doc,
    lemmas: &Lemmas,
    markers: &[Markers],
    rules: &RuleSet,
) -> Attribution {
    let mut attribution = Attribution::default();
    let sentence_mentions: Vec<Vec<Mention>> = markers
        .iter()
        .enumerate()
        .map(|(s, markers)| mentions_in(source, doc, markers.words(), lemmas, rules, s))
        .collect();
    let sentence_mentions = resolve_shared(sentence_mentions, rules);
    let offers = offers::offers(source, doc, &sentence_mentions, &rules.lexicon);
    let revisions = revisions::revisions(source, doc, markers);
    // A text that names no known role describes a role of its own (an occupation
    // description): everything it says is about that one unnamed role.
    // Roles named only as partners ("współpraca z kierownikami projektów") do not count.
    let unnamed = sentence_mentions
        .iter()
        .flatten()
        .all(|m| !m.subject_candidate);
    let mut current: Option<RoleIdx> = unnamed.then_some(rules.unnamed);
    let mut named_roles: Vec<RoleIdx> = Vec::new();
    // The two roles named last, the latest at the end.
    let mut recent: Vec<RoleIdx> = Vec::new();
    // Every role named so far, with whether its last name was a feminine form ("Office
    // Managerka"): what "on" and "ona" agree with.
    let mut feminine: Vec<(RoleIdx, bool)> = Vec::new();
    let mut previous: Option<&Sentence> = None;
    // Whether the current block is about the role talked about: one of its clauses had a
    // role, or a question of it asked ("Jakie narzędzia warto znać?" in a FAQ is about the
    // role of the text, and its answer carries that role).
    let mut block_about_role = false;
    // The role a clause about another person or body ("zarząd ma własne wsparcie") set aside:
    // in a text that names one role, the next block is about that role again.
    let mut set_aside: Option<RoleIdx> = None;
    // The role a clause about another person or body names after its subject, which a pronoun
    // in the clause after points at: "Zespół developerski podlega Scrum Masterowi – to on jest
    // ich przełożonym".
    let mut named_aside: Option<RoleIdx> = None;
    // The role the sentence before named last, if it named one.
    let mut last_named_before: Option<RoleIdx> = None;
    // Whether the current block has named a role yet.
    let mut block_names_role = false;
    let first_person = rules.lexicon.first_person();
    // Whether word `at` of a sentence is a form in the first person, and neither a verb of
    // saying or thinking ("Powiem wprost: …", "Myślę, że …", "Mam dobrą wiadomość: …") nor in
    // a relative clause ("większość ofert, które widzę, to praca hybrydowa").
    let is_first_person = |markers: &Markers, at: usize| {
        let sentence = markers.words();
        first_person.is_some_and(|key| lemmas.of(sentence[at]).contains(&key))
            && !markers
                .matches(Marker::FirstPersonExcept)
                .any(|(first, _)| first == at)
            && !in_relative_clause(source, doc, sentence[0], sentence[at])
    };
    let in_first_person = |markers: &Markers, words: Range<usize>| {
        words.into_iter().any(|at| is_first_person(markers, at))
    };
    // The role each sentence declares its speaker's, if any: not one the speaker was once
    // ("Przez osiem lat byłam księgową") rather than the one they write from ("Od dwóch lat
    // jestem analityczką biznesową"; "zaczynałam jako HR Business Partnerka" still is one).
    // With it, whether the declaring verb is in the present.
    let past = rules.lexicon.past();
    let declarations: Vec<Option<(RoleIdx, bool)>> = doc
        .sentences
        .iter()
        .zip(&sentence_mentions)
        .zip(markers)
        .map(|((sentence, mentions), markers)| {
            let in_past =
                |at: usize| past.is_some_and(|key| lemmas.of(markers.words()[at]).contains(&key));
            let declares = |at: usize| {
                is_first_person(markers, at)
                    && !lowercase::is_one_of(
                        doc.tokens[markers.words()[at]].span.slice(source),
                        ONCE_WAS,
                    )
            };
            let declared = declared_speaker(source, doc, sentence, mentions, markers, declares)?;
            let now = declared_speaker(source, doc, sentence, mentions, markers, |at| {
                declares(at) && !in_past(at)
            });
            Some((declared, now.is_some()))
        })
        .collect();
    // The speaker's role in the whole text: one its opening declares, as a blog post or an
    // interview does in its title or lead.
    let text_speaker = doc
        .sentences
        .iter()
        .zip(&declarations)
        .take_while(|(sentence, _)| sentence.block < OPENING_BLOCKS)
        .find_map(|(_, declared)| declared.map(|(role, _)| role));
    // A declaration further on holds to the end of its block (one answer's in a readers' Q&A:
    // "Piotr: Od dziesięciu lat pracuję jako księgowy"), or in a forum thread for all the
    // poster's posts.
    let mut block_speaker = None;
    // The role the part of the text at hand is about: the one its title names alone
    // ("Przedstawiciel handlowy – region Wielkopolska"), then the one the last heading named
    // alone ("## Product Owner"; a heading comparing roles leaves it). A heading or a question
    // that names no role ("Co oferujemy", "Kogo szukamy") returns to it, so a role named in
    // passing before ("Rozmowy z sieciami prowadzi nasz Key Account Manager") is not what the
    // next section is about.
    let mut frame = sentence_mentions
        .first()
        .filter(|_| doc.sentences.first().is_some_and(|s| s.block == 0))
        .and_then(|mentions| only_role(mentions));
    // The posters of a forum thread by name, each with the role they declared, if any, and
    // the one whose post this is.
    let mut posters: Vec<(Arc<str>, Option<RoleIdx>)> = Vec::new();
    let mut poster: Option<usize> = None;
    let mut people = people::People::default();
    for (index, ((sentence, mentions), markers)) in doc
        .sentences
        .iter()
        .zip(sentence_mentions)
        .zip(markers)
        .enumerate()
    {
        if let Some(name) = post_header(source, doc, index, markers) {
            poster = Some(
                match posters.iter().position(|(known, _)| **known == *name) {
                    Some(n) => n,
                    None => {
                        posters.push((Arc::from(name), None));
                        posters.len() - 1
                    }
                },
            );
        }
        // A question that names no role asks about the text's role too: "Jak wygląda typowy
        // tydzień?" after a paragraph that ends on the external accountant.
        let names_role = mentions.iter().any(|m| m.subject_candidate);
        if sentence.layout == Layout::Heading && names_role {
            frame = only_role(&mentions).or(frame);
        } else if (sentence.layout == Layout::Heading || sentence.is_question(source))
            && !names_role
            && frame.is_some()
        {
            current = frame;
        }
        let poster_speaker = poster.and_then(|n| posters[n].1);
        // An answer ("U nas wymagamy co najmniej pięciu lat doświadczenia") is about the role
        // its question asked of ("Jakiego doświadczenia potrzeba, żeby zostać HR Business
        // Partnerem?"), in an interview or a FAQ that names other roles too.
        let answers_question =
            previous.is_some_and(|p| p.block != sentence.block && p.is_question(source));
        if previous.is_some_and(|p| p.block != sentence.block) {
            named_aside = None;
            block_speaker = poster_speaker;
            block_about_role = false;
            block_names_role = false;
            if current.is_none() && named_roles.len() <= 1 {
                current = set_aside.take();
            }
        }
        // An implicit subject carries within a paragraph about a role, from a title or
        // heading into what follows, and through lists; into a new paragraph only when the
        // text has named one role so far, or when the role is the one the title or the last
        // heading named alone (the paragraphs of a section "## Product Owner" are its).
        // Otherwise a new paragraph needs a name or an anaphor ("On", "Ta rola"), and until
        // one comes (or a question), its later sentences do not carry the role either
        // ("Prawie wszyscy respondenci mają samochód służbowy", 27).
        // A role declared further on in the past ("Jako księgowa nie miałam kontaktu z
        // klientem") is the speaker's former one, not the text's speaker's now.
        let declared_here = declarations[index]
            .filter(|&(role, now)| now || text_speaker.is_none_or(|speaker| speaker == role))
            .map(|(role, _)| role);
        if let (Some(role), Some(n)) = (declared_here, poster) {
            posters[n].1 = Some(role);
        }
        block_speaker = declared_here.or(block_speaker);
        // The opening's speaker is the text's, not a poster's.
        let speaker = block_speaker.or(text_speaker.filter(|_| poster.is_none()));
        let carries_into_block = previous
            .is_none_or(|p| p.layout != Layout::Prose || sentence.layout != Layout::Prose)
            || named_roles.len() <= 1
            || (frame.is_some() && current == frame)
            || unnamed
            || answers_question;
        // The name a role was last given, this sentence's included: "Rekruter musi umieć
        // negocjować – to on uzgadnia …" after "rekruterka" earlier is about the recruiter.
        for mention in &mentions {
            let named_feminine = is_feminine_name(mention.tokens.clone(), source, doc);
            feminine.retain(|&(r, _)| r != mention.role);
            feminine.push((mention.role, named_feminine));
        }
        let names = people.meet(
            source,
            doc,
            markers.words(),
            &mentions,
            lemmas,
            &rules.lexicon,
        );
        let mut clause_roles = Vec::with_capacity(sentence.clauses.len());
        for clause in &sentence.clauses {
            let clause_words = markers.range_of(clause);
            let opens_with = |marker: Marker| {
                let words = &markers.words()[clause_words.clone()];
                markers.within(marker, clause_words.clone()).any(|first| {
                    let at = first - clause_words.start;
                    at == 0
                        || at == opener_len(source, doc, words)
                        || (marker == Marker::Anaphor && at == 1 && governs(source, doc, words[0]))
                })
            };
            // "To stanowisko wymaga …, dlatego trudno porównywać je z rolą rekrutera": a clause
            // that opens by referring back keeps its role even if it names another one later.
            let named = mentions
                .iter()
                .find(|m| m.subject_candidate && clause.contains(&m.tokens.start))
                .filter(|m| {
                    current.is_none()
                        || markers.words().get(clause_words.start) == Some(&m.tokens.start)
                        || !opens_with(Marker::Anaphor)
                });
            // "Ewa pracuje w pełni zdalnie" is about the role Ewa was introduced with; "Tomek
            // akurat pracuje zdalnie", of a Tomek the text gave no role, is about no role, in a
            // text that names more than one (in a text about one role, as a profile of one of
            // its holders, Tomek is likely one).
            let person = match named {
                Some(_) => None,
                None => people.subject(source, doc, markers.words(), &names, clause_words.clone()),
            };
            if let Some((name, None)) = person
                && named_roles.len() > 1
                && name.opens(source, doc, markers.words(), clause_words.clone())
            {
                if !unnamed {
                    set_aside = current.or(set_aside);
                    current = None;
                }
                clause_roles.push(None);
                continue;
            }
            let person = person.and_then(|(name, role)| {
                let token = markers.words()[name.at];
                role.map(|role| ClauseRole {
                    role,
                    subject: Subject::Person,
                    start: token,
                    after: token + 1,
                    also: None,
                })
            });
            // "Dyrektor finansowy akceptuje faktury": a clause that opens with another person or
            // body as its subject is about neither the role talked about nor any other. A text
            // that names no role is about its unnamed role to the end: the clause is skipped,
            // what follows is about that role again; and its first clause names that role
            // ("Specjaliści ds. zamówień publicznych wspierają …"), whatever noun it uses.
            let opens_unnamed_text =
                unnamed && attribution.clauses.is_empty() && clause_roles.is_empty();
            let speaks = named.is_none()
                && person.is_none()
                && in_first_person(markers, clause_words.clone());
            // "ja" opens the clause of a writer whose role the text does not give.
            let not_the_roles = named.is_none()
                && person.is_none()
                && (!speaks || speaker.is_none())
                && !opens_unnamed_text;
            if not_the_roles
                && opens_with(Marker::OtherSubject)
                && !opens_with(Marker::OtherSubjectExcept)
                && !labels_a_field(source, doc, &markers.words()[clause_words.clone()])
            {
                // The employer is a side remark in a text about the role: "Firma dofinansowuje
                // kursy ACCA. Od kandydatów wymagane są …" goes on about the role.
                if !unnamed && !opens_with(Marker::Employer) {
                    set_aside = current.or(set_aside);
                    current = None;
                }
                named_aside = mentions
                    .iter()
                    .rev()
                    .find(|m| clause.contains(&m.tokens.start))
                    .map(|m| m.role);
                clause_roles.push(None);
                continue;
            }
            // A body named after the verb is this clause's subject only; the text goes on
            // about the role ("– zadanie to realizuje Zespół Zapewnienia Jakości. Może jednak
            // zostać poproszony o udział w testach").
            if not_the_roles && names_body_after_verb(source, doc, markers, clause_words.clone()) {
                clause_roles.push(None);
                continue;
            }
            let role = match named {
                Some(mention) => {
                    current = Some(mention.role);
                    Some(ClauseRole {
                        role: mention.role,
                        subject: Subject::Named,
                        start: mention.tokens.start,
                        after: mention.tokens.end,
                        also: None,
                    })
                }
                None if person.is_some() => {
                    current = person.map(|p| p.role);
                    person
                }
                None if speaks => speaker.map(|role| ClauseRole {
                    role,
                    subject: Subject::Speaker,
                    start: clause.start,
                    after: clause.start,
                    also: None,
                }),
                None if recent.len() == 2 && markers.any(Marker::Both, clause_words.clone()) => {
                    Some(ClauseRole {
                        role: recent[1],
                        subject: Subject::Anaphor,
                        start: clause.start,
                        after: clause.start,
                        also: Some(recent[0]),
                    })
                }
                None => current
                    .or_else(|| {
                        named_aside.filter(|_| markers.any(Marker::Anaphor, clause_words.clone()))
                    })
                    .and_then(|role| {
                        let anaphors: Vec<usize> = markers
                            .within(Marker::Anaphor, clause_words.clone())
                            .filter(|&at| !is_negation(doc, source, markers.words()[at]))
                            .collect();
                        let anaphor = !anaphors.is_empty();
                        // "wspiera Cię zespół przedstawicieli handlowych … Do tej roli przyjmujemy
                        // również osoby bez doświadczenia": a demonstrative points at the role the
                        // sentence before named last, not at the one it was about, unless this
                        // sentence has named its role already ("w przypadku Scrum Mastera … – osoby
                        // z doświadczeniem w tej roli").
                        let named_in_sentence = clause_roles
                            .iter()
                            .flatten()
                            .any(|r: &ClauseRole| r.subject == Subject::Named);
                        // "Ona zamawia karty, on negocjuje warunki": "on" and "ona" take the one of
                        // the two roles named last whose name agrees with them.
                        let role = match pronoun_gender(source, doc, markers, &anaphors) {
                            Some(wanted) if gender_of(&feminine, role) == Some(!wanted) => recent
                                .iter()
                                .rev()
                                .find(|&&r| r != role && gender_of(&feminine, r) == Some(wanted))
                                .copied()
                                .unwrap_or(role),
                            _ => role,
                        };
                        let demonstrative = anaphors.iter().any(|&at| {
                            let word = doc.tokens[markers.words()[at]].span.slice(source);
                            lowercase::is_one_of(word, DEMONSTRATIVES)
                        });
                        // In a paragraph that has named no role yet, "na tym stanowisku" is the post
                        // the title or the section's heading is about, not a role the paragraph
                        // before ended on ("Za stronę finansową odpowiada nasza księgowa. ¶ … na
                        // tym stanowisku płacimy 96 000–108 000 zł").
                        let role = match (last_named_before, frame) {
                            _ if named_in_sentence || !demonstrative => role,
                            (_, Some(framed)) if !block_names_role => framed,
                            (Some(last), _) => last,
                            _ => role,
                        };
                        let subject = if anaphor {
                            Subject::Anaphor
                        } else if carries_into_block || block_about_role {
                            Subject::Carried
                        } else {
                            return None;
                        };
                        Some(ClauseRole {
                            role,
                            subject,
                            start: clause.start,
                            after: clause.start,
                            also: None,
                        })
                    }),
            };
            // The role a pronoun took from a clause about another body is talked about now.
            if current.is_none()
                && let Some(found) = role.filter(|r| r.subject == Subject::Anaphor)
            {
                current = Some(found.role);
            }
            if role.is_some() {
                named_aside = None;
            }
            block_about_role |= role.is_some();
            clause_roles.push(role);
        }
        block_about_role |= sentence.is_question(source);
        block_names_role |= !mentions.is_empty();
        for mention in &mentions {
            if !named_roles.contains(&mention.role) {
                named_roles.push(mention.role);
            }
            recent.retain(|&r| r != mention.role);
            recent.push(mention.role);
            if recent.len() > 2 {
                recent.remove(0);
            }
        }
        previous = Some(sentence);
        last_named_before = mentions.last().map(|m| m.role);
        attribution.mentions.extend(mentions);
        attribution.clauses.push(clause_roles);
        attribution
            .voices
            .push(match (poster, &offers[index], &revisions[index]) {
                (Some(n), ..) => Voice::Poster(posters[n].0.clone()),
                (None, Some(header), _) => Voice::Offer(header.clone()),
                (None, None, Some(header)) => Voice::Revision(header.clone()),
                (None, None, None) => Voice::Text,
            });
    }
    attribution
}

/// Whether the clause at `words` (a range of the sentence's words) has another person or body
/// as its subject after its verb, as Polish may put it: "Procesy rekrutacyjne prowadzi Zespół
/// Rekrutacji", "Za aktualizację polityki odpowiada Dyrektor Personalny". Such a subject is
/// one of the `other_subjects` written with a capital inside the clause, as the name of a unit
/// or a post is, or in any case when the clause opens with a demonstrative for what was just
/// said ("Nie odpowiadasz za sprzedaż – tym zajmuje się zespół sprzedaży", corpus/182; "za to
/// odpowiada dział kadr"), and not after a preposition ("raportuje do Dyrektor Personalnej").
fn names_body_after_verb(source: &str, doc: &Doc, markers: &Markers, words: Range<usize>) -> bool {
    let word = |at: usize| doc.tokens[markers.words()[at]].span.slice(source);
    // "tym zajmuje się …", "za to odpowiada …"; not the particle "To" ("To do niego klient
    // dzwoni z reklamacją", corpus/01: the clause is still about the role).
    let demonstrative =
        |at: usize| lowercase::is_one_of(word(at), &["tym", "tego", "temu", "tymi"]);
    let points_back = words.start < words.end
        && (demonstrative(words.start)
            || (words.start + 1 < words.end
                && lowercase::is_one_of(word(words.start), &["za", "o", "na", "nad", "przy"])
                && (demonstrative(words.start + 1)
                    || lowercase::is_one_of(word(words.start + 1), &["to"]))));
    markers
        .within(Marker::OtherSubject, words.clone())
        .any(|at| {
            at > words.start
                && (points_back || word(at).starts_with(char::is_uppercase))
                && !lowercase::is_one_of(word(at - 1), BODY_PREPOSITIONS)
        })
}

/// Words a form's label may have: "Zespół bezpośredni: 3 osoby".
const LABEL_WORDS: usize = 3;

/// Whether the clause at `words` opens with a form's label, a few words closed by ":" or by a
/// table's "|", and a count follows: "Zespół bezpośredni: 3 osoby", "| Zespół | 6 osób |".
/// Such a label names the size of the role's own team, not another subject ("Właściciel
/// strony: Zespół People & Culture" still is one).
fn labels_a_field(source: &str, doc: &Doc, words: &[usize]) -> bool {
    words.iter().take(LABEL_WORDS).any(|&w| {
        let after = &doc.tokens[w + 1..];
        segment::label_end(source, after)
            .is_some_and(|end| after.get(end).is_some_and(|t| t.kind == TokenKind::Number))
    })
}

/// Prepositions before which a body named with a capital is no subject: "do Zarządu", "dla
/// Dyrektora", "z Działem Kadr".
const BODY_PREPOSITIONS: &[&str] = &[
    "do",
    "dla",
    "od",
    "z",
    "ze",
    "u",
    "przy",
    "przez",
    "o",
    "na",
    "w",
    "we",
    "po",
    "wobec",
    "między",
    "pomiędzy",
    "nad",
    "pod",
    "za",
    "przed",
];

/// The one role these mentions name as a subject, if they name exactly one.
fn only_role(mentions: &[Mention]) -> Option<RoleIdx> {
    let mut roles = mentions
        .iter()
        .filter(|m| m.subject_candidate)
        .map(|m| m.role);
    let first = roles.next()?;
    roles.all(|role| role == first).then_some(first)
}

/// The poster's name if sentence `index` is a forum post's header: alone in its block, at most
/// [`POST_HEADER_WORDS`] words, either ending with ":" with a `post_header` verb
/// ("kasia_mokotow napisała:"; the name is what stands before the verb) or after a nickname
/// ([`is_nickname`]: "ola_ux:", "marcin.w (fintech, Warszawa):"), or a comment's byline
/// as [`segment::is_byline`] tells one ("Iza_z_Lublina · 2 dni temu"; the name is what stands
/// before the "·"). A short heading with a "·" ("Kariera · Sprzedaż") is no byline.
fn post_header<'s>(source: &'s str, doc: &Doc, index: usize, markers: &Markers) -> Option<&'s str> {
    let sentence = &doc.sentences[index];
    let words = markers.words();
    if !doc.alone_in_block(index) || words.len() > POST_HEADER_WORDS {
        return None;
    }
    let ends_with_colon = sentence
        .tokens
        .clone()
        .last()
        .is_some_and(|last| doc.tokens[last].span.slice(source) == ":");
    let name_end = if ends_with_colon {
        match markers.within(Marker::PostHeader, 0..words.len()).next() {
            Some(verb) => doc.tokens[words[verb]].span.start(),
            None => {
                let colon = doc.tokens[sentence.tokens.end - 1].span.start();
                let nick = &source[sentence.span.start()..colon];
                let nick = nick.split_once(" (").map_or(nick, |(nick, _)| nick).trim();
                if !is_nickname(nick) {
                    return None;
                }
                sentence.span.start() + nick.len()
            }
        }
    } else {
        if !segment::is_byline(sentence.span.slice(source).trim()) {
            return None;
        }
        let dot = sentence
            .tokens
            .clone()
            .find(|&t| doc.tokens[t].span.slice(source) == "·")?;
        doc.tokens[dot].span.start()
    };
    let name = &source[sentence.span.start()..name_end];
    Some(name.trim()).filter(|name| !name.is_empty())
}

/// Whether a header's name is a forum nickname, as no heading is: one word with "_", "." or a
/// digit in it ("kasia_agile:", "marcin.w (fintech, Warszawa):", "Tomasz_K:").
fn is_nickname(name: &str) -> bool {
    !name.is_empty()
        && !name.contains(char::is_whitespace)
        && name.contains(|c: char| c == '_' || c == '.' || c.is_ascii_digit())
        && !name.ends_with('.')
}

/// Words a forum post's header has at most: "Anna K. (księgowa) odpowiedziała:".
const POST_HEADER_WORDS: usize = 6;

/// Whether the last word of a role's name is a feminine form: "Office Managerka",
/// "kierowniczką projektu" ends in "projektu", so only names whose last word is the head noun
/// tell ("rekruterkę", "księgowa").
fn is_feminine_name(tokens: Range<usize>, source: &str, doc: &Doc) -> bool {
    let Some(last) = tokens
        .clone()
        .rev()
        .find(|&t| doc.tokens[t].kind == TokenKind::Word)
    else {
        return false;
    };
    const FEMININE_ENDINGS: &[&str] = &[
        "ka", "ki", "kę", "ką", "kom", "kami", "kach", "owa", "owej", "ową",
    ];
    lowercase::ends_with_one_of(doc.tokens[last].span.slice(source), FEMININE_ENDINGS)
}

/// The gender of a role's last name, if it was named.
fn gender_of(feminine: &[(RoleIdx, bool)], role: RoleIdx) -> Option<bool> {
    feminine.iter().find(|&&(r, _)| r == role).map(|&(_, f)| f)
}

/// Whether the clause's anaphor is "ona" (feminine: `Some(true)`) or "on" (`Some(false)`);
/// `None` for the others: "jej" and "jego" are as often a thing's ("Znajomość SQL nie jest
/// wymagana – nauczysz się jej"), "ta osoba" and "to stanowisko" have no gender of a name.
fn pronoun_gender(source: &str, doc: &Doc, markers: &Markers, anaphors: &[usize]) -> Option<bool> {
    let first = *anaphors.first()?;
    let word = doc.tokens[markers.words()[first]].span.slice(source);
    if lowercase::is_one_of(word, &["ona"]) {
        Some(true)
    } else if lowercase::is_one_of(word, &["on"]) {
        Some(false)
    } else {
        None
    }
}

/// Forms of "ten" that open a demonstrative anaphor ("ta rola", "tej roli", "to stanowisko").
const DEMONSTRATIVES: &[&str] = &["ten", "ta", "to", "tej", "tę", "tą", "tego", "temu", "tym"];

/// Blocks that open a text (a title, a lead): a speaker's role declared in them holds for the
/// whole text.
const OPENING_BLOCKS: usize = 3;

/// Words a role may stand after a `speaker` phrase: "pracuję jako starszy Scrum Master".
const SPEAKER_GAP: usize = 2;

/// The role a sentence makes the speaker's: the first one named after an `interview` phrase
/// in the text's opening ("Rozmowa z Joanną Kamińską, office managerką kancelarii"; further
/// on, "rozmowa z klientem" is no interview), or one named right after a `speaker` phrase
/// with a first-person form and no comma between them ("pracuję jako Scrum Master", "jestem
/// office managerką", not "cieszę się, że dołączasz do nas jako Project Manager"), unless
/// "nie" stands before that phrase ("Nie jestem kierownikiem projektu"). `is_first_person`
/// says whether a word of the sentence (by index) is a first-person form.
fn declared_speaker(
    source: &str,
    doc: &Doc,
    sentence: &Sentence,
    mentions: &[Mention],
    markers: &Markers,
    is_first_person: impl Fn(usize) -> bool,
) -> Option<RoleIdx> {
    let words = markers.words();
    let word_of = |mention: &Mention| words.partition_point(|&w| w < mention.tokens.start);
    if sentence.block < OPENING_BLOCKS
        && let Some(at) = markers.within(Marker::Interview, 0..words.len()).next()
        && let Some(mention) = mentions.iter().find(|m| word_of(m) > at)
    {
        return Some(mention.role);
    }
    // Most sentences have no speaker phrase: none to look for clause by clause.
    markers.matches(Marker::Speaker).next()?;
    let comma_between = |a: usize, b: usize| {
        doc.tokens[words[a.min(b)]..words[a.max(b)]]
            .iter()
            .any(|t| t.span.slice(source) == ",")
    };
    sentence.clauses.iter().find_map(|clause| {
        let clause_words = markers.range_of(clause);
        markers
            .matches_within(Marker::Speaker, clause_words.clone())
            .filter(|&(first, _)| first == 0 || !is_negation(doc, source, words[first - 1]))
            .filter(|&(first, _)| {
                clause_words
                    .clone()
                    .any(|at| is_first_person(at) && !comma_between(at, first))
            })
            .find_map(|(_, last)| {
                mentions
                    .iter()
                    .find(|m| (last + 1..=last + 1 + SPEAKER_GAP).contains(&word_of(m)))
                    .map(|m| m.role)
            })
    })
}

/// The first person of "być" and "pracować" in the past: what one of them declares is a role
/// the speaker held once.
const ONCE_WAS: &[&str] = &["byłam", "byłem", "pracowałam", "pracowałem"];

/// Conjunctions that open a clause before its subject.
const CONJUNCTIONS: &[&str] = &[
    "a",
    "natomiast",
    "zaś",
    "ale",
    "lecz",
    "tymczasem",
    "tylko",
    "i",
];

/// Prepositions that may stand before an anaphor opening a clause: "Na to stanowisko
/// wymagamy …", "Do tej roli potrzeba …", "Od tej osoby oczekujemy …".
const ANAPHOR_PREPOSITIONS: &[&str] = &["na", "do", "od", "dla", "w", "z", "o"];

/// Whether `token` is one of [`ANAPHOR_PREPOSITIONS`].
fn governs(source: &str, doc: &Doc, token: usize) -> bool {
    lowercase::is_one_of(doc.tokens[token].span.slice(source), ANAPHOR_PREPOSITIONS)
}

/// Phrases of comparison that open a clause before its subject.
const COMPARISONS: &[[&str; 2]] = &[["dla", "porównania"], ["z", "kolei"]];

/// How many words open the clause of `words` before its subject may start: a conjunction, a
/// phrase of comparison ("Dla porównania specjalista ds. kadr i płac zarabia …", corpus/34), or
/// none. The subject starts at the clause's first word or just after them.
fn opener_len(source: &str, doc: &Doc, words: &[usize]) -> usize {
    let is = |at: usize, list: &[&str]| {
        words
            .get(at)
            .is_some_and(|&w| lowercase::is_one_of(doc.tokens[w].span.slice(source), list))
    };
    if words.len() > 1 && is(0, CONJUNCTIONS) {
        1
    } else if words.len() > 2 && COMPARISONS.iter().any(|[a, b]| is(0, &[a]) && is(1, &[b])) {
        2
    } else {
        0
    }
}

/// Role mentions among `words`, longest alias first at each place, never overlapping.
fn mentions_in(
    source: &str,
    doc: &Doc,
    words: &[usize],
    lemmas: &Lemmas,
    rules: &RuleSet,
    sentence: usize,
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let mut best: Option<(usize, RoleIdx, usize)> = None;
        for (role, alias, last) in rules.aliases_at(words, at, lemmas) {
            if best.is_none_or(|(b, _, _)| last > b) {
                best = Some((last, role, alias));
            }
        }
        let Some((last, role, alias)) = best else {
            at += 1;
            continue;
        };
        // "system księgowy", "konto księgowe": the alias is an adjective of another noun here.
        let modifies_other_noun = at > 0
            && rules.roles[role].not_after.iter().any(|p| {
                p.match_at(words, at - 1, lemmas)
                    .is_some_and(|end| end == at - 1)
            });
        if !modifies_other_noun {
            mentions.push(Mention {
                role,
                alias,
                tokens: words[at]..words[last] + 1,
                sentence,
                subject_candidate: (!in_relative_clause(source, doc, words[0], words[at])
                    || names_who_it_is(source, doc, words, at))
                    && (!after_partner_preposition(source, doc, words, at)
                        || owns_what_follows(source, doc, words, at, last))
                    && !after_group_noun(source, doc, words, at, last)
                    && !superior_of_another(source, doc, words, at)
                    && !past_role(source, doc, words, at)
                    && !promotion_target(source, doc, words, at)
                    && !denied_identity(source, doc, words, at)
                    && !inside_a_listed_duty(source, doc, words, at, sentence),
            });
        }
        at = last + 1;
    }
    mentions
}

/// A shared alias ("PM") stands for the one of its roles that the text names by another name
/// ("Product Manager … Nowy PM"); with none or both of them named, for the first role of the
/// rules that lists it (as it was matched).
fn resolve_shared(mut mentions: Vec<Vec<Mention>>, rules: &RuleSet) -> Vec<Vec<Mention>> {
    let shared_with = |m: &Mention| &rules.roles[m.role].aliases[m.alias].shared_with;
    let named: Vec<RoleIdx> = mentions
        .iter()
        .flatten()
        .filter(|m| shared_with(m).is_empty())
        .map(|m| m.role)
        .collect();
    for mention in mentions.iter_mut().flatten() {
        if named.contains(&mention.role) {
            continue;
        }
        let mut others = shared_with(mention)
            .iter()
            .filter(|(role, _)| named.contains(role));
        if let (Some(&(role, alias)), None) = (others.next(), others.next()) {
            mention.role = role;
            mention.alias = alias;
        }
    }
    mentions
}

/// Whether the words `words[from..=to]` stand one after another, with no punctuation between.
fn side_by_side(words: &[usize], from: usize, to: usize) -> bool {
    words[to] - words[from] == to - from
}

/// Prepositions after which a role is a partner or a point of comparison, never the subject:
/// "współpraca z Product Ownerem", "w przeciwieństwie do Account Managera", "więcej niż Scrum
/// Master". ("od", "dla" and "u" are left out: "Od Account Managera oczekuje się …" is about
/// that role; but see [`COMPARED_FROM`].)
const PARTNER_PREPOSITIONS: &[&str] = &[
    "z",
    "ze",
    "do",
    "przez",
    "wobec",
    "między",
    "pomiędzy",
    "niż",
];

/// Words after which "od" sets a role apart as a point of comparison: "Scrum Master z kolei nie
/// jest niczyim przełożonym. W odróżnieniu od Project Managera nie przydziela zadań" (blind
/// aw01: the denial is the Scrum Master's), "Czym różni się od Product Ownera" (a heading of a
/// Product Manager's role card, blind bh09).
const COMPARED_FROM: &[&str] = &[
    "odróżnieniu",
    "odróżnienie",
    "różni",
    "różnią",
    "różnić",
    "się",
];

/// Words for a part of a group, before "z": "jedna z", "większość z", "żaden z".
const SHARES_OF_A_GROUP: &[&str] = &[
    "jeden",
    "jedna",
    "jedno",
    "dwie",
    "dwaj",
    "dwóch",
    "trzy",
    "trzej",
    "trzech",
    "cztery",
    "czterej",
    "czterech",
    "kilka",
    "kilku",
    "wielu",
    "wiele",
    "część",
    "większość",
    "połowa",
    "każdy",
    "każda",
    "żaden",
    "żadna",
    "niektórzy",
    "niektóre",
];

/// Whether the mention starting at `words[at]` follows one of [`PARTNER_PREPOSITIONS`] (or "od"
/// after one of [`COMPARED_FROM`]), directly, after one word that modifies it ("z czterema
/// Account Managerami", "do naszego Key Account Managera"), or as the second of two nouns it
/// governs ("z liderami i kierownikami projektów").
fn after_partner_preposition(source: &str, doc: &Doc, words: &[usize], at: usize) -> bool {
    let word = |i: usize| doc.tokens[words[i]].span.slice(source);
    // Words, not punctuation, between: "z klientem, a potem Account Manager" is not one phrase.
    let adjacent = |from: usize| side_by_side(words, from, at);
    // "dwie z naszych Key Account Managerek": a part of the role's holders, the subject.
    let partitive = |preposition: usize| {
        preposition >= 1
            && adjacent(preposition - 1)
            && lowercase::is_one_of(word(preposition), &["z", "ze"])
            && lowercase::is_one_of(word(preposition - 1), SHARES_OF_A_GROUP)
    };
    // A form's label that ends in the preposition: "**Raportuje do:** HR Business Partner",
    // "| Raportuje do | Dyrektor HR |".
    let label_between = |from: usize| {
        let between = &doc.tokens[words[from] + 1..words[at]];
        segment::label_end(source, between) == Some(between.len())
    };
    let partner = |preposition: usize| {
        lowercase::is_one_of(word(preposition), PARTNER_PREPOSITIONS)
            || (preposition >= 1
                && lowercase::is_one_of(word(preposition), &["od"])
                && lowercase::is_one_of(word(preposition - 1), COMPARED_FROM))
    };
    let direct = at >= 1
        && (adjacent(at - 1) || label_between(at - 1))
        && partner(at - 1)
        && !partitive(at - 1);
    let modified = at >= 2
        && adjacent(at - 2)
        && is_modifier(word(at - 1))
        && partner(at - 2)
        && !partitive(at - 2);
    let coordinated = at >= 3
        && adjacent(at - 3)
        && lowercase::is_one_of(word(at - 1), &["i", "oraz"])
        && partner(at - 3);
    direct || modified || coordinated
}

/// Endings of verbal nouns ("zatwierdzanie", "prowadzenie", "przyjęcie"), the way a list of
/// duties names each one.
const VERBAL_NOUN_ENDINGS: &[&str] = &["anie", "enie", "ęcie"];

/// Nouns with a verbal noun's ending that name what a role has, not a duty: "2. Wynagrodzenie
/// zasadnicze kierownika projektu ustala się …" is about the project manager's pay.
const NOT_DUTIES: &[&str] = &[
    "wynagrodzenie",
    "uposażenie",
    "doświadczenie",
    "wykształcenie",
    "uprawnienie",
];

/// Whether the mention at `words[at]` stands inside a list item that opens with a verbal noun,
/// after a word: "– opisywanie faktur … przed przekazaniem ich głównej księgowej" is a duty of
/// the role the list is about, and the role it names is whom the duty serves. A role after a
/// colon or a dash names who does it ("– ustalanie priorytetów: Product Owner").
fn inside_a_listed_duty(
    source: &str,
    doc: &Doc,
    words: &[usize],
    at: usize,
    sentence: usize,
) -> bool {
    let word = |i: usize| doc.tokens[words[i]].span.slice(source);
    doc.sentences[sentence].layout == Layout::ListItem
        && at > 1
        && lowercase::ends_with_one_of(word(0), VERBAL_NOUN_ENDINGS)
        && !lowercase::is_one_of(word(0), NOT_DUTIES)
        && doc.tokens[words[at] - 1].kind == TokenKind::Word
}

/// Forms of "należeć" after which a role governed by "do" owns what the sentence names: "Do
/// Scrum Mastera należy także usuwanie przeszkód" is about the Scrum Master's duties.
const BELONGS: &[&str] = &[
    "należy",
    "należą",
    "należał",
    "należała",
    "należało",
    "należały",
];

/// Whether the mention `words[at..=last]` stands right after "do" and before a form of
/// "należeć", one word ("także", "też") between at most.
fn owns_what_follows(source: &str, doc: &Doc, words: &[usize], at: usize, last: usize) -> bool {
    let word = |i: usize| doc.tokens[words[i]].span.slice(source);
    let after_do =
        at >= 1 && side_by_side(words, at - 1, at) && lowercase::is_one_of(word(at - 1), &["do"]);
    let belongs = (last + 1..words.len().min(last + 3))
        .take_while(|&i| side_by_side(words, last, i))
        .any(|i| lowercase::is_one_of(word(i), BELONGS));
    after_do && belongs
}

/// Endings of the words that stand between a preposition and the noun it governs: adjectives,
/// pronouns and numerals in the genitive, dative, accusative or instrumental ("nowym",
/// "naszymi", "swojego", "innych", "naszej", "czterema", "kilkoma", "z wewnętrzną
/// rekruterką"). No noun a preposition governs ends so in those cases, so "spotyka się z
/// klientem Account Manager" and "Łącznie z prowizją handlowiec zarabia" keep their subject:
/// of the feminine "-ą", only the endings of adjectives and possessives. A demonstrative is no
/// modifier there: "Do tego PO samodzielnie zarządza budżetem" ("besides"), nor a personal
/// pronoun a preposition governs: "W przeciwieństwie do niej office manager nie prowadzi ksiąg".
const MODIFIER_ENDINGS: &[&str] = &[
    "ym", "im", "ymi", "imi", "ego", "ych", "ich", "ej", "ema", "oma", "ową", "ną", "szą", "ską",
    "cką", "oją",
];

fn is_modifier(word: &str) -> bool {
    lowercase::ends_with_one_of(word, MODIFIER_ENDINGS)
        && !lowercase::is_one_of(word, DEMONSTRATIVES)
        && !lowercase::is_one_of(word, &["tymi", "tych"])
        && !lowercase::is_one_of(word, &["niej", "niego", "nim", "nich", "nimi"])
}

/// Nouns for a group of people, in the cases a role names its members after ("wspiera Cię
/// zespół przedstawicieli handlowych" is about the team). Not the locative: "W tej grupie
/// Product Owner zarabia …", "w zespole Product Owner …" name where the role is.
const GROUP_NOUNS: &[&str] = &[
    "zespół",
    "zespołu",
    "zespołem",
    "zespoły",
    "zespołów",
    "zespołami",
    "dział",
    "działu",
    "działem",
    "grupa",
    "grupy",
    "grupą",
];

/// Endings of the plural genitive of role names ("przedstawicieli handlowych", "Account
/// Managerów", "rekruterek"); no singular genitive of a role word ends so ("rekrutera", "HR
/// Business Partnerki", "księgowej").
const PLURAL_GENITIVE_ENDINGS: &[&str] = &["ów", "ych", "ich", "ek", "li"];

/// Whether the mention at `words[at]` is whom another reports to: the dative after a form of
/// "podlegać", directly or after "bezpośrednio" ("Koordynator wolontariatu podlega
/// bezpośrednio kierowniczce projektu"). The role is that sentence's superior, not its subject.
fn superior_of_another(source: &str, doc: &Doc, words: &[usize], at: usize) -> bool {
    let word = |i: usize| doc.tokens[words[i]].span.slice(source);
    let reports = |i: usize| lowercase::starts_with(word(i), "podleg");
    let direct = at >= 1 && side_by_side(words, at - 1, at) && reports(at - 1);
    let modified = at >= 2
        && side_by_side(words, at - 2, at)
        && lowercase::is_one_of(word(at - 1), &["bezpośrednio", "służbowo", "formalnie"])
        && reports(at - 2);
    direct || modified
}

/// Whether the mention `words[at..=last]` is what a group noun right before it is made of
/// ("zespół przedstawicieli handlowych", "dział księgowych"), or with a count between them
/// ("zespołem trzech Account Managerów", "zespół 5 rekruterów"). A role in the singular right
/// after the group noun leads it: "Zespół HR Business Partnerki liczy 8 osób". Who joins the
/// group takes the role: "Do zespołu rekruterów przyjmujemy osoby bez doświadczenia" (blind
/// bc07) is about the role.
fn after_group_noun(source: &str, doc: &Doc, words: &[usize], at: usize, last: usize) -> bool {
    let word = |i: usize| doc.tokens[words[i]].span.slice(source);
    let joined = |i: usize| {
        i >= 1 && side_by_side(words, i - 1, i) && lowercase::is_one_of(word(i - 1), &["do"])
    };
    let group_at = |i: usize| {
        side_by_side(words, i, at) && lowercase::is_one_of(word(i), GROUP_NOUNS) && !joined(i)
    };
    let counts = |i: usize| {
        doc.tokens[words[i]].kind == TokenKind::Number
            || crate::extract::numbers::is_numeral(&lowercase::of(word(i)))
    };
    let plural = (at..=last).any(|i| lowercase::ends_with_one_of(word(i), PLURAL_GENITIVE_ENDINGS));
    (at >= 1 && group_at(at - 1) && plural) || (at >= 2 && group_at(at - 2) && counts(at - 1))
}

/// Words for time or experience after which "jako" names a role held before: "w tym dwa lata
/// jako Account Manager", "doświadczenie jako kierownik projektu" (not "pracy": "marzysz o
/// pierwszej pracy jako Scrum Master").
const PAST_ROLE_NOUNS: &[&str] = &[
    "lat",
    "lata",
    "rok",
    "roku",
    "miesięcy",
    "doświadczenie",
    "doświadczenia",
    "doświadczeniem",
    "staż",
    "stażu",
];

/// A post in the genitive, after "z" or "ze": "awansuje się z pozycji Account Managera". Not
/// "z roli": "przejście z roli analityka biznesowego do roli Product Ownera" is the analyst's
/// next step.
const POSTS_LEFT: &[&str] = &["pozycji", "stanowiska"];

/// Whether the mention starting at `words[at]` follows "jako" after one of
/// [`PAST_ROLE_NOUNS`], or is the second of two such roles ("dwa lata jako account manager
/// lub przedstawiciel handlowy"), or names the post one comes from ("z pozycji Account
/// Managera"): a role the candidate held, not the clause's subject.
fn past_role(source: &str, doc: &Doc, words: &[usize], at: usize) -> bool {
    let is = |i: usize, list: &[&str]| {
        lowercase::is_one_of(doc.tokens[words[i]].span.slice(source), list)
    };
    // Word `j` is a "jako" after a noun of time or experience.
    let past_jako = |j: usize| j >= 1 && is(j, &["jako"]) && is(j - 1, PAST_ROLE_NOUNS);
    let post_left = at >= 2
        && side_by_side(words, at - 2, at)
        && is(at - 2, &["z", "ze"])
        && is(at - 1, POSTS_LEFT);
    post_left
        || at >= 1
            && (past_jako(at - 1)
                || (is(at - 1, &["lub", "albo", "i", "oraz"])
                    && (at.saturating_sub(6)..at - 1).any(past_jako)))
}

/// Starts of the words for a move up to another role: "awans", "awansować", "przejście",
/// "przejść", "przechodzić", "promocja".
const PROMOTION_STARTS: &[&str] = &["awans", "przej", "przechodz", "promocj"];

/// Whether the mention starting at `words[at]` is where a promotion leads ("możliwy awans na
/// Key Account Managera", "przejście na stanowisko … "): the role one may become, not the
/// clause's subject.
fn promotion_target(source: &str, doc: &Doc, words: &[usize], at: usize) -> bool {
    let word = |i: usize| doc.tokens[words[i]].span.slice(source);
    at >= 2
        && lowercase::is_one_of(word(at - 1), &["na"])
        && (at.saturating_sub(3)..at - 1).any(|i| {
            PROMOTION_STARTS
                .iter()
                .any(|start| lowercase::starts_with(word(i), start))
        })
}

/// Forms of "być" that link a subject to what it is: "jest", "był", "będzie".
const COPULAS: &[&str] = &[
    "jest",
    "są",
    "był",
    "była",
    "było",
    "byli",
    "były",
    "będzie",
    "będą",
    "jestem",
    "jesteś",
    "jesteśmy",
    "byłem",
    "byłam",
];

/// Whether the mention starting at `words[at]` is what a subject is said not to be, right
/// after "nie" and a form of "być": "Ola nie jest księgową", a heading "Nie jest product
/// ownerem – choć bywa" in a text about the product manager. The clause is about its subject,
/// not about the role it denies.
fn denied_identity(source: &str, doc: &Doc, words: &[usize], at: usize) -> bool {
    let is = |i: usize, list: &[&str]| {
        lowercase::is_one_of(doc.tokens[words[i]].span.slice(source), list)
    };
    at >= 2 && side_by_side(words, at - 2, at) && is(at - 2, &["nie"]) && is(at - 1, COPULAS)
}

/// Whether the mention starting at `words[at]` says who the person a relative clause is about
/// is, right after "który" or "która" and a form of "być", with a possessive between them or
/// none: "Zacznijmy od Tomka, który jest naszym Project Managerem. Trzyma w ręku harmonogram".
/// What follows is about that person, so about the role.
fn names_who_it_is(source: &str, doc: &Doc, words: &[usize], at: usize) -> bool {
    let word = |i: usize| doc.tokens[words[i]].span.slice(source);
    let relative = |i: usize| lowercase::is_one_of(word(i), &["który", "która"]);
    let possessive = |i: usize| {
        ["nasz", "wasz", "moj", "moi", "twoj", "twoi"]
            .iter()
            .any(|start| lowercase::starts_with(word(i), start))
    };
    let copula_at = |i: usize| {
        i >= 1
            && relative(i - 1)
            && lowercase::is_one_of(word(i), COPULAS)
            && side_by_side(words, i - 1, at)
    };
    (at >= 2 && copula_at(at - 1)) || (at >= 3 && possessive(at - 1) && copula_at(at - 2))
}

/// Whether a relative pronoun ("który", "które", "której" …) or "domena" ("to domena …")
/// stands between the last comma before `token` and `token`, within its sentence.
fn in_relative_clause(source: &str, doc: &Doc, sentence_start: usize, token: usize) -> bool {
    doc.tokens[sentence_start..token]
        .iter()
        .rev()
        .take_while(|t| !matches!(t.span.slice(source), "," | "." | "!" | "?" | ";" | ":"))
        .any(|t| {
            let word = t.span.slice(source);
            // "…, które są domeną rekrutera"; "nie zarządza budżetem – to domena Project
            // Managera. Nie ma też władzy …" is still about the role named first
            lowercase::starts_with(word, "któr") || lowercase::starts_with(word, "domen")
        })
}

fn is_negation(doc: &Doc, source: &str, token: usize) -> bool {
    doc.tokens[token]
        .span
        .slice(source)
        .eq_ignore_ascii_case("nie")
}
