//! A person's card in База: corrected in place, consents withdrawn (the person is then flagged
//! and a pair needing the consent cannot start), and a person in no pair removed from the bank.

use nastavnik_shared::Code;
use nastavnik_shared::app::commands::{EditPerson, RemovePerson, WithdrawConsent};
use nastavnik_shared::app::{NewPersonForm, PersonRow};
use nastavnik_shared::ru;
use nastavnik_shared::vocab::PersonCategory;
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{Choice, Field, FormError, options, setter, submit};
use crate::state::Action;

/// The person.
#[derive(Properties, PartialEq)]
pub struct CardProps {
    /// Who.
    pub person: PersonRow,
}

/// The card, the consents and removal.
#[function_component(PersonCard)]
pub fn person_card(p: &CardProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let person = &p.person;
    let form = use_state(|| NewPersonForm {
        name: person.name.clone(),
        category: person.category.code(),
        subject_or_class: person.subject_or_class.clone(),
        birth_year: person.birth_year.map(|y| y.to_string()).unwrap_or_default(),
        teaching_years: person.teaching_years.map(|y| y.to_string()).unwrap_or_default(),
        consent_by: String::new(),
    });
    let error = use_state(|| None::<String>);
    let set = |f: fn(&mut NewPersonForm, String)| setter(&form, f);
    let save = {
        let (ctx, form, error, id) = (ctx.clone(), form.clone(), error.clone(), person.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ctx = ctx.clone();
            let args = EditPerson { person_id: id.clone(), form: (*form).clone() };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let remove = {
        let (ctx, error, id) = (ctx.clone(), error.clone(), person.id.clone());
        Callback::from(move |_: MouseEvent| {
            let ctx = ctx.clone();
            submit(RemovePerson { person_id: id.clone() }, error.clone(), move |()| {
                ctx.dispatch(Action::Changed)
            });
        })
    };
    let consents = person.consents.iter().map(|c| {
        let withdraw = {
            let (ctx, error, person_id, consent_id) = (ctx.clone(), error.clone(), person.id.clone(), c.id.clone());
            Callback::from(move |_: MouseEvent| {
                let ctx = ctx.clone();
                let args = WithdrawConsent { person_id: person_id.clone(), consent_id: consent_id.clone() };
                submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
            })
        };
        html! {
            <li class="consent">
                { format!("{} ({}), подписано {}", c.giver_name, c.giver, ru::date_short(c.signed_on)) }
                if let Some(on) = c.withdrawn_on {
                    <span class="withdrawn">{ format!(" — отозвано {}", ru::date_short(on)) }</span>
                } else {
                    <button class="link withdraw-consent" type="button" onclick={withdraw}>{ "отозвать" }</button>
                }
            </li>
        }
    });
    html! {
        <>
            <form class="inline person-card" onsubmit={save}>
                <Field label="ФИО" id="card-name" value={form.name.clone()} oninput={set(|f, v| f.name = v)} />
                <Choice label="Категория" id="card-category" value={form.category.clone()} options={options(PersonCategory::ALL, PersonCategory::label)} onchange={set(|f, v| f.category = v)} />
                <Field label="Предмет или класс" id="card-subject" value={form.subject_or_class.clone()} oninput={set(|f, v| f.subject_or_class = v)} />
                <Field label="Год рождения" id="card-birth-year" kind="number" value={form.birth_year.clone()} oninput={set(|f, v| f.birth_year = v)} />
                <Field label="Педагогический стаж, лет" id="card-teaching-years" kind="number" value={form.teaching_years.clone()} oninput={set(|f, v| f.teaching_years = v)} />
                <button id="save-card" type="submit">{ "Сохранить карточку" }</button>
            </form>
            <div class="consents">
                <h3>{ "Согласия на обработку персональных данных" }</h3>
                if person.consents.is_empty() { <p class="muted">{ "Согласий нет." }</p> }
                <ul>{ for consents }</ul>
            </div>
            <FormError error={(*error).clone()} />
            <button id="remove-person" type="button" onclick={remove}>{ "Удалить из базы" }</button>
        </>
    }
}
