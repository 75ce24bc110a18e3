//! Throughput of each pipeline stage on the shipped corpus, single-threaded.
//!
//!     cargo bench --bench stages            # about 10 s
//!
//! Reads every `corpus/*.txt` once, then runs each stage over all of them repeatedly (at
//! least `ROLELINT_BENCH_MB` MB of text in all, default 20) and prints the time and MB/s of
//! each stage alone, so a change to one stage shows in its own line. `benches/bench.sh`
//! measures the whole binary against ripgrep and textlint.

use std::time::{Duration, Instant};

use rolelint::decode::{Text, decode};
use rolelint::rules::RuleSet;
use rolelint::{check, extract, lemma, markers, roles, segment};

fn main() {
    let rules = RuleSet::embedded().expect("the embedded rules load");
    let mut paths: Vec<_> = std::fs::read_dir("corpus")
        .expect("run from the repository root")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let bytes: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).expect("readable"))
        .collect();
    let corpus_bytes: usize = bytes.iter().map(Vec::len).sum();
    let target_mb: usize = std::env::var("ROLELINT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let rounds = (target_mb * 1_000_000).div_ceil(corpus_bytes);
    let total = (corpus_bytes * rounds) as f64 / 1e6;
    println!(
        "{} texts, {corpus_bytes} bytes, {rounds} rounds = {total:.1} MB per stage",
        bytes.len()
    );

    let mut times: Vec<(&str, Duration)> = Vec::new();
    let mut time = |name: &'static str, f: &mut dyn FnMut()| {
        let start = Instant::now();
        for _ in 0..rounds {
            f();
        }
        times.push((name, start.elapsed()));
    };
    let texts: Vec<Text> = bytes
        .iter()
        .map(|b| decode(b).expect("corpus decodes"))
        .collect();
    time("decode", &mut || {
        for b in &bytes {
            std::hint::black_box(decode(b).expect("corpus decodes"));
        }
    });
    let docs: Vec<_> = texts
        .iter()
        .map(|t| segment::segment(t.normalized()))
        .collect();
    time("segment", &mut || {
        for t in &texts {
            std::hint::black_box(segment::segment(t.normalized()));
        }
    });
    let lemmas: Vec<_> = texts
        .iter()
        .zip(&docs)
        .map(|(t, d)| lemma::lemmatise(t.normalized(), d, &rules.lexicon))
        .collect();
    time("lemmatise", &mut || {
        for (t, d) in texts.iter().zip(&docs) {
            std::hint::black_box(lemma::lemmatise(t.normalized(), d, &rules.lexicon));
        }
    });
    let markers: Vec<_> = (0..texts.len())
        .map(|i| markers::find(&docs[i], &lemmas[i], &rules.modality))
        .collect();
    time("markers", &mut || {
        for i in 0..texts.len() {
            std::hint::black_box(markers::find(&docs[i], &lemmas[i], &rules.modality));
        }
    });
    let attributions: Vec<_> = (0..texts.len())
        .map(|i| {
            roles::find_roles(
                texts[i].normalized(),
                &docs[i],
                &lemmas[i],
                &markers[i],
                &rules,
            )
        })
        .collect();
    time("roles", &mut || {
        for i in 0..texts.len() {
            std::hint::black_box(roles::find_roles(
                texts[i].normalized(),
                &docs[i],
                &lemmas[i],
                &markers[i],
                &rules,
            ));
        }
    });
    time("extract", &mut || {
        for i in 0..texts.len() {
            std::hint::black_box(extract::extract(
                &texts[i],
                &docs[i],
                &lemmas[i],
                &markers[i],
                &attributions[i],
                &rules,
            ));
        }
    });
    let analyses: Vec<_> = texts
        .iter()
        .map(|t| rolelint::analyse(t.clone(), &rules))
        .collect();
    time("check", &mut || {
        for (i, a) in analyses.iter().enumerate() {
            std::hint::black_box(check::document(i, a, &rules));
        }
    });
    time("all", &mut || {
        for t in &texts {
            let analysis = rolelint::analyse(t.clone(), &rules);
            std::hint::black_box(check::document(0, &analysis, &rules));
        }
    });
    for (name, elapsed) in times {
        let secs = elapsed.as_secs_f64();
        println!("{name:>10} {secs:8.3} s {:8.1} MB/s", total / secs);
    }
}
