#!/usr/bin/env bash
# Builds and starts Наставник on a demo school (until the desktop app exists: the headless
# nastavnik-cli). The first run creates the demo school in ./demo-data as the curator's device —
# the seeds' plan «Учитель-учитель» in a working pair, a second teacher pair, a student group, a
# pair still forming — and prints the school overview; later runs print the overview again.
# Explore further with: cargo run -q -p nastavnik-node --bin nastavnik-cli -- --data-dir demo-data <command>
# (pair list, plan list --pair pair-1, meeting list --pair pair-1, roadmap list, status, --help).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || { echo "нужен Rust (rustup, cargo): https://rustup.rs" >&2; exit 1; }
cargo build --quiet --locked -p nastavnik-node --bin nastavnik-cli
cli=(target/debug/nastavnik-cli --data-dir "${DEMO_DATA:-demo-data}")
if [ -f "${DEMO_DATA:-demo-data}/device.json" ]; then
  exec "${cli[@]}" "$@" overview
fi
exec "${cli[@]}" "$@" demo
