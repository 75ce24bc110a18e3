//! extract: clauses with roles → [`Claim`]s.
//!
//! Runs every value's cue phrases (and regex) over each clause that has a role, and every
//! metric's number engine, and decides each claim's polarity (negation before the cue, "ani")
//! and modality (possible "może", and what an ad only wishes for, "mile widziane", or a share
//! of the role's holders states, "38% rekruterów"; reported "to mit, że"; conditional "jeśli";
//! quoted, also across sentences). A number's qualifiers ("mediana", "B2B") are the nearest
//! amount's. In a job ad, a list under a dimension heading ("Wymagania:") yields only that
//! dimension's values. Does not compare claims: that is `check`'s job.

pub mod numbers;

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::decode::Text;
use crate::lemma::Lemmas;
use crate::lowercase;
use crate::markers::Markers;
use crate::phrase::Phrase;
use crate::roles::{Attribution, Subject, Voice};
use crate::rules::{
    DimensionIdx, Hints, Marker, MetricEngine, Qualifier, QualifierKind, RoleIdx, RuleSet, ValueIdx,
};
use crate::segment::{self, Doc, Layout, Token, TokenKind};
use crate::span::{Norm, Orig, Span};
use numbers::{Quantity, Word};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Affirmed,
    Negated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact: the only claims that can conflict.
    Asserted,
    /// "może", "czasem", "bywa".
    Possible,
    /// Attributed to others or refuted: "to mit, że", "niesłusznie uważa się".
    Reported,
    /// "jeśli", "o ile", "w razie".
    Conditional,
    /// Asked, not stated: "Czy Scrum Master musi umieć programować?"
    Question,
    /// Inside quotation marks: somebody's words, not the text's.
    Quoted,
}

/// One thing a text says about one role.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub role: RoleIdx,
    pub value: ValueIdx,
    pub polarity: Polarity,
    pub modality: Modality,
    pub quantity: Option<Box<Quantity>>,
    pub subject: Subject,
    /// The words that carry the claim.
    pub span: Span<Orig>,
    /// The sentence it stands in.
    pub sentence: Span<Orig>,
    /// The cue phrase (or regex) that produced it.
    pub cue: Arc<str>,
    /// Whose words they are: the text's, or a forum poster's.
    pub voice: Voice,
}

impl Claim {
    /// Whether this claim states a fact (not hedged, reported or conditional) and affirms it.
    pub fn asserts(&self) -> bool {
        self.modality == Modality::Asserted && self.polarity == Polarity::Affirmed
    }
}

