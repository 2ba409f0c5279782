//! A text two people type into (a meeting's notes, agreed tasks, reflection): what this person
//! types is never lost.
//!
//! Typing starts a draft based on the version shown (the document's heads). The draft is saved a
//! moment after typing stops, and when the field is left; each save says which version it was
//! typed from, so the shell merges it with what others wrote meanwhile (both kept, as automerge
//! merges concurrent typing). Every key also hands the draft to the shell, which keeps it on
//! disk until it is saved: a window closed mid-typing loses nothing (`src-tauri/src/drafts.rs`). A remote change arriving while the draft has unsaved typing leaves
//! the draft alone (and says so); one arriving while the draft is saved replaces it with the
//! merged text. A failed save keeps the draft and shows why.

use std::cell::RefCell;
use std::rc::Rc;

use nastavnik_shared::Code;
use nastavnik_shared::app::commands::{KeepDraft, SetMeetingText};
use nastavnik_shared::vocab::MeetingText;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::FormError;
use crate::state::Action;

/// How long typing must pause before the draft is saved.
const PAUSE_MS: i32 = 1000;

/// What is being typed.
#[derive(Default)]
struct Draft {
    /// The text as typed (`None`: not typing; the document's text is shown).
    text: Option<String>,
    /// The version the unsaved typing starts from.
    since: Vec<String>,
    /// The text as last saved (or as shown when typing began).
    saved: String,
    /// Bumped by every keystroke: a pending save runs only if no key came after it.
    keystrokes: u64,
    /// When the last key was pressed (ms, the page's clock).
    typed_at: f64,
    /// A save is on its way.
    saving: bool,
}

/// Props.
#[derive(Properties, PartialEq)]
pub struct SharedTextProps {
    /// The pair.
    pub pair_id: String,
    /// The meeting.
    pub meeting_id: String,
    /// Which text.
    pub field: MeetingText,
    /// The text in the document.
    pub value: String,
    /// The document's heads the value was read at.
    pub heads: Vec<String>,
    /// Whether this person may write it (otherwise it is shown read-only).
    pub editable: bool,
    /// Who writes it, when read-only («ведут наставник и наставляемый»).
    pub writers: AttrValue,
}

