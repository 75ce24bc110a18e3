#!/usr/bin/env bash
# Benchmark rolelint against ripgrep (a floor no linter beats) and textlint + prh (a
# terminology linter with the same role names), on generated corpora of 1, 10 and 100 MB.
#
#   bash benches/bench.sh            # everything, about 5-10 minutes on 2 cores
#
# Environment knobs (all optional):
#   BENCH_SIZES="1 10 100"   corpus sizes in MB (10^6 bytes) to measure
#   BENCH_RUNS=3             hyperfine runs per rolelint / ripgrep measurement
#   BENCH_TEXTLINT_MAX=10    largest corpus (MB) textlint is run on; above it, extrapolated
#
# Needs: Rust toolchain, node/npm, and apt (as root, or sudo) for hyperfine, ripgrep and
# GNU time if they are missing. Everything generated goes to benches/.work/ (git-ignored).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK="$ROOT/benches/.work"
RESULTS="$WORK/results"
SIZES=${BENCH_SIZES:-"1 10 100"}
RUNS=${BENCH_RUNS:-3}
TEXTLINT_MAX=${BENCH_TEXTLINT_MAX:-10}
BIN="$ROOT/target/release/rolelint"

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'bench.sh: %s\n' "$*" >&2; exit 1; }

mkdir -p "$WORK" "$RESULTS"
cd "$ROOT"
# textlint opens every file of a corpus at once; allow as many open files as the system does.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# --- 0. tools ---------------------------------------------------------------------------
apt_install() {
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "need root or sudo to apt-get install $*"
        sudo="sudo"
    fi
    log "apt-get install $*"
    if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null; then
        DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
    fi
}

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v rg >/dev/null || missing+=(ripgrep)
[ -x /usr/bin/time ] || missing+=(time)
command -v iconv >/dev/null || missing+=(libc-bin)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
{ command -v node && command -v npm; } >/dev/null || die "node and npm are needed"
command -v cargo >/dev/null || die "the Rust toolchain (cargo) is needed"

if [ ! -x "$WORK/node_modules/.bin/textlint" ] || [ ! -d "$WORK/node_modules/textlint-rule-prh" ] \
    || [ ! -d "$WORK/node_modules/smol-toml" ]; then
    log "npm install textlint textlint-rule-prh smol-toml (into benches/.work)"
    [ -f "$WORK/package.json" ] || echo '{"name":"rolelint-bench","private":true}' >"$WORK/package.json"
    (cd "$WORK" && npm install --no-audit --no-fund --loglevel=error \
        textlint textlint-rule-prh smol-toml >/dev/null)
fi
TEXTLINT="$WORK/node_modules/.bin/textlint"

# --- 1. build ---------------------------------------------------------------------------
log "cargo build --release"
cargo build --release --quiet
[ -x "$BIN" ] || die "no binary at $BIN"
# Measure a copy, so a rebuild in target/ during the run cannot swap the binary under us.
cp "$BIN" "$WORK/rolelint"
BIN="$WORK/rolelint"

