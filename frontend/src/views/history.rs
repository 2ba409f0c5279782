//! «История» of a pair: every change of its document — when, who (the person behind the device
//! that wrote it), which part, what — newest first, filtered by person and by part.

use nastavnik_shared::app::commands::GetPairHistory;
use nastavnik_shared::app::{HistoryRow, PairView};
use nastavnik_shared::vocab::HistoryPart;
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{Choice, FormError, submit};

/// The pair.
#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    /// The pair.
    pub pair: PairView,
}

/// The history tab.
#[function_component(History)]
pub fn history(p: &HistoryProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let rows = use_state(Vec::<HistoryRow>::new);
    let error = use_state(|| None::<String>);
    let person = use_state(String::new);
    let part = use_state(String::new);
    {
        let (rows, error, pair_id) = (rows.clone(), error.clone(), p.pair.pair_id.clone());
        use_effect_with((pair_id.clone(), ctx.revision), move |_| {
            submit(GetPairHistory { pair_id }, error, move |v| rows.set(v));
        });
    }
    let mut people: Vec<(String, String)> = vec![(String::new(), "все".into())];
    people.extend(p.pair.members.iter().map(|(id, name, _)| (id.clone(), name.clone())));
    let mut parts: Vec<(String, String)> = vec![(String::new(), "все".into())];
    parts.extend(HistoryPart::ALL.iter().map(|h| (h.as_code().to_string(), h.label().to_string())));
    let shown: Vec<&HistoryRow> = rows
        .iter()
        .rev()
        .filter(|r| person.is_empty() || r.person_id.as_deref() == Some(person.as_str()))
        .filter(|r| part.is_empty() || r.part.as_code() == part.as_str())
        .collect();
    let pick = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |v: String| s.set(v))
    };
    html! {
        <div class="panel history" id="history">
            <h2>{ format!("История изменений: {}", shown.len()) }</h2>
            <div class="filters">
                <Choice label="Участник" id="history-person" value={(*person).clone()} options={people} onchange={pick(&person)} />
                <Choice label="Раздел" id="history-part" value={(*part).clone()} options={parts} onchange={pick(&part)} />
            </div>
            <FormError error={(*error).clone()} />
            <table class="history-rows">
                <thead><tr><th>{ "Когда" }</th><th>{ "Кто" }</th><th>{ "Раздел" }</th><th>{ "Что" }</th></tr></thead>
                <tbody>{ for shown.iter().map(|r| html! {
                    <tr><td>{ r.at.clone() }</td><td class="who">{ r.who.clone() }</td><td>{ r.part.label() }</td><td class="what">{ r.what.clone() }</td></tr>
                }) }</tbody>
            </table>
            <super::documents::Documents pair_id={Some(p.pair.pair_id.clone())} kinds={vec![("history", "История изменений (.docx)")]} />
        </div>
    }
}
