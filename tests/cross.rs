//! Consistency across files: conflicts between texts, reported once with evidence from each
//! file; a file's own conflicts not repeated; drafts checked against a reference corpus.

use rolelint::check::Finding;
use rolelint::input::Input;
use rolelint::rules::RuleSet;
use rolelint::{LintOptions, lint_against, lint_with};

/// Texts made in memory are kept, so a run on them cannot fail.
const KEPT: &str = "texts in memory are kept";

fn careers_and_handbook() -> Vec<Input> {
    vec![
        Input::from_text(
            "kariera.txt",
            "Product Manager zarabia 14 000 zł brutto miesięcznie. Account Manager buduje relacje z klientami. \
             Scrum Master pracuje w pełni zdalnie.",
        ),
        Input::from_text(
            "podrecznik.txt",
            "Product Manager zarabia 9 500 zł brutto miesięcznie. Account Manager prowadzi księgowość firmy. \
             Scrum Master pracuje wyłącznie w biurze.",
        ),
        Input::from_text(
            "inne.txt",
            "Product Manager zarabia 3 000 euro netto miesięcznie.",
        ),
    ]
}

fn paths(report: &rolelint::report::Report, finding: &Finding) -> Vec<String> {
    let mut paths: Vec<String> = finding
        .evidence
        .iter()
        .map(|e| report.files[e.file].path.clone())
        .collect();
    paths.dedup();
    paths
}

#[test]
fn conflicts_between_files_are_one_finding_each_with_evidence_from_every_file() {
    let rules = RuleSet::embedded().expect("rules load");
    let report = lint_with(careers_and_handbook(), &rules, LintOptions::default()).expect(KEPT);
    let found: Vec<(&str, Option<&str>, Option<&str>)> = report
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.role.as_deref(), f.dimension.as_deref()))
        .collect();
    assert_eq!(
        found.len(),
        3,
        "{found:?}: salary, responsibility and work arrangement, once each"
    );
    assert!(found.contains(&("RL104", Some("product_manager"), Some("salary"))));
    assert!(found.contains(&("RL101", Some("account_manager"), Some("responsibility"))));
    assert!(found.contains(&("RL101", Some("scrum_master"), Some("work_environment"))));
    for finding in &report.findings {
        assert_eq!(
            paths(&report, finding),
            ["kariera.txt", "podrecznik.txt"],
            "{}",
            finding.message
        );
    }
}

#[test]
fn no_cross_keeps_only_conflicts_inside_files() {
    let rules = RuleSet::embedded().expect("rules load");
    let report = lint_with(
        careers_and_handbook(),
        &rules,
        LintOptions {
            cross_file: false,
            ..LintOptions::default()
        },
    )
    .expect(KEPT);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn a_files_own_conflict_is_not_repeated_as_a_cross_file_one() {
    let rules = RuleSet::embedded().expect("rules load");
    let inputs = vec![
        Input::from_text(
            "a.txt",
            "Account Manager buduje relacje z klientami. Account Manager prowadzi księgowość firmy.",
        ),
        Input::from_text("b.txt", "Product Owner ustala priorytety w backlogu."),
    ];
    let report = lint_with(inputs, &rules, LintOptions::default()).expect(KEPT);
    assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
    assert_eq!(paths(&report, &report.findings[0]), ["a.txt"]);
}

#[test]
fn against_reports_only_what_involves_the_draft() {
    let rules = RuleSet::embedded().expect("rules load");
    let mut reference = careers_and_handbook();
    reference.push(Input::from_text(
        "stare.txt",
        "Rekruter pracuje w pełni zdalnie. Rekruter pracuje wyłącznie w biurze.",
    ));
    let draft = vec![Input::from_text(
        "szkic.txt",
        "Product Manager zarabia 20 000 zł brutto miesięcznie.",
    )];
    let report = lint_against(draft, reference, &rules).expect(KEPT);
    assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
    let finding = &report.findings[0];
    assert_eq!(finding.code, "RL104");
    assert!(paths(&report, finding).contains(&"szkic.txt".to_owned()));
}
