//! examples: runs the examples every rule carries, as LanguageTool does.
//!
//! Each role lists sentences that must mention it, each value and metric texts that must
//! produce an affirmed (`fires`) or a denied (`denied`) claim of it and texts that must not
//! produce one (`quiet`), and each conflict texts that must and must not produce its code. A
//! `[bracketed]` part of an example is where the match must be. `cargo test` runs them all;
//! so can a team with its own rule set.

use crate::decode::Text;
use crate::extract::Polarity;
use crate::rules::RuleSet;
use crate::span::{Orig, Span};
use crate::{analyse, check};

/// One example that did not behave as its rule says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// "role account_manager", "value bookkeeping", "conflict RL101".
    pub rule: String,
    pub example: String,
    pub problem: String,
}

/// An example with its `[markers]` removed, and the marked spans.
fn unmark(example: &str) -> (String, Vec<Span<Orig>>) {
    let mut text = String::with_capacity(example.len());
    let mut marked = Vec::new();
    let mut open = None;
    for c in example.chars() {
        match c {
            '[' => open = Some(text.len()),
            ']' => marked.extend(open.take().map(|start| Span::new(start, text.len()))),
            _ => text.push(c),
        }
    }
    (text, marked)
}

fn overlaps(a: Span<Orig>, b: Span<Orig>) -> bool {
    a.start() < b.end() && b.start() < a.end()
}

/// How many examples a rule set carries.
pub fn count(rules: &RuleSet) -> usize {
    let roles: usize = rules.roles.iter().map(|r| r.examples.mentions.len()).sum();
    let values: usize = rules
        .values
        .iter()
        .map(|v| v.examples.fires.len() + v.examples.denied.len() + v.examples.quiet.len())
        .sum();
    let conflicts: usize = rules
        .conflicts
        .iter()
        .map(|c| c.examples.fires.len() + c.examples.quiet.len())
        .sum();
    roles + values + conflicts
}

/// Run every example of every rule; an empty result means all passed.
pub fn run(rules: &RuleSet) -> Vec<ExampleFailure> {
    let mut failures = Vec::new();
    let mut fail = |rule: String, example: &str, problem: String| {
        failures.push(ExampleFailure {
            rule,
            example: example.to_owned(),
            problem,
        })
    };
    for (r, role) in rules.roles.iter().enumerate() {
        for example in &role.examples.mentions {
            let (text, marked) = unmark(example);
            let analysis = analyse(Text::from_utf8(&text), rules);
            let found = analysis.roles.mentions.iter().any(|m| {
                let tokens = &analysis.doc.tokens;
                let span = analysis.text.to_original(
                    tokens[m.tokens.start]
                        .span
                        .cover(&tokens[m.tokens.end - 1].span),
                );
                m.role == r && marked.iter().all(|&mark| overlaps(span, mark))
            });
            if !found {
                fail(
                    format!("role {}", role.id),
                    example,
                    "rola nie została rozpoznana w zaznaczonym miejscu".into(),
                );
            }
        }
    }
    for (v, value) in rules.values.iter().enumerate() {
        let rule = format!("value {}", value.id);
        let expected = value.examples.fires.iter().map(|e| (e, Polarity::Affirmed));
        let expected = expected.chain(value.examples.denied.iter().map(|e| (e, Polarity::Negated)));
        for (example, polarity) in expected {
            let (text, marked) = unmark(example);
            let analysis = analyse(Text::from_utf8(&text), rules);
            let hit = analysis.claims.iter().any(|c| {
                c.value == v
                    && c.polarity == polarity
                    && marked.iter().all(|&mark| overlaps(c.span, mark))
            });
            if !hit {
                let got: Vec<String> = analysis
                    .claims
                    .iter()
                    .map(|c| format!("{} ({:?})", rules.values[c.value].id, c.polarity))
                    .collect();
                let wanted = match polarity {
                    Polarity::Affirmed => "twierdzącego",
                    Polarity::Negated => "przeczącego",
                };
                fail(
                    rule.clone(),
                    example,
                    format!("brak twierdzenia {wanted} w zaznaczonym miejscu; znaleziono: {got:?}"),
                );
            }
        }
        for example in &value.examples.quiet {
            let (text, _) = unmark(example);
            let analysis = analyse(Text::from_utf8(&text), rules);
            if let Some(claim) = analysis.claims.iter().find(|c| c.value == v) {
                let said = claim.span.slice(analysis.text.original()).to_owned();
                fail(
                    rule.clone(),
                    example,
                    format!("niechciane twierdzenie: „{said}”"),
                );
            }
        }
    }
    for conflict in &rules.conflicts {
        let rule = format!("conflict {}", conflict.code);
        for (example, should_fire) in conflict
            .examples
            .fires
            .iter()
            .map(|e| (e, true))
            .chain(conflict.examples.quiet.iter().map(|e| (e, false)))
        {
            let (text, _) = unmark(example);
            let analysis = analyse(Text::from_utf8(&text), rules);
            let findings = check::document(0, &analysis, rules);
            let fired = findings.iter().any(|f| f.code == conflict.code);
            if fired != should_fire {
                let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
                let problem = if should_fire {
                    format!("kod się nie pojawił; znalezione: {codes:?}")
                } else {
                    "kod pojawił się w przykładzie, który ma być cichy".to_owned()
                };
                fail(rule.clone(), example, problem);
            }
        }
    }
    failures
}
