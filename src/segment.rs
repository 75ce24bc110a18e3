//! segment: normalised text → [`Doc`] of blocks, sentences, clauses and word tokens.
//!
//! Owns the shape of a Polish text: paragraphs, headings ("Wymagania:", "## Obowiązki"), list
//! items ("- …", "1. …"), sentence ends that are not abbreviations (ds., np., m.in., tzw., ok.,
//! prof. …), clause breaks in comparisons (", natomiast", ", podczas gdy", ", a", ";", " – "),
//! numbers with spaced digit groups ("65 000") and inflected abbreviations ("KAM-a").
//! It does not look words up: lemmas are the next stage's job.

mod words;

use std::ops::Range;

use crate::lowercase;
use crate::span::{Norm, Span};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits), including "KAM-a" and abbreviations with their dot ("ds.").
    Word,
    /// Digits, with spaced groups joined ("12 300") and decimal commas ("12,5").
    Number,
    /// Anything else that is not white space.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span<Norm>,
    pub kind: TokenKind,
}

/// How the block holding a sentence is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Prose,
    /// A title or section heading: a Markdown heading, or a short line ending in ':'.
    Heading,
    /// One item of a bulleted or numbered list, a line of a form ("Tryb pracy: zdalnie"), or a
    /// row of a Markdown table.
    ListItem,
    /// A line quoted in a reply ("> account manager nie ma planu"): another writer's words,
    /// standing alone as a list item does.
    Quoted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span<Norm>,
    /// Indices into [`Doc::tokens`].
    pub tokens: Range<usize>,
    /// Token ranges of the clauses, in order, covering the sentence's tokens.
    pub clauses: Vec<Range<usize>>,
    pub layout: Layout,
    /// Index of the block (paragraph, heading or list item) the sentence belongs to.
    pub block: usize,
}

impl Sentence {
    /// Whether the sentence ends with a question mark (`text` is the text it was cut from),
    /// before any closing quotation mark, bracket or emphasis: "**Czy muszę mieć
    /// doświadczenie?**" in a plain-text FAQ.
    pub fn is_question(&self, text: &str) -> bool {
        self.span
            .slice(text)
            .trim_end_matches(|c: char| c.is_whitespace() || CLOSING.contains(&c))
            .ends_with('?')
    }
}

/// What may close a sentence after its final punctuation: quotation marks, brackets, and
/// the emphasis of Markdown written in a plain-text file.
const CLOSING: &[char] = &['"', '”', '»', '\'', ')', ']', '*', '_'];

/// A segmented text.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl Doc {
    /// Whether sentence `index` is the first of its block.
    pub fn opens_block(&self, index: usize) -> bool {
        index == 0 || self.sentences[index - 1].block != self.sentences[index].block
    }

    /// Whether sentence `index` is the only one of its block.
    pub fn alone_in_block(&self, index: usize) -> bool {
        self.opens_block(index)
            && self
                .sentences
                .get(index + 1)
                .is_none_or(|next| next.block != self.sentences[index].block)
    }
}

/// Tokens after which a sentence is cut even without a sentence end.
const MAX_SENTENCE_TOKENS: usize = 400;

/// Abbreviations written with a dot that do not end a sentence, lower case, without the dot.
const ABBREVIATIONS: &[&str] = &[
    "ds", "np", "m.in", "tzw", "ok", "prof", "dr", "hab", "mgr", "inż", "tj", "wg", "ul", "godz",
    "tys", "mln", "mld", "zł", "zl", "gr", "nr", "pkt", "str", "ang", "łac", "min", "maks", "max",
    "mies", "r", "tel", "itd", "itp", "etc", "jw", "śr", "ww", "sp", "z.o.o", "o.o", "s.a", "św",
    "gen", "płk", "lek", "doc", "red", "wyd", "zob", "por", "ew", "p.o", "cd", "dot", "jęz",
    // "prawo jazdy kat. B" in job ads; "art. 151 Kodeksu pracy", "ust. 2" in HR handbooks
    "kat", "tzn", "art", "ust", "poz", "woj", "al",
    // "68 proc. Scrum Masterów pracuje hybrydowo" in salary reports
    "proc",
];

/// Abbreviations that may also close a sentence when a capital letter follows.
const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &["itd", "itp", "etc", "r", "zł", "zl", "tys", "mln"];

/// Words that open a new clause when a comma stands before them.
const CLAUSE_OPENERS: &[&str] = &[
    "natomiast",
    "podczas",
    "a",
    "zaś",
    "ale",
    "lecz",
    "tymczasem",
    // "nie zarządza ludźmi, tylko przekonuje ich do swojej wizji": what "tylko" opens is not
    // under the "nie" before it
    "tylko",
    // a consequence is a statement of its own: "przeciętne wynagrodzenie to 11 800 zł, więc
    // awans oznacza zwykle podwyżkę" does not hedge the pay, nor does "zarabia dziś 4 900 zł …,
    // dlatego wiele osób łączy pierwszą pracę z kursami"
    "więc",
    "dlatego",
    // so is a cause: "Key Account Manager nie prowadzi kilkudziesięciu klientów naraz, bo …
    // każda negocjacja trwa tygodniami" does not deny negotiating (blind aw05)
    "bo",
    "ponieważ",
    "gdyż",
    // a new subject: "Ona zamawia karty i kawę, on negocjuje warunki z dostawcami"
    "on",
    "ona",
];

