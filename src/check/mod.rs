//! check: claims and mentions → [`Finding`]s, within a document and across documents.
//!
//! Runs the conflict engines that rule files instantiate: exclusive values, the same value
//! affirmed and negated, numbers that disagree (only when currency, period, basis and
//! qualifiers match), self-contradictory clauses (also two exclusive values one sentence gives
//! a role, reported as that conflict), role-name drift and misleading names. Only
//! asserted claims conflict; two roles with different values never do. One finding per role,
//! dimension and conflicting pair, with every supporting span as evidence. Of two exclusive
//! pairs whose values one sentence gives together, only the first is reported; a denial that
//! only restates an exclusive value, in its own sentence or the one next to it, is left to the
//! exclusive finding; a value affirmed and denied only within one sentence is the
//! self-contradiction's in the dimensions it lists, and no finding in the others.
//! Within a document the claims of each voice (a forum poster's, a digest's offer's, the text's
//! own) are compared only with each other.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

mod claims;

use claims::{Located, Maker, Pool, Scope};

use crate::Analysis;
use crate::extract::{Claim, Modality, Polarity};
use crate::lowercase;
use crate::phrase::PhraseSet;
use crate::roles::Voice;
use crate::rules::{
    Conflict, Engine, ExclusivePair, RoleIdx, RuleSet, Severity, SharedAndDifferent, ValueIdx,
};
use crate::span::{LineIndex, Orig, Place, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    Contradiction,
    Terminology,
    Input,
    /// A suppression comment that suppresses nothing.
    Suppression,
}

/// One problem rolelint reports, with the places that show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: String,
    pub kind: FindingKind,
    pub severity: Severity,
    pub message: String,
    /// Role id, when the finding is about one role.
    pub role: Option<Arc<str>>,
    /// Dimension id, when the finding is about one dimension.
    pub dimension: Option<Arc<str>>,
    pub evidence: Vec<Evidence>,
    pub help: Option<Arc<str>>,
}

impl Finding {
    /// Report this finding under `conflict`: its code, severity and help, the rest as found.
    fn report_under(&mut self, conflict: &Conflict) {
        self.code = conflict.code.clone();
        self.severity = conflict.severity;
        self.help = Some(Arc::clone(&conflict.help));
    }
}

/// One place supporting a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Index of the file in the report.
    pub file: usize,
    pub span: Span<Orig>,
    /// What this place says, for the diagnostic label (shared by the evidence of one side).
    pub label: Arc<str>,
    /// Index of the claim in the file's claims, when the evidence is a claim.
    pub claim: Option<usize>,
    /// Line, column and quote, filled in by [`crate::lint_with`] (the checks that find the
    /// evidence do not all have the text at hand); renderers read them from here.
    pub place: Option<Place>,
}

/// Check one analysed document (file number `file` of the report).
///
/// The claims of each voice are compared only with each other: the posters of a forum thread
/// and the offers of a digest are independent sources, as different files are (see
/// [`crate::roles::Voice`]).
pub fn document(file: usize, analysis: &Analysis, rules: &RuleSet) -> Vec<Finding> {
    let mut voices: Vec<&Voice> = analysis.claims.iter().map(|c| &c.voice).collect();
    voices.sort_unstable();
    voices.dedup();
    let pools: Vec<Pool> = voices
        .iter()
        .map(|&voice| {
            let located = analysis
                .claims
                .iter()
                .enumerate()
                .filter(|(_, claim)| claim.voice == *voice)
                .map(|(index, claim)| Located::new(file, index, claim));
            Pool::new(located, Scope::Document, rules)
        })
        .collect();
    let exclusive = rules.exclusive_pairs();
    let mut findings = Vec::new();
    for conflict in &rules.conflicts {
        let make = Maker { rules, conflict };
        let wording = Wording {
            file,
            analysis,
            rules,
            conflict,
        };
        match &conflict.engine {
            Engine::Exclusive { pairs, .. } => {
                findings.extend(pools.iter().flat_map(|pool| pool.exclusive(pairs, &make)));
            }
            Engine::Polarity => {
                findings.extend(
                    pools
                        .iter()
                        .flat_map(|pool| pool.polarity(&exclusive, &make)),
                );
            }
            Engine::Numeric { metrics } => {
                findings.extend(pools.iter().flat_map(|pool| pool.numeric(metrics, &make)));
            }
            Engine::SelfContradiction(words) => {
                wording.self_contradiction(words, &mut findings);
                findings.extend(in_each_sentence(file, analysis, &words.pairs, &make));
                findings.extend(hedged_in_each_sentence(file, analysis, words, &make));
            }
            Engine::Drift => wording.drift(&mut findings),
            Engine::Misleading => wording.misleading(&mut findings),
        }
    }
    denied_in_one_sentence(&mut findings, analysis, rules);
    denied_as_exclusive(&mut findings, rules);
    in_one_sentence(&mut findings, analysis, rules);
    findings
}

