//! Fuzz target `pipeline`: bytes → decode → analyse → check::document → pretty and JSON
//! reports, then the same bytes through `rolelint::lint` as a Markdown or an HTML file.
//!
//! Beyond "never panics" it asserts what the properties in tests/properties.rs assert: every
//! span handed out points into the text as read, on character boundaries, and the JSON parses.
//! Seed corpus: corpus/*.txt (see tools/fuzz.sh).

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rolelint::input::Input;
use rolelint::report::texts::FileText;
use rolelint::report::{FileReport, Names, Report, RuleDoc, json, pretty};
use rolelint::rules::RuleSet;
use rolelint::{analyse, check, decode, markup};

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::embedded().expect("the embedded rules load"))
}

fn assert_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what} {start}..{end} out of bounds ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {start}..{end} not on char boundaries"
    );
}

fn lint_as(name: &str, data: &[u8]) {
    if let Ok(text) = decode::decode(data) {
        let prose = markup::prose(text.original(), markup::Markup::from_name(name));
        if let Some(prose) = &prose {
            assert_eq!(prose.len(), text.original().len(), "prose keeps the length");
        }
    }
    let report = rolelint::lint(
        vec![Input {
            name: name.to_owned(),
            path: None,
            content: Ok(data.to_vec()),
        }],
        rules(),
    )
    .expect("texts in memory are kept");
    render(&report);
}

fn render(report: &Report) {
    pretty::render(report, pretty::Style::default()).expect("texts in memory are kept");
    let rendered = json::render(report).expect("texts in memory are kept");
    let parsed: Result<serde_json::Value, _> = serde_json::from_str(&rendered);
    assert!(parsed.is_ok(), "the JSON report parses: {parsed:?}");
}

fuzz_target!(|data: &[u8]| {
    let rules = rules();
    if let Ok(text) = decode::decode(data) {
        let analysis = analyse(text, rules);
        let original = analysis.text.original();
        let normalized = analysis.text.normalized();
        let mut previous = 0;
        for token in &analysis.doc.tokens {
            assert_span(normalized, token.span.start(), token.span.end(), "token");
            assert!(token.span.start() >= previous, "tokens overlap");
            previous = token.span.end();
        }
        for sentence in &analysis.doc.sentences {
            let span = analysis.text.to_original(sentence.span);
            assert_span(original, span.start(), span.end(), "sentence");
        }
        for claim in &analysis.claims {
            assert_span(original, claim.span.start(), claim.span.end(), "claim");
            assert_span(
                original,
                claim.sentence.start(),
                claim.sentence.end(),
                "claim sentence",
            );
        }
        let findings = check::document(0, &analysis, rules);
        for finding in &findings {
            for e in &finding.evidence {
                assert_span(original, e.span.start(), e.span.end(), "evidence");
            }
        }
        let kept = FileText::Kept(analysis.text.original().into());
        let mut report = Report {
            files: vec![FileReport::new("tekst.txt".to_owned(), analysis, kept)],
            findings,
            rules: RuleDoc::all(rules),
            names: Names::new(rules),
        };
        report.place_evidence().expect("texts in memory are kept");
        render(&report);
    }
    // The same bytes as marked-up text: Markdown or HTML by the input's length, so both are
    // fuzzed without doubling the cost of every run.
    let name = if data.len().is_multiple_of(2) {
        "tekst.md"
    } else {
        "tekst.html"
    };
    lint_as(name, data);
});
