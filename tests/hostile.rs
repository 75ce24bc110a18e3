//! Hostile input: the binary must neither panic nor hang on it, must report what it cannot
//! read as RL001, must still check the good files next to it, and must never change its input.
//!
//! Every run is bounded: the child is polled for at most [`TIMEOUT`] and killed after that, so
//! a hang fails the test instead of stalling the suite. stdout and stderr go to files outside
//! the folders being checked, so a large report cannot block the child on a full pipe.
//!
//! Budget: the whole file runs in about a minute in a debug build on a busy 2-core machine;
//! the slowest case is the single line full of claims, whose JSON report is ~80x its size.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::Value;

/// Longest a single run may take, even in a debug build on a busy 2-core machine.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A text with one contradiction (RL101): proof that a good file is still checked.
const GOOD: &str = "Account Manager buduje i utrzymuje relacje z klientami firmy.\n\n\
                    Account Manager prowadzi księgowość firmy i pilnuje jej finansów.\n";

struct Run {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    /// The JSON report on stdout.
    fn report(&self) -> Value {
        serde_json::from_slice(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not a JSON report ({e}); stderr:\n{}",
                self.stderr
            )
        })
    }
}

/// Run the binary with `args`, bounded by [`TIMEOUT`], and check it did not crash.
fn rolelint<S: AsRef<OsStr>>(args: &[S]) -> Run {
    let out = tempfile::tempdir().expect("a temp dir for the output");
    let stdout_path = out.path().join("stdout");
    let stderr_path = out.path().join("stderr");
    let mut child = Command::new(env!("CARGO_BIN_EXE_rolelint"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&stdout_path).expect("stdout file"))
        .stderr(fs::File::create(&stderr_path).expect("stderr file"))
        .spawn()
        .expect("rolelint starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("rolelint can be waited for") {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "rolelint {:?} did not finish within {TIMEOUT:?} and was killed",
                args.iter().map(|a| a.as_ref()).collect::<Vec<_>>()
            );
        }
        sleep(Duration::from_millis(20));
    };
    let run = Run {
        status,
        stdout: fs::read(&stdout_path).expect("stdout is readable"),
        stderr: String::from_utf8_lossy(&fs::read(&stderr_path).expect("stderr is readable"))
            .into_owned(),
    };
    assert!(
        matches!(run.status.code(), Some(0..=2)),
        "exit status must be 0, 1 or 2 (101 is a panic, none is a signal), got {:?}; stderr:\n{}",
        run.status,
        run.stderr
    );
    assert!(
        !run.stderr.contains("panicked"),
        "rolelint panicked:\n{}",
        run.stderr
    );
    run
}

/// Run with `--format json` on `paths` and return the report.
fn json(paths: &[&Path]) -> Value {
    let mut args: Vec<&OsStr> = vec![OsStr::new("--format"), OsStr::new("json")];
    args.extend(paths.iter().map(|p| p.as_os_str()));
    rolelint(&args).report()
}

/// Codes of the findings with evidence in `file`.
fn codes_for(report: &Value, file: &Path) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .filter(|f| {
            f["evidence"]
                .as_array()
                .is_some_and(|ev| ev.iter().any(|e| Path::new(evidence_path(e)) == file))
        })
        .map(|f| f["code"].as_str().expect("code is a string").to_owned())
        .collect()
}

fn evidence_path(evidence: &Value) -> &str {
    evidence["path"]
        .as_str()
        .expect("evidence path is a string")
}

/// How many times `file` appears in `files[]`.
fn times_listed(report: &Value, file: &Path) -> usize {
    report["files"]
        .as_array()
        .expect("files is an array")
        .iter()
        .filter(|f| Path::new(f["path"].as_str().expect("path is a string")) == file)
        .count()
}

fn write_good(dir: &Path) -> PathBuf {
    let good = dir.join("good.txt");
    fs::write(&good, GOOD).expect("good file written");
    good
}

fn assert_good_reported(report: &Value, good: &Path) {
    assert_eq!(
        times_listed(report, good),
        1,
        "{} is checked exactly once: {report:#}",
        good.display()
    );
    assert!(
        codes_for(report, good).iter().any(|c| c == "RL101"),
        "the contradiction in {} is still reported: {report:#}",
        good.display()
    );
}

fn assert_unreadable(report: &Value, file: &Path) {
    assert!(
        codes_for(report, file).iter().any(|c| c == "RL001"),
        "{} is reported as unreadable input (RL001): {report:#}",
        file.display()
    );
}

/// `size` bytes of `unit` repeated, on one line.
fn repeated(unit: &str, size: usize) -> Vec<u8> {
    unit.as_bytes()
        .iter()
        .copied()
        .cycle()
        .take(size / unit.len() * unit.len())
        .collect()
}

#[test]
fn huge_single_line_without_sentence_end() {
    // 20 MB in one line with no sentence end and no role name: about 12 s in a debug build.
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let long = dir.path().join("long.txt");
    let unit = "zespół pracuje nad nowym systemem i spotyka się w biurze w każdy wtorek, ";
    fs::write(&long, repeated(unit, 20_000_000)).unwrap();
    let report = json(&[dir.path()]);
    assert_good_reported(&report, &good);
    assert_eq!(times_listed(&report, &long), 1);
    assert!(codes_for(&report, &long).is_empty(), "{report:#}");
}

