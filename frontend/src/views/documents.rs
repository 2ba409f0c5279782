//! Buttons that produce the paperwork (.docx/.xlsx) and say where the file was saved.

use nastavnik_shared::app::commands::ExportDocument;
use yew::prelude::*;

use super::widgets::{FormError, submit};

/// Which documents, for whom.
#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    /// (kind, label) pairs.
    pub kinds: Vec<(&'static str, &'static str)>,
    /// The pair, for a pair's documents.
    #[prop_or_default]
    pub pair_id: Option<String>,
    /// The participant, for a record made on the curator's device.
    #[prop_or_default]
    pub person_id: Option<String>,
}

/// A panel of document buttons.
#[function_component(Documents)]
pub fn documents(p: &DocumentsProps) -> Html {
    let saved = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);
    let buttons = p.kinds.iter().map(|(kind, label)| {
        let class = format!("export-{kind}");
        let (saved, error, pair_id, person_id, kind) =
            (saved.clone(), error.clone(), p.pair_id.clone(), p.person_id.clone(), kind.to_string());
        let onclick = Callback::from(move |_| {
            let saved = saved.clone();
            let args = ExportDocument {
                kind: kind.clone(),
                pair_id: pair_id.clone(),
                person_id: person_id.clone(),
                order_number: None,
            };
            submit(args, error.clone(), move |path: String| saved.set(Some(path)));
        });
        html! { <button class={classes!("export", class)} {onclick}>{ *label }</button> }
    });
    html! {
        <div class="panel documents">
            <h2>{ "Документы" }</h2>
            <div class="actions">{ for buttons }</div>
            if let Some(path) = &*saved { <p class="saved">{ format!("Сохранено: {path}") }</p> }
            <FormError error={(*error).clone()} />
        </div>
    }
}
