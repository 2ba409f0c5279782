//! The one module that touches Tauri: commands by name with typed arguments and answers, and
//! the `doc-changed` event. Without `window.__TAURI__` (a plain browser) calls fail with a
//! clear message instead of crashing.

use nastavnik_shared::app::commands::{Answer, Command};
use nastavnik_shared::app::{AppError, ErrorCode};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], catch)]
    async fn invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "event"], catch)]
    async fn listen(event: &str, handler: &Closure<dyn FnMut(JsValue)>) -> Result<JsValue, JsValue>;
}

/// Whether the page runs inside the app's window.
pub fn in_app() -> bool {
    web_sys_window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("__TAURI__")).ok())
        .is_some_and(|t| !t.is_undefined())
}

fn web_sys_window() -> Option<JsValue> {
    js_sys::global().dyn_into::<js_sys::Object>().ok().map(JsValue::from)
}

fn failure(message: impl Into<String>) -> AppError {
    AppError { code: ErrorCode::Io, message: message.into() }
}

/// Sends `call` to the shell and returns its answer; the command's name and answer type come
/// from the call's type ([`Command`]).
pub async fn call<C: Command>(call: &C) -> Result<Answer<C>, AppError> {
    #[derive(Serialize)]
    struct Envelope<'a, C> {
        call: &'a C,
    }
    let name = C::NAME;
    if !in_app() {
        return Err(failure("Наставник открыт не в своём окне: запустите приложение"));
    }
    let args = serde_wasm_bindgen::to_value(&Envelope { call }).map_err(|e| failure(e.to_string()))?;
    match invoke(name, args).await {
        Ok(value) => serde_wasm_bindgen::from_value(value).map_err(|e| failure(format!("{name}: {e}"))),
        Err(e) => Err(serde_wasm_bindgen::from_value::<AppError>(e.clone())
            .unwrap_or_else(|_| failure(e.as_string().unwrap_or_else(|| format!("{name}: ошибка"))))),
    }
}

/// Calls `on_change` whenever a document changes on this device (for as long as the page lives).
pub fn on_doc_changed(on_change: impl Fn() + 'static) {
    if !in_app() {
        return;
    }
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |_| on_change());
    wasm_bindgen_futures::spawn_local(async move {
        let _ = listen(nastavnik_shared::app::DOC_CHANGED, &handler).await;
        handler.forget(); // the page listens for its whole life
    });
}