/// Pairs of words that open a new clause when a comma stands before them: what is added to a
/// statement is a statement of its own ("8 200 zł brutto, do czego w większości firm dochodzi
/// premia kwartalna" does not hedge the pay, nor make it quarterly), and so is what "o tyle"
/// sets against an "o ile" ("o ile project manager odpowiada za budżet, o tyle product
/// manager za budżet nie odpowiada").
/// Not "przy czym": what follows it shares the amounts' period and basis ("18 000 zł brutto
/// miesięcznie, przy czym junior dostaje około 11 000 zł").
const CLAUSE_OPENING_PAIRS: &[(&str, &[&str])] = &[("do", &["czego", "tego"]), ("o", &["tyle"])];

/// Words of concession, which open a new clause after a comma or a bracket: a concession is a
/// statement of its own, "Nie programuję (choć SQL znam na tyle, żeby …)" does not deny SQL.
const CONCESSIONS: &[&str] = &["choć", "chociaż", "aczkolwiek"];

/// Split a normalised text into blocks, sentences, clauses and tokens.
pub fn segment(text: &str) -> Doc {
    let mut doc = Doc::default();
    let mut pieces = Vec::new();
    for (block, (range, layout)) in blocks(text).into_iter().enumerate() {
        let first = doc.tokens.len();
        tokenize(text, range, &mut pieces, &mut doc.tokens);
        split_sentences(text, first, layout, block, &mut doc);
    }
    doc
}

/// Lines grouped into blocks: paragraphs of prose, single headings, single list items.
fn blocks(text: &str) -> Vec<(Range<usize>, Layout)> {
    let mut blocks: Vec<(Range<usize>, Layout)> = Vec::new();
    let mut paragraph: Option<Range<usize>> = None;
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        let next = lines.peek().map_or("", |next| next.trim());
        let layout = classify_line(&without_emphasis(trimmed), next);
        let continues_paragraph = layout == Layout::Prose && !trimmed.is_empty();
        if !continues_paragraph {
            blocks.extend(paragraph.take().map(|p| (p, Layout::Prose)));
        }
        let end = start + content.len();
        match layout {
            _ if trimmed.is_empty() || is_table_rule(trimmed) => {}
            // "Warszawa, Grupa Meridian – samodzielna księgowa / samodzielny księgowy" over a
            // paragraph: a line in parts that opens a paragraph, too long for a title, is a
            // block of its own, so that it is no part of the paragraph's first sentence.
            Layout::Prose
                if paragraph.is_none()
                    && next.starts_with(char::is_uppercase)
                    && is_parted_line(trimmed) =>
            {
                blocks.push((start..end, Layout::Prose));
            }
            Layout::Prose => {
                paragraph = Some(paragraph.map_or(start..end, |p| p.start..end));
            }
            Layout::Heading | Layout::ListItem | Layout::Quoted => {
                blocks.push((start..end, layout))
            }
        }
    }
    blocks.extend(paragraph.map(|p| (p, Layout::Prose)));
    blocks
}

/// A line that opens with Markdown strong emphasis in a plain-text file, without its
/// markers: "**Lokalizacja:** Poznań" is the field "Lokalizacja: Poznań", "**Wymagania:**"
/// a heading.
fn without_emphasis(line: &str) -> std::borrow::Cow<'_, str> {
    match ["**", "__"]
        .into_iter()
        .find(|marker| line.starts_with(marker))
    {
        Some(marker) => line.replace(marker, "").into(),
        None => line.into(),
    }
}

/// Words a field's label has at most: "Wymagany staż pracy w obszarze HR: min. 3 lata".
const FIELD_LABEL_WORDS: usize = 6;

/// Whether a line is a form's field, "Label: value" ("Nazwa stanowiska: HR Business
/// Partner", "Tryb pracy: stacjonarnie", "Fakt: …", "Mid (etat, Warszawa): 13 000–17 000 zł
/// brutto"): it stands alone like a list item, so fields written one per line without a full
/// stop are not one sentence ("Podległe stanowiska: brak" does not negate the next field, "Mit
/// 1: …" does not report the "Fakt: …" under it). The label has no punctuation of a sentence
/// outside one bracket at its end.
fn is_field(line: &str) -> bool {
    let Some((label, value)) = line.split_once(": ") else {
        return false;
    };
    let bare = match label.split_once(" (") {
        Some((before, bracket))
            if bracket.ends_with(')') && !bracket[..bracket.len() - 1].contains(['(', ')']) =>
        {
            before
        }
        _ => label,
    };
    let words = label.split_whitespace().count();
    bare.starts_with(|c: char| c.is_uppercase())
        && (1..=FIELD_LABEL_WORDS).contains(&words)
        && !bare.contains(['.', ',', ';', '!', '?', '"', '„', '(', ')'])
        && !value.trim().is_empty()
}

