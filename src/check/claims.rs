//! The engines that compare claims: exclusive values, the same value affirmed and negated,
//! numbers that disagree. They run over a [`Pool`] of asserted claims grouped by role and
//! value, so the same code checks one document or a whole corpus; a corpus-wide pool reports
//! only conflicts whose sides come from different files (one file's own conflicts are the
//! document check's). Grouping keeps the cost linear in the number of claims.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Evidence, Finding, FindingKind};
use crate::extract::numbers::Quantity;
use crate::extract::{Claim, Modality, Polarity};
use crate::rules::{Conflict, ExclusivePair, RoleIdx, RuleSet, ValueIdx};
use crate::span::{Orig, Span};

/// A claim with the file it comes from and its index among that file's claims (32-bit: a
/// corpus pool holds every comparable claim of a run).
#[derive(Clone, Copy)]
pub struct Located<'a> {
    file: u32,
    index: u32,
    pub claim: &'a Claim,
}

impl<'a> Located<'a> {
    pub fn new(file: usize, index: usize, claim: &'a Claim) -> Located<'a> {
        let small = |n: usize| u32::try_from(n).expect("fewer than 4 billion files and claims");
        Located {
            file: small(file),
            index: small(index),
            claim,
        }
    }

    pub fn file(&self) -> usize {
        self.file as usize
    }

    pub fn index(&self) -> usize {
        self.index as usize
    }

    /// Whether both claims stand in one sentence of one file.
    pub fn same_sentence(&self, other: &Located) -> bool {
        self.file == other.file && self.claim.sentence == other.claim.sentence
    }
}

/// Whether conflicts are looked for inside one file or between files.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Document,
    Corpus,
}

/// Asserted claims grouped by role, value and polarity.
pub struct Pool<'a> {
    groups: BTreeMap<(RoleIdx, ValueIdx, Polarity), Vec<Located<'a>>>,
    scope: Scope,
}

