//! The binary end to end: exit statuses, formats, stdin, encodings, bad input and bad rules.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const CONFLICT: &str = "Account Manager buduje i utrzymuje relacje z klientami firmy.\n\n\
                        Account Manager prowadzi księgowość firmy i pilnuje jej finansów.\n";
const CLEAN: &str =
    "Account Manager buduje relacje z klientami, natomiast księgowa prowadzi księgowość firmy.\n";

fn rolelint(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rolelint"));
    command.args(args);
    run(command, stdin)
}

/// Run `command` without colour, `stdin` as its input, its output captured.
fn run(mut command: Command, stdin: Option<&[u8]>) -> Output {
    let mut child = command
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    match input.write_all(stdin.unwrap_or_default()) {
        // rolelint refuses bad arguments and exits before it reads its input.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        written => written.expect("stdin accepts the text"),
    }
    drop(input);
    child.wait_with_output().expect("rolelint finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn contradiction_on_stdin_exits_1_with_both_sides_labelled() {
    let output = rolelint(&["-"], Some(CONFLICT.as_bytes()));
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("RL101"), "{out}");
    assert!(
        out.contains("tu jako: budowanie relacji z klientami") || out.contains("tu jako:"),
        "{out}"
    );
    assert!(out.contains("a tu jako:"), "{out}");
    assert!(out.contains("<stdin>"), "{out}");
    assert!(
        !out.contains('\u{1b}'),
        "no colour when NO_COLOR is set and stdout is a pipe"
    );
}

#[test]
fn comparison_of_two_roles_is_clean_and_exits_0() {
    let output = rolelint(&["-"], Some(CLEAN.as_bytes()));
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn json_report_follows_the_schema() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let output = rolelint(
        &["--format", "json", corpus.to_str().expect("UTF-8 path")],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../schema/report.schema.json")).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(report["version"], 1);
    assert!(report["summary"]["claims"].as_u64().unwrap_or(0) > 100);
    // A forum thread's claims name their poster, a digest's the offer they belong to.
    let posters = claim_fields(&report, "92-forum-przebranzowienie-ksiegowa.txt", "poster");
    assert!(
        posters.contains(&"Bilansik") && posters.contains(&"stary_bilans"),
        "{posters:?}"
    );
    let offers = claim_fields(&report, "403-zestawienie-scrum-master.txt", "offer");
    assert!(
        offers.contains(&"FinRise, Gdańsk – Junior Scrum Master")
            && offers.contains(&"Nordbyte, Warszawa – Senior Scrum Master"),
        "{offers:?}"
    );
    // A note revising the text names its claims by its header.
    let revisions = claim_fields(&report, "476-aktualizacja-office-manager.txt", "revision");
    assert_eq!(revisions, ["Aktualizacja (marzec 2026)"; 3]);
}

/// The values of `field` in the claims of the report's file whose path ends with `file`.
fn claim_fields<'r>(report: &'r serde_json::Value, file: &str, field: &str) -> Vec<&'r str> {
    let checked = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(file)))
        .unwrap_or_else(|| panic!("{file} is checked"));
    checked["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c[field].as_str())
        .collect()
}

#[test]
fn json_spans_are_byte_offsets_into_the_decoded_text_even_with_crlf() {
    let text = CONFLICT.replace('\n', "\r\n");
    let output = rolelint(&["--format", "json", "-"], Some(text.as_bytes()));
    let report = json(&output);
    for claim in report["files"][0]["claims"].as_array().expect("claims") {
        let start = claim["span"]["start"].as_u64().expect("start") as usize;
        let end = claim["span"]["end"].as_u64().expect("end") as usize;
        assert_eq!(&text[start..end], claim["text"].as_str().expect("text"));
    }
    let second = &report["findings"][0]["evidence"][1]["span"];
    assert_eq!(second["line"], 3);
    assert_eq!(second["column"], 17);
}

#[test]
fn legacy_encodings_are_decoded() {
    for encoding in [encoding_rs::WINDOWS_1250, encoding_rs::ISO_8859_2] {
        let (bytes, _, _) = encoding.encode(CONFLICT);
        let output = rolelint(&["--format", "json", "-"], Some(&bytes));
        let report = json(&output);
        assert_eq!(report["files"][0]["encoding"], encoding.name());
        assert_eq!(
            report["summary"]["by_code"]["RL101"],
            1,
            "{}",
            encoding.name()
        );
    }
}

