//! Tests that need a private Linux namespace (a network with multicast on loopback, a mount of
//! their own) re-run themselves inside one with `unshare`: no root needed, nothing changed
//! outside.

use std::process::Command;

const INSIDE: &str = "NASTAVNIK_TEST_INSIDE";

/// Re-runs test `name` of this test binary inside `unshare <flags>`, after the shell commands
/// `setup` (each ending in `&&`); true when this is the run inside, false after the run outside
/// (which fails the test if the inside run failed).
pub fn inside(name: &str, flags: &str, setup: &str) -> bool {
    if std::env::var(INSIDE).is_ok() {
        return true;
    }
    let _ = crate::cli::binary(); // built outside, where cargo may reach its caches
    let exe = std::env::current_exe().expect("test binary path");
    let script = format!("{setup} exec '{}' --exact {name} --include-ignored --nocapture", exe.display());
    let status = Command::new("unshare")
        .args([flags, "sh", "-c", &script])
        .env(INSIDE, "1")
        .status()
        .expect("unshare (util-linux) is needed for a private namespace");
    assert!(status.success(), "{name} failed inside the namespace (unshare {flags})");
    false
}
