#!/usr/bin/env bash
# The dependency direction of docs/architecture.md: frontend → shared ← core ← node ← src-tauri.
# shared: no automerge/tokio/tauri/yew. core: no tokio/tauri/yew/IO crates, no clock, no fs.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0

deps() { cargo tree -p "$1" -e normal --prefix none --locked | sed 's/ .*//' | sort -u; }

forbid() { # crate, forbidden dependency names...
  local crate=$1; shift
  local found
  found=$(deps "$crate" | grep -xE "$(IFS='|'; echo "$*")" || true)
  if [ -n "$found" ]; then
    echo "FAIL: $crate depends on: $found"; fail=1
  else
    echo "ok: $crate has none of: $*"
  fi
}

forbid nastavnik-shared automerge autosurgeon tokio tauri yew samod iroh
# (automerge itself pulls rand for random actor ids; the core never calls it directly.)
forbid nastavnik-core tokio tauri yew web-sys samod iroh
forbid nastavnik-node tauri yew web-sys
forbid nastavnik-paperwork tokio tauri yew samod iroh
# (yew itself pulls tokio when built natively, for its tests; the UI never uses it.)
forbid nastavnik-frontend automerge autosurgeon tauri samod iroh nastavnik-core nastavnik-node

# The core takes time and randomness from outside and never touches the file system.
if grep -rnE 'std::fs|std::net|SystemTime|Utc::now|Local::now|thread_rng|rand::' src-tauri/crates/core/src; then
  echo "FAIL: nastavnik-core must not do IO or read the clock"; fail=1
else
  echo "ok: nastavnik-core reads no clock and does no IO"
fi
exit $fail
