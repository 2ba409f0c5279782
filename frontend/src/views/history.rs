//! «История» of a pair: every change of its document — when, who (the person behind the device
//! that wrote it), which part, what — newest first, filtered by person and by part. In the history
//! of one activity, meeting or programme entry, each change can be undone («вернуть как было»).

use nastavnik_shared::app::commands::{GetPairHistory, RestoreBefore};
use nastavnik_shared::app::{HistoryRow, PairView, Tracked};
use nastavnik_shared::vocab::HistoryPart;
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{Choice, FormError, submit};
use crate::state::{Action, PairTab, Screen};

/// The pair.
#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    /// The pair.
    pub pair: PairView,
}

/// One item whose own history is shown, with the words the screen names it by.
#[derive(Debug, Clone, PartialEq)]
pub struct Focus {
    /// The activity, meeting or programme entry.
    pub item: Tracked,
    /// Its title (an activity's, a meeting's topic, an entry's wording).
    pub title: String,
}

thread_local! {
    static FOCUS: std::cell::RefCell<Option<Focus>> = const { std::cell::RefCell::new(None) };
}

/// A «история» link of a row: opens the pair's «История» on that item alone.
pub fn open_item(ctx: &Ctx, pair_id: &str, focus: Focus) -> Callback<MouseEvent> {
    let (ctx, pair_id) = (ctx.clone(), pair_id.to_string());
    Callback::from(move |_| {
        FOCUS.with(|f| *f.borrow_mut() = Some(focus.clone()));
        ctx.dispatch(Action::Go(Screen::Pair { id: pair_id.clone(), tab: PairTab::History }));
    })
}

/// The history tab.
#[function_component(History)]
pub fn history(p: &HistoryProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let rows = use_state(Vec::<HistoryRow>::new);
    let error = use_state(|| None::<String>);
    let person = use_state(String::new);
    let part = use_state(String::new);
    let focus = use_state(|| FOCUS.with(|f| f.borrow_mut().take()));
    {
        let (rows, error, pair_id) = (rows.clone(), error.clone(), p.pair.pair_id.clone());
        use_effect_with((pair_id.clone(), ctx.revision, (*focus).clone()), move |(_, _, focus)| {
            let item = focus.as_ref().map(|f| f.item.clone());
            submit(GetPairHistory { pair_id, item }, error, move |v| rows.set(v));
        });
    }
    let whole = {
        let focus = focus.clone();
        Callback::from(move |_| focus.set(None))
    };
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
    // Undoing one change: offered in one item's own history, while the pair is open — for every
    // change but the item's first, which created it.
    let created = rows.first().map(|r| r.change.clone());
    let undo = |r: &HistoryRow| -> Option<Callback<MouseEvent>> {
        if created.as_ref() == Some(&r.change) {
            return None;
        }
        let item = match (&*focus, &p.pair.closed) {
            (Some(focus), None) => Some(focus.item.clone()),
            _ => return None,
        };
        let call = RestoreBefore { pair_id: p.pair.pair_id.clone(), item, change: r.change.clone() };
        let (ctx, error) = (ctx.clone(), error.clone());
        Some(Callback::from(move |_| {
            let ctx = ctx.clone();
            submit(call.clone(), error.clone(), move |()| ctx.dispatch(Action::Changed));
        }))
    };
    let pick = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |v: String| s.set(v))
    };
    html! {
        <div class="panel history" id="history">
            <h2>{ format!("История изменений: {}", shown.len()) }</h2>
            if let Some(f) = &*focus {
                <p class="history-focus">
                    { match f {
                        Focus { item: Tracked::Activity(_), title } => format!("Только мероприятие «{title}». "),
                        Focus { item: Tracked::Meeting(_), title } => format!("Только встреча «{title}». "),
                        Focus { item: Tracked::Entry(..), title } => format!("Только пункт программы «{title}». "),
                    } }
                    <button class="link whole-history" onclick={whole}>{ "вся история пары" }</button>
                </p>
            }
            <div class="filters">
                <Choice label="Участник" id="history-person" value={(*person).clone()} options={people} onchange={pick(&person)} />
                <Choice label="Раздел" id="history-part" value={(*part).clone()} options={parts} onchange={pick(&part)} />
            </div>
            <FormError error={(*error).clone()} />
            <table class="history-rows">
                <thead><tr><th>{ "Когда" }</th><th>{ "Кто" }</th><th>{ "Раздел" }</th><th>{ "Что" }</th><th></th></tr></thead>
                <tbody>{ for shown.iter().map(|r| html! {
                    <tr>
                        <td>{ r.at.clone() }</td><td class="who">{ r.who.clone() }</td><td>{ r.part.label() }</td><td class="what">{ r.what.clone() }</td>
                        <td>if let Some(undo) = undo(r) {
                            <button class="link undo" title="Поля, изменённые этой правкой, получат прежние значения" onclick={undo}>{ "вернуть как было" }</button>
                        }</td>
                    </tr>
                }) }</tbody>
            </table>
            <super::documents::Documents pair_id={Some(p.pair.pair_id.clone())} kinds={vec![("history", "История изменений (.docx)")]} />
        </div>
    }
}
