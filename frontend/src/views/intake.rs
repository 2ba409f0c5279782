//! The curator's paperwork that changes the school: the order «О закреплении наставнических
//! пар» issued (or reprinted) from Пары, and a base of mentors or mentees loaded from a file on
//! База — previewed with every row's errors first, then loaded whole.

use nastavnik_shared::app::commands::{ImportBase, IssueOrder};
use nastavnik_shared::app::{ImportRow, ImportView};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{Choice, Field, FormError, submit};
use crate::state::Action;

/// The order: number and date; the new pairs are fixed by it, the .docx saved.
#[function_component(OrderForm)]
pub fn order_form() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let number = use_state(String::new);
    let date =
        use_state(|| ctx.status.as_ref().map(|s| s.today.format("%Y-%m-%d").to_string()).unwrap_or_default());
    let saved = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);
    let issue = {
        let (ctx, number, date, saved, error) =
            (ctx.clone(), number.clone(), date.clone(), saved.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (ctx, saved) = (ctx.clone(), saved.clone());
            let args = IssueOrder { number: (*number).clone(), date: (*date).clone() };
            submit(args, error.clone(), move |path: String| {
                saved.set(Some(path));
                ctx.dispatch(Action::Changed);
            });
        })
    };
    html! {
        <form class="card inline order-form" onsubmit={issue}>
            <h2>{ "Приказ «О закреплении наставнических пар»" }</h2>
            <Field label="Номер приказа" id="order-number" value={(*number).clone()} oninput={{ let n = number.clone(); Callback::from(move |v| n.set(v)) }} />
            <Field label="Дата приказа" id="order-date" kind="date" value={(*date).clone()} oninput={{ let d = date.clone(); Callback::from(move |v| d.set(v)) }} />
            <FormError error={(*error).clone()} />
            <button id="issue-order" type="submit">{ "Сформировать приказ (.docx)" }</button>
            if let Some(path) = &*saved { <p class="saved order-saved">{ format!("Сохранено: {path}") }</p> }
            <p class="muted">{ "Закрепляет пары, ещё не закреплённые приказом; тот же номер и дата — повторная печать." }</p>
        </form>
    }
}

/// Loading a base from .xlsx/.xls/.ods/.csv: a preview, then the whole file or nothing.
#[function_component(ImportForm)]
pub fn import_form() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let base = use_state(|| "mentors".to_string());
    let preview = use_state(|| None::<ImportView>);
    let error = use_state(|| None::<String>);
    let run = |apply: bool| {
        let (ctx, base, preview, error) = (ctx.clone(), base.clone(), preview.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let (ctx, base, preview, error) = (ctx.clone(), (*base).clone(), preview.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some((file_name, bytes)) = chosen_file("import-file").await else {
                    error.set(Some("Выберите файл таблицы (.xlsx, .xls, .ods или .csv)".into()));
                    return;
                };
                let args = ImportBase { base, file_name, bytes, apply };
                submit(args, error, move |view: ImportView| {
                    if view.imported.is_some() {
                        ctx.dispatch(Action::Changed);
                    }
                    preview.set(Some(view));
                });
            });
        })
    };
    let bases = vec![
        ("mentors".to_string(), "База наставников".to_string()),
        ("mentees".to_string(), "База наставляемых".to_string()),
    ];
    let rows = |title: &str, class: &'static str, list: &[ImportRow]| {
        html! {
            if !list.is_empty() {
                <div class={class}>
                    <h3>{ format!("{title}: {}", list.len()) }</h3>
                    <ul>{ for list.iter().map(|r| html! {
                        <li>{ if r.message.is_empty() { format!("строка {}: {}", r.line, r.name) } else { format!("строка {}: {} — {}", r.line, r.name, r.message) } }</li>
                    }) }</ul>
                </div>
            }
        }
    };
    html! {
        <div class="card import-form">
            <h2>{ "Загрузка базы из таблицы" }</h2>
            <div class="inline">
                <Choice label="База" id="import-base" value={(*base).clone()} options={bases} onchange={{ let b = base.clone(); Callback::from(move |v| b.set(v)) }} />
                <label class="field" for="import-file"><span>{ "Файл (.xlsx, .xls, .ods, .csv)" }</span>
                    <input type="file" id="import-file" accept=".xlsx,.xls,.ods,.csv" />
                </label>
                <button id="import-preview" type="button" onclick={run(false)}>{ "Проверить" }</button>
                <button id="import-apply" type="button" class="primary" onclick={run(true)}
                    disabled={preview.as_ref().is_none_or(|p| !p.errors.is_empty() || p.imported.is_some())}>{ "Загрузить" }</button>
            </div>
            <FormError error={(*error).clone()} />
            if let Some(p) = &*preview {
                <div id="import-result">
                    if let Some(n) = p.imported { <p class="ok">{ format!("Загружено: {n}") }</p> }
                    else if p.errors.is_empty() { <p class="ok">{ "Ошибок нет: можно загружать." }</p> }
                    else { <p class="warn">{ "Ничего не будет загружено, пока в файле есть строки с ошибками." }</p> }
                    { rows("Строки с ошибками", "import-errors", &p.errors) }
                    { rows("Будет загружено", "import-ready", &p.ready) }
                    { rows("Уже есть в базе", "import-skipped", &p.skipped) }
                    if !p.ignored_columns.is_empty() { <p class="muted">{ format!("Не загружаются столбцы: {}", p.ignored_columns.join(", ")) }</p> }
                </div>
            }
        </div>
    }
}

/// The name and bytes of the file chosen in the file input `id`, if any.
async fn chosen_file(id: &str) -> Option<(String, Vec<u8>)> {
    let get = |v: &JsValue, key: &str| js_sys::Reflect::get(v, &JsValue::from_str(key)).ok();
    let document = get(&js_sys::global(), "document")?;
    let by_id = get(&document, "getElementById")?.dyn_into::<js_sys::Function>().ok()?;
    let input = by_id.call1(&document, &JsValue::from_str(id)).ok()?;
    let file = get(&get(&input, "files")?, "0").filter(|f| !f.is_undefined() && !f.is_null())?;
    let name = get(&file, "name")?.as_string()?;
    let read = get(&file, "arrayBuffer")?.dyn_into::<js_sys::Function>().ok()?;
    let promise = read.call0(&file).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Some((name, js_sys::Uint8Array::new(&buffer).to_vec()))
}
