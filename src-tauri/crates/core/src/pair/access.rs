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