/// The layout of a line (trimmed), given the line after it. A heading opens with "#"
/// (Markdown) or "==" (a wiki's "== Kierownik projektu ==", AsciiDoc's "== Obowiązki").
fn classify_line(line: &str, next: &str) -> Layout {
    if line.starts_with('#') || line.starts_with("==") || is_shouted_heading(line) {
        return Layout::Heading;
    }
    let bullet = line
        .strip_prefix(['-', '*', '•', '–', '—', '·', '+'])
        .map(|rest| rest.trim_start_matches(is_pictograph))
        .or_else(|| after_pictographs(line))
        .is_some_and(|rest| rest.starts_with(char::is_whitespace));
    let numbered = {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        digits > 0
            && line[digits..].starts_with(['.', ')'])
            && line[digits + 1..].starts_with(char::is_whitespace)
    };
    // "a) obywatelstwo polskie;", as an official announcement letters its list.
    let lettered = {
        let mut chars = line.chars();
        chars.next().is_some_and(char::is_alphabetic)
            && chars.next() == Some(')')
            && chars.next().is_some_and(char::is_whitespace)
    };
    // A row of a Markdown table ("| Zespół bezpośredni | 3 osoby |") stands alone as a field
    // does: its first cell labels the rest.
    let table_row = line.starts_with('|');
    if bullet || numbered || lettered || table_row || is_field(line) {
        return Layout::ListItem;
    }
    if line.starts_with('>') {
        return Layout::Quoted;
    }
    if (line.ends_with(':') && heading_words(line) <= HEADING_WORDS)
        || (is_title(line)
            && !next.starts_with(char::is_lowercase)
            && heading_words(line) <= title_words(line))
        || is_byline(line)
    {
        return Layout::Heading;
    }
    Layout::Prose
}

/// Whether a line is a pictograph and a few words in capitals, as job boards head a section:
/// "🔹 KSIĘGOWY/A – JUNIOR" over that level's duties and pay.
fn is_shouted_heading(line: &str) -> bool {
    let Some(rest) = after_pictographs(line) else {
        return false;
    };
    let rest = rest.trim();
    rest.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !rest.chars().any(char::is_lowercase)
        && rest.split_whitespace().count() <= HEADING_WORDS
}

/// What follows the pictographs a line opens with ("✅ ", "➡️ " with its variation selector),
/// if it opens with one.
fn after_pictographs(line: &str) -> Option<&str> {
    line.strip_prefix(is_pictograph)
        .map(|rest| rest.trim_start_matches(is_pictograph))
}

/// Whether a character is a pictograph that job boards open list lines with, as a bullet:
/// arrows, geometric shapes, dingbats and emoji ("✅ negocjacje z sieciami", "🔹 min. 3 lata
/// doświadczenia", "➡️ analiza danych"), or the variation selector that follows many of them.
fn is_pictograph(c: char) -> bool {
    matches!(c,
        '\u{2190}'..='\u{21FF}'
        | '\u{2500}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{1F000}'..='\u{1FAFF}'
        | '\u{FE0F}')
}

/// Whether a line is the rule under a Markdown table's header, "|---|:--:|", which holds no
/// words.
fn is_table_rule(line: &str) -> bool {
    line.starts_with('|') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Whether a line is a comment's byline, a name and when it was written: "Iza_z_Lublina · 2
/// dni temu", "rafal.b · 20 godzin temu", "Ala · 12.03.2025". It heads the comment under it.
pub(crate) fn is_byline(line: &str) -> bool {
    line.contains(" · ")
        && line.split_whitespace().count() <= HEADING_WORDS
        && (line.ends_with("temu")
            || line.ends_with("wczoraj")
            || line.ends_with(|c: char| c.is_ascii_digit()))
}

/// What closes a form's label: a colon, or the border of a table's cell.
const LABEL_ENDS: &[&str] = &[":", "|"];

/// What may stand between a form's label and its value: its end, and the emphasis of Markdown
/// written in a plain-text file.
const LABEL_MARKS: &[&str] = &[":", "|", "*", "_"];

/// Whether `token` closes a form's label: the colon of "Raportuje do: Dyrektor HR", the border
/// of the cell in "| Zespół | 3 osoby |".
pub(crate) fn closes_label(source: &str, token: &Token) -> bool {
    LABEL_ENDS.contains(&token.span.slice(source))
}

/// How many of `tokens`, which follow a label's last word, close that label: the run of marks
/// that may stand between a label and its value (":", "|" and the emphasis "**:**"), if it
/// holds what closes a label. `None` when the label goes on or nothing closes it.
pub(crate) fn label_end(source: &str, tokens: &[Token]) -> Option<usize> {
    let marks = tokens
        .iter()
        .take_while(|t| LABEL_MARKS.contains(&t.span.slice(source)))
        .count();
    tokens[..marks]
        .iter()
        .any(|t| closes_label(source, t))
        .then_some(marks)
}

/// Words a heading has at most: "Najczęściej zadawane pytania", "4.2. HR Business Partner".
const HEADING_WORDS: usize = 6;

/// Whether a short line is a title: it opens with a capital, a section number or "§" ("§ 3.
/// Praca w pełni zdalna") and ends with no punctuation, as "Kogo szukamy" or "Co oferujemy"
/// over the paragraph they head, or with a bracket that closes one it opened, as a job
/// digest heads an offer ("Business Analyst – Finvera (Warszawa, praca hybrydowa)"). Unless
/// the next line goes on in lower case, it is no part of that paragraph: a line of prose ends
/// with a full stop, and a hard-wrapped one rarely opens with a capital and stops short.
fn is_title(line: &str) -> bool {
    let closes_bracket =
        line.ends_with(')') && line.matches('(').count() == line.matches(')').count();
    line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '§')
        && (line.ends_with(char::is_alphanumeric) || closes_bracket)
}

