//! The curator's итоговый аналитический отчёт по внедрению целевой модели наставничества.

use nastavnik_shared::report::{Analysis, SchoolOverview};
use nastavnik_shared::ru::{self, decimal, percent};

use super::page::{Orientation, Page};
use crate::PaperworkError;

fn or_dash(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| decimal(v, 1))
}

/// The final report for the overview `o` (see [`Analysis`] for how its numbers are made).
pub fn final_report(o: &SchoolOverview, curator: &str) -> Result<Vec<u8>, PaperworkError> {
    let a = Analysis::of(o);
    let mut page = Page::new(Orientation::Portrait);
    page.centred(&o.school_name);
    page.title("Итоговый аналитический отчёт по внедрению целевой модели наставничества");
    page.centred(&format!("по состоянию на {}", ru::date_long(o.as_of)));

    page.heading("1. Общие сведения");
    page.text(&format!(
        "В программе наставничества {} (без учёта расформированных); данные получены от {}.",
        ru::count(
            u64::from(a.pairs),
            ["наставническая пара (группа)", "наставнические пары (группы)", "наставнических пар (групп)"]
        ),
        ru::count(u64::from(a.pairs_with_data), ["пары", "пар", "пар"]),
    ));
    page.table(
        &["Статус", "Пар (групп)"],
        &[70, 30],
        o.pairs_by_status.iter().map(|(s, n)| vec![s.label().to_string(), n.to_string()]),
    );

    page.heading("2. Показатели эффективности");
    page.text(
        "Показатели рассчитаны по формуле N = A / B × 100%, где A — число вовлечённых, B — общее число.",
    );
    page.table(
        &["Показатель", "A", "B", "N = A / B × 100%", "Целевое значение", "Достигнуто"],
        &[46, 8, 8, 14, 12, 12],
        o.kpis.iter().map(|k| {
            vec![
                k.kind.label().to_string(),
                k.share.part.to_string(),
                k.share.whole.to_string(),
                percent(k.share.percent()),
                format!("не менее {}%", k.kind.target_percent()),
                match k.reached() {
                    Some(true) => "да".into(),
                    Some(false) => "нет".into(),
                    None => "нет данных".into(),
                },
            ]
        }),
    );

    page.heading("3. Наставничество по формам");
    page.table(
        &[
            "Форма наставничества",
            "Пар",
            "Выполнение плана",
            "Встреч",
            "Средний балл: вход → итог",
            "Удовлетворённость",
        ],
        &[28, 8, 18, 10, 20, 16],
        a.by_form.iter().map(|f| {
            vec![
                f.form.label().to_string(),
                f.pairs.to_string(),
                format!("{} ({} из {})", percent(f.plan.percent()), f.plan.part, f.plan.whole),
                f.meetings.to_string(),
                f.score.map_or_else(
                    || "—".into(),
                    |s| format!("{} → {}", decimal(s.entry, 1), decimal(s.final_score, 1)),
                ),
                or_dash(f.satisfaction),
            ]
        }),
    );

    page.heading("4. Выполнение персонализированных программ");
    page.text(&format!(
        "Выполнено {} из {} запланированных мероприятий ({}). Полностью выполнили план {} из {} пар. \
         Просрочено мероприятий: {}.{}",
        o.plan.part,
        o.plan.whole,
        percent(o.plan.percent()),
        a.plans_complete.part,
        a.plans_complete.whole,
        o.overdue.len(),
        o.meetings_per_pair_month
            .map(|m| format!(" В среднем {} встречи на пару в месяц.", decimal(m, 1)))
            .unwrap_or_default(),
    ));

    page.heading("5. Мониторинг: входная и итоговая диагностика");
    match a.monitoring {
        Some(m) => page.text(&format!(
            "Входная и итоговая диагностика проведены в {}. Средний балл (шкала 1–5): на входе {}, \
             на выходе {} (изменение {}{}). Рост показали {} из {} пар.",
            ru::count(u64::from(m.pairs), ["паре", "парах", "парах"]),
            decimal(m.score.entry, 2),
            decimal(m.score.final_score, 2),
            if m.score.delta() > 0.0 { "+" } else { "" },
            decimal(m.score.delta(), 2),
            m.improved,
            m.pairs
        )),
        None => page.text("Итоговая диагностика ещё не проведена ни в одной паре."),
    }

    page.heading("6. Удовлетворённость участников");
    match a.satisfaction {
        Some(s) => page.text(&format!(
            "Анкеты удовлетворённости заполнены в {}; средняя оценка {} из 10. \
             Высокая удовлетворённость (8–10) — {}, средняя (5–7) — {}, низкая (ниже 5) — {}.",
            ru::count(u64::from(s.pairs), ["паре", "парах", "парах"]),
            decimal(s.average, 1),
            s.high,
            s.medium,
            s.low
        )),
        None => page.text("Анкетирование удовлетворённости ещё не проводилось."),
    }

    page.heading("7. Лучшие наставнические пары");
    if a.best.is_empty() {
        page.text("Пока нет пар с планом мероприятий, чтобы их сравнить.");
    } else {
        page.table(
            &["№", "Наставническая пара (группа)", "Форма", "Результаты"],
            &[5, 35, 20, 40],
            a.best.iter().enumerate().map(|(i, b)| {
                vec![(i + 1).to_string(), b.title.clone(), b.form.label().to_string(), b.reasons.join(";\n")]
            }),
        );
    }

    page.heading("8. Выводы");
    for k in &o.kpis {
        let verdict = match k.reached() {
            Some(true) => "достигнут",
            Some(false) => "не достигнут",
            None => "не может быть рассчитан (нет данных)",
        };
        page.text(&format!(
            "— Показатель «{}» {verdict}: {} при целевом значении не менее {}%.",
            k.kind.label(),
            percent(k.share.percent()),
            k.kind.target_percent()
        ));
    }
    page.signature("Куратор", curator);
    page.finish()
}
