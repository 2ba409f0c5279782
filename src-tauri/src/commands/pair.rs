//! A pair's programme and journal: read, plan, meetings — for the curator and the pair's members.

use nastavnik_core::pair::{ActivityInput, MeetingInput, PairDoc, TextField, set_text_since};
use nastavnik_shared::Code;
use nastavnik_shared::app::commands::{
    AddActivity, AddMeeting, Answer, ConfirmMeeting, GetPairView, KeepDraft, SetActivityDeadline,
    SetActivityStatus, SetMeetingText,
};
use nastavnik_shared::app::{AppError, ErrorCode, NewMeetingForm, PairView};
use nastavnik_shared::vocab::{ActivityStatus, MeetingFormat, MeetingText, MeetingType};
use tauri::State;

use super::parse;
use crate::state::{AppState, Res, actor, app_error, input, school};

/// The pair's programme and journal as the screens show them.
#[tauri::command]
pub async fn pair_view(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
    call: GetPairView,
) -> Res<Answer<GetPairView>> {
    let GetPairView { pair_id } = call;
    let node = state.node.read().await;
    let doc = crate::state::pair_doc(&node, &pair_id).await?;
    let (pair, heads) = node.read_with_heads::<PairDoc>(&doc).await.map_err(app_error)?;
    crate::online::watch(&app, &node, &doc).await;
    let status = match school(&node).await {
        Ok(s) => s.pair(&pair_id).ok().map(|p| *p.status),
        Err(_) => None,
    };
    Ok(PairView { heads, ..pair.view(status) })
}

/// Runs one operation on a pair's document as one change.
pub(super) async fn change_pair(
    state: &AppState,
    pair_id: &str,
    message: &'static str,
    op: impl FnOnce(&mut PairDoc) -> Result<(), nastavnik_core::DomainError> + Send + 'static,
) -> Res<()> {
    let node = state.node.read().await;
    let doc = crate::state::pair_doc(&node, pair_id).await?;
    node.change(&doc, state.now(), message, op).await.map_err(app_error)
}

/// Adds an activity to the plan.
#[tauri::command]
pub async fn add_activity(state: State<'_, AppState>, call: AddActivity) -> Res<Answer<AddActivity>> {
    let AddActivity { pair_id, form } = call;
    let who = actor(&*state.node.read().await)?;
    let activity = ActivityInput {
        title: form.title,
        deadline: parse::date("Срок", &form.deadline)?,
        responsible: form.responsible,
        ..Default::default()
    };
    let id = nastavnik_node::new_id("a");
    change_pair(&state, &pair_id, "новое мероприятие", move |p| {
        p.add_activity(&who, &id, activity)
    })
    .await
}

/// Changes an activity's status (done: today).
#[tauri::command]
pub async fn set_activity_status(
    state: State<'_, AppState>,
    call: SetActivityStatus,
) -> Res<Answer<SetActivityStatus>> {
    let SetActivityStatus { pair_id, activity_id, status } = call;
    let who = actor(&*state.node.read().await)?;
    let status = ActivityStatus::from_code(&status).ok_or_else(|| input("неизвестный статус мероприятия"))?;
    let today = state.today();
    let done_on = (status == ActivityStatus::Done).then_some(today);
    change_pair(&state, &pair_id, "статус мероприятия", move |p| {
        p.set_activity_status(&who, &activity_id, status, done_on, "", today)
    })
    .await
}

/// Adds a meeting to the journal.
#[tauri::command]
pub async fn add_meeting(state: State<'_, AppState>, call: AddMeeting) -> Res<Answer<AddMeeting>> {
    let AddMeeting { pair_id, form } = call;
    let who = actor(&*state.node.read().await)?;
    let meeting = meeting_input(form)?;
    let id = nastavnik_node::new_id("m");
    let new_id = id.clone();
    change_pair(&state, &pair_id, "новая встреча", move |p| {
        p.add_meeting(&who, &new_id, meeting)
    })
    .await?;
    Ok(id)
}

