#!/usr/bin/env bash
# Renders every document Наставник generates to PDF (and page images) with LibreOffice, so
# a person can look at them: builds nastavnik-cli, stores the demo school in a temporary
# folder, exports the .docx/.xlsx documents and converts them.
# Usage: ./scripts/render-paperwork.sh [OUT_DIR]   (default: ./paperwork-preview)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-paperwork-preview}")"

need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if ((${#need[@]})); then
    echo "Устанавливаю: ${need[*]}"
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

cargo build --locked -q -p nastavnik-node --bin nastavnik-cli
cli="target/debug/nastavnik-cli"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
mkdir -p "$out"
run() { "$cli" --data-dir "$data" "$@" >/dev/null; }
run demo
run export --kind report --out "$out/итоговый-отчёт.docx"
run export --kind programme --pair pair-1 --out "$out/программа-pair-1.docx"
run export --kind journal --pair pair-1 --out "$out/журнал-pair-1.docx"
run export --kind order --number 45-о --out "$out/приказ-45-о.docx"
run export --kind monitoring --out "$out/мониторинг.xlsx"
run export --kind mentors --out "$out/база-наставников.xlsx"
run export --kind mentees --out "$out/база-наставляемых.xlsx"

# LibreOffice needs a writable profile; a throwaway one keeps the user's untouched.
profile="$(mktemp -d)"
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$out"/*.docx "$out"/*.xlsx >/dev/null 2>&1
rm -rf "$profile"
for pdf in "$out"/*.pdf; do
    pdftoppm -r 60 -png "$pdf" "${pdf%.pdf}"
done
echo "Готово: $out"
ls -1 "$out"
