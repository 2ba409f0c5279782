//! Paperwork from the window: the document is written into the user's Documents folder
//! («Документы/Наставник»; `NASTAVNIK_EXPORT_DIR` overrides it) and its path returned.

use nastavnik_shared::app::commands::{Answer, ExportDocument, ImportBase, IssueOrder};
use std::path::PathBuf;

use tauri::State;

use crate::state::{AppState, Res, app_error};

fn export_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("NASTAVNIK_EXPORT_DIR") {
        return PathBuf::from(dir);
    }
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(|d| d.join("Наставник")))
        .unwrap_or_else(|| std::env::temp_dir().join("Наставник"))
}

/// Generates document `kind` (see `nastavnik_node::documents::KINDS`) and saves it; returns the path.
#[tauri::command]
pub async fn export_document(
    state: State<'_, AppState>,
    call: ExportDocument,
) -> Res<Answer<ExportDocument>> {
    let ExportDocument { kind, pair_id, person_id, order_number } = call;
    let node = state.node.read().await;
    let rendered = nastavnik_node::documents::render(
        &node,
        &kind,
        pair_id.as_deref(),
        person_id.as_deref(),
        order_number.as_deref(),
        state.today(),
    )
    .await
    .map_err(app_error)?;
    let dir = export_dir();
    std::fs::create_dir_all(&dir).map_err(|e| app_error(nastavnik_node::NodeError::io(&dir, e)))?;
    let path = dir.join(&rendered.file_name);
    nastavnik_node::paths::write_atomic(&path, &rendered.bytes, 0o644).map_err(app_error)?;
    Ok(path.display().to_string())
}

/// Issues the order «О закреплении наставнических пар» (`number` of `date`): the new pairs are
/// fixed by it and the order saved as .docx; returns the path.
#[tauri::command]
pub async fn issue_order(state: State<'_, AppState>, call: IssueOrder) -> Res<Answer<IssueOrder>> {
    let IssueOrder { number, date } = call;
    let date = super::parse::date("Дата приказа", &date)?;
    if number.trim().is_empty() {
        return Err(crate::state::input("Номер приказа: укажите номер"));
    }
    let node = state.node.read().await;
    let (_, bytes) =
        nastavnik_node::intake::issue_order(&node, number.trim(), date, &[]).await.map_err(app_error)?;
    let dir = export_dir();
    std::fs::create_dir_all(&dir).map_err(|e| app_error(nastavnik_node::NodeError::io(&dir, e)))?;
    let file =
        format!("Приказ {} от {}.docx", number.trim().replace(['/', '\\'], "-"), date.format("%d.%m.%Y"));
    let path = dir.join(file);
    nastavnik_node::paths::write_atomic(&path, &bytes, 0o644).map_err(app_error)?;
    Ok(path.display().to_string())
}

/// Previews a base of mentors or mentees from a file's bytes (.xlsx/.xls/.ods/.csv) — or, with
/// `apply`, imports it whole (nothing while any row has an error).
#[tauri::command]
pub async fn import_base(state: State<'_, AppState>, call: ImportBase) -> Res<Answer<ImportBase>> {
    let ImportBase { base, file_name, bytes, apply } = call;
    let base = nastavnik_node::intake::base(&base).map_err(app_error)?;
    let node = state.node.read().await;
    let (preview, added) = nastavnik_node::intake::import_base(&node, base, &file_name, bytes, apply, || {
        nastavnik_node::new_id("person")
    })
    .await
    .map_err(app_error)?;
    Ok(nastavnik_node::intake::view(&preview, added))
}
