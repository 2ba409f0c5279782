//! Devices find each other on the local network with mDNS: a new device redeems a code without
//! knowing the curator's address, and mentor and mentee sync with nobody's address typed.
//!
//! mDNS is never tested on the host network: the test re-runs itself inside a private network
//! namespace (`unshare -rn`) whose loopback carries multicast.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use std::process::Command;

use nastavnik_tests::cli::{Device, field as s};

const INSIDE: &str = "NASTAVNIK_TEST_IN_NETNS";

#[test]
fn devices_find_each_other_on_the_lan() {
    if std::env::var(INSIDE).is_err() {
        let _ = nastavnik_tests::cli::binary(); // build outside, where cargo may reach its caches
        let exe = std::env::current_exe().unwrap();
        let script = format!(
            "ip link set lo up && ip route add 224.0.0.0/4 dev lo && exec '{}' --exact devices_find_each_other_on_the_lan --nocapture",
            exe.display()
        );
        let status = Command::new("unshare").args(["-rn", "sh", "-c", &script]).env(INSIDE, "1").status();
        let status =
            status.expect("unshare (util-linux) is needed to test mDNS in a private network namespace");
        assert!(status.success(), "the LAN scenario failed inside the network namespace");
        return;
    }

    let curator = Device::new("lan-curator");
    let (mentor, mentee) = (Device::new("lan-mentor"), Device::new("lan-mentee"));
    curator.ok(&["school", "create", "--name", "Школа в локальной сети"]);
    let m = curator.add_teacher("Петрова");
    let e = curator.add_teacher("Смирнов");
    let pair = curator.form_pair(&m, &e);
    curator.ok(&["plan", "add", "--pair", &pair, "--title", "От куратора", "--deadline", "2026-10-01"]);

    let serving = curator.serve_with_mdns();
    for (device, person) in [(&mentor, &m), (&mentee, &e)] {
        let code = s(&curator.ok(&["invite", "create", "--person", person]), "code");
        device.ok(&["invite", "redeem", "--code", &code]); // no address: the curator is found nearby
    }
    mentor.ok(&["sync", "--discover", "5"]); // brings the mentee's grant from the curator
    let nearby = std::fs::read_to_string(curator.dir.join("nearby.json")).unwrap_or_default();
    serving.stop();
    assert!(nearby.contains("member"), "the curator saw no member device nearby: {nearby}");

    let mentee_online = mentee.serve_with_mdns();
    mentor.ok(&["plan", "add", "--pair", &pair, "--title", "От наставника", "--deadline", "2026-11-01"]);
    let report = mentor.ok(&["sync", "--discover", "5"]);
    assert!(report["synced"].as_u64().unwrap() >= 1, "{report}");
    mentee_online.stop();
    let plan = mentee.ok(&["plan", "list", "--pair", &pair]);
    let titles: Vec<&str> = plan.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"От наставника"), "{titles:?}");
}