impl<'a> Pool<'a> {
    /// Group the asserted claims; in a corpus, claims about [`RuleSet::unnamed`] are left
    /// out, since each text's unnamed role is a different one.
    pub fn new(
        claims: impl IntoIterator<Item = Located<'a>>,
        scope: Scope,
        rules: &RuleSet,
    ) -> Pool<'a> {
        let mut groups: BTreeMap<_, Vec<Located>> = BTreeMap::new();
        for located in claims {
            let claim = located.claim;
            let comparable = match scope {
                Scope::Document => claim.modality == Modality::Asserted,
                Scope::Corpus => super::comparable_across_files(claim, rules),
            };
            if comparable {
                groups
                    .entry((claim.role, claim.value, claim.polarity))
                    .or_default()
                    .push(located);
            }
        }
        Pool { groups, scope }
    }

    fn group(&self, role: RoleIdx, value: ValueIdx, polarity: Polarity) -> &[Located<'a>] {
        self.groups
            .get(&(role, value, polarity))
            .map_or(&[], Vec::as_slice)
    }

    fn roles(&self) -> Vec<RoleIdx> {
        let mut roles: Vec<RoleIdx> = self.groups.keys().map(|&(role, ..)| role).collect();
        roles.dedup();
        roles
    }

    /// Whether claims on two sides make a conflict in this scope: any two in a document; in
    /// a corpus, only two from different files.
    fn sides_meet(&self, a: &[Located], b: &[Located]) -> bool {
        if a.is_empty() || b.is_empty() {
            return false;
        }
        match self.scope {
            Scope::Document => true,
            Scope::Corpus => {
                let only_file = a[0].file;
                !(a.iter().chain(b).all(|l| l.file == only_file))
            }
        }
    }

    fn across_files(&self) -> &'static str {
        match self.scope {
            Scope::Document => "",
            Scope::Corpus => " (w różnych plikach)",
        }
    }

    /// Exclusive value pairs: one finding per role and pair, unless another pair says the same
    /// (see [`restates`]).
    pub fn exclusive(&self, pairs: &[ExclusivePair], make: &Maker) -> Vec<Finding> {
        let mut findings = Vec::new();
        for role in self.roles() {
            // A figure for one level or kind ("Senior … z minimum pięcioma latami praktyki")
            // is not the role's at large, as a value is: like numbers, it meets only figures
            // with the same qualifiers, and a value has none.
            let unqualified: BTreeMap<ValueIdx, Vec<Located>> = pairs
                .iter()
                .flat_map(|p| [p.values.0, p.values.1])
                .map(|value| {
                    let claims = self.group(role, value, Polarity::Affirmed).iter();
                    let plain = claims.filter(|l| {
                        l.claim
                            .quantity
                            .as_ref()
                            .is_none_or(|q| q.qualifiers.is_empty())
                    });
                    (value, plain.copied().collect())
                })
                .collect();
            let sides = |value| unqualified.get(&value).map_or(&[][..], Vec::as_slice);
            let fired: Vec<(ValueIdx, ValueIdx)> = pairs
                .iter()
                .filter(|p| !p.allowed_for.contains(&role))
                .map(|p| p.values)
                .filter(|&(a, b)| self.sides_meet(sides(a), sides(b)))
                .collect();
            for (n, &(a, b)) in fired.iter().enumerate() {
                let said_before = fired
                    .iter()
                    .enumerate()
                    .any(|(m, &other)| m != n && restates(other, (a, b), m < n, sides));
                if said_before {
                    continue;
                }
                let (first, second) = (sides(a), sides(b));
                let (label_a, label_b) = (&make.rules.values[a].label, &make.rules.values[b].label);
                let mut evidence = evidence_of(first, &format!("tu jako: {label_a}"));
                evidence.extend(evidence_of(second, &format!("a tu jako: {label_b}")));
                let message = format!(
                    "{}: rolę opisano na dwa wykluczające się sposoby{}: „{label_a}” i „{label_b}”",
                    make.rules.roles[role].name,
                    self.across_files()
                );
                findings.push(make.finding(message, role, a, evidence));
            }
        }
        findings
    }

    /// The same value affirmed and negated: one finding per role and value.
    ///
    /// A denial in the same sentence as a value exclusive with it, or in the sentence next to
    /// it ("Praca wyłącznie stacjonarnie – nie przewidujemy pracy zdalnej") says that value
    /// again in other words.
    /// When the affirmed side already conflicts with that value, [`Pool::exclusive`] reports the
    /// conflict, and the denial is left out here: one problem, one finding.
    ///
    /// A value affirmed and denied only within one sentence is found too; what it is (a
    /// sentence that contradicts itself, or a distinction finer than the value, drawn on
    /// purpose) is for the caller to say by the dimension.
    pub fn polarity(&self, exclusive: &[&ExclusivePair], make: &Maker) -> Vec<Finding> {
        let mut findings = Vec::new();
        for (&(role, value, polarity), affirmed) in &self.groups {
            if polarity != Polarity::Affirmed || make.rules.values[value].metric.is_some() {
                continue;
            }
            let partners: Vec<&[Located]> = exclusive
                .iter()
                .filter(|pair| !pair.allowed_for.contains(&role))
                .filter_map(|pair| match pair.values {
                    (a, b) if a == value => Some(b),
                    (a, b) if b == value => Some(a),
                    _ => None,
                })
                .map(|other| self.group(role, other, Polarity::Affirmed))
                .filter(|other| self.sides_meet(affirmed, other))
                .collect();
            let negated: Vec<Located> = self
                .group(role, value, Polarity::Negated)
                .iter()
                .filter(|denial| {
                    !partners.iter().flat_map(|other| other.iter()).any(|said| {
                        said.file == denial.file
                            && next_to(said.claim.sentence, denial.claim.sentence)
                    })
                })
                .copied()
                .collect();
            if !self.sides_meet(affirmed, &negated) {
                continue;
            }
            let label = &make.rules.values[value].label;
            let mut evidence = evidence_of(affirmed, &format!("tu twierdząco: {label}"));
            evidence.extend(evidence_of(&negated, &format!("a tu przecząco: {label}")));
            let message = format!(
                "{}: „{label}” – raz twierdząco, raz przecząco{}",
                make.rules.roles[role].name,
                self.across_files()
            );
            findings.push(make.finding(message, role, value, evidence));
        }
        findings
    }

    /// Numbers of one metric that cannot all be true: one finding per role, metric and class
    /// of comparable numbers (same unit, currency, period, basis and qualifiers).
    pub fn numeric(&self, metrics: &[ValueIdx], make: &Maker) -> Vec<Finding> {
        let mut findings = Vec::new();
        for role in self.roles() {
            for &metric in metrics {
                let mut classes: Vec<(&Quantity, Vec<(Located, &Quantity)>)> = Vec::new();
                for &located in self.group(role, metric, Polarity::Affirmed) {
                    let Some(quantity) = located.claim.quantity.as_deref() else {
                        continue;
                    };
                    match classes.iter_mut().find(|(q, _)| q.comparable(quantity)) {
                        Some((_, class)) => class.push((located, quantity)),
                        None => classes.push((quantity, vec![(located, quantity)])),
                    }
                }
                for (_, class) in classes {
                    if !self.numbers_disagree(&class) {
                        continue;
                    }
                    // Each number described once: a class across a corpus holds thousands.
                    let described: Vec<(f64, Arc<str>)> = class
                        .iter()
                        .map(|(_, q)| (q.min, q.describe().into()))
                        .collect();
                    let evidence = class
                        .iter()
                        .zip(&described)
                        .map(|((l, _), (_, label))| Evidence {
                            file: l.file(),
                            span: l.claim.span,
                            label: Arc::clone(label),
                            claim: Some(l.index()),
                            place: None,
                        })
                        .collect();
                    // Ordered by amount, so the message is the same whatever the file order.
                    let mut values: Vec<&(f64, Arc<str>)> = described.iter().collect();
                    values.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                    let mut values: Vec<&str> = values.into_iter().map(|(_, d)| &**d).collect();
                    values.dedup();
                    let message = format!(
                        "{}: {} podano na kilka sposobów, których nie da się pogodzić{}: {}",
                        make.rules.roles[role].name,
                        make.rules.values[metric].label,
                        self.across_files(),
                        values.join("; ")
                    );
                    findings.push(make.finding(message, role, metric, evidence));
                }
            }
        }
        findings
    }

    /// Whether a class of comparable numbers holds two disjoint intervals from different files
    /// (in a corpus) or different sentences (in a document). Numbers said in one sentence are
    /// said of different things — "11 000–13 500 zł na poziomie analityka oraz 14 500–17 500 zł
    /// na poziomie starszego analityka", "W 2023 r. mediana wynosiła 13 000 zł, dziś 15 500 zł"
    /// — so they are not compared with each other. Linear: per file or sentence, the lowest
    /// upper bound and the highest lower bound are all that matter.
    fn numbers_disagree(&self, class: &[(Located, &Quantity)]) -> bool {
        let mut per_place: BTreeMap<(usize, usize), (f64, f64)> = BTreeMap::new();
        for (located, quantity) in class {
            let (low, high) = quantity.bounds();
            let place = match self.scope {
                Scope::Document => (located.file(), located.claim.sentence.start()),
                Scope::Corpus => (located.file(), 0),
            };
            let entry = per_place
                .entry(place)
                .or_insert((f64::INFINITY, f64::NEG_INFINITY));
            entry.0 = entry.0.min(high);
            entry.1 = entry.1.max(low);
        }
        // The two places with the lowest upper bounds and the two with the highest lower bounds
        // are enough to find a disjoint pair from different places.
        let mut by_high: Vec<(f64, (usize, usize))> =
            per_place.iter().map(|(&p, &(h, _))| (h, p)).collect();
        let mut by_low: Vec<(f64, (usize, usize))> =
            per_place.iter().map(|(&p, &(_, l))| (l, p)).collect();
        by_high.sort_by(|a, b| a.0.total_cmp(&b.0));
        by_low.sort_by(|a, b| b.0.total_cmp(&a.0));
        by_high
            .iter()
            .take(2)
            .any(|&(high, p)| by_low.iter().take(2).any(|&(low, q)| p != q && high < low))
            || (self.scope == Scope::Document && pay_ranges_cross(class))
    }
}

