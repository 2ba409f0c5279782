//! The running node's door for other commands on the same computer.
//!
//! One process writes a data folder at a time (see [`crate::lock`]). So that a school never has
//! to stop serving to revoke a lost phone, invite a teacher or fix a record, the process that
//! holds the folder (`serve`) listens on a loopback port and runs the changing commands other
//! processes hand it, one at a time, on its own node and clock, while it goes on syncing.
//!
//! Where to knock is in `control.json` in the data folder (port, a random token, the serving
//! process's id), readable by the folder's owner only: whoever can read it could read the
//! device key beside it anyway. A request is the command's arguments and working folder; the
//! answer is the command's output or its error. Both are one JSON message each way, framed by
//! the end of the stream, size-limited. A `control.json` left by a killed process is harmless:
//! nobody listens on its port (or the token does not match), and the caller, finding the folder
//! free, runs the command itself.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::error::NodeError;
use crate::paths::{DataDir, write_atomic};

/// The largest request (a command line) accepted.
const MAX_REQUEST: u64 = 64 * 1024;
/// The largest answer read back (the JSON output of a command).
const MAX_REPLY: u64 = 64 * 1024 * 1024;
/// How long a caller may take to send its request.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Where the running node listens, as written to `control.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Door {
    port: u16,
    token: String,
    pid: u32,
}

/// A command handed to the running node.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    token: String,
    /// The command line, as typed (the program's name first).
    pub args: Vec<String>,
    /// The caller's working folder (relative paths in `args` are relative to it).
    pub cwd: PathBuf,
}

/// What the running node answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum Reply {
    /// The command ran: its text and JSON output.
    Done {
        /// Russian text.
        text: String,
        /// The same as JSON.
        json: Value,
    },
    /// The command failed.
    Failed {
        /// The Russian message.
        message: String,
        /// Whether the input was bad (exit code 2) rather than the system failing.
        input: bool,
    },
}

fn door_file(dir: &DataDir) -> PathBuf {
    dir.root().join("control.json")
}

/// The listening side, held by the process that holds the folder.
pub struct Listener {
    listener: TcpListener,
    token: String,
    file: PathBuf,
}

impl Listener {
    /// Starts listening on loopback and writes `control.json`.
    pub async fn open(dir: &DataDir) -> Result<Listener, NodeError> {
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .await
            .map_err(|e| NodeError::net_in("управляющий порт не открыт", e))?;
        let port = listener.local_addr().map_err(NodeError::net_by)?.port();
        let token = format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple());
        let door = Door { port, token: token.clone(), pid: std::process::id() };
        let file = door_file(dir);
        let bytes = serde_json::to_vec(&door).map_err(NodeError::io_by)?;
        write_atomic(&file, &bytes, 0o600)?;
        Ok(Listener { listener, token, file })
    }

    /// Answers requests one at a time with `handle` until dropped (the caller selects on it).
    pub async fn run<F, Fut>(&self, mut handle: F)
    where
        F: FnMut(Request) -> Fut,
        Fut: Future<Output = Reply>,
    {
        loop {
            let Ok((mut stream, _)) = self.listener.accept().await else {
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            };
            let request = match read(&mut stream, MAX_REQUEST, REQUEST_TIMEOUT).await {
                Ok(request) => request,
                Err(e) => {
                    tracing::warn!("управляющий порт: неверный запрос: {e}");
                    continue;
                }
            };
            let Request { token, .. } = &request;
            let reply = if *token == self.token {
                handle(request).await
            } else {
                tracing::warn!("управляющий порт: запрос с неверным ключом отклонён");
                Reply::Failed {
                    message: "неверный ключ управляющего порта".into(), input: false
                }
            };
            if let Err(e) = write(&mut stream, &reply).await {
                tracing::warn!("управляющий порт: ответ не отправлен: {e}");
            }
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        // Only our own door: a newer process may have written its own since.
        let ours = std::fs::read(&self.file)
            .ok()
            .and_then(|b| serde_json::from_slice::<Door>(&b).ok())
            .is_some_and(|d| d.token == self.token);
        if ours {
            let _ = std::fs::remove_file(&self.file);
        }
    }
}

