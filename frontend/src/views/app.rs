//! The root: loads the device's status, shows the first-run screen or the navigation and the
//! current screen, reloads the screen's data whenever a document changes.

use nastavnik_shared::app::commands::{Answer, Command, FirstPaint, GetAppStatus};
use nastavnik_shared::app::{AppStatus, Role};
use yew::prelude::*;

use super::{
    base::Base, first_run::FirstRun, overview::Overview, pair::PairScreen, pairs::Pairs, roadmap::Roadmap,
    sync::SyncScreen,
};
use crate::ipc;
use crate::state::{Action, Screen, State};

/// The state shared with every screen.
pub type Ctx = UseReducerHandle<State>;

/// Runs a command and dispatches what it gives, or its error.
pub fn load<C: Command + 'static>(ctx: &Ctx, call: C, action: impl FnOnce(Answer<C>) -> Action + 'static) {
    let ctx = ctx.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match ipc::call(&call).await {
            Ok(r) => ctx.dispatch(action(r)),
            Err(e) => ctx.dispatch(Action::Failed(e.message)),
        }
    });
}

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    let ctx = use_reducer(State::default);
    {
        let ctx = ctx.clone();
        use_effect_with((), move |_| {
            load(&ctx, GetAppStatus {}, Action::Status);
            let on_change = ctx.clone();
            ipc::on_doc_changed(move || on_change.dispatch(Action::Changed));
        });
    }
    {
        // Tell the shell once the first screen with data is drawn (start-up time, memory).
        let shown = matches!(ctx.status.as_ref().map(|s| &s.role), Some(Role::New))
            || ctx.overview.is_some()
            || ctx.pair.is_some();
        let told = use_mut_ref(|| false);
        use_effect_with(shown, move |shown| {
            if *shown && !*told.borrow() {
                *told.borrow_mut() = true;
                wasm_bindgen_futures::spawn_local(async {
                    let _ = ipc::call(&FirstPaint {}).await;
                });
            }
        });
    }
    let body = match ctx.status.as_ref().map(|s| &s.role) {
        None if ctx.error.is_none() => html! { <p class="loading">{ "Загрузка…" }</p> },
        None => html! {},
        Some(Role::New) => html! { <FirstRun /> },
        Some(_) => match &ctx.screen {
            Screen::Overview => html! { <Overview /> },
            Screen::Base => html! { <Base /> },
            Screen::Pairs => html! { <Pairs /> },
            Screen::Sync => html! { <SyncScreen /> },
            Screen::Roadmap => html! { <Roadmap /> },
            Screen::Pair { id, tab } => html! { <PairScreen id={id.clone()} tab={*tab} /> },
        },
    };
    let dismiss = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::Dismiss))
    };
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <header class="top">
                <span class="brand">{ "Наставник" }</span>
                { title(ctx.status.as_ref()) }
                <Nav />
            </header>
            if let Some(e) = &ctx.error {
                <div class="banner" role="alert">{ e.clone() }<button onclick={dismiss}>{ "Закрыть" }</button></div>
            }
            <main>{ body }</main>
        </ContextProvider<Ctx>>
    }
}

fn title(status: Option<&AppStatus>) -> Html {
    match status.map(|s| &s.role) {
        Some(Role::Curator { school_name }) => html! { <span class="school">{ school_name.clone() }</span> },
        Some(Role::Member { name, .. }) => html! { <span class="school">{ name.clone() }</span> },
        _ => html! {},
    }
}

/// The navigation: the curator's screens, or a member's pairs; Синхронизация for both.
#[function_component(Nav)]
fn nav() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let item = |screen: Screen, id: String, label: String| {
        let active = match (&ctx.screen, &screen) {
            (Screen::Pair { id: a, .. }, Screen::Pair { id: b, .. }) => a == b,
            (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
        };
        let go = {
            let ctx = ctx.clone();
            Callback::from(move |_| ctx.dispatch(Action::Go(screen.clone())))
        };
        html! { <button id={id} class={classes!("tab", active.then_some("active"))} onclick={go}>{ label }</button> }
    };
    let sync = item(Screen::Sync, "nav-sync".into(), "Синхронизация".into());
    match ctx.status.as_ref().map(|s| &s.role) {
        Some(Role::Curator { .. }) => html! {
            <nav>
                { item(Screen::Overview, "nav-overview".into(), "Обзор школы".into()) }
                { item(Screen::Base, "nav-base".into(), "База".into()) }
                { item(Screen::Pairs, "nav-pairs".into(), "Пары".into()) }
                { item(Screen::Roadmap, "nav-roadmap".into(), "Дорожная карта".into()) }
                { sync }
            </nav>
        },
        Some(Role::Member { pairs, .. }) => html! {
            <nav>
                { for pairs.iter().enumerate().map(|(i, p)| {
                    let label = if pairs.len() == 1 { "Моя пара".to_string() } else { format!("Пара {}", i + 1) };
                    item(Screen::Pair { id: p.clone(), tab: crate::state::PairTab::Programme }, format!("nav-pair-{i}"), label)
                }) }
                { sync }
            </nav>
        },
        _ => html! {},
    }
}
