//! The bank of people after they are added: a consent signed, a mentor's questionnaire, a
//! mentee's request — and mentor suggestions for a mentee when forming a pair.

use nastavnik_core::school::{MentorProfileInput, SchoolDoc};
use nastavnik_shared::Code;
use nastavnik_shared::app::MentorSuggestion;
use nastavnik_shared::app::commands::{
    AddRequest, Answer, EditPerson, RecordConsent, RemovePerson, SetMentorProfile, SuggestMentors,
    WithdrawConsent,
};
use nastavnik_shared::vocab::{ConsentGiver, Form};
use tauri::State;

use super::parse;
use crate::state::{AppState, Res, app_error, input, school, school_doc};

async fn change_school(
    state: &AppState,
    message: &'static str,
    op: impl FnOnce(&mut SchoolDoc) -> Result<(), nastavnik_core::DomainError> + Send + 'static,
) -> Res<()> {
    let node = state.node.read().await;
    node.change(&school_doc(&node)?, state.now(), message, op).await.map_err(app_error)
}

/// Records a consent signed today (a parent's for a minor) by `signed_by`.
#[tauri::command]
pub async fn record_consent(state: State<'_, AppState>, call: RecordConsent) -> Res<Answer<RecordConsent>> {
    let RecordConsent { person_id, signed_by } = call;
    let (today, id) = (state.today(), nastavnik_node::new_id("consent"));
    change_school(&state, "согласие", move |s| {
        let giver = if s.person(&person_id)?.is_minor(today) {
            ConsentGiver::Parent
        } else {
            ConsentGiver::Participant
        };
        s.record_consent(&person_id, &id, giver, &signed_by, today, today)
    })
    .await
}

/// Sets a mentor's questionnaire: competencies (separated by `;` or `,`), capacity, forms.
#[tauri::command]
pub async fn set_mentor_profile(
    state: State<'_, AppState>,
    call: SetMentorProfile,
) -> Res<Answer<SetMentorProfile>> {
    let SetMentorProfile { person_id, competencies, capacity, forms } = call;
    let forms = forms
        .iter()
        .map(|f| {
            Form::from_code(f).ok_or_else(|| input(format!("Формы наставничества: неизвестная форма «{f}»")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let profile = MentorProfileInput {
        competencies: competencies
            .split([';', ','])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect(),
        capacity: parse::number("Сколько наставляемых может вести", &capacity)?,
        forms,
    };
    change_school(&state, "анкета наставника", move |s| {
        s.set_mentor_profile(&person_id, profile)
    })
    .await
}

/// Records a mentee's request (запрос).
#[tauri::command]
pub async fn add_request(state: State<'_, AppState>, call: AddRequest) -> Res<Answer<AddRequest>> {
    let AddRequest { person_id, text } = call;
    if text.trim().is_empty() {
        return Err(input("Запрос: опишите, с чем нужна помощь"));
    }
    let (today, id) = (state.today(), nastavnik_node::new_id("request"));
    change_school(&state, "запрос наставляемого", move |s| {
        s.add_mentee_request(&id, &person_id, &text, today)
    })
    .await
}

/// Mentor candidates for a mentee in a form, best first, each with its reasons.
#[tauri::command]
pub async fn suggest_mentors(
    state: State<'_, AppState>,
    call: SuggestMentors,
) -> Res<Answer<SuggestMentors>> {
    let SuggestMentors { mentee, form } = call;
    let form = Form::from_code(&form).ok_or_else(|| input("Форма наставничества: выберите значение"))?;
    let node = state.node.read().await;
    let s = school(&node).await?;
    let ranked = s.suggest_mentors(&mentee, form, state.today()).map_err(|e| app_error(e.into()))?;
    Ok(ranked
        .into_iter()
        .map(|r| MentorSuggestion {
            mentor_id: r.mentor_id,
            name: r.name,
            score: r.score,
            reasons: r.reasons,
        })
        .collect())
}

/// Corrects a person's card (name, category, subject or class, birth year, teaching years).
#[tauri::command]
pub async fn edit_person(state: State<'_, AppState>, call: EditPerson) -> Res<Answer<EditPerson>> {
    let EditPerson { person_id, form } = call;
    let category = nastavnik_shared::vocab::PersonCategory::from_code(&form.category)
        .ok_or_else(|| input("Категория: выберите значение"))?;
    let person = nastavnik_core::school::PersonInput {
        name: form.name,
        category,
        subject_or_class: form.subject_or_class,
        birth_year: parse::optional_number("Год рождения", &form.birth_year)?,
        teaching_years: parse::optional_number("Педагогический стаж", &form.teaching_years)?,
    };
    let today = state.today();
    change_school(&state, "карточка человека", move |s| {
        s.edit_person(&person_id, person, today)
    })
    .await
}

/// Records that a consent was withdrawn today: the person is flagged, a pair needing it cannot start.
#[tauri::command]
pub async fn withdraw_consent(
    state: State<'_, AppState>,
    call: WithdrawConsent,
) -> Res<Answer<WithdrawConsent>> {
    let WithdrawConsent { person_id, consent_id } = call;
    let today = state.today();
    change_school(&state, "отзыв согласия", move |s| {
        s.withdraw_consent(&person_id, &consent_id, today)
    })
    .await
}

/// Removes a person who is in no pair (with their consents, questionnaire and requests).
#[tauri::command]
pub async fn remove_person(state: State<'_, AppState>, call: RemovePerson) -> Res<Answer<RemovePerson>> {
    let RemovePerson { person_id } = call;
    change_school(&state, "удаление из базы", move |s| s.remove_person(&person_id)).await
}
