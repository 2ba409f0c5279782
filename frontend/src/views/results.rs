//! Мониторинг и итоги of a pair: the figures; for its members, the forms — scores by criterion
//! at a stage (a mentee's own, or the mentor's), the satisfaction survey, and the mentor's final
//! report (saved, then handed to the curator). The curator reads.

use nastavnik_shared::app::PairView;
use nastavnik_shared::app::commands::{
    AddCriterion as NewCriterion, AnswerSurvey, RecordScores, SaveFinalReport,
};
use nastavnik_shared::ru;
use nastavnik_shared::vocab::{MemberRole, MonitoringStage};
use yew::prelude::*;

use super::app::Ctx;
use super::pair::ViewProps;
use super::widgets::{Choice, Field, FormError, TextArea, options, submit};
use crate::state::Action;

/// The tab.
#[function_component(Results)]
pub fn results(p: &ViewProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let pair = &p.pair;
    // A closed pair is read-only: nobody gets a form.
    let my_role = ctx
        .person_id()
        .and_then(|me| pair.members.iter().find(|m| m.0 == me))
        .map(|m| m.2)
        .filter(|_| pair.closed.is_none());
    html! {
        <>
            { figures(pair) }
            if pair.closed.is_none() && (my_role.is_some() || pair.status.is_some()) {
                <AddCriterion pair_id={pair.pair_id.clone()} />
            }
            if my_role.is_some() {
                <ScoresForm key={pair.criteria.len()} pair={pair.clone()} />
                <SurveyForm pair={pair.clone()} />
            }
            if my_role == Some(MemberRole::Mentor) || pair.final_report.submitted_on.is_some() || !pair.final_report.results.is_empty() {
                <ReportForm pair={pair.clone()} editable={my_role == Some(MemberRole::Mentor)} />
            }
        </>
    }
}

fn figures(pair: &PairView) -> Html {
    let s = &pair.summary;
    html! {
        <div class="columns">
            <div class="panel">
                <h2>{ "Выполнение плана" }</h2>
                <p class="big">{ ru::percent(s.plan.percent()) }</p>
                <p>{ format!("{} из {} мероприятий", s.plan.part, s.plan.whole) }</p>
                <p>{ format!("Встреч: {}; подтверждены обеими сторонами: {}", s.meetings(), s.meetings_confirmed.part) }</p>
            </div>
            <div class="panel">
                <h2>{ "Мониторинг" }</h2>
                <ul id="criteria" class="muted">{ for pair.criteria.iter().map(|(_, title)| html! { <li>{ title.clone() }</li> }) }</ul>
                <ul id="stages">{ for pair.stages.iter().map(|st| html! {
                    <li>
                        <b>{ st.stage.label() }</b>{ ": " }
                        { st.average.map_or_else(|| "не проводился".to_string(), |a| format!("средний балл {}", ru::decimal(a, 2))) }
                        { for st.recorded.iter().map(|r| html! { <div class="muted">{ r.clone() }</div> }) }
                    </li>
                }) }</ul>
            </div>
            <div class="panel">
                <h2>{ "Удовлетворённость" }</h2>
                if pair.surveys.is_empty() { <p class="muted">{ "Анкет пока нет." }</p> }
                <ul id="surveys">{ for pair.surveys.iter().map(|(who, day, score, comment)| html! {
                    <li>{ format!("{who}, {}: {score} из 10", ru::date_short(*day)) }
                        if !comment.is_empty() { <div class="muted">{ comment.clone() }</div> }</li>
                }) }</ul>
            </div>
        </div>
    }
}

