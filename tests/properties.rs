//! Property tests: whatever the text, the pipeline neither panics nor hands out a span that
//! does not point into the text it belongs to.
//!
//! Texts are built from fragments that exercise the parts of `segment`, `extract` and the
//! renderers most likely to slice text wrongly — Polish letters, combining marks (U+0301,
//! U+0307), CRLF, digit groups with (non-breaking) spaces, abbreviations ("ds.", "np."),
//! Polish quotes („”), dashes (–, —), list and heading markers, role names and cue phrases —
//! mixed with arbitrary characters. Case counts are kept low so the whole file runs in a few
//! seconds in a release build; raise them with `PROPTEST_CASES=…` for a longer search.
//!
//! The `regression_*` tests at the end pin inputs found by fuzzing (`tools/fuzz.sh`).

use std::sync::OnceLock;

use proptest::prelude::*;
use rolelint::decode::{self, Text};
use rolelint::input::Input;
use rolelint::markup::{self, Markup};
use rolelint::report::{claims, concise, github, gitlab, json, pretty, sarif};
use rolelint::rules::RuleSet;
use rolelint::segment::{self, Doc};
use rolelint::span::{Norm, Span};

/// The embedded rules, loaded once for the whole file.
fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::embedded().expect("the embedded rules load"))
}

/// Pieces of role texts, and pieces of the things that make slicing hard.
const FRAGMENTS: &[&str] = &[
    "Account Manager",
    "account managera",
    "Key Account Manager",
    "KAM-a",
    "KAM-em",
    "PM-em",
    "Project Manager",
    "kierownik projektu",
    "kierownikiem projektu",
    "kierownik konta",
    "Kierownik ds. klientów",
    "Product Owner",
    "Scrum Master",
    "księgowa",
    "Księgowy",
    "rekruter",
    "HR Business Partner",
    "Office Manager",
    "analityk biznesowy",
    "przedstawiciel handlowy",
    " buduje i utrzymuje relacje z klientami",
    " prowadzi księgowość firmy",
    " planuje harmonogram projektu",
    " zarabia 12 000 zł brutto miesięcznie",
    " zarabia ok. 7 000 zł netto",
    " 65\u{a0}000 zł",
    " 1 200 000 euro",
    " 12,5 tys. zł",
    " od 3 lat doświadczenia",
    " bez doświadczenia",
    " 2–3 lata",
    " zespół 5 osób",
    " pracuje zdalnie",
    " pracuje w biurze",
    " nie ",
    " ani ",
    " może ",
    " czasem ",
    "jeśli ",
    "To mit, że ",
    "niesłusznie uważa się, że ",
    "Czy ",
    ", natomiast ",
    ", a ",
    ", podczas gdy ",
    "; ",
    " – ",
    " — ",
    "-",
    " ds. ",
    " np. ",
    " m.in. ",
    " tzw. ",
    " itd. ",
    " w 2024 r. ",
    " prof. ",
    " Wspólne wyzwania obu ról są różne",
    "„",
    "”",
    "\"",
    "«",
    "»",
    "(",
    ")",
    ".",
    ". ",
    "!",
    "?",
    "…",
    ":",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\r\n\r\n",
    "\nWymagania:\n",
    "\n## Obowiązki\n",
    "\n- ",
    "\n* ",
    "\n• ",
    "\n1. ",
    "\n12) ",
    "\u{301}",
    "\u{307}",
    "\u{328}",
    "e\u{328}",
    "o\u{301}",
    "z\u{307}",
    "Zaz\u{307}o\u{301}ł\u{107}",
    "ZAŻÓŁĆ GĘŚLĄ JAŹŃ",
    "zażółć gęślą jaźń",
    "\u{feff}",
    "\u{200d}",
    "\u{a0}",
    "\u{202f}",
    "\t",
    " ",
    "  ",
    "0",
    "7",
    "000",
    ",",
    "&nbsp;",
    "<p>",
    "</p>",
    "<li>",
    "<h2>",
    "`",
    "```\n",
    "**",
    "[a](https://x.pl)",
    "<https://x.pl>",
    "---\n",
    "👩\u{200d}💼",
    "🇵🇱",
];

/// A text: fragments and arbitrary characters, up to ~60 pieces.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::sample::select(FRAGMENTS).prop_map(str::to_owned),
        2 => any::<char>().prop_map(String::from),
        1 => "[a-zA-ZąćęłńóśźżĄĆĘŁŃÓŚŹŻ0-9 .,;:\\-–\\n\\r]{0,12}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

/// A text in one of the encodings rolelint reads.
fn encoded() -> impl Strategy<Value = Vec<u8>> {
    (text(), 0..7usize).prop_map(|(text, encoding)| match encoding {
        0 => text.into_bytes(),
        1 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        2 => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        3 => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        4 => encoding_rs::WINDOWS_1250.encode(&text).0.into_owned(),
        5 => encoding_rs::ISO_8859_2.encode(&text).0.into_owned(),
        // UTF-16 without a BOM: read as something else, or refused.
        _ => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
    })
}

