//! A sample repository as a team would set it up: `rolelint.toml`, suppression comments in
//! Markdown and plain text, and a baseline. Each behaves as docs/config.md says.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn rolelint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rolelint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("rolelint runs")
}

fn codes(output: &Output) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let mut codes: Vec<String> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["code"].as_str().unwrap_or(""),
                f["evidence"][0]["path"].as_str().unwrap_or("")
            )
        })
        .collect();
    codes.sort();
    codes
}

const CONFLICT: &str =
    "Account Manager buduje relacje z klientami.\n\nAccount Manager prowadzi księgowość firmy.\n";

fn sample_repository(root: &Path) {
    fs::create_dir_all(root.join("teksty/archiwum")).expect("folders");
    fs::write(
        root.join("rolelint.toml"),
        "ignore = [\"RL201\"]\ncross-file = false\nexclude = [\"szkice/**\"]\n\n[severity]\nRL104 = \"warning\"\n\n\
         [per-path-ignores]\n\"teksty/archiwum/**\" = [\"RL101\"]\n",
    )
    .expect("config");
    fs::write(root.join("teksty/a.txt"), CONFLICT).expect("a");
    fs::write(root.join("teksty/archiwum/stary.txt"), CONFLICT).expect("archive");
    fs::write(
        root.join("teksty/b.md"),
        "# Account Manager\n\n<!-- rolelint-disable-next-line RL101 -->\nAccount Manager prowadzi księgowość firmy.\n\n\
         Account Manager buduje relacje z klientami.\n\n<!-- rolelint-disable RL103 -->\nAccount Manager pracuje w biurze.\n",
    )
    .expect("b");
    fs::write(
        root.join("teksty/c.txt"),
        "Product Manager zarabia 9 000 zł brutto miesięcznie.\n\nProduct Manager zarabia 14 000 zł brutto miesięcznie.\n",
    )
    .expect("c");
    fs::create_dir_all(root.join("szkice")).expect("drafts");
    fs::write(root.join("szkice/d.txt"), CONFLICT).expect("d");
}

#[test]
fn configuration_suppressions_and_baseline_work_together() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    sample_repository(root);

    let first = rolelint(root, &["--format", "json", "."]);
    assert_eq!(
        codes(&first),
        [
            "RL002 ./teksty/b.md",  // the RL103 marker silences nothing
            "RL101 ./teksty/a.txt", // the archive's RL101 is ignored by path, b.md's by the marker
            "RL104 ./teksty/c.txt", // demoted to a warning
        ],
        "{}",
        String::from_utf8_lossy(&first.stdout)
    );
    let report: serde_json::Value = serde_json::from_slice(&first.stdout).expect("JSON");
    let rl104 = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "RL104")
        .expect("RL104");
    assert_eq!(rl104["severity"], "warning");
    assert_eq!(first.status.code(), Some(1), "RL101 is still an error");

    // Adopt rolelint: record today's findings, then only new ones count.
    let recorded = rolelint(
        root,
        &["--format", "json", "--write-baseline", "baseline.json", "."],
    );
    assert_eq!(recorded.status.code(), Some(1));
    let clean = rolelint(
        root,
        &["--format", "json", "--baseline", "baseline.json", "."],
    );
    assert!(codes(&clean).is_empty(), "{:?}", codes(&clean));
    assert_eq!(clean.status.code(), Some(0));

    // An edit elsewhere in a file keeps its finding known; a new conflict is reported.
    fs::write(
        root.join("teksty/a.txt"),
        format!("Wstęp do tekstu o rolach.\n\n{CONFLICT}"),
    )
    .expect("edit");
    fs::write(
        root.join("teksty/e.txt"),
        "Scrum Master pracuje w pełni zdalnie.\n\nScrum Master pracuje wyłącznie w biurze.\n",
    )
    .expect("new");
    let after = rolelint(
        root,
        &["--format", "json", "--baseline", "baseline.json", "."],
    );
    assert_eq!(codes(&after), ["RL101 ./teksty/e.txt"]);

    // An unknown key in rolelint.toml is a usage error pointing into the file.
    fs::write(
        root.join("rolelint.toml"),
        "ignore = [\"RL201\"]\ncross_file = false\n",
    )
    .expect("config");
    let broken = rolelint(root, &["."]);
    assert_eq!(broken.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(
        stderr.contains("cross_file") && stderr.contains("rolelint.toml"),
        "{stderr}"
    );
}

#[test]
fn the_claims_view_reads_the_same_configuration() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    sample_repository(root);
    let paths = |args: &[&str]| -> Vec<String> {
        let output = rolelint(root, args);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        let view: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON view");
        let mut paths: Vec<String> = view["roles"]
            .as_array()
            .expect("roles")
            .iter()
            .flat_map(|role| role["claims"].as_array().expect("claims").iter())
            .map(|claim| claim["path"].as_str().unwrap_or("").to_owned())
            .collect();
        paths.sort();
        paths.dedup();
        paths
    };
    let configured = paths(&["claims", "--format", "json", "."]);
    assert!(
        configured.contains(&"./teksty/a.txt".to_owned()),
        "{configured:?}"
    );
    assert!(
        !configured.iter().any(|p| p.starts_with("./szkice/")),
        "drafts are excluded: {configured:?}"
    );
    fs::write(root.join("inny.toml"), "").expect("an empty configuration");
    let everything = paths(&["claims", "--format", "json", "--config", "inny.toml", "."]);
    assert!(
        everything.contains(&"./szkice/d.txt".to_owned()),
        "{everything:?}"
    );
}
