//! The curator's commands: the school, the bank of people, pairs, the overview.

use nastavnik_core::school::{NewSchool, PairInput, PersonInput, SchoolDoc};
use nastavnik_node::device::Device;
use nastavnik_shared::Code;
use nastavnik_shared::app::commands::{
    AddPerson, Answer, CreatePair, CreateSchool, EditPair, GetAppStatus, GetAttention, GetOverview,
    GetPeople, GetRoadmap, LoadDemo, SetPairStatus, SetRoadmapStatus, SetWarnings,
};
use nastavnik_shared::app::{AppStatus, Role};
use nastavnik_shared::vocab::{ConsentGiver, Form, Kind, MemberRole, PairStatus, PersonCategory};
use tauri::State;

use super::parse;
use crate::state::{AppState, Res, app_error, input, school, school_doc};

/// The device's role and ids.
#[tauri::command]
pub async fn app_status(state: State<'_, AppState>, call: GetAppStatus) -> Res<Answer<GetAppStatus>> {
    let GetAppStatus {} = call;
    let node = state.node.read().await;
    let role = match &node.device {
        Device::New => Role::New,
        Device::Curator { .. } => Role::Curator { school_name: school(&node).await?.school.name },
        Device::Member { person_id, name, pairs, .. } => Role::Member {
            person_id: person_id.clone(),
            name: name.clone(),
            pairs: pairs.iter().map(|(p, _)| p.clone()).collect(),
        },
    };
    Ok(AppStatus {
        role,
        device_id: node.identity.device_id(),
        data_dir: node.dir.root().display().to_string(),
        today: state.today(),
    })
}

/// First run, "I am the curator": creates the school on this device.
#[tauri::command]
pub async fn create_school(state: State<'_, AppState>, call: CreateSchool) -> Res<Answer<CreateSchool>> {
    let CreateSchool { name, head, curator } = call;
    {
        let mut node = state.node.write().await;
        if node.device != Device::New {
            return Err(input("это устройство уже подключено к школе"));
        }
        let new = NewSchool {
            id: nastavnik_node::new_id("school"),
            name,
            head_name: head,
            curator_name: curator,
            year_start: nastavnik_core::demo::school_year_start(state.today()),
        };
        let school = SchoolDoc::new(new, state.now()).map_err(|e| app_error(e.into()))?;
        let doc = node.create(&school, state.now()).await.map_err(app_error)?;
        node.set_device(Device::Curator { school_doc: doc }).map_err(app_error)?;
    }
    crate::online::start(&state);
    app_status(state, GetAppStatus {}).await
}

/// First run, "show me": the demo school on this device.
#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>, call: LoadDemo) -> Res<Answer<LoadDemo>> {
    let LoadDemo {} = call;
    {
        let mut node = state.node.write().await;
        nastavnik_node::curator::store_demo(&mut node, state.now()).await.map_err(app_error)?;
    }
    crate::online::start(&state);
    app_status(state, GetAppStatus {}).await
}

/// The school overview for today.
#[tauri::command]
pub async fn overview(state: State<'_, AppState>, call: GetOverview) -> Res<Answer<GetOverview>> {
    let GetOverview {} = call;
    let node = state.node.read().await;
    let s = school(&node).await?;
    // The pairs open on this device's screens are read from memory: a change synced in a moment
    // ago is shown even before samod has written it to disk.
    let watched: Vec<String> = state.watched.lock().map(|w| w.iter().cloned().collect()).unwrap_or_default();
    let mut live = Vec::new();
    for entry in s.pairs_with_docs().filter(|p| watched.contains(&p.doc_id)) {
        if let Ok(summary) = node.pair_summary(&entry.doc_id).await {
            live.push(summary);
        }
    }
    let (mut o, _) =
        nastavnik_node::curator::school_overview_with(&node, &s, state.today(), &live, &mut |_, _| {})
            .map_err(app_error)?;
    // How fresh each pair's data is: the last sync of its document with any device.
    let mut latest: std::collections::HashMap<String, chrono::DateTime<chrono::Utc>> = Default::default();
    for row in nastavnik_node::sync_state::SyncState::load(&node.dir).report(&node.dir.docs()) {
        let at = latest.entry(row.sync.doc.clone()).or_insert(row.sync.last_synced);
        *at = (*at).max(row.sync.last_synced);
    }
    for row in &mut o.pairs {
        let doc = s.pair(&row.pair_id).map(|p| p.doc_id.clone()).unwrap_or_default();
        row.last_synced =
            latest.get(&doc).map(|t| t.with_timezone(&chrono::Local).format("%d.%m.%Y %H:%M").to_string());
    }
    Ok(o)
}

