//! The head's order «О закреплении наставнических пар» with its appendix: the table of pairs.

use nastavnik_core::school::SchoolDoc;
use nastavnik_shared::ru;
use nastavnik_shared::vocab::MemberRole;

use super::page::{Orientation, Page};
use crate::PaperworkError;

/// The order with number `number`: every pair of the index fixed by it (see
/// `SchoolDoc::fix_pairs_by_order`), one row per pair: mentor, mentee(s), form, role model, period.
pub fn order(school: &SchoolDoc, number: &str) -> Result<Vec<u8>, PaperworkError> {
    let pairs: Vec<_> = school.pairs.iter().filter(|p| p.order_number == number).collect();
    let Some(date) = pairs.iter().find_map(|p| p.order_date.map(|d| *d)) else {
        return Err(PaperworkError(format!("приказ № {number} не закрепил ни одной пары")));
    };
    let mut page = Page::new(Orientation::Portrait);
    page.centred(&school.school.name);
    page.title("ПРИКАЗ");
    page.centred(&format!("от {} № {number}", ru::date_long(date)));
    page.title("О закреплении наставнических пар");
    page.text(
        "В соответствии с Положением о системе наставничества и программой наставничества \
         образовательной организации, на основании анкет и запросов наставников и наставляемых, \
         с их письменного согласия",
    );
    page.text("ПРИКАЗЫВАЮ:");
    page.text(&format!(
        "1. Закрепить наставнические пары (группы) согласно приложению к настоящему приказу ({}).",
        ru::count(pairs.len() as u64, ["пара", "пары", "пар"])
    ));
    page.text(
        "2. Наставникам совместно с наставляемыми разработать персонализированные программы \
         наставничества и приступить к их реализации.",
    );
    let curator = if school.school.curator_name.is_empty() {
        "куратора".to_string()
    } else {
        format!("куратора ({})", school.school.curator_name)
    };
    page.text(&format!("3. Контроль за исполнением приказа возложить на {curator}."));
    page.signature("Руководитель", &school.school.head_name);

    page.appendix(&format!("Приложение к приказу от {} № {number}", ru::date_short(date)));
    page.title("Список наставнических пар (групп)");
    let rows = pairs.iter().enumerate().map(|(i, p)| {
        vec![
            (i + 1).to_string(),
            school.member_names(p, MemberRole::Mentor).join(",\n"),
            school.member_names(p, MemberRole::Mentee).join(",\n"),
            format!("{}\n{}", p.form.label(), p.role_model),
            format!("{} – {}", ru::date_short(*p.period_start), ru::date_short(p.period_end())),
        ]
    });
    page.table(
        &["№", "Наставник", "Наставляемый (наставляемые)", "Форма наставничества, ролевая модель", "Период"],
        &[5, 24, 28, 25, 18],
        rows,
    );
    page.finish()
}
