//! «Расхождения»: fields of the pair two devices set differently while apart. Automerge keeps
//! both values; the window shows them side by side with who wrote each, and a participant keeps
//! one — an ordinary change, which settles the field on every device once it syncs.

use nastavnik_shared::app::commands::{ChooseValue, GetPairConflicts};
use nastavnik_shared::app::{PairConflict, PairView};
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{FormError, submit};
use crate::state::Action;

/// The pair.
#[derive(Properties, PartialEq)]
pub struct ConflictsProps {
    /// The pair.
    pub pair: PairView,
}

/// The panel; nothing when every field has one value.
#[function_component(Conflicts)]
pub fn conflicts(p: &ConflictsProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let found = use_state(Vec::<PairConflict>::new);
    let error = use_state(|| None::<String>);
    {
        let (found, error, pair_id) = (found.clone(), error.clone(), p.pair.pair_id.clone());
        use_effect_with((pair_id.clone(), p.pair.heads.clone(), ctx.revision), move |_| {
            submit(GetPairConflicts { pair_id }, error, move |v| found.set(v));
        });
    }
    if found.is_empty() && error.is_none() {
        return html! {};
    }
    let open = p.pair.closed.is_none();
    html! {
        <div class="panel conflicts" id="conflicts">
            <h2>{ format!("Расхождения правок: {}", found.len()) }</h2>
            <p class="muted">{ "Эти поля изменили по-разному на разных устройствах, пока они не были связаны. \
                Сохранены оба значения; выберите, какое оставить — выбор увидят все участники после синхронизации." }</p>
            <FormError error={(*error).clone()} />
            { for found.iter().map(|c| html! {
                <div class="conflict" data-path={c.path.clone()}>
                    <h3 class="conflict-what">{ c.what.clone() }</h3>
                    <div class="conflict-values">{ for c.values.iter().map(|v| {
                        let keep = {
                            let (ctx, error) = (ctx.clone(), error.clone());
                            let call = ChooseValue { pair_id: p.pair.pair_id.clone(), path: c.path.clone(), op: v.op.clone() };
                            Callback::from(move |_| {
                                let ctx = ctx.clone();
                                submit(call.clone(), error.clone(), move |_: String| ctx.dispatch(Action::Changed));
                            })
                        };
                        html! {
                            <div class="conflict-value">
                                <strong class="value">{ v.value.clone() }</strong>
                                <span class="who">{ v.who.clone() }</span>
                                <span class="muted at">{ v.at.clone() }</span>
                                if open { <button class="keep" onclick={keep}>{ "Оставить это значение" }</button> }
                            </div>
                        }
                    }) }</div>
                </div>
            }) }
        </div>
    }
}
