//! База наставников и наставляемых: everyone in the bank with category, consent, competencies
//! and requests, and the form to add a person (with the consent signed today).

use nastavnik_shared::app::commands::{AddPerson, GetPeople};
use nastavnik_shared::app::{NewPersonForm, PersonRow};
use nastavnik_shared::vocab::PersonCategory;
use yew::prelude::*;

use super::app::{Ctx, load};
use super::intake::ImportForm;
use super::person::PersonPanel;
use super::widgets::{Choice, Field, FormError, options, setter, submit};
use crate::state::Action;

/// The bank screen.
#[function_component(Base)]
pub fn base() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    {
        let ctx = ctx.clone();
        use_effect_with(ctx.revision, move |_| load(&ctx, GetPeople {}, Action::People));
    }
    let open = use_state(|| None::<String>);
    let opened = open.as_ref().and_then(|id| ctx.people.iter().find(|p| &p.id == id)).cloned();
    let opened_key = opened.as_ref().map(|p| p.id.clone()).unwrap_or_default();
    html! {
        <section class="base">
            <h1>{ "База наставников и наставляемых" }</h1>
            <AddPersonForm />
            <ImportForm />
            if let Some(person) = opened { <PersonPanel key={opened_key} {person} /> }
            <table class="people">
                <thead><tr><th>{ "ФИО" }</th><th>{ "Категория" }</th><th>{ "Предмет / класс" }</th><th>{ "Роль" }</th><th>{ "Компетенции / запросы" }</th><th>{ "Согласие на обработку ПД" }</th></tr></thead>
                <tbody>{ for ctx.people.iter().map(|p| row(p, &open)) }</tbody>
            </table>
        </section>
    }
}

fn row(p: &PersonRow, open: &UseStateHandle<Option<String>>) -> Html {
    let onclick = {
        let (open, id) = (open.clone(), p.id.clone());
        Callback::from(move |_| open.set(Some(id.clone())))
    };
    let roles: Vec<&str> = [(p.mentor, "наставник"), (p.mentee, "наставляемый")]
        .into_iter()
        .filter(|r| r.0)
        .map(|r| r.1)
        .collect();
    let details: Vec<String> = p.competencies.iter().chain(&p.requests).cloned().collect();
    let consent = match (p.consent, p.minor) {
        (true, true) => "есть (родителя)",
        (true, false) => "есть",
        (false, true) => "нет согласия родителя",
        (false, false) => "нет",
    };
    html! {
        <tr>
            <td><button class="link person-link" {onclick}>{ p.name.clone() }</button></td>
            <td>{ p.category.label() }</td>
            <td>{ p.subject_or_class.clone() }</td>
            <td>{ roles.join(", ") }</td>
            <td>{ details.join("; ") }</td>
            <td class={classes!((!p.consent).then_some("warn"))}>{ consent }</td>
        </tr>
    }
}

/// Adds a person; a failed save keeps what was typed.
#[function_component(AddPersonForm)]
fn add_person_form() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let form = use_state(|| NewPersonForm { category: "teacher".into(), ..Default::default() });
    let error = use_state(|| None::<String>);
    let set = |f: fn(&mut NewPersonForm, String)| setter(&form, f);
    let save = {
        let (ctx, form, error) = (ctx.clone(), form.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (ctx, reset) = (ctx.clone(), form.clone());
            submit(AddPerson { form: (*form).clone() }, error.clone(), move |_: String| {
                reset.set(NewPersonForm { category: reset.category.clone(), ..Default::default() });
                ctx.dispatch(Action::Changed);
            });
        })
    };
    html! {
        <form class="card inline" onsubmit={save}>
            <h2>{ "Добавить в базу" }</h2>
            <Field label="ФИО" id="person-name" value={form.name.clone()} oninput={set(|f, v| f.name = v)} />
            <Choice label="Категория" id="person-category" value={form.category.clone()} options={options(PersonCategory::ALL, PersonCategory::label)} onchange={set(|f, v| f.category = v)} />
            <Field label="Предмет или класс" id="person-subject" value={form.subject_or_class.clone()} oninput={set(|f, v| f.subject_or_class = v)} />
            <Field label="Год рождения" id="person-birth-year" kind="number" value={form.birth_year.clone()} oninput={set(|f, v| f.birth_year = v)} />
            <Field label="Педагогический стаж, лет" id="person-teaching-years" kind="number" value={form.teaching_years.clone()} oninput={set(|f, v| f.teaching_years = v)} />
            <Field label="Согласие на обработку ПД подписал(а) сегодня" id="person-consent" placeholder="ФИО подписавшего (для несовершеннолетнего — родитель)" value={form.consent_by.clone()} oninput={set(|f, v| f.consent_by = v)} />
            <FormError error={(*error).clone()} />
            <button id="add-person" type="submit" class="primary">{ "Добавить" }</button>
        </form>
    }
}
