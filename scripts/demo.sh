#!/usr/bin/env bash
# Sets up, builds and starts Наставник on a demo school: the desktop app with its data in
# ./demo-data (override with DEMO_DATA=…). The first start stores the demo school there as the
# curator's device — the seeds' plan «Учитель-учитель» in a working pair, a second teacher pair, a
# student group, a pair still forming. Without a display (no DISPLAY/WAYLAND_DISPLAY) it prints
# the school overview with nastavnik-cli instead.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${DEMO_DATA:-demo-data}"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "Нет дисплея: показываю обзор демонстрационной школы в терминале." >&2
    cargo build --quiet --locked -p nastavnik-node --bin nastavnik-cli
    cli=(target/debug/nastavnik-cli --data-dir "$data")
    if [ -f "$data/device.json" ]; then exec "${cli[@]}" "$@" overview; fi
    exec "${cli[@]}" "$@" demo
fi
scripts/setup.sh
scripts/build-frontend.sh
cargo build --quiet --locked -p nastavnik
exec target/debug/nastavnik --data-dir "$data" --demo "$@"
