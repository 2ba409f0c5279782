//! Small pieces every form uses: a labelled input, a labelled select, an error line, and the
//! plumbing to run a command and report its error.

use nastavnik_shared::app::AppError;
use nastavnik_shared::app::commands::{Answer, Command};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A labelled input.
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The label (Russian).
    pub label: AttrValue,
    /// The element id (tests and `<label for>`).
    pub id: AttrValue,
    /// Current value.
    pub value: AttrValue,
    /// New value.
    pub oninput: Callback<String>,
    /// `text`, `date`, `number`.
    #[prop_or(AttrValue::from("text"))]
    pub kind: AttrValue,
    /// A hint inside the empty input.
    #[prop_or_default]
    pub placeholder: AttrValue,
}

/// A labelled input.
#[function_component(Field)]
pub fn field(p: &FieldProps) -> Html {
    let oninput = p.oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <label class="field" for={p.id.clone()}>
            <span>{ p.label.clone() }</span>
            <input id={p.id.clone()} type={p.kind.clone()} value={p.value.clone()} placeholder={p.placeholder.clone()} {oninput} />
        </label>
    }
}

/// A labelled multi-line input.
#[function_component(TextArea)]
pub fn text_area(p: &FieldProps) -> Html {
    let oninput = p.oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    html! {
        <label class="field wide" for={p.id.clone()}>
            <span>{ p.label.clone() }</span>
            <textarea id={p.id.clone()} value={p.value.clone()} rows="4" {oninput} />
        </label>
    }
}

/// A labelled select of (value, text) options.
#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    /// The label.
    pub label: AttrValue,
    /// The element id.
    pub id: AttrValue,
    /// Current value.
    pub value: AttrValue,
    /// Options: (value, text).
    pub options: Vec<(String, String)>,
    /// New value.
    pub onchange: Callback<String>,
}

/// A labelled select.
#[function_component(Choice)]
pub fn choice(p: &ChoiceProps) -> Html {
    let onchange = p.onchange.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <label class="field" for={p.id.clone()}>
            <span>{ p.label.clone() }</span>
            <select id={p.id.clone()} {onchange}>
                { for p.options.iter().map(|(v, t)| html! {
                    <option value={v.clone()} selected={*v == *p.value}>{ t.clone() }</option>
                }) }
            </select>
        </label>
    }
}

/// A form's error line (nothing when there is no error).
#[derive(Properties, PartialEq)]
pub struct ErrorProps {
    /// The error.
    pub error: Option<String>,
}

/// A form's error line.
#[function_component(FormError)]
pub fn form_error(p: &ErrorProps) -> Html {
    match &p.error {
        Some(e) => html! { <p class="form-error" role="alert">{ e.clone() }</p> },
        None => html! {},
    }
}

/// Runs a command; on success calls `done`, on failure puts the message in `error` (the form
/// keeps what was typed).
pub fn submit<C: Command + 'static>(
    call: C,
    error: UseStateHandle<Option<String>>,
    done: impl FnOnce(Answer<C>) + 'static,
) {
    wasm_bindgen_futures::spawn_local(async move {
        match crate::ipc::call(&call).await {
            Ok(r) => {
                error.set(None);
                done(r);
            }
            Err(AppError { message, .. }) => error.set(Some(message)),
        }
    });
}

/// A callback that sets one field (`f`) of the form held in `form` to the text typed.
pub fn setter<T: Clone + 'static>(form: &UseStateHandle<T>, f: fn(&mut T, String)) -> Callback<String> {
    let form = form.clone();
    Callback::from(move |v: String| {
        let mut next = (*form).clone();
        f(&mut next, v);
        form.set(next);
    })
}

/// A vocabulary as select options (code, Russian label).
pub fn options<T: nastavnik_shared::Code + Copy>(
    all: &[T],
    label: impl Fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter().map(|v| (v.code(), label(*v).to_string())).collect()
}
