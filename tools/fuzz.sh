#!/usr/bin/env bash
# Fuzz rolelint with cargo-fuzz (libFuzzer): each target of fuzz/ for SECONDS (default 60).
#
#   tools/fuzz.sh [SECONDS]
#
# Targets: `pipeline` (bytes → decode → analyse → check → pretty and JSON reports, also as
# Markdown and HTML), seeded with corpus/*.txt; `rules` (bytes → rule files → RuleSet::from_dir
# → the set's examples and a sample text), seeded with rules/*.toml. See fuzz/fuzz_targets/.
#
# cargo-fuzz passes nightly-only flags (-Z sanitizer=…) to rustc; on a stable toolchain
# RUSTC_BOOTSTRAP=1 lets them through. SANITIZER=none (or a failed AddressSanitizer build)
# runs without a sanitizer. Debug assertions are on (-a). Extra libFuzzer flags can be given
# in FUZZ_FLAGS. Crashes land in fuzz/artifacts/TARGET/; reproduce one with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run -a TARGET fuzz/artifacts/TARGET/crash-…
# (from fuzz/), minimise it with `cargo fuzz tmin -a TARGET fuzz/artifacts/TARGET/crash-…`, and
# pin it as a `regression_*` test in tests/properties.rs. Logs: fuzz/logs/TARGET.log.
#
# Exit status: 0 when no target crashed, 1 when one did, 2 when fuzzing could not start.
set -euo pipefail

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
    echo "usage: tools/fuzz.sh [SECONDS]   (SECONDS > 0, default 60)" >&2
    exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

# Stable toolchains refuse -Z flags unless told they may.
case "$(rustc --version)" in
    *nightly*) ;;
    *) export RUSTC_BOOTSTRAP=1 ;;
esac

sanitizer="${SANITIZER:-address}"
if ! cargo fuzz build -a -s "$sanitizer"; then
    if [ "$sanitizer" = none ]; then
        echo "fuzz.sh: the fuzz targets do not build" >&2
        exit 2
    fi
    echo "fuzz.sh: building with -s $sanitizer failed; trying -s none" >&2
    sanitizer=none
    cargo fuzz build -a -s none || { echo "fuzz.sh: the fuzz targets do not build" >&2; exit 2; }
fi

# Seed corpora (fuzz/corpus is ignored by git; libFuzzer adds what it finds there).
mkdir -p corpus/pipeline corpus/rules logs
cp "$root"/corpus/*.txt corpus/pipeline/

# The rules target reads its first byte (and, for variant 7, its second) to choose which file
# the rest becomes: see fuzz/fuzz_targets/rules.rs. Each seed picks its own file.
seed() { # seed NAME PREFIX-BYTES… < content
    local name="$1"
    shift
    { for byte in "$@"; do printf "\\x$(printf %02x "$byte")"; done; cat; } >"corpus/rules/seed-$name"
}
rules="$root/rules"
seed roles 0 <"$rules/roles.toml"
seed conflicts 1 <"$rules/conflicts.toml"
seed modality 3 <"$rules/modality.toml"
head -n 400 "$rules/lexicon.tsv" | seed lexicon 4
{ cat "$rules/roles.toml"; printf '\0'; cat "$rules/conflicts.toml"; } | seed roles-conflicts 5
{ cat "$rules/roles.toml"; printf '\0'; cat "$rules/skills.toml"; } | seed roles-skills 6
index=0
for file in "$rules"/*.toml; do
    name="$(basename "$file" .toml)"
    case "$name" in
        roles | conflicts | modality) ;;
        *) seed "dimension-$name" 2 <"$file" ;;
    esac
    seed "full-$name" 7 "$index" <"$file"
    index=$((index + 1))
done

status=0
for target in pipeline rules; do
    echo "fuzz.sh: fuzzing $target for ${seconds}s (sanitizer: $sanitizer)" >&2
    # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
    if cargo fuzz run -a -s "$sanitizer" "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
        ${FUZZ_FLAGS:-} 2>&1 | tee "logs/$target.log" | grep -E '^(#[0-9]+.*(DONE|pulse)|stat::|==[0-9]+==|SUMMARY|thread .* panicked)' >&2
    then :; fi
    if grep -qE '^(==[0-9]+== ?ERROR|SUMMARY: libFuzzer|thread .* panicked|Test unit written)' "logs/$target.log"; then
        echo "fuzz.sh: $target CRASHED; see fuzz/logs/$target.log and fuzz/artifacts/$target/" >&2
        status=1
    else
        runs="$(grep -oE 'stat::number_of_executed_units: [0-9]+' "logs/$target.log" | grep -oE '[0-9]+$' || echo '?')"
        echo "fuzz.sh: $target: no crash in ${seconds}s, $runs executions" >&2
    fi
done
exit "$status"