/// What needs attention on this device: the school's warnings, or the member's own reminders.
#[tauri::command]
pub async fn attention(state: State<'_, AppState>, call: GetAttention) -> Res<Answer<GetAttention>> {
    let GetAttention {} = call;
    let node = state.node.read().await;
    nastavnik_node::attention::for_device(&node, state.today()).await.map_err(app_error)
}

/// The school's thresholds of the warnings.
#[tauri::command]
pub async fn set_warnings(state: State<'_, AppState>, call: SetWarnings) -> Res<Answer<SetWarnings>> {
    let SetWarnings { settings } = call;
    let node = state.node.read().await;
    node.change(
        &school_doc(&node)?,
        state.now(),
        "сроки предупреждений",
        move |s: &mut SchoolDoc| s.set_warnings(settings),
    )
    .await
    .map_err(app_error)
}

/// The bank of mentors and mentees.
#[tauri::command]
pub async fn people(state: State<'_, AppState>, call: GetPeople) -> Res<Answer<GetPeople>> {
    let GetPeople {} = call;
    let node = state.node.read().await;
    let s = school(&node).await?;
    Ok(s.person_rows(state.today()))
}

/// Adds a person (and the consent signed today, if given) in one change.
#[tauri::command]
pub async fn add_person(state: State<'_, AppState>, call: AddPerson) -> Res<Answer<AddPerson>> {
    let AddPerson { form } = call;
    let category =
        PersonCategory::from_code(&form.category).ok_or_else(|| input("Категория: выберите значение"))?;
    let person = PersonInput {
        name: form.name.clone(),
        category,
        subject_or_class: form.subject_or_class.clone(),
        birth_year: parse::optional_number("Год рождения", &form.birth_year)?,
        teaching_years: parse::optional_number("Педагогический стаж", &form.teaching_years)?,
    };
    let (id, today) = (nastavnik_node::new_id("person"), state.today());
    let node = state.node.read().await;
    let new_id = id.clone();
    let consent_by = form.consent_by.trim().to_string();
    node.change(&school_doc(&node)?, state.now(), "новый участник", move |s: &mut SchoolDoc| {
        s.add_person(&new_id, person, today)?;
        if !consent_by.is_empty() {
            let minor = s.person(&new_id)?.is_minor(today);
            let giver = if minor { ConsentGiver::Parent } else { ConsentGiver::Participant };
            s.record_consent(&new_id, &format!("{new_id}-c"), giver, &consent_by, today, today)?;
        }
        Ok(())
    })
    .await
    .map_err(app_error)?;
    Ok(id)
}