/// The codes of the rules' conflicts whose engine is one `wanted` accepts.
fn codes_where(rules: &RuleSet, wanted: impl Fn(&Engine) -> bool) -> Vec<&str> {
    rules
        .conflicts
        .iter()
        .filter(|c| wanted(&c.engine))
        .map(|c| c.code.as_str())
        .collect()
}

/// Whether every piece of a finding's evidence stands in one and the same sentence.
fn in_one_sentence_only(finding: &Finding, analysis: &Analysis) -> bool {
    let mut sentences = finding
        .evidence
        .iter()
        .map(|e| e.claim.map(|c| analysis.claims[c].sentence));
    let first = sentences.next().flatten();
    first.is_some() && sentences.all(|s| s == first)
}

/// A value affirmed and denied within one sentence (the polarity engine's finding): in a
/// dimension the `self` conflict lists in `affirmed_and_denied_in`, that sentence contradicts
/// itself ("Scrum Master nie jest formalnym przełożonym programistów, a jako ich bezpośredni
/// szef … akceptuje wnioski urlopowe", blind bd04) and is reported under that conflict; in any
/// other, it is a distinction finer than the value, drawn on purpose ("Nie pisze kodu
/// produkcyjnego, choć sam przygotowuje zapytania SQL", corpus/84, both "znajomość SQL lub
/// programowania"), and no finding.
fn denied_in_one_sentence(findings: &mut Vec<Finding>, analysis: &Analysis, rules: &RuleSet) {
    let polarity_codes = codes_where(rules, |engine| matches!(engine, Engine::Polarity));
    let sentence_conflict = rules.conflicts.iter().find_map(|c| match &c.engine {
        Engine::SelfContradiction(words) => Some((c, &words.affirmed_and_denied_in)),
        _ => None,
    });
    findings.retain_mut(|finding| {
        if !polarity_codes.contains(&finding.code.as_str())
            || !in_one_sentence_only(finding, analysis)
        {
            return true;
        }
        let Some((conflict, dimensions)) = sentence_conflict else {
            return false;
        };
        let listed = finding
            .dimension
            .as_ref()
            .is_some_and(|d| dimensions.contains(d));
        if listed {
            finding.report_under(conflict);
            finding.message = said_in_one_sentence(&finding.message);
        }
        listed
    });
}

