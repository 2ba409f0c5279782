//! Обзор школы: KPI tiles with their targets, pairs by status and form, plan completion,
//! overdue activities, and every pair with how fresh its data is.

use nastavnik_shared::app::commands::GetOverview;
use nastavnik_shared::report::{Kpi, SchoolOverview};
use nastavnik_shared::ru;
use yew::prelude::*;

use super::app::{Ctx, load};
use super::documents::Documents;
use crate::state::{Action, PairTab, Screen};

/// The overview screen.
#[function_component(Overview)]
pub fn overview() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    {
        let ctx = ctx.clone();
        use_effect_with(ctx.revision, move |_| load(&ctx, GetOverview {}, |o| Action::Overview(Box::new(o))));
    }
    let Some(o) = &ctx.overview else {
        return html! { <p class="loading">{ "Загрузка обзора…" }</p> };
    };
    html! {
        <section class="overview">
            <h1>{ format!("Обзор школы на {}", ru::date_long(o.as_of)) }</h1>
            <div class="tiles">{ for o.kpis.iter().map(tile) }</div>
            { super::attention::attention(&ctx, "Требует внимания", &o.attention) }
            <super::attention::WarningSettings settings={o.warnings} />
            <div class="columns">
                { plan(o) }
                { counts("Пары по статусам", o.pairs_by_status.iter().map(|(s, n)| (s.label(), *n))) }
                { counts("Пары по формам", o.pairs_by_form.iter().map(|(f, n)| (f.label(), *n))) }
            </div>
            <div class="columns">
                { overdue(o) }
                { upcoming(o) }
            </div>
            { requests(&ctx, o) }
            { pairs(&ctx, o) }
            <Documents kinds={vec![
                ("report", "Итоговый аналитический отчёт (.docx)"),
                ("monitoring", "Мониторинг пар (.xlsx)"),
                ("mentors", "База наставников (.xlsx)"),
                ("mentees", "База наставляемых (.xlsx)"),
            ]} />
        </section>
    }
}

fn tile(k: &Kpi) -> Html {
    let state = match k.reached() {
        Some(true) => "reached",
        Some(false) => "missed",
        None => "empty",
    };
    html! {
        <div class={classes!("tile", state)}>
            <div class="value">{ ru::percent(k.share.percent()) }</div>
            <div class="label">{ k.kind.label() }</div>
            <div class="detail">{ format!("{} из {} · цель не менее {}%", k.share.part, k.share.whole, k.kind.target_percent()) }</div>
        </div>
    }
}

fn plan(o: &SchoolOverview) -> Html {
    html! {
        <div class="panel">
            <h2>{ "Выполнение планов" }</h2>
            <p class="big" id="plan-completion">{ ru::percent(o.plan.percent()) }</p>
            <p>{ format!("выполнено {} из {}", o.plan.part, ru::count(u64::from(o.plan.whole), ["мероприятия", "мероприятий", "мероприятий"])) }</p>
            if let Some(m) = o.meetings_per_pair_month {
                <p>{ format!("{} встречи на пару в месяц", ru::decimal(m, 1)) }</p>
            }
        </div>
    }
}

fn counts<'a>(title: &'static str, rows: impl Iterator<Item = (&'a str, u32)>) -> Html {
    html! {
        <div class="panel">
            <h2>{ title }</h2>
            <table class="compact">{ for rows.map(|(l, n)| html! { <tr><td>{ l }</td><td class="num">{ n }</td></tr> }) }</table>
        </div>
    }
}

fn overdue(o: &SchoolOverview) -> Html {
    html! {
        <div class="panel">
            <h2>{ format!("Просроченные мероприятия: {}", o.overdue.len()) }</h2>
            if o.overdue.is_empty() {
                <p>{ "Просрочек нет." }</p>
            } else {
                <ul class="overdue">{ for o.overdue.iter().take(20).map(|a| html! {
                    <li>
                        <b>{ a.title.clone() }</b>{ format!(" — {}; срок {}, просрочено на {}", a.pair_title, ru::date_short(a.deadline),
                            ru::count(a.days_overdue.max(0) as u64, ["день", "дня", "дней"])) }
                    </li>
                }) }</ul>
            }
        </div>
    }
}

fn upcoming(o: &SchoolOverview) -> Html {
    html! {
        <div class="panel">
            <h2>{ "Ближайшие встречи" }</h2>
            if o.upcoming_meetings.is_empty() {
                <p class="muted">{ "Запланированных встреч нет." }</p>
            } else {
                <ul id="upcoming">{ for o.upcoming_meetings.iter().map(|(date, pair, topic)| html! {
                    <li><b>{ ru::date_short(*date) }</b>{ format!(" — {pair}: {topic}") }</li>
                }) }</ul>
            }
        </div>
    }
}

/// Pairs whose mentee asked for another mentor and wait for the curator's decision.
fn requests(ctx: &Ctx, o: &SchoolOverview) -> Html {
    let waiting: Vec<_> = o.pairs.iter().filter(|p| p.open_requests > 0).collect();
    if waiting.is_empty() {
        return html! {};
    }
    html! {
        <div class="panel" id="open-requests">
            <h2>{ format!("Ходатайства о замене наставника: {}", waiting.len()) }</h2>
            <ul>{ for waiting.iter().map(|p| {
                let open = {
                    let (ctx, id) = (ctx.clone(), p.pair_id.clone());
                    Callback::from(move |_| ctx.dispatch(Action::Go(Screen::Pair { id: id.clone(), tab: PairTab::Programme })))
                };
                html! { <li><button class="link request-link" onclick={open}>{ p.title.clone() }</button></li> }
            }) }</ul>
        </div>
    }
}

fn pairs(ctx: &Ctx, o: &SchoolOverview) -> Html {
    html! {
        <div class="panel">
            <h2>{ "Пары" }</h2>
            <table class="pairs">
                <thead><tr><th>{ "Пара" }</th><th>{ "Форма" }</th><th>{ "Статус" }</th><th>{ "План" }</th><th>{ "Встреч" }</th><th>{ "Последняя встреча" }</th><th>{ "Данные получены" }</th></tr></thead>
                <tbody>{ for o.pairs.iter().map(|p| {
                    let open = {
                        let (ctx, id) = (ctx.clone(), p.pair_id.clone());
                        Callback::from(move |_| ctx.dispatch(Action::Go(Screen::Pair { id: id.clone(), tab: PairTab::Programme })))
                    };
                    let fresh = match (p.has_data, p.last_meeting) {
                        (false, _) => "данные пары ещё не получены".to_string(),
                        (true, Some(d)) => ru::date_short(d),
                        (true, None) => "встреч не было".into(),
                    };
                    html! {
                        <tr>
                            <td><button class="link pair-link" onclick={open}>{ p.title.clone() }</button></td>
                            <td>{ p.form.label() }</td>
                            <td>{ p.status.label() }</td>
                            <td class="num">{ format!("{} из {}", p.plan.part, p.plan.whole) }</td>
                            <td class="num">{ p.meetings }</td>
                            <td>{ fresh }</td>
                            <td class="synced">{ p.last_synced.clone().unwrap_or_else(|| "синхронизаций не было".into()) }</td>
                        </tr>
                    }
                }) }</tbody>
            </table>
        </div>
    }
}