/// Forms a pair (its document is created on this device) and returns its id.
#[tauri::command]
pub async fn create_pair(state: State<'_, AppState>, call: CreatePair) -> Res<Answer<CreatePair>> {
    let CreatePair { form } = call;
    let node = state.node.read().await;
    if form.mentor.is_empty() || form.mentee.is_empty() {
        return Err(input("выберите наставника и наставляемого"));
    }
    let mut members = vec![(form.mentor.clone(), MemberRole::Mentor)];
    members.extend(form.more_mentors.iter().map(|p| (p.clone(), MemberRole::Mentor)));
    members.push((form.mentee.clone(), MemberRole::Mentee));
    members.extend(form.more_mentees.iter().map(|p| (p.clone(), MemberRole::Mentee)));
    let kind = match form.kind.as_str() {
        "" if form.more_mentees.is_empty() => Kind::Traditional,
        "" => Kind::Group,
        code => Kind::from_code(code).ok_or_else(|| input("Вид наставничества: выберите значение"))?,
    };
    let input_pair = PairInput {
        id: nastavnik_node::new_id("pair"),
        members,
        form: Form::from_code(&form.form).ok_or_else(|| input("Форма наставничества: выберите значение"))?,
        kind,
        role_model: form.role_model.clone(),
        period_start: parse::date("Начало программы", &form.start)?,
        period_months: parse::number("Срок, месяцев", &form.months)?,
    };
    let id = input_pair.id.clone();
    let now = state.now();
    let school_id = school_doc(&node)?;
    let pair = node
        .change(&school_id, now, "новая пара", move |s: &mut SchoolDoc| s.form_pair(input_pair, now))
        .await
        .map_err(app_error)?;
    let doc = node.create(&pair, now).await.map_err(app_error)?;
    let pid = id.clone();
    node.change(&school_id, now, "документ пары", move |s: &mut SchoolDoc| {
        s.set_pair_doc(&pid, &doc)
    })
    .await
    .map_err(app_error)?;
    nastavnik_node::server::refresh(&node).await;
    Ok(id)
}

/// Changes a pair's status (a pair starts working once every member's consent is on file).
#[tauri::command]
pub async fn set_pair_status(state: State<'_, AppState>, call: SetPairStatus) -> Res<Answer<SetPairStatus>> {
    let SetPairStatus { pair_id, status, reason } = call;
    let status = PairStatus::from_code(&status).ok_or_else(|| input("неизвестный статус пары"))?;
    let node = state.node.read().await;
    school_doc(&node)?;
    nastavnik_node::curator::set_pair_status(&node, &pair_id, status, reason.as_deref().unwrap_or(""))
        .await
        .map_err(app_error)
}

/// The roadmap, stage by stage.
#[tauri::command]
pub async fn roadmap(state: State<'_, AppState>, call: GetRoadmap) -> Res<Answer<GetRoadmap>> {
    let GetRoadmap {} = call;
    let node = state.node.read().await;
    let s = school(&node).await?;
    let mut rows: Vec<_> = s
        .roadmap
        .iter()
        .map(|r| nastavnik_shared::app::RoadmapRow {
            id: r.id.clone(),
            stage: *r.stage,
            title: r.title.clone(),
            deadline: *r.deadline,
            responsible: r.responsible.clone(),
            status: *r.status,
        })
        .collect();
    rows.sort_by_key(|r| (r.stage.number(), r.deadline));
    Ok(rows)
}

/// Changes a roadmap activity's status.
#[tauri::command]
pub async fn set_roadmap_status(
    state: State<'_, AppState>,
    call: SetRoadmapStatus,
) -> Res<Answer<SetRoadmapStatus>> {
    let SetRoadmapStatus { item_id, status } = call;
    let status = nastavnik_shared::vocab::RoadmapStatus::from_code(&status)
        .ok_or_else(|| input("неизвестный статус мероприятия дорожной карты"))?;
    let node = state.node.read().await;
    node.change(&school_doc(&node)?, state.now(), "дорожная карта", move |s: &mut SchoolDoc| {
        s.set_roadmap_status(&item_id, status)
    })
    .await
    .map_err(app_error)
}

/// Changes a pair's form, kind, role model or period (prolonging it within 12 months): the
/// school's index and the pair's document together.
#[tauri::command]
pub async fn edit_pair(state: State<'_, AppState>, call: EditPair) -> Res<Answer<EditPair>> {
    let EditPair { pair_id, form } = call;
    let input = nastavnik_core::pair::HeaderInput {
        form: Form::from_code(&form.form).ok_or_else(|| input("Форма наставничества: выберите значение"))?,
        kind: Kind::from_code(&form.kind).ok_or_else(|| input("Вид наставничества: выберите значение"))?,
        role_model: form.role_model,
        period_start: parse::date("Начало программы", &form.start)?,
        period_months: parse::number("Срок, месяцев", &form.months)?,
    };
    let node = state.node.read().await;
    nastavnik_node::curator::edit_pair(&node, &pair_id, input).await.map_err(app_error)
}
