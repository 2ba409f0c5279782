//! The school overview and what is on this device.

use nastavnik_core::pair::PairDoc;
use nastavnik_node::NodeError;
use serde_json::json;

use super::context::{Ctx, Output};

/// `overview`: reads every pair's summary and computes the school overview for today.
pub async fn overview(ctx: &Ctx) -> Result<Output, NodeError> {
    let school = ctx.school().await?;
    let mut summaries = Vec::new();
    let mut unreadable = Vec::new();
    for entry in school.pairs.iter().filter(|p| !p.doc_id.is_empty()) {
        match ctx.node.read::<PairDoc>(&entry.doc_id).await {
            Ok(pair) => summaries.push(pair.summary()),
            Err(e) => unreadable.push(format!("{}: {e}", entry.id)),
        }
    }
    let overview = nastavnik_core::school::overview(&school, &summaries, ctx.today);
    let mut text = nastavnik_node::render::overview(&overview);
    for line in &unreadable {
        text.push_str(&format!("Не удалось прочитать пару {line}\n"));
    }
    let mut value = serde_json::to_value(&overview).map_err(|e| NodeError::Io(e.to_string()))?;
    value["unreadable"] = json!(unreadable);
    Ok(Output::new(text, value))
}

/// `status`: this device and its documents.
pub async fn status(ctx: &Ctx) -> Result<Output, NodeError> {
    let quarantined: Vec<String> = std::fs::read_dir(ctx.node.dir.quarantine())
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    let mut text = format!("Устройство {} — {}\n", ctx.node.identity.device_id(), ctx.node.device.label());
    if !quarantined.is_empty() {
        text.push_str(&format!(
            "Повреждённые файлы отложены в {}: {}\n",
            ctx.node.dir.quarantine().display(),
            quarantined.len()
        ));
    }
    Ok(Output::new(
        text,
        json!({ "deviceId": ctx.node.identity.device_id(), "device": ctx.node.device, "quarantined": quarantined }),
    ))
}
