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

    /// Waits up to `wait` for devices matching `wanted`, returning as soon as `enough` match.
    pub async fn find(&self, wait: Duration, enough: usize, wanted: impl Fn(&Nearby) -> bool) -> Vec<Nearby> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let found: Vec<Nearby> = self.nearby().into_iter().filter(|n| wanted(n)).collect();
            if found.len() >= enough || tokio::time::Instant::now() >= deadline {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
