//! Синхронизация: this device, the devices with access, the last sync per peer, revocation.

use nastavnik_shared::app::commands::{Answer, GetSyncStatus, RevokeDevice, SyncNow};
use std::collections::BTreeMap;

use nastavnik_node::device::Device;
use nastavnik_node::sync_state::SyncState;
use nastavnik_shared::app::{DeviceRow, Network, SyncRow, SyncView};
use tauri::State;

use crate::state::{AppState, Res, app_error, school};

fn short(id: &str) -> String {
    id.chars().take(10).collect()
}

/// What the Синхронизация screen shows.
#[tauri::command]
pub async fn sync_status(state: State<'_, AppState>, call: GetSyncStatus) -> Res<Answer<GetSyncStatus>> {
    let GetSyncStatus {} = call;
    let node = state.node.read().await;
    // Titles of the documents this device knows.
    let mut titles: BTreeMap<String, String> = BTreeMap::new();
    match &node.device {
        Device::Curator { school_doc } => {
            titles.insert(school_doc.clone(), "школа (база и пары)".into());
            let s = school(&node).await?;
            for p in s.pairs_with_docs() {
                let names = |role| s.member_names(p, role).join(", ");
                let title = format!(
                    "{} → {}",
                    names(nastavnik_shared::vocab::MemberRole::Mentor),
                    names(nastavnik_shared::vocab::MemberRole::Mentee)
                );
                titles.insert(p.doc_id.clone(), title);
            }
        }
        Device::Member { pairs, .. } => {
            for (pair, doc) in pairs {
                titles.insert(doc.clone(), format!("пара {pair}"));
            }
        }
        Device::New => {}
    }
    let rows = SyncState::load(&node.dir)
        .report(&node.dir.docs())
        .into_iter()
        .map(|r| SyncRow {
            title: titles.get(&r.sync.doc).cloned().unwrap_or_else(|| short(&r.sync.doc)),
            peer: short(&r.sync.peer),
            last_synced: r
                .sync
                .last_synced
                .with_timezone(&chrono::Local)
                .format("%d.%m.%Y %H:%M")
                .to_string(),
            unsent: r.ours_unsent,
        })
        .collect();
    let roster = nastavnik_node::roster_file::load(&node.dir).unwrap_or_default();
    let mut by_device: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (doc, devices) in &roster {
        for d in devices {
            by_device
                .entry(d.clone())
                .or_default()
                .push(titles.get(doc).cloned().unwrap_or_else(|| short(doc)));
        }
    }
    let network = state.network.lock().map(|n| n.clone()).unwrap_or_default();
    let (online, address) = match &network {
        Network::Listening { address } => (true, address.clone()),
        _ => (false, String::new()),
    };
    let connected =
        if online { node.connected_devices().iter().map(|d| short(d)).collect() } else { Vec::new() };
    let nearby: Vec<nastavnik_node::discovery::Nearby> = std::fs::read(node.dir.root().join("nearby.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let role = |r: &str| match r {
        "curator" => "куратор",
        "member" => "участник",
        _ => "устройство",
    };
    Ok(SyncView {
        nearby: nearby
            .iter()
            .map(|n| {
                let seen = n.seen.with_timezone(&chrono::Local).format("%H:%M").to_string();
                (short(&n.id), role(&n.role).to_string(), seen)
            })
            .collect(),
        device_id: node.identity.device_id(),
        address,
        online,
        network,
        connected,
        rows,
        devices: by_device.into_iter().map(|(device, pairs)| DeviceRow { device, pairs }).collect(),
    })
}

/// Revokes a device's access to every pair (curator): it gets nothing new from anyone.
#[tauri::command]
pub async fn revoke_device(state: State<'_, AppState>, call: RevokeDevice) -> Res<Answer<RevokeDevice>> {
    let RevokeDevice { device } = call;
    let node = state.node.read().await;
    let pairs = nastavnik_node::trust::revoke(&node, &device, state.now()).await.map_err(app_error)?;
    nastavnik_node::server::refresh(&node).await;
    Ok(pairs.len())
}

/// "Синхронизировать сейчас": recompute who may get what and dial the known devices afresh.
#[tauri::command]
pub fn sync_now(state: State<'_, AppState>, call: SyncNow) -> Res<Answer<SyncNow>> {
    let SyncNow {} = call;
    let network = state.network.lock().map(|n| n.clone()).unwrap_or_default();
    match network {
        Network::Listening { .. } => {}
        Network::Failed { reason } => {
            return Err(crate::state::input(format!("сеть не запущена: {reason}")));
        }
        _ => {
            return Err(crate::state::input(
                "устройство не в сети: сначала создайте школу или подключитесь к ней",
            ));
        }
    }
    state.online.kick.notify_one();
    Ok(())
}
