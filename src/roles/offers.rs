//! offers: which sentences of a job digest are one employer's offer.
//!
//! A newsletter or an aggregator's page lists several employers' offers for one role, each
//! under a line naming the role and the employer ("1. FinRise, Gdańsk – Junior Scrum
//! Master", "Business Analyst – Finvera (Warszawa, praca hybrydowa)", "- Grupa Orwen
//! (Warszawa), samodzielny księgowy: 8 500–10 500 zł"). The offers disagree on pay and
//! requirements because they are different jobs, so each is a [`super::Voice`] of its own, as
//! a forum poster is.

use std::ops::Range;
use std::sync::Arc;

use super::Mention;
use crate::lemma::Lexicon;
use crate::lowercase;
use crate::segment::{self, Doc, Layout, TokenKind};

/// For every sentence, the header of the offer it belongs to, if the text lists offers: at
/// least two lines, each naming one role and an employer, with different headers. An offer
/// headed by a list item's label ("- Grupa Orwen (Warszawa), samodzielny księgowy: …") is that
/// item; one headed by a line of its own goes on to the next offer, or to the next heading
/// that does not introduce a list ("Nasz komentarz", not "Wymagania:").
pub(super) fn offers(
    source: &str,
    doc: &Doc,
    mentions: &[Vec<Mention>],
    lexicon: &Lexicon,
) -> Vec<Option<Arc<str>>> {
    let headers: Vec<Option<Header>> = (0..doc.sentences.len())
        .map(|index| header(source, doc, index, &mentions[index], lexicon))
        .collect();
    let mut names: Vec<&str> = headers.iter().flatten().map(|h| h.name).collect();
    names.sort_unstable();
    names.dedup();
    if names.len() < MIN_OFFERS {
        return vec![None; doc.sentences.len()];
    }
    let mut offer: Option<(Arc<str>, Reach)> = None;
    let mut voices = Vec::with_capacity(doc.sentences.len());
    for (index, (sentence, header)) in doc.sentences.iter().zip(&headers).enumerate() {
        let new_block = index > 0 && doc.sentences[index - 1].block != sentence.block;
        if let Some(header) = header {
            offer = Some((Arc::from(header.name), header.reach));
        } else if let Some((_, reach)) = &offer {
            let ends = match reach {
                Reach::Item => new_block,
                Reach::Section => {
                    new_block
                        && sentence.layout == Layout::Heading
                        && !sentence.span.slice(source).trim_end().ends_with(':')
                }
            };
            if ends {
                offer = None;
            }
        }
        voices.push(offer.as_ref().map(|(name, _)| name.clone()));
    }
    voices
}

/// Offer headers a text needs for its offers to be told apart: one line naming a role and a
/// firm is an ad's title ("Senior Scrum Master – Nordbyte (Warszawa)").
const MIN_OFFERS: usize = 2;

/// Words an offer's header has at most, brackets included: "Outsourcing Nova (zdalnie),
/// samodzielny księgowy na kontrakcie B2B".
const HEADER_WORDS: usize = 12;

/// A line that heads an offer.
struct Header<'s> {
    /// The line as written, without its bullet or number: what names the offer.
    name: &'s str,
    reach: Reach,
}

/// How far an offer goes.
#[derive(Clone, Copy)]
enum Reach {
    /// Its list item: the header is the item's label.
    Item,
    /// Its section: the header is a line of its own.
    Section,
}

