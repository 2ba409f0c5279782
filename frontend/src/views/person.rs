//! One person of the bank, opened from База: record a consent signed, fill the mentor's
//! questionnaire, add a mentee's request.

use nastavnik_shared::Code;
use nastavnik_shared::app::PersonRow;
use nastavnik_shared::app::commands::{AddRequest, RecordConsent, SetMentorProfile};
use nastavnik_shared::vocab::Form;
use yew::prelude::*;

use super::app::Ctx;
use super::card::PersonCard;
use super::widgets::{Field, FormError, submit};
use crate::state::Action;

/// The person.
#[derive(Properties, PartialEq)]
pub struct PersonProps {
    /// Who.
    pub person: PersonRow,
}

/// The person's panel.
#[function_component(PersonPanel)]
pub fn person_panel(p: &PersonProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let person = &p.person;
    let signed_by = use_state(String::new);
    let competencies = use_state(|| person.competencies.join("; "));
    // The questionnaire as saved (a new one: one mentee, «педагог – педагог»).
    let capacity = use_state(|| person.capacity.unwrap_or(1).to_string());
    // None ticked in a saved one: the mentor named no form (matching takes any).
    let forms = use_state(|| match person.capacity {
        Some(_) => person.forms.iter().map(|f| f.code()).collect(),
        None => vec![Form::TeacherTeacher.code()],
    });
    let request = use_state(String::new);
    let error = use_state(|| None::<String>);
    // Each form runs its command and reloads; an error stays above the forms, typed text stays.
    let sent = {
        let ctx = ctx.clone();
        move |()| ctx.dispatch(Action::Changed)
    };
    let id = person.id.clone();
    let consent = {
        let (id, signed_by, error, sent) = (id.clone(), signed_by.clone(), error.clone(), sent.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let call = RecordConsent { person_id: id.clone(), signed_by: (*signed_by).clone() };
            submit(call, error.clone(), sent.clone());
        })
    };
    let profile = {
        let (id, competencies, capacity, forms, error, sent) =
            (id.clone(), competencies.clone(), capacity.clone(), forms.clone(), error.clone(), sent.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let call = SetMentorProfile {
                person_id: id.clone(),
                competencies: (*competencies).clone(),
                capacity: (*capacity).clone(),
                forms: (*forms).clone(),
            };
            submit(call, error.clone(), sent.clone());
        })
    };
    let add_request = {
        let (id, request, error) = (id.clone(), request.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            submit(
                AddRequest { person_id: id.clone(), text: (*request).clone() },
                error.clone(),
                sent.clone(),
            );
        })
    };
    let bind = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |v: String| s.set(v))
    };
    html! {
        <div class="card person" id="person-panel">
            <h2>{ person.name.clone() }</h2>
            <PersonCard person={person.clone()} />
            <FormError error={(*error).clone()} />
            <form class="inline" onsubmit={consent}>
                <Field label={if person.minor { "Согласие родителя подписал(а) сегодня" } else { "Согласие на обработку ПД подписал(а) сегодня" }}
                    id="consent-by" value={(*signed_by).clone()} oninput={bind(&signed_by)} />
                <button id="record-consent" type="submit">{ "Записать согласие" }</button>
            </form>
            <form class="inline" onsubmit={profile}>
                <Field label="Компетенции наставника (через «;»)" id="profile-competencies" value={(*competencies).clone()} oninput={bind(&competencies)} />
                <Field label="Может вести наставляемых" id="profile-capacity" kind="number" value={(*capacity).clone()} oninput={bind(&capacity)} />
                <fieldset class="forms">
                    <legend>{ "Формы наставничества" }</legend>
                    { for Form::ALL.iter().map(|f| form_box(&forms, *f)) }
                </fieldset>
                <button id="save-profile" type="submit">{ "Сохранить анкету наставника" }</button>
            </form>
            <form class="inline" onsubmit={add_request}>
                <Field label="Запрос наставляемого" id="request-text" value={(*request).clone()} oninput={bind(&request)} />
                <button id="add-request" type="submit">{ "Добавить запрос" }</button>
            </form>
            <super::documents::Documents person_id={Some(person.id.clone())} kinds={vec![
                ("record", "Сведения об участии в наставничестве (.docx)"),
            ]} />
        </div>
    }
}

/// A checkbox for one form of the questionnaire.
fn form_box(forms: &UseStateHandle<Vec<String>>, form: Form) -> Html {
    let code = form.code();
    let checked = forms.contains(&code);
    let toggle = {
        let (forms, code) = (forms.clone(), code.clone());
        Callback::from(move |_: Event| {
            let mut next: Vec<String> = (*forms).iter().filter(|c| **c != code).cloned().collect();
            if !checked {
                next.push(code.clone());
            }
            forms.set(next);
        })
    };
    let id = format!("profile-form-{code}");
    html! {
        <label class="check" for={id.clone()}>
            <input type="checkbox" id={id} {checked} onchange={toggle} />
            { form.label() }
        </label>
    }
}