/// Words a title has at most: [`HEADING_WORDS`], or [`PARTED_TITLE_WORDS`] for a line cut
/// into parts by spaced dashes or slashes, each opening with a capital, as a digest heads an
/// offer ("Specjalista ds. księgowości – Gdańsk – Baltic Shipping Services"). A part in lower
/// case is a line of facts ("Kraków | praca hybrydowa | umowa o pracę") or a phrase
/// ("Ścieżka kariery product managera – od juniora do Head of Product").
fn title_words(line: &str) -> usize {
    // Not a bar: "Kraków | praca hybrydowa" is a line of an ad's facts more often than a title.
    let is_separator = |word: &str| is_part_separator(word) && word != "|";
    let mut separators = 0;
    let mut opens_part = true;
    let mut parts_capitalised = true;
    for word in line.split_whitespace() {
        if is_separator(word) {
            separators += 1;
            opens_part = true;
        } else {
            parts_capitalised &= !opens_part || word.starts_with(char::is_uppercase);
            opens_part = false;
        }
    }
    if separators > 0 && parts_capitalised {
        PARTED_TITLE_WORDS
    } else {
        HEADING_WORDS
    }
}

/// Whether a line is cut into parts by a spaced dash, slash or bar, has at most
/// [`PARTED_TITLE_WORDS`] words and ends with no punctuation, as the header of an offer in a
/// digest does.
fn is_parted_line(line: &str) -> bool {
    (line.ends_with(char::is_alphanumeric) || line.ends_with([')', '”', '"']))
        && line.len() <= PARTED_LINE_BYTES
        && line.split_whitespace().any(is_part_separator)
        && heading_words(line) <= PARTED_TITLE_WORDS
}

/// Whether a word, spaced on both sides, cuts a title or an offer's header into parts: a dash,
/// a slash or a bar ("Lublin / Biuro Rachunkowe „Bilans” / księgowa", "Project Manager IT |
/// Tricity Soft").
pub(crate) fn is_part_separator(word: &str) -> bool {
    matches!(word, "–" | "—" | "-" | "/" | "|")
}

/// Bytes a line cut into parts has at most to be a title: ten words and their brackets, which
/// spares counting the words of a paragraph's long first line.
const PARTED_LINE_BYTES: usize = 200;

/// Words a title cut into parts has at most (see [`title_words`]).
const PARTED_TITLE_WORDS: usize = 10;

/// The words of a heading that count towards [`HEADING_WORDS`]: those outside brackets, and
/// not the dashes between its parts ("Business Analyst – Finvera (Warszawa, praca
/// hybrydowa)" has three).
fn heading_words(line: &str) -> usize {
    let mut depth = 0usize;
    let mut words = 0;
    for word in line.split_whitespace() {
        let opens = depth == 0 && word.starts_with('(');
        depth += word.matches('(').count();
        depth = depth.saturating_sub(word.matches(')').count());
        if !opens && depth == 0 && !word.ends_with(')') && !is_part_separator(word) {
            words += 1;
        }
    }
    words
}

/// Word-bound tokens of `text[range]`, appended to `tokens`, with digit groups, abbreviations
/// and hyphenated inflection suffixes joined; `pieces` is a buffer reused across blocks.
fn tokenize(
    text: &str,
    range: Range<usize>,
    pieces: &mut Vec<(usize, usize)>,
    tokens: &mut Vec<Token>,
) {
    let base = range.start;
    words::pieces(&text[range], pieces);
    let first = tokens.len();
    for &(start, end) in pieces.iter() {
        let token = Token {
            span: Span::new(base + start, base + end),
            kind: kind_of(&text[base + start..base + end]),
        };
        if let Some(last) = tokens[first..].last_mut()
            && joins(text, last, &token)
        {
            last.span = last.span.cover(&token.span);
            continue;
        }
        tokens.push(token);
    }
    // Hyphenated suffixes are joined in two steps ("KAM" + "-", then "KAM-" + "a"); a hyphen
    // left dangling at the end of a joined word is split off again.
    let dangling = |token: &Token| {
        token.kind == TokenKind::Word
            && token.span.len() > 1
            && token.span.slice(text).ends_with('-')
    };
    if tokens[first..].iter().any(dangling) {
        let joined = tokens.split_off(first);
        for token in joined {
            if dangling(&token) {
                let cut = token.span.end() - 1;
                tokens.push(Token {
                    span: Span::new(token.span.start(), cut),
                    kind: TokenKind::Word,
                });
                tokens.push(Token {
                    span: Span::new(cut, token.span.end()),
                    kind: TokenKind::Punct,
                });
            } else {
                tokens.push(token);
            }
        }
    }
}

