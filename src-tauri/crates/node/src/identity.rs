//! The device's identity: an ed25519 key pair, the iroh secret key. Its public half is the
//! device's id on the network (the iroh endpoint id, and samod's peer id), authenticated by
//! TLS on every connection. Created on first run; the file is readable only by the user.

use std::fs;

use iroh::SecretKey;

use crate::error::NodeError;
use crate::paths::{DataDir, write_atomic};

/// This device's key.
#[derive(Debug, Clone)]
pub struct Identity {
    secret: SecretKey,
}

impl Identity {
    /// Loads the device key, creating it if this is the first run. Returns the identity and
    /// whether it was just created.
    pub fn load_or_create(dir: &DataDir) -> Result<(Identity, bool), NodeError> {
        if let Some(saved) = Identity::load(dir)? {
            return Ok((saved, false));
        }
        let secret = SecretKey::generate();
        write_atomic(&dir.key_file(), hex(&secret.to_bytes()).as_bytes(), 0o600)?;
        Ok((Identity { secret }, true))
    }

    /// The device key for a reading command: the saved one, or — on a folder without one — a
    /// key that lives only in memory (a read writes nothing).
    pub fn load_or_ephemeral(dir: &DataDir) -> Result<Identity, NodeError> {
        Ok(Identity::load(dir)?.unwrap_or_else(|| Identity { secret: SecretKey::generate() }))
    }

    /// An identity of a given key (tests and fuzzing; devices load theirs from the folder).
    pub fn from_secret(secret: SecretKey) -> Identity {
        Identity { secret }
    }

    /// The saved device key, if the folder has one.
    fn load(dir: &DataDir) -> Result<Option<Identity>, NodeError> {
        let path = dir.key_file();
        match fs::read_to_string(&path) {
            Ok(text) => Ok(Some(Identity { secret: parse_key(text.trim())? })),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(NodeError::io(&path, e)),
        }
    }

    /// The secret key (for the network endpoint and for signing).
    pub fn secret(&self) -> &SecretKey {
        &self.secret
    }

    /// The device id: the public key as text.
    pub fn device_id(&self) -> String {
        self.secret.public().to_string()
    }
}

fn parse_key(text: &str) -> Result<SecretKey, NodeError> {
    let bad = || NodeError::Input("файл ключа устройства повреждён (device.key)".into());
    if text.len() != 64 {
        return Err(bad());
    }
    let mut bytes = [0u8; 32];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(&text[i * 2..i * 2 + 2], 16).map_err(|_| bad())?;
    }
    Ok(SecretKey::from_bytes(&bytes))
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_created_once_private_and_reloaded() {
        let root = std::env::temp_dir().join(format!("nastavnik-id-{}", std::process::id()));
        let dir = DataDir::open(&root).unwrap();
        let (first, created) = Identity::load_or_create(&dir).unwrap();
        assert!(created);
        let (again, created) = Identity::load_or_create(&dir).unwrap();
        assert!(!created);
        assert_eq!(first.device_id(), again.device_id());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.key_file()).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        fs::write(dir.key_file(), "garbage").unwrap();
        assert!(Identity::load_or_create(&dir).unwrap_err().to_string().contains("повреждён"));
        fs::remove_dir_all(root).unwrap();
    }
}
