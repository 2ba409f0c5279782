//! A pair: Программа (its lists — see `programme.rs` — and the plan with inline statuses), Журнал встреч (meetings,
//! notes both sides type into, confirmations), Итоги (plan, meetings, monitoring, satisfaction),
//! История (who changed what, `history.rs`).

use nastavnik_shared::app::commands::{AddActivity, EditPair, GetPairView, SetPairStatus};
use nastavnik_shared::app::{NewActivityForm, PairView};
use nastavnik_shared::ru;
use nastavnik_shared::vocab::PairStatus;
use yew::prelude::*;

use super::activity::ActivityRow;
use super::app::{Ctx, load};
use super::documents::Documents;
use super::journal::Journal;
use super::programme::ProgrammeLists;
use super::requests::Requests;
use super::results::Results;
use super::widgets::{Choice, Field, FormError, setter, submit};
use crate::state::{Action, PairTab, Screen};

/// Props: the pair and the tab.
#[derive(Properties, PartialEq)]
pub struct PairProps {
    /// Pair id.
    pub id: AttrValue,
    /// Tab.
    pub tab: PairTab,
}

/// The pair screen.
#[function_component(PairScreen)]
pub fn pair_screen(p: &PairProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    {
        let (ctx, id) = (ctx.clone(), p.id.to_string());
        use_effect_with((ctx.revision, id.clone()), move |_| {
            load(&ctx, GetPairView { pair_id: id }, |p| Action::Pair(Box::new(p)))
        });
    }
    let Some(pair) = &ctx.pair else {
        return html! { <p class="loading">{ "Загрузка пары…" }</p> };
    };
    let tab = |tab: PairTab, id: &'static str, label: &'static str| {
        let go = {
            let (ctx, pid) = (ctx.clone(), p.id.to_string());
            Callback::from(move |_| ctx.dispatch(Action::Go(Screen::Pair { id: pid.clone(), tab })))
        };
        html! { <button id={id} class={classes!("tab", (p.tab == tab).then_some("active"))} onclick={go}>{ label }</button> }
    };
    let s = &pair.summary;
    html! {
        <section class="pair">
            <h1>{ s.title() }</h1>
            <p class="meta">
                { format!("{} · {} · {} – {}", pair.form.label(), pair.kind.label(), ru::date_short(s.period_start), ru::date_short(s.period_end())) }
                if let Some(status) = pair.status { { format!(" · {}", status.label()) } }
            </p>
            if let Some(c) = &pair.closed {
                <p class="archived-note" id="archived">
                    { format!("Пара в архиве: {} {}.", c.status.label(), ru::date_short(c.on)) }
                    if !c.reason.is_empty() { { format!(" {}", c.reason) } }
                    { " Программу и журнал можно читать и выгружать, но не менять." }
                </p>
            }
            if !ctx.is_curator() { <super::attention::Reminders /> }
            <super::conflicts::Conflicts pair={pair.clone()} />
            <nav class="tabs">
                { tab(PairTab::Programme, "tab-programme", "Программа") }
                { tab(PairTab::Journal, "tab-journal", "Журнал встреч") }
                { tab(PairTab::Results, "tab-results", "Мониторинг и итоги") }
                { tab(PairTab::History, "tab-history", "История") }
            </nav>
            { match p.tab {
                PairTab::Programme => html! { <Programme pair={pair.clone()} /> },
                PairTab::Journal => html! { <Journal pair={pair.clone()} /> },
                PairTab::Results => html! { <Results pair={pair.clone()} /> },
                PairTab::History => html! { <super::history::History pair={pair.clone()} /> },
            } }
            <super::notes::PrivateNotes pair={pair.clone()} />
            <Requests pair={pair.clone()} />
            if pair.closed.is_none() && pair.status.is_some() { <HeaderEdit pair={pair.clone()} /> }
            if pair.closed.is_none() && matches!(pair.status, Some(PairStatus::Forming | PairStatus::Active)) {
                <ClosePairForm pair_id={pair.pair_id.clone()} active={pair.status == Some(PairStatus::Active)} />
            }
            <Documents pair_id={Some(pair.pair_id.clone())} kinds={
                let mut kinds = vec![
                    ("programme", "Программа наставничества (.docx)"),
                    ("journal", "Журнал встреч (.docx)"),
                ];
                // A participant's own record for аттестация, across all their pairs.
                if !ctx.is_curator() { kinds.push(("record", "Мои сведения для аттестации (.docx)")); }
                kinds
            } />
        </section>
    }
}

/// One pair's data.
#[derive(Properties, PartialEq)]
pub struct ViewProps {
    /// The pair.
    pub pair: PairView,
}

