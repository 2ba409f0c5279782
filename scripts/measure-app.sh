#!/usr/bin/env bash
# Builds the release app and measures, on the demo school under Xvfb: time from start to the
# first screen with data (the overview), the memory then (app + WebKit processes), and the size
# of the release binary. Usage: ./scripts/measure-app.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
scripts/setup.sh
scripts/build-frontend.sh
cargo build --locked -q --release -p nastavnik
bin=target/release/nastavnik
echo "Размер release-бинарника: $(du -h "$bin" | cut -f1) ($(stat -c %s "$bin") байт)"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
# The first start stores the demo school; the measured starts open it (as a user's second day).
NASTAVNIK_EXIT_AFTER_FIRST_PAINT=1 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    "$bin" --data-dir "$data" --demo --no-mdns > /dev/null 2>&1
for i in $(seq "$runs"); do
    NASTAVNIK_EXIT_AFTER_FIRST_PAINT=1 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
        "$bin" --data-dir "$data" --no-mdns 2>/dev/null | grep "первый кадр"
done