#[test]
fn a_folder_without_texts_is_said_on_stderr_and_the_run_is_clean() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("notatki.rst"), CONFLICT).expect("write");
    let folder = dir.path().to_str().expect("UTF-8");
    let output = rolelint(&["--format", "json", folder], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["summary"]["files"], 0);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("rolelint::input::nothing"), "{stderr}");
    assert!(
        stderr.contains(folder) && stderr.contains(".md"),
        "{stderr}"
    );
    // A folder with a text says nothing on stderr.
    std::fs::write(dir.path().join("tekst.md"), CLEAN).expect("write");
    let output = rolelint(&["--format", "json", folder], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn unreadable_file_is_a_finding_and_the_rest_is_still_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), CONFLICT).expect("write");
    std::fs::write(dir.path().join("b.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let output = rolelint(
        &["--format", "json", dir.path().to_str().expect("UTF-8")],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"RL001") && codes.contains(&"RL101"),
        "{codes:?}"
    );
    let input = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "RL001")
        .expect("RL001");
    assert_eq!(input["kind"], "input");
}

#[test]
fn missing_path_bad_flag_and_bad_rules_exit_2_with_a_message() {
    let missing = rolelint(&["/no/such/place.txt"], None);
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("/no/such/place.txt"), "{stderr}");
    assert!(stderr.contains("nie ma takiego pliku"), "{stderr}");

    // The reason in Polish in the message, the system's own words once, as the cause.
    let no_rules = rolelint(&["--rules", "/no/such/rules", "-"], Some(CLEAN.as_bytes()));
    assert_eq!(no_rules.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&no_rules.stderr);
    assert!(stderr.contains("nie ma takiego pliku"), "{stderr}");
    assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");

    let flag = rolelint(&["--no-such-flag", "x"], None);
    assert_eq!(flag.status.code(), Some(2));

    for args in [&["--jobs", "0", "-"][..], &["claims", "--jobs", "0", "-"]] {
        let no_threads = rolelint(args, Some(CLEAN.as_bytes()));
        assert_eq!(no_threads.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&no_threads.stderr).contains("rolelint::jobs"));
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for entry in std::fs::read_dir(rules).expect("rules/") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    let roles = dir.path().join("roles.toml");
    let broken = std::fs::read_to_string(&roles)
        .expect("roles.toml")
        .replacen("id = \"", "id = \"Zła Nazwa ", 1);
    std::fs::write(&roles, broken).expect("write");
    let output = rolelint(
        &["--rules", dir.path().to_str().expect("UTF-8"), "-"],
        Some(CLEAN.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("roles.toml") && stderr.contains("niepoprawny identyfikator"),
        "{stderr}"
    );
}

#[test]
fn a_working_directory_that_is_gone_is_named_as_such_and_config_gets_round_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gone = dir.path().join("gone");
    let config = dir.path().join("rolelint.toml");
    std::fs::write(&config, "").expect("write config");
    // The shell enters the folder, removes it, and runs rolelint there.
    let in_gone_folder = |extra: &str| {
        let script = format!("mkdir \"$1\" && cd \"$1\" && rmdir \"$1\" && exec \"$2\" {extra} -");
        let mut command = Command::new("sh");
        command
            .args(["-c", &script, "sh"])
            .arg(&gone)
            .arg(env!("CARGO_BIN_EXE_rolelint"))
            .arg(&config);
        run(command, Some(CLEAN.as_bytes()))
    };
    let lost = in_gone_folder("");
    assert_eq!(lost.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&lost.stderr);
    assert!(
        stderr.contains("rolelint::working_directory") && stderr.contains("--config"),
        "{stderr}"
    );
    let configured = in_gone_folder("--config \"$3\"");
    assert_eq!(
        configured.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&configured.stderr)
    );
}

