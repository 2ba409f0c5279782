#!/usr/bin/env bash
# Builds and runs the demo of Наставник: a sample school (the seeds' plan «Учитель-учитель»,
# a student group, a pair still forming) saved as automerge documents in ./demo-data (or
# the folder given with --data-dir), loaded back from disk, and its overview printed.
# Usage: ./scripts/demo.sh [--data-dir DIR] [--today YYYY-MM-DD]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || { echo "нужен Rust (rustup, cargo): https://rustup.rs" >&2; exit 1; }
exec cargo run --quiet --locked -p nastavnik-tests --bin nastavnik-demo -- "$@"