#[test]
fn huge_single_line_of_claims_without_sentence_end() {
    // Every 80 bytes here make three claims, each reported with its (cut) sentence in the JSON:
    // 1 MB gives ~80 MB of JSON and takes ~30 s in a debug build on a busy machine, too close
    // to TIMEOUT, so 500 KB. Cost is linear (sentences are cut at 400 tokens); before that cut
    // it was quadratic and 160 KB alone took 18 s in a release build, so this size still
    // catches a regression. The 20 MB single-line case without claims is
    // `huge_single_line_without_sentence_end`.
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let long = dir.path().join("long.txt");
    let unit = "Account Manager buduje relacje z klientami i prowadzi księgowość firmy, a zespół ";
    fs::write(&long, repeated(unit, 500_000)).unwrap();
    let report = json(&[dir.path()]);
    assert_good_reported(&report, &good);
    assert_eq!(times_listed(&report, &long), 1);
}

#[test]
fn a_long_run_of_asterisks_after_a_question_mark() {
    // Markdown emphasis after final punctuation closes a sentence ("**Czy …?**"); a run of
    // 500 000 "*" is no emphasis. Walking back over the whole run at every "*" was quadratic:
    // 2 MB of them took over a minute in a release build.
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let stars = dir.path().join("stars.txt");
    fs::write(&stars, format!("Kto?{} Tak.", "*".repeat(500_000))).unwrap();
    let report = json(&[dir.path()]);
    assert_good_reported(&report, &good);
    assert_eq!(times_listed(&report, &stars), 1);
}

#[test]
fn many_lines_without_punctuation() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let lines = dir.path().join("lines.txt");
    let unit =
        "Account Manager buduje relacje z klientami\nAccount Manager prowadzi księgowość firmy\n";
    fs::write(&lines, repeated(unit, 2_000_000)).unwrap();
    let report = json(&[dir.path()]);
    assert_good_reported(&report, &good);
    assert_eq!(times_listed(&report, &lines), 1);
}

/// Polish UTF-8 text with a contradiction, and two bytes that are not UTF-8 in the middle.
fn broken_utf8() -> Vec<u8> {
    let mut bytes = "Account Manager buduje i utrzymuje relacje z klientami firmy.\n\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"Zdanie z zepsutym bajtem: \xff\xfe.\n\n");
    bytes.extend_from_slice(
        "Account Manager prowadzi księgowość firmy i pilnuje jej finansów.\n".as_bytes(),
    );
    bytes
}

#[test]
fn invalid_utf8_in_the_middle_of_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let broken = dir.path().join("broken.txt");
    fs::write(&broken, broken_utf8()).unwrap();
    let report = json(&[dir.path()]);
    assert_good_reported(&report, &good);
    assert_eq!(times_listed(&report, &broken), 1);
}

#[test]
fn invalid_utf8_in_the_middle_is_not_silently_reinterpreted() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.txt");
    fs::write(&broken, broken_utf8()).unwrap();
    let report = json(&[&broken]);
    let codes = codes_for(&report, &broken);
    // Either refused as unreadable, or decoded well enough to still see both claims.
    assert!(
        codes.iter().any(|c| c == "RL001" || c == "RL101"),
        "{report:#}"
    );
}

#[test]
fn nul_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    // Valid UTF-8 with NULs inside.
    let utf8 = dir.path().join("nul-utf8.txt");
    fs::write(
        &utf8,
        "Account Manager\0 buduje\0\0 relacje.\n\0\0\0".as_bytes(),
    )
    .unwrap();
    // NULs in a file that is not UTF-8 (windows-1250 "księgowość").
    let legacy = dir.path().join("nul-cp1250.txt");
    fs::write(&legacy, b"ksi\xeagowo\x9c\xe6\0\0 firmy\n").unwrap();
    // Nothing but NULs.
    let zeros = dir.path().join("zeros.txt");
    fs::write(&zeros, vec![0u8; 1 << 20]).unwrap();
    let report = json(&[dir.path()]);
    assert_good_reported(&report, &good);
    for file in [&utf8, &legacy, &zeros] {
        assert_eq!(times_listed(&report, file), 1, "{}", file.display());
    }
    assert_unreadable(&report, &legacy);
}

#[test]
fn nul_bytes_in_valid_utf8_are_reported_as_binary() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("zeros.txt", vec![0u8; 4096]),
        (
            "utf16le-no-bom.txt",
            "Account Manager buduje relacje."
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect(),
        ),
    ] {
        let file = dir.path().join(name);
        fs::write(&file, bytes).unwrap();
        let report = json(&[&file]);
        assert_unreadable(&report, &file);
    }
}

#[test]
fn fifo_next_to_a_good_file_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", fifo.display());
    // Found in a folder.
    let report = json(&[dir.path()]);
    assert_good_reported(&report, &good);
    assert_unreadable(&report, &fifo);
    // Named on the command line.
    let report = json(&[&fifo, &good]);
    assert_good_reported(&report, &good);
    assert_unreadable(&report, &fifo);
}