/// Extract every claim of a document.
pub fn extract(
    text: &Text,
    doc: &Doc,
    lemmas: &Lemmas,
    markers: &[Markers],
    roles: &Attribution,
    rules: &RuleSet,
) -> Vec<Claim> {
    let source = text.normalized();
    let regex_hints = rules.regex_hints(source);
    let mut claims = Vec::new();
    let mut section: Option<DimensionIdx> = None;
    // The money metric of the dimension a heading names ("Wynagrodzenie", "Widełki"): an
    // amount in a list item under it is that metric's.
    let mut section_metrics: Vec<(ValueIdx, Arc<str>)> = Vec::new();
    // The metric qualifiers a heading names ("Poziom junior", "Mediana"), by metric: the list
    // under it is about that level only (see `scope_to_section`).
    let mut section_qualifiers: Vec<MetricLevels> = Vec::new();
    // The block right under the last heading.
    let mut headed_block = 0;
    // The block and the words of the sentence before, whose levels ("Junior Account Manager
    // …") a sentence may refer back to ("na tym poziomie").
    let mut sentence_before: Option<(usize, &[usize])> = None;
    // The list after a heading such as "Mile widziane:" is wished for, not required.
    let mut section_optional = false;
    // The list after a heading such as "Oferujemy:" or "Co dostajesz:" is what the employer
    // offers: an item of it that states a pay is the role's pay, as in an ad's header.
    let mut section_offered = false;
    // Whether the text is still in the list of facts an ad opens with, under its title and
    // before its first paragraph or heading: "🔹 KEY ACCOUNT MANAGER (k/m) ¶ 📍 Poznań ¶ 💰
    // 12–15 tys. zł brutto/mies." gives the pay of the role the title names.
    let mut in_header = true;
    let mut asked: Vec<(ValueIdx, Arc<str>)> = Vec::new();
    let any_pay = money_metrics(None, rules);
    // Whether the sentence before was a question with a condition: "Co, jeśli zrealizuję mniej
    // niż 90% planu? Premia za realizację planu wtedy nie przysługuje" answers for that case.
    let mut asked_condition = false;
    // A quotation still open at the end of a sentence, and the block that sentence is in.
    let mut open_quote = None;
    let mut previous_block = None;
    let quoted_blocks = quoted_blocks(source, doc, markers);
    let by_place = sections_by_place(doc, markers, lemmas, rules);
    for (index, (((sentence, markers), clause_roles), voice)) in doc
        .sentences
        .iter()
        .zip(markers)
        .zip(&roles.clauses)
        .zip(&roles.voices)
        .enumerate()
    {
        let sentence_words = markers.words();
        let sentence_mentions = {
            let start = roles.mentions.partition_point(|m| m.sentence < index);
            let end = roles.mentions.partition_point(|m| m.sentence <= index);
            &roles.mentions[start..end]
        };
        in_header &= sentence.layout == Layout::ListItem || sentence.block == 0;
        match sentence.layout {
            Layout::Heading => {
                section = heading_dimension(sentence_words, lemmas, rules);
                section_metrics = section.map_or_else(Vec::new, |d| money_metrics(Some(d), rules));
                // A list's label with no level of its own ("Oczekujemy:") heads a part of the
                // level's section above it ("🔹 KSIĘGOWY/A – JUNIOR"); a title replaces it.
                let levels = heading_qualifiers(sentence_words, lemmas, rules);
                let labels_a_list = doc.tokens[..sentence.tokens.end]
                    .last()
                    .is_some_and(|t| segment::closes_label(source, t));
                if !levels.is_empty() || !labels_a_list {
                    section_qualifiers = levels;
                }
                section_optional = markers.any(Marker::Optional, 0..sentence_words.len());
                section_offered = markers.any(Marker::Offered, 0..sentence_words.len());
                headed_block = sentence.block + 1;
            }
            Layout::Prose => {
                section = None;
                section_metrics.clear();
                // "Młodszy rekruter" over a paragraph: the paragraph right under the heading is
                // about that level, as a list under it is; not under one that names a span of
                // levels ("Rekruter – od juniora do seniora").
                if sentence.block != headed_block
                    || section_qualifiers
                        .iter()
                        .any(|(_, labels)| labels.len() > 1)
                {
                    section_qualifiers.clear();
                }
                section_optional = false;
                section_offered = false;
            }
            Layout::ListItem | Layout::Quoted => {}
        }
        let optional = if section_optional && sentence.layout == Layout::ListItem {
            std::iter::once(0..sentence_words.len()).collect()
        } else {
            optional_parts(source, doc, markers)
        };
        let sentence_span = text.to_original(sentence.span);
        // A heading that opens with an interrogative asks without a question mark: "Co wymaga
        // obecności w biurze" heads the answer, it asserts nothing.
        let question = sentence.is_question(source)
            || (sentence.layout == Layout::Heading
                && sentence_words.first().is_some_and(|&w| {
                    lowercase::is_one_of(doc.tokens[w].span.slice(source), INTERROGATIVES)
                }));
        if previous_block != Some(sentence.block) {
            open_quote = None;
        }
        previous_block = Some(sentence.block);
        let quotes = if quoted_blocks.contains(&sentence.block) {
            vec![sentence.tokens.clone()]
        } else {
            quoted_ranges(source, doc, sentence.tokens.clone(), &mut open_quote)
        };
        // "Ile zarabia Scrum Master? W Polsce ok. 14 000 zł": an answer takes the metric its
        // question asked about.
        let answering = std::mem::take(&mut asked);
        let answers_condition = std::mem::take(&mut asked_condition);
        let mut sentence_metrics: Vec<(ValueIdx, Arc<str>)> = answering.clone();
        if sentence.layout == Layout::ListItem {
            sentence_metrics.extend(section_metrics.iter().cloned());
        }
        // "3) Kierownik projektu – kat. XVII, od 6 800 do 8 900 zł brutto miesięcznie": in a
        // pay table written as a list, an item with no metric of its own or its section's gives
        // a pay when its amount is gross or net for a period (see `states_a_pay`), and it names
        // the role or a level, and no other thing amounts belong to.
        let pay_line = sentence.layout == Layout::ListItem && sentence_metrics.is_empty();
        if pay_line {
            sentence_metrics.extend(any_pay.iter().cloned());
        }
        let inherits_metrics = !sentence_metrics.is_empty();
        // The label the item opens with, found at its first amount with no cue.
        let item_label = std::cell::OnceCell::new();
        // Whether the sentence names a metric as its topic and gives no amount of it.
        let mut announces_metric = false;
        let mut previous_values: Vec<(ValueIdx, Arc<str>)> = Vec::new();
        // Each metric's qualifiers in this sentence, found once.
        let mut qualifiers_of: Vec<(ValueIdx, Vec<Qualifier>)> = Vec::new();
        // The clause before: its first word, its words, and whether it repeats a hedged verb.
        let mut before: Option<(usize, Range<usize>, bool)> = None;
        // Where the clause's statement and item start among the sentence's words (see
        // `ClauseContext`): after the last dash or semicolon, and the last semicolon, that cut
        // the sentence before the clause.
        let mut statement_start = 0;
        let mut item_start = 0;
        let first_claim = claims.len();
        for (clause, clause_role) in sentence.clauses.iter().zip(clause_roles) {
            let clause_words = markers.range_of(clause);
            let words = &sentence_words[clause_words.clone()];
            let cut_by = (clause.start > sentence.tokens.start)
                .then(|| doc.tokens[clause.start - 1].span.slice(source));
            if matches!(cut_by, Some("–" | "—" | ";")) {
                statement_start = clause_words.start;
            }
            // "O ile A, o tyle B" sets A against B: "o ile" sets no condition on B.
            let answers_o_ile = words.len() > 1
                && lowercase::is_one_of(doc.tokens[words[0]].span.slice(source), &["o"])
                && lowercase::is_one_of(doc.tokens[words[1]].span.slice(source), &["tyle"]);
            if cut_by == Some(";") || answers_o_ile {
                item_start = clause_words.start;
            }
            let hedged_before = before
                .take()
                .is_some_and(|(first, words_before, inherited)| {
                    repeats_verb_of(source, doc, words, first)
                        && (inherited || hedges(markers, words_before).next().is_some())
                });
            before = words
                .first()
                .map(|&first| (first, clause_words.clone(), hedged_before));
            // A heading that names no role names a topic ("Certyfikaty i rozwój", "Praca
            // zdalna"), what the section under it says about the role: it claims nothing itself.
            // The text's title and the line under it do ("Poznań, praca hybrydowa").
            let topic = sentence.layout == Layout::Heading
                && sentence.block >= TITLE_BLOCKS
                && clause_role.is_some_and(|r| r.subject != Subject::Named);
            let Some(clause_role) = clause_role.filter(|_| !topic) else {
                continue;
            };
            let context = ClauseContext {
                source,
                doc,
                lemmas,
                rules,
                words,
                sentence_words,
                offset: clause_words.start,
                statement_start,
                item_start,
                markers,
                subject_start: clause_role.start,
                after: clause_role.after,
                question,
                quotes: &quotes,
                hedged_before,
                answers_condition,
                optional: &optional,
                regex_hints: &regex_hints,
                number_words: std::cell::OnceCell::new(),
                relative_pronouns: std::cell::OnceCell::new(),
                asides: std::cell::OnceCell::new(),
            };
            let before = claims.len();
            let mut matches = context.cue_matches();
            // "Project Manager awansuje na kierownika PMO, a Product Manager – na dyrektora
            // produktu": a named role followed by a dash and no cue of its own repeats what the
            // clause before said, of its own role.
            let dash_after_name = clause_role.subject == Subject::Named
                && doc
                    .tokens
                    .get(clause_role.after)
                    .is_some_and(|t| matches!(t.span.slice(source), "–" | "—"));
            let elided = (dash_after_name && matches.is_empty())
                .then(|| words.iter().position(|&w| w > clause_role.after))
                .flatten()
                .map(|first| (first, words.len() - 1));
            if elided.is_some() {
                for (value, cue) in &previous_values {
                    matches.push((*value, None, cue.clone()));
                }
            }
            // "Product Manager zarabia 15 000 zł, a Project Manager 12 000 zł": a clause that
            // names its own role but leaves the verb out takes the metric of the clause before,
            // as does an amount set off by a dash after it: "mediana płac przedstawicieli
            // handlowych – 7 600 zł brutto miesięcznie – i tak jest wyższa …".
            let amount_after_dash = matches!(cut_by, Some("–" | "—"))
                && words
                    .first()
                    .is_some_and(|&w| doc.tokens[w].kind == TokenKind::Number);
            if clause_role.subject == Subject::Named || inherits_metrics || amount_after_dash {
                for (value, cue) in &sentence_metrics {
                    if !matches.iter().any(|(v, ..)| v == value) {
                        matches.push((*value, None, cue.clone()));
                    }
                }
            }
            // The negations that cues of the clause hold ("nie wymagamy doświadczenia", "brak
            // doświadczenia"): past a comma they deny nothing more (see `polarity_and_modality`).
            let spent: Vec<usize> = matches
                .iter()
                .filter_map(|(_, cue_words, _)| *cue_words)
                .flat_map(|w| {
                    markers.within(
                        Marker::Negation,
                        context.offset + w.first..context.offset + w.last + 1,
                    )
                })
                .collect();
            for (value, cue_words, cue) in matches {
                if cue_words.is_some_and(|w| context.about_another_noun(w.first)) {
                    continue;
                }
                // A number's cue is no topic: "z trzyletnim doświadczeniem w tej roli zarabiają
                // 17 200 zł".
                let from_topics = rules.values[value].metric.is_some()
                    || rules.dimensions[rules.values[value].dimension].from_topics;
                if !from_topics && cue_words.is_some_and(|w| context.in_topic(w.first)) {
                    continue;
                }
                let admitted = section.is_none_or(|d| {
                    rules.values[value].metric.is_some()
                        || rules.admits(d, rules.values[value].dimension)
                });
                let repeated = claims[before..]
                    .iter()
                    .any(|c: &Claim| c.value == value && c.quantity.is_none());
                if !admitted || repeated {
                    continue;
                }
                // `when`: the words whose part of the clause says whether the claim is about the
                // past (see `ClauseContext::about_the_past`), the cue's, or a number's.
                let claim = |(first, last): (usize, usize),
                             when: (usize, usize),
                             span: Span<Norm>,
                             quantity,
                             qualifiers: &[Qualifier]| {
                    let (polarity, modality) = context.polarity_and_modality(
                        (first, last),
                        when,
                        qualifiers,
                        &cue,
                        &spent,
                    );
                    Claim {
                        role: clause_role.role,
                        value,
                        polarity,
                        modality,
                        quantity,
                        subject: clause_role.subject,
                        span: text.to_original(span),
                        sentence: sentence_span,
                        cue: cue.clone(),
                        voice: voice.clone(),
                    }
                };
                let span_of = |(a, b): (usize, usize)| {
                    doc.tokens[words[a]].span.cover(&doc.tokens[words[b]].span)
                };
                match (&rules.values[value].metric, cue_words) {
                    (None, Some(cue_words)) => claims.push(claim(
                        cue_words.read_at(),
                        cue_words.read_at(),
                        span_of(cue_words.range()),
                        None,
                        &[],
                    )),
                    (None, None) => {
                        if let Some(rest) = elided {
                            claims.push(claim(rest, rest, span_of(rest), None, &[]));
                        }
                    }
                    (Some(metric), _) => {
                        if cue_words.is_some() {
                            sentence_metrics.retain(|(v, _)| *v != value);
                            sentence_metrics.push((value, cue.clone()));
                        }
                        let qualifiers = match qualifiers_of.iter().find(|(v, _)| *v == value) {
                            Some((_, found)) => found.clone(),
                            None => {
                                let found = metric.qualifiers_in(sentence_words, lemmas);
                                qualifiers_of.push((value, found.clone()));
                                found
                            }
                        };
                        let anchor = cue_words.map_or((0, 0), CueWords::range);
                        let quantities = context.quantities(metric.engine, anchor);
                        // An item of a pay table with no cue (`pay_line`) gives pay only if it
                        // names the role or a level, or stands in an ad's header or in a list of
                        // what the employer offers, and only the
                        // amounts before any other thing amounts belong to ("💰 12–15 tys. zł
                        // brutto/mies. + premia kwartalna"): asked once for the clause, not for
                        // each of its amounts.
                        let cueless_item = cue_words.is_none() && pay_line;
                        let item_of_pay = cueless_item
                            && (clause_role.subject == Subject::Named
                                || ((in_header || section_offered)
                                    && clause_role.subject == Subject::Carried)
                                || !metric.qualifiers_in(words, lemmas).is_empty());
                        // Where the first other thing amounts belong to stands, for an item
                        // of pay (`usize::MAX` if none does); `None` for any other cueless item.
                        let other_thing = item_of_pay.then(|| {
                            metric
                                .amounts_of
                                .matches(words, lemmas)
                                .iter()
                                .map(|&(_, first, _)| first)
                                .min()
                                .unwrap_or(usize::MAX)
                        });
                        // An amount after the cue and another thing's name is that thing's,
                        // unless it counts the thing in ("razem z premią wyniosło …").
                        let quantities: Vec<_> = quantities
                            .into_iter()
                            .filter(|(_, (a, _))| {
                                let between = words.get(anchor.1 + 1..*a).unwrap_or_default();
                                let others = metric.amounts_of.matches(between, lemmas);
                                cue_words.is_none()
                                    || others.iter().all(|&(_, first, _)| {
                                        first > 0 && context.is_word(between.get(first - 1), "z")
                                    })
                            })
                            .filter(|(quantity, (first, _))| {
                                !cueless_item
                                    || other_thing.is_some_and(|other| {
                                        *first < other && states_a_pay(quantity)
                                    })
                            })
                            .collect();
                        // "Jeszcze raz o widełkach. Na umowie o pracę to jest od 17 do 21
                        // tysięcy złotych": a sentence about a metric with no amount of it is
                        // answered by the next one, as a question is.
                        announces_metric |= quantities.is_empty()
                            && cue_words.is_some_and(|w| {
                                w.first > 0
                                    && words[w.first] == words[w.first - 1] + 1
                                    && context.is_word(words.get(w.first - 1), "o")
                            });
                        let amounts: Vec<(usize, usize)> =
                            quantities.iter().map(|(_, number)| *number).collect();
                        for (n, (mut quantity, number)) in quantities.into_iter().enumerate() {
                            quantity.qualifiers = qualifiers_of_amount(
                                &qualifiers,
                                &amounts,
                                n,
                                clause_words.clone(),
                                |a, b| {
                                    let (a, b) = (sentence_words[a], sentence_words[b]);
                                    set_apart(source, &doc.tokens[a.min(b)..a.max(b)])
                                },
                            );
                            let role_label = labelled_by(
                                source,
                                doc,
                                sentence_mentions,
                                words[0]..words[number.0],
                            );
                            // "- Warszawa: 9 000–12 000 zł" under "Zarobki:": the item's label
                            // sets its amount apart from the other items', as a level does.
                            if cue_words.is_none()
                                && role_label.is_none()
                                && quantity.qualifiers.is_empty()
                                && let Some(label) =
                                    field_label(source, doc, words[0]..words[number.0])
                            {
                                quantity.qualifiers.push(label);
                            }
                            // "📍 Kraków: junior 6 000–7 500 zł …, senior 10 000–13 000 zł …":
                            // the label sets the item's every amount apart, past its first
                            // clause and beside a level, unless it is a level itself.
                            if cue_words.is_none()
                                && role_label.is_none()
                                && sentence.layout == Layout::ListItem
                                && let Some((label_words, label)) = item_label.get_or_init(|| {
                                    label_of_item(
                                        source,
                                        doc,
                                        sentence_words,
                                        lemmas,
                                        rules,
                                        sentence_mentions,
                                    )
                                })
                                && context.offset + number.0 >= *label_words
                                && metric
                                    .qualifiers_in(&sentence_words[..*label_words], lemmas)
                                    .is_empty()
                                && !quantity.qualifiers.contains(label)
                            {
                                quantity.qualifiers.push(label.clone());
                            }
                            let known = claims[before..].iter().any(|c| {
                                c.value == value && c.quantity.as_deref() == Some(&quantity)
                            });
                            if known {
                                continue;
                            }
                            let span = match cue_words {
                                Some(cue_words) => {
                                    span_of(number).cover(&span_of(cue_words.range()))
                                }
                                None => span_of(number),
                            };
                            let mut found = claim(
                                cue_words.map_or(number, CueWords::read_at),
                                number,
                                span,
                                Some(Box::new(quantity)),
                                &qualifiers,
                            );
                            if let Some(label) = role_label
                                && label != found.role
                            {
                                found.role = label;
                                found.subject = Subject::Named;
                            }
                            claims.push(found);
                        }
                    }
                }
            }
            hedge_alternatives(&mut claims[before..], text, doc, words, rules);
            // "Junior analityk biznesowy u nas nie prowadzi warsztatów" and "Senior analityk
            // biznesowy prowadzi warsztaty sam": a level that opens the clause right before the
            // role's name, or after one of `LEVEL_OPENINGS` ("Na stanowisko Junior Account
            // Managera nie wymagamy doświadczenia"), holds the clause's claims to that level, as
            // a heading naming it would (not one after "awans na stanowisko": "Senior HR
            // Business Partner" is where a promotion leads).
            let opens_with_level = |at: usize| {
                LEVEL_OPENINGS.iter().any(|opening| {
                    opening.split_whitespace().eq(words[..at]
                        .iter()
                        .map(|&w| lowercase::of(doc.tokens[w].span.slice(source))))
                })
            };
            if clause_role.subject == Subject::Named
                && let Some(at) = words.iter().position(|&w| w + 1 == clause_role.start)
                && opens_with_level(at)
            {
                let level = heading_qualifiers(&words[at..=at], lemmas, rules);
                if !level.is_empty() {
                    scope_to_section(&mut claims[before..], &level, by_place, rules);
                }
            }
            previous_values = claims[before..]
                .iter()
                .filter(|c| c.quantity.is_none())
                .map(|c| (c.value, c.cue.clone()))
                .collect();
            // "Obie role …": what the clause says holds for both roles talked about last.
            if let Some(other) = clause_role.also {
                let copies: Vec<Claim> = claims[before..]
                    .iter()
                    .map(|c| Claim {
                        role: other,
                        ..c.clone()
                    })
                    .collect();
                claims.extend(copies);
            }
        }
        if sentence.layout != Layout::Heading && !section_qualifiers.is_empty() {
            scope_to_section(
                &mut claims[first_claim..],
                &section_qualifiers,
                by_place,
                rules,
            );
        }
        if let Some((block, words_before)) = sentence_before
            && block == sentence.block
            && (markers.any(Marker::SameLevel, 0..sentence_words.len())
                || markers
                    .matches(Marker::SameLevelOpener)
                    .any(|(first, _)| first == 0))
            && heading_qualifiers(sentence_words, lemmas, rules).is_empty()
        {
            // Of the levels a sentence names, the first is its subject's: "Junior Account
            // Manager … zgłasza szanse sprzedażowe starszym kolegom".
            let mut levels = heading_qualifiers(words_before, lemmas, rules);
            for (_, labels) in &mut levels {
                labels.truncate(1);
            }
            scope_to_section(&mut claims[first_claim..], &levels, by_place, rules);
        }
        sentence_before = Some((sentence.block, sentence_words));
        if question || announces_metric {
            asked = sentence_metrics;
        }
        if question {
            asked_condition = markers
                .matches_within_unless(
                    Marker::Conditional,
                    Marker::ConditionalExcept,
                    0..sentence_words.len(),
                )
                .next()
                .is_some();
        }
    }
    claims
}

