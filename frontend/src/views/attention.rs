//! «Требует внимания»: the early warnings of the curator's overview and a member's own reminders,
//! each naming its pair (a click opens it) and what to do.

use nastavnik_shared::app::commands::{GetAttention, SetWarnings};
use nastavnik_shared::report::{AttentionItem, AttentionKind, AttentionSettings};
use nastavnik_shared::ru;
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{Field, FormError, submit};
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
                        let (ctx, id, tab) = (ctx.clone(), item.pair_id.clone(), tab_of(item.kind));
                        Callback::from(move |_| ctx.dispatch(Action::Go(Screen::Pair { id: id.clone(), tab })))
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

/// The tab of the pair's screen where what an item asks for is done: meetings in the journal,
/// the entry diagnostics under «Мониторинг и итоги», the rest (the plan, requests) in the programme.
pub fn tab_of(kind: AttentionKind) -> PairTab {
    match kind {
        AttentionKind::NoMeeting | AttentionKind::Unconfirmed => PairTab::Journal,
        AttentionKind::NoEntryDiagnostics => PairTab::Results,
        AttentionKind::ReplacementRequest
        | AttentionKind::Overdue
        | AttentionKind::NotSynced
        | AttentionKind::Conflicts => PairTab::Programme,
    }
}

thread_local! {
    static LAST_REMINDERS: std::cell::RefCell<Vec<AttentionItem>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A member's own reminders about their pairs, at the top of their pair's screen.
#[function_component(Reminders)]
pub fn reminders() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    // Starts from the last list shown, so that moving between screens does not make the panel
    // shrink and grow again (and move what is under it while it is being clicked).
    let items = use_state(|| LAST_REMINDERS.with(|l| l.borrow().clone()));
    let error = use_state(|| None::<String>);
    {
        let (items, error) = (items.clone(), error.clone());
        use_effect_with(ctx.revision, move |_| {
            submit(GetAttention {}, error, move |v: Vec<AttentionItem>| {
                LAST_REMINDERS.with(|l| *l.borrow_mut() = v.clone());
                items.set(v)
            });
        });
    }
    html! {
        <>
            <FormError error={(*error).clone()} />
            { attention(&ctx, "Мои напоминания", &items) }
        </>
    }
}

/// The school's thresholds, as the curator types them (days, as text until saved).
#[derive(Properties, PartialEq)]
pub struct WarningProps {
    /// The thresholds in force.
    pub settings: AttentionSettings,
}

/// «Сроки предупреждений»: the curator changes the thresholds of the list (days).
#[function_component(WarningSettings)]
pub fn warning_settings(p: &WarningProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let s = p.settings;
    let days = [s.no_meeting_days, s.unconfirmed_days, s.entry_diagnostics_days, s.not_synced_days];
    let form = use_state(|| days.map(|d| d.to_string()));
    let error = use_state(|| None::<String>);
    let save = {
        let (ctx, form, error) = (ctx.clone(), form.clone(), error.clone());
        Callback::from(move |_| {
            let parsed: Result<Vec<u32>, _> = form.iter().map(|d| d.trim().parse::<u32>()).collect();
            let Ok(d) = parsed else {
                error.set(Some("Сроки указываются целым числом дней".into()));
                return;
            };
            let settings = AttentionSettings {
                no_meeting_days: d[0],
                unconfirmed_days: d[1],
                entry_diagnostics_days: d[2],
                not_synced_days: d[3],
            };
            let ctx = ctx.clone();
            submit(SetWarnings { settings }, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let field = |i: usize, id: &'static str, label: &'static str| {
        let oninput = {
            let form = form.clone();
            Callback::from(move |v: String| {
                let mut next = (*form).clone();
                next[i] = v;
                form.set(next);
            })
        };
        html! { <Field label={label} id={id} kind="number" value={form[i].clone()} {oninput} /> }
    };
    html! {
        <details class="panel warning-settings">
            <summary>{ "Сроки предупреждений" }</summary>
            <div class="form-row">
                { field(0, "warn-no-meeting", "Нет встреч, дней") }
                { field(1, "warn-unconfirmed", "Встреча не подтверждена, дней") }
                { field(2, "warn-entry", "Нет входной диагностики, дней от начала") }
                { field(3, "warn-not-synced", "Нет синхронизации, дней") }
            </div>
            <FormError error={(*error).clone()} />
            <button id="save-warnings" onclick={save}>{ "Сохранить сроки" }</button>
        </details>
    }
}
