//! hints: where in a text the rule regexes could match, found in one pass over the whole text.
//!
//! Every match of a rule regex holds one of a few literals: "harmonogram" for
//! `\bprzygotow\w*\s+(\w+\s+){0,2}harmonogram\w*…`, one of "medicover", "lux" or "enel" for
//! `\b(medicover|lux ?med|enel-?med)\w*`. Searching a text once for all of them, case-insensitive,
//! tells which clauses need the regexes at all: most hold none of the literals, and asking
//! the set of all regexes about each clause was a tenth of the analysis.
//!
//! Each literal also says which regexes it is a literal of, so a clause is searched only with
//! those: one regex over a clause instead of the set of all of them twice (whether any matches,
//! then which), a sixth of a run's time on one thread before.
//!
//! The literals are the pattern's own, cut to their longest run of ASCII letters and digits,
//! chosen so that every match holds one of them (see [`required`]). ASCII letters match case-insensitively
//! in an ASCII-case-insensitive search exactly as in the regex, except for two letters that
//! also fold to a non-ASCII character (K to U+212A KELVIN SIGN, s to U+017F LONG S), so a text
//! holding either is searched with every regex everywhere.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

/// Shortest literal worth searching for: a shorter one ("z", "to") is in most clauses.
const MIN_LITERAL: usize = 2;

/// The literals of a rule set's regexes, as one automaton, and whose literals they are.
#[derive(Debug, Clone)]
pub struct RegexHints {
    literals: AhoCorasick,
    /// Per literal (by pattern id of `literals`): the indices of the regexes it is a literal
    /// of, ascending.
    regexes: Vec<Vec<usize>>,
}

impl RegexHints {
    /// The hints of `patterns` (as the rule files have them); `None` when one of them has no
    /// literal that every match holds, so that every clause must be searched.
    pub fn new(patterns: &[&str]) -> Option<RegexHints> {
        let mut owned: Vec<(String, usize)> = Vec::new();
        for (regex, pattern) in patterns.iter().enumerate() {
            owned.extend(literals_of(pattern)?.into_iter().map(|l| (l, regex)));
        }
        if owned.is_empty() {
            return None;
        }
        owned.sort();
        owned.dedup();
        let mut literals: Vec<String> = Vec::new();
        let mut regexes: Vec<Vec<usize>> = Vec::new();
        for (literal, regex) in owned {
            if literals.last() != Some(&literal) {
                literals.push(literal);
                regexes.push(Vec::new());
            }
            regexes.last_mut()?.push(regex);
        }
        let literals = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&literals)
            .ok()?;
        Some(RegexHints { literals, regexes })
    }

    /// The regexes that could match in the part of the text at `range`, by index, ascending:
    /// those with a literal at one of `places` (from [`RegexHints::find`]) within it.
    pub fn regexes_within(&self, places: &[Place], range: Range<usize>) -> Vec<usize> {
        let mut found: Vec<usize> = Hints::places_within(places, range)
            .flat_map(|place| &self.regexes[place.literal])
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Where in `text` a literal of the rule regexes stands. Matches that overlap one found
    /// are not looked for: a literal is letters and digits only, so overlapping matches stand
    /// in one word, and a part of the text made of whole words holds all of them or none.
    pub fn find(&self, text: &str) -> Hints {
        let folds_to_ascii = ["\u{212A}", "\u{17F}"]
            .iter()
            .any(|c| memchr::memmem::find(text.as_bytes(), c.as_bytes()).is_some());
        if folds_to_ascii {
            return Hints::Everywhere;
        }
        Hints::At(
            self.literals
                .find_iter(text)
                .map(|m| Place {
                    range: m.range(),
                    literal: m.pattern().as_usize(),
                })
                .collect(),
        )
    }
}

/// Where a text's rule regexes could match.
#[derive(Debug, Clone)]
pub enum Hints {
    /// Anywhere: the text must be searched with every regex.
    Everywhere,
    /// Only where one of these literals lies within the part searched.
    At(Vec<Place>),
}

/// Where one literal of the rule regexes stands in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub range: Range<usize>,
    /// Which literal (see [`RegexHints::regexes_within`]).
    literal: usize,
}

impl Hints {
    /// The places, in text order, that lie within `range`.
    fn places_within(places: &[Place], range: Range<usize>) -> impl Iterator<Item = &Place> {
        let first = places.partition_point(|p| p.range.start < range.start);
        places[first..]
            .iter()
            .take_while(move |p| p.range.start < range.end)
            .filter(move |p| p.range.end <= range.end)
    }
}

/// Literals one of which every match of `pattern` holds: those `regex-syntax` finds every
/// match to start or to end with, or the pattern's own (see [`required`]), whichever have the
/// longest shortest literal; each cut to its longest run of ASCII letters and digits. `None`
/// when there are none of at least [`MIN_LITERAL`] bytes.
fn literals_of(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let affixes = [ExtractKind::Suffix, ExtractKind::Prefix].map(|kind| {
        let seq = Extractor::new().kind(kind).extract(&hir);
        seq.literals()?
            .iter()
            .map(|literal| longest_ascii_run(literal.as_bytes()))
            .collect::<Option<Vec<String>>>()
    });
    std::iter::once(required(&hir))
        .chain(affixes)
        .flatten()
        .filter(|literals| shortest(literals) >= MIN_LITERAL)
        .max_by_key(|literals| shortest(literals))
}

