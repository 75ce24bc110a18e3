//! catalog: the rules described for people — `rolelint rules` and `rolelint explain CODE`.
//!
//! Lists every rule (built-in codes and conflict rules) with its code, name, engine, severity and summary, and explains
//! one rule Ruff-style: what it checks, why it matters, what to do, and its examples. Reads the
//! loaded [`RuleSet`]; computes nothing about texts.

use std::fmt::Write;

use crate::report::RuleDoc;
use crate::rules::{Engine, RuleSet, Severity};

fn engine_name(engine: &Engine) -> &'static str {
    match engine {
        Engine::Exclusive { .. } => "exclusive",
        Engine::Polarity => "polarity",
        Engine::Numeric { .. } => "numeric",
        Engine::SelfContradiction(_) => "self",
        Engine::Drift => "drift",
        Engine::Misleading => "misleading",
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The engine of a code: a conflict rule's, or "built-in" for the codes rolelint itself owns.
fn engine_of(rules: &RuleSet, code: &str) -> &'static str {
    rules
        .conflict(code)
        .map_or("built-in", |conflict| engine_name(&conflict.engine))
}

/// One line per rule, then what the rule set knows.
pub fn list(rules: &RuleSet) -> String {
    let docs = RuleDoc::all(rules);
    let name_width = docs.iter().map(|d| d.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for doc in &docs {
        let _ = writeln!(
            out,
            "{}  {:name_width$}  {:10}  {:7}  {}",
            doc.code,
            doc.name,
            engine_of(rules, &doc.code),
            severity_name(doc.severity),
            doc.summary
        );
    }
    let metrics = rules.values.iter().filter(|v| v.metric.is_some()).count();
    let _ = writeln!(
        out,
        "\nrole: {}, wymiary: {}, wartości: {}, metryki: {}",
        rules.roles.len() - 1,
        rules.dimensions.len(),
        rules.values.len() - metrics,
        metrics
    );
    out
}

/// The documentation of one rule, or `None` for an unknown code.
pub fn explain(rules: &RuleSet, code: &str) -> Option<String> {
    let code = code.to_uppercase();
    let doc = RuleDoc::all(rules).into_iter().find(|d| d.code == code)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({}, {})\n",
        doc.code,
        doc.name,
        engine_of(rules, &doc.code),
        severity_name(doc.severity)
    );
    let _ = writeln!(out, "Opis:\n  {}\n", doc.summary);
    let _ = writeln!(out, "Dlaczego:\n  {}\n", doc.why);
    let _ = writeln!(out, "Co zrobić:\n  {}\n", doc.help);
    let Some(conflict) = rules.conflict(&code) else {
        return Some(out);
    };
    match &conflict.engine {
        Engine::Exclusive {
            pairs,
            affirmed_and_denied_in,
        } => {
            let _ = writeln!(out, "Wykluczające się wartości:");
            for pair in pairs {
                let (a, b) = pair.values;
                let _ = write!(
                    out,
                    "  {} ⟂ {}",
                    rules.values[a].label, rules.values[b].label
                );
                if !pair.allowed_for.is_empty() {
                    let roles: Vec<&str> = pair
                        .allowed_for
                        .iter()
                        .map(|&r| &*rules.roles[r].name)
                        .collect();
                    let _ = write!(out, " (nie dotyczy: {})", roles.join(", "));
                }
                out.push('\n');
            }
            out.push('\n');
            if !affirmed_and_denied_in.is_empty() {
                let labels: Vec<&str> = affirmed_and_denied_in
                    .iter()
                    .filter_map(|id| rules.dimensions.iter().find(|d| d.id == *id))
                    .map(|d| d.label.as_str())
                    .collect();
                let _ = writeln!(
                    out,
                    "Także wartość potwierdzona i zaprzeczona w wymiarach: {}\n",
                    labels.join(", ")
                );
            }
        }
        Engine::Numeric { metrics } => {
            let labels: Vec<&str> = metrics.iter().map(|&m| &*rules.values[m].label).collect();
            let _ = writeln!(out, "Porównywane liczby: {}\n", labels.join(", "));
        }
        _ => {}
    }
    let _ = writeln!(out, "Przykłady, które zgłasza:");
    for example in &conflict.examples.fires {
        let _ = writeln!(out, "  ✗ {example}");
    }
    let _ = writeln!(out, "\nPrzykłady, które przepuszcza:");
    for example in &conflict.examples.quiet {
        let _ = writeln!(out, "  ✓ {example}");
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_and_explained() {
        let rules = RuleSet::embedded().expect("embedded rules load");
        let listed = list(&rules);
        for conflict in &rules.conflicts {
            assert!(listed.contains(&conflict.code));
            let explained = explain(&rules, &conflict.code.to_lowercase()).expect("known code");
            assert!(explained.contains(&conflict.why));
            assert!(explained.contains("Przykłady, które zgłasza"));
        }
        assert!(explain(&rules, "RL001").is_some_and(|e| e.contains("Dlaczego")));
        assert!(explain(&rules, "RL002").is_some_and(|e| e.contains("Dlaczego")));
        assert!(listed.contains("RL002"));
        assert!(explain(&rules, "RL999").is_none());
    }
}
