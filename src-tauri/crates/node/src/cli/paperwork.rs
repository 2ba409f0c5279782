//! The curator's paperwork: exports (.xlsx, .docx), the order fixing pairs, import of the bases.

use std::path::Path;

use nastavnik_node::{NodeError, intake};
use nastavnik_shared::app::ImportView;
use nastavnik_shared::ru;
use serde_json::json;

use super::context::{Ctx, Output};
use super::parse;

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
    person: Option<&str>,
    number: Option<&str>,
    out: &Path,
) -> Result<Output, NodeError> {
    let rendered =
        nastavnik_node::documents::render(ctx.node, kind, pair, person, number, ctx.today()).await?;
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
    let (fixed, bytes) = intake::issue_order(ctx.node, number, date, pairs).await?;
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

fn describe(p: &ImportView) -> String {
    let mut text = format!(
        "Будет загружено: {}; уже есть в базе: {}; строк с ошибками: {}\n",
        p.ready.len(),
        p.skipped.len(),
        p.errors.len()
    );
    for d in &p.ready {
        text.push_str(&format!("  + строка {}: {}\n", d.line, d.name));
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

/// `import`: a preview, or (`--apply`) the import of a file without errors in one change.
pub async fn import(ctx: &Ctx<'_>, base: &str, file: &Path, apply: bool) -> Result<Output, NodeError> {
    let base = intake::base(base).map_err(|e| NodeError::Input(format!("--base: {e}")))?;
    let bytes = std::fs::read(file)
        .map_err(|e| NodeError::Input(format!("не удалось открыть файл {}: {e}", file.display())))?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    ctx.school_doc()?;
    let (preview, _) = intake::import_base(ctx.node, base, &name, bytes.clone(), false, fresh_id).await?;
    let view = intake::view(&preview, None);
    let text = describe(&view);
    if !apply {
        let text = format!(
            "{text}Ничего не загружено: это предварительный просмотр. Чтобы загрузить, добавьте --apply."
        );
        return Ok(Output::new(text, json!(view)));
    }
    if !view.errors.is_empty() {
        return Err(NodeError::Input(format!(
            "{text}Ничего не загружено: исправьте строки с ошибками и повторите."
        )));
    }
    let (_, added) = intake::import_base(ctx.node, base, &name, bytes, true, fresh_id).await?;
    let view = intake::view(&preview, added);
    Ok(Output::new(format!("{text}Загружено: {}", added.unwrap_or(0)), json!(view)))
}

fn fresh_id() -> String {
    parse::new_id("person")
}
