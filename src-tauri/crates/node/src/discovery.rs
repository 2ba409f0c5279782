//! Finding devices on the local network with mDNS (no server, no internet): every node
//! advertises its device id, addresses and role (`nastavnik:curator` / `nastavnik:member`).
//! Finding a device is not trusting it: who may receive what is still the share policy's
//! decision, on a connection authenticated by the device's key.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::clock::Clock;
use futures::StreamExt;
use iroh::Endpoint;
use iroh::endpoint_info::UserData;
use iroh_mdns_address_lookup::{DiscoveryEvent, MdnsAddressLookup};
use serde::Serialize;

use crate::error::NodeError;
use crate::net::PeerAddr;

/// The mDNS service name of Наставник.
pub const SERVICE: &str = "nastavnik";

/// How long discovery waits for more devices once it has found some.
pub const SETTLE: Duration = Duration::from_millis(1500);

/// A device seen on the local network.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Nearby {
    /// Device id.
    pub id: String,
    /// "curator" or "member".
    pub role: String,
    /// Its addresses.
    pub addrs: Vec<SocketAddr>,
    /// When last heard of.
    pub seen: DateTime<Utc>,
}

impl Nearby {
    /// The first address to dial.
    pub fn peer(&self) -> Option<PeerAddr> {
        let id = iroh::PublicKey::from_str(&self.id).ok()?;
        self.addrs.first().map(|addr| PeerAddr { id, addr: *addr })
    }
}

/// Discovery running on an endpoint.
#[derive(Clone)]
pub struct Discovery {
    nearby: Arc<Mutex<HashMap<String, Nearby>>>,
}

impl Discovery {
    /// Advertises this endpoint with `role` and starts listening for others.
    pub async fn start(endpoint: &Endpoint, role: &str, clock: Clock) -> Result<Discovery, NodeError> {
        let net = |e: &dyn std::fmt::Display| NodeError::Net(format!("mDNS: {e}"));
        let mdns =
            MdnsAddressLookup::builder().service_name(SERVICE).build(endpoint.id()).map_err(|e| net(&e))?;
        endpoint.address_lookup().map_err(|e| net(&e))?.add(mdns.clone());
        let data = UserData::from_str(&format!("nastavnik:{role}")).map_err(|e| net(&e))?;
        endpoint.set_user_data_for_address_lookup(Some(data));
        let nearby: Arc<Mutex<HashMap<String, Nearby>>> = Arc::default();
        let map = nearby.clone();
        let mut events = mdns.subscribe().await;
        tokio::spawn(async move {
            while let Some(event) = events.next().await {
                let Ok(mut map) = map.lock() else { return };
                match event {
                    DiscoveryEvent::Discovered { endpoint_info, .. } => {
                        let role = endpoint_info
                            .user_data()
                            .and_then(|d| d.as_ref().strip_prefix("nastavnik:").map(str::to_string));
                        let Some(role) = role else { continue };
                        let id = endpoint_info.endpoint_id.to_string();
                        let addrs = endpoint_info.ip_addrs().copied().collect();
                        map.insert(id.clone(), Nearby { id, role, addrs, seen: clock.now() });
                    }
                    DiscoveryEvent::Expired { endpoint_id } => {
                        map.remove(&endpoint_id.to_string());
                    }
                    _ => {}
                }
            }
        });
        Ok(Discovery { nearby })
    }

    /// The devices seen so far.
    pub fn nearby(&self) -> Vec<Nearby> {
        let mut list: Vec<Nearby> =
            self.nearby.lock().map(|m| m.values().cloned().collect()).unwrap_or_default();
        list.sort_by(|a, b| a.id.cmp(&b.id));
        list
    }

    /// Waits up to `wait` for devices matching `wanted`: returns as soon as `expected` of them
    /// are seen, or once some are seen and no other has appeared for [`SETTLE`] (mDNS answers
    /// come within a second; a device that is off would otherwise hold every sync for the
    /// whole window).
    pub async fn find(
        &self,
        wait: Duration,
        expected: usize,
        wanted: impl Fn(&Nearby) -> bool,
    ) -> Vec<Nearby> {
        let start = tokio::time::Instant::now();
        let deadline = start + wait;
        let (mut seen, mut last_new) = (0, start);
        loop {
            let found: Vec<Nearby> = self.nearby().into_iter().filter(|n| wanted(n)).collect();
            let now = tokio::time::Instant::now();
            if found.len() > seen {
                (seen, last_new) = (found.len(), now);
            }
            let settled = !found.is_empty() && now >= last_new + SETTLE;
            if found.len() >= expected || settled || now >= deadline {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(discovery: &Discovery, id: &str) {
        let n = Nearby { id: id.into(), role: "member".into(), addrs: vec![], seen: Utc::now() };
        discovery.nearby.lock().expect("lock").insert(id.into(), n);
    }

    #[tokio::test]
    async fn discovery_ends_when_everyone_is_there_or_nobody_new_comes() {
        let d = Discovery { nearby: Arc::default() };
        // Nobody around: the whole window.
        let start = tokio::time::Instant::now();
        assert!(d.find(Duration::from_millis(300), 2, |_| true).await.is_empty());
        assert!(start.elapsed() >= Duration::from_millis(300));
        let wait = Duration::from_secs(60);
        // Everyone expected is there: before any settling.
        seen(&d, "a");
        seen(&d, "b");
        let start = tokio::time::Instant::now();
        assert_eq!(d.find(wait, 2, |_| true).await.len(), 2);
        assert!(start.elapsed() < SETTLE, "{:?}", start.elapsed());
        // One of three (the others are off): settles instead of waiting out the window.
        let start = tokio::time::Instant::now();
        assert_eq!(d.find(wait, 3, |n| n.id == "a").await.len(), 1);
        assert!(start.elapsed() >= SETTLE && start.elapsed() < wait / 2, "{:?}", start.elapsed());
        // One more appears while waiting: the settling starts again from it.
        let d2 = d.clone();
        let late = tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(700)).await;
            seen(&d2, "c");
        });
        let start = tokio::time::Instant::now();
        assert_eq!(d.find(wait, 9, |_| true).await.len(), 3);
        late.await.expect("joined");
        assert!(start.elapsed() >= Duration::from_millis(700) + SETTLE, "{:?}", start.elapsed());
        assert!(start.elapsed() < wait / 2, "{:?}", start.elapsed());
    }
}