# --- 2. corpora -------------------------------------------------------------------------
# Source texts: every corpus/*.txt, in UTF-8 (a legacy-encoded file is converted from
# windows-1250 with iconv, so ripgrep and textlint read the same text rolelint does).
SRC="$WORK/src"
rm -rf "$SRC" && mkdir -p "$SRC"
for f in corpus/*.txt; do
    if iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
        cp "$f" "$SRC/"
    else
        iconv -f CP1250 -t UTF-8 "$f" >"$SRC/$(basename "$f")" || die "cannot convert $f"
    fi
done
mapfile -t SRC_FILES < <(find "$SRC" -name '*.txt' | sort)
[ ${#SRC_FILES[@]} -gt 0 ] || die "no corpus/*.txt"
SRC_FP=$(cat "${SRC_FILES[@]}" | cksum | cut -d' ' -f1)

# corpus DIR BYTES: files of three source texts each (about 5 KB, like a long job ad or
# article), 200 files a folder, until BYTES are written. Written with bash builtins only (no
# process per file), so 20 000 files take seconds.
make_corpus() {
    local dir=$1 target=$2
    local stamp="$dir/.stamp" want="$target $SRC_FP"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return
    fi
    log "generating $(basename "$dir") ($target bytes)"
    rm -rf "$dir" && mkdir -p "$dir"
    local -a texts=() sizes=()
    local f t
    for f in "${SRC_FILES[@]}"; do
        t=$(cat "$f"; printf x)
        texts+=("${t%x}")
        sizes+=("$(wc -c <"$f")")
    done
    local written=0 n=0 i=0 count=${#texts[@]} a b c sub
    while [ "$written" -lt "$target" ]; do
        a=$((i % count)) b=$(((i + 1) % count)) c=$(((i + 2) % count))
        i=$((i + 3))
        sub="$dir/d$((n / 200))"
        [ $((n % 200)) -ne 0 ] || mkdir -p "$sub"
        printf '%s\n\n%s\n\n%s' "${texts[a]}" "${texts[b]}" "${texts[c]}" \
            >"$sub/$n-$(basename "${SRC_FILES[a]}")"
        written=$((written + sizes[a] + sizes[b] + sizes[c] + 4))
        n=$((n + 1))
    done
    echo "$want" >"$stamp"
}

corpus_bytes() { find "$1" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}'; }
corpus_files() { find "$1" -name '*.txt' | wc -l; }

for mb in $SIZES; do
    make_corpus "$WORK/corpus-${mb}mb" $((mb * 1000000))
done

# --- 3. rule sets for ripgrep and textlint, from rules/roles.toml -------------------------
# Every alias and misleading alias; "a / b" variants are separate names.
log "extracting role aliases from rules/roles.toml"
(cd "$WORK" && node - "$ROOT/rules/roles.toml" "$WORK" <<'EOF'
const fs = require("fs");
const { parse } = require("smol-toml");
const [tomlPath, out] = process.argv.slice(2);
const roles = parse(fs.readFileSync(tomlPath, "utf8")).role || [];
const split = (s) => s.split(" / ").map((v) => v.trim()).filter(Boolean);
const rules = roles.map((r) => {
    const names = [];
    for (const a of r.aliases || []) names.push(...split(a));
    for (const m of r.misleading || []) names.push(...split(m.alias));
    return { expected: r.name, patterns: [...new Set(names)] };
});
const all = [...new Set(rules.flatMap((r) => r.patterns))].sort((a, b) => b.length - a.length);
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// One alternation, case-insensitive on the command line, without \b: inflected forms
// ("account managera") still count as a hit, and a Unicode \b would push ripgrep off its
// fast DFA on Polish text (about 5x slower), which would flatter rolelint.
fs.writeFileSync(`${out}/patterns.txt`, `${all.map(esc).join("|")}\n`);
// prh: JSON strings are valid YAML scalars.
let yml = "version: 1\nrules:\n";
for (const r of rules) {
    yml += `  - expected: ${JSON.stringify(r.expected)}\n    patterns:\n`;
    for (const p of r.patterns) yml += `      - ${JSON.stringify(p)}\n`;
}
fs.writeFileSync(`${out}/prh.yml`, yml);
fs.writeFileSync(`${out}/.textlintrc.json`, JSON.stringify(
    { rules: { prh: { rulePaths: [`${out}/prh.yml`] } } }, null, 2) + "\n");
console.error(`${roles.length} roles, ${all.length} alias strings`);
EOF
)

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 4. measurements ----------------------------------------------------------------------
# hyperfine NAME RUNS WARMUP COMMAND: mean seconds, from its JSON export.
measure() {
    local name=$1 runs=$2 warmup=$3 cmd=$4
    hyperfine --style basic --ignore-failure --runs "$runs" --warmup "$warmup" \
        --export-json "$RESULTS/$name.json" "$cmd" >&2
    node -e 'console.log(require(process.argv[1]).results[0].mean.toFixed(3))' "$RESULTS/$name.json"
}
# CPU seconds (user + system, mean) of a measurement: steadier than wall time on a busy machine.
cpu_of() {
    node -e 'const r = require(process.argv[1]).results[0]; console.log((r.user + r.system).toFixed(3))' \
        "$RESULTS/$1.json"
}

declare -A BYTES FILES RL RLCPU RG TL TLCPU RSS
for mb in $SIZES; do
    dir="$WORK/corpus-${mb}mb"
    BYTES[$mb]=$(corpus_bytes "$dir")
    FILES[$mb]=$(corpus_files "$dir")
    log "corpus ${mb} MB: ${BYTES[$mb]} bytes in ${FILES[$mb]} files"
    RL[$mb]=$(measure "rolelint-${mb}mb" "$RUNS" 1 "'$BIN' --format json '$dir' > /dev/null")
    RLCPU[$mb]=$(cpu_of "rolelint-${mb}mb")
    RG[$mb]=$(measure "ripgrep-${mb}mb" "$RUNS" 1 "rg -i -c -f '$WORK/patterns.txt' '$dir' > /dev/null")
    RSS[$mb]=$( { /usr/bin/time -v "$BIN" --format json "$dir" >/dev/null || true; } 2>&1 \
        | awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}')
    log "rolelint peak RSS: ${RSS[$mb]} MB"
    if [ "$mb" -le "$TEXTLINT_MAX" ]; then
        # textlint is slow: one run, no warm-up. Its exit status is 1 both when it finds
        # something and when it crashes (it opens every file at once: EMFILE past `ulimit -n`),
        # so its report is kept and checked to cover every file.
        out="$RESULTS/textlint-${mb}mb.out"
        TL[$mb]=$(measure "textlint-${mb}mb" 1 0 \
            "'$TEXTLINT' --config '$WORK/.textlintrc.json' --format json '$dir/**/*.txt' > '$out'")
        TLCPU[$mb]=$(cpu_of "textlint-${mb}mb")
        checked=$(node -e 'const fs = require("fs");
            try { console.log(JSON.parse(fs.readFileSync(process.argv[1], "utf8")).length || 0) }
            catch { console.log(0) }' "$out")
        if [ "$checked" -ne "${FILES[$mb]}" ]; then
            log "textlint checked $checked of ${FILES[$mb]} files on ${mb} MB: not counted"
            unset "TL[$mb]" "TLCPU[$mb]"
        fi
        rm -f "$out"
    fi
done

# textlint throughput (MB/s) on the largest corpus it ran on, used to extrapolate.
TL_REF=""
for mb in $SIZES; do
    [ -n "${TL[$mb]:-}" ] && TL_REF=$mb
done

# --- 5. report ----------------------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
echo
echo "Machine: $(nproc) cores, ${cpu:-unknown CPU}, $mem RAM, $(uname -sr); $(date -u +%Y-%m-%d)"
echo "Load average before / after the measurements: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Versions: $("$BIN" --version), $(rg --version | sed -n 1p), textlint $("$TEXTLINT" --version), $(hyperfine --version)"
echo
echo "| corpus | files | rolelint | rolelint MB/s | rolelint CPU | peak RSS | ripgrep | rolelint/ripgrep | textlint | textlint CPU | textlint MB/s | rolelint speed-up over textlint |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for mb in $SIZES; do
    awk -v mb="$mb" -v bytes="${BYTES[$mb]}" -v files="${FILES[$mb]}" -v rl="${RL[$mb]}" \
        -v rss="${RSS[$mb]}" -v rg="${RG[$mb]}" -v tl="${TL[$mb]:-}" \
        -v rlcpu="${RLCPU[$mb]}" -v tlcpu="${TLCPU[$mb]:-}" \
        -v tlref="${TL[$TL_REF]:-}" -v tlrefbytes="${BYTES[$TL_REF]:-}" 'BEGIN {
        size = bytes / 1e6
        if (tl != "") { tlt = tl; mark = "" }
        else if (tlref != "") { tlt = tlref * bytes / tlrefbytes; mark = "*" }
        else { tlt = "" }
        tlcol = (tlt == "") ? "n/a" : sprintf("%s%.1f s", mark == "*" ? "~" : "", tlt)
        tlmbs = (tlt == "") ? "n/a" : sprintf("%.2f%s", size / tlt, mark)
        speed = (tlt == "") ? "n/a" : sprintf("%.0f×%s", tlt / rl, mark)
        tlcpucol = (tlcpu == "") ? "–" : sprintf("%.1f s", tlcpu)
        printf "| %.1f MB | %d | %.3f s | %.1f | %.1f s | %.0f MB | %.3f s | %.1f× | %s | %s | %s | %s |\n",
            size, files, rl, size / rl, rlcpu, rss, rg, rl / rg, tlcol, tlcpucol, tlmbs, speed
    }'
