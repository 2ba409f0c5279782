//! Pairs and groups: forming them, listing, status (the archive), requests to replace the mentor.

use nastavnik_core::pair::PairDoc;
use nastavnik_core::school::{PairInput, SchoolDoc};
use nastavnik_node::NodeError;
use nastavnik_shared::ru;
use nastavnik_shared::vocab::{Form, Kind, MemberRole, PairStatus};
use serde_json::json;

use super::args::{PairArgs, PairCmd};
use super::context::{Ctx, Output};
use super::parse;

/// `pair …`.
pub async fn pair(ctx: &Ctx<'_>, cmd: PairCmd) -> Result<Output, NodeError> {
    match cmd {
        PairCmd::Create(args) => create(ctx, args).await,
        PairCmd::List => list(ctx).await,
        PairCmd::Suggest { mentee, form } => {
            let form = parse::code("--form", &form, Form::ALL)?;
            let school = ctx.school().await?;
            let ranked = school.suggest_mentors(&mentee, form, ctx.today())?;
            let who = school.person(&mentee)?.name.clone();
            let mut text = format!("Кандидаты в наставники для {who} («{form}»):\n");
            if ranked.is_empty() {
                text.push_str("  нет анкет наставников (person mentor-profile)\n");
            }
            for (i, s) in ranked.iter().enumerate() {
                text.push_str(&format!("  {}. {} ({}) — баллов {}\n", i + 1, s.name, s.mentor_id, s.score));
                for reason in &s.reasons {
                    text.push_str(&format!("     • {reason}\n"));
                }
            }
            Ok(Output::new(text, json!(ranked)))
        }
        PairCmd::Edit { pair, form, kind, role_model, start, months } => {
            let school = ctx.school().await?;
            let entry = school.pair(&pair)?;
            let input = nastavnik_core::pair::HeaderInput {
                form: form.map(|f| parse::code("--form", &f, Form::ALL)).transpose()?.unwrap_or(*entry.form),
                kind: kind.map(|k| parse::code("--kind", &k, Kind::ALL)).transpose()?.unwrap_or(*entry.kind),
                role_model: role_model.unwrap_or_else(|| entry.role_model.clone()),
                period_start: start
                    .map(|s| parse::date("--start", &s))
                    .transpose()?
                    .unwrap_or(*entry.period_start),
                period_months: months.unwrap_or(u32::from(entry.period_months)),
            };
            nastavnik_node::curator::edit_pair(ctx.node, &pair, input).await?;
            Ok(Output::new(format!("Пара {pair} изменена"), json!({ "pair": pair })))
        }
        PairCmd::Survey { pair, score, comment } => super::results::survey(ctx, &pair, score, comment).await,
        PairCmd::Report { pair, results, conclusions, proposals, submit } => {
            super::results::report(ctx, &pair, [results, conclusions, proposals], submit).await
        }
        PairCmd::Criterion { pair, title } => super::results::criterion(ctx, &pair, title).await,
        PairCmd::RequestReplacement { pair, reason } => {
            let (actor, doc, today) = (ctx.actor()?, ctx.pair_doc(&pair).await?, ctx.today());
            let id = parse::new_id("r");
            let request = id.clone();
            ctx.node
                .change(
                    &doc,
                    ctx.now(),
                    "ходатайство о замене наставника",
                    move |p: &mut PairDoc| p.request_replacement(&actor, &request, &reason, today),
                )
                .await?;
            Ok(Output::new(format!("Ходатайство подано: {id}"), json!({ "id": id })))
        }
        PairCmd::History { pair, person, part, activity, meeting, entry, list } => {
            let item = super::changes::item(activity, meeting, entry, list)?;
            super::changes::history(ctx, &pair, person, part, item).await
        }
        PairCmd::Conflicts { pair } => super::changes::conflicts(ctx, &pair).await,
        PairCmd::Choose { pair, field, value } => super::changes::choose(ctx, &pair, &field, &value).await,
        PairCmd::Restore { pair, activity, meeting, entry, list, change } => {
            let item = super::changes::item(activity, meeting, entry, list)?;
            super::changes::restore(ctx, &pair, item, &change).await
        }
        PairCmd::Requests { pair } => {
            let doc = ctx.pair_doc(&pair).await?;
            let p: PairDoc = ctx.node.read(&doc).await?;
            let mut text = format!("Ходатайства о замене наставника, пара {pair}:\n");
            if p.replacement_requests.is_empty() {
                text.push_str("  нет\n");
            }
            for r in &p.replacement_requests {
                let decision = r.resolution.as_deref().unwrap_or("решение не принято");
                text.push_str(&format!(
                    "  {} ({}) — {}: {decision}\n",
                    r.id,
                    ru::date_short(*r.date),
                    r.reason
                ));
            }
            let rows: Vec<_> = p
                .replacement_requests
                .iter()
                .map(|r| json!({ "id": r.id, "mentee": r.mentee, "reason": r.reason, "date": *r.date, "resolution": r.resolution }))
                .collect();
            Ok(Output::new(text, json!(rows)))
        }
        PairCmd::ReplaceMentor { pair, request, old, new, resolution } => {
            ctx.school_doc()?;
            let revoked =
                nastavnik_node::curator::replace_mentor(ctx.node, &pair, &request, &old, &new, &resolution)
                    .await?;
            let text = format!(
                "Наставник пары {pair} заменён; у прежнего отозван доступ устройств: {}",
                revoked.len()
            );
            Ok(Output::new(text, json!({ "pair": pair, "revoked": revoked })))
        }
        PairCmd::DeclineRequest { pair, request, resolution } => {
            let doc = ctx.pair_doc(&pair).await?;
            ctx.school_doc()?;
            let id = request.clone();
            ctx.node
                .change(
                    &doc,
                    ctx.now(),
                    "решение по ходатайству",
                    move |p: &mut PairDoc| {
                        p.resolve_replacement(&nastavnik_core::pair::Actor::Curator, &id, &resolution)
                    },
                )
                .await?;
            Ok(Output::new(format!("Решение по ходатайству {request} записано"), json!({ "id": request })))
        }
        PairCmd::Status { pair, status, reason } => {
            let status = parse::code("--status", &status, PairStatus::ALL)?;
            ctx.school_doc()?;
            nastavnik_node::curator::set_pair_status(ctx.node, &pair, status, &reason).await?;
            Ok(Output::new(format!("Пара {pair}: {status}"), json!({ "pair": pair, "status": status })))
        }
    }
}