/// A meeting's type, date, format and topic as the form gives them, checked.
pub(super) fn meeting_input(form: NewMeetingForm) -> Res<MeetingInput> {
    Ok(MeetingInput {
        meeting_type: MeetingType::from_code(&form.meeting_type)
            .ok_or_else(|| input("Вид встречи: выберите значение"))?,
        date: parse::date("Дата встречи", &form.date)?,
        format: MeetingFormat::from_code(&form.format).ok_or_else(|| input("Формат: выберите значение"))?,
        topic: form.topic,
    })
}

/// Writes a meeting's notes, agreed tasks or reflection as the person typed it from the
/// version with heads `since`: what others wrote meanwhile is kept beside it. Returns the
/// document's heads after the change (the next save starts from them).
#[tauri::command]
pub async fn set_meeting_text(
    state: State<'_, AppState>,
    call: SetMeetingText,
) -> Res<Answer<SetMeetingText>> {
    let SetMeetingText { pair_id, meeting_id, field, text, since, typed_at } = call;
    let field = MeetingText::from_code(&field).ok_or_else(|| input("неизвестное поле встречи"))?;
    let node = state.node.read().await;
    let who = actor(&node)?;
    let doc = crate::state::pair_doc(&node, &pair_id).await?;
    let now = state.now();
    let key = crate::drafts::Key { pair_id, meeting_id: meeting_id.clone(), field: field.code() };
    let based = since.clone();
    let field = TextField::of_meeting(field, meeting_id);
    let own = node
        .edit(&doc, move |d| set_text_since(d, now, &who, &field, &since, &text))
        .await
        .map_err(app_error)?;
    state.drafts.saved(&key, &based, &own, typed_at);
    Ok(own)
}

/// Keeps what is being typed into a meeting's text until it is saved (see `drafts`).
#[tauri::command]
pub async fn keep_draft(state: State<'_, AppState>, call: KeepDraft) -> Res<Answer<KeepDraft>> {
    if MeetingText::from_code(&call.field).is_none() {
        return Err(input("неизвестное поле встречи"));
    }
    state
        .drafts
        .keep(call)
        .map_err(|e| AppError {
            code: ErrorCode::Io, message: format!("черновик не сохранён: {e}")
        })
}

/// Confirms a meeting as this device's member.
#[tauri::command]
pub async fn confirm_meeting(
    state: State<'_, AppState>,
    call: ConfirmMeeting,
) -> Res<Answer<ConfirmMeeting>> {
    let ConfirmMeeting { pair_id, meeting_id } = call;
    let who = actor(&*state.node.read().await)?;
    let now = state.now();
    change_pair(&state, &pair_id, "подтверждение встречи", move |p| {
        p.confirm_meeting(&who, &meeting_id, now)
    })
    .await
}

/// Moves an activity's deadline (the other fields are kept as they are in the document).
#[tauri::command]
pub async fn set_activity_deadline(
    state: State<'_, AppState>,
    call: SetActivityDeadline,
) -> Res<Answer<SetActivityDeadline>> {
    let SetActivityDeadline { pair_id, activity_id, deadline } = call;
    let who = actor(&*state.node.read().await)?;
    let deadline = parse::date("Срок", &deadline)?;
    change_pair(&state, &pair_id, "срок мероприятия", move |p| {
        let a = p.activities.iter().find(|a| a.id == activity_id).ok_or(
            nastavnik_core::DomainError::NotFound { what: "мероприятие", id: activity_id.clone() },
        )?;
        let input = ActivityInput {
            title: a.title.clone(),
            mentor_activity: a.mentor_activity.clone(),
            expected_result: a.expected_result.clone(),
            deadline,
            responsible: a.responsible.clone(),
        };
        p.edit_activity(&who, &activity_id, input)
    })
    .await
}
