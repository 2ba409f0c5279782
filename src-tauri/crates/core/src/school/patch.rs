//! Writing a change of the school's document: only the list items that differ (see
//! [`crate::known`]). With thousands of people and pairs, reconciling the whole value compares
//! every item with the document — seconds per click; comparing in memory takes microseconds.

use automerge::ROOT;
use autosurgeon::{Doc, ReconcileError, reconcile_prop};

use super::SchoolDoc;
use crate::known::patch_list;

impl SchoolDoc {
    /// Writes into `doc` (holding `before`) what differs in `self`.
    pub(super) fn patch_into<D: Doc>(&self, before: &SchoolDoc, doc: &mut D) -> Result<(), ReconcileError> {
        if self.doc_type != before.doc_type {
            reconcile_prop(doc, ROOT, "doc_type", &self.doc_type)?;
        }
        if self.schema_version != before.schema_version {
            reconcile_prop(doc, ROOT, "schema_version", self.schema_version)?;
        }
        if self.school != before.school {
            reconcile_prop(doc, ROOT, "school", &self.school)?;
        }
        if self.created_at != before.created_at {
            reconcile_prop(doc, ROOT, "created_at", self.created_at)?;
        }
        patch_list(doc, "people", &before.people, &self.people)?;
        patch_list(doc, "mentor_profiles", &before.mentor_profiles, &self.mentor_profiles)?;
        patch_list(doc, "mentee_requests", &before.mentee_requests, &self.mentee_requests)?;
        patch_list(doc, "pairs", &before.pairs, &self.pairs)?;
        patch_list(doc, "roadmap", &before.roadmap, &self.roadmap)
    }
}
