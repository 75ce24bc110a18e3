//! Fuzz target `rules`: bytes → rule files in a folder → `RuleSet::from_dir`. Loading must
//! never panic: a mistake in the rules is an error (rendered here as the CLI renders it). A
//! rule set that loads is then used: its own examples are run, and a sample text is analysed,
//! checked and rendered with it.
//!
//! The first byte picks how the rest becomes files (`data[0] % 8`):
//!
//! | 0 | the bytes are `roles.toml` (with an empty `conflicts.toml`)                       |
//! | 1 | `conflicts.toml` (with the shipped `roles.toml` and `responsibility.toml`)        |
//! | 2 | a dimension file, `responsibility.toml` (shipped `roles.toml`, no conflicts)      |
//! | 3 | `modality.toml` (shipped `roles.toml` and `responsibility.toml`, no conflicts)    |
//! | 4 | `lexicon.tsv` (shipped `roles.toml` and `responsibility.toml`, no conflicts)      |
//! | 5 | split at the first NUL byte: `roles.toml`, then `conflicts.toml`                  |
//! | 6 | split at the first NUL byte: `roles.toml`, then `skills.toml` (no conflicts)      |
//! | 7 | the shipped set with file number `data[1] % 13` replaced by the rest, full lexicon |
//!
//! Variants 0–6 also write a small `lexicon.tsv` (variant 4: the fuzzed one), so a run does
//! not parse the 600 KB embedded lexicon every time; variant 7 uses the embedded lexicon.
//! Seed corpus: rules/*.toml, each prefixed with the bytes that pick its own file
//! (tools/fuzz.sh writes them).

#![no_main]

use std::fs;
use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rolelint::report::texts::FileText;
use rolelint::report::{FileReport, Names, Report, RuleDoc, json, pretty};
use rolelint::rules::RuleSet;
use rolelint::{analyse, check, decode, examples};

/// The shipped rule files, in sorted order (variant 7 indexes this list).
const SHIPPED: &[(&str, &str)] = &[
    ("authority.toml", include_str!("../../rules/authority.toml")),
    ("benefits.toml", include_str!("../../rules/benefits.toml")),
    ("career.toml", include_str!("../../rules/career.toml")),
    (
        "challenges.toml",
        include_str!("../../rules/challenges.toml"),
    ),
    ("conflicts.toml", include_str!("../../rules/conflicts.toml")),
    ("impact.toml", include_str!("../../rules/impact.toml")),
    ("modality.toml", include_str!("../../rules/modality.toml")),
    (
        "requirements.toml",
        include_str!("../../rules/requirements.toml"),
    ),
    (
        "responsibility.toml",
        include_str!("../../rules/responsibility.toml"),
    ),
    ("roles.toml", include_str!("../../rules/roles.toml")),
    ("salary.toml", include_str!("../../rules/salary.toml")),
    ("skills.toml", include_str!("../../rules/skills.toml")),
    (
        "work_environment.toml",
        include_str!("../../rules/work_environment.toml"),
    ),
];

fn shipped(name: &str) -> &'static [u8] {
    SHIPPED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| text.as_bytes())
        .expect("a shipped rule file")
}

/// A few forms of the words in [`SAMPLE`] and in the shipped cues.
const SMALL_LEXICON: &str = "# small lexicon for fuzzing\n\
    buduje\tbudować\nbudować\tbudować\nrelacje\trelacja\nrelacja\trelacja\n\
    klientami\tklient\nklient\tklient\nprowadzi\tprowadzić\nprowadzić\tprowadzić\n\
    księgowość\tksięgowość\nzarabia\tzarabiać\nzarabiać\tzarabiać\n\
    kierownikiem\tkierownik\nkierownik\tkierownik\nprojektu\tprojekt\nprojekt\tprojekt\n\
    lata\trok\nlat\trok\nrok\trok\ndoświadczenia\tdoświadczenie\ndoświadczenie\tdoświadczenie\n";

