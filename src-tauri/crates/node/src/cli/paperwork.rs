//! The curator's paperwork: exports (.xlsx, .docx), the order fixing pairs, import of the bases.

use std::path::Path;

use nastavnik_core::error::DomainError;
use nastavnik_core::school::SchoolDoc;
use nastavnik_node::NodeError;
use nastavnik_paperwork::import::{self, Base, Preview};
use nastavnik_paperwork::{PaperworkError, docx};
use nastavnik_shared::ru;
use serde_json::json;

use super::context::{Ctx, Output};
use super::parse;

fn failed(e: PaperworkError) -> NodeError {
    NodeError::Input(e.0)
}

fn save(out: &Path, bytes: &[u8]) -> Result<Output, NodeError> {
    nastavnik_node::paths::write_atomic(out, bytes, 0o644)?;
    Ok(Output::new(
        format!("Сохранено: {} ({} КБ)", out.display(), bytes.len().div_ceil(1024)),
        json!({ "file": out, "bytes": bytes.len() }),
    ))
}

/// `export`: a table or document.
pub async fn export(
    ctx: &Ctx<'_>,
    kind: &str,
    pair: Option<&str>,
    number: Option<&str>,
    out: &Path,
) -> Result<Output, NodeError> {
    let rendered = nastavnik_node::documents::render(ctx.node, kind, pair, number, ctx.today()).await?;
    save(out, &rendered.bytes)
}

/// `order`: fixes pairs by the head's order and writes it.
pub async fn order(
    ctx: &Ctx<'_>,
    number: &str,
    date: &str,
    pairs: &[String],
    out: &Path,
) -> Result<Output, NodeError> {
    let date = parse::date("--date", date)?;
    let (number_owned, named, today) = (number.to_string(), pairs.to_vec(), ctx.today());
    let fixed = ctx
        .node
        .change(
            &ctx.school_doc()?,
            ctx.now(),
            "приказ о закреплении пар",
            move |s: &mut SchoolDoc| s.fix_pairs_by_order(&number_owned, date, &named, today),
        )
        .await?;
    let bytes = docx::order(&ctx.school().await?, number).map_err(failed)?;
    let mut output = save(out, &bytes)?;
    output.text = format!(
        "Приказ № {number} от {}: {}\n{}",
        ru::date_short(date),
        ru::count(fixed.len() as u64, ["пара", "пары", "пар"]),
        output.text
    );
    output.json["pairs"] = json!(fixed);
    Ok(output)
}

fn describe(p: &Preview) -> String {
    let mut text = format!(
        "Будет загружено: {}; уже есть в базе: {}; строк с ошибками: {}\n",
        p.ready.len(),
        p.skipped.len(),
        p.errors.len()
    );
    for d in &p.ready {
        text.push_str(&format!("  + строка {}: {} ({})\n", d.line, d.person.name, d.person.category));
    }
    for s in &p.skipped {
        text.push_str(&format!("  = строка {}: {} — {}\n", s.line, s.name, s.message));
    }
    for e in &p.errors {
        text.push_str(&format!("  ! строка {}: {} — {}\n", e.line, e.name, e.message));
    }
    if !p.ignored_columns.is_empty() {
        text.push_str(&format!("Не загружаются столбцы: {}\n", p.ignored_columns.join(", ")));
    }
    text
}

fn preview_json(p: &Preview) -> serde_json::Value {
    let notes = |n: &[import::RowNote]| -> Vec<serde_json::Value> {
        n.iter().map(|x| json!({ "line": x.line, "name": x.name, "message": x.message })).collect()
    };
    json!({
        "ready": p.ready.iter().map(|d| json!({ "line": d.line, "name": d.person.name })).collect::<Vec<_>>(),
        "skipped": notes(&p.skipped),
        "errors": notes(&p.errors),
        "ignoredColumns": p.ignored_columns,
    })
}

/// `import`: a preview, or (`--apply`) the import of a file without errors in one change.
pub async fn import(ctx: &Ctx<'_>, base: &str, file: &Path, apply: bool) -> Result<Output, NodeError> {
    let base = match base {
        "mentors" => Base::Mentors,
        "mentees" => Base::Mentees,
        other => {
            return Err(NodeError::Input(format!(
                "--base: неизвестная база «{other}»; допустимо: mentors (наставники), mentees (наставляемые)"
            )));
        }
    };
    let bytes = std::fs::read(file)
        .map_err(|e| NodeError::Input(format!("не удалось открыть файл {}: {e}", file.display())))?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let preview = import::preview(base, &name, &bytes, &ctx.school().await?, ctx.today()).map_err(failed)?;
    let text = describe(&preview);
    if !apply {
        let text = format!(
            "{text}Ничего не загружено: это предварительный просмотр. Чтобы загрузить, добавьте --apply."
        );
        return Ok(Output::new(text, preview_json(&preview)));
    }
    if !preview.errors.is_empty() {
        return Err(NodeError::Input(format!(
            "{text}Ничего не загружено: исправьте строки с ошибками и повторите."
        )));
    }
    let today = ctx.today();
    let added = ctx
        .node
        .change(&ctx.school_doc()?, ctx.now(), "загрузка базы", move |s: &mut SchoolDoc| {
            // Checked again on the document as it is now, inside the one change.
            let fresh =
                import::preview(base, &name, &bytes, s, today).map_err(|e| DomainError::Conflict(e.0))?;
            import::apply(s, &fresh, &mut || parse::new_id("person"), today)
        })
        .await?;
    let mut json = preview_json(&preview);
    json["imported"] = json!(added);
    Ok(Output::new(format!("{text}Загружено: {added}"), json))
}
