//! The programme's lists on the Программа tab: directions of work, deficits, strengths, short-
//! and long-term goals — each entry reworded or removed in place, a new one added under its list.

use nastavnik_shared::Code;
use nastavnik_shared::app::commands::{AddProgrammeEntry, EditProgrammeEntry, RemoveProgrammeEntry};
use nastavnik_shared::app::{PairView, ProgrammeEntry, Tracked};
use nastavnik_shared::vocab::ProgrammePart;
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{FormError, submit};
use crate::state::Action;

/// The pair.
#[derive(Properties, PartialEq)]
pub struct ListsProps {
    /// The pair.
    pub pair: PairView,
}

/// The five lists.
#[function_component(ProgrammeLists)]
pub fn programme_lists(p: &ListsProps) -> Html {
    html! {
        <div class="columns">
            { for ProgrammePart::ALL.iter().map(|part| {
                let entries: Vec<ProgrammeEntry> = p.pair.programme.iter().filter(|e| e.part == *part).cloned().collect();
                html! { <PartList pair_id={p.pair.pair_id.clone()} part={*part} {entries} archived={p.pair.closed.is_some()} /> }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PartProps {
    pair_id: String,
    part: ProgrammePart,
    entries: Vec<ProgrammeEntry>,
    archived: bool,
}

/// One list with its entries and a field to add one.
#[function_component(PartList)]
fn part_list(p: &PartProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let draft = use_state(String::new);
    let error = use_state(|| None::<String>);
    let code = p.part.code();
    let add = {
        let (ctx, draft, error, pair_id, part) =
            (ctx.clone(), draft.clone(), error.clone(), p.pair_id.clone(), code.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (ctx, reset) = (ctx.clone(), draft.clone());
            let args =
                AddProgrammeEntry { pair_id: pair_id.clone(), part: part.clone(), text: (*draft).clone() };
            submit(args, error.clone(), move |_: String| {
                reset.set(String::new());
                ctx.dispatch(Action::Changed);
            });
        })
    };
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
        })
    };
    let input_id = format!("add-{code}");
    html! {
        <div class="panel programme-part" id={format!("part-{code}")}>
            <h2>{ p.part.label() }</h2>
            if p.entries.is_empty() { <p class="muted">{ "не указаны" }</p> }
            else { <ul>{ for p.entries.iter().map(|e| html! { <EntryRow key={e.id.clone()} pair_id={p.pair_id.clone()} entry={e.clone()} archived={p.archived} /> }) }</ul> }
            if !p.archived {
            <form class="add-entry" onsubmit={add}>
                <input id={input_id.clone()} aria-label={format!("{}: новый пункт", p.part.label())}
                    placeholder="Новый пункт" value={(*draft).clone()} {oninput} />
                <button id={format!("{input_id}-button")} type="submit">{ "Добавить" }</button>
            </form>
            }
            <FormError error={(*error).clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EntryProps {
    pair_id: String,
    entry: ProgrammeEntry,
    archived: bool,
}

/// An entry: its wording, reworded or removed in place.
#[function_component(EntryRow)]
fn entry_row(p: &EntryProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let editing = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);
    let e = &p.entry;
    let args = (p.pair_id.clone(), e.part.code(), e.id.clone());
    let save = {
        let (ctx, editing, error, (pair_id, part, entry_id)) =
            (ctx.clone(), editing.clone(), error.clone(), args.clone());
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let Some(text) = (*editing).clone() else { return };
            let (ctx, done) = (ctx.clone(), editing.clone());
            let args = EditProgrammeEntry {
                pair_id: pair_id.clone(),
                part: part.clone(),
                entry_id: entry_id.clone(),
                text,
            };
            submit(args, error.clone(), move |()| {
                done.set(None);
                ctx.dispatch(Action::Changed);
            });
        })
    };
    let remove = {
        let (ctx, error, (pair_id, part, entry_id)) = (ctx.clone(), error.clone(), args);
        Callback::from(move |_: MouseEvent| {
            let ctx = ctx.clone();
            let args = RemoveProgrammeEntry {
                pair_id: pair_id.clone(),
                part: part.clone(),
                entry_id: entry_id.clone(),
            };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let start = {
        let (editing, text) = (editing.clone(), e.text.clone());
        Callback::from(move |_: MouseEvent| editing.set(Some(text.clone())))
    };
    let cancel = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(None))
    };
    let oninput = {
        let editing = editing.clone();
        Callback::from(move |ev: InputEvent| {
            editing.set(Some(ev.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
        })
    };
    html! {
        <li class="entry">
            if let Some(text) = (*editing).clone() {
                <form class="edit-entry-form" onsubmit={save}>
                    <input class="entry-input" aria-label="Формулировка" value={text} {oninput} />
                    <button class="save-entry" type="submit">{ "Сохранить" }</button>
                    <button type="button" onclick={cancel}>{ "Отмена" }</button>
                </form>
            } else {
                <span class="entry-text">{ e.text.clone() }</span>
                if !p.archived {
                <button class="edit-entry link" type="button" aria-label={format!("Изменить: {}", e.text)} onclick={start}>{ "изменить" }</button>
                <button class="remove-entry link" type="button" aria-label={format!("Удалить: {}", e.text)} onclick={remove}>{ "удалить" }</button>
                }
                <button class="entry-history link" type="button" aria-label={format!("История: {}", e.text)}
                    onclick={super::history::open_item(&ctx, &p.pair_id, super::history::Focus { item: Tracked::Entry(e.part, e.id.clone()), title: e.text.clone() })}>{ "история" }</button>
            }
            <FormError error={(*error).clone()} />
        </li>
    }
}