/// A value affirmed and denied (the polarity engine's finding) in a dimension an exclusive
/// conflict lists in `affirmed_and_denied_in` is reported under that conflict: "certyfikat nie
/// jest wymagany" against "certyfikat PSM I to warunek konieczny" are requirements that exclude
/// each other (RL102), as every author of the blind sets called such a pair, not a claim
/// affirmed and denied at large (RL103).
fn denied_as_exclusive(findings: &mut [Finding], rules: &RuleSet) {
    let polarity_codes = codes_where(rules, |engine| matches!(engine, Engine::Polarity));
    for finding in findings {
        if !polarity_codes.contains(&finding.code.as_str()) {
            continue;
        }
        let Some(dimension) = finding.dimension.as_ref() else {
            continue;
        };
        let takes_over = rules.conflicts.iter().find(|c| match &c.engine {
            Engine::Exclusive {
                affirmed_and_denied_in,
                ..
            } => affirmed_and_denied_in.contains(dimension),
            _ => false,
        });
        if let Some(conflict) = takes_over {
            finding.report_under(conflict);
        }
    }
}

/// The values of `pairs` that one sentence gives a role both of: "ma pełną autonomię w
/// podejmowaniu decyzji, przy czym każda z tych decyzji wymaga akceptacji dyrektora". Each
/// sentence's claims (of one voice) are compared only with each other.
fn in_each_sentence(
    file: usize,
    analysis: &Analysis,
    pairs: &[ExclusivePair],
    make: &Maker,
) -> Vec<Finding> {
    let paired = |claim: &Claim| {
        pairs
            .iter()
            .any(|p| p.values.0 == claim.value || p.values.1 == claim.value)
    };
    let claims = analysis.claims.iter().enumerate();
    exclusive_by_sentence(
        file,
        analysis,
        claims
            .filter(|(_, claim)| paired(claim))
            .map(|(index, claim)| (index, Cow::Borrowed(claim))),
        pairs,
        make,
    )
}

/// One sentence's claims, each with its index among the file's claims, as found or as read.
type ClaimsOfSentence<'c> = Vec<(usize, Cow<'c, Claim>)>;

/// The `pairs` each sentence's `claims` (given with their index among the file's claims, as
/// found or as read) give a role both of; the claims of a sentence (and of one voice) are
/// compared only with each other, and every finding says it is one sentence's.
fn exclusive_by_sentence<'c>(
    file: usize,
    analysis: &'c Analysis,
    claims: impl Iterator<Item = (usize, Cow<'c, Claim>)>,
    pairs: &[ExclusivePair],
    make: &Maker,
) -> Vec<Finding> {
    let mut sentences: BTreeMap<(usize, &Voice), ClaimsOfSentence> = BTreeMap::new();
    for (index, claim) in claims {
        let found = &analysis.claims[index];
        sentences
            .entry((found.sentence.start(), &found.voice))
            .or_default()
            .push((index, claim));
    }
    let mut findings = Vec::new();
    for claims in sentences.values().filter(|claims| claims.len() > 1) {
        let located = claims
            .iter()
            .map(|(index, claim)| Located::new(file, *index, claim));
        for mut finding in Pool::new(located, Scope::Document, make.rules).exclusive(pairs, make) {
            finding.message = said_in_one_sentence(&finding.message);
            findings.push(finding);
        }
    }
    findings
}

