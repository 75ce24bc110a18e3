//! Quality thresholds on the shipped corpus, measured by the evaluation harness
//! (`cargo run --bin rolelint-eval` prints the full table).

use std::path::Path;

use rolelint::eval::evaluate;
use rolelint::rules::RuleSet;

#[test]
fn corpus_quality_meets_the_thresholds() {
    let rules = RuleSet::embedded().expect("rules load");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let evaluation = evaluate(&corpus, &rules).expect("annotations are valid");
    let table = evaluation.table();
    let contradictions = evaluation.counts("kind contradiction");
    assert!(
        evaluation.texts >= 60,
        "only {} annotated texts",
        evaluation.texts
    );
    assert!(
        contradictions.recall() >= 0.95,
        "contradiction recall below 0.95:\n{table}{:#?}",
        evaluation.mismatches
    );
    assert!(
        contradictions.precision() >= 0.95,
        "contradiction precision below 0.95:\n{table}{:#?}",
        evaluation.mismatches
    );
    assert!(
        evaluation.texts_with_gold_claims >= 12,
        "gold claims for only {} texts",
        evaluation.texts_with_gold_claims
    );
    assert!(
        evaluation.claim_recall() >= 0.90,
        "claim recall below 0.90:\n{table}{:#?}",
        evaluation.mismatches
    );
    assert!(
        evaluation.attribution_accuracy() >= 0.95,
        "attribution below 0.95:\n{table}{:#?}",
        evaluation.mismatches
    );
}
