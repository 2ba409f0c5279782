//! One writer per data folder. samod keeps documents in memory and writes them out; two
//! processes changing the same folder would not see each other's changes. So `serve` holds the
//! folder for as long as it runs, and each command that changes data holds it while it works
//! (waiting a few seconds for another short command). Reading commands take no lock.

use std::fs::{File, OpenOptions, TryLockError};
use std::time::{Duration, Instant};

use crate::error::NodeError;
use crate::paths::DataDir;

/// How a process uses the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// `serve`: held until the process stops; fails at once if the folder is busy.
    Serve,
    /// A changing command: waits up to 5 s for the folder.
    Write,
}

/// The held lock; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
}

fn lock_file(dir: &DataDir) -> Result<File, NodeError> {
    let path = dir.root().join("lock");
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| NodeError::io(&path, e))
}

/// Takes the folder if it is free at once; `None` if another process holds it.
pub fn try_acquire(dir: &DataDir) -> Result<Option<FolderLock>, NodeError> {
    let file = lock_file(dir)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(FolderLock { _file: file })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) => Err(NodeError::io(&dir.root().join("lock"), e)),
    }
}

/// Takes the folder for `usage`.
pub fn acquire(dir: &DataDir, usage: Use) -> Result<FolderLock, NodeError> {
    let path = dir.root().join("lock");
    let file = lock_file(dir)?;
    let deadline = Instant::now() + Duration::from_secs(if usage == Use::Serve { 0 } else { 5 });
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(FolderLock { _file: file }),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(50))
            }
            Err(TryLockError::WouldBlock) => {
                return Err(NodeError::Input(
                    "папка данных занята другим процессом (открыто окно приложения или идёт другая команда): закройте окно или дождитесь конца команды, чтобы менять данные отсюда"
                        .into(),
                ));
            }
            Err(TryLockError::Error(e)) => return Err(NodeError::io(&path, e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serve_holds_the_folder_and_writers_are_told() {
        let root = std::env::temp_dir().join(format!("nastavnik-lock-{}", std::process::id()));
        let dir = DataDir::open(&root).unwrap();
        let held = acquire(&dir, Use::Serve).unwrap();
        let busy = acquire(&dir, Use::Serve).unwrap_err();
        assert!(busy.to_string().contains("занята"), "{busy}");
        drop(held);
        let writer = acquire(&dir, Use::Write).unwrap();
        assert!(acquire(&dir, Use::Serve).is_err());
        assert!(try_acquire(&dir).unwrap().is_none(), "held by the writer");
        drop(writer);
        std::fs::remove_dir_all(root).unwrap();
    }
}
