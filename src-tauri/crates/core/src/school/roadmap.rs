//! The roadmap (дорожная карта) of the seeds (000, 001), laid over a school year.

use chrono::{Datelike as _, Months, NaiveDate};
use nastavnik_shared::vocab::{RoadmapStage, RoadmapStatus};

use super::schema::{RoadmapItem, SchoolDoc};
use crate::error::DomainError;
use crate::keyed;

const CURATOR: &str = "Куратор (заместитель директора по УВР)";
const HEAD: &str = "Руководитель ОО";

/// (stage, number in stage, title, month of the school year from 0 = September, responsible)
const SEED: &[(RoadmapStage, u8, &str, u32, &str)] = {
    use RoadmapStage::*;
    &[
        (
            Launch,
            1,
            "Информирование педагогического сообщества образовательной организации о реализации программы наставничества",
            0,
            CURATOR,
        ),
        (
            Launch,
            2,
            "Информирование родительского сообщества о планируемой реализации программы наставничества",
            2,
            HEAD,
        ),
        (
            Launch,
            3,
            "Встреча с сообществом выпускников и/или представителями региональных организаций и предприятий с целью информирования о реализации программы наставничества",
            2,
            HEAD,
        ),
        (
            Launch,
            4,
            "Встреча с обучающимися образовательной организации с информированием о реализуемой программе наставничества",
            2,
            CURATOR,
        ),
        (
            MenteeBank,
            1,
            "Проведение анкетирования среди обучающихся/педагогов, желающих принять участие в программе наставничества. Сбор согласий на обработку персональных данных от совершеннолетних участников программы",
            0,
            CURATOR,
        ),
        (
            MenteeBank,
            2,
            "Сбор дополнительной информации о запросах наставляемых от третьих лиц: классный руководитель, психолог, соцработник, родители. Сбор согласий законных представителей несовершеннолетних участников",
            2,
            CURATOR,
        ),
        (
            MenteeBank,
            3,
            "Анализ полученных от наставляемых и третьих лиц данных. Формирование базы наставляемых",
            2,
            HEAD,
        ),
        (
            MentorBank,
            1,
            "Выбор форм наставничества, реализуемых в рамках текущей программы наставничества",
            1,
            CURATOR,
        ),
        (
            MentorBank,
            2,
            "Оценка участников-наставляемых по заданным параметрам, необходимым для будущего сравнения и мониторинга влияния программ на всех участников",
            1,
            CURATOR,
        ),
        (
            MentorBank,
            3,
            "Проведение анкетирования среди потенциальных наставников, желающих принять участие в программе наставничества. Сбор согласий на обработку персональных данных",
            1,
            CURATOR,
        ),
        (
            MentorBank,
            4,
            "Анализ заполненных анкет потенциальных наставников и сопоставление данных с анкетами наставляемых. Формирование базы наставников",
            1,
            CURATOR,
        ),
        (
            MentorTraining,
            1,
            "Оценка участников-наставников по заданным параметрам, необходимым для будущего сравнения и мониторинга влияния программ на всех участников",
            2,
            CURATOR,
        ),
        (
            MentorTraining,
            2,
            "Проведение собеседования с наставниками (в некоторых случаях с привлечением психолога)",
            2,
            CURATOR,
        ),
        (MentorTraining, 3, "Поиск экспертов и материалов для проведения обучения наставников", 2, CURATOR),
        (MentorTraining, 4, "Обучение наставников", 2, CURATOR),
        (PairForming, 1, "Организация групповой встречи наставников и наставляемых", 2, CURATOR),
        (
            PairForming,
            2,
            "Проведение анкетирования на предмет предпочитаемого наставника/наставляемого после завершения групповой встречи",
            3,
            CURATOR,
        ),
        (
            PairForming,
            3,
            "Анализ анкет групповой встречи и соединение наставников и наставляемых в пары",
            3,
            CURATOR,
        ),
        (
            PairForming,
            4,
            "Информирование участников о сложившихся парах/группах. Закрепление пар/групп распоряжением руководителя образовательной организации",
            3,
            CURATOR,
        ),
        (PairWork, 1, "Проведение первой, организационной, встречи наставника и наставляемого", 3, CURATOR),
        (PairWork, 2, "Проведение второй, пробной рабочей, встречи наставника и наставляемого", 3, CURATOR),
        (
            PairWork,
            3,
            "Проведение встречи-планирования рабочего процесса в рамках программы наставничества с наставником и наставляемым",
            3,
            CURATOR,
        ),
        (PairWork, 4, "Регулярные встречи наставника и наставляемого", 6, CURATOR),
        (PairWork, 5, "Сбор обратной связи от участников программы наставничества", 7, CURATOR),
        (PairWork, 6, "Проведение заключительной встречи наставника и наставляемого", 7, CURATOR),
        (
            PairWork,
            7,
            "Проведение групповой заключительной встречи всех пар и групп наставников и наставляемых",
            7,
            CURATOR,
        ),
        (
            PairWork,
            8,
            "Анкетирование участников. Проведение мониторинга личной удовлетворённости участием в программе наставничества",
            7,
            CURATOR,
        ),
        (
            Completion,
            1,
            "Приглашение на торжественное мероприятие всех участников программы наставничества, их родных, представителей организаций-партнёров",
            8,
            HEAD,
        ),
        (
            Completion,
            2,
            "Проведение торжественного мероприятия для подведения итогов программы наставничества и награждения лучших наставников",
            8,
            HEAD,
        ),
        (Completion, 3, "Проведение мониторинга качества реализации программы наставничества", 8, CURATOR),
        (
            Completion,
            4,
            "Оценка участников по заданным параметрам, проведение второго, заключающего этапа мониторинга влияния программ на всех участников",
            8,
            CURATOR,
        ),
        (
            Completion,
            5,
            "Оформление итогов и процессов совместной работы в рамках программы наставничества в кейсы",
            8,
            CURATOR,
        ),
        (
            Completion,
            6,
            "Публикация результатов программы наставничества, лучших наставников, кейсов на сайте образовательной организации",
            9,
            CURATOR,
        ),
        (
            Completion,
            7,
            "Внесение данных об итогах реализации программы наставничества в базу наставников и базу наставляемых",
            9,
            CURATOR,
        ),
        (Completion, 8, "Формирование долгосрочной базы наставников", 9, CURATOR),
    ]
};