/// Two values that exclude each other, offered as alternatives with "albo" or "lub" between
/// them, are each only possible: "Od poziomu mid praca jest hybrydowa albo w pełni zdalna, w
/// zależności od projektu" says neither alone. (Not any two values: "prowadzi księgi lub
/// ewidencjonuje środki trwałe" lists two duties.) `claims` are one clause's, `words` its
/// tokens.
fn hedge_alternatives(
    claims: &mut [Claim],
    text: &Text,
    doc: &Doc,
    words: &[usize],
    rules: &RuleSet,
) {
    let source = text.normalized();
    let alternatives: Vec<usize> = words
        .iter()
        .map(|&t| doc.tokens[t].span)
        .filter(|span| lowercase::is_one_of(span.slice(source), &["albo", "lub"]))
        .map(|span| text.to_original(span).start())
        .collect();
    if alternatives.is_empty() || claims.len() < 2 {
        return;
    }
    let pairs = rules.exclusive_pairs();
    let mut offered = vec![false; claims.len()];
    for (i, a) in claims.iter().enumerate() {
        for (j, b) in claims.iter().enumerate().skip(i + 1) {
            let exclusive = pairs
                .iter()
                .any(|pair| pair.values == (a.value, b.value) || pair.values == (b.value, a.value));
            let comparable = a.role == b.role && a.polarity == b.polarity && exclusive;
            let (first, second) = if a.span.start() <= b.span.start() {
                (a, b)
            } else {
                (b, a)
            };
            let between = alternatives
                .iter()
                .any(|&at| first.span.end() <= at && at < second.span.start());
            if comparable && between {
                offered[i] = true;
                offered[j] = true;
            }
        }
    }
    for (claim, offered) in claims.iter_mut().zip(offered) {
        if offered && claim.modality == Modality::Asserted {
            claim.modality = Modality::Possible;
        }
    }
}

/// The role a list or table names right before an amount, when it is not the one the clause
/// is about: "Business Analyst (senior) 14 500–18 000 zł brutto miesięcznie, Product Owner
/// 16 000–21 000 zł" gives the last amount to the Product Owner. `before` runs from the
/// clause's first token to the amount's; only punctuation and words in brackets may stand
/// between the name and the amount ("Rekruter: 7 500 zł", "(senior)").
fn labelled_by(
    source: &str,
    doc: &Doc,
    mentions: &[crate::roles::Mention],
    before: Range<usize>,
) -> Option<RoleIdx> {
    let label = mentions
        .iter()
        .filter(|m| m.tokens.start >= before.start && m.tokens.end <= before.end)
        .max_by_key(|m| m.tokens.end)?;
    let mut depth = 0usize;
    let only_punctuation = doc.tokens[label.tokens.end..before.end]
        .iter()
        .all(|token| {
            match token.span.slice(source) {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ => {}
            }
            token.kind == TokenKind::Punct || depth > 0
        });
    only_punctuation.then_some(label.role)
}

/// The label of a list item, form field or table row that an amount is the value of, in lower
/// case: the words before what closes the label right before the amount ("- Wrocław i Poznań:
/// 8 000–10 500 zł", "| Warszawa | 9 000 zł |"), when `before` (from the clause's first token
/// to the amount's) holds nothing else.
fn field_label(source: &str, doc: &Doc, before: Range<usize>) -> Option<Arc<str>> {
    let tokens = &doc.tokens[before];
    let end = tokens
        .iter()
        .rposition(|t| segment::closes_label(source, t))?;
    let label = &tokens[..end];
    let after_end = &tokens[end + 1..];
    let words: Vec<&str> = label
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(source))
        .collect();
    (!words.is_empty() && after_end.iter().all(|t| t.kind == TokenKind::Punct))
        .then(|| Arc::from(lowercase::of(&words.join(" ")).as_ref()))
}

/// Words a list item's label has at most ("Kraków", "Trójmiasto i okolice").
const ITEM_LABEL_WORDS: usize = 4;

/// Words that make a label a turn of phrase, not a kind of thing: "Co do kasy: junior 130–160
/// zł", "Dla porównania: 7 500 zł".
const NOT_A_KIND: &[&str] = &[
    "co", "jak", "dla", "do", "na", "w", "we", "z", "ze", "od", "po", "przy", "o", "za",
];

/// The label a list item opens with, in lower case, and how many of the sentence's words it
/// takes: the words before what closes it ("📍 Kraków: junior 6 000–7 500 zł brutto/mies.,
/// senior 10 000–13 000 zł brutto/mies."). Not a label that names a role or holds a cue
/// ("Wynagrodzenie: junior …"): that says what the item is about, not which of its kind; nor
/// one with [`NOT_A_KIND`].
fn label_of_item(
    source: &str,
    doc: &Doc,
    sentence_words: &[usize],
    lemmas: &Lemmas,
    rules: &RuleSet,
    mentions: &[crate::roles::Mention],
) -> Option<(usize, Arc<str>)> {
    let last = (0..sentence_words.len().min(ITEM_LABEL_WORDS))
        .find(|&i| segment::label_end(source, &doc.tokens[sentence_words[i] + 1..]).is_some())?;
    let label = &sentence_words[..=last];
    let names_role = mentions.iter().any(|m| m.tokens.start <= label[last]);
    let holds_cue = (0..label.len()).any(|at| {
        lemmas.of(label[at]).iter().any(|&key| {
            rules.cues_starting_with(key).iter().any(|&(value, cue)| {
                rules.values[value].cues[cue]
                    .match_rest(label, at, lemmas)
                    .is_some()
            })
        })
    });
    let words: Vec<&str> = label
        .iter()
        .map(|&w| doc.tokens[w].span.slice(source))
        .collect();
    let turn_of_phrase = words.iter().any(|w| lowercase::is_one_of(w, NOT_A_KIND));
    (!names_role && !holds_cue && !turn_of_phrase).then(|| {
        (
            label.len(),
            Arc::from(lowercase::of(&words.join(" ")).as_ref()),
        )
    })
}