/// A value that leaves no room for another (the first of a `hedged` pair) and that other, even
/// hedged, in one sentence: "pracę wyłącznie stacjonarną w naszym biurze, z możliwością pracy z
/// domu przez trzy dni w tygodniu" (blind bc08), "pracują wyłącznie stacjonarnie, przy czym
/// zwykle dwa dni w tygodniu spędzają na pracy z domu" (bd08). The second said outright is
/// [`in_one_sentence`]'s, as two exclusive values of one sentence.
fn hedged_in_each_sentence(
    file: usize,
    analysis: &Analysis,
    words: &SharedAndDifferent,
    make: &Maker,
) -> Vec<Finding> {
    let pairs = &words.hedged;
    if pairs.is_empty() {
        return Vec::new();
    }
    // "Praca stacjonarna, z możliwością jednego dnia zdalnego" allows the remote day; "pracę
    // wyłącznie stacjonarną …, z możliwością pracy z domu" does not.
    let says_only = |claim: &Claim| {
        let said = lowercase::of(claim.span.slice(analysis.text.original()));
        let said: Vec<&str> = said
            .split(|c: char| !c.is_alphanumeric() && c != '%')
            .filter(|w| !w.is_empty())
            .collect();
        let said = format!(" {} ", said.join(" "));
        words
            .only
            .iter()
            .any(|word| said.contains(&format!(" {word} ")))
    };
    let outright = |claim: &Claim| {
        claim.asserts() && pairs.iter().any(|p| p.values.0 == claim.value) && says_only(claim)
    };
    let hedged = |claim: &Claim| {
        claim.polarity == Polarity::Affirmed
            && claim.modality == Modality::Possible
            && pairs.iter().any(|p| p.values.1 == claim.value)
    };
    // The hedged claims, read as said outright, beside the claims that leave no room for them.
    let claims = analysis
        .claims
        .iter()
        .enumerate()
        .filter_map(|(index, claim)| {
            if outright(claim) {
                Some((index, Cow::Borrowed(claim)))
            } else if hedged(claim) {
                let mut read = claim.clone();
                read.modality = Modality::Asserted;
                Some((index, Cow::Owned(read)))
            } else {
                None
            }
        });
    exclusive_by_sentence(file, analysis, claims, pairs, make)
}

/// The message of a finding whose evidence is one sentence's.
fn said_in_one_sentence(message: &str) -> String {
    format!("Zdanie przeczy samo sobie – {message}")
}

/// Two exclusive values that one sentence gives the role make that sentence contradict itself:
/// "Rekruterzy pracują w pełni zdalnie, spędzając trzy dni w tygodniu w biurze" is reported as
/// the self-contradiction conflict (RL105), what a reader calls it, not as a role defined two
/// ways (RL101), when the rules have one.
fn in_one_sentence(findings: &mut [Finding], analysis: &Analysis, rules: &RuleSet) {
    let Some(sentence_conflict) = rules
        .conflicts
        .iter()
        .find(|c| matches!(c.engine, Engine::SelfContradiction(_)))
    else {
        return;
    };
    let exclusive_codes = codes_where(rules, |engine| matches!(engine, Engine::Exclusive { .. }));
    for finding in findings {
        if exclusive_codes.contains(&finding.code.as_str())
            && in_one_sentence_only(finding, analysis)
        {
            finding.report_under(sentence_conflict);
            finding.message = said_in_one_sentence(&finding.message);
        }
    }
}

/// Whether a claim can take part in a conflict between files: only asserted claims conflict,
/// and each text's unnamed role is a role of its own. A run over many files keeps only these
/// for [`corpus`].
pub fn comparable_across_files(claim: &Claim, rules: &RuleSet) -> bool {
    claim.modality == Modality::Asserted && claim.role != rules.unnamed
}

/// Compare the claims of many files, given as `(file number, index of the claim among the
/// file's claims, claim)`: conflicts between files, with evidence from each. Conflicts inside
/// one file are left to [`document`].
pub fn corpus<'a>(
    claims: impl IntoIterator<Item = (usize, usize, &'a Claim)>,
    rules: &RuleSet,
) -> Vec<Finding> {
    let located = claims
        .into_iter()
        .map(|(file, index, claim)| Located::new(file, index, claim));
    let pool = Pool::new(located, Scope::Corpus, rules);
    let exclusive = rules.exclusive_pairs();
    let mut findings = Vec::new();
    for conflict in &rules.conflicts {
        let make = Maker { rules, conflict };
        match &conflict.engine {
            Engine::Exclusive { pairs, .. } => findings.extend(pool.exclusive(pairs, &make)),
            Engine::Polarity => findings.extend(pool.polarity(&exclusive, &make)),
            Engine::Numeric { metrics } => findings.extend(pool.numeric(metrics, &make)),
            Engine::SelfContradiction(_) | Engine::Drift | Engine::Misleading => {}
        }
    }
    denied_as_exclusive(&mut findings, rules);
    findings
}