#[test]
fn symlink_loops_and_special_links() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    // A folder that contains itself, by absolute and by relative link.
    symlink(dir.path(), dir.path().join("a")).unwrap();
    symlink(".", dir.path().join("b")).unwrap();
    // A link to itself, a link to a device that never ends, a link to nothing.
    let self_loop = dir.path().join("loop.txt");
    symlink("loop.txt", &self_loop).unwrap();
    let device = dir.path().join("zero.txt");
    symlink("/dev/zero", &device).unwrap();
    let dangling = dir.path().join("dangling.txt");
    symlink("nowhere.txt", &dangling).unwrap();
    let report = json(&[dir.path()]);
    assert_good_reported(&report, &good);
    for file in [&self_loop, &device, &dangling] {
        assert_unreadable(&report, file);
    }
}

#[test]
fn very_deep_folder() {
    let root = tempfile::tempdir().unwrap();
    let deep: PathBuf = std::iter::once(root.path().to_path_buf())
        .chain((0..200).map(|i| PathBuf::from(format!("d{i}"))))
        .collect();
    fs::create_dir_all(&deep).unwrap();
    let good = write_good(&deep);
    let report = json(&[root.path()]);
    assert_good_reported(&report, &good);
}

#[test]
fn empty_and_whitespace_only_files() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, b"").unwrap();
    let blank = dir.path().join("blank.md");
    fs::write(&blank, " \n\t\r\n\u{a0}\u{3000}\n\n   ".as_bytes()).unwrap();
    let bom_only = dir.path().join("bom.txt");
    fs::write(&bom_only, b"\xef\xbb\xbf").unwrap();
    // Alone: nothing to report, exit 0.
    let run = rolelint(&[
        OsStr::new("--format"),
        OsStr::new("json"),
        dir.path().as_os_str(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", run.stderr);
    let report = run.report();
    for file in [&empty, &blank, &bom_only] {
        assert_eq!(times_listed(&report, file), 1, "{}", file.display());
        assert!(codes_for(&report, file).is_empty(), "{report:#}");
    }
    // Next to a good file, which is still checked; pretty output too.
    let good = write_good(dir.path());
    let report = json(&[dir.path()]);
    assert_good_reported(&report, &good);
    let run = rolelint(&[dir.path()]);
    assert_eq!(run.status.code(), Some(1), "{}", run.stderr);
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let png = dir.path().join("image.txt");
    let mut bytes =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec();
    bytes.extend((0..=255u8).cycle().take(64 * 1024));
    fs::write(&png, bytes).unwrap();
    let report = json(&[dir.path()]);
    assert_good_reported(&report, &good);
    assert_unreadable(&report, &png);
    // The pretty report survives it too.
    rolelint(&[dir.path()]);
}

#[test]
fn file_over_the_size_limit_is_refused_unread() {
    // A sparse file of 1 GiB + 1 byte: no disk space, and refused from its size alone.
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let huge = dir.path().join("archiwum.txt");
    fs::File::create(&huge)
        .and_then(|f| f.set_len((1 << 30) + 1))
        .unwrap();
    let report = json(&[dir.path()]);
    assert_good_reported(&report, &good);
    assert_unreadable(&report, &huge);
    let said = serde_json::to_string(&report["findings"]).unwrap();
    assert!(said.contains("ponad 1 GiB"), "the refusal says why: {said}");
}

#[test]
fn file_unreadable_by_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, GOOD).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        eprintln!(
            "skipped: {} is readable anyway (running as root)",
            locked.display()
        );
        return;
    }
    let report = json(&[dir.path()]);
    assert_good_reported(&report, &good);
    assert_unreadable(&report, &locked);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o600)).unwrap();
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).expect("folder is readable") {
            let path = entry.expect("entry is readable").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = fs::read(&path).expect("file is readable");
                files.insert(path, bytes);
            }
        }
    }
    files
}

#[test]
fn run_leaves_every_input_byte_identical() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let before = snapshot(&corpus);
    assert!(before.len() > 1, "corpus/ has files");
    json(&[&corpus]);
    rolelint(&[&corpus]);
    rolelint(&[OsStr::new("--deny-warnings"), corpus.as_os_str()]);
    let after = snapshot(&corpus);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "no file added or removed"
    );
    for (path, bytes) in &before {
        assert!(
            after[path] == *bytes,
            "{} changed during the run",
            path.display()
        );
    }
}

#[test]
fn hostile_stdin() {
    // NULs and broken UTF-8 on stdin: no panic, no hang.
    let mut child = Command::new(env!("CARGO_BIN_EXE_rolelint"))
        .args(["--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rolelint starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin
        .write_all(b"Account Manager\0 \xff\xfe\xc3 buduje relacje\n")
        .expect("stdin accepts bytes");
    drop(stdin);
    let started = Instant::now();
    while child.try_wait().expect("waitable").is_none() {
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("rolelint did not finish reading stdin");
        }
        sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(matches!(output.status.code(), Some(0..=2)), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