/// The qualifiers of amount `n` of a clause whose amounts stand at `amounts` (first and last
/// word, among the words of the clause `clause`, a range of the sentence's words), each once.
/// A qualifier before the clause's first amount holds for every amount of it ("Mediana … 7 000
/// zł brutto miesięcznie, czyli ok. 84 000 zł brutto rocznie"); so does one in a clause before,
/// unless the clause has one of its kind ("Młodszy analityk zarabia 7 000 zł, a w Warszawie
/// 8 000 zł" against "Młodszy analityk zarabia 7 000 zł, a starszy 12 000 zł", where the
/// second pay is no junior's). One in a later clause is that clause's alone. One
/// after an amount is the nearest amount's: "9 000–12 000 zł brutto na umowie o pracę albo
/// 11 000–14 500 zł netto przy współpracy B2B" (B2B is the second's), unless a comma or a
/// conjunction sets it apart from all amounts but one (`separated`, between two of the
/// sentence's words): "8 600 zł brutto miesięcznie dla juniorów, 12 800 zł dla osób na
/// poziomie mid i 17 200 zł dla seniorów" (the juniors' is the first, mid the second).
///
/// Each question is asked of a qualifier's own kind only: "Młodszy analityk zarabia
/// 7 000 zł brutto miesięcznie, w Warszawie 8 000 zł" gives the second amount the junior level
/// and Warsaw; "scrum master z seniorskim doświadczeniem, … na kontrakcie B2B, może dziś liczyć
/// na medianę … 27 500 zł" a senior's median on B2B. Of the places in clauses before, only the
/// last holds: "W Warszawie mediana wynosi 14 500 zł, w Krakowie – 13 200 zł, w Trójmieście –
/// 12 400 zł".
fn qualifiers_of_amount(
    qualifiers: &[Qualifier],
    amounts: &[(usize, usize)],
    n: usize,
    clause: Range<usize>,
    separated: impl Fn(usize, usize) -> bool,
) -> Vec<Arc<str>> {
    let in_sentence = |(a, b): (usize, usize)| (clause.start + a, clause.start + b);
    let first_amount = amounts.iter().map(|&(a, _)| clause.start + a).min();
    // A qualifier after the clause's amounts that a comma sets apart from each is the next
    // clause's ("13 200 zł, w Trójmieście – 12 400 zł"), not this one's own.
    let of_this_clause = |first: usize| {
        clause.contains(&first)
            && (first_amount.is_none_or(|a| first < a)
                || amounts
                    .iter()
                    .any(|&(a, _)| !separated(clause.start + a, first)))
    };
    let has_own = |kind: QualifierKind| {
        qualifiers
            .iter()
            .any(|other| of_this_clause(other.first) && other.kind == kind)
    };
    let last_place_before = qualifiers
        .iter()
        .filter(|q| q.first < clause.start && q.kind == QualifierKind::Place)
        .map(|q| q.first)
        .max();
    let mut own: Vec<Arc<str>> = Vec::new();
    for Qualifier {
        label,
        kind,
        first,
        last,
    } in qualifiers
    {
        if !clause.contains(first) {
            let holds = *kind != QualifierKind::Place || last_place_before == Some(*first);
            if *first < clause.start && holds && !has_own(*kind) && !own.contains(label) {
                own.push(label.clone());
            }
            continue;
        }
        // A qualifier written with a gap encloses what it qualifies: "o 1 100 zł … więcej" is
        // a difference, "9 500 zł, czyli o blisko 11 proc. więcej niż rok temu" is a pay.
        if label.contains('…') {
            let (a, b) = in_sentence(amounts[n]);
            if *first < a && b < *last && !own.contains(label) {
                own.push(label.clone());
            }
            continue;
        }
        let distance = |amount: (usize, usize)| {
            let (a, b) = in_sentence(amount);
            if *last < a {
                a - last
            } else {
                first.saturating_sub(b)
            }
        };
        // Before every amount, a qualifier holds for them all, up to another one: "junior
        // 6 000 zł, senior 10 000 zł" gives the second amount the senior level only.
        let (amount_start, _) = in_sentence(amounts[n]);
        let another_between = qualifiers.iter().any(|other| {
            other.label != *label
                && other.kind == *kind
                && *last < other.first
                && other.first < amount_start
        });
        let of_all = first_amount.is_none_or(|a| *first < a) && !another_between;
        let nearest = amounts
            .iter()
            .all(|&other| distance(amounts[n]) <= distance(other));
        let together: Vec<usize> = (0..amounts.len())
            .filter(|&m| {
                let (a, _) = in_sentence(amounts[m]);
                !separated(a, *first)
            })
            .collect();
        // A qualifier after the amounts that a comma or a conjunction sets apart from each of
        // them is another thing's: "wynagrodzenie 6 800 zł brutto, wsparcie doświadczonego
        // zespołu".
        let belongs = match together.as_slice() {
            [] => false,
            [only] => *only == n,
            _ => nearest,
        };
        if (of_all || belongs) && !own.contains(label) {
            own.push(label.clone());
        }
    }
    own
}

/// What may stand before a level that names the role's level at the opening of a clause: nothing
/// ("Junior analityk biznesowy …"), or the post it is about ("Na stanowisko Junior Account
/// Managera nie wymagamy doświadczenia", "Od Senior Business Analysta oczekujemy …").
const LEVEL_OPENINGS: &[&str] = &["", "na stanowisko", "do roli", "dla", "od"];

/// Dashes that open a quotation, or set off its attribution, as the Polish press writes them.
const DASHES: &[&str] = &["–", "—", "-"];

/// The blocks that are quotations: a line quoted in a reply ("> account manager nie ma
/// sztywnego planu"), and a paragraph set off by dashes, one that opens with a dash and has, in
/// one of its sentences, a dash followed by a verb of saying (`says`): "– Kiedy zaczynałam, nie
/// zajmowałam się kadrami. Dzisiaj robię wszystko – mówi pani Ewa, księgowa z 25-letnim
/// stażem." A list item that opens with a dash has no such verb after a dash.
fn quoted_blocks(source: &str, doc: &Doc, markers: &[Markers]) -> Vec<usize> {
    let is_dash = |token: usize| DASHES.contains(&doc.tokens[token].span.slice(source));
    let mut blocks: Vec<usize> = Vec::new();
    let mut opens_with_dash = false;
    let mut previous_block = None;
    for (sentence, markers) in doc.sentences.iter().zip(markers) {
        if previous_block != Some(sentence.block) {
            opens_with_dash = is_dash(sentence.tokens.start);
            previous_block = Some(sentence.block);
            if sentence.layout == Layout::Quoted {
                blocks.push(sentence.block);
                continue;
            }
        }
        let words = markers.words();
        let attributed = markers
            .matches(Marker::Says)
            .any(|(first, _)| words[first] > 0 && is_dash(words[first] - 1));
        if opens_with_dash && attributed && blocks.last() != Some(&sentence.block) {
            blocks.push(sentence.block);
        }
    }
    blocks
}

/// Token ranges between quotation marks („…”, "…", «…») in `tokens`, one sentence's. A quote
/// may span sentences („Dostałam pracę. Staż zrobił różnicę” – Kasia): `open` is the opening
/// mark of a quote still open when the sentence before ended (in the same block), and is left
/// so for the sentence after.
fn quoted_ranges<'s>(
    source: &'s str,
    doc: &Doc,
    tokens: std::ops::Range<usize>,
    open: &mut Option<&'s str>,
) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = tokens.start;
    for t in tokens.clone() {
        let surface = doc.tokens[t].span.slice(source);
        match (*open, surface) {
            (None, "„" | "\"" | "«" | "“") => {
                *open = Some(surface);
                start = t;
            }
            (Some(opener), "”" | "\"" | "»" | "“") if opener != "«" || surface == "»" => {
                ranges.push(start..t + 1);
                *open = None;
            }
            _ => {}
        }
    }
    if open.is_some() {
        ranges.push(start..tokens.end);
    }
    ranges
}

/// First words of the hedges ("może", "zwykle") among the sentence's words `words`, but of
/// those that are no hedge ("najczęściej zadawane pytania", `possible_except`).
fn hedges(markers: &Markers, words: Range<usize>) -> impl Iterator<Item = usize> + '_ {
    markers.within_unless(Marker::Possible, Marker::PossibleExcept, words)
}

/// What cuts a sentence into the parts an `optional` marker hedges (a bracket does not:
/// "Doświadczenie (min. rok) będzie atutem").
const PART_ENDS: &[&str] = &[",", ";", ":", "–", "—", "-"];

/// What cuts a clause into the parts whose verb says when a claim holds: "(w zeszłym roku
/// wynosiła …)" is the past of the bracket, not of the pay beside it.
const TENSE_PART_ENDS: &[&str] = &[",", ";", ":", "–", "—", "-", "(", ")"];

/// Whether one of the marks `ends` stands between the words `words[a]` and `words[a + 1]`.
fn cut_between(source: &str, doc: &Doc, words: &[usize], a: usize, ends: &[&str]) -> bool {
    (words[a] + 1..words[a + 1]).any(|t| ends.contains(&doc.tokens[t].span.slice(source)))
}

/// The first and last of `words` in the part around `first..=last` that no mark of `ends`
/// cuts.
fn part_around(
    source: &str,
    doc: &Doc,
    words: &[usize],
    (first, last): (usize, usize),
    ends: &[&str],
) -> (usize, usize) {
    let mut start = first;
    while start > 0 && !cut_between(source, doc, words, start - 1, ends) {
        start -= 1;
    }
    let mut end = last;
    while end + 1 < words.len() && !cut_between(source, doc, words, end, ends) {
        end += 1;
    }
    (start, end)
}

/// The ranges of the sentence's words that its `optional` markers ("mile widziane", "atutem
/// będzie") hedge: from a marker that opens its part of the sentence (between [`PART_ENDS`])
/// to the end of the item (the next ";"): "Wymagamy SQL, mile widziana znajomość SAP"; the
/// part around any other marker: "Znajomość SAP będzie atutem, wymagamy SQL".
fn optional_parts(source: &str, doc: &Doc, markers: &Markers) -> Vec<Range<usize>> {
    let words = markers.words();
    markers
        .matches(Marker::Optional)
        .map(|(first, last)| {
            let (start, _) = part_around(source, doc, words, (first, last), PART_ENDS);
            let ends = if start == first {
                &[";"][..]
            } else {
                PART_ENDS
            };
            let (_, end) = part_around(source, doc, words, (start, last), ends);
            start..end + 1
        })
        .collect()
}

/// Prepositions before a person noun that make it somebody other than the role: "należy do
/// osoby, która prowadzi projekt", "współpracuje z osobą, która księguje faktury".
const OTHER_PERSON_PREPOSITIONS: &[&str] = &[
    "do", "od", "z", "ze", "przez", "u", "przy", "wobec", "o", "na", "między", "pod", "nad",
];

/// Prepositions that open a clause about a role in a comparison: "Od Project Managera …, a od
/// Scrum Mastera …", "Dla księgowej …, a dla rekrutera …".
const PARALLEL_PREPOSITIONS: &[&str] = &["od", "dla", "u", "w", "we", "przy"];

/// Whether the clause of `words` repeats the verb of the clause before, which opened with the
/// token `first_before`: "Od Project Managera pracodawcy oczekują zwykle certyfikatu PMP, a od
/// Scrum Mastera certyfikatu PSM I" (corpus/40). It opens with a conjunction and the
/// preposition the clause before opened with, and leaves the verb out, so the verb's hedge
/// ("zwykle") holds for it too.
fn repeats_verb_of(source: &str, doc: &Doc, words: &[usize], first_before: usize) -> bool {
    let surface = |t: usize| doc.tokens[t].span.slice(source);
    let preposition = surface(first_before);
    lowercase::is_one_of(preposition, PARALLEL_PREPOSITIONS)
        && words
            .first()
            .is_some_and(|&w| lowercase::is_one_of(surface(w), &["a", "zaś", "natomiast"]))
        && words
            .get(1)
            .is_some_and(|&w| surface(w).eq_ignore_ascii_case(preposition))
}

/// The dimension a list heading ("Wymagania:", "Oferujemy:") stands for.
fn heading_dimension(words: &[usize], lemmas: &Lemmas, rules: &RuleSet) -> Option<DimensionIdx> {
    rules.dimensions.iter().position(|d| {
        d.headings.iter().any(|h| {
            h.match_at(words, 0, lemmas)
                .is_some_and(|last| last + 1 == words.len())
        })
    })
}

/// Whether an amount found with no cue is a pay: money, gross or net, for a period ("6 800 zł
/// brutto miesięcznie"); a bare "150 zł" in a list is as likely a benefit's worth or a fee.
fn states_a_pay(quantity: &Quantity) -> bool {
    matches!(
        quantity.unit,
        numbers::Unit::Money {
            period: Some(_),
            basis: Some(_),
            ..
        }
    )
}