/// Raw bytes: arbitrary ones, or an encoded text, possibly with a few bytes changed.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    let mutated = (
        encoded(),
        proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    )
        .prop_map(|(mut bytes, edits)| {
            if !bytes.is_empty() {
                for (at, byte) in edits {
                    let i = at.index(bytes.len());
                    bytes[i] = byte;
                }
            }
            bytes
        });
    prop_oneof![
        2 => proptest::collection::vec(any::<u8>(), 0..300),
        3 => encoded(),
        2 => mutated,
    ]
}

/// `span` lies inside `text` and on its character boundaries.
fn check_span(text: &str, start: usize, end: usize, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(start <= end, "{what}: {start}..{end} reversed");
    prop_assert!(
        end <= text.len(),
        "{what}: {start}..{end} past {}",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: {start}..{end} not on char boundaries of {text:?}"
    );
    Ok(())
}

/// Token spans in bounds, on boundaries, ordered and disjoint; sentences and clauses are
/// well-formed token ranges.
fn check_doc(text: &str, doc: &Doc) -> Result<(), TestCaseError> {
    let mut previous_end = 0;
    for (i, token) in doc.tokens.iter().enumerate() {
        check_span(text, token.span.start(), token.span.end(), "token")?;
        prop_assert!(!token.span.is_empty(), "token {i} is empty");
        prop_assert!(
            token.span.start() >= previous_end,
            "token {i} at {:?} overlaps or precedes the one before (ended at {previous_end})",
            token.span
        );
        previous_end = token.span.end();
    }
    let mut previous_token_end = 0;
    for sentence in &doc.sentences {
        check_span(text, sentence.span.start(), sentence.span.end(), "sentence")?;
        let tokens = sentence.tokens.clone();
        prop_assert!(tokens.start < tokens.end && tokens.end <= doc.tokens.len());
        prop_assert!(tokens.start >= previous_token_end, "sentences overlap");
        previous_token_end = tokens.end;
        let cover = doc.tokens[tokens.start]
            .span
            .cover(&doc.tokens[tokens.end - 1].span);
        prop_assert_eq!(sentence.span, cover);
        let mut at = tokens.start;
        for clause in &sentence.clauses {
            prop_assert_eq!(clause.start, at, "clauses do not follow each other");
            prop_assert!(clause.start < clause.end, "empty clause");
            at = clause.end;
        }
        prop_assert_eq!(at, tokens.end, "clauses do not cover the sentence");
    }
    Ok(())
}

/// Decode, analyse and check one text; every reported span must point into the original.
fn check_analysis(text: Text) -> Result<(), TestCaseError> {
    let original = text.original().to_owned();
    let normalized = text.normalized().to_owned();
    let analysis = rolelint::analyse(text, rules());
    check_doc(&normalized, &analysis.doc)?;
    for sentence in &analysis.doc.sentences {
        let span = analysis.text.to_original(sentence.span);
        check_span(&original, span.start(), span.end(), "sentence (original)")?;
    }
    for claim in &analysis.claims {
        check_span(&original, claim.span.start(), claim.span.end(), "claim")?;
        check_span(
            &original,
            claim.sentence.start(),
            claim.sentence.end(),
            "claim sentence",
        )?;
        prop_assert!(
            claim.sentence.start() <= claim.span.start()
                && claim.span.end() <= claim.sentence.end(),
            "claim {:?} outside its sentence {:?}",
            claim.span,
            claim.sentence
        );
    }
    for finding in rolelint::check::document(0, &analysis, rules()) {
        for evidence in &finding.evidence {
            prop_assert_eq!(evidence.file, 0);
            check_span(
                &original,
                evidence.span.start(),
                evidence.span.end(),
                "evidence",
            )?;
        }
    }
    Ok(())
}

/// Lint inputs `(name, bytes)` and render the report in every format; the JSON must parse
/// and its spans must agree with the text it quotes.
fn check_lint(inputs: Vec<(&str, Vec<u8>)>) -> Result<(), TestCaseError> {
    let count = inputs.len();
    let inputs = inputs
        .into_iter()
        .map(|(name, bytes)| Input {
            name: name.to_owned(),
            path: None,
            content: Ok(bytes),
        })
        .collect();
    let report = rolelint::lint(inputs, rules()).expect("texts in memory are kept");
    let _ = pretty::render(&report, pretty::Style::default()).expect("texts in memory are kept");
    let _ = pretty::render(
        &report,
        pretty::Style {
            color: true,
            ..pretty::Style::default()
        },
    )
    .expect("texts in memory are kept");
    let _ = concise::render(&report);
    let _ = concise::statistics(&report);
    let _ = github::render(&report);
    for format in [claims::ClaimsFormat::Table, claims::ClaimsFormat::Csv] {
        let _ = claims::render(&report, format).expect("texts in memory are kept");
    }
    for (what, rendered) in [
        (
            "JSON",
            json::render(&report).expect("texts in memory are kept"),
        ),
        ("SARIF", sarif::render(&report)),
        ("GitLab", gitlab::render(&report)),
    ] {
        serde_json::from_str::<serde_json::Value>(&rendered)
            .map_err(|e| TestCaseError::fail(format!("{what} does not parse: {e}")))?;
    }
    let value: serde_json::Value =
        serde_json::from_str(&json::render(&report).expect("kept")).expect("checked above");
    prop_assert_eq!(report.files.len(), count);
    for (file, json_file) in report.files.iter().zip(value["files"].as_array().unwrap()) {
        let text = file.read_text().expect("texts in memory are kept");
        for claim in json_file["claims"].as_array().into_iter().flatten() {
            let start = claim["span"]["start"].as_u64().unwrap_or(u64::MAX) as usize;
            let end = claim["span"]["end"].as_u64().unwrap_or(u64::MAX) as usize;
            check_span(&text, start, end, "JSON claim")?;
            prop_assert_eq!(claim["text"].as_str(), Some(&text[start..end]));
        }
    }
    prop_assert_eq!(
        value["summary"]["findings"].as_u64(),
        Some(report.findings.len() as u64)
    );
    Ok(())
}