/// Literals one of which every match of `hir` holds, each the longest run of ASCII letters and
/// digits of a literal of the pattern: a literal's own run; of a sequence, the part's literals
/// whose shortest is longest; of alternatives, all of theirs; of a repetition at least once,
/// its part's.
fn required(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Literal(literal) => Some(vec![longest_ascii_run(&literal.0)?]),
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min > 0 => required(&repetition.sub),
        HirKind::Concat(parts) => parts
            .iter()
            .filter_map(required)
            .max_by_key(|literals| shortest(literals)),
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                all.extend(required(branch)?);
            }
            Some(all)
        }
        _ => None,
    }
}

fn shortest(literals: &[String]) -> usize {
    literals.iter().map(String::len).min().unwrap_or(0)
}

/// The longest run of ASCII letters and digits in `bytes`, lower-cased (the first of equals).
fn longest_ascii_run(bytes: &[u8]) -> Option<String> {
    let run = bytes
        .split(|b| !b.is_ascii_alphanumeric())
        .fold(
            &[][..],
            |best, run| {
                if run.len() > best.len() { run } else { best }
            },
        );
    (!run.is_empty()).then(|| String::from_utf8_lossy(run).to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{RuleRegex, ValueIdx};

    #[test]
    fn literals_are_the_longest_ascii_runs_every_match_holds() {
        assert_eq!(
            literals_of(r"\b(medicover|lux ?med|enel-?med)\w*"),
            Some(
                ["medicover", "lux", "luxmed", "enel", "enelmed"]
                    .map(String::from)
                    .to_vec()
            )
        );
        // Of "księgowością" only "gowo" is ASCII: "zajmuj" is longer.
        assert_eq!(
            literals_of(r"\bksięgowością\s+(\w+\s+)?zajmuj\w*"),
            Some(vec!["zajmuj".to_owned()])
        );
        assert_eq!(
            literals_of(r"\b(to|jest)\s+partner|\bportfel\w*\s+klient\w*"),
            Some(vec!["partner".to_owned(), "portfel".to_owned()])
        );
        assert_eq!(literals_of(r"\bz\s+domu\b"), Some(vec!["domu".to_owned()]));
        // Every match starts with "kieruj" or "kierowa", which are rarer than "kier".
        assert_eq!(
            literals_of(r"\bkier(uj\w*|owa)\s+zespołem"),
            Some(vec!["kieruj".to_owned(), "kierowa".to_owned()])
        );
        assert_eq!(literals_of(r"\w+"), None);
        assert_eq!(literals_of(r"\b(ą|ę)"), None);
    }

    #[test]
    fn a_clause_needs_the_regexes_only_around_a_literal() {
        let regex_hints =
            RegexHints::new(&[r"\bz\s+domu\b", r"\bfit ?profit\w*"]).expect("literals");
        let text = "Pracuje z DOMU. Ma karty. FitProfit też.";
        let Hints::At(places) = regex_hints.find(text) else {
            panic!("an ordinary text has places");
        };
        assert_eq!(places.first().map(|p| p.range.clone()), Some(10..14));
        let within = |range| regex_hints.regexes_within(&places, range);
        assert_eq!(within(0..15), [0]);
        assert!(
            within(0..12).is_empty(),
            "the literal must lie within the part"
        );
        assert!(within(15..25).is_empty());
        assert_eq!(
            within(26..40),
            [1],
            "\"fit\" and \"profit\" are the second's"
        );
        assert_eq!(within(0..40), [0, 1]);
        assert!(matches!(
            RegexHints::new(&[r"\bfit"])
                .expect("literals")
                .find("ſkala"),
            Hints::Everywhere
        ));
        assert!(RegexHints::new(&[r"\bfit", r"\w+"]).is_none());
    }

    /// The hints only save work: every part of every corpus text gets the same matches with
    /// them as with every regex run everywhere.
    #[test]
    fn every_part_of_the_corpus_a_rule_regex_matches_holds_a_hint() {
        let rules = crate::rules::RuleSet::embedded().expect("the embedded rules load");
        assert!(
            rules.regex_hints.is_some(),
            "every built-in regex has literals"
        );
        let mut matched = 0;
        for entry in std::fs::read_dir("corpus").expect("the corpus is there") {
            let path = entry.expect("listed").path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let hints = rules.regex_hints(&text);
            let mut start = 0;
            for (end, _) in text
                .match_indices([',', '.', '\n', ';'])
                .chain([(text.len(), "")])
            {
                let part = &text[start..end];
                let everywhere = rules.regex_matches(part, &Hints::Everywhere, start..end);
                let hinted = rules.regex_matches(part, &hints, start..end);
                let found = |matches: Vec<(ValueIdx, &RuleRegex, regex::Match)>| {
                    matches
                        .into_iter()
                        .map(|(value, _, m)| (value, m.range()))
                        .collect::<Vec<_>>()
                };
                let everywhere = found(everywhere);
                matched += usize::from(!everywhere.is_empty());
                assert_eq!(found(hinted), everywhere, "{}: {part}", path.display());
                start = end;
            }
        }
        assert!(
            matched > 50,
            "the corpus has parts the regexes match: {matched}"
        );
    }
}
