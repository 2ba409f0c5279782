//! One person of the bank, opened from База: record a consent signed, fill the mentor's
//! questionnaire, add a mentee's request.

use nastavnik_shared::app::PersonRow;
use serde::Serialize;
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{Field, FormError, submit};
use crate::state::Action;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Consent {
    person_id: String,
    signed_by: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Profile {
    person_id: String,
    competencies: String,
    capacity: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Request {
    person_id: String,
    text: String,
}

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
    let capacity = use_state(|| "1".to_string());
    let request = use_state(String::new);
    let error = use_state(|| None::<String>);
    // Each form runs its command and reloads; an error stays above the forms, typed text stays.
    let send = |cmd: &'static str| {
        let (ctx, error) = (ctx.clone(), error.clone());
        move |args: Box<dyn erased::Args>| {
            let ctx = ctx.clone();
            args.submit(cmd, error.clone(), Box::new(move || ctx.dispatch(Action::Changed)));
        }
    };
    let id = person.id.clone();
    let consent = {
        let (id, signed_by, send) = (id.clone(), signed_by.clone(), send("record_consent"));
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            send(Box::new(Consent { person_id: id.clone(), signed_by: (*signed_by).clone() }));
        })
    };
    let profile = {
        let (id, competencies, capacity, send) =
            (id.clone(), competencies.clone(), capacity.clone(), send("set_mentor_profile"));
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            send(Box::new(Profile {
                person_id: id.clone(),
                competencies: (*competencies).clone(),
                capacity: (*capacity).clone(),
            }));
        })
    };
    let add_request = {
        let (id, request, send) = (id.clone(), request.clone(), send("add_request"));
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            send(Box::new(Request { person_id: id.clone(), text: (*request).clone() }));
        })
    };
    let bind = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |v: String| s.set(v))
    };
    html! {
        <div class="card person" id="person-panel">
            <h2>{ person.name.clone() }</h2>
            <FormError error={(*error).clone()} />
            <form class="inline" onsubmit={consent}>
                <Field label={if person.minor { "Согласие родителя подписал(а) сегодня" } else { "Согласие на обработку ПД подписал(а) сегодня" }}
                    id="consent-by" value={(*signed_by).clone()} oninput={bind(&signed_by)} />
                <button id="record-consent" type="submit">{ "Записать согласие" }</button>
            </form>
            <form class="inline" onsubmit={profile}>
                <Field label="Компетенции наставника (через «;»)" id="profile-competencies" value={(*competencies).clone()} oninput={bind(&competencies)} />
                <Field label="Может вести наставляемых" id="profile-capacity" kind="number" value={(*capacity).clone()} oninput={bind(&capacity)} />
                <button id="save-profile" type="submit">{ "Сохранить анкету наставника" }</button>
            </form>
            <form class="inline" onsubmit={add_request}>
                <Field label="Запрос наставляемого" id="request-text" value={(*request).clone()} oninput={bind(&request)} />
                <button id="add-request" type="submit">{ "Добавить запрос" }</button>
            </form>
        </div>
    }
}

mod erased {
    //! One submit path for the three forms' different arguments.
    use yew::UseStateHandle;

    /// Arguments that can be sent as a command.
    pub trait Args {
        /// Sends them; `done` runs on success, the error goes to `error`.
        fn submit(
            self: Box<Self>,
            cmd: &'static str,
            error: UseStateHandle<Option<String>>,
            done: Box<dyn FnOnce()>,
        );
    }

    impl<T: serde::Serialize + 'static> Args for T {
        fn submit(
            self: Box<Self>,
            cmd: &'static str,
            error: UseStateHandle<Option<String>>,
            done: Box<dyn FnOnce()>,
        ) {
            super::submit(cmd, *self, error, move |()| done());
        }
    }
}
