//! Журнал встреч: the meetings of a pair, a new meeting, the texts the pair types (see
//! `shared_text.rs`) and confirmations.

use nastavnik_shared::Code;
use nastavnik_shared::app::commands::{AddMeeting, ConfirmMeeting, EditMeeting, RemoveMeeting};
use nastavnik_shared::app::{AppStatus, MeetingView, NewMeetingForm, Role, Tracked};
use nastavnik_shared::ru;
use nastavnik_shared::vocab::{MeetingFormat, MeetingText, MeetingType, MemberRole};
use yew::prelude::*;

use super::app::Ctx;
use super::pair::ViewProps;
use super::shared_text::SharedText;
use super::widgets::{Choice, Field, FormError, options, setter, submit};
use crate::state::Action;

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
            submit(args, error.clone(), move |_: String| {
                reset.set(NewMeetingForm { topic: String::new(), ..(*reset).clone() });
                ctx.dispatch(Action::Changed);
            });
        })
    };
    let curator = matches!(ctx.status.as_ref().map(|s: &AppStatus| &s.role), Some(Role::Curator { .. }));
    // This device's person's role in the pair (none on the curator's device).
    let role = match ctx.status.as_ref().map(|s: &AppStatus| &s.role) {
        Some(Role::Member { person_id, .. }) => {
            p.pair.members.iter().find(|(id, _, _)| id == person_id).map(|(_, _, role)| *role)
        }
        _ => None,
    };
    let open = p.pair.closed.is_none();
    let (role, curator) = if open { (role, curator) } else { (None, false) };
    html! {
        <>
            if open {
            <form class="card inline" onsubmit={save}>
                <h2>{ "Новая встреча" }</h2>
                <Choice label="Вид встречи" id="meeting-type" value={form.meeting_type.clone()} options={options(MeetingType::ALL, MeetingType::label)} onchange={set(|f, v| f.meeting_type = v)} />
                <Field label="Дата" id="meeting-date" kind="date" value={form.date.clone()} oninput={set(|f, v| f.date = v)} />
                <Choice label="Формат" id="meeting-format" value={form.format.clone()} options={options(MeetingFormat::ALL, MeetingFormat::label)} onchange={set(|f, v| f.format = v)} />
                <Field label="Тема" id="meeting-topic" value={form.topic.clone()} oninput={set(|f, v| f.topic = v)} />
                <FormError error={(*error).clone()} />
                <button id="add-meeting" type="submit" class="primary">{ "Добавить встречу" }</button>
            </form>
            }
            if p.pair.meetings.is_empty() { <p class="muted">{ "Встреч пока не было." }</p> }
            { for p.pair.meetings.iter().rev().map(|m| html! {
                <MeetingCard key={m.id.clone()} pair_id={p.pair.pair_id.clone()} meeting={m.clone()} heads={p.pair.heads.clone()} {role} {curator} />
            }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct MeetingProps {
    pair_id: String,
    meeting: MeetingView,
    heads: Vec<String>,
    /// This device's person in the pair, if a member.
    role: Option<MemberRole>,
    /// This is the curator's device.
    curator: bool,
}

/// One meeting: its notes, agreed tasks and reflection (typed by the pair, read by the curator),
/// and who confirmed it.
#[function_component(MeetingCard)]
fn meeting_card(p: &MeetingProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let m = &p.meeting;
    let error = use_state(|| None::<String>);
    let confirm = {
        let (ctx, error, pair_id, id) = (ctx.clone(), error.clone(), p.pair_id.clone(), m.id.clone());
        Callback::from(move |_| {
            let ctx = ctx.clone();
            let args = ConfirmMeeting { pair_id: pair_id.clone(), meeting_id: id.clone() };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let confirmed =
        |yes: bool, who: &str| format!("{who}: {}", if yes { "подтвердил(а)" } else { "не подтвердил(а)" });
    let text = |field: MeetingText, value: &str| {
        let (editable, writers) = match field {
            MeetingText::Reflection => (p.role == Some(MemberRole::Mentee), "пишет наставляемый"),
            _ => (p.role.is_some(), "ведут наставник и наставляемый"),
        };
        html! {
            <SharedText pair_id={p.pair_id.clone()} meeting_id={m.id.clone()} {field} value={value.to_string()}
                heads={p.heads.clone()} {editable} {writers} />
        }
    };
    let editing = use_state(|| false);
    let toggle = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(!*editing))
    };
    html! {
        <article class="card meeting">
            <h3>{ format!("{} — {}, {}", ru::date_short(m.date), m.meeting_type.label(), m.format.label()) }</h3>
            <p class="topic">{ m.topic.clone() }</p>
            if p.role.is_some() || p.curator {
                <button class="edit-meeting link" type="button" onclick={toggle}>{ if *editing { "закрыть правку" } else { "изменить встречу" } }</button>
            }
            <button class="item-history link" type="button"
                onclick={super::history::open_item(&ctx, &p.pair_id, super::history::Focus { item: Tracked::Meeting(m.id.clone()), title: m.topic.clone() })}>{ "история встречи" }</button>
            if *editing {
                <MeetingEdit pair_id={p.pair_id.clone()} meeting={m.clone()} close={{ let e = editing.clone(); Callback::from(move |()| e.set(false)) }} />
            }
            { text(MeetingText::Notes, &m.notes) }
            { text(MeetingText::AgreedTasks, &m.agreed_tasks) }
            { text(MeetingText::Reflection, &m.reflection) }
            <FormError error={(*error).clone()} />
            <div class="actions">
                if p.role.is_some() {
                    <button class="confirm" onclick={confirm}>{ "Подтвердить встречу" }</button>
                }
                <span class="muted">{ confirmed(m.confirmed_by_mentor, "наставник") }{ " · " }{ confirmed(m.confirmed_by_mentee, "наставляемый") }</span>
            </div>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct EditProps {
    pair_id: String,
    meeting: MeetingView,
    close: Callback<()>,
}

/// A meeting's type, date, format and topic changed; or the meeting removed (if unconfirmed).
#[function_component(MeetingEdit)]
fn meeting_edit(p: &EditProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let m = &p.meeting;
    let form = use_state(|| NewMeetingForm {
        meeting_type: m.meeting_type.code(),
        date: m.date.format("%Y-%m-%d").to_string(),
        format: m.format.code(),
        topic: m.topic.clone(),
    });
    let error = use_state(|| None::<String>);
    let set = |f: fn(&mut NewMeetingForm, String)| setter(&form, f);
    let save = {
        let (ctx, form, error, close) = (ctx.clone(), form.clone(), error.clone(), p.close.clone());
        let (pair_id, meeting_id) = (p.pair_id.clone(), m.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (ctx, close) = (ctx.clone(), close.clone());
            let args = EditMeeting {
                pair_id: pair_id.clone(),
                meeting_id: meeting_id.clone(),
                form: (*form).clone(),
            };
            submit(args, error.clone(), move |()| {
                close.emit(());
                ctx.dispatch(Action::Changed);
            });
        })
    };
    let remove = {
        let (ctx, error) = (ctx.clone(), error.clone());
        let (pair_id, meeting_id) = (p.pair_id.clone(), m.id.clone());
        Callback::from(move |_: MouseEvent| {
            let ctx = ctx.clone();
            let args = RemoveMeeting { pair_id: pair_id.clone(), meeting_id: meeting_id.clone() };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    html! {
        <form class="inline meeting-form" onsubmit={save}>
            <Choice label="Вид встречи" id="edit-meeting-type" value={form.meeting_type.clone()} options={options(MeetingType::ALL, MeetingType::label)} onchange={set(|f, v| f.meeting_type = v)} />
            <Field label="Дата" id="edit-meeting-date" kind="date" value={form.date.clone()} oninput={set(|f, v| f.date = v)} />
            <Choice label="Формат" id="edit-meeting-format" value={form.format.clone()} options={options(MeetingFormat::ALL, MeetingFormat::label)} onchange={set(|f, v| f.format = v)} />
            <Field label="Тема" id="edit-meeting-topic" value={form.topic.clone()} oninput={set(|f, v| f.topic = v)} />
            <FormError error={(*error).clone()} />
            <button id="save-meeting" type="submit" class="primary">{ "Сохранить встречу" }</button>
            <button id="remove-meeting" type="button" onclick={remove}>{ "Удалить встречу" }</button>
        </form>
    }
}
