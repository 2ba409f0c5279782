//! Driving the real app window: `nastavnik` started by tauri-driver (in front of WebKitWebDriver)
//! on a private X display (xvfb-run) with its own D-Bus session, one data folder per window.
//! Helpers wait for what a person would wait for (an element, a text) up to [`WAIT`].

#![allow(dead_code)] // each test file uses its part

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// How long to wait for the window to show something.
pub const WAIT: Duration = Duration::from_secs(30);

/// One app window.
pub struct Window {
    /// The WebDriver session.
    pub client: Client,
    driver: Child,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// The app binary, built if needed, after checking the frontend it embeds was built.
pub fn app_binary() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../frontend/dist/app_bg.wasm");
    assert!(
        dist.exists(),
        "frontend/dist is not built: run scripts/build-frontend.sh (scripts/check.sh does)"
    );
    nastavnik_tests::cli::build("nastavnik")
}

impl Window {
    /// Starts the app on `data_dir` with the extra `NASTAVNIK_*` settings in `env`.
    pub async fn open(data_dir: &Path, env: &[(&str, String)]) -> Window {
        let app = app_binary();
        let (port, native) = (free_port(), free_port());
        let cargo_bin = std::env::var("CARGO_HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"))
            .join("bin");
        let path = format!("{}:{}", cargo_bin.display(), std::env::var("PATH").unwrap_or_default());
        let driver = Command::new("xvfb-run")
            .args(["-a", "-s", "-screen 0 1280x800x24", "dbus-run-session", "--", "tauri-driver"])
            .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .env("PATH", path)
            .env("NASTAVNIK_DATA_DIR", data_dir)
            .env("NASTAVNIK_TODAY", "2026-11-22")
            // A Russian desktop, as at school: date fields read ДД.ММ.ГГГГ (scripts/setup.sh makes the locale).
            .env("LANG", "ru_RU.UTF-8")
            .env("LC_ALL", "ru_RU.UTF-8")
            .env("NASTAVNIK_NO_MDNS", "1")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("xvfb-run and tauri-driver are installed (scripts/setup.sh)");
        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), json!({ "application": app }));
        let started = Instant::now();
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if started.elapsed() < WAIT => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
                Err(e) => panic!("no WebDriver session with the app: {e}"),
            }
        };
        Window { client, driver }
    }

    /// The first element matching `css`, waiting for it.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        let started = Instant::now();
        loop {
            if let Ok(e) = self.client.find(Locator::Css(css)).await {
                return e;
            }
            assert!(started.elapsed() < WAIT, "no «{css}» on screen:\n{}", self.text().await);
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// The whole page's text.
    pub async fn text(&self) -> String {
        match self.client.find(Locator::Css("body")).await {
            Ok(b) => b.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Waits until the text of the first `css` element satisfies `ok`; returns it.
    pub async fn wait_for(&self, css: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            if let Ok(e) = self.client.find(Locator::Css(css)).await
                && let Ok(t) = e.text().await
                && ok(&t)
            {
                return t;
            }
            assert!(
                started.elapsed() < WAIT,
                "«{css}» never became {what}; the page:\n{}",
                self.text().await
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Waits until the page shows `text` somewhere.
    pub async fn wait_text(&self, text: &str) {
        let started = Instant::now();
        while !self.text().await.contains(text) {
            assert!(started.elapsed() < WAIT, "«{text}» never appeared; the page:\n{}", self.text().await);
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// A property of the first `css` element (`value`, `checked`…), as text.
    pub async fn prop(&self, css: &str, name: &str) -> Option<String> {
        self.find(css).await.prop(name).await.unwrap_or_else(|e| panic!("reading {name} of «{css}»: {e}"))
    }

    /// Waits until the `value` of the first `css` element satisfies `ok`; returns it.
    pub async fn wait_value(&self, css: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            if let Ok(e) = self.client.find(Locator::Css(css)).await
                && let Ok(Some(v)) = e.prop("value").await
                && ok(&v)
            {
                return v;
            }
            assert!(started.elapsed() < WAIT, "the value of «{css}» never became {what}");
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Asserts that nothing on screen matches `css` (what must not be offered).
    pub async fn absent(&self, css: &str) {
        assert!(self.client.find(Locator::Css(css)).await.is_err(), "«{css}» is on screen");
    }

    /// Clicks the first `css` element.
    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.unwrap_or_else(|e| panic!("clicking «{css}»: {e}"));
    }

    /// Types `value` into the input `css` (replacing what is there).
    pub async fn fill(&self, css: &str, value: &str) {
        let field = self.find(css).await;
        field.clear().await.unwrap_or_else(|e| panic!("clearing «{css}»: {e}"));
        field.send_keys(value).await.unwrap_or_else(|e| panic!("typing into «{css}»: {e}"));
    }

    /// Sets a date input or a select to `value` as a person's pick would (input and change events).
    pub async fn set(&self, css: &str, value: &str) {
        self.find(css).await;
        let script = "const e = document.querySelector(arguments[0]); e.value = arguments[1];
                      e.dispatchEvent(new Event('input', {bubbles: true}));
                      e.dispatchEvent(new Event('change', {bubbles: true}));";
        self.client
            .execute(script, vec![json!(css), json!(value)])
            .await
            .unwrap_or_else(|e| panic!("setting «{css}»: {e}"));
    }

    /// Picks the option whose text contains `text` in the select `css`.
    pub async fn choose(&self, css: &str, text: &str) {
        self.find(css).await;
        let script = "const s = document.querySelector(arguments[0]);
                      const o = [...s.options].find(o => o.text.includes(arguments[1]));
                      if (!o) return false;
                      s.value = o.value; s.dispatchEvent(new Event('change', {bubbles: true})); return true;";
        let picked = self.client.execute(script, vec![json!(css), json!(text)]).await.expect("script runs");
        assert_eq!(picked, json!(true), "no option «{text}» in «{css}»");
    }

    /// Saves a screenshot of the window.
    pub async fn screenshot(&self, path: &Path) {
        let png = self.client.screenshot().await.expect("a screenshot");
        std::fs::write(path, png).expect("screenshot written");
    }

    /// Ends the session and stops the app, the driver and the display.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        signal_group("TERM", self.driver.id());
        let _ = self.driver.wait();
    }
}

impl Drop for Window {
    fn drop(&mut self) {
        // A failed test still stops what it started.
        signal_group("KILL", self.driver.id());
    }
}

/// Signals every process of the process group `pgid` (xvfb-run, Xvfb, D-Bus, tauri-driver,
/// WebKitWebDriver and the app). Not with `kill -SIG -PGID`: Debian 12's procps-ng 4.0.2 `kill`
/// turned that into kill(-1, SIG) — every process of the machine — which we measured the hard way.
fn signal_group(signal: &str, pgid: u32) {
    let _ = Command::new("pkill").args([&format!("-{signal}"), "-g", &pgid.to_string()]).status();
}