/// The money metrics of dimension `d`, or of every dimension (the pay of `salary.toml`), each
/// with its first cue: a list under a heading of the dimension ("Wynagrodzenie", "Widełki")
/// gives amounts of them. Not the other engines: a bare number in a list is no team's size or
/// years' count.
fn money_metrics(d: Option<DimensionIdx>, rules: &RuleSet) -> Vec<(ValueIdx, Arc<str>)> {
    rules
        .values
        .iter()
        .enumerate()
        .filter(|(_, value)| {
            d.is_none_or(|d| value.dimension == d)
                && value
                    .metric
                    .as_ref()
                    .is_some_and(|m| m.engine == MetricEngine::Money)
        })
        .filter_map(|(index, value)| Some((index, value.cues.first()?.text().clone())))
        .collect()
}

/// The qualifiers of each metric that a heading names: "Poziom junior" names the level
/// "junior" of the pay and of the years of experience.
fn heading_qualifiers(words: &[usize], lemmas: &Lemmas, rules: &RuleSet) -> Vec<MetricLevels> {
    rules
        .values
        .iter()
        .enumerate()
        .filter_map(|(index, value)| {
            let metric = value.metric.as_ref()?;
            let mut labels: Vec<Arc<str>> = Vec::new();
            for Qualifier { label, .. } in metric.qualifiers_in(words, lemmas) {
                if !labels.contains(&label) {
                    labels.push(label);
                }
            }
            (!labels.is_empty()).then_some((index, labels))
        })
        .collect()
}

/// Whether the text's headings name two places or more: sections by place ("Warunki w
/// Gdańsku", "Warunki w Olsztynie", blind ba04), each of which holds for its place only.
fn sections_by_place(doc: &Doc, markers: &[Markers], lemmas: &Lemmas, rules: &RuleSet) -> bool {
    let mut places: Vec<Arc<str>> = Vec::new();
    for (sentence, markers) in doc.sentences.iter().zip(markers) {
        if sentence.layout != Layout::Heading {
            continue;
        }
        for (value, labels) in heading_qualifiers(markers.words(), lemmas, rules) {
            let Some(metric) = rules.values[value].metric.as_ref() else {
                continue;
            };
            for label in labels {
                if metric.is_place(&label) && !places.contains(&label) {
                    places.push(label);
                }
            }
        }
    }
    places.len() > 1
}

/// Scope the claims of a list item to the level its section's heading names ("Poziom
/// junior", "Poziom senior" in a competency model): a number carries the heading's qualifiers,
/// in the order the rules list them, and compares only with numbers of that level; any other
/// claim holds on that level only, as under a condition ("junior … nie przydziela zadań" and
/// "senior … przydziela zadania juniorom" describe two levels).
fn scope_to_section(
    claims: &mut [Claim],
    section_qualifiers: &[MetricLevels],
    by_place: bool,
    rules: &RuleSet,
) {
    // A place scopes amounts only, "Księgowa – biuro rachunkowe w Lublinie" being where the job
    // of every claim under it is, unless the text is in sections by place
    // ([`sections_by_place`]).
    let names_level = section_qualifiers.iter().any(|(value, labels)| {
        let metric = rules.values[*value].metric.as_ref();
        labels
            .iter()
            .any(|label| by_place || metric.is_none_or(|m| !m.is_place(label)))
    });
    for claim in claims {
        match (
            claim.quantity.as_deref_mut(),
            &rules.values[claim.value].metric,
        ) {
            (Some(quantity), Some(metric)) => {
                let Some((_, labels)) = section_qualifiers.iter().find(|(v, _)| *v == claim.value)
                else {
                    continue;
                };
                for label in labels {
                    if !quantity.qualifiers.contains(label) {
                        quantity.qualifiers.push(label.clone());
                    }
                }
                let rank = |label: &Arc<str>| {
                    metric
                        .qualifier_labels
                        .iter()
                        .position(|(l, _)| l == label)
                        .unwrap_or(usize::MAX)
                };
                quantity.qualifiers.sort_by_key(rank);
            }
            _ if names_level && claim.modality == Modality::Asserted => {
                claim.modality = Modality::Conditional
            }
            _ => {}
        }
    }
}

/// The qualifiers of one metric a heading or a sentence names, in lower case: the level
/// ("junior", "senior") or the figure ("mediana") its amounts are of.
type MetricLevels = (ValueIdx, Vec<Arc<str>>);

/// A value whose cue matched: `(value, the cue's words, cue text)`; the words are `None` when
/// the cue stood in an earlier clause (an elided verb).
type CueMatch = (ValueIdx, Option<CueWords>, Arc<str>);

/// Where a cue matched among a clause's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct CueWords {
    first: usize,
    last: usize,
    /// The word the claim's polarity and modality are read at, the cue's verb: its first word,
    /// or its last where the verb follows what it governs ("Priorytetów nie ustala").
    head: usize,
}

impl CueWords {
    fn range(self) -> (usize, usize) {
        (self.first, self.last)
    }

    /// The head and the last word: where a negation or hedge before the cue is looked for.
    fn read_at(self) -> (usize, usize) {
        (self.head, self.last)
    }
}

/// Blocks that open a text, its title and the line under it: a heading among them states what
/// the text is about ("Rekruter IT – praca zdalna", "Poznań, praca hybrydowa").
const TITLE_BLOCKS: usize = 2;

/// Conjunctions joining two objects a verb governs: "Programowania ani SQL-a …".
const COORDINATORS: &[&str] = &["i", "ani", "oraz", "lub", "albo", "czy"];

/// Forms of "być" in the third person, which a cue with its verb last may end on.
const COPULA_FORMS: &[&str] = &[
    "jest", "są", "był", "była", "było", "byli", "były", "będzie", "będą",
];

/// Words that open a question: "co", "jak", "ile", "czy", …
const INTERROGATIVES: &[&str] = &[
    "co", "czego", "czym", "jak", "jaki", "jaka", "jakie", "ile", "czy", "kto", "kogo", "komu",
    "kim", "gdzie", "kiedy", "dlaczego", "czemu",
];

/// Words that may stand before a share opening a clause: "Ponad połowa respondentów".
const SHARE_APPROXIMATIONS: &[&str] = &["ponad", "prawie", "niemal", "blisko", "około", "aż"];

/// Words of degree that may stand between the "a" opening a clause and its share: "a tylko 8
/// proc.", "a już co trzeci".
const SHARE_DEGREES: &[&str] = &[
    "tylko", "jedynie", "zaledwie", "już", "aż", "ponad", "prawie", "niemal", "około",
];

/// Beginnings of the words for the people a survey counts ("respondentów", "badanych",
/// "ankietowanych", "osób"): a share of them is a share of the role's holders.
const SURVEYED_PEOPLE: &[&str] = &["respondent", "badanych", "ankietowan", "osób", "uczestnik"];

/// The preposition before a year that starts what still holds: "Od 2021 roku …".
const SINCE: &str = "od";

/// Whether `text` is a year of the last or this century, as a text about work names one.
fn is_year(text: &str) -> bool {
    text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text.starts_with("19") || text.starts_with("20"))
}

/// Words before an amount that make it a limit: "rabaty do 10%", "powyżej 5 procent".
const LIMITS_OF_AMOUNT: &[&str] = &["do", "od", "ponad", "powyżej", "poniżej"];

/// Words after a denied cue that make the denial a condition or a limit: "nie negocjuje cen
/// bez zgody przełożonego", "nie zatwierdza rabatów powyżej 8%", "ponad 50 000 zł", "nie
/// kontaktuje się z klientem w sprawach organizacyjnych".
const LIMITS: &[&str] = &["bez", "powyżej", "ponad", "sprawach"];

/// Words after a denied cue within which a role named makes the denial one about that role
/// ("nie jest przełożonym służbowym Księgowego").
const ROLE_OBJECT_REACH: usize = 3;

/// Whether a comma, a semicolon or one of [`AMOUNT_SEPARATORS`] stands among `tokens`: what is
/// on either side of them is said apart (one amount's qualifiers from the next amount's, what a
/// verb governs from the verb of another predicate).
fn set_apart(source: &str, tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        let text = t.span.slice(source);
        matches!(text, "," | ";") || lowercase::is_one_of(text, AMOUNT_SEPARATORS)
    })
}

/// Conjunctions that set one amount's qualifiers apart from the next amount's, as a comma does.
const AMOUNT_SEPARATORS: &[&str] = &["i", "a", "oraz", "albo", "lub", "zaś"];

/// Words that may stand between a topic noun's phrase and the cue it governs: "doświadczenie
/// w samodzielnym prowadzeniu projektów", "szkolenie z podstaw zarządzania projektami".
const TOPIC_GAP: usize = 1;

/// Words after "zamiast" within which a cue starts that it sets aside ("zamiast pracy
/// wyłącznie z biura").
const INSTEAD_REACH: usize = 2;

/// Pronouns after "zamiast" that point back at what was said: "zamiast tego".
const INSTEAD_OF_THAT: &[&str] = &["tego", "tej", "niego", "niej", "nich", "to"];

/// Words after a cue within which a trailing negation ("nie jest wymagana") must start.
const NEGATION_AFTER_REACH: usize = 3;

struct ClauseContext<'a> {
    source: &'a str,
    doc: &'a Doc,
    lemmas: &'a Lemmas,
    rules: &'a RuleSet,
    words: &'a [usize],
    sentence_words: &'a [usize],
    /// Where the clause's words start among the sentence's words.
    offset: usize,
    /// The sentence's modality markers, by sentence word index.
    markers: &'a Markers,
    /// Where the clause's statement starts among the sentence's words: a marker of reported
    /// speech before it belongs to another statement ("To mit, że Scrum Master jest szefem –
    /// nie ma podwładnych": the author's own words follow the dash).
    statement_start: usize,
    /// Where the clause's item starts among the sentence's words: a condition holds up to the
    /// next ";", which starts another item ("jeżeli …; przygotowywanie …"), or up to the "o
    /// tyle" that answers an "o ile". A ";" always ends a clause, so this is the start of the
    /// first clause after the last one.
    item_start: usize,
    /// Token index where the subject mention starts (the clause's start if not named).
    subject_start: usize,
    /// Token index after the subject mention: negation must stand after it.
    after: usize,
    /// The sentence ends with a question mark.
    question: bool,
    /// Token ranges of the sentence between quotation marks.
    quotes: &'a [std::ops::Range<usize>],
    /// The clause repeats the verb of a hedged clause before it (see [`repeats_verb_of`]).
    hedged_before: bool,
    /// Whether the sentence answers a question with a condition: what it says holds in that
    /// case only.
    answers_condition: bool,
    /// Ranges of the sentence's words that are wished for, not required (see
    /// [`optional_parts`]).
    optional: &'a [Range<usize>],
    /// Where in the text the rule regexes could match.
    regex_hints: &'a Hints,
    /// See [`ClauseContext::number_words`].
    number_words: std::cell::OnceCell<Vec<Word<'a>>>,
    /// See [`ClauseContext::relative_pronouns`].
    relative_pronouns: std::cell::OnceCell<Vec<usize>>,
    /// See [`ClauseContext::asides`].
    asides: std::cell::OnceCell<Vec<std::ops::Range<usize>>>,
}

