#!/usr/bin/env bash
# Starts the real app under Xvfb on the demo school and saves screenshots of the main screens
# into docs/screenshots/ (the README shows some of them).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-frontend.sh
cargo test --locked -q -p nastavnik-tests --test app_screenshots -- --ignored
ls -1 docs/screenshots
