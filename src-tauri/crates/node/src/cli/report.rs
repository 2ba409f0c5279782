//! The school overview and what is on this device.

use nastavnik_core::school::SchoolDoc;
use nastavnik_node::NodeError;
use nastavnik_node::summary_cache::CacheStats;
use nastavnik_node::sync_state::SyncState;
use nastavnik_shared::report::SchoolOverview;
use serde_json::json;

use super::context::{Ctx, Output};

/// The school overview for today (progress on stderr when reading takes more than a second).
pub async fn school_overview(ctx: &Ctx<'_>) -> Result<(SchoolOverview, CacheStats), NodeError> {
    let school = ctx.school().await?;
    let (started, mut shown) = (std::time::Instant::now(), 0);
    let mut progress = |done: usize, total: usize| {
        // Thousands of pairs read from disk take seconds: past the first second, say how far
        // it got every 10% (cache hits finish long before that and print nothing).
        if started.elapsed().as_secs() >= 1 && done * 10 / total.max(1) > shown {
            shown = done * 10 / total.max(1);
            eprintln!("Прочитано пар: {done} из {total}");
        }
    };
    nastavnik_node::curator::school_overview(ctx.node, &school, ctx.today(), &mut progress)
}

/// `overview`: reads every pair's summary and computes the school overview for today.
pub async fn overview(ctx: &Ctx<'_>) -> Result<Output, NodeError> {
    let (overview, stats) = school_overview(ctx).await?;
    let mut text = nastavnik_node::render::overview(&overview);
    for line in &stats.unreadable {
        text.push_str(&format!("Не удалось прочитать пару {line}\n"));
    }
    let mut value = serde_json::to_value(&overview).map_err(NodeError::io_by)?;
    value["cache"] = json!(stats);
    Ok(Output::new(text, value))
}

/// `attention`: what needs attention — the school's list (curator) or one's own reminders (member).
pub async fn attention(ctx: &Ctx<'_>) -> Result<Output, NodeError> {
    let items = nastavnik_node::attention::for_device(ctx.node, ctx.today()).await?;
    let mut text = String::new();
    if items.is_empty() {
        text.push_str("Всё в порядке: ничего не требует внимания\n");
    }
    for item in &items {
        text.push_str(&format!("{} — {}: {}\n", item.pair_title, item.kind.label(), item.text));
    }
    let value = serde_json::to_value(&items).map_err(NodeError::io_by)?;
    Ok(Output::new(text, value))
}

/// `school settings`: the thresholds of `attention`, shown, or changed (those given).
pub async fn warnings(ctx: &Ctx<'_>, args: super::args::WarningArgs) -> Result<Output, NodeError> {
    let mut settings = ctx.school().await?.attention_settings();
    if !args.is_empty() {
        let set = |now: &mut u32, new: Option<u32>| *now = new.unwrap_or(*now);
        set(&mut settings.no_meeting_days, args.no_meeting_days);
        set(&mut settings.unconfirmed_days, args.unconfirmed_days);
        set(&mut settings.entry_diagnostics_days, args.entry_days);
        set(&mut settings.not_synced_days, args.not_synced_days);
        ctx.node
            .change(
                &ctx.school_doc()?,
                ctx.now(),
                "сроки предупреждений",
                move |s: &mut SchoolDoc| s.set_warnings(settings),
            )
            .await?;
    }
    let text = format!(
        "Требует внимания, если: нет встреч {} дн.; встреча не подтверждена {} дн.; нет входной диагностики {} дн. \
         от начала программы; нет синхронизации с куратором {} дн.",
        settings.no_meeting_days,
        settings.unconfirmed_days,
        settings.entry_diagnostics_days,
        settings.not_synced_days
    );
    let value = serde_json::to_value(settings).map_err(NodeError::io_by)?;
    Ok(Output::new(text, value))
}

/// `status`: this device and its documents.
pub async fn status(ctx: &Ctx<'_>) -> Result<Output, NodeError> {
    let quarantined: Vec<String> = std::fs::read_dir(ctx.node.dir.quarantine())
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    let mut text = format!("Устройство {} — {}\n", ctx.node.identity.device_id(), ctx.node.device.label());
    let rows = SyncState::load(&ctx.node.dir).report(&ctx.node.dir.docs());
    if rows.is_empty() {
        text.push_str("Синхронизаций ещё не было\n");
    }
    for row in &rows {
        let ours = match row.ours_unsent {
            Some(true) => "есть изменения, которых у него нет",
            Some(false) => "всё передано",
            None => "документа нет на устройстве",
        };
        text.push_str(&format!(
            "  документ {} ↔ устройство {}: синхронизировано {} — {ours}; его новые изменения — неизвестно до связи\n",
            row.sync.doc,
            short(&row.sync.peer),
            row.sync.last_synced.format("%d.%m.%Y %H:%M UTC"),
        ));
    }
    if !quarantined.is_empty() {
        text.push_str(&format!(
            "Повреждённые файлы отложены в {}: {}\n",
            ctx.node.dir.quarantine().display(),
            quarantined.len()
        ));
    }
    let json = json!({ "deviceId": ctx.node.identity.device_id(), "device": ctx.node.device,
                       "quarantined": quarantined, "sync": rows });
    Ok(Output::new(text, json))
}

/// The first characters of a device id, enough to tell devices apart on screen.
fn short(id: &str) -> &str {
    id.get(..10).unwrap_or(id)
}

/// `roadmap list` / `roadmap status`.
pub async fn roadmap(ctx: &Ctx<'_>, cmd: super::args::RoadmapCmd) -> Result<Output, NodeError> {
    use nastavnik_core::school::SchoolDoc;
    use nastavnik_shared::ru;
    use nastavnik_shared::vocab::{RoadmapStage, RoadmapStatus};
    match cmd {
        super::args::RoadmapCmd::Status { item, status } => {
            let status = super::parse::code("--status", &status, RoadmapStatus::ALL)?;
            let id = item.clone();
            ctx.node
                .change(
                    &ctx.school_doc()?,
                    ctx.now(),
                    "дорожная карта",
                    move |s: &mut SchoolDoc| s.set_roadmap_status(&id, status),
                )
                .await?;
            Ok(Output::new(format!("{item}: {status}"), json!({ "item": item, "status": status })))
        }
        super::args::RoadmapCmd::List => {
            let school = ctx.school().await?;
            let mut text = String::from("Дорожная карта:\n");
            for stage in RoadmapStage::ALL {
                text.push_str(&format!("{}. {}\n", stage.number(), stage.label()));
                for item in school.roadmap.iter().filter(|i| *i.stage == *stage) {
                    let late = if *item.status != RoadmapStatus::Done && *item.deadline < ctx.today() {
                        " — ПРОСРОЧЕНО"
                    } else {
                        ""
                    };
                    text.push_str(&format!(
                        "   {}  {} — до {}, {}; {}{late}\n",
                        item.id,
                        item.title,
                        ru::date_short(*item.deadline),
                        item.responsible,
                        *item.status
                    ));
                }
            }
            let rows: Vec<_> = school
                .roadmap
                .iter()
                .map(|i| {
                    json!({ "id": i.id, "stage": *i.stage, "title": i.title, "deadline": *i.deadline,
                                 "responsible": i.responsible, "status": *i.status })
                })
                .collect();
            Ok(Output::new(text, json!(rows)))
        }
    }
}