async fn create(ctx: &Ctx<'_>, args: PairArgs) -> Result<Output, NodeError> {
    let form = parse::code("--form", &args.form, Form::ALL)?;
    let kind = parse::code("--kind", &args.kind, Kind::ALL)?;
    let start = parse::date("--start", &args.start)?;
    let mut members: Vec<(String, MemberRole)> =
        args.mentors.into_iter().map(|m| (m, MemberRole::Mentor)).collect();
    members.extend(args.mentees.into_iter().map(|m| (m, MemberRole::Mentee)));
    let input = PairInput {
        id: parse::new_id("pair"),
        members,
        form,
        kind,
        role_model: args.role_model,
        period_start: start,
        period_months: args.months,
    };
    let school_doc = ctx.school_doc()?;
    let now = ctx.now();
    // The index entry and the pair's first state are made in one school change; the pair's
    // document is created right after, and its id recorded in the index.
    let pair =
        ctx.node.change(&school_doc, now, "пара", move |s: &mut SchoolDoc| s.form_pair(input, now)).await?;
    let doc_id = ctx.node.create(&pair, now).await?;
    let (pair_id, recorded) = (pair.pair_id.clone(), doc_id.clone());
    ctx.node
        .change(&school_doc, now, "документ пары", move |s: &mut SchoolDoc| {
            s.set_pair_doc(&pair_id, &recorded)
        })
        .await?;
    let summary = pair.summary();
    Ok(Output::new(
        format!("Пара сформирована: {} ({})", pair.pair_id, summary.title()),
        json!({ "pair": pair.pair_id, "doc": doc_id, "title": summary.title() }),
    ))
}

async fn list(ctx: &Ctx<'_>) -> Result<Output, NodeError> {
    let school = ctx.school().await?;
    let mut text = String::from("Наставнические пары и группы:\n");
    let mut rows = Vec::new();
    for p in &school.pairs {
        let names: Vec<String> = p
            .members
            .iter()
            .map(|m| {
                let name = school.person(&m.person_id).map_or(m.person_id.as_str(), |x| x.name.as_str());
                format!("{} ({})", name, *m.role)
            })
            .collect();
        let order = match p.order_date {
            Some(d) => format!("; приказ № {} от {}", p.order_number, d.format("%d.%m.%Y")),
            None => String::new(),
        };
        text.push_str(&format!("  {}  [{}; {}{order}] {}\n", p.id, *p.form, *p.status, names.join(", ")));
        rows.push(json!({
            "id": p.id, "form": *p.form, "kind": *p.kind, "status": *p.status, "doc": p.doc_id,
            "periodStart": *p.period_start, "periodMonths": p.period_months,
            "orderNumber": p.order_number, "orderDate": p.order_date.map(|d| *d),
            "members": p.members.iter().map(|m| json!({ "person": m.person_id, "role": *m.role })).collect::<Vec<_>>(),
        }));
    }
    Ok(Output::new(text, json!(rows)))
}
