//! Recording signed access entries in the pair's document (see [`crate::roster`]).

use super::Actor;
use super::schema::PairDoc;
use crate::error::DomainError;
use crate::roster::AccessEntry;

impl PairDoc {
    /// The curator's device records a signed grant or revocation. Only the signature makes it
    /// count; this check keeps honest devices from writing entries they cannot sign.
    pub fn add_access_entry(&mut self, actor: &Actor, entry: AccessEntry) -> Result<(), DomainError> {
        if *actor != Actor::Curator {
            return Err(DomainError::Forbidden("доступ к документам пары выдаёт куратор"));
        }
        if entry.signature.is_empty() {
            return Err(DomainError::Empty { field: "Подпись куратора" });
        }
        crate::keyed::new_id(&self.access, &entry.id)?;
        self.access.push(entry);
        Ok(())
    }
}

impl PairDoc {
    /// Records an access entry that another device presented and whose curator signature the
    /// node has verified (a mentee's device proving its grant to the mentor's, with the curator
    /// away). Entries already present are left as they are.
    pub fn import_verified_access(&mut self, entry: AccessEntry) -> Result<bool, DomainError> {
        if self.access.iter().any(|e| e.id == entry.id) {
            return Ok(false);
        }
        if entry.signature.is_empty() {
            return Err(DomainError::Empty { field: "Подпись куратора" });
        }
        self.access.push(entry);
        Ok(true)
    }
}
