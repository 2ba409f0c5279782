//! The end of a programme from the CLI: the satisfaction survey, the mentor's final report
//! (written, then handed to the curator), and a monitoring criterion added.

use nastavnik_core::pair::{PairDoc, TextField, set_text};
use nastavnik_node::NodeError;
use serde_json::json;

use super::context::{Ctx, Output};
use super::parse;

/// `pair survey`: a member's satisfaction, 1–10.
pub async fn survey(ctx: &Ctx<'_>, pair: &str, score: u8, comment: String) -> Result<Output, NodeError> {
    let (actor, doc, today) = (ctx.actor()?, ctx.pair_doc(pair).await?, ctx.today());
    let id = parse::new_id("s");
    let survey = id.clone();
    ctx.node
        .change(&doc, ctx.now(), "анкета удовлетворённости", move |p: &mut PairDoc| {
            p.answer_survey(&actor, &survey, score, &comment, today)
        })
        .await?;
    Ok(Output::new(format!("Анкета записана: {score} из 10"), json!({ "id": id })))
}

/// `pair report`: the mentor writes the final report's parts given, and with `submit` hands it in.
pub async fn report(
    ctx: &Ctx<'_>,
    pair: &str,
    parts: [Option<String>; 3],
    submit: bool,
) -> Result<Output, NodeError> {
    let (actor, doc, now, today) = (ctx.actor()?, ctx.pair_doc(pair).await?, ctx.now(), ctx.today());
    let fields = [TextField::ReportResults, TextField::ReportConclusions, TextField::ReportProposals];
    let writer = actor.clone();
    ctx.node
        .edit(&doc, move |d| {
            for (field, text) in fields.iter().zip(parts) {
                if let Some(text) = text {
                    set_text(d, now, &writer, field, &text)?;
                }
            }
            Ok(())
        })
        .await?;
    if submit {
        ctx.node
            .change(&doc, now, "отчёт наставника", move |p: &mut PairDoc| {
                p.submit_final_report(&actor, today)
            })
            .await?;
    }
    let text = if submit {
        "Отчёт наставника сдан куратору"
    } else {
        "Отчёт наставника сохранён"
    };
    Ok(Output::new(text, json!({ "pair": pair, "submitted": submit })))
}

/// `pair criterion`: a monitoring criterion added to the pair's list.
pub async fn criterion(ctx: &Ctx<'_>, pair: &str, title: String) -> Result<Output, NodeError> {
    let (actor, doc) = (ctx.actor()?, ctx.pair_doc(pair).await?);
    let id = parse::new_id("c");
    let criterion = id.clone();
    ctx.node
        .change(&doc, ctx.now(), "критерий мониторинга", move |p: &mut PairDoc| {
            p.add_criterion(&actor, &criterion, &title)
        })
        .await?;
    Ok(Output::new(format!("Критерий добавлен: {id}"), json!({ "id": id })))
}