/// Whether two pay ranges of one document, in different sentences, overlap only in part:
/// "Wynagrodzenie: 13 000–16 000 zł brutto miesięcznie" in an ad's header and "proponujemy
/// 11 000–13 500 zł brutto miesięcznie" in its body give the offer two different ranges,
/// though they share 13 000–13 500 zł. A range inside another ("średnio 13 000–14 000 zł" of
/// "12 000–18 000 zł") and approximate ones ("ok. 10–12 tys.") may describe the same pay. Years
/// and team sizes are left out: "zespoły 5–8 osób" and "6–12 osób" are most often different
/// projects.
fn pay_ranges_cross(class: &[(Located, &Quantity)]) -> bool {
    let ranges: Vec<(usize, f64, f64)> = class
        .iter()
        .filter(|(_, q)| q.is_money() && !q.approximate)
        .filter_map(|(located, q)| {
            let max = q.max?;
            (max > q.min).then_some((located.claim.sentence.start(), q.min, max))
        })
        .collect();
    ranges.iter().any(|&(place, low, high)| {
        ranges.iter().any(|&(other_place, other_low, other_high)| {
            place != other_place && low < other_low && other_low < high && high < other_high
        })
    })
}

/// Evidence for a group of claims, all with one label.
pub fn evidence_of(claims: &[Located], label: &str) -> Vec<Evidence> {
    let label: Arc<str> = label.into();
    claims
        .iter()
        .map(|l| Evidence {
            file: l.file(),
            span: l.claim.span,
            label: Arc::clone(&label),
            claim: Some(l.index()),
            place: None,
        })
        .collect()
}

