//! Дорожная карта: the seven stages of the seeds with their activities, deadlines, responsible
//! people and statuses (changed in place).

use nastavnik_shared::app::RoadmapRow;
use nastavnik_shared::app::commands::{GetRoadmap, SetRoadmapStatus};
use nastavnik_shared::ru;
use nastavnik_shared::vocab::{RoadmapStage, RoadmapStatus};
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{FormError, options, submit};
use crate::state::Action;

/// The roadmap screen.
#[function_component(Roadmap)]
pub fn roadmap() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let rows = use_state(Vec::<RoadmapRow>::new);
    let error = use_state(|| None::<String>);
    {
        let (rows, error) = (rows.clone(), error.clone());
        use_effect_with(ctx.revision, move |_| submit(GetRoadmap {}, error, move |r| rows.set(r)));
    }
    let today = ctx.status.as_ref().map(|s| s.today);
    let stage = |stage: RoadmapStage| {
        let items: Vec<&RoadmapRow> = rows.iter().filter(|r| r.stage == stage).collect();
        let done = items.iter().filter(|r| r.status == RoadmapStatus::Done).count();
        html! {
            <div class="panel">
                <h2>{ format!("{}. {} — выполнено {} из {}", stage.number(), stage.label(), done, items.len()) }</h2>
                <table class="roadmap">
                    <tbody>{ for items.into_iter().map(|r| {
                        let late = r.status != RoadmapStatus::Done && today.is_some_and(|t| r.deadline < t);
                        let onchange = {
                            let (ctx, error, id) = (ctx.clone(), error.clone(), r.id.clone());
                            Callback::from(move |e: Event| {
                                let status = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                                let ctx = ctx.clone();
                                submit(SetRoadmapStatus { item_id: id.clone(), status }, error.clone(), move |()| ctx.dispatch(Action::Changed));
                            })
                        };
                        html! {
                            <tr class={classes!(late.then_some("late"))}>
                                <td>{ r.title.clone() }</td>
                                <td>{ ru::date_short(r.deadline) }{ if late { " (просрочено)" } else { "" } }</td>
                                <td>{ r.responsible.clone() }</td>
                                <td><select aria-label={format!("Статус: {}", r.title)} {onchange}>
                                    { for options(RoadmapStatus::ALL, RoadmapStatus::label).into_iter().map(|(v, t)| html! {
                                        <option value={v.clone()} selected={v == nastavnik_shared::Code::code(&r.status)}>{ t }</option>
                                    }) }
                                </select></td>
                            </tr>
                        }
                    }) }</tbody>
                </table>
            </div>
        }
    };
    html! {
        <section class="roadmap-screen">
            <h1>{ "Дорожная карта внедрения целевой модели наставничества" }</h1>
            <FormError error={(*error).clone()} />
            { for RoadmapStage::ALL.iter().map(|s| stage(*s)) }
        </section>
    }
}
