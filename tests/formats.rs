//! The machine formats end to end: SARIF against the official schema, GitHub workflow commands,
//! GitLab Code Quality with stable fingerprints, concise lines, and `--statistics`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use regex::Regex;
use serde_json::Value;

/// Two descriptions of one role that exclude each other: lines 1 and 3, column 17.
const CONFLICT: &str = "Account Manager buduje i utrzymuje relacje z klientami firmy.\n\n\
                        Account Manager prowadzi księgowość firmy i pilnuje jej finansów.\n";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run rolelint in the crate's folder (so `corpus` is a relative path), `stdin` piped in.
fn rolelint(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rolelint"))
        .args(args)
        .current_dir(manifest_dir())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rolelint starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    input.write_all(stdin).expect("stdin accepts the text");
    drop(input);
    child.wait_with_output().expect("rolelint finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// The JSON report of the corpus: the reference the other formats are checked against.
fn corpus_findings() -> Vec<Value> {
    let output = rolelint(&["--format", "json", "corpus"], b"");
    let findings = json(&output)["findings"]
        .as_array()
        .expect("findings")
        .clone();
    assert!(findings.len() > 20, "the corpus has findings");
    findings
}

fn write_file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("the temporary file is written");
    path.to_str().expect("UTF-8 path").to_owned()
}

#[test]
fn sarif_log_of_the_corpus_follows_the_official_schema() {
    let output = rolelint(&["--format", "sarif", "corpus"], b"");
    assert_eq!(output.status.code(), Some(1));
    let log = json(&output);

    let schema: Value = serde_json::from_str(include_str!("../schema/sarif-2.1.0.json"))
        .expect("the schema is JSON");
    assert_eq!(
        schema["id"], log["$schema"],
        "the log names the schema it follows"
    );
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    broken["runs"][0]["columnKind"] = Value::from("bytes");
    assert_eq!(
        validator.iter_errors(&broken).count(),
        2,
        "the validator does check"
    );

    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["tool"]["driver"]["name"], "rolelint");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    let findings = corpus_findings();
    assert_eq!(results.len(), findings.len());

    for (result, finding) in results.iter().zip(&findings) {
        let rule = &rules[result["ruleIndex"].as_u64().expect("ruleIndex") as usize];
        assert_eq!(rule["id"], result["ruleId"]);
        assert_eq!(result["ruleId"], finding["code"]);
        assert!(
            !rule["shortDescription"]["text"]
                .as_str()
                .expect("summary")
                .is_empty()
        );
        assert_eq!(result["level"], finding["severity"]);
        assert_eq!(result["message"]["text"], finding["message"]);

        let evidence = finding["evidence"].as_array().expect("evidence");
        let mut locations = result["locations"].as_array().expect("locations").clone();
        if let Some(related) = result["relatedLocations"].as_array() {
            locations.extend(related.iter().cloned());
        }
        assert_eq!(locations.len(), evidence.len());
        for (location, e) in locations.iter().zip(evidence) {
            let physical = &location["physicalLocation"];
            let uri = physical["artifactLocation"]["uri"].as_str().expect("uri");
            assert!(uri.starts_with("corpus/"), "a relative URI: {uri}");
            assert_eq!(location["message"]["text"], e["label"]);
            let region = &physical["region"];
            assert_eq!(region["startLine"], e["span"]["line"]);
            assert_eq!(region["startColumn"], e["span"]["column"]);
            if region["startLine"] == region["endLine"] {
                let chars = e["text"].as_str().expect("text").chars().count() as u64;
                let width = region["endColumn"].as_u64().expect("end")
                    - region["startColumn"].as_u64().expect("start");
                assert_eq!(width, chars, "the end column is just past the span");
            }
        }
    }
    let mut ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), rules.len(), "one rule per code");
}

#[test]
fn sarif_log_of_a_clean_text_has_no_results_and_no_rules() {
    let output = rolelint(&["--format", "sarif", "-"], b"Tekst bez roli.\n");
    assert_eq!(output.status.code(), Some(0));
    let log = json(&output);
    assert_eq!(log["runs"][0]["results"], Value::Array(Vec::new()));
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"],
        Value::Array(Vec::new())
    );
}

#[test]
fn github_commands_point_at_the_right_lines() {
    let output = rolelint(&["--format", "github", "-"], CONFLICT.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    let command = Regex::new(
        r"^::error file=<stdin>,line=1,col=17,endLine=1,endColumn=\d+,title=RL101::(.+)$",
    )
    .expect("regex");
    let message = &command.captures(lines[0]).expect("a workflow command")[1];
    assert!(message.contains("%0Aa tu jako: "), "{message}");
    assert!(
        message.contains("(3:17)"),
        "the other side's place: {message}"
    );
    assert!(!message.contains('\n') && !message.contains('\r'));
}

#[test]
fn github_commands_escape_property_values_and_cover_the_corpus() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = write_file(dir.path(), "oferta, wersja:2.txt", CONFLICT);
    let out = stdout(&rolelint(&["--format", "github", &path], b""));
    assert!(out.contains("oferta%2C wersja%3A2.txt,line=1,"), "{out}");

    let out = stdout(&rolelint(&["--format", "github", "corpus"], b""));
    let command = Regex::new(
        r"^::(error|warning) file=corpus/[^,:]+,line=(\d+),col=(\d+),endLine=\d+,endColumn=\d+,title=(RL\d{3})::\S",
    )
    .expect("regex");
    let findings = corpus_findings();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), findings.len());
    for (line, finding) in lines.iter().zip(&findings) {
        let captures = command
            .captures(line)
            .unwrap_or_else(|| panic!("not a workflow command: {line}"));
        assert_eq!(
            &captures[1],
            finding["severity"].as_str().expect("severity")
        );
        let first = &finding["evidence"][0]["span"];
        assert_eq!(captures[2].parse::<u64>().ok(), first["line"].as_u64());
        assert_eq!(captures[3].parse::<u64>().ok(), first["column"].as_u64());
        assert_eq!(&captures[4], finding["code"].as_str().expect("code"));
    }
}

