//! Пары: the list with filters, forming a pair, starting its work, inviting its members' devices
//! (a code and a QR code).

use nastavnik_shared::app::commands::{
    CreateInvite, CreatePair, GetOverview, GetPeople, SetPairStatus, SuggestMentors,
};
use nastavnik_shared::app::{InviteView, MentorSuggestion, NewPairForm};
use nastavnik_shared::report::PairRow;
use nastavnik_shared::vocab::{Form, Kind, PairStatus};
use yew::prelude::*;

use super::app::{Ctx, load};
use super::intake::OrderForm;
use super::widgets::{Choice, Field, FormError, options, setter, submit};
use crate::state::{Action, PairTab, Screen};

/// Which pairs a filter keeps: by status code ("" = all) and by words of the title.
pub fn keep(row: &PairRow, status: &str, text: &str) -> bool {
    let status_ok = status.is_empty() || nastavnik_shared::Code::code(&row.status) == status;
    let title = row.title.to_lowercase();
    status_ok && text.to_lowercase().split_whitespace().all(|w| title.contains(w))
}

/// The pairs screen.
#[function_component(Pairs)]
pub fn pairs() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    {
        let ctx = ctx.clone();
        use_effect_with(ctx.revision, move |_| {
            load(&ctx, GetOverview {}, |o| Action::Overview(Box::new(o)));
            load(&ctx, GetPeople {}, Action::People);
        });
    }
    let status = use_state(String::new);
    let text = use_state(String::new);
    let error = use_state(|| None::<String>);
    let invite = use_state(|| None::<InviteView>);
    let mut status_options = vec![(String::new(), "все статусы".to_string())];
    status_options.extend(options(PairStatus::ALL, PairStatus::label));
    let rows: Vec<&PairRow> =
        ctx.overview.iter().flat_map(|o| o.pairs.iter()).filter(|r| keep(r, &status, &text)).collect();
    html! {
        <section class="pairs-screen">
            <h1>{ "Наставнические пары и группы" }</h1>
            <CreatePairForm />
            <OrderForm />
            <div class="filters">
                <Choice label="Статус" id="filter-status" value={(*status).clone()} options={status_options}
                    onchange={{ let s = status.clone(); Callback::from(move |v| s.set(v)) }} />
                <Field label="Поиск по ФИО" id="filter-text" value={(*text).clone()}
                    oninput={{ let t = text.clone(); Callback::from(move |v| t.set(v)) }} />
            </div>
            <FormError error={(*error).clone()} />
            if let Some(i) = &*invite {
                <div class="card invite" id="invite">
                    <h2>{ format!("Приглашение для {}", i.name) }</h2>
                    <p>{ "Код: " }<b class="invite-code">{ i.code.clone() }</b>{ format!(" — действует до {}, один раз.", i.expires) }</p>
                    <div class="qr">{ Html::from_html_unchecked(AttrValue::from(i.qr_svg.clone())) }</div>
                    <p class="muted">{ "Участник вводит код в «Наставнике» на своём устройстве (или сканирует QR-код); это устройство должно быть в сети." }</p>
                </div>
            }
            <table class="pairs">
                <thead><tr><th>{ "Пара" }</th><th>{ "Форма" }</th><th>{ "Статус" }</th><th>{ "План" }</th><th></th></tr></thead>
                <tbody>{ for rows.into_iter().map(|p| row(&ctx, p, &error, &invite)) }</tbody>
            </table>
        </section>
    }
}

