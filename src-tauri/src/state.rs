//! The app's state: the node of this device (shared with the background network task) and
//! how errors of the node become the UI's typed [`AppError`]s.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use nastavnik_core::DomainError;
use nastavnik_core::pair::{Actor, PairDoc};
use nastavnik_core::school::SchoolDoc;
use nastavnik_node::device::Device;
use nastavnik_node::{Node, NodeError};
use nastavnik_shared::app::{AppError, ErrorCode};
use tokio::sync::RwLock;

/// What every command works with.
pub struct AppState {
    /// The node. Commands read it; only the first run (create a school, the demo) writes it,
    /// before the network task starts.
    pub node: Arc<RwLock<Node>>,
    /// The process's one clock, the node's (a copy reads the same time).
    pub clock: nastavnik_node::clock::Clock,
    /// How to be online (listen address, peers, mDNS).
    pub online: nastavnik_node::online::Online,
    /// Whether the network task runs.
    pub started: std::sync::atomic::AtomicBool,
    /// The network as it is: set by the online task when it listens or fails.
    pub network: std::sync::Mutex<nastavnik_shared::app::Network>,
    /// Documents whose changes are sent to the UI as events.
    pub watched: std::sync::Mutex<std::collections::HashSet<String>>,
    /// Typing not yet saved into the documents.
    pub drafts: crate::drafts::Drafts,
    /// The app, to send events.
    pub app: tauri::AppHandle,
    /// Woken when a watched document changes: a member's reminders are looked at again (notify.rs).
    pub reminders: tokio::sync::Notify,
}

/// A command's result.
pub type Res<T> = Result<T, AppError>;

/// The node's error for the UI.
pub fn app_error(e: NodeError) -> AppError {
    let code = match &e {
        NodeError::Input(_) | NodeError::Doc(_) => ErrorCode::Input,
        NodeError::Domain(DomainError::Forbidden(_)) => ErrorCode::Forbidden,
        NodeError::Domain(DomainError::NotFound { .. }) | NodeError::Missing(_) => ErrorCode::NotFound,
        NodeError::Domain(_) => ErrorCode::Input,
        NodeError::Refused(_) => ErrorCode::Forbidden,
        NodeError::Relayed { input: true, .. } => ErrorCode::Input,
        NodeError::Io(_)
        | NodeError::IoBy { .. }
        | NodeError::Net(_)
        | NodeError::NetBy { .. }
        | NodeError::Stopped
        | NodeError::Relayed { .. } => ErrorCode::Io,
    };
    AppError { code, message: e.to_string() }
}

/// Bad input with a Russian message.
pub fn input(message: impl Into<String>) -> AppError {
    AppError { code: ErrorCode::Input, message: message.into() }
}

impl AppState {
    /// Now, by the node's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Today, by the node's clock.
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }
}

/// Who acts from this device.
pub fn actor(node: &Node) -> Res<Actor> {
    match &node.device {
        Device::Curator { .. } => Ok(Actor::Curator),
        Device::Member { person_id, .. } => Ok(Actor::Person(person_id.clone())),
        Device::New => Err(not_joined()),
    }
}

/// The device has no school yet.
pub fn not_joined() -> AppError {
    AppError {
        code: ErrorCode::NotJoined,
        message: "устройство ещё не подключено к школе: создайте школу или примите приглашение куратора"
            .into(),
    }
}

/// The school document's id (curator devices).
pub fn school_doc(node: &Node) -> Res<String> {
    match &node.device {
        Device::Curator { school_doc } => Ok(school_doc.clone()),
        Device::Member { .. } => Err(AppError {
            code: ErrorCode::Forbidden,
            message: "это доступно только куратору".into(),
        }),
        Device::New => Err(not_joined()),
    }
}

/// The school document (curator devices).
pub async fn school(node: &Node) -> Res<SchoolDoc> {
    node.read::<SchoolDoc>(&school_doc(node)?).await.map_err(app_error)
}

/// The document id of a pair this device has.
pub async fn pair_doc(node: &Node, pair_id: &str) -> Res<String> {
    if node.device == Device::New {
        return Err(not_joined());
    }
    node.pair_doc(pair_id).await.map_err(app_error)
}

/// A pair's document.
pub async fn read_pair(node: &Node, pair_id: &str) -> Res<(String, PairDoc)> {
    let doc = pair_doc(node, pair_id).await?;
    let pair = node.read::<PairDoc>(&doc).await.map_err(app_error)?;
    Ok((doc, pair))
}