#[test]
fn against_a_reference_folder_reports_only_what_involves_the_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    let reference = dir.path().join("reference");
    std::fs::create_dir(&reference).expect("reference folder");
    std::fs::write(
        reference.join("raport.txt"),
        "Product Manager zarabia 15 000 zł brutto miesięcznie.\n",
    )
    .expect("write");
    std::fs::write(
        reference.join("stare.txt"),
        "Rekruter pracuje w pełni zdalnie. Rekruter pracuje wyłącznie w biurze.\n",
    )
    .expect("write");
    let draft = dir.path().join("szkic.txt");
    std::fs::write(
        &draft,
        "Product Manager zarabia 25 000 zł brutto miesięcznie.\n",
    )
    .expect("write");
    let output = rolelint(
        &[
            "--format",
            "json",
            "--against",
            reference.to_str().expect("UTF-8"),
            draft.to_str().expect("UTF-8"),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["code"], "RL104");
    let paths: Vec<&str> = findings[0]["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .filter_map(|e| e["path"].as_str())
        .collect();
    assert!(
        paths.iter().any(|p| p.ends_with("szkic.txt"))
            && paths.iter().any(|p| p.ends_with("raport.txt")),
        "{paths:?}"
    );
    // The draft comes first among the files, the reference after it.
    assert!(
        report["files"][0]["path"]
            .as_str()
            .expect("path")
            .ends_with("szkic.txt")
    );
    assert_eq!(report["files"].as_array().expect("files").len(), 3);
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let text = "Account Manager dba o klientów. Opiekun klienta odpowiada na ich pytania.\n";
    let plain = rolelint(&["-"], Some(text.as_bytes()));
    assert_eq!(plain.status.code(), Some(0), "{}", stdout(&plain));
    assert!(stdout(&plain).contains("RL201"));
    let strict = rolelint(&["--deny-warnings", "-"], Some(text.as_bytes()));
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn rule_tooling_lists_explains_and_tests_rules() {
    let list = rolelint(&["rules"], None);
    assert_eq!(list.status.code(), Some(0));
    assert!(stdout(&list).contains("RL101") && stdout(&list).contains("role-defined-two-ways"));
    let explain = rolelint(&["explain", "rl104"], None);
    assert_eq!(explain.status.code(), Some(0));
    assert!(stdout(&explain).contains("Przykłady, które zgłasza"));
    let unknown = rolelint(&["explain", "RL999"], None);
    assert_eq!(unknown.status.code(), Some(2));
    let test = rolelint(&["rules", "test"], None);
    assert_eq!(test.status.code(), Some(0), "{}", stdout(&test));
    assert!(stdout(&test).contains("niezgodne: 0"));

    // A rule set whose example no longer fires fails `rules test` with status 1.
    let dir = tempfile::tempdir().expect("temp dir");
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for entry in std::fs::read_dir(rules).expect("rules/") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    let conflicts = dir.path().join("conflicts.toml");
    let text = std::fs::read_to_string(&conflicts).expect("conflicts.toml");
    let broken = text.replacen(
        "examples.fires = [",
        "examples.fires = [\n  \"Zupełnie zwykłe zdanie bez ról.\",",
        1,
    );
    std::fs::write(&conflicts, broken).expect("write");
    let failing = rolelint(
        &["rules", "test", dir.path().to_str().expect("UTF-8")],
        None,
    );
    assert_eq!(failing.status.code(), Some(1), "{}", stdout(&failing));
    assert!(stdout(&failing).contains("Zupełnie zwykłe zdanie"));
}

#[test]
fn claims_view_in_every_format() {
    let text = "Account Manager buduje relacje z klientami. Zarabia 9 000 zł brutto miesięcznie.\n";
    let table = rolelint(&["claims", "-"], Some(text.as_bytes()));
    assert_eq!(table.status.code(), Some(0));
    let out = stdout(&table);
    assert!(
        out.contains("account_manager") && out.contains("budowanie relacji z klientami"),
        "{out}"
    );
    assert!(out.contains("9 000 PLN brutto miesięcznie"), "{out}");
    let markdown = stdout(&rolelint(
        &["claims", "--format", "markdown", "-"],
        Some(text.as_bytes()),
    ));
    assert!(markdown.starts_with("| rola |"), "{markdown}");
    let csv = stdout(&rolelint(
        &["claims", "--format", "csv", "-"],
        Some(text.as_bytes()),
    ));
    assert!(
        csv.starts_with("role,dimension,value,stance,texts,claims,places\n"),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &rolelint(&["claims", "--format", "json", "-"], Some(text.as_bytes())).stdout,
    )
    .expect("JSON");
    assert_eq!(json["roles"][0]["role"], "account_manager");
    assert_eq!(json["roles"][0]["claims"][0]["path"], "<stdin>");
}

#[test]
fn markdown_and_html_report_lines_and_columns_in_the_original_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let md = "---\ntytul: oferta\n---\n# Account Manager\n\n```\nAccount Manager prowadzi księgowość firmy.\n```\n\n\
              Account Manager **buduje** relacje z klientami.\n\nAccount Manager prowadzi księgowość firmy.\n";
    std::fs::write(dir.path().join("a.md"), md).expect("write");
    let html = "<html><body><h1>Account Manager</h1><p>Account Manager buduje relacje z klientami.</p>\n\
                <script>var x = 'Account Manager prowadzi księgowość firmy';</script>\n\
                <p>Account Manager prowadzi <b>księgowość</b> firmy.</p></body></html>\n";
    std::fs::write(dir.path().join("b.html"), html).expect("write");
    let output = rolelint(
        &[
            "--format",
            "json",
            "--no-cross",
            dir.path().to_str().expect("UTF-8"),
        ],
        None,
    );
    let report = json(&output);
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 2, "{findings:#?}");
    for finding in findings {
        assert_eq!(finding["code"], "RL101");
        let path = finding["evidence"][0]["path"].as_str().expect("path");
        let source = if path.ends_with(".md") { md } else { html };
        for evidence in finding["evidence"].as_array().expect("evidence") {
            let start = evidence["span"]["start"].as_u64().expect("start") as usize;
            let end = evidence["span"]["end"].as_u64().expect("end") as usize;
            assert_eq!(
                &source[start..end],
                evidence["text"].as_str().expect("text")
            );
            let line = evidence["span"]["line"].as_u64().expect("line") as usize;
            assert_eq!(source[..start].matches('\n').count() + 1, line);
        }
    }
    let md_finding = findings
        .iter()
        .find(|f| {
            f["evidence"][0]["path"]
                .as_str()
                .is_some_and(|p| p.ends_with(".md"))
        })
        .expect("md");
    assert_eq!(
        md_finding["evidence"][0]["span"]["line"], 10,
        "the code block is not prose"
    );
    let stdin = rolelint(
        &["--stdin-filename", "oferta.html", "--format", "json", "-"],
        Some(html.as_bytes()),
    );
    assert_eq!(json(&stdin)["files"][0]["path"], "oferta.html");
    assert_eq!(json(&stdin)["summary"]["by_code"]["RL101"], 1);
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definition() {
    let bash = rolelint(&["completions", "bash"], None);
    assert_eq!(bash.status.code(), Some(0));
    assert!(stdout(&bash).contains("--deny-warnings"));
    let man = rolelint(&["man"], None);
    assert!(stdout(&man).contains(".TH rolelint 1"));
}

#[test]
fn the_claims_view_holds_the_main_reports_claims_with_their_paths() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let corpus = corpus.to_str().expect("UTF-8");
    let report = json(&rolelint(&["--format", "json", "--no-cross", corpus], None));
    let view = json(&rolelint(&["claims", "--format", "json", corpus], None));
    let mut in_report: Vec<String> = Vec::new();
    for file in report["files"].as_array().expect("files") {
        for claim in file["claims"].as_array().expect("claims") {
            let mut claim = claim.clone();
            claim["path"] = file["path"].clone();
            in_report.push(claim.to_string());
        }
    }
    let mut in_view: Vec<String> = view["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .flat_map(|role| role["claims"].as_array().expect("claims").iter())
        .map(serde_json::Value::to_string)
        .collect();
    in_report.sort();
    in_view.sort();
    assert!(in_report.len() > 100, "the corpus has claims");
    assert_eq!(
        in_view, in_report,
        "every claim with every key, and nothing else"
    );
}
