//! A pair's changes in the window: the history, fields two devices set differently (and
//! choosing one), undoing one change of an activity, a meeting or a programme entry.

use nastavnik_shared::app::commands::{Answer, ChooseValue, GetPairConflicts, GetPairHistory, RestoreBefore};
use tauri::State;

use crate::state::{AppState, Res, actor, app_error, input};

/// A pair's history: every change with when, who and what.
#[tauri::command]
pub async fn pair_history(state: State<'_, AppState>, call: GetPairHistory) -> Res<Answer<GetPairHistory>> {
    let node = state.node.read().await;
    nastavnik_node::history::pair_history(&node, &call.pair_id, call.item).await.map_err(app_error)
}

/// The fields of a pair two devices set differently, with both values and who wrote each.
#[tauri::command]
pub async fn pair_conflicts(
    state: State<'_, AppState>,
    call: GetPairConflicts,
) -> Res<Answer<GetPairConflicts>> {
    let node = state.node.read().await;
    nastavnik_node::conflicts::pair_conflicts(&node, &call.pair_id).await.map_err(app_error)
}

/// Keeps one value of a conflicting field.
#[tauri::command]
pub async fn choose_value(state: State<'_, AppState>, call: ChooseValue) -> Res<Answer<ChooseValue>> {
    let ChooseValue { pair_id, path, op } = call;
    let node = state.node.read().await;
    let who = actor(&node)?;
    nastavnik_node::conflicts::choose(&node, &pair_id, who, &path, &op, state.now()).await.map_err(app_error)
}

/// Undoes one change of an activity, a meeting or a programme entry.
#[tauri::command]
pub async fn restore_before(state: State<'_, AppState>, call: RestoreBefore) -> Res<Answer<RestoreBefore>> {
    let RestoreBefore { pair_id, item, change } = call;
    let item = item.ok_or_else(|| input("не указано, что возвращать"))?;
    let node = state.node.read().await;
    let who = actor(&node)?;
    nastavnik_node::history::restore(&node, &pair_id, who, item, &change, state.now())
        .await
        .map_err(app_error)
}