done
echo
if [ -n "$TL_REF" ]; then
    echo "textlint (with textlint-rule-prh, $(grep -c '^      - ' "$WORK/prh.yml") alias patterns) was run once on corpora up to ${TEXTLINT_MAX} MB;"
    echo "values marked * are extrapolated linearly from its throughput on the ${TL_REF} MB corpus."
fi
echo "Times are wall-clock hyperfine means (rolelint and ripgrep: $RUNS runs after 1 warm-up); CPU is"
echo "user + system seconds over all threads (rolelint uses every core through rayon). rolelint runs"
echo "with --format json to /dev/null; ripgrep: rg -i -c with one alternation of all role aliases."
echo "Raw hyperfine JSON: benches/.work/results/."

# Targets: >= 50x textlint's throughput, within 5x of ripgrep's time, linear scaling
# (MB/s on the largest corpus at least 80 % of that on the 10 MB one), peak RSS < 256 MB.
small=""; large=""
for mb in $SIZES; do large=$mb; done
for mb in $SIZES; do
    [ -z "$small" ] && [ "$mb" -ge 10 ] && [ "$mb" -ne "$large" ] && small=$mb
done
small=${small:-${SIZES%% *}}
tl_large=${TL[$large]:-}
if [ -z "$tl_large" ] && [ -n "$TL_REF" ]; then
    tl_large=$(awk -v t="${TL[$TL_REF]}" -v a="${BYTES[$large]}" -v b="${BYTES[$TL_REF]}" 'BEGIN {print t * a / b}')