/// Builds findings of one conflict rule.
pub struct Maker<'a> {
    pub rules: &'a RuleSet,
    pub conflict: &'a Conflict,
}

impl Maker<'_> {
    pub fn finding(
        &self,
        message: String,
        role: RoleIdx,
        value: ValueIdx,
        evidence: Vec<Evidence>,
    ) -> Finding {
        super::finding(
            self.rules,
            self.conflict,
            FindingKind::Contradiction,
            message,
            Some(role),
            Some(value),
            evidence,
        )
    }
}

/// Whether the exclusive pair `other` says what `pair` says: they share a value, and every
/// sentence that gives `pair` its other value gives `other` its own (`earlier`: `other` comes
/// first, which decides between two pairs that cover each other). "Praca hybrydowa: trzy dni
/// w biurze, dwa dni z domu" is hybrid work and, by its "z domu", remote work; against "praca
/// wyłącznie stacjonarna" that is one contradiction, not one per value.
fn restates<'a>(
    other: (ValueIdx, ValueIdx),
    pair: (ValueIdx, ValueIdx),
    earlier: bool,
    sides: impl Fn(ValueIdx) -> &'a [Located<'a>],
) -> bool {
    let rest = |(a, b): (ValueIdx, ValueIdx), shared: ValueIdx| if a == shared { b } else { a };
    let Some(shared) = [pair.0, pair.1]
        .into_iter()
        .find(|&v| v == other.0 || v == other.1)
    else {
        return false;
    };
    let (own, theirs) = (sides(rest(pair, shared)), sides(rest(other, shared)));
    let in_sentences = |claims: &[Located], of: &[Located]| {
        claims.iter().all(|c| of.iter().any(|o| o.same_sentence(c)))
    };
    in_sentences(own, theirs) && (earlier || !in_sentences(theirs, own))
}

/// Whether two sentences are one, or follow each other with one character of white space
/// between, in one paragraph or list: "Od poniedziałku do piątku pracujesz na miejscu, w
/// biurze. Ta rola wymaga codziennej obecności przy zespołach, dlatego pracy zdalnej w niej
/// nie przewidujemy" restates the office in its denial. (A paragraph break takes two.)
fn next_to(a: Span<Orig>, b: Span<Orig>) -> bool {
    let (first, second) = if a.start() <= b.start() {
        (a, b)
    } else {
        (b, a)
    };
    first == second || (first.end() <= second.start() && second.start() - first.end() <= 1)
}
