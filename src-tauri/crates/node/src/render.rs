//! The school overview as plain Russian text.

use std::fmt::Write;

use nastavnik_shared::report::{SchoolOverview, Share};
use nastavnik_shared::ru;

fn share(s: Share) -> String {
    match s.percent() {
        Some(p) => format!("{} из {} ({p:.0}%)", s.part, s.whole),
        None => "нет данных".to_string(),
    }
}

/// Renders the overview: KPIs with targets, pairs by form and status, plan, overdue, pairs.
pub fn overview(o: &SchoolOverview) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Обзор школы: {}", o.school_name);
    let _ = writeln!(out, "на {}\n", ru::date_long(o.as_of));
    let _ = writeln!(out, "Показатели (N = A / B × 100%):");
    for k in &o.kpis {
        let mark = match k.reached() {
            Some(true) => "достигнуто",
            Some(false) => "не достигнуто",
            None => "—",
        };
        let _ = writeln!(
            out,
            "  {}: {} — цель {}%, {mark}",
            k.kind.label(),
            share(k.share),
            k.kind.target_percent()
        );
    }
    let _ = writeln!(out, "\nПары по формам:");
    for (form, n) in &o.pairs_by_form {
        let _ = writeln!(out, "  {form}: {n}");
    }
    let statuses: Vec<String> = o.pairs_by_status.iter().map(|(s, n)| format!("{s} — {n}")).collect();
    let _ = writeln!(out, "Пары по статусу: {}", statuses.join(", "));
    let _ = writeln!(out, "Выполнение планов: {}", share(o.plan));
    if let Some(m) = o.meetings_per_pair_month {
        let _ = writeln!(out, "Встреч на пару в месяц: {m:.1}");
    }
    let overdue = ru::count(o.overdue.len() as u64, ["мероприятие", "мероприятия", "мероприятий"]);
    let _ = writeln!(out, "\nПросрочено: {overdue}");
    for a in &o.overdue {
        let days = ru::count(a.days_overdue as u64, ["день", "дня", "дней"]);
        let _ = writeln!(
            out,
            "  {} — «{}», срок {} (на {days})",
            a.pair_title,
            a.title,
            ru::date_short(a.deadline)
        );
    }
    let _ = writeln!(out, "\nПары:");
    for p in &o.pairs {
        let last = p.last_meeting.map(ru::date_short).unwrap_or_else(|| "—".into());
        let data = if p.has_data { "" } else { " (данные пары ещё не получены)" };
        let _ = writeln!(
            out,
            "  {} [{}; {}] план {}, встреч {}, последняя {last}{data}",
            p.title,
            p.form,
            p.status,
            share(p.plan),
            p.meetings
        );
    }
    out
}
