//! Ходатайства о замене наставника on a pair's screen: the mentee files one; the curator sees it
//! with the mentors the matching suggests for this mentee, and either replaces the mentor (whose
//! devices then lose the pair) or declines, in words. Everyone of the pair sees the decision.

use nastavnik_shared::Code;
use nastavnik_shared::app::commands::{DeclineRequest, ReplaceMentor, RequestReplacement, SuggestMentors};
use nastavnik_shared::app::{MentorSuggestion, PairView, RequestView};
use nastavnik_shared::ru;
use nastavnik_shared::vocab::MemberRole;
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{Choice, Field, FormError, submit};
use crate::state::Action;

/// The pair.
#[derive(Properties, PartialEq)]
pub struct RequestsProps {
    /// The pair.
    pub pair: PairView,
}

/// The requests of a pair, and the form to file one (the pair's mentee).
#[function_component(Requests)]
pub fn requests(p: &RequestsProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let pair = &p.pair;
    let open = pair.closed.is_none();
    let me = ctx.person_id().map(str::to_string);
    let mentee = open && pair.members.iter().any(|m| Some(&m.0) == me.as_ref() && m.2 == MemberRole::Mentee);
    let curator = open && pair.status.is_some();
    if pair.requests.is_empty() && !mentee {
        return html! {};
    }
    html! {
        <div class="panel requests" id="requests">
            <h2>{ "Ходатайства о замене наставника" }</h2>
            if !pair.former_members.is_empty() {
                <p class="muted">{ format!("Прежние участники: {}", pair.former_members.join(", ")) }</p>
            }
            <ul>{ for pair.requests.iter().map(|r| html! {
                <li class="request">
                    <div>{ format!("{} — {}: {}", ru::date_short(r.date), r.mentee, r.reason) }</div>
                    <div class="resolution">{ r.resolution.clone().map(|d| format!("Решение: {d}")).unwrap_or_else(|| "Решение не принято".into()) }</div>
                    if curator && r.resolution.is_none() { <Decide pair={pair.clone()} request={r.clone()} /> }
                </li>
            }) }</ul>
            if mentee { <File pair_id={pair.pair_id.clone()} /> }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FileProps {
    pair_id: String,
}

/// The mentee's request.
#[function_component(File)]
fn file(p: &FileProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let reason = use_state(String::new);
    let error = use_state(|| None::<String>);
    let save = {
        let (ctx, reason, error, pair_id) = (ctx.clone(), reason.clone(), error.clone(), p.pair_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (ctx, reset) = (ctx.clone(), reason.clone());
            let args = RequestReplacement { pair_id: pair_id.clone(), reason: (*reason).clone() };
            submit(args, error.clone(), move |_: String| {
                reset.set(String::new());
                ctx.dispatch(Action::Changed);
            });
        })
    };
    html! {
        <form class="inline" onsubmit={save}>
            <Field label="Почему нужен другой наставник" id="replacement-reason" value={(*reason).clone()}
                oninput={{ let r = reason.clone(); Callback::from(move |v| r.set(v)) }} />
            <FormError error={(*error).clone()} />
            <button id="request-replacement" type="submit">{ "Подать ходатайство" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct DecideProps {
    pair: PairView,
    request: RequestView,
}

/// The curator's decision on one request.
#[function_component(Decide)]
fn decide(p: &DecideProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let suggestions = use_state(Vec::<MentorSuggestion>::new);
    let new_mentor = use_state(String::new);
    let resolution = use_state(String::new);
    let error = use_state(|| None::<String>);
    let mentors: Vec<(String, String)> = p
        .pair
        .members
        .iter()
        .filter(|m| m.2 == MemberRole::Mentor)
        .map(|m| (m.0.clone(), m.1.clone()))
        .collect();
    let old_mentor = use_state(|| mentors.first().map(|m| m.0.clone()).unwrap_or_default());
    {
        let (suggestions, new_mentor, error) = (suggestions.clone(), new_mentor.clone(), error.clone());
        let args = SuggestMentors { mentee: p.request.mentee_id.clone(), form: p.pair.form.code() };
        let members: Vec<String> = p.pair.members.iter().map(|m| m.0.clone()).collect();
        use_effect_with(p.request.id.clone(), move |_| {
            submit(args, error, move |all: Vec<MentorSuggestion>| {
                let fresh: Vec<MentorSuggestion> =
                    all.into_iter().filter(|s| !members.contains(&s.mentor_id)).collect();
                if let Some(best) = fresh.first() {
                    new_mentor.set(best.mentor_id.clone());
                }
                suggestions.set(fresh);
            });
        });
    }
    let ids = (p.pair.pair_id.clone(), p.request.id.clone());
    let replace = {
        let (ctx, error, (pair_id, request_id)) = (ctx.clone(), error.clone(), ids.clone());
        let (old_mentor, new_mentor, resolution) =
            (old_mentor.clone(), new_mentor.clone(), resolution.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ctx = ctx.clone();
            let args = ReplaceMentor {
                pair_id: pair_id.clone(),
                request_id: request_id.clone(),
                old_mentor: (*old_mentor).clone(),
                new_mentor: (*new_mentor).clone(),
                resolution: (*resolution).clone(),
            };
            submit(args, error.clone(), move |_: Vec<String>| ctx.dispatch(Action::Changed));
        })
    };
    let decline = {
        let (ctx, error, (pair_id, request_id), resolution) =
            (ctx.clone(), error.clone(), ids, resolution.clone());
        Callback::from(move |_: MouseEvent| {
            let ctx = ctx.clone();
            let args = DeclineRequest {
                pair_id: pair_id.clone(),
                request_id: request_id.clone(),
                resolution: (*resolution).clone(),
            };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let options: Vec<(String, String)> = suggestions
        .iter()
        .map(|s| (s.mentor_id.clone(), format!("{} — {}", s.name, s.reasons.join("; "))))
        .collect();
    html! {
        <form class="inline decide" onsubmit={replace}>
            if mentors.len() > 1 {
                <Choice label="Кого заменить" id="old-mentor" value={(*old_mentor).clone()} options={mentors.clone()}
                    onchange={{ let o = old_mentor.clone(); Callback::from(move |v| o.set(v)) }} />
            }
            <Choice label="Новый наставник (подбор по запросу)" id="new-mentor" value={(*new_mentor).clone()} {options}
                onchange={{ let n = new_mentor.clone(); Callback::from(move |v| n.set(v)) }} />
            <Field label="Решение" id="request-resolution" value={(*resolution).clone()}
                oninput={{ let r = resolution.clone(); Callback::from(move |v| r.set(v)) }} />
            <FormError error={(*error).clone()} />
            <button id="replace-mentor" type="submit" class="primary">{ "Заменить наставника" }</button>
            <button id="decline-request" type="button" onclick={decline}>{ "Отклонить" }</button>
        </form>
    }
}
