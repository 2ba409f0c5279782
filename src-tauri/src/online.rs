//! The background: the node online while the window is open, and changes of the documents on
//! screen (typed locally or synced in from another device) sent to the UI as `doc-changed`.

use std::sync::atomic::Ordering;

use futures::StreamExt;
use nastavnik_node::Node;
use nastavnik_node::device::Device;
use nastavnik_shared::app::{DOC_CHANGED, Network};
use tauri::{Emitter, Manager};

use crate::state::AppState;

/// Starts the network once the device belongs to a school (no-op if already running).
pub fn start(state: &AppState) {
    if state.started.swap(true, Ordering::SeqCst) {
        return;
    }
    let (node, opts, app) = (state.node.clone(), state.online.clone(), state.app.clone());
    tauri::async_runtime::spawn(async move {
        let node = node.read_owned().await;
        if node.device == Device::New {
            // Not yet: creating the school or joining one calls `start` again.
            app.state::<AppState>().started.store(false, Ordering::SeqCst);
            return;
        }
        if let Device::Curator { school_doc } = &node.device {
            watch(&app, &node, school_doc).await;
        }
        if let Device::Member { pairs, .. } = &node.device {
            for (_, doc) in pairs {
                watch(&app, &node, doc).await;
            }
        }
        let state = app.state::<AppState>();
        let set = |n: Network| {
            if let Ok(mut net) = state.network.lock() {
                *net = n;
            }
        };
        set(Network::Starting);
        let stop = std::future::pending::<()>();
        let on_address = |me: &nastavnik_node::net::PeerAddr| {
            tracing::info!("в сети: {me}");
            set(Network::Listening { address: me.to_string() });
        };
        match nastavnik_node::online::run(&node, opts, on_address, stop).await {
            Ok(_) => set(Network::Off),
            Err(e) => {
                tracing::error!("сеть не запущена: {e}");
                set(Network::Failed { reason: e.to_string() });
            }
        }
    });
}

/// Sends an event to the UI whenever document `doc` changes (once per document).
pub async fn watch(app: &tauri::AppHandle, node: &Node, doc: &str) {
    let state = app.state::<AppState>();
    let fresh = state.watched.lock().map(|mut w| w.insert(doc.to_string())).unwrap_or(false);
    if !fresh {
        return;
    }
    let Ok(handle) = node.handle(doc).await else { return };
    let (app, doc) = (app.clone(), doc.to_string());
    tauri::async_runtime::spawn(async move {
        let mut changes = Box::pin(handle.changes());
        while changes.next().await.is_some() {
            let _ = app.emit(DOC_CHANGED, &doc);
            app.state::<AppState>().reminders.notify_one();
        }
    });
}
