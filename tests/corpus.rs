//! The shipped corpus: every text's findings must equal its sidecar `*.expected.toml`, and every
//! reported span must resolve to real text. A regression in any stage fails here.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rolelint::eval::ExpectedFinding;
use rolelint::input::{Source, read};
use rolelint::rules::RuleSet;

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Expected {
    #[serde(default)]
    finding: Vec<ExpectedFinding>,
}

fn corpus_texts() -> Vec<PathBuf> {
    let mut texts: Vec<PathBuf> =
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
            .expect("corpus/ exists")
            .map(|e| e.expect("corpus entry").path())
            .filter(|p| rolelint::input::is_text(p))
            .collect();
    texts.sort();
    texts
}

fn sidecar(text: &Path) -> PathBuf {
    text.with_extension("expected.toml")
}

#[test]
fn corpus_is_large_enough_and_every_text_has_a_sidecar() {
    let texts = corpus_texts();
    assert!(texts.len() >= 20, "corpus has only {} texts", texts.len());
    for text in &texts {
        assert!(sidecar(text).exists(), "{} has no sidecar", text.display());
    }
}

#[test]
fn every_text_gives_exactly_its_expected_findings() {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let mut failures = Vec::new();
    for text in corpus_texts() {
        let expected: Expected =
            toml::from_str(&fs::read_to_string(sidecar(&text)).expect("sidecar readable"))
                .unwrap_or_else(|e| panic!("{}: {e}", sidecar(&text).display()));
        let mut want = expected.finding;
        want.sort();
        let report = rolelint::lint(vec![read(&Source::File(text.clone()))], &rules)
            .expect("the corpus does not change during the test");
        let got = ExpectedFinding::of(&report);
        if got != want {
            let messages: Vec<String> = report
                .findings
                .iter()
                .map(|f| format!("{} {}", f.code, f.message))
                .collect();
            failures.push(format!(
                "{}\n  expected: {want:?}\n  got:      {got:?}\n  messages: {messages:#?}",
                text.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} texts differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_span_resolves_to_the_text_it_claims() {
    let rules = RuleSet::embedded().expect("embedded rules load");
    let inputs = corpus_texts()
        .into_iter()
        .map(|p| read(&Source::File(p)))
        .collect();
    let report = rolelint::lint(inputs, &rules).expect("the corpus does not change");
    for file in &report.files {
        let text = file.read_text().expect("the corpus does not change");
        for claim in &file.claims {
            for span in [claim.span, claim.sentence] {
                assert!(
                    span.end() <= text.len(),
                    "{}: span out of bounds",
                    file.path
                );
                assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()));
                assert!(!span.is_empty(), "{}: empty claim span", file.path);
            }
        }
    }
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for finding in &report.findings {
        *by_code.entry(&finding.code).or_default() += 1;
        for e in &finding.evidence {
            let text = report.files[e.file].read_text().expect("unchanged");
            assert!(text.is_char_boundary(e.span.start()) && text.is_char_boundary(e.span.end()));
        }
    }
    assert!(
        report.files.iter().all(|f| !f.claims.is_empty()),
        "a corpus text has no claims at all"
    );
}
