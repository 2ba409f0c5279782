//! Paperwork from the window: the document is written into the user's Documents folder
//! («Документы/Наставник»; `NASTAVNIK_EXPORT_DIR` overrides it) and its path returned.

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
    kind: String,
    pair_id: Option<String>,
    order_number: Option<String>,
) -> Res<String> {
    let node = state.node.read().await;
    let rendered = nastavnik_node::documents::render(
        &node,
        &kind,
        pair_id.as_deref(),
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
