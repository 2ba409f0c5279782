//! «Требует внимания»: the early warnings of the curator's overview and a member's own reminders,
//! each naming its pair (a click opens it) and what to do.

use nastavnik_shared::app::commands::GetAttention;
use nastavnik_shared::report::AttentionItem;
use nastavnik_shared::ru;
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{FormError, submit};
use crate::state::{Action, PairTab, Screen};

/// The list under `title`; a quiet line when nothing needs attention.
pub fn attention(ctx: &Ctx, title: &str, items: &[AttentionItem]) -> Html {
    html! {
        <div class="panel" id="attention">
            <h2>{ format!("{title}: {}", items.len()) }</h2>
            if items.is_empty() {
                <p class="muted">{ "Всё в порядке: ничего не требует внимания." }</p>
            } else {
                <ul class="attention">{ for items.iter().map(|item| {
                    let open = {
                        let (ctx, id) = (ctx.clone(), item.pair_id.clone());
                        Callback::from(move |_| ctx.dispatch(Action::Go(Screen::Pair { id: id.clone(), tab: PairTab::Programme })))
                    };
                    let since = item.since.map(|d| format!(" (с {})", ru::date_short(d))).unwrap_or_default();
                    html! {
                        <li class={classes!("attention-item", format!("{:?}", item.kind).to_lowercase())}>
                            <button class="link attention-link" onclick={open}>{ item.pair_title.clone() }</button>
                            <span class="attention-kind">{ format!(" — {}{since}: ", item.kind.label()) }</span>
                            <span class="attention-text">{ item.text.clone() }</span>
                        </li>
                    }
                }) }</ul>
            }
        </div>
    }
}

/// A member's own reminders about their pairs, at the top of their pair's screen.
#[function_component(Reminders)]
pub fn reminders() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let items = use_state(Vec::<AttentionItem>::new);
    let error = use_state(|| None::<String>);
    {
        let (items, error) = (items.clone(), error.clone());
        use_effect_with(ctx.revision, move |_| {
            submit(GetAttention {}, error, move |v: Vec<AttentionItem>| items.set(v));
        });
    }
    html! {
        <>
            <FormError error={(*error).clone()} />
            { attention(&ctx, "Мои напоминания", &items) }
        </>
    }
}