/// `cases` cases (unless `PROPTEST_CASES` says otherwise); failures are not written to a
/// file next to the tests: a failure found is pinned as a `regression_*` test instead.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn segment_tokens_are_ordered_disjoint_and_on_boundaries(text in text()) {
        check_doc(&text, &segment::segment(&text))?;
    }

    #[test]
    fn to_original_maps_boundaries_to_boundaries(text in text()) {
        let decoded = Text::from_utf8(&text);
        let normalized = decoded.normalized();
        let boundaries: Vec<usize> = normalized
            .char_indices()
            .map(|(i, _)| i)
            .chain([normalized.len()])
            .collect();
        for (i, &start) in boundaries.iter().enumerate() {
            for &end in &boundaries[i..boundaries.len().min(i + 4)] {
                let span = decoded.to_original(Span::<Norm>::new(start, end));
                check_span(decoded.original(), span.start(), span.end(), "to_original")?;
            }
        }
    }

    #[test]
    fn markup_prose_keeps_the_byte_length(text in text()) {
        for markup in [Markup::Markdown, Markup::Html] {
            let prose = markup::prose(&text, markup).expect("Markdown and HTML give prose");
            prop_assert_eq!(prose.len(), text.len(), "{:?}", markup);
        }
        prop_assert!(markup::prose(&text, Markup::Plain).is_none());
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn analyse_keeps_spans_in_the_original(text in text()) {
        check_analysis(Text::from_utf8(&text))?;
    }

    #[test]
    fn decode_never_panics_on_bytes(bytes in bytes()) {
        if let Ok(text) = decode::decode(&bytes) {
            // NUL bytes are binary, except in UTF-16 named by its byte-order mark.
            prop_assert!(
                !text.original().contains('\0') || text.encoding().starts_with("UTF-16"),
                "NUL accepted as {}",
                text.encoding()
            );
            // The original is a String, so valid UTF-8; it must survive the whole pipeline.
            check_analysis(text)?;
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn lint_and_render_never_panic(bytes in bytes(), name in 0..3usize) {
        let name = ["tekst.txt", "tekst.md", "tekst.html"][name];
        check_lint(vec![(name, bytes)])?;
    }

    #[test]
    fn lint_and_render_texts_as_markup(text in text(), name in 0..3usize) {
        let name = ["tekst.txt", "tekst.md", "tekst.html"][name];
        check_lint(vec![(name, text.into_bytes())])?;
    }

    #[test]
    fn lint_compares_files_without_panicking(texts in proptest::collection::vec(text(), 2..4)) {
        check_lint(texts.into_iter().map(|t| ("tekst.txt", t.into_bytes())).collect())?;
    }
}

/// The pipeline on one input as the fuzz target `pipeline` runs it; for pinned regressions.
fn pipeline(name: &str, bytes: &[u8]) {
    if let Ok(text) = decode::decode(bytes) {
        check_analysis(text).expect("spans point into the original");
    }
    check_lint(vec![(name, bytes.to_vec())]).expect("the report renders");
}

#[test]
fn corpus_texts_keep_their_spans() {
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus")).unwrap() {
        let path = entry.unwrap().path();
        if rolelint::input::is_text(&path) {
            // The name tells the format: Markdown and HTML are read for their prose.
            let name = match path.extension().and_then(|e| e.to_str()) {
                Some("md") => "tekst.md",
                Some("html") => "tekst.html",
                _ => "tekst.txt",
            };
            let bytes = std::fs::read(&path).unwrap();
            pipeline(name, &bytes);
            texts.push((name, bytes));
        }
    }
    assert!(texts.len() > 1);
    check_lint(texts).expect("the whole corpus renders");
}

/// A heading with no word in it ("#", ":", "## —", an empty `<h2>`) made
/// `extract::heading_dimension` call `Phrase::match_at` on an empty word list, which indexed
/// out of bounds (found by these properties; fixed in `Phrase::match_at`).
#[test]
fn regression_heading_without_words() {
    for text in ["#\n", ":\n", "## —\n", "Wymagania:\n- tak\n\n:\n"] {
        pipeline("tekst.txt", text.as_bytes());
    }
    pipeline("tekst.html", b"<h2>");
    pipeline("tekst.md", b"#\n");
}