/// A number is digits with "," or "."; a word has a letter or digit; the rest is punctuation.
fn kind_of(piece: &str) -> TokenKind {
    let bytes = piece.as_bytes();
    let numeric = bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes
            .iter()
            .all(|&b| b.is_ascii_digit() || b == b',' || b == b'.');
    if numeric {
        TokenKind::Number
    } else if bytes.iter().any(u8::is_ascii_alphanumeric)
        || (!piece.is_ascii() && piece.chars().any(char::is_alphanumeric))
    {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

/// Whether `next` continues `last` as one token.
fn joins(text: &str, last: &Token, next: &Token) -> bool {
    let last_text = last.span.slice(text);
    let next_text = next.span.slice(text);
    let adjacent = last.span.end() == next.span.start();
    match (last.kind, next.kind) {
        // "65 000", "1 200 000": a group of 1–3 digits, one space, then exactly three digits.
        (TokenKind::Number, TokenKind::Number) => {
            let gap = &text[last.span.end()..next.span.start()];
            let last_group = last_text.rsplit(' ').next().unwrap_or(last_text);
            matches!(gap, " " | "\u{a0}" | "\u{202f}")
                && last_group.len() <= 3
                && last_group.chars().all(|c| c.is_ascii_digit())
                && next_text.len() == 3
                && next_text.chars().all(|c| c.is_ascii_digit())
        }
        // "ds." "np." "m.in."
        (TokenKind::Word, TokenKind::Punct) if adjacent && next_text == "." => {
            is_abbreviation(last_text)
        }
        // "KAM" + "-": the start of an inflected abbreviation.
        (TokenKind::Word, TokenKind::Punct) if adjacent && next_text == "-" => {
            last_text.chars().count() >= 2
                && last_text
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit())
        }
        // "KAM-" + "a": the suffix.
        (TokenKind::Word, TokenKind::Word) if adjacent && last_text.ends_with('-') => {
            next_text.chars().count() <= 4 && next_text.chars().all(char::is_lowercase)
        }
        _ => false,
    }
}

fn is_abbreviation(word: &str) -> bool {
    // A single capital is an initial ("J. Kowalski"), except Roman numerals that end
    // sentences ("certyfikat PSM I.").
    lowercase::is_one_of(word, ABBREVIATIONS)
        || (word.chars().count() == 1
            && word.chars().all(char::is_uppercase)
            && !matches!(word, "I" | "V" | "X"))
}

/// Split the tokens of one block (from `first` to the end) into sentences and clauses.
fn split_sentences(text: &str, first: usize, layout: Layout, block: usize, doc: &mut Doc) {
    let end = doc.tokens.len();
    let mut start = first;
    for i in first..end {
        let is_last = i + 1 == end;
        // A "sentence" longer than any sentence people write (a file with no full stops) is cut,
        // so the work per sentence stays bounded.
        let too_long = i + 1 - start >= MAX_SENTENCE_TOKENS;
        // "4.2. HR Business Partner", "§ 3. Praca w pełni zdalna", "2. Nordbyte, Warszawa –
        // Senior Scrum Master": the dot of a number that opens a heading or a list item, after
        // a "§" or not, ends a section number, not a sentence.
        let number_at = if doc.tokens[first].span.slice(text) == "§" {
            first + 1
        } else {
            first
        };
        let section_number = matches!(layout, Layout::Heading | Layout::ListItem)
            && i == number_at + 1
            && doc
                .tokens
                .get(number_at)
                .is_some_and(|t| t.kind == TokenKind::Number);
        if is_last || too_long || (!section_number && ends_sentence(text, &doc.tokens, i)) {
            if start <= i {
                let tokens = start..i + 1;
                let span = doc.tokens[start].span.cover(&doc.tokens[i].span);
                let clauses = split_clauses(text, &doc.tokens, tokens.clone());
                doc.sentences.push(Sentence {
                    span,
                    tokens,
                    clauses,
                    layout,
                    block,
                });
            }
            start = i + 1;
        }
    }
}

fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    if !closes(text, tokens, i) {
        return false;
    }
    match tokens.get(i + 1) {
        None => true,
        Some(next) => {
            let next_text = next.span.slice(text);
            if matches!(next_text, "." | "!" | "?" | "…" | "\"" | "”" | ")" | "»")
                || (is_emphasis(next_text) && next.span.start() == tokens[i].span.end())
            {
                return false;
            }
            next_text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "„\"«(–—-".contains(c))
        }
    }
}