fn row(
    ctx: &Ctx,
    p: &PairRow,
    error: &UseStateHandle<Option<String>>,
    invite: &UseStateHandle<Option<InviteView>>,
) -> Html {
    let invites = p.members.iter().map(|(id, name, _)| {
        let (error, invite, id) = (error.clone(), invite.clone(), id.clone());
        let onclick = Callback::from(move |_| {
            let invite = invite.clone();
            submit(CreateInvite { person_id: id.clone() }, error.clone(), move |v: InviteView| {
                invite.set(Some(v))
            });
        });
        html! { <button class="invite-member" {onclick}>{ format!("Пригласить: {name}") }</button> }
    });
    let open = {
        let (ctx, id) = (ctx.clone(), p.pair_id.clone());
        Callback::from(move |_| {
            ctx.dispatch(Action::Go(Screen::Pair { id: id.clone(), tab: PairTab::Programme }))
        })
    };
    let start = {
        let (ctx, id, error) = (ctx.clone(), p.pair_id.clone(), error.clone());
        Callback::from(move |_| {
            let ctx = ctx.clone();
            let args = SetPairStatus { pair_id: id.clone(), status: "active".into(), reason: None };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    html! {
        <tr>
            <td><button class="link pair-link" onclick={open}>{ p.title.clone() }</button></td>
            <td>{ p.form.label() }</td>
            <td class="pair-status">{ p.status.label() }</td>
            <td class="num">{ format!("{} из {}", p.plan.part, p.plan.whole) }</td>
            <td class="actions">
                if p.status == PairStatus::Forming {
                    <button class="start-pair" onclick={start}>{ "Начать работу" }</button>
                }
                { for invites }
            </td>
        </tr>
    }
}

/// Forms a pair from the bank.
#[function_component(CreatePairForm)]
fn create_pair_form() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let form = use_state(|| NewPairForm {
        form: "teacher_teacher".into(),
        start: ctx.status.as_ref().map(|s| s.today.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        months: "9".into(),
        ..Default::default()
    });
    let error = use_state(|| None::<String>);
    let suggestions = use_state(Vec::<MentorSuggestion>::new);
    {
        // Candidates for the chosen mentee, best first, with why (the curator decides).
        let (suggestions, error) = (suggestions.clone(), error.clone());
        use_effect_with((form.mentee.clone(), form.form.clone()), move |(mentee, form)| {
            if mentee.is_empty() {
                suggestions.set(Vec::new());
            } else {
                let args = SuggestMentors { mentee: mentee.clone(), form: form.clone() };
                submit(args, error, move |s| suggestions.set(s));
            }
        });
    }
    let set = |f: fn(&mut NewPairForm, String)| setter(&form, f);
    let people = |mentor: bool| {
        let mut o = vec![(String::new(), "— выберите —".to_string())];
        o.extend(
            ctx.people
                .iter()
                .filter(|p| mentor || p.id != form.mentor)
                .map(|p| (p.id.clone(), p.name.clone())),
        );
        o
    };
    let save = {
        let (ctx, form, error) = (ctx.clone(), form.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (ctx, reset) = (ctx.clone(), form.clone());
            submit(CreatePair { form: (*form).clone() }, error.clone(), move |_: String| {
                reset.set(NewPairForm {
                    mentor: String::new(),
                    mentee: String::new(),
                    more_mentees: Vec::new(),
                    more_mentors: Vec::new(),
                    ..(*reset).clone()
                });
                ctx.dispatch(Action::Changed);
            });
        })
    };
    html! {
        <form class="card inline" onsubmit={save}>
            <h2>{ "Сформировать пару" }</h2>
            <Choice label="Наставник" id="pair-mentor" value={form.mentor.clone()} options={people(true)} onchange={set(|f, v| f.mentor = v)} />
            <Choice label="Наставляемый" id="pair-mentee" value={form.mentee.clone()} options={people(false)} onchange={set(|f, v| f.mentee = v)} />
            <Choice label="Форма наставничества" id="pair-form" value={form.form.clone()} options={options(Form::ALL, Form::label)} onchange={set(|f, v| f.form = v)} />
            <Choice label="Вид наставничества" id="pair-kind" value={if form.kind.is_empty() { "traditional".to_string() } else { form.kind.clone() }} options={options(Kind::ALL, Kind::label)} onchange={set(|f, v| f.kind = v)} />
            <Choice label="Ролевая модель" id="pair-role-model" value={form.role_model.clone()} options={role_options(&form.form)} onchange={set(|f, v| f.role_model = v)} />
            if form.kind == "group" {
                <fieldset class="forms group-members">
                    <legend>{ "Группа: ещё наставляемые и наставники" }</legend>
                    { for ctx.people.iter().filter(|p| p.id != form.mentor && p.id != form.mentee).map(|p| html! {
                        <>
                            { member_box(&form, &p.id, &p.name, false) }
                            { member_box(&form, &p.id, &p.name, true) }
                        </>
                    }) }
                </fieldset>
            }
            <Field label="Начало программы" id="pair-start" kind="date" value={form.start.clone()} oninput={set(|f, v| f.start = v)} />
            <Field label="Срок, месяцев (3–12)" id="pair-months" kind="number" value={form.months.clone()} oninput={set(|f, v| f.months = v)} />
            <FormError error={(*error).clone()} />
            <button id="create-pair" type="submit" class="primary">{ "Сформировать" }</button>
            if !suggestions.is_empty() {
                <div class="suggestions" id="suggestions">
                    <h3>{ "Подходящие наставники" }</h3>
                    <ol>{ for suggestions.iter().map(|c| {
                        let pick = {
                            let (form, id) = (form.clone(), c.mentor_id.clone());
                            Callback::from(move |_| form.set(NewPairForm { mentor: id.clone(), ..(*form).clone() }))
                        };
                        html! {
                            <li>
                                <b>{ c.name.clone() }</b>{ " " }
                                <button type="button" class="pick-mentor" onclick={pick}>{ "Выбрать" }</button>
                                <div class="muted">{ c.reasons.join("; ") }</div>
                            </li>
                        }
                    }) }</ol>
                </div>
            }
        </form>
    }
}

/// The role models of a form (ролевые модели), with «не указана» first.
fn role_options(form: &str) -> Vec<(String, String)> {
    let mut o = vec![(String::new(), "— не указана —".to_string())];
    if let Some(form) = <Form as nastavnik_shared::Code>::from_code(form) {
        o.extend(nastavnik_shared::vocab::role_models(form).iter().map(|m| (m.to_string(), m.to_string())));
    }
    o
}

/// A checkbox adding a person to the group as a mentee (or, `mentor`, as a mentor).
fn member_box(form: &UseStateHandle<NewPairForm>, id: &str, name: &str, mentor: bool) -> Html {
    let list = |f: &NewPairForm| if mentor { f.more_mentors.clone() } else { f.more_mentees.clone() };
    let checked = list(form).iter().any(|p| p == id);
    let toggle = {
        let (form, id) = (form.clone(), id.to_string());
        Callback::from(move |_: Event| {
            let mut next = (*form).clone();
            let target = if mentor { &mut next.more_mentors } else { &mut next.more_mentees };
            if checked {
                target.retain(|p| *p != id);
            } else {
                target.push(id.clone());
            }
            form.set(next);
        })
    };
    let box_id = format!("group-{}-{id}", if mentor { "mentor" } else { "mentee" });
    html! {
        <label class="check" for={box_id.clone()}>
            <input type="checkbox" id={box_id} {checked} onchange={toggle} />
            { format!("{name} — {}", if mentor { "наставник" } else { "наставляемый" }) }
        </label>
    }
}
