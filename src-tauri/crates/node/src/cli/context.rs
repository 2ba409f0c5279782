//! What every command works with: the node, the time, and how to find the documents.

use chrono::{DateTime, NaiveDate, Utc};
use nastavnik_core::pair::Actor;
use nastavnik_core::school::SchoolDoc;
use nastavnik_node::device::Device;
use nastavnik_node::{Node, NodeError};
use serde_json::Value;

/// A command's result: what a person reads, and what a program reads (`--json`).
pub struct Output {
    /// Russian text.
    pub text: String,
    /// The same as JSON.
    pub json: Value,
}

impl Output {
    /// An output with text and JSON.
    pub fn new(text: impl Into<String>, json: Value) -> Output {
        Output { text: text.into(), json }
    }
}

/// The running command's context: the node it works on (its own, or — for a command handed
/// over the control port — the running `serve`'s).
pub struct Ctx<'a> {
    /// The node of this device.
    pub node: &'a Node,
}

impl Ctx<'_> {
    /// Now, by the node's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.node.clock.now()
    }

    /// Today, by the node's clock.
    pub fn today(&self) -> NaiveDate {
        self.node.clock.today()
    }

    /// Who acts from this device.
    pub fn actor(&self) -> Result<Actor, NodeError> {
        match &self.node.device {
            Device::Curator { .. } => Ok(Actor::Curator),
            Device::Member { person_id, .. } => Ok(Actor::Person(person_id.clone())),
            Device::New => Err(not_joined()),
        }
    }

    /// The school document's id (curator devices only).
    pub fn school_doc(&self) -> Result<String, NodeError> {
        match &self.node.device {
            Device::Curator { school_doc } => Ok(school_doc.clone()),
            Device::Member { .. } => Err(NodeError::Input("это действие доступно только куратору".into())),
            Device::New => Err(not_joined()),
        }
    }

    /// The school document (curator devices only).
    pub async fn school(&self) -> Result<SchoolDoc, NodeError> {
        let id = self.school_doc()?;
        self.node.read::<SchoolDoc>(&id).await
    }

    /// The document id of a pair this device knows.
    pub async fn pair_doc(&self, pair_id: &str) -> Result<String, NodeError> {
        if self.node.device == Device::New {
            return Err(not_joined());
        }
        self.node.pair_doc(pair_id).await
    }
}

fn not_joined() -> NodeError {
    NodeError::Input(
        "устройство ещё не подключено к школе: создайте школу (school create) или примите приглашение куратора".into(),
    )
}
