//! Мониторинг и итоги: scores by criterion at each stage, satisfaction surveys, the mentor's
//! final report. Members write them (the core decides who may); the curator reads.

use nastavnik_core::pair::{TextField, set_text};
use nastavnik_shared::Code;
use nastavnik_shared::app::commands::{AddCriterion, Answer, AnswerSurvey, RecordScores, SaveFinalReport};
use nastavnik_shared::vocab::MonitoringStage;
use tauri::State;

use crate::state::{AppState, Res, actor, app_error, input, pair_doc, read_pair};

/// Records this member's scores for a stage: a mentee's own (самооценка), or the mentor's of
/// `mentee` (chosen in a group; the pair's only mentee when empty).
#[tauri::command]
pub async fn record_scores(state: State<'_, AppState>, call: RecordScores) -> Res<Answer<RecordScores>> {
    let RecordScores { pair_id, stage, mentee, scores } = call;
    let stage = MonitoringStage::from_code(&stage).ok_or_else(|| input("выберите этап мониторинга"))?;
    let node = state.node.read().await;
    let who = actor(&node)?;
    let (doc, pair) = read_pair(&node, &pair_id).await?;
    let (mentee, rater) = pair.scoring(&who, &mentee).map_err(|e| app_error(e.into()))?;
    let today = state.today();
    node.change(&doc, state.now(), "мониторинг", move |p: &mut nastavnik_core::pair::PairDoc| {
        p.record_scores(&who, stage, &mentee, rater, &scores, today)
    })
    .await
    .map_err(app_error)
}

/// A member's satisfaction survey (1–10 and a comment).
#[tauri::command]
pub async fn answer_survey(state: State<'_, AppState>, call: AnswerSurvey) -> Res<Answer<AnswerSurvey>> {
    let AnswerSurvey { pair_id, score, comment } = call;
    let score: u8 =
        score.trim().parse().map_err(|_| input("Удовлетворённость: выберите оценку от 1 до 10"))?;
    let node = state.node.read().await;
    let who = actor(&node)?;
    let doc = pair_doc(&node, &pair_id).await?;
    let (id, today) = (nastavnik_node::new_id("survey"), state.today());
    node.change(
        &doc,
        state.now(),
        "анкета удовлетворённости",
        move |p: &mut nastavnik_core::pair::PairDoc| p.answer_survey(&who, &id, score, &comment, today),
    )
    .await
    .map_err(app_error)
}

/// Saves the mentor's final report; `submit` also hands it to the curator (dated today).
#[tauri::command]
pub async fn save_final_report(
    state: State<'_, AppState>,
    call: SaveFinalReport,
) -> Res<Answer<SaveFinalReport>> {
    let SaveFinalReport { pair_id, results, conclusions, proposals, submit } = call;
    let node = state.node.read().await;
    let who = actor(&node)?;
    let doc = pair_doc(&node, &pair_id).await?;
    let now = state.now();
    let writer = who.clone();
    node.edit(&doc, move |d| {
        set_text(d, now, &writer, &TextField::ReportResults, &results)?;
        set_text(d, now, &writer, &TextField::ReportConclusions, &conclusions)?;
        set_text(d, now, &writer, &TextField::ReportProposals, &proposals)
    })
    .await
    .map_err(app_error)?;
    if submit {
        let today = state.today();
        node.change(
            &doc,
            now,
            "отчёт наставника",
            move |p: &mut nastavnik_core::pair::PairDoc| p.submit_final_report(&who, today),
        )
        .await
        .map_err(app_error)?;
    }
    Ok(())
}

/// Adds a monitoring criterion to the pair's list (the curator or a member).
#[tauri::command]
pub async fn add_criterion(state: State<'_, AppState>, call: AddCriterion) -> Res<Answer<AddCriterion>> {
    let AddCriterion { pair_id, title } = call;
    let node = state.node.read().await;
    let who = actor(&node)?;
    let doc = pair_doc(&node, &pair_id).await?;
    let id = nastavnik_node::new_id("c");
    let criterion = id.clone();
    node.change(
        &doc,
        state.now(),
        "критерий мониторинга",
        move |p: &mut nastavnik_core::pair::PairDoc| p.add_criterion(&who, &criterion, &title),
    )
    .await
    .map_err(app_error)?;
    Ok(id)
}