impl<'a> ClauseContext<'a> {
    /// `(value, (first word, last word), cue text)` for every cue match in the clause, in order.
    fn cue_matches(&self) -> Vec<CueMatch> {
        let mut found = Vec::new();
        let negated = self.markers.any(
            Marker::Negation,
            self.offset..self.offset + self.words.len(),
        );
        // Whether the clause is in the first person: found at the first candidate that asks.
        let speaks = std::cell::OnceCell::new();
        let named = self.names_role();
        for at in 0..self.words.len() {
            for &key in self.lemmas.of(self.words[at]) {
                for &(value, cue) in self.rules.cues_starting_with(key) {
                    let phrase = &self.rules.values[value].cues[cue];
                    // The participle test after the match: most phrases tried do not match.
                    if let Some(last) = phrase.match_rest(self.words, at, self.lemmas)
                        && !(phrase.opens_with_verb() && self.passive_participle(at))
                    {
                        let words = CueWords {
                            first: at,
                            last,
                            head: at,
                        };
                        found.push((value, Some(words), phrase.text().clone()));
                    }
                }
                for &(value, cue) in self.rules.cues_verb_last(key) {
                    let phrase = &self.rules.values[value].cues[cue];
                    // Looked for only where it can be read that way (see `governs_before`):
                    // in a clause with a negation, in the first person or with its role named,
                    // or with its preposition opening the clause or right after the role named
                    // ("product manager za budżet nie odpowiada").
                    let possible = if phrase.verb_last_needs_negation() {
                        negated
                            || (named && self.words[at] < self.subject_start)
                            || *speaks
                                .get_or_init(|| self.words.iter().any(|&w| self.first_person(w)))
                    } else {
                        at == 0 || (named && self.words[at] == self.after)
                    };
                    if possible
                        && let Some(verb) = phrase.match_verb_last(self.words, at, self.lemmas)
                        && !self.passive_participle(verb)
                        && self.governs_before(at, verb, phrase.verb_last_needs_negation())
                    {
                        let words = CueWords {
                            first: at,
                            last: verb,
                            head: verb,
                        };
                        found.push((value, Some(words), phrase.text().clone()));
                    }
                }
            }
        }
        if let (Some(first), Some(last)) = (self.words.first(), self.words.last()) {
            let start = self.doc.tokens[*first].span.start();
            let end = self.doc.tokens[*last].span.end();
            let clause = &self.source[start..end];
            for (value, regex, m) in self
                .rules
                .regex_matches(clause, self.regex_hints, start..end)
            {
                let at = |offset: usize| {
                    self.words
                        .iter()
                        .position(|&w| self.doc.tokens[w].span.end() > start + offset)
                        .unwrap_or(self.words.len() - 1)
                };
                // Boundary characters the pattern consumed are not part of the claim.
                let matched = m.as_str();
                let trimmed = matched.trim_start_matches(|c: char| !c.is_alphanumeric());
                let begin = m.start() + (matched.len() - trimmed.len());
                let end = begin
                    + trimmed
                        .trim_end_matches(|c: char| !c.is_alphanumeric())
                        .len();
                let (a, b) = (at(begin), at(end.saturating_sub(1).max(begin)));
                let words = CueWords {
                    first: a,
                    last: b,
                    head: a,
                };
                found.push((value, Some(words), regex.written().clone()));
            }
        }
        // A cue matched in order wins over the same value's cue matched with its verb last.
        let in_order: Vec<ValueIdx> = found
            .iter()
            .filter(|(_, words, _)| words.is_none_or(|w| w.head == w.first))
            .map(|&(value, ..)| value)
            .collect();
        found.retain(|&(value, words, _)| {
            words.is_none_or(|w| {
                !self.excepted(value, w.first, w.last)
                    && (w.head == w.first || !in_order.contains(&value))
            })
        });
        found.sort_by_key(|&(value, words, _)| (words, value));
        found
    }

    /// Whether one of the value's `cues_except` phrases overlaps its cue at words
    /// `first..=last` ("recepcji hotelu" for the cue "recepcja").
    fn excepted(&self, value: ValueIdx, first: usize, last: usize) -> bool {
        let excepts = &self.rules.values[value].cues_except;
        if excepts.is_empty() {
            return false;
        }
        // An overlapping phrase starts at most this many words before the cue.
        let reach = excepts.iter().map(Phrase::reach).max().unwrap_or(0);
        (first.saturating_sub(reach)..=last).any(|at| {
            self.lemmas.of(self.words[at]).iter().any(|&key| {
                self.rules
                    .cue_excepts_starting_with(key)
                    .iter()
                    .filter(|&&(v, _)| v == value)
                    .any(|&(_, except)| {
                        excepts[except]
                            .match_rest(self.words, at, self.lemmas)
                            .is_some_and(|end| end >= first)
                    })
            })
        })
    }

