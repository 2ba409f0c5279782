#!/usr/bin/env bash
# Builds the yew UI into frontend/dist (what the app window loads): cargo for wasm32, then
# wasm-bindgen. Installs the wasm32 target and wasm-bindgen-cli (the exact version Cargo.lock
# uses) when they are missing. No trunk, no npm.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [ "$have" != "$want" ]; then
    echo "Устанавливаю wasm-bindgen-cli $want (несколько минут, один раз)…"
    cargo install -q wasm-bindgen-cli --version "$want"   # its own lockfile cannot be used offline-locked
fi

cargo build --locked -q -p nastavnik-frontend --bin nastavnik-frontend --target wasm32-unknown-unknown --profile wasm
dist=frontend/dist
rm -rf "$dist"
mkdir -p "$dist"
wasm-bindgen --target web --no-typescript --out-name app --out-dir "$dist" \
    target/wasm32-unknown-unknown/wasm/nastavnik-frontend.wasm
cp frontend/static/* "$dist/"
