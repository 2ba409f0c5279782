//! A running node: this device's identity and role, its documents (a samod repository over
//! [`DurableStorage`]) and the share policy that decides which peer may receive which document.

use automerge::Automerge;
use chrono::{DateTime, Utc};
use nastavnik_core::document::{self, Schema};
use nastavnik_core::known;
use nastavnik_core::{DomainError, Error};
use samod::{DocHandle, DocumentId, PeerId, Repo};

use crate::access::{Access, AccessPublisher, AccessTable};
use crate::clock::Clock;
use crate::device::Device;
use crate::error::NodeError;
use crate::identity::Identity;
use crate::paths::DataDir;
use crate::storage::DurableStorage;

/// One device's node.
pub struct Node {
    /// The data folder.
    pub dir: DataDir,
    /// The device key.
    pub identity: Identity,
    /// The device's role.
    pub device: Device,
    /// The process's one clock (see [`crate::clock`]).
    pub clock: Clock,
    repo: Repo,
    access: AccessPublisher,
    storage: DurableStorage,
    traffic: crate::traffic::Traffic,
    alone: tokio::sync::Mutex<()>,
    /// Values of big documents kept between operations (`nastavnik_core::known`), by document id.
    known: std::sync::Mutex<std::collections::HashMap<String, Box<dyn std::any::Any + Send>>>,
    /// Who this device's changes are by (`nastavnik_core::history`): set on a document before
    /// every change, so each change names the device that wrote it.
    author: Option<automerge::Author<'static>>,
}

impl Node {
    /// Opens the node in a data folder for its writer (who holds the folder's lock): loads (or
    /// creates) the device key and the documents. Every time the node needs comes from `clock`.
    pub async fn open(dir: DataDir, clock: Clock) -> Result<Node, NodeError> {
        let (identity, _) = Identity::load_or_create(&dir)?;
        let storage = DurableStorage::new(dir.docs(), dir.quarantine());
        Node::start(dir, clock, identity, storage).await
    }

    /// Opens the node for a command that only reads: nothing it does reaches the disk (samod's
    /// compaction of a loaded document stays in memory), so it cannot disturb the folder's writer.
    pub async fn open_read_only(dir: DataDir, clock: Clock) -> Result<Node, NodeError> {
        let identity = Identity::load_or_ephemeral(&dir)?;
        let storage = DurableStorage::read_only(dir.docs());
        Node::start(dir, clock, identity, storage).await
    }

    async fn start(
        dir: DataDir,
        clock: Clock,
        identity: Identity,
        storage: DurableStorage,
    ) -> Result<Node, NodeError> {
        let device = Device::load(&dir)?;
        let (access, publisher) = Access::new(AccessTable::default());
        let traffic = crate::traffic::Traffic::default();
        let repo = Repo::build_tokio()
            .with_storage(storage.clone())
            .with_observer(traffic.clone())
            .with_peer_id(PeerId::from(identity.device_id()))
            .with_share_policy(access)
            .load()
            .await;
        let author = nastavnik_core::history::author_of_device(&identity.device_id());
        Ok(Node {
            dir,
            identity,
            device,
            clock,
            repo,
            access: publisher,
            storage,
            traffic,
            alone: Default::default(),
            known: Default::default(),
            author,
        })
    }

    /// The samod repository (for the network layer).
    pub fn repo(&self) -> &Repo {
        &self.repo
    }

    /// Held by operations that read and rewrite the device's own files (invites, the roster),
    /// so that two of them in one process never interleave (an invite created while another is
    /// redeemed must not be lost). Not reentrant: hold it in the operation, not around it.
    pub async fn exclusive(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.alone.lock().await
    }

    /// Publishes a new share table; open connections follow it.
    pub fn set_access(&self, table: AccessTable) {
        self.access.send_replace(std::sync::Arc::new(table));
    }

    /// Sync messages sent and received by this node so far.
    pub fn traffic(&self) -> crate::traffic::TrafficTotals {
        self.traffic.totals()
    }