    /// Polarity and modality of the cue matched at words `first..=last` of the clause, in the
    /// past if the part of the clause with words `when` is (a number's: "W 2023 roku mediana
    /// wynosiła 10 600 zł, dziś … to 11 900 zł" is today's 11 900 zł), under a condition or
    /// reported if a marker stands before the cue or before those words. A number's `qualifiers`
    /// in the sentence are no condition on it: "Dla przedstawiciela handlowego na poziomie mid
    /// mediana wynosi 8 300 zł" is the mid level's pay, compared with the mid level's only.
    /// `spent` are the negations (sentence words) that another cue of the clause holds: past a
    /// comma or a dash they deny nothing more ("Nie wymagamy doświadczenia, zapewniamy mentora";
    /// "Wymagane doświadczenie: brak – zapewniamy program z mentorem").
    fn polarity_and_modality(
        &self,
        (first, last): (usize, usize),
        when: (usize, usize),
        qualifiers: &[Qualifier],
        cue_text: &str,
        spent: &[usize],
    ) -> (Polarity, Modality) {
        // Marker matches are indexed by sentence word; `cue` is the cue's first one.
        let cue = self.offset + first;
        // A marker inside an aside the cue is not in ("…, które mogą zagrażać …", "(czasem
        // zwany …)") belongs to the aside, not to the claim.
        let cue_token = self.words[first];
        let applies = |at: usize| !self.in_aside_apart_from(self.sentence_words[at], cue_token);
        // The role named after "od" is whom something is asked of, not the clause's subject: a
        // negation before it denies ("Żaden pracodawca nie oczekuje od Scrum Mastera
        // certyfikatu", blind bj02; "Nikt nie wymaga od księgowej …").
        let asked_of = self.names_role()
            && self.subject_start > 0
            && lowercase::is_one_of(
                self.doc.tokens[self.subject_start - 1]
                    .span
                    .slice(self.source),
                &["od"],
            );
        let subject_end = self.offset + self.words.partition_point(|&w| w < self.after);
        let negation_from = if asked_of { self.offset } else { subject_end };
        // A negation that opens a trailing one ("nie jest potrzebny") denies what stands before
        // it: "certyfikat nie jest już potrzebny do usługowego prowadzenia ksiąg" does not deny
        // the bookkeeping. Right after the subject it has nothing before it to deny: "Od
        // handlowców nie wymaga się dziś nawet prawa jazdy", nor after a pronoun standing for
        // it: "Żadne z nich nie pracuje w pełni zdalnie" (blind aw10).
        let denies_before = |at: usize| {
            at > subject_end
                && !self.markers.any(Marker::Anaphor, subject_end..at)
                && self
                    .markers
                    .matches(Marker::NegationAfter)
                    .any(|(first, last)| first == at && last < cue)
        };
        // A colon opens what the words before it announce: "to nie jest aż tak źle, jak
        // piszecie: podstawa w tej ofercie wynosi 5 300 zł" denies nothing after it.
        let colon_between =
            |at: usize| self.mark_between(self.sentence_words[at]..self.sentence_words[cue], ":");
        // A negation another cue holds (`spent`), or the "nie" of a contrast, denies nothing
        // past a comma or a dash: "firmy obsługujące sieci, a nie pojedyncze sklepy, łączą
        // wizyty w terenie z rozmowami wideo".
        let contrast = |at: usize| at > 0 && self.is_word(self.sentence_words.get(at - 1), "a");
        let spent_before = |at: usize| {
            let between = self.sentence_words[at]..self.sentence_words[cue];
            (spent.contains(&at) || contrast(at))
                && [",", "–", "—"]
                    .iter()
                    .any(|mark| self.mark_between(between.clone(), mark))
        };
        let negated_before = self
            .markers
            .within_unless(
                Marker::Negation,
                Marker::NegationExcept,
                negation_from.min(cue)..cue,
            )
            .filter(|&at| {
                applies(at) && !denies_before(at) && !colon_between(at) && !spent_before(at)
            })
            .any(|at| !self.is_word(self.sentence_words.get(at + 1), "tylko"));
        // A name right after the cue is part of what it names: "Certyfikat PSPO nie jest
        // wymagany".
        let names = self.words[last + 1..]
            .iter()
            .take_while(|&&w| {
                let word = self.doc.tokens[w].span.slice(self.source);
                word.chars().next().is_some_and(char::is_uppercase)
            })
            .count();
        let after_cue = self.offset + last + 1 + names
            ..self.offset + (last + 1 + names + NEGATION_AFTER_REACH).min(self.words.len());
        // The trailing negation lies within the reach, or starts right after the cue and ends
        // in its clause: "Znajomość angielskiego nie jest na tym stanowisku wymagana" (blind
        // be06), but not "do usługowego prowadzenia ksiąg rachunkowych nie jest potrzebny
        // państwowy certyfikat" (corpus/108: the certificate is not needed, the books are kept).
        let clause_end = self.offset + self.words.len();
        let negated_after = self
            .markers
            .matches(Marker::NegationAfter)
            .any(|(first, last)| {
                (after_cue.contains(&first) && last < after_cue.end)
                    || (first == after_cue.start && last < clause_end)
            })
            || self.markers.any(Marker::NegationLater, cue + 1..clause_end);
        // "Retrospektyw Scrum Master u nas nie prowadzi", "Budżetu nie prowadzę": a cue that
        // opens its clause is denied by a "nie" before the clause's last word, its verb, with
        // no comma between ("Jeżdżę do klienta, …, co w tamtej współpracy nie działało"). So
        // is the second of two fronted objects: "Programowania ani SQL-a nikt … nie wymaga".
        let opens_clause = first == 0
            || (first == 2
                && lowercase::is_one_of(
                    self.doc.tokens[self.words[1]].span.slice(self.source),
                    COORDINATORS,
                ));
        let verb_denied = opens_clause && last + 2 < self.words.len() && {
            let before_verb = self.words.len() - 2;
            self.markers
                .within_unless(
                    Marker::Negation,
                    Marker::NegationExcept,
                    self.offset + before_verb..self.offset + before_verb + 1,
                )
                .next()
                .is_some()
                && !self.mark_between(self.words[last]..self.words[before_verb], ",")
        };
        // "rabatów kierownik konta u nas sam nie przyznaje" for the cue "rabat … przyznawać": a
        // "nie" right before the cue's last word, its verb, denies it, unless the cue has that
        // word ("doświadczenie … nie wymagać", "brak doświadczenie").
        let before_last = self.doc.tokens[self.words[last.saturating_sub(1)]]
            .span
            .slice(self.source);
        let verb_negated = last > first
            && !cue_text
                .split_whitespace()
                .any(|word| lowercase::is_one_of(before_last, &[word]))
            && self
                .markers
                .within_unless(
                    Marker::Negation,
                    Marker::NegationExcept,
                    self.offset + last - 1..self.offset + last,
                )
                .any(applies);
        // "zamiast pracy wyłącznie z biura proponujemy teraz model hybrydowy": what is set
        // aside is denied, the cue within a word or two after the marker with no mark between,
        // and nothing after it. "zamiast tego ścieżkę ekspercką" sets aside what was said
        // before, not the cue.
        let set_aside = self
            .markers
            .matches(Marker::Instead)
            .any(|(_, instead_last)| {
                (instead_last + 1..=instead_last + INSTEAD_REACH).contains(&cue)
                    && self.sentence_words[cue] - self.sentence_words[instead_last]
                        == cue - instead_last
                    && !INSTEAD_OF_THAT
                        .iter()
                        .any(|word| self.is_word(self.sentence_words.get(instead_last + 1), word))
            });
        // "certyfikat PSPO będzie atutem, ale nie wymagamy go": what an optional part's cue is
        // said outright not to be required, after it in the sentence, is denied, not hedged
        // (blind bi09, bk02); not from a bracket, which waives a detail of it: "podstaw Excela
        // (tabele przestawne mile widziane, ale nie są konieczne)" (corpus/287).
        let optional = self.optional.iter().any(|part| part.contains(&cue));
        let waived = optional
            && self.markers.matches(Marker::Waived).any(|(first, _)| {
                first > self.offset + last
                    && !self.mark_between(
                        self.sentence_words[self.offset + last]..self.sentence_words[first],
                        "(",
                    )
            });
        let negated =
            negated_before || negated_after || verb_denied || verb_negated || set_aside || waived;
        // "nie negocjuje cen bez zgody przełożonego", "nie zatwierdza rabatów powyżej tego
        // progu", "nie jest przełożonym Księgowego": not a denial, a condition or a limit.
        // "bez względu na kwotę" is no limit but its absence: "office manager nie akceptuje
        // samodzielnie żadnych zamówień, bez względu na kwotę" (blind av01).
        let after_cue_words = &self.words[last + 1..];
        let limited = after_cue_words.iter().enumerate().any(|(i, &w)| {
            LIMITS.iter().any(|limit| self.is_word(Some(&w), limit))
                && !(self.is_word(Some(&w), "bez")
                    && self.is_word(after_cue_words.get(i + 1), "względu"))
        });
        let negated_unless = negated_before && (limited || self.names_role_after(last));
        // A condition or a report before a number whose cue came earlier holds for the number:
        // "zarabia 10 400 zł brutto, w pozostałych dużych miastach ok. 9 000 zł", "błędnie
        // podaliśmy, że mediana wynosi 14 000 zł" after a quoted title with the cue.
        let before_claim = cue.max(self.offset + when.0);
        let conditional = self.answers_condition
            || self.about_the_past(when)
            || self
                .markers
                .matches_within_unless(
                    Marker::Conditional,
                    Marker::ConditionalExcept,
                    self.item_start..before_claim,
                )
                .filter(|&(first, last)| {
                    !qualifiers
                        .iter()
                        .any(|q| first <= q.first && q.last <= last)
                })
                .any(|(first, _)| applies(first));
        let clause = self.offset..self.offset + self.words.len();
        // "38% rekruterów pracuje zdalnie", "a 58% ma prywatną opiekę": a share right before
        // the named subject, or right after the "a" or "i" that opens a clause with none.
        let named = self.names_role();
        let subject_first = self.offset + self.words.partition_point(|&w| w < self.subject_start);
        let opens_with_and =
            self.is_word(self.words.first(), "a") || self.is_word(self.words.first(), "i");
        // A limit is no share: "rabaty do dziesięciu procent KAM zatwierdza sam".
        let limit = |first: usize| {
            (first.saturating_sub(2)..first).any(|at| {
                LIMITS_OF_AMOUNT
                    .iter()
                    .any(|limit| self.is_word(self.sentence_words.get(at), limit))
            })
        };
        // "Ponad połowa respondentów odpowiada także za budżet": with no name, a share that
        // opens the clause (after "ponad", "prawie" …) of a group of people surveyed.
        let of_people_opening = |first: usize, last: usize| {
            let opens = first == self.offset
                || (first == self.offset + 1
                    && lowercase::is_one_of(
                        self.doc.tokens[self.words[0]].span.slice(self.source),
                        SHARE_APPROXIMATIONS,
                    ));
            opens
                && last < cue
                && self.sentence_words.get(last + 1).is_some_and(|&token| {
                    let word = self.doc.tokens[token].span.slice(self.source);
                    SURVEYED_PEOPLE
                        .iter()
                        .any(|stem| lowercase::starts_with(word, stem))
                })
        };
        let share = self.markers.matches(Marker::Share).any(|(first, last)| {
            let before_subject = if named {
                first >= self.offset && last + 1 == subject_first
            } else {
                // "a tylko 8 proc. wyłącznie z biura": one word of degree may stand between
                let degree = self.words.get(1).is_some_and(|&token| {
                    lowercase::is_one_of(
                        self.doc.tokens[token].span.slice(self.source),
                        SHARE_DEGREES,
                    )
                });
                opens_with_and
                    && (first == self.offset + 1 || (degree && first == self.offset + 2))
                    && last < cue
            };
            (before_subject && !limit(first)) || (!named && of_people_opening(first, last))
        });
        // "Scrum Master … zarabia dziś około 10 500 zł brutto i przy pierwszej zmianie pracy
        // rzadko dostaje więcej": after a cue that is a verb, a hedge after an "i" hedges the
        // predicate the "i" adds. (After a noun the "i" joins nouns: "Osoby z certyfikatami i
        // znajomością MSSF mogą liczyć na więcej".)
        let cue_end = self.offset + last;
        let verb_cue = cue_text
            .split_whitespace()
            .next()
            .is_some_and(crate::phrase::is_infinitive);
        let hedges_what_follows = |at: usize| {
            verb_cue
                && at > cue_end
                && (cue_end + 1..at).any(|w| {
                    self.sentence_words.get(w).is_some_and(|&token| {
                        matches!(self.doc.tokens[token].span.slice(self.source), "i" | "oraz")
                    })
                })
        };
        // "przyjmujemy osoby bez doświadczenia, najczęściej absolwentów psychologii": a hedge
        // after a comma that follows the cue opens an addition, and hedges that ("Ponieważ HRBP
        // spędza w biurze pięć dni w tygodniu, ma stały kontakt z zespołami i może szybko
        // reagować"). So after a colon, which opens a detail: "prowadzi zespół liczący od
        // czterech do sześciu osób: zazwyczaj dwóch–trzech programistów, testera i analityka".
        let appended = |at: usize| {
            at > cue_end
                && [",", ":"].into_iter().any(|mark| {
                    self.mark_between(self.sentence_words[cue_end]..self.sentence_words[at], mark)
                })
        };
        let possible = self.hedged_before
            || hedges(self.markers, clause.clone())
                .any(|at| applies(at) && !hedges_what_follows(at) && !appended(at))
            || self
                .markers
                .within(Marker::PossibleAhead, clause.start..cue)
                .any(applies)
            || (optional && !waived)
            || share;
        // A number outside the quotation its cue stands in is the text's: "nie ma tu żadnego
        // „atrakcyjnego wynagrodzenia" – Opiekun klienta … dostaje od 12 000 do 14 000 zł".
        let modality = if self.quoted(cue_token) && self.quoted(self.words[when.0]) {
            Modality::Quoted
        } else if self.question {
            Modality::Question
        } else if self
            .markers
            .any(Marker::Reported, self.statement_start..before_claim)
        {
            Modality::Reported
        } else if negated_unless || conditional {
            Modality::Conditional
        } else if possible {
            Modality::Possible
        } else {
            Modality::Asserted
        };
        (
            if negated {
                Polarity::Negated
            } else {
                Polarity::Affirmed
            },
            modality,
        )
    }

    /// Token ranges of the clause's asides: relative clauses (", który …" up to the next
    /// comma, colon, semicolon or dash) and parentheses. Found once per clause, however many
    /// claims ask.
    fn asides(&self) -> &[std::ops::Range<usize>] {
        self.asides.get_or_init(|| self.find_asides())
    }

    fn find_asides(&self) -> Vec<std::ops::Range<usize>> {
        let (Some(&start), Some(&end)) = (self.words.first(), self.words.last()) else {
            return Vec::new();
        };
        let tokens = &self.doc.tokens;
        let surface = |t: usize| tokens[t].span.slice(self.source);
        let mut asides = Vec::new();
        let mut t = start;
        while t <= end {
            let opens_relative =
                surface(t) == "," && t < end && lowercase::starts_with(surface(t + 1), "któr");
            let close = if opens_relative {
                (t + 1..=end).find(|&u| matches!(surface(u), "," | ":" | ";" | "–" | "—"))
            } else if surface(t) == "(" {
                (t + 1..=end).find(|&u| surface(u) == ")")
            } else {
                None
            };
            match close {
                Some(close) => {
                    asides.push(t..close + 1);
                    t = close;
                }
                None if opens_relative || surface(t) == "(" => {
                    asides.push(t..end + 1);
                    break;
                }
                None => {}
            }
            t += 1;
        }
        asides
    }

    /// Whether a role is named within [`ROLE_OBJECT_REACH`] words after the cue ending at word
    /// `last`: "nie jest przełożonym służbowym Księgowego" denies authority over that role
    /// only, not over anyone.
    fn names_role_after(&self, last: usize) -> bool {
        let reach = last + 1..(last + 1 + ROLE_OBJECT_REACH).min(self.words.len());
        // The clause's own subject after its verb ("O priorytetach nie decyduje Scrum Master")
        // is no object.
        reach
            .filter(|&at| self.words[at] != self.subject_start)
            .any(|at| {
                self.rules
                    .aliases_at(self.words, at, self.lemmas)
                    .next()
                    .is_some()
            })
    }

    /// Whether the cue at word `first` is what a topic noun right before it governs
    /// ("doświadczenie w samodzielnym prowadzeniu projektów", "szkolenie z zarządzania
    /// projektami"): at most [`TOPIC_GAP`] words and no punctuation between them.
    fn in_topic(&self, first: usize) -> bool {
        let cue = self.offset + first;
        let sentence = self.sentence_words;
        self.markers
            .matches(Marker::Topic)
            .filter(|&(_, last)| last < cue && cue - last - 1 <= TOPIC_GAP)
            .any(|(_, last)| {
                self.doc.tokens[sentence[last] + 1..sentence[cue]]
                    .iter()
                    .all(|t| t.kind != TokenKind::Punct)
            })
    }