/// Scores 1–5 by criterion for a stage.
#[function_component(ScoresForm)]
fn scores_form(p: &ViewProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let stage = use_state(|| "entry".to_string());
    // A mentor of a group says whom they score.
    let me = ctx.person_id().map(str::to_string);
    let mentor = p.pair.members.iter().any(|m| Some(&m.0) == me.as_ref() && m.2 == MemberRole::Mentor);
    let mentees: Vec<(String, String)> = p
        .pair
        .members
        .iter()
        .filter(|m| m.2 == MemberRole::Mentee)
        .map(|m| (m.0.clone(), m.1.clone()))
        .collect();
    let mentee = use_state(|| mentees.first().map(|m| m.0.clone()).unwrap_or_default());
    let marks = use_state(|| vec![String::new(); p.pair.criteria.len()]);
    let error = use_state(|| None::<String>);
    let save = {
        let (ctx, stage, marks, error) = (ctx.clone(), stage.clone(), marks.clone(), error.clone());
        let mentee = if mentor { (*mentee).clone() } else { String::new() };
        let (pair_id, criteria) = (p.pair.pair_id.clone(), p.pair.criteria.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let scores: Vec<(String, u8)> = criteria
                .iter()
                .zip(marks.iter())
                .filter_map(|((id, _), m)| m.parse().ok().map(|v| (id.clone(), v)))
                .collect();
            let ctx = ctx.clone();
            let args = RecordScores {
                pair_id: pair_id.clone(),
                stage: (*stage).clone(),
                mentee: mentee.clone(),
                scores,
            };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let mut marks_options = vec![(String::new(), "—".to_string())];
    marks_options.extend((1..=5).map(|v| (v.to_string(), v.to_string())));
    html! {
        <form class="card inline" onsubmit={save}>
            <h2>{ "Оценки мониторинга (1–5)" }</h2>
            <Choice label="Этап" id="scores-stage" value={(*stage).clone()} options={options(MonitoringStage::ALL, MonitoringStage::label)}
                onchange={{ let s = stage.clone(); Callback::from(move |v| s.set(v)) }} />
            if mentor && mentees.len() > 1 {
                <Choice label="Кого оцениваю" id="scores-mentee" value={(*mentee).clone()} options={mentees.clone()}
                    onchange={{ let m = mentee.clone(); Callback::from(move |v| m.set(v)) }} />
            }
            { for p.pair.criteria.iter().enumerate().map(|(i, (_, title))| {
                let value = marks.get(i).cloned().unwrap_or_default();
                let marks = marks.clone();
                let onchange = Callback::from(move |v: String| {
                    let mut next = (*marks).clone();
                    if let Some(m) = next.get_mut(i) { *m = v; }
                    marks.set(next);
                });
                html! { <Choice label={title.clone()} id={format!("score-{i}")} value={value} options={marks_options.clone()} {onchange} /> }
            }) }
            <FormError error={(*error).clone()} />
            <button id="save-scores" type="submit" class="primary">{ "Сохранить оценки" }</button>
        </form>
    }
}

/// The satisfaction survey.
#[function_component(SurveyForm)]
fn survey_form(p: &ViewProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let score = use_state(String::new);
    let comment = use_state(String::new);
    let error = use_state(|| None::<String>);
    let save = {
        let (ctx, score, comment, error, pair_id) =
            (ctx.clone(), score.clone(), comment.clone(), error.clone(), p.pair.pair_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (ctx, reset) = (ctx.clone(), comment.clone());
            let args = AnswerSurvey {
                pair_id: pair_id.clone(),
                score: (*score).clone(),
                comment: (*comment).clone(),
            };
            submit(args, error.clone(), move |()| {
                reset.set(String::new());
                ctx.dispatch(Action::Changed);
            });
        })
    };
    let mut choices = vec![(String::new(), "—".to_string())];
    choices.extend((1..=10).map(|v| (v.to_string(), v.to_string())));
    html! {
        <form class="card inline" onsubmit={save}>
            <h2>{ "Анкета удовлетворённости" }</h2>
            <Choice label="Насколько вы удовлетворены работой в паре (1–10)" id="survey-score" value={(*score).clone()} options={choices}
                onchange={{ let s = score.clone(); Callback::from(move |v| s.set(v)) }} />
            <Field label="Что было полезно, что улучшить" id="survey-comment" value={(*comment).clone()}
                oninput={{ let c = comment.clone(); Callback::from(move |v| c.set(v)) }} />
            <FormError error={(*error).clone()} />
            <button id="answer-survey" type="submit" class="primary">{ "Отправить анкету" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct ReportProps {
    pair: PairView,
    editable: bool,
}

/// The mentor's final report.
#[function_component(ReportForm)]
fn report_form(p: &ReportProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let r = &p.pair.final_report;
    let results = use_state(|| r.results.clone());
    let conclusions = use_state(|| r.conclusions.clone());
    let proposals = use_state(|| r.proposals.clone());
    let error = use_state(|| None::<String>);
    let save = |submit_it: bool| {
        let (ctx, error, pair_id) = (ctx.clone(), error.clone(), p.pair.pair_id.clone());
        let (results, conclusions, proposals) = (results.clone(), conclusions.clone(), proposals.clone());
        Callback::from(move |_: MouseEvent| {
            let ctx = ctx.clone();
            let args = SaveFinalReport {
                pair_id: pair_id.clone(),
                results: (*results).clone(),
                conclusions: (*conclusions).clone(),
                proposals: (*proposals).clone(),
                submit: submit_it,
            };
            submit(args, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let status = match r.submitted_on {
        Some(d) => format!("Сдан куратору {}", ru::date_short(d)),
        None => "Ещё не сдан куратору".into(),
    };
    if !p.editable {
        return html! {
            <div class="panel" id="final-report">
                <h2>{ "Отчёт наставника" }</h2>
                <p class="muted">{ status }</p>
                <h3>{ "Результаты" }</h3><p class="notes-text">{ r.results.clone() }</p>
                <h3>{ "Выводы" }</h3><p class="notes-text">{ r.conclusions.clone() }</p>
                <h3>{ "Предложения" }</h3><p class="notes-text">{ r.proposals.clone() }</p>
            </div>
        };
    }
    html! {
        <div class="card" id="final-report">
            <h2>{ "Отчёт наставника" }</h2>
            <p class="muted">{ status }</p>
            <TextArea label="Результаты" id="report-results" value={(*results).clone()} oninput={{ let s = results.clone(); Callback::from(move |v| s.set(v)) }} />
            <TextArea label="Выводы" id="report-conclusions" value={(*conclusions).clone()} oninput={{ let s = conclusions.clone(); Callback::from(move |v| s.set(v)) }} />
            <TextArea label="Предложения" id="report-proposals" value={(*proposals).clone()} oninput={{ let s = proposals.clone(); Callback::from(move |v| s.set(v)) }} />
            <FormError error={(*error).clone()} />
            <div class="actions">
                <button id="save-report" onclick={save(false)}>{ "Сохранить" }</button>
                <button id="submit-report" class="primary" onclick={save(true)}>{ "Сдать куратору" }</button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CriterionProps {
    pair_id: String,
}

/// A monitoring criterion added to the pair's list (the curator or a member).
#[function_component(AddCriterion)]
fn add_criterion(p: &CriterionProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let title = use_state(String::new);
    let error = use_state(|| None::<String>);
    let save = {
        let (ctx, title, error, pair_id) = (ctx.clone(), title.clone(), error.clone(), p.pair_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (ctx, reset) = (ctx.clone(), title.clone());
            let args = NewCriterion { pair_id: pair_id.clone(), title: (*title).clone() };
            submit(args, error.clone(), move |_: String| {
                reset.set(String::new());
                ctx.dispatch(Action::Changed);
            });
        })
    };
    html! {
        <form class="card inline" onsubmit={save}>
            <Field label="Новый критерий мониторинга" id="criterion-title" value={(*title).clone()}
                oninput={{ let t = title.clone(); Callback::from(move |v| t.set(v)) }} />
            <FormError error={(*error).clone()} />
            <button id="add-criterion" type="submit">{ "Добавить критерий" }</button>
        </form>
    }
}
