//! Driving real `nastavnik-cli` processes, each with its own data folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

/// The `nastavnik-cli` binary, built once per test run (a no-op when it is fresh).
pub fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| build("nastavnik-cli"))
}

/// The one cargo command that builds every binary the tests drive. `scripts/check.sh` runs the same
/// command before `cargo test --workspace`, and it selects what that selects (the whole workspace,
/// with its test targets, so dev-dependencies take part in feature unification): the graph is
/// built once with one feature set, and this call only checks that it is fresh.
pub const BUILD_ARGS: [&str; 7] =
    ["build", "--profile", "test", "--workspace", "--bins", "--tests", "--locked"];

/// Builds the workspace's binaries (a no-op when they are fresh) and returns the path of `bin`.
pub fn build(bin: &str) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // A clean environment: the variables cargo sets for tests would make build scripts
    // rerun and rebuild half the graph.
    let keep =
        ["PATH", "HOME", "CARGO_HOME", "RUSTUP_HOME", "RUSTUP_TOOLCHAIN", "CARGO_TARGET_DIR", "TMPDIR"];
    let status = Command::new(cargo)
        .env_clear()
        .envs(std::env::vars().filter(|(k, _)| keep.contains(&k.as_str())))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(BUILD_ARGS)
        .arg("--quiet")
        .status()
        .expect("cargo runs");
    assert!(status.success(), "building {bin} failed");
    let exe = std::env::current_exe().expect("test binary path");
    // target/debug/deps/<test> → target/debug/<bin>
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    dir.join(format!("{bin}{}", std::env::consts::EXE_SUFFIX))
}

/// One device: a data folder and the CLI pointed at it. The folder is removed on drop.
pub struct Device {
    /// The data folder.
    pub dir: PathBuf,
}

/// What a finished command gave.
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Parsed JSON output (`Value::Null` if there was none).
    pub json: Value,
    /// Standard error.
    pub stderr: String,
}

/// A string field of a JSON answer (panics with the answer if it is missing).
pub fn field(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_else(|| panic!("no {key} in {v}")).to_string()
}

impl Device {
    /// Adds a teacher to the bank (curator device); returns the person id.
    pub fn add_teacher(&self, name: &str) -> String {
        field(&self.ok(&["person", "add", "--name", name, "--category", "teacher"]), "id")
    }

    /// Joins this (new) device to the school as `person`: the curator's device creates an invite,
    /// this one redeems it at the curator's `serve` (`addr`); returns the redeem answer.
    pub fn join(&self, curator: &Device, person: &str, addr: &str) -> Value {
        let code = field(&curator.ok(&["invite", "create", "--person", person]), "code");
        self.ok(&["invite", "redeem", "--code", &code, "--peer", addr])
    }

    /// Forms a nine-month pair from 1 September 2026 (curator device); returns the pair id.
    pub fn form_pair(&self, mentor: &str, mentee: &str) -> String {
        field(
            &self.ok(&[
                "pair",
                "create",
                "--mentor",
                mentor,
                "--mentee",
                mentee,
                "--start",
                "2026-09-01",
                "--months",
                "9",
            ]),
            "pair",
        )
    }

    /// Adds a mentor and a mentee with their consents of 1 September 2026, forms their pair and
    /// starts its work (curator device); returns the mentor's, the mentee's and the pair's ids.
    pub fn working_pair(&self, mentor: &str, mentee: &str) -> (String, String, String) {
        let (m, e) = (self.add_teacher(mentor), self.add_teacher(mentee));
        for (p, n) in [(&m, mentor), (&e, mentee)] {
            self.ok(&[
                "consent",
                "--person",
                p,
                "--giver",
                "participant",
                "--signed-by",
                n,
                "--date",
                "2026-09-01",
            ]);
        }
        let pair = self.form_pair(&m, &e);
        self.ok(&["--today", "2026-09-01", "pair", "status", "--pair", &pair, "--status", "active"]);
        (m, e, pair)
    }

    /// A fresh device named for the test.
    pub fn new(name: &str) -> Device {
        let dir = std::env::temp_dir().join(format!("nastavnik-{name}-{}-{}", std::process::id(), unique()));
        let _ = std::fs::remove_dir_all(&dir);
        Device { dir }
    }

    /// A `Command` for this device (with `--data-dir` and `--json`).
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(binary());
        cmd.arg("--data-dir").arg(&self.dir).arg("--json").args(args);
        cmd
    }

    /// Runs a command and waits for it.
    pub fn run(&self, args: &[&str]) -> Run {
        let out: Output = self.command(args).output().expect("nastavnik-cli starts");
        let text = String::from_utf8_lossy(&out.stdout);
        Run {
            code: out.status.code().unwrap_or(-1),
            json: serde_json::from_str(text.trim()).unwrap_or(Value::Null),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs a command that must succeed; returns its JSON.
    pub fn ok(&self, args: &[&str]) -> Value {
        let run = self.run(args);
        assert_eq!(run.code, 0, "nastavnik-cli {args:?} failed: {}", run.stderr);
        run.json
    }
}

impl Drop for Device {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// A `nastavnik-cli serve` process; stopped (SIGTERM, then waited for) on drop.
pub struct Serving {
    child: std::process::Child,
    /// Its address: `<device id>@<ip:port>`.
    pub addr: String,
}

impl Device {
    /// Starts `serve` on a loopback port, without mDNS (tests on the host network must not
    /// multicast), and waits until it is reachable.
    pub fn serve(&self) -> Serving {
        self.serve_with(&["--no-mdns"])
    }

    /// Starts `serve` with mDNS discovery (only inside a private network namespace).
    pub fn serve_with_mdns(&self) -> Serving {
        self.serve_with(&[])
    }

    /// Starts `serve` on a loopback port with extra arguments (`--no-mdns` among them on the host network).
    pub fn serve_with(&self, extra: &[&str]) -> Serving {
        self.serve_within(extra, std::time::Duration::from_secs(5))
    }

    /// Starts `serve` with extra arguments and waits up to `limit` for it to listen (a big
    /// school's folder takes longer to open).
    pub fn serve_within(&self, extra: &[&str], limit: std::time::Duration) -> Serving {
        let addr_file = self.dir.join(format!("serve-{}.addr", unique()));
        let mut args =
            vec!["serve", "--listen", "127.0.0.1:0", "--addr-file", addr_file.to_str().expect("utf-8 path")];
        args.extend_from_slice(extra);
        let child = self
            .command(&args)
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(self.dir.join("serve.log")).expect("log file"))
            .env("RUST_LOG", "warn")
            .spawn()
            .expect("serve starts");
        let started = std::time::Instant::now();
        while started.elapsed() < limit {
            if let Ok(addr) = std::fs::read_to_string(&addr_file) {
                return Serving { child, addr: addr.trim().to_string() };
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        let mut serving = Serving { child, addr: String::new() };
        serving.terminate();
        panic!("serve did not start in {limit:?}");
    }
}

impl Serving {
    /// What the process has logged so far (its standard error).
    pub fn log(&self, dir: &Path) -> String {
        std::fs::read_to_string(dir.join("serve.log")).unwrap_or_default()
    }

    /// Stops the process gracefully and waits for it.
    pub fn stop(mut self) {
        self.terminate();
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Kills the process (SIGKILL: no clean-up of any kind) and waits for it.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn terminate(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .stderr(std::process::Stdio::null())
            .status();
        for _ in 0..100 {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        self.terminate();
    }
}