/// A text with claims of several kinds for a loaded rule set to find.
const SAMPLE: &str = "Account Manager buduje i utrzymuje relacje z klientami firmy.\n\n\
    Account Manager prowadzi księgowość firmy. Account Manager nie prowadzi księgowości.\n\
    Kierownik ds. klientów zarabia 9 000 zł brutto miesięcznie, a KAM-a opłaca się 12 000 zł.\n\
    Wymagania:\n- 3 lata doświadczenia\n- co najmniej 5 lat doświadczenia\n\n\
    To mit, że kierownik projektu może pracować zdalnie. Jeśli Scrum Master pracuje w biurze, \
    to „wspólne wyzwania obu ról są różne”.\n";

/// One scratch folder per process, emptied before each input.
fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("rolelint-fuzz-rules-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    })
}

fn split_at_nul(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[]),
    }
}

/// The files variant `data[0] % 8` makes of the input.
fn files(data: &[u8]) -> Vec<(&'static str, &[u8])> {
    let Some((&selector, rest)) = data.split_first() else {
        return Vec::new();
    };
    let small = SMALL_LEXICON.as_bytes();
    match selector % 8 {
        0 => vec![
            ("roles.toml", rest),
            ("conflicts.toml", b""),
            ("lexicon.tsv", small),
        ],
        1 => vec![
            ("conflicts.toml", rest),
            ("roles.toml", shipped("roles.toml")),
            ("responsibility.toml", shipped("responsibility.toml")),
            ("lexicon.tsv", small),
        ],
        2 => vec![
            ("responsibility.toml", rest),
            ("roles.toml", shipped("roles.toml")),
            ("conflicts.toml", b""),
            ("lexicon.tsv", small),
        ],
        3 => vec![
            ("modality.toml", rest),
            ("roles.toml", shipped("roles.toml")),
            ("responsibility.toml", shipped("responsibility.toml")),
            ("conflicts.toml", b""),
            ("lexicon.tsv", small),
        ],
        4 => vec![
            ("lexicon.tsv", rest),
            ("roles.toml", shipped("roles.toml")),
            ("responsibility.toml", shipped("responsibility.toml")),
            ("conflicts.toml", b""),
        ],
        5 => {
            let (roles, conflicts) = split_at_nul(rest);
            vec![
                ("roles.toml", roles),
                ("conflicts.toml", conflicts),
                ("lexicon.tsv", small),
            ]
        }
        6 => {
            let (roles, skills) = split_at_nul(rest);
            vec![
                ("roles.toml", roles),
                ("skills.toml", skills),
                ("conflicts.toml", b""),
                ("lexicon.tsv", small),
            ]
        }
        _ => {
            let Some((&which, rest)) = rest.split_first() else {
                return Vec::new();
            };
            let replaced = SHIPPED[usize::from(which) % SHIPPED.len()].0;
            SHIPPED
                .iter()
                .map(|&(name, text)| {
                    (
                        name,
                        if name == replaced {
                            rest
                        } else {
                            text.as_bytes()
                        },
                    )
                })
                .collect()
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let files = files(data);
    if files.is_empty() {
        return;
    }
    let dir = scratch();
    for entry in fs::read_dir(dir).expect("the scratch folder is readable") {
        let _ = fs::remove_file(entry.expect("an entry").path());
    }
    for (name, bytes) in &files {
        fs::write(dir.join(name), bytes).expect("a rule file is written");
    }
    let rules = match RuleSet::from_dir(dir) {
        Ok(rules) => rules,
        Err(error) => {
            // The CLI prints the error as a miette report; that must not panic either.
            let mut out = String::new();
            let _ = miette::GraphicalReportHandler::new_themed(
                miette::GraphicalTheme::unicode_nocolor(),
            )
            .render_report(&mut out, &error);
            let _ = format!("{:?}", miette::Report::new(error));
            return;
        }
    };
    let _ = examples::run(&rules);
    let _ = rolelint::catalog::list(&rules);
    let text = decode::decode(SAMPLE.as_bytes()).expect("the sample decodes");
    let analysis = analyse(text, &rules);
    let findings = check::document(0, &analysis, &rules);
    let kept = FileText::Kept(analysis.text.original().into());
    let mut report = Report {
        files: vec![FileReport::new("tekst.txt".to_owned(), analysis, kept)],
        findings,
        rules: RuleDoc::all(&rules),
        names: Names::new(&rules),
    };
    report.place_evidence().expect("texts in memory are kept");
    pretty::render(&report, pretty::Style::default()).expect("texts in memory are kept");
    json::render(&report).expect("texts in memory are kept");
});