/// Hands a command to the process running on `dir`. `Ok(None)` when no process listens there
/// (no `control.json`, or one left by a process that is gone): the caller then runs the command
/// itself. Once the request is sent, a broken answer is an error, never `None` — the command
/// may have run.
pub async fn forward(dir: &DataDir, args: Vec<String>, cwd: &Path) -> Result<Option<Reply>, NodeError> {
    let Ok(bytes) = std::fs::read(door_file(dir)) else { return Ok(None) };
    let Ok(door) = serde_json::from_slice::<Door>(&bytes) else { return Ok(None) };
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", door.port)).await else { return Ok(None) };
    let request = Request { token: door.token, args, cwd: cwd.to_path_buf() };
    if write(&mut stream, &request).await.is_err() {
        return Ok(None);
    }
    // The command may take long (a document for 2,500 pairs): no time limit on the answer.
    let reply = read(&mut stream, MAX_REPLY, Duration::MAX).await.map_err(|e| {
        NodeError::Net(format!(
            "работающий процесс (pid {}) не ответил на команду: {e}; проверьте, выполнена ли она",
            door.pid
        ))
    })?;
    Ok(Some(reply))
}

async fn write<T: Serialize>(stream: &mut TcpStream, message: &T) -> Result<(), NodeError> {
    let bytes = serde_json::to_vec(message).map_err(NodeError::io_by)?;
    stream.write_all(&bytes).await.map_err(NodeError::net_by)?;
    stream.shutdown().await.map_err(NodeError::net_by)
}

async fn read<T: for<'de> Deserialize<'de>>(
    stream: &mut TcpStream,
    limit: u64,
    timeout: Duration,
) -> Result<T, NodeError> {
    let mut buf = Vec::new();
    let mut limited = (&mut *stream).take(limit + 1);
    let reading = limited.read_to_end(&mut buf);
    let done = match timeout {
        Duration::MAX => reading.await,
        t => tokio::time::timeout(t, reading)
            .await
            .map_err(|_| NodeError::Net("превышено время ожидания".into()))?,
    };
    done.map_err(NodeError::net_by)?;
    if buf.len() as u64 > limit {
        return Err(NodeError::Net("сообщение слишком большое".into()));
    }
    serde_json::from_slice(&buf).map_err(|e| NodeError::net_in("неверное сообщение", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> DataDir {
        let root = std::env::temp_dir().join(format!("nastavnik-control-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        DataDir::open(root).expect("folder")
    }

    #[tokio::test]
    async fn a_command_reaches_the_running_node_and_its_answer_comes_back() {
        let dir = folder("roundtrip");
        assert_eq!(forward(&dir, vec!["x".into()], Path::new("/")).await.expect("no door"), None);
        let listener = Listener::open(&dir).await.expect("listens");
        let serving = listener.run(|request: Request| async move {
            Reply::Done { text: request.args.join(" "), json: Value::from(request.cwd.display().to_string()) }
        });
        let asking = async {
            let reply = forward(&dir, vec!["device".into(), "revoke".into()], Path::new("/tmp")).await;
            assert_eq!(
                reply.expect("answered"),
                Some(Reply::Done { text: "device revoke".into(), json: Value::from("/tmp") })
            );
            // A wrong token is refused.
            let mut stream =
                TcpStream::connect(listener.listener.local_addr().expect("addr")).await.expect("c");
            let forged = Request { token: "guess".into(), args: vec![], cwd: PathBuf::new() };
            write(&mut stream, &forged).await.expect("sent");
            let reply: Reply = read(&mut stream, MAX_REPLY, REQUEST_TIMEOUT).await.expect("answer");
            assert!(matches!(reply, Reply::Failed { input: false, .. }), "{reply:?}");
        };
        tokio::select! { _ = serving => unreachable!("serves forever"), _ = asking => {} }
        drop(listener);
        assert!(!door_file(&dir).exists(), "the door is removed with the listener");
        std::fs::remove_dir_all(dir.root()).expect("cleanup");
    }

    #[tokio::test]
    async fn a_door_left_by_a_dead_process_sends_the_caller_back_to_the_folder() {
        let dir = folder("stale");
        let port = {
            let l = TcpListener::bind(("127.0.0.1", 0)).await.expect("bind");
            l.local_addr().expect("addr").port()
        };
        let door = Door { port, token: "old".into(), pid: 1 };
        write_atomic(&door_file(&dir), &serde_json::to_vec(&door).expect("json"), 0o600).expect("write");
        assert_eq!(forward(&dir, vec!["x".into()], Path::new("/")).await.expect("no error"), None);
        std::fs::write(door_file(&dir), b"{garbage").expect("write");
        assert_eq!(forward(&dir, vec!["x".into()], Path::new("/")).await.expect("no error"), None);
        std::fs::remove_dir_all(dir.root()).expect("cleanup");
    }
}
