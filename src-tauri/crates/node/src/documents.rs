//! The paperwork a device can produce, by kind — for the CLI's `export` and the app's buttons:
//! the curator's tables and reports, and a pair's programme and journal (for its members too).

use chrono::NaiveDate;
use nastavnik_core::pair::PairDoc;
use nastavnik_core::school::SchoolDoc;
use nastavnik_paperwork::{docx, xlsx};

use crate::device::Device;
use crate::{Node, NodeError};

/// The kinds, with what they are called in Russian.
pub const KINDS: &[(&str, &str)] = &[
    ("monitoring", "мониторинг пар, .xlsx"),
    ("mentors", "база наставников, .xlsx"),
    ("mentees", "база наставляемых, .xlsx"),
    ("report", "итоговый аналитический отчёт, .docx"),
    ("order", "приказ о закреплении пар, .docx"),
    ("programme", "программа пары, .docx"),
    ("journal", "журнал встреч пары, .docx"),
    ("record", "сведения об участии в наставничестве для аттестации, .docx"),
    ("history", "история изменений пары, .docx"),
];

/// A generated document and a file name for it.
pub struct Rendered {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// A Russian file name with the date, e.g. «Итоговый отчёт 2026-11-22.docx».
    pub file_name: String,
}

async fn school(node: &Node) -> Result<SchoolDoc, NodeError> {
    match &node.device {
        Device::Curator { school_doc } => node.read(school_doc).await,
        _ => Err(NodeError::Input("этот документ формирует куратор".into())),
    }
}

async fn pair(node: &Node, pair_id: Option<&str>, kind: &str) -> Result<PairDoc, NodeError> {
    let id = pair_id.ok_or_else(|| NodeError::Input(format!("{kind}: укажите пару")))?;
    node.read(&node.pair_doc(id).await?).await
}

/// A participant's pairs as this device holds them, and whose record it is: on a member's device
/// the device's own person (`person_id`, if given, must be them); on the curator's, `person_id`'s.
async fn record_pairs(node: &Node, person_id: Option<&str>) -> Result<(String, Vec<PairDoc>), NodeError> {
    let (person, docs): (String, Vec<String>) = match &node.device {
        Device::Member { person_id: me, pairs, .. } => {
            if person_id.is_some_and(|p| p != me) {
                return Err(NodeError::Input(
                    "на своём устройстве участник формирует только свои сведения".into(),
                ));
            }
            (me.clone(), pairs.iter().map(|(_, d)| d.clone()).collect())
        }
        Device::Curator { .. } => {
            let person = person_id
                .ok_or_else(|| NodeError::Input("record: укажите участника (--person)".into()))?
                .to_string();
            let docs = school(node)
                .await?
                .pairs_with_docs()
                .filter(|p| p.members.iter().any(|m| m.person_id == person))
                .map(|p| p.doc_id.clone())
                .collect();
            (person, docs)
        }
        Device::New => return Err(NodeError::Input("устройство ещё не подключено к школе".into())),
    };
    let mut pairs = Vec::new();
    for doc in docs.iter().filter(|d| node.has_local(d)) {
        pairs.push(node.read::<PairDoc>(doc).await?);
    }
    Ok((person, pairs))
}

/// Generates document `kind` as of `today`: for a pair's documents `pair_id`, for a participant's
/// record `person_id` (the curator's device), for the order its number.
pub async fn render(
    node: &Node,
    kind: &str,
    pair_id: Option<&str>,
    person_id: Option<&str>,
    order_number: Option<&str>,
    today: NaiveDate,
) -> Result<Rendered, NodeError> {
    let failed = |e: nastavnik_paperwork::PaperworkError| NodeError::Input(e.0);
    let overview = async || -> Result<_, NodeError> {
        let s = school(node).await?;
        Ok((crate::curator::school_overview(node, &s, today, &mut |_, _| {})?.0, s))
    };
    let (bytes, name) = match kind {
        "monitoring" => {
            (xlsx::monitoring_table(&overview().await?.0).map_err(failed)?, "Мониторинг пар.xlsx")
        }
        "report" => {
            let (o, s) = overview().await?;
            (
                docx::final_report(&o, &s.school.curator_name).map_err(failed)?,
                "Итоговый аналитический отчёт.docx",
            )
        }
        "mentors" => {
            (xlsx::mentor_base(&school(node).await?, today).map_err(failed)?, "База наставников.xlsx")
        }
        "mentees" => {
            (xlsx::mentee_base(&school(node).await?, today).map_err(failed)?, "База наставляемых.xlsx")
        }
        "order" => {
            let number = order_number.ok_or_else(|| NodeError::Input("укажите номер приказа".into()))?;
            (
                docx::order(&school(node).await?, number).map_err(failed)?,
                "Приказ о закреплении наставнических пар.docx",
            )
        }
        "programme" => (
            docx::programme(&pair(node, pair_id, kind).await?, today).map_err(failed)?,
            "Персонализированная программа наставничества.docx",
        ),
        "journal" => {
            (docx::journal(&pair(node, pair_id, kind).await?).map_err(failed)?, "Журнал встреч.docx")
        }
        "history" => {
            let id = pair_id.ok_or_else(|| NodeError::Input(format!("{kind}: укажите пару")))?;
            let rows = crate::history::pair_history(node, id, None).await?;
            (
                docx::history(&pair(node, pair_id, kind).await?, &rows, today).map_err(failed)?,
                "История изменений пары.docx",
            )
        }
        "record" => {
            let (person, pairs) = record_pairs(node, person_id).await?;
            (
                docx::record(&person, &pairs, today).map_err(failed)?,
                "Сведения об участии в наставничестве.docx",
            )
        }
        other => {
            let allowed: Vec<String> = KINDS.iter().map(|(k, what)| format!("{k} ({what})")).collect();
            return Err(NodeError::Input(format!(
                "неизвестный документ «{other}»; допустимо: {}",
                allowed.join(", ")
            )));
        }
    };
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    Ok(Rendered { bytes, file_name: format!("{stem} {}.{ext}", today.format("%Y-%m-%d")) })
}
