//! One activity of the plan: its status and deadline changed in place, and an edit panel for
//! every field — title, the mentor's activity, expected result, deadline, responsible, status,
//! the day it was done and the completion note — saved as one change; or removed.

use nastavnik_shared::Code;
use nastavnik_shared::app::commands::{EditActivity, RemoveActivity, SetActivityDeadline, SetActivityStatus};
use nastavnik_shared::app::{ActivityForm, ActivityView, Tracked};
use nastavnik_shared::vocab::ActivityStatus;
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{Choice, Field, FormError, options, setter, submit};
use crate::state::Action;

/// Props.
#[derive(Properties, PartialEq)]
pub struct RowProps {
    /// The pair.
    pub pair_id: String,
    /// The activity.
    pub activity: ActivityView,
    /// The pair is closed: shown, not changed.
    pub archived: bool,
}

fn form_of(a: &ActivityView) -> ActivityForm {
    ActivityForm {
        title: a.title.clone(),
        mentor_activity: a.mentor_activity.clone(),
        expected_result: a.expected_result.clone(),
        deadline: a.deadline.format("%Y-%m-%d").to_string(),
        responsible: a.responsible.clone(),
        status: a.status.code(),
        done_on: a.completed_on.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        note: a.completion_note.clone(),
    }
}

/// An activity with its status and deadline changeable in place.
#[function_component(ActivityRow)]
pub fn activity_row(p: &RowProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let error = use_state(|| None::<String>);
    let editing = use_state(|| false);
    let a = &p.activity;
    let today = ctx.status.as_ref().map(|s| s.today);
    let late = a.status.is_open() && today.is_some_and(|t| a.deadline < t);
    if p.archived {
        return html! {
            <tr class="activity">
                <td>{ a.title.clone() }
                    if !a.completion_note.is_empty() { <div class="muted completion-note">{ a.completion_note.clone() }</div> }</td>
                <td>{ nastavnik_shared::ru::date_short(a.deadline) }</td>
                <td>{ a.responsible.clone() }</td>
                <td class="activity-status-text">{ a.status.label() }</td>
            </tr>
        };
    }
    let onchange = {
        let (ctx, error, pair_id, id) = (ctx.clone(), error.clone(), p.pair_id.clone(), a.id.clone());
        Callback::from(move |e: Event| {
            let status = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let ctx = ctx.clone();
            let args = SetActivityStatus { pair_id: pair_id.clone(), activity_id: id.clone(), status };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let move_deadline = {
        let (ctx, error, pair_id, id) = (ctx.clone(), error.clone(), p.pair_id.clone(), a.id.clone());
        Callback::from(move |e: Event| {
            let deadline = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            let ctx = ctx.clone();
            let args = SetActivityDeadline { pair_id: pair_id.clone(), activity_id: id.clone(), deadline };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let toggle = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(!*editing))
    };
    html! {
        <>
        <tr class={classes!("activity", late.then_some("late"))}>
            <td>
                { a.title.clone() }
                if !a.completion_note.is_empty() && a.completion_note.to_lowercase() != a.status.label() {
                    <div class="muted completion-note">{ a.completion_note.clone() }</div>
                }
                <FormError error={(*error).clone()} />
                <button class="edit-activity link" type="button" aria-label={format!("Изменить: {}", a.title)} onclick={toggle}>{ "изменить" }</button>
                <button class="item-history link" type="button" aria-label={format!("История: {}", a.title)}
                    onclick={super::history::open_item(&ctx, &p.pair_id, super::history::Focus { item: Tracked::Activity(a.id.clone()), title: a.title.clone() })}>{ "история" }</button>
            </td>
            <td>
                <input type="date" class="activity-deadline" aria-label={format!("Срок: {}", a.title)}
                    value={a.deadline.format("%Y-%m-%d").to_string()} onchange={move_deadline} />
                if late { <div class="late-mark">{ "просрочено" }</div> }
            </td>
            <td>{ a.responsible.clone() }</td>
            <td>
                <select class="activity-status" aria-label={format!("Статус: {}", a.title)} {onchange}>
                    { for options(ActivityStatus::ALL, ActivityStatus::label).into_iter().map(|(v, t)| html! {
                        <option value={v.clone()} selected={v == a.status.code()}>{ t }</option>
                    }) }
                </select>
            </td>
        </tr>
        if *editing {
            <tr class="activity-edit"><td colspan="4">
                <EditPanel pair_id={p.pair_id.clone()} activity={a.clone()} close={{ let e = editing.clone(); Callback::from(move |()| e.set(false)) }} />
            </td></tr>
        }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct EditProps {
    pair_id: String,
    activity: ActivityView,
    close: Callback<()>,
}

/// Every field of an activity, saved as one change; or the activity removed.
#[function_component(EditPanel)]
fn edit_panel(p: &EditProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let form = use_state(|| form_of(&p.activity));
    let error = use_state(|| None::<String>);
    let set = |f: fn(&mut ActivityForm, String)| setter(&form, f);
    let ids = (p.pair_id.clone(), p.activity.id.clone());
    let save = {
        let (ctx, form, error, close, (pair_id, activity_id)) =
            (ctx.clone(), form.clone(), error.clone(), p.close.clone(), ids.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (ctx, close) = (ctx.clone(), close.clone());
            let args = EditActivity {
                pair_id: pair_id.clone(),
                activity_id: activity_id.clone(),
                form: (*form).clone(),
            };
            submit(args, error.clone(), move |()| {
                close.emit(());
                ctx.dispatch(Action::Changed);
            });
        })
    };
    let remove = {
        let (ctx, error, (pair_id, activity_id)) = (ctx.clone(), error.clone(), ids);
        Callback::from(move |_: MouseEvent| {
            let ctx = ctx.clone();
            let args = RemoveActivity { pair_id: pair_id.clone(), activity_id: activity_id.clone() };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let done = form.status == ActivityStatus::Done.code();
    html! {
        <form class="inline activity-form" onsubmit={save}>
            <Field label="Мероприятие" id="edit-title" value={form.title.clone()} oninput={set(|f, v| f.title = v)} />
            <Field label="Деятельность наставника" id="edit-mentor-activity" value={form.mentor_activity.clone()} oninput={set(|f, v| f.mentor_activity = v)} />
            <Field label="Ожидаемый результат" id="edit-expected-result" value={form.expected_result.clone()} oninput={set(|f, v| f.expected_result = v)} />
            <Field label="Срок" id="edit-deadline" kind="date" value={form.deadline.clone()} oninput={set(|f, v| f.deadline = v)} />
            <Field label="Ответственный" id="edit-responsible" value={form.responsible.clone()} oninput={set(|f, v| f.responsible = v)} />
            <Choice label="Статус" id="edit-status" value={form.status.clone()} options={options(ActivityStatus::ALL, ActivityStatus::label)} onchange={set(|f, v| f.status = v)} />
            if done {
                <Field label="Дата выполнения" id="edit-done-on" kind="date" value={form.done_on.clone()} oninput={set(|f, v| f.done_on = v)} />
            }
            <Field label="Отметка о выполнении" id="edit-note" value={form.note.clone()} oninput={set(|f, v| f.note = v)} />
            <FormError error={(*error).clone()} />
            <button id="save-activity" type="submit" class="primary">{ "Сохранить" }</button>
            <button id="remove-activity" type="button" onclick={remove}>{ "Удалить мероприятие" }</button>
        </form>
    }
}