fi
echo
awk -v mb="$large" -v rl="${RL[$large]}" -v rg="${RG[$large]}" -v tl="$tl_large" \
    -v rss="${RSS[$large]}" -v bl="${BYTES[$large]}" -v bs="${BYTES[$small]}" \
    -v rls="${RL[$small]}" -v small="$small" 'BEGIN {
    verdict = "missed"
    printf "Targets on the %s MB corpus:\n", mb
    if (tl != "") printf "- throughput >= 50x textlint: %.1fx, %s\n", tl / rl, (tl / rl >= 50) ? "met" : verdict
    printf "- within 5x of ripgrep: %.1fx, %s\n", rl / rg, (rl / rg <= 5) ? "met" : verdict
    s = (bl / rl) / (bs / rls)
    printf "- linear scaling (%s MB -> %s MB): %.0f %% of the MB/s, %s\n", small, mb, 100 * s, (s >= 0.8) ? "met" : verdict
    printf "- peak RSS < 256 MB: %.0f MB, %s\n", rss, (rss < 256) ? "met" : verdict
}'

# Peak memory of every output format (and the claims view) on the largest corpus: the target
# holds for the run, whatever it prints.
echo
echo "Peak RSS on the $large MB corpus by output (one run each, MiB):"
for args in "--format json" "--format pretty" "--format concise" "--format sarif" \
    "--format github" "--format gitlab" "claims --format json" "claims"; do
    # shellcheck disable=SC2086 # the arguments are meant to split
    rss=$( { /usr/bin/time -v "$BIN" $args "$WORK/corpus-${large}mb" >/dev/null || true; } 2>&1 \
        | awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}')
    echo "- rolelint $args: $rss"
done
rss=$( { /usr/bin/time -v "$BIN" --format json --against "$WORK/corpus-${large}mb" "${SRC_FILES[0]}" \
    >/dev/null || true; } 2>&1 | awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}')
echo "- rolelint --format json --against (the corpus as reference, one draft): $rss"

# Scaling with threads: the middle corpus again, with one thread instead of one per core.
echo
one=$(measure "rolelint-${small}mb-jobs1" "$RUNS" 1 "'$BIN' --format json --jobs 1 '$WORK/corpus-${small}mb' > /dev/null")
awk -v one="$one" -v all="${RL[$small]}" -v cores="$(nproc)" -v mb="$small" 'BEGIN {
    printf "Threads on the %s MB corpus: 1 thread %.3f s, %d threads %.3f s: %.2fx faster on %d cores\n",
        mb, one, cores, all, one / all, cores
}'
