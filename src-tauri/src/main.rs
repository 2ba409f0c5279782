//! # nastavnik — the desktop app
//!
//! A Tauri v2 window around the same node as `nastavnik-cli` (same data folder layout): the
//! node runs in the background while the window is open (listening, mDNS, sync), and the yew UI
//! of `frontend/` calls the thin commands of [`commands`] with the typed DTOs of
//! `nastavnik_shared::app`. A document that changes — typed here or synced in — is announced to
//! the UI as a `doc-changed` event, so a remote edit appears without a reload. On a member's
//! device, each new reminder («подтвердите встречу от …») is also shown once as a desktop
//! notification ([`notify`]).
//!
//! ```text
//! nastavnik [--data-dir DIR] [--demo] [--today YYYY-MM-DD] [--listen IP:PORT] [--peer ID@IP:PORT]… [--no-mdns]
//! ```
//! The same settings come from `NASTAVNIK_DATA_DIR`, `NASTAVNIK_DEMO=1`, `NASTAVNIK_TODAY`,
//! `NASTAVNIK_LISTEN`, `NASTAVNIK_PEERS` (comma-separated) and `NASTAVNIK_NO_MDNS=1` (the E2E
//! tests start the app through tauri-driver and set these). `--demo` stores the demo school on
//! a new device.

mod commands;
mod drafts;
mod notify;
mod online;
mod options;
mod state;

use std::sync::Arc;

use nastavnik_node::paths::DataDir;
use nastavnik_node::{Node, lock};
use tauri::Manager;

fn main() {
    commands::startup::STARTED.get_or_init(std::time::Instant::now);
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let opts = match options::Options::from_env_and_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("ошибка: {e}");
            std::process::exit(2);
        }
    };
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .setup(move |app| {
            let dir = DataDir::open(opts.data_dir.clone())?;
            // The window is the only writer of its folder while it is open, like `serve`.
            let guard = lock::acquire(&dir, lock::Use::Serve)?;
            let clock = nastavnik_node::clock::Clock::from_today(opts.today);
            let mut node = tauri::async_runtime::block_on(Node::open(dir, clock))?;
            if opts.demo && node.device == nastavnik_node::device::Device::New {
                let now = clock.now();
                tauri::async_runtime::block_on(nastavnik_node::curator::store_demo(&mut node, now))?;
            }
            // Typing a window closed (or was killed) before it was saved: into the documents now.
            let drafts = drafts::Drafts::open(node.dir.root());
            tauri::async_runtime::block_on(drafts.apply(&node, clock.now()));
            let state = state::AppState {
                drafts,
                node: Arc::new(tokio::sync::RwLock::new(node)),
                clock,
                online: opts.online.clone(),
                started: Default::default(),
                network: Default::default(),
                watched: Default::default(),
                app: app.handle().clone(),
                reminders: Default::default(),
            };
            app.manage(state);
            app.manage(guard);
            online::start(&app.state::<state::AppState>());
            notify::start(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::school::app_status,
            commands::school::create_school,
            commands::school::load_demo,
            commands::school::overview,
            commands::school::attention,
            commands::school::set_warnings,
            commands::school::people,
            commands::school::add_person,
            commands::school::create_pair,
            commands::school::set_pair_status,
            commands::school::edit_pair,
            commands::school::roadmap,
            commands::school::set_roadmap_status,
            commands::pair::pair_view,
            commands::pair::add_activity,
            commands::pair::set_activity_status,
            commands::pair::set_activity_deadline,
            commands::pair::add_meeting,
            commands::pair::set_meeting_text,
            commands::pair::keep_draft,
            commands::pair::confirm_meeting,
            commands::replacement::request_replacement,
            commands::replacement::replace_mentor,
            commands::replacement::decline_request,
            commands::editing::edit_activity,
            commands::editing::remove_activity,
            commands::editing::edit_meeting,
            commands::editing::remove_meeting,
            commands::programme::add_programme_entry,
            commands::programme::edit_programme_entry,
            commands::programme::remove_programme_entry,
            commands::startup::first_paint,
            commands::joining::invite,
            commands::joining::join,
            commands::sync::sync_status,
            commands::sync::revoke_device,
            commands::sync::sync_now,
            commands::documents::export_document,
            commands::documents::issue_order,
            commands::documents::import_base,
            commands::monitoring::record_scores,
            commands::monitoring::answer_survey,
            commands::monitoring::save_final_report,
            commands::monitoring::add_criterion,
            commands::bank::record_consent,
            commands::bank::set_mentor_profile,
            commands::bank::add_request,
            commands::bank::edit_person,
            commands::bank::withdraw_consent,
            commands::bank::remove_person,
            commands::bank::suggest_mentors,
            commands::changes::pair_history,
            commands::changes::pair_conflicts,
            commands::changes::choose_value,
            commands::changes::restore_before,
            commands::notes::private_notes,
            commands::notes::add_private_note,
            commands::notes::edit_private_note,
            commands::notes::remove_private_note,
        ])
        .build(tauri::generate_context!());
    let app = match result {
        Ok(app) => app,
        Err(e) => {
            eprintln!("ошибка: не удалось запустить окно: {e}");
            std::process::exit(1);
        }
    };
    app.run(|handle, event| {
        if let (tauri::RunEvent::Exit, Some(state)) = (event, handle.try_state::<state::AppState>()) {
            // Typing not saved yet goes into the documents, and every change reaches the disk.
            tauri::async_runtime::block_on(async {
                let node = state.node.read().await;
                state.drafts.apply(&node, state.now()).await;
                if let Err(e) = node.stop().await {
                    eprintln!("ошибка: {e}");
                }
            });
        }
    });
}
