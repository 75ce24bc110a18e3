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

/// For every sentence, the header of the offer it belongs to, if the text lists offers: its
/// offer headers ([`header`]) name [`MIN_FIRMS`] different firms or more (a reply's "Re:
/// Ogłoszenie – rekruter IT" repeats the subject it answers). An offer headed by a list item's
/// label ("- Grupa Orwen (Warszawa), samodzielny księgowy: …") is that item; one headed by a
/// line of its own goes on to the next offer, to the next heading that does not introduce a
/// list ("Nasz komentarz", not "Wymagania:"), or to the next paragraph that opens with a
/// question ("Co z tego wynika?").
pub(super) fn offers(
    source: &str,
    doc: &Doc,
    mentions: &[Vec<Mention>],
    lexicon: &Lexicon,
) -> Vec<Option<Arc<str>>> {
    let headers: Vec<Option<Header>> = (0..doc.sentences.len())
        .map(|index| header(source, doc, index, &mentions[index], lexicon))
        .collect();
    let mut firms: Vec<&str> = headers.iter().flatten().map(|h| h.firm).collect();
    firms.sort_unstable();
    firms.dedup();
    if firms.len() < MIN_FIRMS {
        return vec![None; doc.sentences.len()];
    }
    let mut offer: Option<(Arc<str>, Reach)> = None;
    let mut voices = Vec::with_capacity(doc.sentences.len());
    for (index, (sentence, header)) in doc.sentences.iter().zip(&headers).enumerate() {
        let new_block = index > 0 && doc.opens_block(index);
        if let Some(header) = header {
            offer = Some((Arc::from(header.name), header.reach));
        } else if let Some((_, reach)) = &offer {
            let ends = match reach {
                Reach::Item => new_block,
                Reach::Section => {
                    new_block
                        && ((sentence.layout == Layout::Heading
                            && !sentence.span.slice(source).trim_end().ends_with(':'))
                            || sentence.is_question(source))
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

/// Firms a text's offer headers need to name for its offers to be told apart: one line naming a
/// role and a firm is an ad's title ("Senior Scrum Master – Nordbyte (Warszawa)").
const MIN_FIRMS: usize = 2;

/// Words an offer's header has at most, brackets included: "Outsourcing Nova (zdalnie),
/// samodzielny księgowy na kontrakcie B2B".
const HEADER_WORDS: usize = 12;

/// A line that heads an offer.
struct Header<'s> {
    /// The line as written, without its bullet or number: what names the offer.
    name: &'s str,
    /// The part of it that names the firm, without its bracket.
    firm: &'s str,
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

/// The offer header sentence `index` is, if any: the first sentence of a heading, a list item
/// or a one-line paragraph with no full stop, whose header ([`header_tokens`]) has two or more
/// parts ([`parts`]), one of which names a firm ([`names_firm`]), and that names one role in
/// another part, or none in a heading.
fn header<'s>(
    source: &'s str,
    doc: &Doc,
    index: usize,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Option<Header<'s>> {
    let sentence = &doc.sentences[index];
    let alone = doc.alone_in_block(index);
    // A paragraph of one line with no full stop is a title too long to be told one by its
    // layout ("Lublin / Biuro Rachunkowe „Bilans” / księgowa lub księgowy").
    let untitled_line = sentence.layout == Layout::Prose
        && alone
        && !sentence.span.slice(source).contains('\n')
        && !sentence
            .span
            .slice(source)
            .trim_end()
            .ends_with(['.', '!', '?', ':', ';', ',']);
    let laid_out = matches!(sentence.layout, Layout::Heading | Layout::ListItem);
    if !doc.opens_block(index) || !(laid_out || untitled_line) {
        return None;
    }
    let (tokens, reach) = header_tokens(source, doc, sentence.tokens.clone(), mentions)?;
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
    let parts = parts(source, doc, tokens.clone());
    // A header names one role; or none, in a heading of its own whose parts are all names
    // (of the firm, of the city), when the whole digest is about one role ("Bank Pomorski,
    // Gdańsk", "FreshMarket – Poznań", not "Wrocław / zdalnie").
    let one_role = match roles.next() {
        Some(role) => roles.all(|other| other == role),
        None => {
            sentence.layout == Layout::Heading
                && parts.iter().all(|part| {
                    doc.tokens[part.clone()]
                        .iter()
                        .find(|t| t.kind == TokenKind::Word)
                        .is_some_and(|w| w.span.slice(source).starts_with(char::is_uppercase))
                })
        }
    };
    // A line with a semicolon lists several things, as a row of a responsibility matrix does
    // ("Negocjacje z dostawcami: R – Office Manager; A – CFO; C – Dział Prawny"); one with a
    // colon in it is no header either ("Temat: Re: Ogłoszenie – rekruter IT").
    let lists = doc.tokens[tokens.clone()]
        .iter()
        .any(|t| matches!(t.span.slice(source), ";" | ":"));
    if words > HEADER_WORDS || lists || !one_role {
        return None;
    }
    let firm = parts.iter().find(|part| {
        !names_role(mentions, part) && names_firm(source, doc, (*part).clone(), lexicon)
    })?;
    if parts.len() < 2 {
        return None;
    }
    let slice = |range: Range<usize>| {
        let span = doc.tokens[range.start]
            .span
            .cover(&doc.tokens[range.end - 1].span);
        span.slice(source)
    };
    let firm_name = before_bracket(source, doc, firm.clone());
    Some(Header {
        name: slice(tokens),
        firm: slice(firm_name.start..firm_name.end.max(firm.start + 1)),
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
    if doc.tokens[start].kind == TokenKind::Number
        && sentence.len() > 2
        && matches!(text(start + 1), "." | ")")
    {
        start += 2;
    }
    while start < sentence.end && doc.tokens[start].kind == TokenKind::Punct {
        start += 1;
    }
    // A label ends at a colon; a bar in such a line cuts the header into parts ("◆ Project
    // Manager IT | Tricity Soft | Gdynia").
    let colon = (start..sentence.end).find(|&t| text(t) == ":");
    match colon {
        Some(colon) if names_role(mentions, &(start..colon)) => Some((start..colon, Reach::Item)),
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

/// Whether one of `mentions` starts within `tokens`.
fn names_role(mentions: &[Mention], tokens: &Range<usize>) -> bool {
    mentions.iter().any(|m| tokens.contains(&m.tokens.start))
}

/// The parts of a header, split outside brackets at commas, and at dashes, slashes and
/// vertical bars with space on both sides: "FinRise", "Gdańsk", "Junior Scrum Master" ("nr
/// DP/07/2025" is one part). A bracket stays with the part it follows.
fn parts(source: &str, doc: &Doc, tokens: Range<usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = tokens.start;
    let mut depth = 0usize;
    for t in tokens.clone() {
        match doc.tokens[t].span.slice(source) {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            separator
                if depth == 0
                    && (separator == ","
                        || (segment::is_part_separator(separator)
                            && segment::spaced(&doc.tokens, t))) =>
            {
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

/// Whether a part of a header names a firm, as a proper name does: it opens with a capital,
/// has at most [`FIRM_WORDS`] words outside its bracket and one of them in lower case ("Biuro
/// rachunkowe Tabela"), and has a capitalised word the lexicon does not know ("Finvera",
/// "Grupa Orwen (Warszawa)", "Kartonik.pl (zdalnie)") or a second capitalised word ("Bank
/// Pomorski", "Biuro Rachunkowe „Bilans”"). A section's title is made of common words
/// ("Wymagania", "Zakres obowiązków"), a tip of a sentence ("Zrób porządny profil na
/// LinkedInie").
fn names_firm(source: &str, doc: &Doc, part: Range<usize>, lexicon: &Lexicon) -> bool {
    let words: Vec<&str> = doc.tokens[before_bracket(source, doc, part.clone())]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(source))
        .collect();
    let is_capitalised = |word: &str| word.starts_with(char::is_uppercase);
    let capitalised = words.iter().filter(|w| is_capitalised(w)).count();
    let mut lower = String::new();
    let unknown = doc.tokens[part]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(source))
        .filter(|word| is_capitalised(word))
        .any(|word| {
            lower.clear();
            lowercase::push(word, &mut lower);
            !lexicon.knows_form(&lower)
        });
    words.first().is_some_and(|first| is_capitalised(first))
        && words.len() <= FIRM_WORDS
        && words.len() - capitalised <= 1
        && (unknown || capitalised >= 2)
}

/// The tokens of a header's part before its bracket: "Grupa Orwen" of "Grupa Orwen
/// (Warszawa)".
fn before_bracket(source: &str, doc: &Doc, part: Range<usize>) -> Range<usize> {
    let bracket = (part.clone())
        .find(|&t| doc.tokens[t].span.slice(source) == "(")
        .unwrap_or(part.end);
    part.start..bracket
}

/// Words a firm's name has at most, outside its bracket: "Biuro Rachunkowe „Bilans”", "Baltic
/// Shipping Services".
const FIRM_WORDS: usize = 4;