/// A finding of `conflict`, its evidence sorted and without repeats.
fn finding(
    rules: &RuleSet,
    conflict: &Conflict,
    kind: FindingKind,
    message: String,
    role: Option<RoleIdx>,
    value: Option<ValueIdx>,
    mut evidence: Vec<Evidence>,
) -> Finding {
    evidence.sort_by_key(|e| (e.file, e.span, e.claim));
    evidence.dedup_by_key(|e| (e.file, e.span));
    // Findings are kept to the end of the run: no spare capacity.
    evidence.shrink_to_fit();
    Finding {
        code: conflict.code.clone(),
        kind,
        severity: conflict.severity,
        message,
        role: role.map(|r| rules.roles[r].id.clone()),
        dimension: value.map(|v| rules.dimensions[rules.values[v].dimension].id.clone()),
        evidence,
        help: Some(Arc::clone(&conflict.help)),
    }
}

/// Endings of a verb in the plural: the third person of the present ("są", "wyglądają",
/// "różnią") and the past ("były", "wyglądali").
const PLURAL_VERB_ENDINGS: &[&str] = &["ą", "li", "ły"];

/// Checks on the wording of one document: self-contradictory clauses and role names.
struct Wording<'a> {
    file: usize,
    analysis: &'a Analysis,
    rules: &'a RuleSet,
    conflict: &'a Conflict,
}