    /// The share table in force.
    pub fn access(&self) -> std::sync::Arc<AccessTable> {
        self.access.borrow().clone()
    }

    /// The devices connected to this node right now (their ids, sorted).
    pub fn connected_devices(&self) -> Vec<String> {
        let (connections, _) = self.repo.connected_peers();
        let mut ids: Vec<String> = connections
            .iter()
            .filter_map(|c| match &c.state {
                samod::ConnectionState::Connected { their_peer_id } => Some(their_peer_id.to_string()),
                _ => None,
            })
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// The devices this device syncs with: trusted curators and the devices of its pairs.
    pub fn relevant_devices(&self) -> std::collections::HashSet<String> {
        let table = self.access();
        let me = self.identity.device_id();
        table.curators.iter().chain(table.members.values().flatten()).filter(|d| **d != me).cloned().collect()
    }

    /// "curator" or "member", as advertised on the local network.
    pub fn role(&self) -> &'static str {
        match self.device {
            Device::Curator { .. } => "curator",
            _ => "member",
        }
    }

    /// The school document's id, on the curator's device; a clear refusal elsewhere.
    pub fn curator_school_doc(&self) -> Result<&str, NodeError> {
        match &self.device {
            Device::Curator { school_doc } => Ok(school_doc),
            _ => Err(NodeError::Input("это действие доступно только куратору".into())),
        }
    }

    /// Saves the device's role.
    pub fn set_device(&mut self, device: Device) -> Result<(), NodeError> {
        device.save(&self.dir)?;
        self.device = device;
        Ok(())
    }

    /// Creates a document from its first state; returns its id.
    pub async fn create<T: Schema>(&self, value: &T, now: DateTime<Utc>) -> Result<String, NodeError> {
        let doc = document::create_by(value, now, self.author.clone())?;
        let handle = self.repo.create(doc).await?;
        Ok(handle.document_id().to_string())
    }

    /// Whether a document is stored on this device (without asking any peer for it).
    pub fn has_local(&self, id: &str) -> bool {
        crate::doc_files::DocFiles::new(&self.dir.docs(), id).exists()
    }

    /// The handle of a document that is on this device (or reachable through a connected peer).
    pub async fn handle(&self, id: &str) -> Result<DocHandle, NodeError> {
        let doc_id: DocumentId =
            id.parse().map_err(|_| NodeError::Input(format!("неверный идентификатор документа: {id}")))?;
        self.repo
            .find(doc_id)
            .await?
            .ok_or_else(|| NodeError::Missing(format!("документа {id} нет на этом устройстве")))
    }

    /// The document id of a pair this device has: from the school's index on the curator's
    /// device, from the pairs it was given on a member's.
    pub async fn pair_doc(&self, pair_id: &str) -> Result<String, NodeError> {
        let missing = || NodeError::Missing(format!("пара {pair_id} не найдена на этом устройстве"));
        let doc = match &self.device {
            Device::Curator { school_doc } => {
                let school: nastavnik_core::school::SchoolDoc = self.read(school_doc).await?;
                school.pair(pair_id).map_err(|_| missing())?.doc_id.clone()
            }
            Device::Member { pairs, .. } => {
                pairs.iter().find(|(p, _)| p == pair_id).map(|(_, d)| d.clone()).unwrap_or_default()
            }
            Device::New => String::new(),
        };
        if doc.is_empty() { Err(missing()) } else { Ok(doc) }
    }

