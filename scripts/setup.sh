#!/usr/bin/env bash
# Installs what building and testing Наставник needs, skipping what is already there:
# Debian packages (WebKitGTK for the window, Xvfb and WebKitWebDriver for the E2E tests),
# rustfmt/clippy, the wasm32 target. Usage: ./scripts/setup.sh
set -euo pipefail
command -v cargo >/dev/null || { echo "нужен Rust (rustup, cargo): https://rustup.rs" >&2; exit 1; }

packages=(libwebkit2gtk-4.1-dev build-essential pkg-config libxdo-dev libssl-dev libayatana-appindicator3-dev
          librsvg2-dev file xvfb xauth webkit2gtk-driver dbus-x11 at-spi2-core locales)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "Устанавливаю пакеты Debian: ${missing[*]}"
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The window's E2E tests run under a Russian locale, as a school's computer does (dates in the
# date fields as ДД.ММ.ГГГГ).
if ! locale -a 2>/dev/null | grep -qix 'ru_RU.utf8'; then
    echo "Создаю русскую локаль ru_RU.UTF-8"
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd localedef -i ru_RU -f UTF-8 ru_RU.UTF-8
fi

if command -v rustup >/dev/null; then
    for component in rustfmt clippy; do
        rustup component list --installed | grep -q "^$component" || rustup component add "$component"
    done
    rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
fi

# The E2E tests drive the real window through tauri-driver (in front of WebKitWebDriver).
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if ! tauri-driver --help >/dev/null 2>&1; then
    echo "Устанавливаю tauri-driver (пара минут, один раз)…"
    cargo install -q tauri-driver --version "^2" --locked
fi
