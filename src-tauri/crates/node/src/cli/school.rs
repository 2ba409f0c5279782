//! Device, school, bank of people and consents.

use nastavnik_core::school::{MentorProfileInput, NewSchool, PersonInput, SchoolDoc};
use nastavnik_node::device::Device;
use nastavnik_node::{Node, NodeError};
use nastavnik_shared::app::commands::{Answer, GetPeople};
use nastavnik_shared::vocab::{ConsentGiver, Form, PersonCategory};
use serde_json::json;

use super::args::{ConsentArgs, DeviceCmd, PersonArgs, PersonCmd};
use super::context::{Ctx, Output};
use super::parse;

/// `device init` / `device show`.
pub fn device(ctx: &Ctx<'_>, cmd: DeviceCmd) -> Result<Output, NodeError> {
    let id = ctx.node.identity.device_id();
    let role = ctx.node.device.label();
    let verb = match cmd {
        DeviceCmd::Init => "Ключ устройства готов",
        DeviceCmd::Show | DeviceCmd::Revoke { .. } => "Устройство",
    };
    let text = format!("{verb}: {id}\nРоль: {role}\nПапка данных: {}", ctx.node.dir.root().display());
    Ok(Output::new(
        text,
        json!({ "deviceId": id, "device": ctx.node.device, "dataDir": ctx.node.dir.root() }),
    ))
}

/// `school create`.
pub async fn create_school(
    node: &mut Node,
    name: String,
    head: String,
    curator: String,
) -> Result<Output, NodeError> {
    if node.device != Device::New {
        return Err(NodeError::Input(format!(
            "это устройство уже подключено к школе ({})",
            node.device.label()
        )));
    }
    let now = node.clock.now();
    let new = NewSchool {
        id: parse::new_id("school"),
        name,
        head_name: head,
        curator_name: curator,
        year_start: nastavnik_core::demo::school_year_start(node.clock.today()),
    };
    let school = SchoolDoc::new(new, now)?;
    let doc_id = node.create(&school, now).await?;
    node.set_device(Device::Curator { school_doc: doc_id.clone() })?;
    let text = format!("Школа создана: {}\nЭто устройство — устройство куратора.", school.school.name);
    Ok(Output::new(
        text,
        json!({ "schoolId": school.school.id, "schoolDoc": doc_id, "name": school.school.name }),
    ))
}

/// `person add` / `person list`.
pub async fn person(ctx: &Ctx<'_>, cmd: PersonCmd) -> Result<Output, NodeError> {
    match cmd {
        PersonCmd::Add(args) => add_person(ctx, args).await,
        PersonCmd::Request { person, text } => request(ctx, person, text).await,
        PersonCmd::MentorProfile { person, competencies, capacity, forms } => {
            mentor_profile(ctx, person, competencies, capacity, forms).await
        }
        PersonCmd::Edit { person, name, category, subject, birth_year, teaching_years } => {
            let category =
                category.map(|c| parse::code("--category", &c, PersonCategory::ALL)).transpose()?;
            let today = ctx.today();
            let id = person.clone();
            ctx.node
                .change(
                    &ctx.school_doc()?,
                    ctx.now(),
                    "карточка человека",
                    move |s: &mut SchoolDoc| {
                        let p = s.person(&id)?;
                        let input = PersonInput {
                            name: name.unwrap_or_else(|| p.name.clone()),
                            category: category.unwrap_or(*p.category),
                            subject_or_class: subject.unwrap_or_else(|| p.subject_or_class.clone()),
                            birth_year: birth_year.or(p.birth_year),
                            teaching_years: teaching_years.or(p.teaching_years),
                        };
                        s.edit_person(&id, input, today)
                    },
                )
                .await?;
            Ok(Output::new(format!("Карточка {person} исправлена"), json!({ "id": person })))
        }
        PersonCmd::Remove { person } => {
            let id = person.clone();
            ctx.node
                .change(
                    &ctx.school_doc()?,
                    ctx.now(),
                    "удаление из базы",
                    move |s: &mut SchoolDoc| s.remove_person(&id),
                )
                .await?;
            Ok(Output::new(format!("{person} удалён(а) из базы"), json!({ "id": person })))
        }
        PersonCmd::WithdrawConsent { person, consent } => {
            let (id, today) = (person.clone(), ctx.today());
            ctx.node
                .change(
                    &ctx.school_doc()?,
                    ctx.now(),
                    "отзыв согласия",
                    move |s: &mut SchoolDoc| s.withdraw_consent(&id, &consent, today),
                )
                .await?;
            Ok(Output::new(format!("Отзыв согласия записан: {person}"), json!({ "id": person })))
        }
        PersonCmd::List => {
            let school = ctx.school().await?;
            let mut text = String::from("База наставников и наставляемых:\n");
            for p in &school.people {
                let consent = if p.has_consent(ctx.today()) {
                    "согласие есть"
                } else {
                    "нет согласия"
                };
                text.push_str(&format!(
                    "  {}  {} — {}, {}; {consent}\n",
                    p.id, p.name, *p.category, p.subject_or_class
                ));
            }
            // The same rows as the window's База.
            let rows: Answer<GetPeople> = school.person_rows(ctx.today());
            Ok(Output::new(text, json!(rows)))
        }
    }
}