    /// Reads a document as `T` (a big document's value is kept between reads while its heads
    /// stay, see `nastavnik_core::known`).
    pub async fn read<T: Schema + Clone + PartialEq + Send + 'static>(
        &self,
        id: &str,
    ) -> Result<T, NodeError> {
        let handle = self.handle(id).await?;
        if !T::KEEP_IN_MEMORY {
            return Ok(handle.with_document_async(|doc| document::read::<T>(doc)).await??);
        }
        let mut known = self.kept::<T>(id);
        let (value, known) =
            handle.with_document_async(move |doc| (known::read_known(doc, &mut known), known)).await?;
        self.keep(id, known);
        Ok(value?)
    }

    /// The value of document `id` kept in memory, if any (taken out while an operation uses it).
    fn kept<T: Send + 'static>(&self, id: &str) -> Option<known::Known<T>> {
        let mut kept = self.known.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        kept.remove(id).and_then(|k| k.downcast::<known::Known<T>>().ok()).map(|k| *k)
    }

    fn keep<T: Send + 'static>(&self, id: &str, value: Option<known::Known<T>>) {
        if let Some(v) = value {
            let mut kept = self.known.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            kept.insert(id.to_string(), Box::new(v));
        }
    }

    /// Reads a document as `T`, with its heads at that moment (hex), in one look.
    pub async fn read_with_heads<T: Schema + Send + 'static>(
        &self,
        id: &str,
    ) -> Result<(T, Vec<String>), NodeError> {
        let handle = self.handle(id).await?;
        let (value, heads) =
            handle.with_document_async(|doc| (document::read::<T>(doc), doc.get_heads())).await?;
        Ok((value?, heads.iter().map(|h| h.to_string()).collect()))
    }

    /// The summary of pair document `id`, open conflicts counted (`nastavnik_core::pair::summary_of`).
    pub async fn pair_summary(&self, id: &str) -> Result<nastavnik_shared::report::PairSummary, NodeError> {
        let handle = self.handle(id).await?;
        Ok(handle.with_document_async(|doc| nastavnik_core::pair::summary_of(doc)).await??)
    }

    /// Runs one domain operation on a document as one change.
    pub async fn change<T, R>(
        &self,
        id: &str,
        now: DateTime<Utc>,
        message: &'static str,
        op: impl FnOnce(&mut T) -> Result<R, DomainError> + Send + 'static,
    ) -> Result<R, NodeError>
    where
        T: Schema + Clone + PartialEq + Send + 'static,
        R: Send + 'static,
    {
        if !T::KEEP_IN_MEMORY {
            return self.edit(id, move |doc| document::change(doc, now, message, op)).await;
        }
        let mut known = self.kept::<T>(id);
        let handle = self.handle(id).await?;
        let author = self.author.clone();
        let (result, known) = handle
            .with_document_async(move |doc| {
                doc.set_author(author);
                (known::change_known(doc, &mut known, now, message, op), known)
            })
            .await?;
        self.keep(id, known);
        Ok(result?)
    }

    /// Works on the raw automerge document (shared texts).
    pub async fn edit<R: Send + 'static>(
        &self,
        id: &str,
        f: impl FnOnce(&mut Automerge) -> Result<R, Error> + Send + 'static,
    ) -> Result<R, NodeError> {
        let handle = self.handle(id).await?;
        let author = self.author.clone();
        Ok(handle
            .with_document_async(move |doc| {
                doc.set_author(author);
                f(doc)
            })
            .await??)
    }

    /// Tries the writes that failed again (the serve loop calls it); returns how many chunks
    /// are still not on disk.
    pub async fn flush(&self) -> usize {
        let storage = self.storage.clone();
        tokio::task::spawn_blocking(move || storage.flush_blocking()).await.unwrap_or(usize::MAX)
    }

    /// Stops the node after every pending write has reached the disk (a failed one is tried once
    /// more); fails if any change of this session is still not on disk.
    pub async fn close(self) -> Result<(), NodeError> {
        self.stop().await
    }

    /// [`Node::close`] for a node that others still hold (the window's, at exit): stops it after
    /// every pending write has reached the disk.
    pub async fn stop(&self) -> Result<(), NodeError> {
        self.repo.stop().await;
        match self.flush().await {
            0 => Ok(()),
            n => Err(NodeError::Io(format!(
                "не удалось записать на диск изменений: {n}; изменения не сохранены{}",
                self.storage.last_error().map(|e| format!(" — {e}")).unwrap_or_default()
            ))),
        }
    }
}