/// The offer header sentence `index` is, if any: the first sentence of a heading or a list
/// item whose header ([`header_tokens`]) parts name one role and, in another part, a firm
/// ([`names_firm`]).
fn header<'s>(
    source: &'s str,
    doc: &Doc,
    index: usize,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Option<Header<'s>> {
    let sentence = &doc.sentences[index];
    let opens_block = index == 0 || doc.sentences[index - 1].block != sentence.block;
    if !opens_block || sentence.layout == Layout::Prose || sentence.layout == Layout::Quoted {
        return None;
    }
    let (tokens, reach) = header_tokens(source, doc, sentence.tokens.clone(), mentions)?;
    let alone = doc
        .sentences
        .get(index + 1)
        .is_none_or(|next| next.block != sentence.block);
    if matches!(reach, Reach::Section) && !alone {
        return None;
    }
    let words = doc.tokens[tokens.clone()]
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count();
    let mut roles = mentions
        .iter()
        .filter(|m| tokens.contains(&m.tokens.start))
        .map(|m| m.role);
    let role = roles.next()?;
    // A line with a semicolon lists several things, as a row of a responsibility matrix does
    // ("Negocjacje z dostawcami: R – Office Manager; A – CFO; C – Dział Prawny").
    let lists = doc.tokens[tokens.clone()]
        .iter()
        .any(|t| t.span.slice(source) == ";");
    if words > HEADER_WORDS || lists || roles.any(|other| other != role) {
        return None;
    }
    let parts = parts(source, doc, tokens.clone());
    let names_role = |part: &Range<usize>| mentions.iter().any(|m| part.contains(&m.tokens.start));
    let firm = parts
        .iter()
        .any(|part| !names_role(part) && names_firm(source, doc, part.clone(), lexicon));
    if !firm {
        return None;
    }
    let span = doc.tokens[tokens.start]
        .span
        .cover(&doc.tokens[tokens.end - 1].span);
    Some(Header {
        name: span.slice(source),
        reach,
    })
}

/// The tokens of a line that may head an offer, without its bullet or number, and how far the
/// offer goes: a list item's label, when it names a role ("- Grupa Orwen (Warszawa),
/// samodzielny księgowy: 8 500 zł"), heads that item; otherwise the whole line, or what
/// follows a label that names none ("Poniedziałek: Key Account Manager, Polfarm (Warszawa)"),
/// heads a section.
fn header_tokens(
    source: &str,
    doc: &Doc,
    sentence: Range<usize>,
    mentions: &[Mention],
) -> Option<(Range<usize>, Reach)> {
    let text = |t: usize| doc.tokens[t].span.slice(source);
    let mut start = sentence.start;
    if doc.tokens[start].kind == TokenKind::Number && sentence.len() > 2 && text(start + 1) == "." {
        start += 2;
    }
    while start < sentence.end && doc.tokens[start].kind == TokenKind::Punct {
        start += 1;
    }
    let colon = (start..sentence.end).find(|&t| segment::closes_label(source, &doc.tokens[t]));
    let names_role = |range: Range<usize>| mentions.iter().any(|m| range.contains(&m.tokens.start));
    match colon {
        Some(colon) if names_role(start..colon) => Some((start..colon, Reach::Item)),
        Some(colon) if colon + 1 < sentence.end => Some((colon + 1..sentence.end, Reach::Section)),
        Some(_) => None,
        None => {
            let end = (start..sentence.end)
                .rev()
                .find(|&t| !matches!(text(t), "." | "!" | "?"))?;
            (start <= end).then_some((start..end + 1, Reach::Section))
        }
    }
}

/// The parts of a header, split at commas, dashes and vertical bars outside brackets: "FinRise",
/// "Gdańsk", "Junior Scrum Master". A bracket stays with the part it follows.
fn parts(source: &str, doc: &Doc, tokens: Range<usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = tokens.start;
    let mut depth = 0usize;
    for t in tokens.clone() {
        match doc.tokens[t].span.slice(source) {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            "," | "–" | "—" | "-" | "|" if depth == 0 => {
                parts.push(start..t);
                start = t + 1;
            }
            _ => {}
        }
    }
    parts.push(start..tokens.end);
    parts.retain(|part| !part.is_empty());
    parts
}

/// Whether a part of a header names a firm: it opens with a capital, and a word of it, or of
/// its bracket, is a capitalised word the lexicon does not know, as a firm's name ("Finvera",
/// "Grupa Orwen (Warszawa)", "Kartonik.pl (zdalnie)"), where a section's title is made of
/// common words ("Wymagania", "Obowiązki").
fn names_firm(source: &str, doc: &Doc, part: Range<usize>, lexicon: &Lexicon) -> bool {
    let mut words = doc.tokens[part]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(source));
    let opens_with_capital = words
        .clone()
        .next()
        .is_some_and(|first| first.starts_with(char::is_uppercase));
    let mut lower = String::new();
    opens_with_capital
        && words.any(|word| {
            lower.clear();
            lowercase::push(word, &mut lower);
            word.starts_with(char::is_uppercase) && !lexicon.knows_form(&lower)
        })
}