fn gitlab(path: &str) -> Vec<Value> {
    let output = rolelint(&["--format", "gitlab", path], b"");
    json(&output).as_array().expect("a JSON array").clone()
}

fn fingerprints(issues: &[Value]) -> Vec<String> {
    issues
        .iter()
        .map(|i| i["fingerprint"].as_str().expect("fingerprint").to_owned())
        .collect()
}

#[test]
fn gitlab_report_is_code_quality_json_with_unique_stable_fingerprints() {
    let issues = gitlab("corpus");
    let findings = corpus_findings();
    assert_eq!(issues.len(), findings.len());
    for (issue, finding) in issues.iter().zip(&findings) {
        assert_eq!(issue["description"], finding["message"]);
        assert_eq!(issue["check_name"], finding["code"]);
        let expected = match finding["severity"].as_str() {
            Some("error") => "major",
            _ => "minor",
        };
        assert_eq!(issue["severity"], expected);
        assert_eq!(issue["location"]["path"], finding["evidence"][0]["path"]);
        assert_eq!(
            issue["location"]["lines"]["begin"],
            finding["evidence"][0]["span"]["line"]
        );
    }
    let mut unique = fingerprints(&issues);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), issues.len(), "fingerprints are unique");
    assert_eq!(
        fingerprints(&gitlab("corpus")),
        fingerprints(&issues),
        "the same input gives the same fingerprints"
    );
}

#[test]
fn gitlab_fingerprint_survives_a_line_added_above() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = write_file(dir.path(), "oferta.txt", CONFLICT);
    let before = gitlab(&path);
    std::fs::write(
        &path,
        format!("Oferta pracy, aktualna od maja.\n{CONFLICT}"),
    )
    .expect("the file is rewritten");
    let after = gitlab(&path);
    assert_eq!(before.len(), 1);
    assert_eq!(after.len(), 1);
    assert_eq!(before[0]["location"]["lines"]["begin"], 1);
    assert_eq!(
        after[0]["location"]["lines"]["begin"], 2,
        "the finding moved"
    );
    assert_eq!(
        before[0]["fingerprint"], after[0]["fingerprint"],
        "its fingerprint did not"
    );

    let other = CONFLICT.replace("księgowość firmy", "sprzedaż");
    std::fs::write(&path, other).expect("the file is rewritten");
    let changed = gitlab(&path);
    if let Some(issue) = changed.first() {
        assert_ne!(
            issue["fingerprint"], before[0]["fingerprint"],
            "a different conflict"
        );
    }
}

#[test]
fn concise_lines_parse_as_path_line_column() {
    let output = rolelint(&["--format", "concise", "corpus"], b"");
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    let line_re = Regex::new(r"^(.+):(\d+):(\d+): (RL\d{3}) (.+)$").expect("regex");
    let findings = corpus_findings();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), findings.len());
    for (line, finding) in lines.iter().zip(&findings) {
        let captures = line_re
            .captures(line)
            .unwrap_or_else(|| panic!("not path:line:col: {line}"));
        let first = &finding["evidence"][0];
        assert_eq!(&captures[1], first["path"].as_str().expect("path"));
        assert_eq!(
            captures[2].parse::<u64>().ok(),
            first["span"]["line"].as_u64()
        );
        assert_eq!(
            captures[3].parse::<u64>().ok(),
            first["span"]["column"].as_u64()
        );
        assert_eq!(&captures[4], finding["code"].as_str().expect("code"));
        assert_eq!(&captures[5], finding["message"].as_str().expect("message"));
    }

    let clean = rolelint(&["--format", "concise", "-"], b"Tekst bez roli.\n");
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(stdout(&clean), "", "a clean run prints nothing");
}

/// `count code name` rows, as `--statistics` prints them.
fn statistics_rows(text: &str) -> Vec<(u64, String, String)> {
    let row = Regex::new(r"^ *(\d+)  (RL\d{3})  ([a-z-]+)$").expect("regex");
    text.lines()
        .filter_map(|line| row.captures(line))
        .map(|c| {
            (
                c[1].parse().expect("count"),
                c[2].to_owned(),
                c[3].to_owned(),
            )
        })
        .collect()
}

#[test]
fn statistics_count_codes_after_the_output_without_breaking_machine_formats() {
    let findings = corpus_findings();

    let output = rolelint(&["--format", "concise", "--statistics", "corpus"], b"");
    let out = stdout(&output);
    let rows = statistics_rows(&out);
    assert!(!rows.is_empty(), "{out}");
    assert_eq!(rows.iter().map(|r| r.0).sum::<u64>(), findings.len() as u64);
    assert!(
        rows.windows(2).all(|w| w[0].0 >= w[1].0),
        "most frequent first"
    );
    for (count, code, _) in &rows {
        let of_code = findings
            .iter()
            .filter(|f| f["code"] == code.as_str())
            .count();
        assert_eq!(*count, of_code as u64, "{code}");
    }
    assert!(rows.iter().any(|r| r.2 == "role-defined-two-ways"));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), findings.len() + rows.len());
    assert!(
        statistics_rows(&lines[..findings.len()].join("\n")).is_empty()
            && statistics_rows(&lines[findings.len()..].join("\n")).len() == rows.len(),
        "the table comes after the findings"
    );

    let output = rolelint(&["--format", "sarif", "--statistics", "corpus"], b"");
    json(&output);
    let stderr = String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8");
    assert_eq!(statistics_rows(&stderr), rows, "the same table, on stderr");
}
