//! `programme …`: the personalised programme's lists — directions of work, deficits, strengths,
//! short- and long-term goals — added, reworded, removed and listed by a pair's members (and the
//! curator), with the same operations and messages as the window.

use clap::Subcommand;
use nastavnik_core::pair::PairDoc;
use nastavnik_node::NodeError;
use nastavnik_shared::vocab::ProgrammePart;
use serde_json::json;

use super::context::{Ctx, Output};
use super::parse;

/// `programme …`
#[derive(Debug, Subcommand)]
pub enum ProgrammeCmd {
    /// Добавить пункт программы (направление, дефицит, сильную сторону, цель).
    Add {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Раздел: directions, deficits, strengths, short_goals, long_goals.
        #[arg(long)]
        part: String,
        /// Формулировка.
        #[arg(long)]
        text: String,
    },
    /// Переформулировать пункт программы.
    Edit {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Раздел.
        #[arg(long)]
        part: String,
        /// Пункт (идентификатор).
        #[arg(long)]
        item: String,
        /// Новая формулировка.
        #[arg(long)]
        text: String,
    },
    /// Удалить пункт программы.
    Remove {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Раздел.
        #[arg(long)]
        part: String,
        /// Пункт (идентификатор).
        #[arg(long)]
        item: String,
    },
    /// Показать программу пары по разделам.
    List {
        /// Пара.
        #[arg(long)]
        pair: String,
    },
}

fn part(text: &str) -> Result<ProgrammePart, NodeError> {
    parse::code("--part", text, ProgrammePart::ALL)
}

/// Runs a `programme` command.
pub async fn programme(ctx: &Ctx<'_>, cmd: ProgrammeCmd) -> Result<Output, NodeError> {
    match cmd {
        ProgrammeCmd::Add { pair, part: p, text } => {
            let (part, actor, doc) = (part(&p)?, ctx.actor()?, ctx.pair_doc(&pair).await?);
            let id = parse::new_id("e");
            let entry = id.clone();
            ctx.node
                .change(&doc, ctx.now(), "пункт программы", move |d: &mut PairDoc| {
                    d.add_entry(&actor, part, &entry, &text)
                })
                .await?;
            Ok(Output::new(format!("{}: пункт добавлен ({id})", part.label()), json!({ "id": id })))
        }
        ProgrammeCmd::Edit { pair, part: p, item, text } => {
            let (part, actor, doc) = (part(&p)?, ctx.actor()?, ctx.pair_doc(&pair).await?);
            let entry = item.clone();
            ctx.node
                .change(&doc, ctx.now(), "правка программы", move |d: &mut PairDoc| {
                    d.edit_entry(&actor, part, &entry, &text)
                })
                .await?;
            Ok(Output::new(format!("{}: пункт {item} изменён", part.label()), json!({ "id": item })))
        }
        ProgrammeCmd::Remove { pair, part: p, item } => {
            let (part, actor, doc) = (part(&p)?, ctx.actor()?, ctx.pair_doc(&pair).await?);
            let entry = item.clone();
            ctx.node
                .change(
                    &doc,
                    ctx.now(),
                    "удаление из программы",
                    move |d: &mut PairDoc| d.remove_entry(&actor, part, &entry),
                )
                .await?;
            Ok(Output::new(format!("{}: пункт {item} удалён", part.label()), json!({ "id": item })))
        }
        ProgrammeCmd::List { pair } => {
            let doc = ctx.pair_doc(&pair).await?;
            let entries = ctx.node.read::<PairDoc>(&doc).await?.entries();
            let mut text = String::new();
            for part in ProgrammePart::ALL {
                text.push_str(&format!("{}:\n", part.label()));
                let mine: Vec<_> = entries.iter().filter(|e| e.part == *part).collect();
                if mine.is_empty() {
                    text.push_str("  не указаны\n");
                }
                for e in mine {
                    text.push_str(&format!("  {} — {}\n", e.id, e.text));
                }
            }
            Ok(Output::new(text, serde_json::to_value(&entries).map_err(NodeError::io_by)?))
        }
    }
}
