//! Журнал встреч: the meetings of a pair, a new meeting, notes and confirmations.

use nastavnik_shared::app::{AppStatus, MeetingView, NewMeetingForm, Role};
use nastavnik_shared::ru;
use nastavnik_shared::vocab::{MeetingFormat, MeetingType};
use serde::Serialize;
use yew::prelude::*;

use super::app::Ctx;
use super::pair::ViewProps;
use super::widgets::{Choice, Field, FormError, TextArea, options, setter, submit};
use crate::state::Action;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AddMeeting {
    pair_id: String,
    form: NewMeetingForm,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notes {
    pair_id: String,
    meeting_id: String,
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Confirm {
    pair_id: String,
    meeting_id: String,
}

/// The journal tab.
#[function_component(Journal)]
pub fn journal(p: &ViewProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let form = use_state(|| NewMeetingForm {
        meeting_type: "regular".into(),
        format: "in_person".into(),
        date: ctx.status.as_ref().map(|s| s.today.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        ..Default::default()
    });
    let error = use_state(|| None::<String>);
    let set = |f: fn(&mut NewMeetingForm, String)| setter(&form, f);
    let save = {
        let (ctx, form, error, pair_id) = (ctx.clone(), form.clone(), error.clone(), p.pair.pair_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (ctx, reset) = (ctx.clone(), form.clone());
            let args = AddMeeting { pair_id: pair_id.clone(), form: (*form).clone() };
            submit("add_meeting", args, error.clone(), move |_: String| {
                reset.set(NewMeetingForm { topic: String::new(), ..(*reset).clone() });
                ctx.dispatch(Action::Changed);
            });
        })
    };
    let member = matches!(ctx.status.as_ref().map(|s: &AppStatus| &s.role), Some(Role::Member { .. }));
    html! {
        <>
            <form class="card inline" onsubmit={save}>
                <h2>{ "Новая встреча" }</h2>
                <Choice label="Вид встречи" id="meeting-type" value={form.meeting_type.clone()} options={options(MeetingType::ALL, MeetingType::label)} onchange={set(|f, v| f.meeting_type = v)} />
                <Field label="Дата" id="meeting-date" kind="date" value={form.date.clone()} oninput={set(|f, v| f.date = v)} />
                <Choice label="Формат" id="meeting-format" value={form.format.clone()} options={options(MeetingFormat::ALL, MeetingFormat::label)} onchange={set(|f, v| f.format = v)} />
                <Field label="Тема" id="meeting-topic" value={form.topic.clone()} oninput={set(|f, v| f.topic = v)} />
                <FormError error={(*error).clone()} />
                <button id="add-meeting" type="submit" class="primary">{ "Добавить встречу" }</button>
            </form>
            if p.pair.meetings.is_empty() { <p class="muted">{ "Встреч пока не было." }</p> }
            { for p.pair.meetings.iter().rev().map(|m| html! {
                <MeetingCard key={m.id.clone()} pair_id={p.pair.pair_id.clone()} meeting={m.clone()} {member} />
            }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct MeetingProps {
    pair_id: String,
    meeting: MeetingView,
    member: bool,
}

/// One meeting: its notes (saved on demand; what is typed stays if saving fails) and who confirmed it.
#[function_component(MeetingCard)]
fn meeting_card(p: &MeetingProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let m = &p.meeting;
    let draft = use_state(|| m.notes.clone());
    let error = use_state(|| None::<String>);
    {
        // Notes synced in from the other side replace ours only while we have not typed.
        let (draft, notes) = (draft.clone(), m.notes.clone());
        use_effect_with(notes.clone(), move |_| draft.set(notes));
    }
    let save = {
        let (ctx, draft, error, pair_id, id) =
            (ctx.clone(), draft.clone(), error.clone(), p.pair_id.clone(), m.id.clone());
        Callback::from(move |_| {
            let ctx = ctx.clone();
            let args = Notes { pair_id: pair_id.clone(), meeting_id: id.clone(), text: (*draft).clone() };
            submit("set_meeting_notes", args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let confirm = {
        let (ctx, error, pair_id, id) = (ctx.clone(), error.clone(), p.pair_id.clone(), m.id.clone());
        Callback::from(move |_| {
            let ctx = ctx.clone();
            let args = Confirm { pair_id: pair_id.clone(), meeting_id: id.clone() };
            submit("confirm_meeting", args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let confirmed =
        |yes: bool, who: &str| format!("{who}: {}", if yes { "подтвердил(а)" } else { "не подтвердил(а)" });
    html! {
        <article class="card meeting">
            <h3>{ format!("{} — {}, {}", ru::date_short(m.date), m.meeting_type.label(), m.format.label()) }</h3>
            <p class="topic">{ m.topic.clone() }</p>
            if p.member {
                <TextArea label="Заметки встречи" id={format!("notes-{}", m.id)} value={(*draft).clone()}
                    oninput={{ let d = draft.clone(); Callback::from(move |v| d.set(v)) }} />
            } else {
                // The journal is the pair's own: the curator reads it, the members write it.
                <div class="notes">
                    <span class="muted">{ "Заметки встречи (ведут наставник и наставляемый)" }</span>
                    <p class="notes-text">{ if m.notes.is_empty() { "—".to_string() } else { m.notes.clone() } }</p>
                </div>
            }
            <FormError error={(*error).clone()} />
            <div class="actions">
                if p.member {
                    <button class="save-notes" onclick={save} disabled={*draft == m.notes}>{ "Сохранить заметки" }</button>
                    <button class="confirm" onclick={confirm}>{ "Подтвердить встречу" }</button>
                }
                <span class="muted">{ confirmed(m.confirmed_by_mentor, "наставник") }{ " · " }{ confirmed(m.confirmed_by_mentee, "наставляемый") }</span>
            </div>
        </article>
    }
}
