//! The programme's lists — directions, deficits, strengths, short- and long-term goals — written,
//! reworded and removed by the pair's members (and the curator) from the Программа tab.

use nastavnik_shared::Code;
use nastavnik_shared::app::commands::{AddProgrammeEntry, Answer, EditProgrammeEntry, RemoveProgrammeEntry};
use nastavnik_shared::vocab::ProgrammePart;
use tauri::State;

use super::pair::change_pair;
use crate::state::{AppState, Res, actor, input};

fn part(code: &str) -> Res<ProgrammePart> {
    ProgrammePart::from_code(code).ok_or_else(|| input("Раздел программы: выберите значение"))
}

/// Adds an entry to a part of the programme; returns its id.
#[tauri::command]
pub async fn add_programme_entry(
    state: State<'_, AppState>,
    call: AddProgrammeEntry,
) -> Res<Answer<AddProgrammeEntry>> {
    let AddProgrammeEntry { pair_id, part, text } = call;
    let (who, part) = (actor(&*state.node.read().await)?, self::part(&part)?);
    let id = nastavnik_node::new_id("e");
    let entry = id.clone();
    change_pair(&state, &pair_id, "пункт программы", move |p| {
        p.add_entry(&who, part, &entry, &text)
    })
    .await?;
    Ok(id)
}

/// Rewords an entry.
#[tauri::command]
pub async fn edit_programme_entry(
    state: State<'_, AppState>,
    call: EditProgrammeEntry,
) -> Res<Answer<EditProgrammeEntry>> {
    let EditProgrammeEntry { pair_id, part, entry_id, text } = call;
    let (who, part) = (actor(&*state.node.read().await)?, self::part(&part)?);
    change_pair(&state, &pair_id, "правка программы", move |p| {
        p.edit_entry(&who, part, &entry_id, &text)
    })
    .await
}

/// Removes an entry.
#[tauri::command]
pub async fn remove_programme_entry(
    state: State<'_, AppState>,
    call: RemoveProgrammeEntry,
) -> Res<Answer<RemoveProgrammeEntry>> {
    let RemoveProgrammeEntry { pair_id, part, entry_id } = call;
    let (who, part) = (actor(&*state.node.read().await)?, self::part(&part)?);
    change_pair(&state, &pair_id, "удаление из программы", move |p| {
        p.remove_entry(&who, part, &entry_id)
    })
    .await
}
