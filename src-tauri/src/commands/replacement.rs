//! Replacing a mentor: the mentee's request (ходатайство о замене наставника), and the curator's
//! decision — a new mentor (the old one's devices lose the pair) or a refusal in words.

use nastavnik_shared::app::commands::{Answer, DeclineRequest, ReplaceMentor, RequestReplacement};
use tauri::State;

use super::pair::change_pair;
use crate::state::{AppState, Res, actor, app_error};

/// The mentee asks the curator to replace the mentor; returns the request's id.
#[tauri::command]
pub async fn request_replacement(
    state: State<'_, AppState>,
    call: RequestReplacement,
) -> Res<Answer<RequestReplacement>> {
    let RequestReplacement { pair_id, reason } = call;
    let who = actor(&*state.node.read().await)?;
    let (id, today) = (nastavnik_node::new_id("r"), state.today());
    let request = id.clone();
    change_pair(&state, &pair_id, "ходатайство о замене наставника", move |p| {
        p.request_replacement(&who, &request, &reason, today)
    })
    .await?;
    Ok(id)
}

/// The curator grants a request: `new_mentor` replaces `old_mentor`; returns the devices whose
/// access to the pair was revoked.
#[tauri::command]
pub async fn replace_mentor(state: State<'_, AppState>, call: ReplaceMentor) -> Res<Answer<ReplaceMentor>> {
    let ReplaceMentor { pair_id, request_id, old_mentor, new_mentor, resolution } = call;
    let node = state.node.read().await;
    nastavnik_node::curator::replace_mentor(
        &node,
        &pair_id,
        &request_id,
        &old_mentor,
        &new_mentor,
        &resolution,
    )
    .await
    .map_err(app_error)
}

/// The curator declines a request, saying why.
#[tauri::command]
pub async fn decline_request(
    state: State<'_, AppState>,
    call: DeclineRequest,
) -> Res<Answer<DeclineRequest>> {
    let DeclineRequest { pair_id, request_id, resolution } = call;
    let who = actor(&*state.node.read().await)?;
    change_pair(&state, &pair_id, "решение по ходатайству", move |p| {
        p.resolve_replacement(&who, &request_id, &resolution)
    })
    .await
}
