#!/usr/bin/env bash
# Fuzzing (cargo-fuzz: libFuzzer + AddressSanitizer, nightly Rust) of what Наставник reads from
# others: saved and received documents, automerge sync messages, the node's network messages,
# imported tables. The targets'
# bodies are `fuzz/src/lib.rs`; `tests/tests/fuzz_regressions.rs` replays seeds and saved crashers.
#
#   scripts/fuzz.sh            # every target for 30 s (the short run of scripts/check.sh)
#   scripts/fuzz.sh 3600       # an hour per target; the figures are in the output
#   scripts/fuzz.sh 600 sync_message   # chosen targets
#
# A crash is copied into fuzz/regressions/<target>/ (commit it with the fix) and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-30}"

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked --version 0.13.2
fi
if ! rustup toolchain list | grep -q '^nightly'; then
  if ! rustup toolchain install nightly --profile minimal; then
    # The stable suite still replays every seed and saved crasher (tests/tests/fuzz_regressions.rs).
    echo "fuzz: skipped — no nightly toolchain here and none could be installed"
    exit 0
  fi
fi

# Name targets after the seconds to run only those: scripts/fuzz.sh 600 sync_message
if [ "$#" -gt 1 ]; then
  targets=("${@:2}")
else
  targets=(doc_load doc_shapes sync_message import_table node_message)
fi
cargo +nightly fuzz build --features libfuzzer 2>&1 | tail -n 3
status=0
for t in "${targets[@]}"; do
  corpus="target/fuzz-corpus/$t"
  mkdir -p "$corpus" "fuzz/artifacts/$t"
  cp -n fuzz/seeds/"$t"/* "$corpus"/ 2>/dev/null || true
  echo "== $t: ${secs} s"
  # A short run (the test command's) starts from a fixed random seed, so it walks the same first
  # mutations on every machine: it guards the seeds' neighbourhood and does not turn red at random on
  # an open finding (fuzz/findings/) that only long runs reach. Long runs pick a new seed each time.
  seed=()
  if [ "$secs" -le 60 ]; then seed=(-seed=1); fi
  if ! cargo +nightly fuzz run --features libfuzzer "$t" "$corpus" -- "${seed[@]}" \
      -max_total_time="$secs" -print_final_stats=1 -close_fd_mask=3 2>"target/fuzz-$t.log"; then
    status=1
    mkdir -p "fuzz/regressions/$t"
    cp fuzz/artifacts/"$t"/* "fuzz/regressions/$t/" 2>/dev/null || true
    tail -n 40 "target/fuzz-$t.log"
    echo "fuzz: $t crashed — the input is in fuzz/regressions/$t/"
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "target/fuzz-$t.log" | sed "s/^/  $t /" || true
done
exit "$status"
