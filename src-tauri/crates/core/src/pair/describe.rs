//! What a change did to the plan, in words, for its history message: «статус мероприятия:
//! «Открытый урок»: запланировано → выполнено; срок 10.12.2026 → 15.12.2026».

use nastavnik_shared::ru;

use super::PairDoc;

/// `message`, followed by the changes of every activity that was there before and after.
pub fn activity_changes(message: &str, before: &PairDoc, after: &PairDoc) -> String {
    let mut out = message.to_string();
    for a in &after.activities {
        let Some(b) = before.activities.iter().find(|b| b.id == a.id) else { continue };
        let mut parts = Vec::new();
        if b.title != a.title {
            parts.push(format!("название «{}» → «{}»", b.title, a.title));
        }
        if *b.status != *a.status {
            parts.push(format!("{} → {}", b.status.label(), a.status.label()));
        }
        if *b.deadline != *a.deadline {
            parts.push(format!("срок {} → {}", ru::date_short(*b.deadline), ru::date_short(*a.deadline)));
        }
        if b.responsible != a.responsible {
            parts.push(format!("ответственный «{}» → «{}»", b.responsible, a.responsible));
        }
        if !parts.is_empty() {
            out.push_str(&format!(": «{}»: {}", b.title, parts.join("; ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;

    #[test]
    fn a_moved_deadline_and_a_new_title_are_named() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        let before: PairDoc = crate::document::read(&crate::demo::build(now).unwrap().pairs[0]).unwrap();
        let mut after = before.clone();
        let a = &mut after.activities[0];
        let (old_title, old_deadline) = (a.title.clone(), *a.deadline);
        a.deadline = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap().into();
        a.title = "Новое название".into();
        assert_eq!(
            activity_changes("правка мероприятия", &before, &after),
            format!(
                "правка мероприятия: «{old_title}»: название «{old_title}» → «Новое название»; срок {} → 15.01.2027",
                ru::date_short(old_deadline)
            )
        );
        assert_eq!(
            activity_changes("новая встреча", &before, &before),
            "новая встреча",
            "nothing in the plan changed"
        );
    }
}
