//! Desktop notifications of a member's reminders (the Tauri notification plugin): the reminders
//! of «Мои напоминания» (`nastavnik_node::attention::for_device`) are looked at when the app
//! starts, after a watched document changes (typed here or synced in) and every ten minutes (a
//! new day brings overdue items); each one not shown before is shown once
//! (`nastavnik_node::notified`). The curator's list stays on Обзор: no notifications there.
//!
//! `NASTAVNIK_NOTIFY_LOG=FILE` also appends each notification, a line of title and text, to FILE:
//! the E2E tests read it, as there is no notification daemon on their private display.

use std::io::Write;
use std::time::Duration;

use nastavnik_node::device::Device;
use nastavnik_node::notified::Notified;
use nastavnik_shared::report::AttentionItem;
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;

use crate::state::AppState;

const TITLE: &str = "Наставник: напоминание";

/// Starts looking at the reminders in the background.
pub fn start(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        loop {
            look(&app).await;
            let state = app.state::<AppState>();
            tokio::select! {
                () = state.reminders.notified() => {}
                () = tokio::time::sleep(Duration::from_secs(600)) => {}
            }
            // A sync brings changes in bursts: one look after them.
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

async fn look(app: &AppHandle) {
    let state = app.state::<AppState>();
    let node = state.node.read().await;
    if !matches!(node.device, Device::Member { .. }) {
        return;
    }
    let items = match nastavnik_node::attention::for_device(&node, state.today()).await {
        Ok(items) => items,
        Err(e) => return tracing::warn!("напоминания не прочитаны: {e}"),
    };
    match Notified::load(&node.dir).fresh(&items) {
        Ok(fresh) => fresh.iter().for_each(|item| show(app, item)),
        Err(e) => tracing::warn!("показанные напоминания не записаны: {e}"),
    }
}

fn show(app: &AppHandle, item: &AttentionItem) {
    let body = format!("{}: {}", item.pair_title, item.text);
    if let Some(log) = std::env::var_os("NASTAVNIK_NOTIFY_LOG") {
        let line = format!("{TITLE}\t{body}\n");
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .and_then(|mut f| f.write_all(line.as_bytes()));
        if let Err(e) = written {
            tracing::warn!("журнал уведомлений не записан: {e}");
        }
    }
    if let Err(e) = app.notification().builder().title(TITLE).body(&body).show() {
        tracing::warn!("уведомление не показано: {e}");
    }
}
