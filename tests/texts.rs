//! A run past its text budget reads texts again for the output: the output must be the same
//! as when every text is kept, and a file changed in between must be refused, not misquoted.

use std::fs;

use rolelint::input::{Source, discover, read};
use rolelint::report::texts::FileText;
use rolelint::report::{claims, json, pretty};
use rolelint::rules::RuleSet;
use rolelint::{LintOptions, lint_with};

fn corpus(keep_texts: usize) -> rolelint::report::Report {
    let rules = RuleSet::embedded().expect("the embedded rules load");
    let sources = discover(&["corpus".into()]).expect("the corpus is there");
    let inputs: Vec<_> = sources.iter().map(read).collect();
    let options = LintOptions {
        keep_texts,
        ..LintOptions::default()
    };
    lint_with(inputs, &rules, options).expect("the corpus does not change during the test")
}

#[test]
fn texts_read_again_give_the_same_output_as_texts_kept() {
    let kept = corpus(usize::MAX);
    let reread = corpus(0);
    assert!(
        reread
            .files
            .iter()
            .all(|f| matches!(f.text, FileText::OnDisk { .. })),
        "with no budget no file text is kept"
    );
    assert!(
        kept.files
            .iter()
            .all(|f| matches!(f.text, FileText::Kept(_)))
    );
    assert_eq!(
        json::render(&kept).expect("kept"),
        json::render(&reread).expect("read again")
    );
    assert_eq!(
        pretty::render(&kept, pretty::Style::default()).expect("kept"),
        pretty::render(&reread, pretty::Style::default()).expect("read again")
    );
    for format in [claims::ClaimsFormat::Csv, claims::ClaimsFormat::Json] {
        assert_eq!(
            claims::render(&kept, format).expect("kept"),
            claims::render(&reread, format).expect("read again")
        );
    }
}

#[test]
fn a_file_changed_before_the_output_is_refused_with_its_name() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("ogloszenie.txt");
    let text = "Account Manager buduje relacje z klientami.\n\nAccount Manager prowadzi księgowość firmy.\n";
    fs::write(&path, text).expect("written");
    let rules = RuleSet::embedded().expect("the embedded rules load");
    let options = LintOptions {
        keep_texts: 0,
        ..LintOptions::default()
    };
    let report = lint_with(vec![read(&Source::File(path.clone()))], &rules, options)
        .expect("nothing changed yet");
    assert!(!report.findings.is_empty(), "the text contradicts itself");
    fs::write(&path, text.replace("buduje", "tworzy")).expect("rewritten");
    let error = json::render(&report).expect_err("the text is not the one checked");
    assert!(error.to_string().contains("ogloszenie.txt"), "{error}");
    let error = claims::render(&report, claims::ClaimsFormat::Json)
        .expect_err("the claims view quotes the text too");
    assert!(error.to_string().contains("ogloszenie.txt"), "{error}");
    fs::remove_file(&path).expect("removed");
    let error = pretty::render(&report, pretty::Style::default()).expect_err("the file is gone");
    assert!(error.to_string().contains("ogloszenie.txt"), "{error}");
}

#[test]
fn of_several_changed_files_the_first_in_the_output_is_named_after_all_before_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = "Account Manager buduje relacje z klientami.\n\nAccount Manager prowadzi księgowość firmy.\n";
    let paths: Vec<_> = (0..40)
        .map(|i| {
            let path = dir.path().join(format!("tekst-{i:02}.txt"));
            fs::write(&path, text).expect("written");
            path
        })
        .collect();
    let rules = RuleSet::embedded().expect("the embedded rules load");
    let options = LintOptions {
        keep_texts: 0,
        cross_file: false,
    };
    let inputs = paths
        .iter()
        .map(|p| read(&Source::File(p.clone())))
        .collect::<Vec<_>>();
    let report = lint_with(inputs, &rules, options).expect("nothing changed yet");
    assert_eq!(report.findings.len(), 40, "one contradiction in each file");
    let whole = pretty::render(&report, pretty::Style::default());
    assert!(whole.is_ok(), "every text is as checked");
    // Every file from the eleventh on changes: files are written in order, and the output
    // stops at the eleventh, whichever thread read a changed one first.
    for path in &paths[10..] {
        fs::write(path, text.replace("buduje", "tworzy")).expect("rewritten");
    }
    for _ in 0..5 {
        let error = json::render(&report).expect_err("texts changed");
        assert!(error.to_string().contains("tekst-10.txt"), "{error}");
        let mut out = Vec::new();
        let error =
            pretty::write(&report, pretty::Style::default(), &mut out).expect_err("texts changed");
        assert!(error.to_string().contains("tekst-10.txt"), "{error}");
        let written = String::from_utf8(out).expect("UTF-8");
        assert_eq!(
            written.matches("tekst-").count(),
            10,
            "the ten findings before it"
        );
    }
}
