//! Early warnings («Требует внимания»): which pairs are stuck, and a member's own reminders.
//!
//! Computed from the pairs' summaries (which do not depend on the day), the day, the school's
//! thresholds ([`AttentionSettings`]) and, on the curator's device, when each pair's document last
//! synced with a member's device. Only working pairs are judged; a closed pair asks nothing.
//!
//! The curator's list ([`school`]) names the pair and what is wrong; a member's reminders
//! ([`reminders`]) say what *they* can do — a meeting to confirm is theirs only when their side has
//! not confirmed it yet.

use std::collections::HashMap;

use chrono::NaiveDate;
use nastavnik_shared::report::{AttentionItem, AttentionKind, AttentionSettings, PairSummary};
use nastavnik_shared::ru::{count, date_short};
use nastavnik_shared::vocab::{MemberRole, PairStatus};

use crate::school::SchoolDoc;

const DAYS: [&str; 3] = ["день", "дня", "дней"];

/// The school's list: every working pair's warnings, and pairs whose document has not synced with
/// the curator for too long (`last_synced`: document id → the day of its last sync with any
/// member's device; `None` when this device does not know, as on a member's).
pub fn school<'a>(
    school: &SchoolDoc,
    summaries: impl IntoIterator<Item = &'a PairSummary>,
    last_synced: Option<&HashMap<String, NaiveDate>>,
    settings: &AttentionSettings,
    today: NaiveDate,
) -> Vec<AttentionItem> {
    let by_id: HashMap<&str, &PairSummary> = summaries.into_iter().map(|s| (s.pair_id.as_str(), s)).collect();
    let mut items = Vec::new();
    for pair in school.pairs.iter().filter(|p| *p.status == PairStatus::Active) {
        let summary = by_id.get(pair.id.as_str()).copied();
        if let Some(s) = summary {
            items.extend(warnings(s, settings, today));
        }
        let Some(synced) = last_synced else { continue };
        let last = synced.get(&pair.doc_id).copied();
        let from = last.unwrap_or(*pair.period_start);
        if from <= today && days(from, today) >= settings.not_synced_days {
            let text = match last {
                Some(d) => format!("документ пары не синхронизировался с куратором с {}", date_short(d)),
                None => "документ пары ни разу не синхронизировался с куратором: устройства участников не \
                         подключались"
                    .to_string(),
            };
            let title = summary.map(PairSummary::title).unwrap_or_else(|| {
                let names = |role| school.member_names(pair, role).join(", ");
                format!("{} → {}", names(MemberRole::Mentor), names(MemberRole::Mentee))
            });
            items.push(item(&pair.id, title, AttentionKind::NotSynced, last, text));
        }
    }
    sort(&mut items);
    items
}

/// The curator's warnings about one pair.
pub fn warnings(s: &PairSummary, settings: &AttentionSettings, today: NaiveDate) -> Vec<AttentionItem> {
    if s.closed {
        return Vec::new();
    }
    let mut items = Vec::new();
    let mut add = |kind, since, text| items.push(item(&s.pair_id, s.title(), kind, since, text));
    if s.open_replacement_requests > 0 {
        add(AttentionKind::ReplacementRequest, None, "открыт запрос на замену наставника".to_string());
    }
    if let Some((since, text)) = overdue(s, today) {
        add(AttentionKind::Overdue, Some(since), text);
    }
    if let Some((since, text)) = no_meeting(s, settings, today) {
        add(AttentionKind::NoMeeting, since, text);
    }
    for m in
        s.meeting_marks.iter().filter(|m| m.date <= today && days(m.date, today) >= settings.unconfirmed_days)
    {
        let missing = match (m.by_mentor, m.by_mentee) {
            (true, true) => continue,
            (false, false) => "ни одной из сторон",
            (false, true) => "наставником",
            (true, false) => "наставляемым",
        };
        let text = format!("встреча от {} «{}» не подтверждена {missing}", date_short(m.date), m.topic);
        add(AttentionKind::Unconfirmed, Some(m.date), text);
    }
    if let Some(since) = no_entry_diagnostics(s, settings, today) {
        let text = format!("входная диагностика не проведена (программа идёт с {})", date_short(since));
        add(AttentionKind::NoEntryDiagnostics, Some(since), text);
    }
    if let Some(text) = conflicts(s) {
        add(AttentionKind::Conflicts, None, text);
    }
    items
}

