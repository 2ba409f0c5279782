//! A mentor's private notes about a pair (`nastavnik_node::private_notes`): on the mentor's own
//! device only, never synced — the pair screen's «Мои заметки» panel.

use nastavnik_node::private_notes::{self, Target};
use nastavnik_shared::app::commands::{
    AddPrivateNote, Answer, EditPrivateNote, GetPrivateNotes, RemovePrivateNote,
};
use tauri::State;

use crate::state::{AppState, Res, app_error};

/// The notes about a pair, latest first.
#[tauri::command]
pub async fn private_notes(
    state: State<'_, AppState>,
    call: GetPrivateNotes,
) -> Res<Answer<GetPrivateNotes>> {
    let GetPrivateNotes { pair_id } = call;
    let node = state.node.read().await;
    private_notes::about(&node, &pair_id).await.map_err(app_error)
}

/// Writes a new note; returns its id.
#[tauri::command]
pub async fn add_private_note(
    state: State<'_, AppState>,
    call: AddPrivateNote,
) -> Res<Answer<AddPrivateNote>> {
    let AddPrivateNote { pair_id, on, text } = call;
    let node = state.node.read().await;
    let (id, now, on) = (nastavnik_node::new_id("n"), state.now(), on.unwrap_or_else(|| state.today()));
    let note = id.clone();
    private_notes::change(&node, Target::Pair(&pair_id), now, "личная заметка", |n| {
        n.add(&note, &pair_id, on, &text, now)
    })
    .await
    .map_err(app_error)?;
    Ok(id)
}

/// Rewrites a note.
#[tauri::command]
pub async fn edit_private_note(
    state: State<'_, AppState>,
    call: EditPrivateNote,
) -> Res<Answer<EditPrivateNote>> {
    let EditPrivateNote { note_id, text } = call;
    let node = state.node.read().await;
    let now = state.now();
    private_notes::change(&node, Target::Note(&note_id), now, "правка заметки", |n| {
        n.edit(&note_id, &text, now)
    })
    .await
    .map_err(app_error)
}

/// Deletes a note.
#[tauri::command]
pub async fn remove_private_note(
    state: State<'_, AppState>,
    call: RemovePrivateNote,
) -> Res<Answer<RemovePrivateNote>> {
    let RemovePrivateNote { note_id } = call;
    let node = state.node.read().await;
    private_notes::change(
        &node,
        Target::Note(&note_id),
        state.now(),
        "удаление заметки",
        |n| n.remove(&note_id),
    )
    .await
    .map_err(app_error)
}