/// Markdown emphasis is at most this many characters: "***" is bold italic.
const EMPHASIS_RUN: usize = 3;

/// Whether token `i` is a sentence's final punctuation, or the emphasis closing right after it
/// in Markdown written in a plain-text file ("**Czy muszę mieć doświadczenie?**").
fn closes(text: &str, tokens: &[Token], i: usize) -> bool {
    // Back over at most EMPHASIS_RUN emphasis tokens, each right after the one before: a
    // longer run of "*" is no emphasis, and the walk stays short on hostile input.
    let mut at = i;
    while is_emphasis(tokens[at].span.slice(text)) {
        if i - at == EMPHASIS_RUN || at == 0 || tokens[at - 1].span.end() != tokens[at].span.start()
        {
            return false;
        }
        at -= 1;
    }
    let token = &tokens[at];
    let surface = token.span.slice(text);
    match token.kind {
        TokenKind::Punct => {
            matches!(surface, "." | "!" | "?" | "…") || surface.ends_with(['.', '!', '?'])
        }
        TokenKind::Word if surface.ends_with('.') => {
            lowercase::is_one_of(surface.trim_end_matches('.'), SENTENCE_FINAL_ABBREVIATIONS)
        }
        _ => false,
    }
}

/// Markdown emphasis, "*" (a token of its own; "_" joins the word it touches).
fn is_emphasis(surface: &str) -> bool {
    surface == "*"
}

/// Clauses of at most this many words before a dash are an ellipsis, not a clause of their own.
const ELLIPSIS_WORDS: usize = 3;

fn words_between(tokens: &[Token], start: usize, end: usize) -> usize {
    tokens[start..end]
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count()
}

/// Whether token `i` stands between white space (or at an edge) on both sides.
pub(crate) fn spaced(tokens: &[Token], i: usize) -> bool {
    let before = i == 0 || tokens[i - 1].span.end() < tokens[i].span.start();
    let after = tokens
        .get(i + 1)
        .is_none_or(|next| next.span.start() > tokens[i].span.end());
    before && after
}