/// The text.
#[function_component(SharedText)]
pub fn shared_text(p: &SharedTextProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let draft = use_mut_ref(Draft::default);
    let error = use_state(|| None::<String>);
    let redraw = use_force_update();
    {
        // A new version from the document: adopt it unless unsaved typing would be lost.
        let (draft, redraw) = (draft.clone(), redraw.clone());
        use_effect_with((p.value.clone(), p.heads.clone()), move |_| {
            let mut d = draft.borrow_mut();
            if !d.saving && d.text.as_ref() == Some(&d.saved) {
                d.text = None;
                redraw.force_update();
            }
        });
    }
    let save: Rc<dyn Fn()> = {
        let (ctx, draft, error, redraw) = (ctx.clone(), draft.clone(), error.clone(), redraw.clone());
        let (pair_id, meeting_id, field) = (p.pair_id.clone(), p.meeting_id.clone(), p.field.code());
        Rc::new(move || save_draft(&ctx, &draft, &error, &redraw, &pair_id, &meeting_id, &field))
    };
    let oninput = {
        let (draft, redraw, save, error) = (draft.clone(), redraw.clone(), save.clone(), error.clone());
        let (value, heads) = (p.value.clone(), p.heads.clone());
        let (pair_id, meeting_id, field) = (p.pair_id.clone(), p.meeting_id.clone(), p.field.code());
        Callback::from(move |e: InputEvent| {
            let typed = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
            let (keystroke, kept) = {
                let mut d = draft.borrow_mut();
                if d.text.is_none() {
                    (d.since, d.saved) = (heads.clone(), value.clone());
                }
                d.text = Some(typed.clone());
                d.keystrokes += 1;
                d.typed_at = js_sys::Date::now();
                let kept = KeepDraft {
                    pair_id: pair_id.clone(),
                    meeting_id: meeting_id.clone(),
                    field: field.clone(),
                    text: typed,
                    since: d.since.clone(),
                    typed_at: d.typed_at,
                };
                (d.keystrokes, kept)
            };
            // Kept by the shell with every key: a window closed before the save loses nothing.
            let error = error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = crate::ipc::call(&kept).await {
                    error.set(Some(e.message));
                }
            });
            redraw.force_update();
            let (draft, save) = (draft.clone(), save.clone());
            wasm_bindgen_futures::spawn_local(async move {
                pause(PAUSE_MS).await;
                if draft.borrow().keystrokes == keystroke {
                    save();
                }
            });
        })
    };
    let onblur = {
        let save = save.clone();
        Callback::from(move |_: FocusEvent| save())
    };
    let label = p.field.label();
    let d = draft.borrow();
    let shown = d.text.clone().unwrap_or_else(|| p.value.clone());
    let unsaved = d.text.as_ref().is_some_and(|t| *t != d.saved);
    let changed_elsewhere = unsaved && p.value != d.saved;
    let class = format!("shared-text {}", p.field.code());
    if !p.editable {
        return html! {
            <div {class}>
                <span class="muted">{ format!("{label} ({})", p.writers) }</span>
                <p class="text">{ if p.value.is_empty() { "—".to_string() } else { p.value.clone() } }</p>
            </div>
        };
    }
    let id = format!("{}-{}", p.field.code(), p.meeting_id);
    html! {
        <div {class}>
            <label class="field wide" for={id.clone()}>
                <span>{ label }</span>
                <textarea {id} value={shown} {oninput} {onblur} rows="3" />
            </label>
            <span class="save-state muted">
                { if d.saving { "сохраняется…" } else if unsaved { "не сохранено" } else if d.text.is_some() { "сохранено" } else { "" } }
            </span>
            if changed_elsewhere {
                <span class="muted elsewhere">{ "Текст изменили на другом устройстве: ваши правки сохранятся вместе с этими изменениями." }</span>
            }
            <FormError error={(*error).clone()} />
        </div>
    }
}

/// Saves the draft if it has unsaved typing and no save is on its way.
fn save_draft(
    ctx: &Ctx,
    draft: &Rc<RefCell<Draft>>,
    error: &UseStateHandle<Option<String>>,
    redraw: &UseForceUpdateHandle,
    pair_id: &str,
    meeting_id: &str,
    field: &str,
) {
    let (text, since, typed_at) = {
        let mut d = draft.borrow_mut();
        let Some(text) = d.text.clone() else { return };
        if d.saving || text == d.saved {
            return;
        }
        d.saving = true;
        (text, d.since.clone(), d.typed_at)
    };
    redraw.force_update();
    let args = SetMeetingText {
        pair_id: pair_id.into(),
        meeting_id: meeting_id.into(),
        field: field.into(),
        text: text.clone(),
        since,
        typed_at,
    };
    let (ctx, draft, error, redraw) = (ctx.clone(), draft.clone(), error.clone(), redraw.clone());
    let (pair_id, meeting_id, field) = (pair_id.to_string(), meeting_id.to_string(), field.to_string());
    wasm_bindgen_futures::spawn_local(async move {
        let result = crate::ipc::call(&args).await;
        {
            let mut d = draft.borrow_mut();
            d.saving = false;
            if let Ok(heads) = &result {
                (d.since, d.saved) = (heads.clone(), text);
            }
        }
        match result {
            Ok(_) => {
                error.set(None);
                ctx.dispatch(Action::Changed);
                // Typed on while this save was on its way: save that too.
                save_draft(&ctx, &draft, &error, &redraw, &pair_id, &meeting_id, &field);
            }
            Err(e) => error.set(Some(e.message)),
        }
        redraw.force_update();
    });
}

/// Waits `ms` milliseconds (the browser's timer).
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let set_timeout = js_sys::Reflect::get(&js_sys::global(), &"setTimeout".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(set_timeout) = set_timeout {
            let _ = set_timeout.call2(&wasm_bindgen::JsValue::NULL, &resolve, &ms.into());
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
