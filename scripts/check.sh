#!/usr/bin/env bash
# Sets up what the checks need (skipping what is installed) and runs every check CI runs:
# the frontend build, formatting, clippy with warnings as errors, all tests (the app's E2E tests
# under Xvfb among them), the wasm32 build of nastavnik-shared, the layering check, and a short
# fuzzing run of every fuzz target (scripts/fuzz.sh). Usage: ./scripts/check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "setup"
scripts/setup.sh
step "frontend (yew → wasm → frontend/dist, which the app embeds)"
scripts/build-frontend.sh

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "layering"
scripts/layering.sh

step "wasm32 build of nastavnik-shared"
cargo build -p nastavnik-shared --target wasm32-unknown-unknown --locked

step "build (every binary and test, once, with the workspace's features)"
# The same command as nastavnik_tests::cli::BUILD_ARGS: the tests that drive nastavnik-cli and the
# app window then find them fresh instead of building the graph a second time.
cargo build --profile test --workspace --bins --tests --locked

step "tests"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --workspace --locked 2>&1 | tee "$log"
# One closing line over all test binaries (cargo prints one per binary, the last often a doc-test run of 0).
awk '/^test result:/ { p += $4; f += $6; i += $8 } END { printf "\ntests: %d passed, %d failed, %d skipped\n", p, f, i }' "$log"

step "fuzz (cargo-fuzz, nightly): every target for a short time"
scripts/fuzz.sh 15
