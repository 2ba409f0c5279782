//! «Мои заметки»: a mentor's private notes about the pair, on the pair's screen of the mentor's own
//! device. They are kept on this device only and never synced (`nastavnik_node::private_notes`);
//! the panel says so.

use nastavnik_shared::app::commands::{AddPrivateNote, EditPrivateNote, GetPrivateNotes, RemovePrivateNote};
use nastavnik_shared::app::{PairView, PrivateNote};
use nastavnik_shared::ru;
use nastavnik_shared::vocab::MemberRole;
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{FormError, TextArea, submit};

/// The pair.
#[derive(Properties, PartialEq)]
pub struct NotesProps {
    /// The pair.
    pub pair: PairView,
}

/// The panel, for the pair's mentor only.
#[function_component(PrivateNotes)]
pub fn private_notes(p: &NotesProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let me = ctx.person_id().map(str::to_string);
    let mentor = p.pair.members.iter().any(|m| Some(&m.0) == me.as_ref() && m.2 == MemberRole::Mentor);
    let notes = use_state(Vec::<PrivateNote>::new);
    let error = use_state(|| None::<String>);
    let reload = use_state(|| 0u32);
    {
        let (notes, error, pair_id) = (notes.clone(), error.clone(), p.pair.pair_id.clone());
        use_effect_with((pair_id.clone(), *reload, mentor), move |_| {
            if mentor {
                submit(GetPrivateNotes { pair_id }, error, move |v| notes.set(v));
            }
        });
    }
    if !mentor {
        return html! {};
    }
    let bump = {
        let reload = reload.clone();
        Callback::from(move |()| reload.set(*reload + 1))
    };
    html! {
        <div class="panel private-notes" id="private-notes">
            <h2>{ "Мои заметки" }</h2>
            <p class="muted">{ "Видны только вам: хранятся на этом устройстве и не передаются ни наставляемому, ни куратору." }</p>
            <FormError error={(*error).clone()} />
            if notes.is_empty() {
                <p class="muted">{ "Заметок пока нет." }</p>
            }
            <ul class="notes">{ for notes.iter().map(|n| html! {
                <NoteRow note={n.clone()} changed={bump.clone()} />
            }) }</ul>
            if p.pair.closed.is_none() {
                <AddNote pair_id={p.pair.pair_id.clone()} added={bump} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AddProps {
    pair_id: String,
    added: Callback<()>,
}

#[function_component(AddNote)]
fn add_note(p: &AddProps) -> Html {
    let text = use_state(String::new);
    let error = use_state(|| None::<String>);
    let save = {
        let (text, error, pair_id, added) = (text.clone(), error.clone(), p.pair_id.clone(), p.added.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (reset, added) = (text.clone(), added.clone());
            let call = AddPrivateNote { pair_id: pair_id.clone(), on: None, text: (*text).clone() };
            submit(call, error.clone(), move |_: String| {
                reset.set(String::new());
                added.emit(());
            });
        })
    };
    html! {
        <form class="inline" onsubmit={save}>
            <TextArea label="Новая заметка" id="note-text" value={(*text).clone()}
                oninput={{ let t = text.clone(); Callback::from(move |v| t.set(v)) }} />
            <FormError error={(*error).clone()} />
            <button id="add-note" type="submit">{ "Записать" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    note: PrivateNote,
    changed: Callback<()>,
}

/// One note: its day and text; «изменить» opens it for rewriting, «удалить» deletes it.
#[function_component(NoteRow)]
fn note_row(p: &RowProps) -> Html {
    let editing = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);
    let n = &p.note;
    let remove = {
        let (id, error, changed) = (n.id.clone(), error.clone(), p.changed.clone());
        Callback::from(move |_| {
            let changed = changed.clone();
            submit(RemovePrivateNote { note_id: id.clone() }, error.clone(), move |()| changed.emit(()));
        })
    };
    let edit = {
        let (editing, text) = (editing.clone(), n.text.clone());
        Callback::from(move |_| editing.set(Some(text.clone())))
    };
    let save = {
        let (id, editing, error, changed) = (n.id.clone(), editing.clone(), error.clone(), p.changed.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (done, changed) = (editing.clone(), changed.clone());
            let text = (*editing).clone().unwrap_or_default();
            submit(EditPrivateNote { note_id: id.clone(), text }, error.clone(), move |()| {
                done.set(None);
                changed.emit(());
            });
        })
    };
    html! {
        <li class="note">
            <span class="note-day">{ format!("{} — ", ru::date_short(n.on)) }</span>
            if let Some(text) = &*editing {
                <form class="inline" onsubmit={save}>
                    <TextArea label="Заметка" id="note-edit" value={text.clone()}
                        oninput={{ let e = editing.clone(); Callback::from(move |v| e.set(Some(v))) }} />
                    <button class="save-note" type="submit">{ "Сохранить" }</button>
                </form>
            } else {
                <span class="note-text">{ n.text.clone() }</span>
                <button class="link edit-note" onclick={edit}>{ "изменить" }</button>
                <button class="link remove-note" onclick={remove}>{ "удалить" }</button>
            }
            <FormError error={(*error).clone()} />
        </li>
    }
}