    /// Whether the cue at word `first` stands in a relative clause about some other noun:
    /// "współpracuje z działem, który księguje faktury" says nothing of the role, while
    /// "to osoba, która buduje relacje" does (the antecedent is a person noun, or the role).
    fn about_another_noun(&self, first: usize) -> bool {
        let tokens = &self.doc.tokens;
        let cue = self.words[first];
        let clause_start = self.words[0];
        let pronouns = self.relative_pronouns();
        let Some(&pronoun) = pronouns[..pronouns.partition_point(|&t| t < cue)].last() else {
            return false;
        };
        // The relative clause ends at the next comma, colon or dash.
        let closed = (pronoun + 1..cue).any(|t| {
            matches!(
                tokens[t].span.slice(self.source),
                "," | ":" | ";" | "–" | "—"
            )
        });
        let Some(comma) = (clause_start..pronoun)
            .rev()
            .find(|&t| tokens[t].span.slice(self.source) == ",")
        else {
            return false;
        };
        if closed {
            return false;
        }
        let Some(antecedent) = comma
            .checked_sub(1)
            .filter(|&t| t >= clause_start && tokens[t].kind != TokenKind::Punct)
        else {
            return false;
        };
        let is_role = self.after > antecedent && self.after <= comma;
        // "to osoba, która …" is the role; "należy do osoby, która prowadzi projekt" is
        // somebody the role deals with ("dla osoby, która …" in an ad is still the candidate).
        let governed = antecedent > clause_start
            && lowercase::is_one_of(
                tokens[antecedent - 1].span.slice(self.source),
                OTHER_PERSON_PREPOSITIONS,
            );
        let is_person = !governed
            && self.rules.modality.persons.iter().any(|p| {
                p.match_at(std::slice::from_ref(&antecedent), 0, self.lemmas)
                    .is_some()
            });
        !(is_role || is_person)
    }

    /// The clause's words and the punctuation that matters for amounts and ranges, lower-cased
    /// and with their values: what number engines read. Made once per clause, however many
    /// metric cues it holds.
    fn number_words(&self) -> &[Word<'a>] {
        self.number_words.get_or_init(|| {
            let (Some(&first), Some(&last)) = (self.words.first(), self.words.last()) else {
                return Vec::new();
            };
            (first..=last)
                .filter_map(|t| {
                    let token = &self.doc.tokens[t];
                    let surface = token.span.slice(self.source);
                    let keep = token.kind != TokenKind::Punct
                        || matches!(surface, "-" | "–" | "—" | "€" | "$" | "£");
                    keep.then(|| {
                        Word::new(t, lowercase::of(surface), token.kind == TokenKind::Number)
                    })
                })
                .collect()
        })
    }

    /// Tokens of the clause that are relative pronouns ("który", "której" …), in order; found
    /// once per clause, however many cues ask.
    fn relative_pronouns(&self) -> &[usize] {
        self.relative_pronouns.get_or_init(|| {
            let (Some(&first), Some(&last)) = (self.words.first(), self.words.last()) else {
                return Vec::new();
            };
            (first..=last)
                .filter(|&t| {
                    lowercase::starts_with(self.doc.tokens[t].span.slice(self.source), "któr")
                })
                .collect()
        })
    }

    /// Whether what a cue's verb governs, from clause word `first` on, can stand before the
    /// verb at word `verb`: with no comma or conjunction between them ("pracowników oraz
    /// nadzorują" starts a new predicate), with a negation before the verb where
    /// `needs_negation` (else it opens the clause with its preposition: "O zwolnieniach
    /// decyduje"), and with the verb last in its clause, before punctuation or before the role
    /// the clause names. Another word after it is most often the verb's subject: "O
    /// zwolnieniach decyduje dyrektor regionu". A verb in the first person has its subject, "ja",
    /// in it, and a role named between the noun and the verb is their subject: then the noun is
    /// the object, and what follows the verb is not its subject either ("Warsztaty z
    /// użytkownikami prowadzę zawsze osobiście", "rabaty do dziesięciu procent KAM zatwierdza u
    /// nas sam").
    fn governs_before(&self, first: usize, verb: usize, needs_negation: bool) -> bool {
        // "Czasem product manager zarządza …": a hedge is no object, though "czasem" is also
        // a form of "czas".
        if self.markers.any(
            Marker::Possible,
            self.offset + first..self.offset + first + 1,
        ) {
            return false;
        }
        let verb_token = self.words[verb];
        let subject_between = self.names_role()
            && self.words[first] < self.subject_start
            && self.subject_start < verb_token;
        // "Przełożonym Scrum Mastera jest dyrektor IT": after a form of "być" the subject can
        // still follow, the role between being the noun's genitive.
        let copula = lowercase::is_one_of(
            self.doc.tokens[verb_token].span.slice(self.source),
            COPULA_FORMS,
        );
        let first_person = self.first_person(verb_token) || (subject_between && !copula);
        let ends = first_person
            || self.words.get(verb + 1).is_none_or(|&next| {
                next > verb_token + 1 || (self.names_role() && next == self.subject_start)
            });
        if !ends {
            return false;
        }
        let separated = set_apart(self.source, &self.doc.tokens[self.words[first]..verb_token]);
        let negated = self
            .markers
            .within(Marker::Negation, self.offset + first..self.offset + verb)
            .next()
            .is_some();
        !separated && (negated || first_person || !needs_negation)
    }

    /// Whether `token` stands in an aside (see [`ClauseContext::asides`]) that the cue at
    /// `cue_token` is not in: what it says belongs to the aside, not to the claim.
    fn in_aside_apart_from(&self, token: usize, cue_token: usize) -> bool {
        self.asides()
            .iter()
            .any(|aside| aside.contains(&token) && !aside.contains(&cue_token))
    }

    /// Whether the words `(first, last)` of the clause describe a former state: a verb in
    /// their part of the clause (between [`TENSE_PART_ENDS`]) is in the past tense, and a time
    /// of the past stands in the sentence up to that part's end, one of the `former` phrases
    /// ("Do ubiegłego roku Project Manager nie odpowiadał za budżet") or a year not after "od"
    /// ("w 2018 roku Product Owner zarabiał 11 000 zł", "do końca 2023 roku Account Manager
    /// dysponował niewielkim budżetem"); or a time of the present (`now`) follows it in the
    /// sentence ("W agencji pracowałam w biurze pięć dni w tygodniu, dziś pracuję hybrydowo").
    /// "Od 2021 roku każdy przedstawiciel ma stałą podstawę" is about today, and so is "dziś jest
    /// to 15 500 zł" after "mediana wynosiła 13 000 zł, "; "Anna zarabiała 9 000 zł" tells a
    /// story in no time of its own, and stays a claim.
    fn about_the_past(&self, words: (usize, usize)) -> bool {
        let Some(past) = self.rules.lexicon.past() else {
            return false;
        };
        let (start, end) = part_around(self.source, self.doc, self.words, words, TENSE_PART_ENDS);
        let part_end = self.offset + end + 1;
        let mut past_forms = self.words[start..=end]
            .iter()
            .filter(|&&w| self.lemmas.of(w).contains(&past));
        let Some(&first_past) = past_forms.next() else {
            return false;
        };
        // The writer's own story is of its past: "Zostałam rekruterką bez żadnego
        // doświadczenia", "Nadal zajmowałam się rekrutacją" (what the writer does now is said
        // in the present).
        self.first_person(first_past)
            || past_forms.any(|&w| self.first_person(w))
            || (self
                .markers
                .matches_within(Marker::Former, 0..part_end)
                .any(|(first, _)| {
                    // A time inside the cue is what the cue says, not when: "otwarci na osoby,
                    // które nigdy wcześniej nie pracowały w HR" (blind bg09) waives experience today.
                    !(self.offset + words.0..=self.offset + words.1).contains(&first)
                })
                || self
                    .markers
                    .any(Marker::Now, part_end..self.sentence_words.len())
                || (0..part_end).any(|at| {
                    is_year(
                        self.doc.tokens[self.sentence_words[at]]
                            .span
                            .slice(self.source),
                    ) && !(at > 0 && self.is_word(self.sentence_words.get(at - 1), SINCE))
                }))
    }

    /// Whether the clause names its role (else the role was carried or referred back to).
    fn names_role(&self) -> bool {
        self.words.first().is_some_and(|&w| self.after > w)
    }

    /// Whether the clause's word `at` is a passive participle (see
    /// [`crate::phrase::is_passive_participle`]).
    fn passive_participle(&self, at: usize) -> bool {
        crate::phrase::is_passive_participle(
            self.doc.tokens[self.words[at]].span.slice(self.source),
        )
    }

    /// Whether the word at `token` is a form in the first person singular ("prowadzę").
    fn first_person(&self, token: usize) -> bool {
        self.rules
            .lexicon
            .first_person()
            .is_some_and(|key| self.lemmas.of(token).contains(&key))
    }

    fn quoted(&self, token: usize) -> bool {
        self.quotes.iter().any(|q| q.contains(&token))
    }

    /// Whether the punctuation `mark` stands among the tokens `tokens`.
    fn mark_between(&self, tokens: Range<usize>, mark: &str) -> bool {
        self.doc.tokens[tokens]
            .iter()
            .any(|t| t.span.slice(self.source) == mark)
    }

    fn is_word(&self, token: Option<&usize>, lower: &str) -> bool {
        token.is_some_and(|&t| {
            self.doc.tokens[t]
                .span
                .slice(self.source)
                .eq_ignore_ascii_case(lower)
        })
    }

    fn quantities(
        &self,
        engine: MetricEngine,
        cue: (usize, usize),
    ) -> Vec<(Quantity, (usize, usize))> {
        if self.words.is_empty() {
            return Vec::new();
        }
        let words = self.number_words();
        let position = |token: usize| words.iter().position(|w| w.token == token).unwrap_or(0);
        let cue_words = (position(self.words[cue.0]), position(self.words[cue.1]));
        // An amount in an aside the cue is not in is another thing's: "otrzymuje podstawę
        // 6 000 zł oraz prowizję, która … wynosi od 1 500 do 3 000 zł".
        let cue_token = self.words[cue.0];
        numbers::quantities(engine, words, cue_words)
            .into_iter()
            .filter(|(_, (a, _))| !self.in_aside_apart_from(words[*a].token, cue_token))
            .filter_map(|(quantity, (a, b))| {
                let a = self.words.iter().position(|&w| w >= words[a].token)?;
                let b = self.words.iter().rposition(|&w| w <= words[b].token)?;
                Some((quantity, (a, b.max(a))))
            })
            .collect()
    }
}
