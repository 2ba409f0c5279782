//! Redeeming an invite without handing its code to whoever answers.
//!
//! A joining device that looks for the curator on the LAN (mDNS) takes the first device that
//! announces itself as a curator. If it sent the code, any device on the school's Wi-Fi could
//! announce itself, collect the code, and redeem it first at the real curator — and receive a
//! pair's data (often a minor's) as that person. So the code never leaves the device:
//!
//! * both sides derive a key from the code with Argon2id, salted with the **curator device's id**
//!   ([`code_key`]; the curator stores it when it issues the invite);
//! * the joining device sends only a proof: that key's BLAKE3 MAC of **its own device id**
//!   ([`proof`]);
//! * the curator checks the proof against its invites ([`proves`]), for the device id the
//!   connection authenticated.
//!
//! A device posing as the curator receives a proof bound to its own id and to the joiner's: useless
//! at the real curator (other salt, other joiner), and turning it back into the code means an
//! Argon2id computation per guess over 2⁴⁹ codes within the invite's life (at most 30 days).

use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::NodeError;
use crate::identity::hex;
use crate::invite::normalise;

/// Argon2id's cost: 19 MiB, 2 passes, 1 lane (the OWASP minimum for passwords).
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;

/// The key derived from an invite's code for the curator device `curator` (its id).
pub fn code_key(code: &str, curator: &str) -> Result<[u8; 32], NodeError> {
    let params = Params::new(MEMORY_KIB, PASSES, 1, Some(32))
        .map_err(|e| NodeError::io_in("параметры ключа приглашения", e))?;
    let salt = format!("nastavnik/invite/{curator}");
    let mut key = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(normalise(code).as_bytes(), salt.as_bytes(), &mut key)
        .map_err(|e| NodeError::io_in("ключ приглашения", e))?;
    Ok(key)
}

/// What the joining device `joiner` (its id) sends instead of the code.
pub fn proof(key: &[u8; 32], joiner: &str) -> String {
    blake3::keyed_hash(key, joiner.as_bytes()).to_hex().to_string()
}

/// Whether `proof` was made from `key` by device `joiner` (compared in constant time).
pub fn proves(key: &[u8; 32], joiner: &str, proof: &str) -> bool {
    blake3::Hash::from_hex(proof.trim()).is_ok_and(|p| p == blake3::keyed_hash(key, joiner.as_bytes()))
}

/// A key as stored in `invites.json`.
pub fn key_text(key: &[u8; 32]) -> String {
    hex(key)
}

/// A stored key, if it reads as one.
pub fn key_from_text(text: &str) -> Option<[u8; 32]> {
    blake3::Hash::from_hex(text.trim()).ok().map(|h| *h.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proof_works_only_for_its_code_curator_and_device() {
        let key = code_key("K7F4Q-9XZ2M", "curator").unwrap();
        assert_eq!(key, code_key("k7f4q 9xz2m", "curator").unwrap(), "forgiving to type");
        let p = proof(&key, "phone");
        assert!(proves(&key, "phone", &p));
        assert!(!p.contains("K7F4Q"), "the code is not in the proof");
        // Another device presenting the same proof, the proof at another curator, another code.
        assert!(!proves(&key, "attacker", &p));
        assert!(!proves(&code_key("K7F4Q-9XZ2M", "fake-curator").unwrap(), "phone", &p));
        assert!(!proves(&code_key("AAAAA-AAAAA", "curator").unwrap(), "phone", &p));
        assert!(!proves(&key, "phone", "not hex"));
        assert_eq!(key_from_text(&key_text(&key)), Some(key));
    }
}
