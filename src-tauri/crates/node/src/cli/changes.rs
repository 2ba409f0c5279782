//! A pair's changes: its history, the fields two devices set differently (and choosing one),
//! undoing one change of an activity, a meeting or a programme entry.

use nastavnik_node::NodeError;
use nastavnik_node::history::Item;
use nastavnik_shared::vocab::{HistoryPart, ProgrammePart};
use serde_json::json;

use super::context::{Ctx, Output};
use super::parse;

/// The item named by `--activity`, `--meeting` or `--entry` with `--list`.
pub fn item(
    activity: Option<String>,
    meeting: Option<String>,
    entry: Option<String>,
    list: Option<String>,
) -> Result<Option<Item>, NodeError> {
    let entry = match (entry, list) {
        (Some(id), Some(list)) => Some(Item::Entry(parse::code("--list", &list, ProgrammePart::ALL)?, id)),
        _ => None,
    };
    Ok(activity.map(Item::Activity).or(meeting.map(Item::Meeting)).or(entry))
}

/// `pair history`.
pub async fn history(
    ctx: &Ctx<'_>,
    pair: &str,
    person: Option<String>,
    part: Option<String>,
    item: Option<Item>,
) -> Result<Output, NodeError> {
    let part = part.map(|p| parse::code("--part", &p, HistoryPart::ALL)).transpose()?;
    let rows: Vec<_> = nastavnik_node::history::pair_history(ctx.node, pair, item)
        .await?
        .into_iter()
        .filter(|r| person.as_ref().is_none_or(|p| r.person_id.as_ref() == Some(p)))
        .filter(|r| part.is_none_or(|p| r.part == p))
        .collect();
    let mut text = format!("История пары {pair}: изменений {}\n", rows.len());
    for r in &rows {
        text.push_str(&format!(
            "  {} · {} · {}: {}\n      правка {}\n",
            r.at,
            r.who,
            r.part.label(),
            r.what,
            r.change
        ));
    }
    Ok(Output::new(text, serde_json::to_value(&rows).map_err(NodeError::io_by)?))
}

/// `pair conflicts`.
pub async fn conflicts(ctx: &Ctx<'_>, pair: &str) -> Result<Output, NodeError> {
    let found = nastavnik_node::conflicts::pair_conflicts(ctx.node, pair).await?;
    let mut text = format!("Расхождения в паре {pair}: {}\n", found.len());
    for c in &found {
        text.push_str(&format!("  {} (поле {})\n", c.what, c.path));
        for v in &c.values {
            text.push_str(&format!("    «{}» — {}, {} (значение {})\n", v.value, v.who, v.at, v.op));
        }
    }
    Ok(Output::new(text, serde_json::to_value(&found).map_err(NodeError::io_by)?))
}

/// `pair choose`.
pub async fn choose(ctx: &Ctx<'_>, pair: &str, field: &str, value: &str) -> Result<Output, NodeError> {
    let what =
        nastavnik_node::conflicts::choose(ctx.node, pair, ctx.actor()?, field, value, ctx.now()).await?;
    Ok(Output::new(
        format!("Значение выбрано: {what}"),
        json!({ "pair": pair, "field": field, "value": value }),
    ))
}

/// `pair restore`.
pub async fn restore(
    ctx: &Ctx<'_>,
    pair: &str,
    item: Option<Item>,
    change: &str,
) -> Result<Output, NodeError> {
    let item =
        item.ok_or_else(|| NodeError::Input("укажите --activity, --meeting или --entry с --list".into()))?;
    nastavnik_node::history::restore(ctx.node, pair, ctx.actor()?, item, change, ctx.now()).await?;
    Ok(Output::new("Прежние значения возвращены".to_string(), json!({ "pair": pair, "change": change })))
}