async fn request(ctx: &Ctx<'_>, person: String, text: String) -> Result<Output, NodeError> {
    let (today, id) = (ctx.today(), parse::new_id("req"));
    let request_id = id.clone();
    ctx.node
        .change(
            &ctx.school_doc()?,
            ctx.now(),
            "запрос наставляемого",
            move |s: &mut SchoolDoc| s.add_mentee_request(&request_id, &person, &text, today),
        )
        .await?;
    Ok(Output::new("Запрос записан", json!({ "id": id })))
}

async fn mentor_profile(
    ctx: &Ctx<'_>,
    person: String,
    competencies: Vec<String>,
    capacity: u8,
    forms: Vec<String>,
) -> Result<Output, NodeError> {
    let forms = forms.iter().map(|f| parse::code("--form", f, Form::ALL)).collect::<Result<Vec<_>, _>>()?;
    let input = MentorProfileInput { competencies, capacity, forms };
    let who = person.clone();
    ctx.node
        .change(
            &ctx.school_doc()?,
            ctx.now(),
            "анкета наставника",
            move |s: &mut SchoolDoc| s.set_mentor_profile(&who, input),
        )
        .await?;
    Ok(Output::new("Анкета наставника сохранена", json!({ "person": person })))
}

async fn add_person(ctx: &Ctx<'_>, args: PersonArgs) -> Result<Output, NodeError> {
    let category = parse::code("--category", &args.category, PersonCategory::ALL)?;
    let id = args.id.unwrap_or_else(|| parse::new_id("p"));
    let input = PersonInput {
        name: args.name,
        category,
        subject_or_class: args.subject,
        birth_year: args.birth_year,
        teaching_years: args.teaching_years,
    };
    let (today, person_id) = (ctx.today(), id.clone());
    ctx.node
        .change(&ctx.school_doc()?, ctx.now(), "человек в базе", move |s: &mut SchoolDoc| {
            s.add_person(&person_id, input, today)
        })
        .await?;
    Ok(Output::new(format!("Добавлен(а) в базу: {id}"), json!({ "id": id })))
}

/// `consent`.
pub async fn consent(ctx: &Ctx<'_>, args: ConsentArgs) -> Result<Output, NodeError> {
    let giver = parse::code("--giver", &args.giver, ConsentGiver::ALL)?;
    let signed_on = parse::date("--date", &args.date)?;
    let (today, id) = (ctx.today(), parse::new_id("consent"));
    let consent_id = id.clone();
    ctx.node
        .change(&ctx.school_doc()?, ctx.now(), "согласие", move |s: &mut SchoolDoc| {
            s.record_consent(&args.person, &consent_id, giver, &args.signed_by, signed_on, today)
        })
        .await?;
    Ok(Output::new("Согласие записано", json!({ "id": id })))
}

/// `demo`: the demo school of `nastavnik_core::demo`, stored on this (new) device as the
/// curator's, ready to explore with every other command.
pub async fn demo(node: &mut Node) -> Result<Output, NodeError> {
    let now = node.clock.now();
    nastavnik_node::curator::store_demo(node, now).await?;
    super::report::overview(&Ctx { node }).await
}
