//! The curator's paperwork that changes the school, for the CLI and the window alike: issuing
//! the order «О закреплении наставнических пар» (the pairs it fixes are recorded, the .docx
//! made), and importing a base of mentors or mentees from .xlsx/.csv (a preview with every row's
//! errors, or the import of a file without errors in one change).

use chrono::NaiveDate;
use nastavnik_core::DomainError;
use nastavnik_core::school::SchoolDoc;
use nastavnik_paperwork::docx;
use nastavnik_paperwork::import::{self, Base, Preview};
use nastavnik_shared::app::{ImportRow, ImportView};

use crate::{Node, NodeError};

fn failed(e: nastavnik_paperwork::PaperworkError) -> NodeError {
    NodeError::Input(e.0)
}

/// Issues order `number` of `date`: fixes the pairs named (or those the number already fixes,
/// or every new pair) and returns them with the order as .docx.
pub async fn issue_order(
    node: &Node,
    number: &str,
    date: NaiveDate,
    pairs: &[String],
) -> Result<(Vec<String>, Vec<u8>), NodeError> {
    let doc = node.curator_school_doc()?.to_string();
    let (number_owned, named, today) = (number.to_string(), pairs.to_vec(), node.clock.today());
    let fixed = node
        .change(
            &doc,
            node.clock.now(),
            "приказ о закреплении пар",
            move |s: &mut SchoolDoc| s.fix_pairs_by_order(&number_owned, date, &named, today),
        )
        .await?;
    let bytes = docx::order(&node.read::<SchoolDoc>(&doc).await?, number).map_err(failed)?;
    Ok((fixed, bytes))
}

/// Which base a code names: `mentors` or `mentees`.
pub fn base(code: &str) -> Result<Base, NodeError> {
    match code {
        "mentors" => Ok(Base::Mentors),
        "mentees" => Ok(Base::Mentees),
        other => Err(NodeError::Input(format!(
            "неизвестная база «{other}»; допустимо: mentors (наставники), mentees (наставляемые)"
        ))),
    }
}

/// Previews a file (`name`, `bytes`) for `base`; with `apply`, imports it — all rows in one
/// change, re-checked inside it — or nothing, while any row has an error. Returns the preview and,
/// when applied, how many people were added.
pub async fn import_base(
    node: &Node,
    base: Base,
    name: &str,
    bytes: Vec<u8>,
    apply: bool,
    new_id: fn() -> String,
) -> Result<(Preview, Option<usize>), NodeError> {
    let doc = node.curator_school_doc()?.to_string();
    let today = node.clock.today();
    let preview =
        import::preview(base, name, &bytes, &node.read::<SchoolDoc>(&doc).await?, today).map_err(failed)?;
    if !apply {
        return Ok((preview, None));
    }
    if !preview.errors.is_empty() {
        return Err(NodeError::Input(format!(
            "ничего не загружено: строк с ошибками — {}; исправьте их и повторите",
            preview.errors.len()
        )));
    }
    let name = name.to_string();
    let added = node
        .change(&doc, node.clock.now(), "загрузка базы", move |s: &mut SchoolDoc| {
            let fresh =
                import::preview(base, &name, &bytes, s, today).map_err(|e| DomainError::Conflict(e.0))?;
            import::apply(s, &fresh, &mut || new_id(), today)
        })
        .await?;
    Ok((preview, Some(added)))
}

/// The preview as the window shows it.
pub fn view(p: &Preview, imported: Option<usize>) -> ImportView {
    let notes = |n: &[import::RowNote]| {
        n.iter()
            .map(|x| ImportRow { line: x.line, name: x.name.clone(), message: x.message.clone() })
            .collect()
    };
    ImportView {
        ready: p
            .ready
            .iter()
            .map(|d| ImportRow { line: d.line, name: d.person.name.clone(), message: String::new() })
            .collect(),
        skipped: notes(&p.skipped),
        errors: notes(&p.errors),
        ignored_columns: p.ignored_columns.clone(),
        imported,
    }
}
