//! catalog: the rules described for people — `rolelint rules` and `rolelint explain CODE`.
//!
//! Lists every conflict rule with its code, name, engine, severity and summary, and explains
//! one rule Ruff-style: what it checks, why it matters, what to do, and its examples. Reads the
//! loaded [`RuleSet`]; computes nothing about texts.

use std::fmt::Write;

use crate::rules::{Engine, RuleSet, Severity};

fn engine_name(engine: &Engine) -> &'static str {
    match engine {
        Engine::Exclusive { .. } => "exclusive",
        Engine::Polarity => "polarity",
        Engine::Numeric { .. } => "numeric",
        Engine::SelfContradiction { .. } => "self",
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

/// One line per rule, then what the rule set knows.
pub fn list(rules: &RuleSet) -> String {
    let mut out = String::new();
    let name_width = rules
        .conflicts
        .iter()
        .map(|c| c.name.len())
        .max()
        .unwrap_or(0);
    let _ = writeln!(
        out,
        "RL001  {:name_width$}  built-in    error    Plik, którego nie da się odczytać ani zdekodować.",
        "unreadable-input"
    );
    for conflict in &rules.conflicts {
        let _ = writeln!(
            out,
            "{}  {:name_width$}  {:10}  {:7}  {}",
            conflict.code,
            conflict.name,
            engine_name(&conflict.engine),
            severity_name(conflict.severity),
            conflict.summary
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
    if code == crate::check::UNREADABLE_CODE {
        return Some(format!(
            "{code} unreadable-input (built-in, error)\n\n\
             Co sprawdza:\n  Plik, którego nie da się odczytać ani zdekodować (binarny, niepoprawne bajty, brak uprawnień, nie zwykły plik).\n\n\
             Dlaczego:\n  Tekst, którego rolelint nie przeczytał, nie został sprawdzony; wynik nie może tego przemilczeć.\n\n\
             Co zrobić:\n  Zapisz plik jako tekst (UTF-8, UTF-16 z BOM, windows-1250 lub ISO-8859-2) i sprawdź uprawnienia.\n"
        ));
    }
    let conflict = rules.conflicts.iter().find(|c| c.code == code)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({}, {})\n",
        conflict.code,
        conflict.name,
        engine_name(&conflict.engine),
        severity_name(conflict.severity)
    );
    let _ = writeln!(out, "Co sprawdza:\n  {}\n", conflict.summary);
    let _ = writeln!(out, "Dlaczego:\n  {}\n", conflict.why);
    let _ = writeln!(out, "Co zrobić:\n  {}\n", conflict.help);
    match &conflict.engine {
        Engine::Exclusive { pairs } => {
            let _ = writeln!(out, "Wykluczające się wartości:");
            for &(a, b) in pairs {
                let _ = writeln!(
                    out,
                    "  {} ⟂ {}",
                    rules.values[a].label, rules.values[b].label
                );
            }
            out.push('\n');
        }
        Engine::Numeric { metrics } => {
            let labels: Vec<&str> = metrics
                .iter()
                .map(|&m| rules.values[m].label.as_str())
                .collect();
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
        assert!(explain(&rules, "RL001").is_some());
        assert!(explain(&rules, "RL999").is_none());
    }
}