fn split_clauses(text: &str, tokens: &[Token], sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut clauses = Vec::new();
    let mut start = sentence.start;
    // The token after `i`, if it is one of `openers` and in the sentence: a clause starts there.
    let next_opens = |i: usize, openers: &[&str]| {
        tokens
            .get(i + 1)
            .filter(|_| i + 1 < sentence.end)
            .filter(|next| lowercase::is_one_of(next.span.slice(text), openers))
            .map(|_| i + 1)
    };
    for i in sentence.clone() {
        let surface = tokens[i].span.slice(text);
        let breaks_before = match surface {
            ";" => Some(i + 1),
            // A dash between spaces ("Scrum Master – z zespołem"), not one joining a range.
            // A dash after only a few words marks an elided verb instead ("a Product Manager –
            // na dyrektora produktu") and stays inside the clause.
            "–" | "—" if spaced(tokens, i) && words_between(tokens, start, i) > ELLIPSIS_WORDS => {
                Some(i + 1)
            }
            "," => next_opens(i, CLAUSE_OPENERS)
                .or_else(|| next_opens(i, CONCESSIONS))
                .or_else(|| {
                    CLAUSE_OPENING_PAIRS.iter().find_map(|(first, seconds)| {
                        let opens = next_opens(i, &[first])?;
                        next_opens(opens, seconds).map(|_| opens)
                    })
                }),
            "(" => next_opens(i, CONCESSIONS),
            _ => None,
        };
        if let Some(next_start) = breaks_before
            && next_start > start
            && next_start < sentence.end
        {
            clauses.push(start..next_start);
            start = next_start;
        }
    }
    clauses.push(start..sentence.end);
    clauses
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let doc = segment(text);
        doc.sentences.iter().map(|s| s.span.slice(text)).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        segment(text)
            .tokens
            .iter()
            .map(|t| t.span.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_before_capitals_do_not_end_sentences() {
        let text = "Kierownik ds. Klientów Kluczowych dba np. Jira i tzw. Scrum. \
                    Zarabia ok. 12 000 zł, jak mówi prof. Nowak. Drugie zdanie. \
                    Wymagamy prawa jazdy kat. B i znajomości art. 151 Kodeksu pracy.";
        assert_eq!(
            sentences(text),
            [
                "Kierownik ds. Klientów Kluczowych dba np. Jira i tzw. Scrum.",
                "Zarabia ok. 12 000 zł, jak mówi prof. Nowak.",
                "Drugie zdanie.",
                "Wymagamy prawa jazdy kat. B i znajomości art. 151 Kodeksu pracy."
            ]
        );
    }

    #[test]
    fn a_question_in_markdown_emphasis_ends_before_its_answer() {
        let text = "**Czy muszę mieć doświadczenie?**\nNie. Doświadczenia nie wymagamy.";
        let doc = segment(text);
        let found: Vec<(&str, bool)> = doc
            .sentences
            .iter()
            .map(|s| (s.span.slice(text), s.is_question(text)))
            .collect();
        assert_eq!(
            found,
            [
                ("**Czy muszę mieć doświadczenie?**", true),
                ("Nie.", false),
                ("Doświadczenia nie wymagamy.", false)
            ]
        );
    }

    #[test]
    fn digit_groups_stay_whole() {
        assert_eq!(
            words("65 000 dolarów, 12 300 zł i 1 200 000 euro w 2024 r."),
            [
                "65 000",
                "dolarów",
                ",",
                "12 300",
                "zł",
                "i",
                "1 200 000",
                "euro",
                "w",
                "2024",
                "r."
            ]
        );
    }

    #[test]
    fn inflected_abbreviations_are_one_word() {
        assert_eq!(
            words("Zatrudnij KAM-a i PM-em."),
            ["Zatrudnij", "KAM-a", "i", "PM-em", "."]
        );
        assert_eq!(
            words("Grupa KAM - trzy osoby"),
            ["Grupa", "KAM", "-", "trzy", "osoby"]
        );
    }

    #[test]
    fn comparisons_split_into_clauses() {
        let text = "Account Manager dba o klientów, natomiast Project Manager pilnuje terminów; \
                    księgowa liczy, a rekruter szuka ludzi, do czego dochodzi premia, \
                    przy czym nie do końca.";
        let doc = segment(text);
        let clauses: Vec<&str> = doc.sentences[0]
            .clauses
            .iter()
            .map(|c| {
                doc.tokens[c.start]
                    .span
                    .cover(&doc.tokens[c.end - 1].span)
                    .slice(text)
            })
            .collect();
        assert_eq!(
            clauses,
            [
                "Account Manager dba o klientów,",
                "natomiast Project Manager pilnuje terminów;",
                "księgowa liczy,",
                "a rekruter szuka ludzi,",
                "do czego dochodzi premia, przy czym nie do końca."
            ]
        );
    }

    /// Every sentence of `text` with its layout.
    fn layouts(text: &str) -> Vec<(Layout, &str)> {
        segment(text)
            .sentences
            .iter()
            .map(|s| (s.layout, s.span.slice(text)))
            .collect()
    }

    #[test]
    fn wiki_headings_are_headings() {
        let text =
            "== Kierownik projektu ==\nOdpowiada za wdrożenie.\n=== Zespół ===\nLiczy pięć osób.";
        assert_eq!(
            layouts(text),
            [
                (Layout::Heading, "== Kierownik projektu =="),
                (Layout::Prose, "Odpowiada za wdrożenie."),
                (Layout::Heading, "=== Zespół ==="),
                (Layout::Prose, "Liczy pięć osób."),
            ]
        );
    }

    #[test]
    fn lines_opening_with_a_pictograph_are_list_items() {
        let text = "Oferujemy:\n✅ samochód służbowy\n➡️ laptop i telefon\n📍 Kraków: 7 000 zł\n✅nie lista";
        assert_eq!(
            layouts(text),
            [
                (Layout::Heading, "Oferujemy:"),
                (Layout::ListItem, "✅ samochód służbowy"),
                (Layout::ListItem, "➡️ laptop i telefon"),
                (Layout::ListItem, "📍 Kraków: 7 000 zł"),
                (Layout::Prose, "✅nie lista"),
            ]
        );
        assert_eq!(
            layouts("🔹 KSIĘGOWY/A – JUNIOR\n✅ dekretacja dokumentów"),
            [
                (Layout::Heading, "🔹 KSIĘGOWY/A – JUNIOR"),
                (Layout::ListItem, "✅ dekretacja dokumentów"),
            ]
        );
    }

    #[test]
    fn headings_and_list_items_are_their_own_blocks() {
        let text = "Project Manager\r\n\r\nWymagania:\r\n- 3 lata doświadczenia\r\n- angielski\r\nTekst ciągły\r\ndalej.";
        assert_eq!(
            layouts(text),
            [
                (Layout::Heading, "Project Manager"),
                (Layout::Heading, "Wymagania:"),
                (Layout::ListItem, "- 3 lata doświadczenia"),
                (Layout::ListItem, "- angielski"),
                (Layout::Prose, "Tekst ciągły\r\ndalej."),
            ]
        );
    }

    #[test]
    fn lettered_items_are_list_items() {
        // Blind bf01: an official announcement letters its requirements.
        let text = "Wymagania niezbędne:\na) obywatelstwo polskie;\nb) trzyletni staż pracy.";
        assert_eq!(
            layouts(text),
            [
                (Layout::Heading, "Wymagania niezbędne:"),
                (Layout::ListItem, "a) obywatelstwo polskie;"),
                (Layout::ListItem, "b) trzyletni staż pracy."),
            ]
        );
    }

    #[test]
    fn a_digest_heads_each_offer_with_a_line_of_its_own() {
        let text = "Business Analyst – Finvera (Warszawa, praca hybrydowa)\nFinvera buduje \
                    platformę.\n\n2. Nordbyte, Warszawa – Senior Scrum Master\nFirma oczekuje \
                    pięciu lat.\n\nWynagrodzenie (brutto)\nwynosi 9 000 zł.";
        assert_eq!(
            layouts(text),
            [
                (
                    Layout::Heading,
                    "Business Analyst – Finvera (Warszawa, praca hybrydowa)"
                ),
                (Layout::Prose, "Finvera buduje platformę."),
                (
                    Layout::ListItem,
                    "2. Nordbyte, Warszawa – Senior Scrum Master"
                ),
                (Layout::Prose, "Firma oczekuje pięciu lat."),
                (Layout::Prose, "Wynagrodzenie (brutto)\nwynosi 9 000 zł."),
            ]
        );
    }

    #[test]
    fn a_short_line_without_punctuation_heads_the_paragraph_under_it() {
        let text = "Kogo szukamy\nDoświadczenie w sprzedaży nie jest u nas wymagane.\n\n\
                    4.2. HR Business Partner\nKażdy pion ma jednego HR Business Partnera.\n\
                    Zespół liczy\npięć osób.\n\n§ 3. Praca w pełni zdalna\nZgodę wydaje \
                    Pracodawca.";
        assert_eq!(
            layouts(text),
            [
                (Layout::Heading, "Kogo szukamy"),
                (
                    Layout::Prose,
                    "Doświadczenie w sprzedaży nie jest u nas wymagane."
                ),
                (Layout::Heading, "4.2. HR Business Partner"),
                (Layout::Prose, "Każdy pion ma jednego HR Business Partnera."),
                (Layout::Prose, "Zespół liczy\npięć osób."),
                (Layout::Heading, "§ 3. Praca w pełni zdalna"),
                (Layout::Prose, "Zgodę wydaje Pracodawca."),
            ]
        );
    }

    #[test]
    fn fields_and_headings_in_markdown_emphasis_are_fields_and_headings() {
        let text = "**Lokalizacja:** Poznań, praca hybrydowa\n**Wymagania:**\nZnajomość Excela.";
        assert_eq!(
            layouts(text),
            [
                (Layout::ListItem, "**Lokalizacja:** Poznań, praca hybrydowa"),
                (Layout::Heading, "**Wymagania:**"),
                (Layout::Prose, "Znajomość Excela."),
            ]
        );
    }

    #[test]
    fn form_fields_stand_alone_but_a_colon_in_prose_does_not_cut_it() {
        let text = "Nazwa stanowiska: HR Business Partner\nPodległe stanowiska: brak\nWymagany staż pracy w obszarze HR: min. 3 lata\nZespół liczy, jak mówiliśmy: pięć osób\ni rośnie.";
        assert_eq!(
            layouts(text),
            [
                (Layout::ListItem, "Nazwa stanowiska: HR Business Partner"),
                (Layout::ListItem, "Podległe stanowiska: brak"),
                (
                    Layout::ListItem,
                    "Wymagany staż pracy w obszarze HR: min. 3 lata"
                ),
                (
                    Layout::Prose,
                    "Zespół liczy, jak mówiliśmy: pięć osób\ni rośnie."
                ),
            ]
        );
    }

    #[test]
    fn bylines_and_quoted_reply_lines_stand_alone() {
        let text = "Iza_z_Lublina · 2 dni temu\nArtykuł fajny.\n> account manager nie ma planu\nNie zgodzę się.";
        assert_eq!(
            layouts(text),
            [
                (Layout::Heading, "Iza_z_Lublina · 2 dni temu"),
                (Layout::Prose, "Artykuł fajny."),
                (Layout::Quoted, "> account manager nie ma planu"),
                (Layout::Prose, "Nie zgodzę się."),
            ]
        );
    }

    #[test]
    fn table_rows_stand_alone_and_the_header_rule_is_no_sentence() {
        let text = "| Pole | Opis |\n|---|:---:|\n| Zespół bezpośredni | 3 osoby |\n| Tryb pracy | hybrydowy |";
        assert_eq!(
            layouts(text),
            [
                (Layout::ListItem, "| Pole | Opis |"),
                (Layout::ListItem, "| Zespół bezpośredni | 3 osoby |"),
                (Layout::ListItem, "| Tryb pracy | hybrydowy |"),
            ]
        );
    }

    #[test]
    fn a_field_label_may_end_in_one_bracket() {
        let text = "Mid (etat, Warszawa): 13 000–17 000 zł brutto
Senior (B2B): 21 000 zł netto
Zespół (jak mówiliśmy) liczy: pięć osób
i rośnie.";
        assert_eq!(
            layouts(text),
            [
                (
                    Layout::ListItem,
                    "Mid (etat, Warszawa): 13 000–17 000 zł brutto"
                ),
                (Layout::ListItem, "Senior (B2B): 21 000 zł netto"),
                (
                    Layout::Prose,
                    "Zespół (jak mówiliśmy) liczy: pięć osób\ni rośnie."
                ),
            ]
        );
    }
}
