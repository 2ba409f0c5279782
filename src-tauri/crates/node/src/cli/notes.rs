//! `notes …`: a mentor's private notes about a pair — kept on this device only, never synced
//! (`nastavnik_node::private_notes`), the same operations as the window's «Мои заметки».

use clap::Subcommand;
use nastavnik_node::NodeError;
use nastavnik_node::private_notes::{self, Target};
use serde_json::json;

use super::context::{Ctx, Output};
use super::parse;

/// `notes …`
#[derive(Debug, Subcommand)]
pub enum NotesCmd {
    /// Записать заметку о паре (видна только на этом устройстве наставника).
    Add {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Текст заметки.
        #[arg(long)]
        text: String,
        /// День, к которому относится заметка (ГГГГ-ММ-ДД; по умолчанию сегодня).
        #[arg(long)]
        date: Option<String>,
    },
    /// Переписать заметку.
    Edit {
        /// Заметка (идентификатор).
        #[arg(long)]
        id: String,
        /// Новый текст.
        #[arg(long)]
        text: String,
    },
    /// Удалить заметку.
    Remove {
        /// Заметка (идентификатор).
        #[arg(long)]
        id: String,
    },
    /// Показать заметки о паре, новые сначала.
    List {
        /// Пара.
        #[arg(long)]
        pair: String,
    },
}

/// Runs a `notes` command.
pub async fn notes(ctx: &Ctx<'_>, cmd: NotesCmd) -> Result<Output, NodeError> {
    let now = ctx.now();
    match cmd {
        NotesCmd::Add { pair, text, date } => {
            let on = match date {
                Some(d) => parse::date("--date", &d)?,
                None => ctx.today(),
            };
            let id = parse::new_id("n");
            let note = id.clone();
            private_notes::change(ctx.node, Target::Pair(&pair), now, "личная заметка", |n| {
                n.add(&note, &pair, on, &text, now)
            })
            .await?;
            Ok(Output::new(format!("Заметка записана ({id}); её видите только вы"), json!({ "id": id })))
        }
        NotesCmd::Edit { id, text } => {
            private_notes::change(ctx.node, Target::Note(&id), now, "правка заметки", |n| {
                n.edit(&id, &text, now)
            })
            .await?;
            Ok(Output::new(format!("Заметка {id} изменена"), json!({ "id": id })))
        }
        NotesCmd::Remove { id } => {
            private_notes::change(ctx.node, Target::Note(&id), now, "удаление заметки", |n| {
                n.remove(&id)
            })
            .await?;
            Ok(Output::new(format!("Заметка {id} удалена"), json!({ "id": id })))
        }
        NotesCmd::List { pair } => {
            let notes = private_notes::about(ctx.node, &pair).await?;
            let mut text = String::from("Мои заметки (видны только на этом устройстве):\n");
            if notes.is_empty() {
                text.push_str("  заметок нет\n");
            }
            for n in &notes {
                text.push_str(&format!("  {} · {} — {}\n", n.on.format("%d.%m.%Y"), n.id, n.text));
            }
            Ok(Output::new(text, serde_json::to_value(&notes).map_err(NodeError::io_by)?))
        }
    }
}