#[function_component(Programme)]
fn programme(p: &ViewProps) -> Html {
    html! {
        <>
            <ProgrammeLists pair={p.pair.clone()} />
            <div class="panel">
                <h2 id="plan-heading">{ format!("План: выполнено {} из {}", p.pair.summary.plan.part, p.pair.summary.plan.whole) }</h2>
                <table class="plan">
                    <thead><tr><th>{ "Мероприятие" }</th><th>{ "Срок" }</th><th>{ "Ответственный" }</th><th>{ "Статус" }</th></tr></thead>
                    <tbody>{ for p.pair.activities.iter().map(|a| html! { <ActivityRow pair_id={p.pair.pair_id.clone()} activity={a.clone()} archived={p.pair.closed.is_some()} /> }) }</tbody>
                </table>
                if p.pair.closed.is_none() { <AddActivityForm pair_id={p.pair.pair_id.clone()} /> }
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct PairIdProps {
    pair_id: String,
}

/// Adds an activity to the plan.
#[function_component(AddActivityForm)]
fn add_activity_form(p: &PairIdProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let form = use_state(NewActivityForm::default);
    let error = use_state(|| None::<String>);
    let set = |f: fn(&mut NewActivityForm, String)| setter(&form, f);
    let save = {
        let (ctx, form, error, pair_id) = (ctx.clone(), form.clone(), error.clone(), p.pair_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (ctx, reset) = (ctx.clone(), form.clone());
            let args = AddActivity { pair_id: pair_id.clone(), form: (*form).clone() };
            submit(args, error.clone(), move |()| {
                reset.set(NewActivityForm::default());
                ctx.dispatch(Action::Changed);
            });
        })
    };
    html! {
        <form class="inline" onsubmit={save}>
            <Field label="Мероприятие" id="activity-title" value={form.title.clone()} oninput={set(|f, v| f.title = v)} />
            <Field label="Срок" id="activity-deadline" kind="date" value={form.deadline.clone()} oninput={set(|f, v| f.deadline = v)} />
            <Field label="Ответственный" id="activity-responsible" value={form.responsible.clone()} oninput={set(|f, v| f.responsible = v)} />
            <FormError error={(*error).clone()} />
            <button id="add-activity" type="submit" class="primary">{ "Добавить мероприятие" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct CloseProps {
    pair_id: String,
    /// Working (may be completed); a forming pair may only be dissolved.
    active: bool,
}

/// The curator ends the pair's work: completed, or dissolved with a reason. The pair then goes
/// to the archive: read-only everywhere, still counted and exportable.
#[function_component(ClosePairForm)]
fn close_pair_form(p: &CloseProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let status = use_state(|| if p.active { "completed".to_string() } else { "dissolved".to_string() });
    let reason = use_state(String::new);
    let error = use_state(|| None::<String>);
    let save = {
        let (ctx, status, reason, error, pair_id) =
            (ctx.clone(), status.clone(), reason.clone(), error.clone(), p.pair_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ctx = ctx.clone();
            let args = SetPairStatus {
                pair_id: pair_id.clone(),
                status: (*status).clone(),
                reason: Some((*reason).clone()),
            };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let choices: Vec<(String, String)> = [PairStatus::Completed, PairStatus::Dissolved]
        .into_iter()
        .filter(|s| p.active || *s == PairStatus::Dissolved)
        .map(|s| (nastavnik_shared::Code::code(&s), s.label().to_string()))
        .collect();
    html! {
        <form class="card inline close-pair" onsubmit={save}>
            <h2>{ "Завершение работы пары" }</h2>
            <Choice label="Итог" id="close-status" value={(*status).clone()} options={choices}
                onchange={{ let s = status.clone(); Callback::from(move |v| s.set(v)) }} />
            <Field label="Причина или итог (для расформирования обязательно)" id="close-reason" value={(*reason).clone()}
                oninput={{ let r = reason.clone(); Callback::from(move |v| r.set(v)) }} />
            <FormError error={(*error).clone()} />
            <button id="close-pair" type="submit">{ "Перевести пару в архив" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct HeaderProps {
    pair: PairView,
}

/// The curator changes the pair's form, kind, role model or period (prolongs it within 12 months).
#[function_component(HeaderEdit)]
fn header_edit(p: &HeaderProps) -> Html {
    use nastavnik_shared::Code;
    use nastavnik_shared::app::HeaderForm;
    use nastavnik_shared::vocab::{Form, Kind};
    let ctx = use_context::<Ctx>().expect("inside App");
    let pair = &p.pair;
    let form = use_state(|| HeaderForm {
        form: pair.form.code(),
        kind: pair.kind.code(),
        role_model: pair.role_model.clone(),
        start: pair.summary.period_start.format("%Y-%m-%d").to_string(),
        months: pair.summary.period_months.to_string(),
    });
    let error = use_state(|| None::<String>);
    let set = |f: fn(&mut HeaderForm, String)| setter(&form, f);
    let save = {
        let (ctx, form, error, pair_id) = (ctx.clone(), form.clone(), error.clone(), pair.pair_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ctx = ctx.clone();
            let args = EditPair { pair_id: pair_id.clone(), form: (*form).clone() };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    html! {
        <form class="card inline header-edit" onsubmit={save}>
            <h2>{ "Форма, вид и срок программы" }</h2>
            <Choice label="Форма наставничества" id="edit-pair-form" value={form.form.clone()} options={super::widgets::options(Form::ALL, Form::label)} onchange={set(|f, v| f.form = v)} />
            <Choice label="Вид наставничества" id="edit-pair-kind" value={form.kind.clone()} options={super::widgets::options(Kind::ALL, Kind::label)} onchange={set(|f, v| f.kind = v)} />
            <Field label="Ролевая модель" id="edit-pair-role-model" value={form.role_model.clone()} oninput={set(|f, v| f.role_model = v)} />
            <Field label="Начало программы" id="edit-pair-start" kind="date" value={form.start.clone()} oninput={set(|f, v| f.start = v)} />
            <Field label="Срок, месяцев (3–12)" id="edit-pair-months" kind="number" value={form.months.clone()} oninput={set(|f, v| f.months = v)} />
            <FormError error={(*error).clone()} />
            <button id="save-pair-header" type="submit">{ "Сохранить" }</button>
        </form>
    }
}
