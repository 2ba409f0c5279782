//! Changing and removing what a pair has written: an activity's every field (with its status,
//! completion date and note, in one change) and a meeting's type, date, format and topic.

use nastavnik_core::pair::ActivityInput;
use nastavnik_shared::Code;
use nastavnik_shared::app::commands::{Answer, EditActivity, EditMeeting, RemoveActivity, RemoveMeeting};

use nastavnik_shared::vocab::ActivityStatus;
use tauri::State;

use super::pair::change_pair;
use super::parse;
use crate::state::{AppState, Res, actor, input};

/// Saves an activity's fields, status, completion date (done only; empty: today) and note.
#[tauri::command]
pub async fn edit_activity(state: State<'_, AppState>, call: EditActivity) -> Res<Answer<EditActivity>> {
    let EditActivity { pair_id, activity_id, form } = call;
    let who = actor(&*state.node.read().await)?;
    let today = state.today();
    let status = ActivityStatus::from_code(&form.status).ok_or_else(|| input("Статус: выберите значение"))?;
    let done_on = match status {
        ActivityStatus::Done if form.done_on.trim().is_empty() => Some(today),
        ActivityStatus::Done => Some(parse::date("Дата выполнения", &form.done_on)?),
        _ => None,
    };
    let activity = ActivityInput {
        title: form.title,
        mentor_activity: form.mentor_activity,
        expected_result: form.expected_result,
        deadline: parse::date("Срок", &form.deadline)?,
        responsible: form.responsible,
    };
    change_pair(&state, &pair_id, "правка мероприятия", move |p| {
        p.edit_activity(&who, &activity_id, activity)?;
        p.set_activity_status(&who, &activity_id, status, done_on, &form.note, today)
    })
    .await
}

/// Removes an activity from the plan.
#[tauri::command]
pub async fn remove_activity(
    state: State<'_, AppState>,
    call: RemoveActivity,
) -> Res<Answer<RemoveActivity>> {
    let RemoveActivity { pair_id, activity_id } = call;
    let who = actor(&*state.node.read().await)?;
    change_pair(&state, &pair_id, "удаление мероприятия", move |p| {
        p.remove_activity(&who, &activity_id)
    })
    .await
}

/// Changes a meeting's type, date, format and topic.
#[tauri::command]
pub async fn edit_meeting(state: State<'_, AppState>, call: EditMeeting) -> Res<Answer<EditMeeting>> {
    let EditMeeting { pair_id, meeting_id, form } = call;
    let who = actor(&*state.node.read().await)?;
    let meeting = super::pair::meeting_input(form)?;
    change_pair(&state, &pair_id, "правка встречи", move |p| {
        p.edit_meeting(&who, &meeting_id, meeting)
    })
    .await
}

/// Removes a meeting nobody has confirmed yet.
#[tauri::command]
pub async fn remove_meeting(state: State<'_, AppState>, call: RemoveMeeting) -> Res<Answer<RemoveMeeting>> {
    let RemoveMeeting { pair_id, meeting_id } = call;
    let who = actor(&*state.node.read().await)?;
    change_pair(&state, &pair_id, "удаление встречи", move |p| {
        p.remove_meeting(&who, &meeting_id)
    })
    .await
}