/// Fields two devices set differently: a participant should choose (the pair's screen shows both).
fn conflicts(s: &PairSummary) -> Option<String> {
    (s.open_conflicts > 0).then(|| {
        let fields = count(s.open_conflicts.into(), ["поле", "поля", "полей"]);
        format!("правки разошлись ({fields}): выберите значение на экране пары")
    })
}

/// A member's own reminders about their pair, phrased for them.
pub fn reminders(
    s: &PairSummary,
    role: MemberRole,
    settings: &AttentionSettings,
    today: NaiveDate,
) -> Vec<AttentionItem> {
    if s.closed {
        return Vec::new();
    }
    let mut items = Vec::new();
    let mut add = |kind, since, text| items.push(item(&s.pair_id, s.title(), kind, since, text));
    if let Some((since, text)) = overdue(s, today) {
        add(AttentionKind::Overdue, Some(since), text);
    }
    if let Some((since, _)) = no_meeting(s, settings, today) {
        let text = match held(s, today) {
            Some(d) => format!("запишите встречу: последняя была {}", date_short(d)),
            None => "запишите первую встречу с начала программы".to_string(),
        };
        add(AttentionKind::NoMeeting, since, text);
    }
    for m in s.meeting_marks.iter().filter(|m| m.date <= today) {
        let mine = if role == MemberRole::Mentor { m.by_mentor } else { m.by_mentee };
        if !mine {
            let text = format!("подтвердите встречу от {} «{}»", date_short(m.date), m.topic);
            add(AttentionKind::Unconfirmed, Some(m.date), text);
        }
    }
    if role == MemberRole::Mentor
        && let Some(since) = no_entry_diagnostics(s, settings, today)
    {
        add(AttentionKind::NoEntryDiagnostics, Some(since), "проведите входную диагностику".to_string());
    }
    if let Some(text) = conflicts(s) {
        add(AttentionKind::Conflicts, None, text);
    }
    sort(&mut items);
    items
}

fn overdue(s: &PairSummary, today: NaiveDate) -> Option<(NaiveDate, String)> {
    let late = s.overdue(today);
    let first = late.first()?;
    let text = format!(
        "просрочено мероприятий: {}; самое раннее — «{}», срок {}",
        late.len(),
        first.title,
        date_short(first.deadline)
    );
    Some((first.deadline, text))
}

/// The last meeting held by `today`.
fn held(s: &PairSummary, today: NaiveDate) -> Option<NaiveDate> {
    s.meeting_marks.iter().map(|m| m.date).filter(|d| *d <= today).max()
}

/// No meeting held for too long: since the last one, or since the programme began.
fn no_meeting(
    s: &PairSummary,
    settings: &AttentionSettings,
    today: NaiveDate,
) -> Option<(Option<NaiveDate>, String)> {
    let last = held(s, today);
    let from = last.unwrap_or(s.period_start);
    if from > today || days(from, today) < settings.no_meeting_days {
        return None;
    }
    let text = match last {
        Some(d) => {
            format!("нет встреч {}: последняя была {}", count(days(d, today).into(), DAYS), date_short(d))
        }
        None => format!("ни одной встречи с начала программы ({})", date_short(s.period_start)),
    };
    Some((Some(from), text))
}

fn no_entry_diagnostics(
    s: &PairSummary,
    settings: &AttentionSettings,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let late = !s.entry_diagnostics
        && s.period_start <= today
        && days(s.period_start, today) >= settings.entry_diagnostics_days;
    late.then_some(s.period_start)
}

fn days(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days()).unwrap_or(0)
}

fn item(
    pair: &str,
    title: String,
    kind: AttentionKind,
    since: Option<NaiveDate>,
    text: String,
) -> AttentionItem {
    AttentionItem { pair_id: pair.to_string(), pair_title: title, kind, since, text }
}

/// By kind, then oldest first, then by pair.
fn sort(items: &mut [AttentionItem]) {
    items.sort_by(|a, b| {
        (a.kind, a.since, &a.pair_title, &a.text).cmp(&(b.kind, b.since, &b.pair_title, &b.text))
    });
}

#[cfg(test)]
mod tests;