/// The seeds' roadmap: 35 activities in 7 stages, each due at the end of its month of the
/// school year that starts on `year_start`.
pub fn seed_roadmap(year_start: NaiveDate) -> Vec<RoadmapItem> {
    let month_start = year_start.with_day0(0).unwrap_or(year_start);
    SEED.iter()
        .map(|(stage, n, title, month, responsible)| {
            let deadline = month_start
                .checked_add_months(Months::new(month + 1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(month_start);
            RoadmapItem {
                id: format!("rm-{}.{n}", stage.number()),
                stage: (*stage).into(),
                title: (*title).into(),
                deadline: deadline.into(),
                responsible: (*responsible).into(),
                status: RoadmapStatus::Planned.into(),
            }
        })
        .collect()
}

impl SchoolDoc {
    /// Adds an activity to a stage of the roadmap.
    pub fn add_roadmap_item(
        &mut self,
        id: &str,
        stage: RoadmapStage,
        title: &str,
        deadline: NaiveDate,
        responsible: &str,
    ) -> Result<(), DomainError> {
        let id = crate::check::id("мероприятие дорожной карты", id)?;
        if self.roadmap.iter().any(|i| i.id == id) {
            return Err(DomainError::Duplicate {
                what: "мероприятие дорожной карты", id
            });
        }
        self.roadmap.push(RoadmapItem {
            id,
            stage: stage.into(),
            title: crate::check::required("Мероприятие", title, crate::check::LONG)?,
            deadline: deadline.into(),
            responsible: crate::check::optional("Ответственные", responsible, crate::check::SHORT)?,
            status: RoadmapStatus::Planned.into(),
        });
        Ok(())
    }

    /// Changes the status of a roadmap activity.
    pub fn set_roadmap_status(&mut self, id: &str, status: RoadmapStatus) -> Result<(), DomainError> {
        keyed::get_mut(&mut self.roadmap, id)?.status = status.into();
        Ok(())
    }
}
