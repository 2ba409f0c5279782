//! Devices find each other on the local network with mDNS: a new device redeems a code without
//! knowing the curator's address, and mentor and mentee sync with nobody's address typed.
//!
//! mDNS is never tested on the host network: the test re-runs itself inside a private network
//! namespace (`unshare -rn`) whose loopback carries multicast.

#![allow(clippy::unwrap_used)] // a panic is how a test fails

use nastavnik_tests::cli::{Device, field as s};
use nastavnik_tests::namespace::inside;

#[test]
fn devices_find_each_other_on_the_lan() {
    let multicast = "ip link set lo up && ip route add 224.0.0.0/4 dev lo &&";
    if !inside("devices_find_each_other_on_the_lan", "-rn", multicast) {
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