impl Wording<'_> {
    fn finding(
        &self,
        kind: FindingKind,
        message: String,
        role: Option<RoleIdx>,
        value: Option<ValueIdx>,
        evidence: Vec<Evidence>,
    ) -> Finding {
        finding(
            self.rules,
            self.conflict,
            kind,
            message,
            role,
            value,
            evidence,
        )
    }

    fn self_contradiction(&self, words: &SharedAndDifferent, findings: &mut Vec<Finding>) {
        let SharedAndDifferent {
            first,
            second,
            link,
            joined,
            concessive,
            differ,
            continued,
            pairs: _,
            hedged: _,
            only: _,
            affirmed_and_denied_in: _,
        } = words;
        let analysis = self.analysis;
        for (s, sentence) in analysis.doc.sentences.iter().enumerate() {
            for (c, clause) in sentence.clauses.iter().enumerate() {
                let markers = &analysis.markers[s];
                let mut range = markers.range_of(clause);
                let Some((f, f_last)) =
                    first.find(&markers.words()[range.clone()], &analysis.lemmas)
                else {
                    continue;
                };
                // "…, a zarazem zupełnie inny …": the clause joined on is read with this one,
                // and what it says right after "a zarazem" is said of the same thing.
                let mut said_at_once = None;
                // "…, choć w każdej wyglądają zupełnie inaczej": where the concession starts, in
                // the words read together, when it goes on about the same thing.
                let mut conceded_from = None;
                let next = sentence.clauses.get(c + 1).map(|n| markers.range_of(n));
                if let Some(next) = next.clone()
                    && let Some(last) =
                        joined.match_at_start(&markers.words()[next.clone()], &analysis.lemmas)
                {
                    said_at_once = Some(next.start - range.start + last + 1);
                    range.end = next.end;
                } else if let Some(next) = next
                    && continued
                        .match_at_start(&markers.words()[next.clone()], &analysis.lemmas)
                        .is_some()
                    && self.same_subject(words, markers.words(), range.clone(), next.clone())
                {
                    conceded_from = Some(next.start - range.start);
                    range.end = next.end;
                }
                let words = &markers.words()[range];
                let rest = &words[f_last + 1..];
                // The first different word, and whether it is a verb of difference.
                let different = [(second, false), (differ, true)]
                    .into_iter()
                    .filter_map(|(set, verb)| Some((set.find(rest, &analysis.lemmas)?, verb)))
                    .min_by_key(|&((g, _), _)| g);
                let Some(((g, g_last), by_verb)) = different else {
                    continue;
                };
                let at = f_last + 1 + g;
                // A verb of difference needs no link of its own, but "the same" must be said with
                // one: "są takie same … i różnią się", not "dostajemy te same pytania: czym
                // różnią się warunki" (corpus/510).
                let linked = said_at_once.is_some_and(|start| (start..=start + 1).contains(&at))
                    || link.is_empty()
                    || if by_verb {
                        link.find(&words[..at], &analysis.lemmas).is_some()
                    } else {
                        link.find(&rest[..g], &analysis.lemmas).is_some()
                    };
                // The concession a continued clause opens with is the one read with the clause
                // before; only one before it sets two things against each other.
                let concession_end = conceded_from.map_or(at, |from: usize| from.min(at));
                let conceded = concessive
                    .find(&words[..concession_end], &analysis.lemmas)
                    .is_some();
                if !linked || conceded {
                    continue;
                }
                let span_of = |a: usize, b: usize| {
                    let tokens = &analysis.doc.tokens;
                    analysis
                        .text
                        .to_original(tokens[a].span.cover(&tokens[b].span))
                };
                let evidence = vec![
                    Evidence {
                        file: self.file,
                        span: span_of(words[f], words[f_last]),
                        label: "to, co wspólne…".into(),
                        claim: None,
                        place: None,
                    },
                    Evidence {
                        file: self.file,
                        span: span_of(rest[g], rest[g_last]),
                        label: "…nazwano tu różnym".into(),
                        claim: None,
                        place: None,
                    },
                ];
                // The role only when the sentence names exactly one ("Wspólne obowiązki Project
                // Managera i Scrum Mastera są różne" is about both).
                let named_in_sentence = analysis
                    .roles
                    .mentions
                    .iter()
                    .filter(|m| m.sentence == s)
                    .count();
                let role = analysis.roles.clauses[s][c]
                    .filter(|r| r.subject == crate::roles::Subject::Named && named_in_sentence == 1)
                    .map(|r| r.role);
                let message = "Zdanie przeczy samo sobie: to, co nazwano wspólnym, zarazem określono jako różne".to_owned();
                findings.push(self.finding(
                    FindingKind::Contradiction,
                    message,
                    role,
                    None,
                    evidence,
                ));
            }
        }
    }

    /// Whether the clause of `sentence[next]` goes on about the subject of the clause of
    /// `sentence[first]` (`sentence` being a sentence's words): its verb, a link or a verb of
    /// difference, is in the number of the first clause's link ("są … identyczne, choć w każdej
    /// wyglądają zupełnie inaczej"), as a verb with a subject of its own rarely is ("są te same,
    /// choć w startupie praca wygląda inaczej").
    fn same_subject(
        &self,
        words: &SharedAndDifferent,
        sentence: &[usize],
        first: Range<usize>,
        next: Range<usize>,
    ) -> bool {
        let lemmas = &self.analysis.lemmas;
        let verb = |range: Range<usize>, sets: &[&PhraseSet]| {
            sets.iter()
                .filter_map(|set| set.find(&sentence[range.clone()], lemmas))
                .map(|(at, _)| sentence[range.start + at])
                .min()
        };
        let plural = |token: usize| {
            let word = self.analysis.doc.tokens[token]
                .span
                .slice(self.analysis.text.normalized());
            lowercase::ends_with_one_of(word, PLURAL_VERB_ENDINGS)
        };
        match (
            verb(first, &[&words.link]),
            verb(next, &[&words.link, &words.differ]),
        ) {
            (Some(a), Some(b)) => plural(a) == plural(b),
            _ => false,
        }
    }

    /// Mentions of each role, grouped by name: `role → name → mention indices`; variants of
    /// one name ("księgowy/księgowa") count as one.
    fn mentions_by_name(&self) -> BTreeMap<RoleIdx, BTreeMap<usize, Vec<usize>>> {
        let mut grouped: BTreeMap<RoleIdx, BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
        for (i, mention) in self.analysis.roles.mentions.iter().enumerate() {
            let name = self.rules.roles[mention.role].aliases[mention.alias].name;
            grouped
                .entry(mention.role)
                .or_default()
                .entry(name)
                .or_default()
                .push(i);
        }
        grouped
    }

    fn mention_span(&self, mention: usize) -> Span<Orig> {
        let tokens = &self.analysis.roles.mentions[mention].tokens;
        let doc = &self.analysis.doc;
        let span = doc.tokens[tokens.start]
            .span
            .cover(&doc.tokens[tokens.end - 1].span);
        self.analysis.text.to_original(span)
    }

    fn drift(&self, findings: &mut Vec<Finding>) {
        for (role, names) in self.mentions_by_name() {
            if names.len() < 2 {
                continue;
            }
            let original = self.analysis.text.original();
            let mut listed = Vec::new();
            let mut evidence = Vec::new();
            for mentions in names.values() {
                let span = self.mention_span(mentions[0]);
                let surface = span.slice(original);
                listed.push(format!("„{surface}” ({}×)", mentions.len()));
                evidence.push(Evidence {
                    file: self.file,
                    span,
                    label: format!("nazwa „{surface}”, użyta {}×", mentions.len()).into(),
                    claim: None,
                    place: None,
                });
            }
            let name = &self.rules.roles[role].name;
            let message = format!(
                "Jedna rola pod {} nazwami: {}; nazwa zalecana w regułach to „{name}”",
                listed.len(),
                listed.join(", ")
            );
            findings.push(self.finding(
                FindingKind::Terminology,
                message,
                Some(role),
                None,
                evidence,
            ));
        }
    }

    fn misleading(&self, findings: &mut Vec<Finding>) {
        for (role, names) in self.mentions_by_name() {
            for mentions in names.values() {
                let alias = self.analysis.roles.mentions[mentions[0]].alias;
                let Some(misleading) = &self.rules.roles[role].aliases[alias].misleading else {
                    continue;
                };
                let original = self.analysis.text.original();
                let surface = self.mention_span(mentions[0]).slice(original).to_owned();
                let evidence = mentions
                    .iter()
                    .map(|&m| Evidence {
                        file: self.file,
                        span: self.mention_span(m),
                        label: "myląca nazwa".into(),
                        claim: None,
                        place: None,
                    })
                    .collect();
                let message = format!(
                    "Nazwa roli {} użyta w tekście jako „{surface}” wprowadza w błąd: {}",
                    self.rules.roles[role].name, misleading.reason
                );
                let mut finding = self.finding(
                    FindingKind::Terminology,
                    message,
                    Some(role),
                    None,
                    evidence,
                );
                finding.help = Some(
                    format!(
                        "{} Zamiast „{surface}” użyj nazwy „{}” (w odpowiedniej formie).",
                        self.conflict.help, misleading.suggest
                    )
                    .into(),
                );
                findings.push(finding);
            }
        }
    }
}

/// The finding for a file that could not be read or decoded.
pub fn unreadable(file: usize, reason: &str) -> Finding {
    Finding {
        code: UNREADABLE_CODE.to_owned(),
        kind: FindingKind::Input,
        severity: Severity::Error,
        message: format!("Nie można odczytać pliku: {reason}"),
        role: None,
        dimension: None,
        evidence: vec![Evidence {
            file,
            span: Span::new(0, 0),
            label: reason.into(),
            claim: None,
            place: Some(LineIndex::new("").place(Span::new(0, 0))),
        }],
        help: Some("Zapisz plik jako tekst (UTF-8, UTF-16 z BOM, windows-1250 lub ISO-8859-2) i sprawdź uprawnienia.".into()),
    }
}

/// The built-in code of [`unreadable`] findings.
pub const UNREADABLE_CODE: &str = "RL001";
