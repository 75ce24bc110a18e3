//! Determinism: the same texts give the same report, whatever the thread count, whichever run,
//! and — up to the order of files — whatever order the files are named in.
//!
//! Why the order of files follows the command line: `input::discover` keeps the paths in the
//! order they are given (expanding each folder in sorted order, dropping repeats), and the
//! report lists files in that order; every piece of evidence refers to its file by that index,
//! and findings are sorted by (path, first span, code, message). Naming files in another order
//! is asking for another listing, so `files[]`, the order of evidence inside a cross-file
//! finding (sorted by file index), and hence the order of findings may change; what the
//! findings say may not. The runs on a folder are the deterministic baseline: a folder is
//! always walked in sorted order, so `rolelint corpus/` equals naming its files sorted.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Run the binary from the crate root (so paths in the output are relative and stable).
fn rolelint(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_rolelint"))
        .args(args)
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .output()
        .expect("rolelint runs");
    // 1: the corpus has error-level findings on purpose; anything else is a failed run.
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "rolelint {args:?} ended with {:?}:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The corpus texts, relative to the crate root, sorted.
fn corpus_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(Path::new(ROOT).join("corpus"))
        .expect("corpus/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .filter(|path| rolelint::input::is_text(path))
        .filter_map(|path| Some(format!("corpus/{}", path.file_name()?.to_str()?)))
        .collect();
    files.sort();
    assert!(files.len() > 1, "the corpus has several texts");
    files
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is the JSON report")
}

/// The findings of a JSON report as a multiset, each with its evidence sorted by path and
/// span (evidence follows the order files were named in).
fn findings(report: &Value) -> BTreeMap<String, usize> {
    let mut set = BTreeMap::new();
    for finding in report["findings"].as_array().expect("findings[]") {
        let mut finding = finding.clone();
        let evidence = finding["evidence"].as_array_mut().expect("evidence[]");
        evidence.sort_by_key(|e| {
            (
                e["path"].as_str().unwrap_or_default().to_owned(),
                e["span"]["start"].as_u64(),
                e["span"]["end"].as_u64(),
                e["label"].as_str().unwrap_or_default().to_owned(),
            )
        });
        *set.entry(finding.to_string()).or_insert(0) += 1;
    }
    set
}

/// Every file's path with its claims: claims do not depend on the other files.
fn claims_by_path(report: &Value) -> BTreeMap<String, Value> {
    report["files"]
        .as_array()
        .expect("files[]")
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_owned(), f["claims"].clone()))
        .collect()
}

/// The first difference between two outputs, for a readable failure.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    match a
        .lines()
        .zip(b.lines())
        .enumerate()
        .find(|(_, (x, y))| x != y)
    {
        Some((line, (x, y))) => format!("line {}:\n  {x}\n  {y}", line + 1),
        None => format!("lengths {} and {}", a.len(), b.len()),
    }
}

fn assert_same_bytes(what: &str, a: &Output, b: &Output) {
    assert!(
        a.stdout == b.stdout,
        "{what}: outputs differ, {}",
        first_difference(&a.stdout, &b.stdout)
    );
    assert_eq!(
        a.status.code(),
        b.status.code(),
        "{what}: exit statuses differ"
    );
}

#[test]
fn one_thread_and_four_threads_give_the_same_bytes() {
    for format in ["json", "pretty", "sarif"] {
        let one = rolelint(&["--format", format, "--jobs", "1", "corpus/"]);
        let four = rolelint(&["--format", format, "--jobs", "4", "corpus/"]);
        assert!(!one.stdout.is_empty());
        assert_same_bytes(&format!("--format {format}, --jobs 1 vs 4"), &one, &four);
    }
}

#[test]
fn the_claims_view_is_the_same_on_one_thread_and_four() {
    for format in ["json", "table"] {
        let one = rolelint(&["claims", "--format", format, "--jobs", "1", "corpus/"]);
        let four = rolelint(&["claims", "--format", format, "-j", "4", "corpus/"]);
        assert!(!one.stdout.is_empty());
        assert_same_bytes(
            &format!("claims --format {format}, 1 vs 4 threads"),
            &one,
            &four,
        );
    }
}

#[test]
fn two_runs_give_the_same_bytes() {
    let first = rolelint(&["--format", "json", "corpus/"]);
    let second = rolelint(&["--format", "json", "corpus/"]);
    assert_same_bytes("two runs", &first, &second);
    assert!(
        json(&first)["summary"]["findings"].as_u64() > Some(0),
        "the corpus has findings to compare"
    );
}

#[test]
fn a_folder_equals_its_files_named_in_sorted_order() {
    let files = corpus_files();
    let mut args = vec!["--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let named = rolelint(&args);
    let folder = rolelint(&["--format", "json", "corpus/"]);
    assert_same_bytes("corpus/ vs its files sorted", &folder, &named);
}

/// `sorted` and `reversed` runs of the corpus files, as JSON reports.
fn sorted_and_reversed() -> (Value, Value) {
    let files = corpus_files();
    let run = |files: &[&str]| {
        let mut args = vec!["--format", "json", "--jobs", "2"];
        args.extend_from_slice(files);
        json(&rolelint(&args))
    };
    let sorted: Vec<&str> = files.iter().map(String::as_str).collect();
    let reversed: Vec<&str> = sorted.iter().rev().copied().collect();
    let (sorted, reversed) = (run(&sorted), run(&reversed));
    // The listing follows the command line…
    let paths = |report: &Value| -> Vec<String> {
        report["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_owned())
            .collect()
    };
    let mut expected = paths(&sorted);
    expected.reverse();
    assert_eq!(paths(&reversed), expected, "files are listed as named");
    (sorted, reversed)
}

/// Messages too must not depend on the file order: RL104 once listed the disagreeing numbers
/// in the order the files were named ("…: 5 os.; 12 os.; 8 os.; 6 os." against "…: 6 os.;
/// 8 os.; 5 os.; 12 os.") and, de-duplicating only neighbours, repeated some in one order
/// ("5 lat; 3 lat; 5 lat") but not in the other.
#[test]
fn reversed_file_order_gives_the_same_findings() {
    let (sorted, reversed) = sorted_and_reversed();
    // …but every file's claims, the summary and the findings are the same.
    assert_eq!(claims_by_path(&sorted), claims_by_path(&reversed));
    assert_eq!(sorted["summary"], reversed["summary"]);
    let (a, b) = (findings(&sorted), findings(&reversed));
    assert!(!a.is_empty());
    let only_sorted: Vec<_> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_reversed: Vec<_> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    assert!(
        a == b,
        "findings differ:\nonly in the sorted run: {only_sorted:#?}\nonly in the reversed run: {only_reversed:#?}"
    );
}
