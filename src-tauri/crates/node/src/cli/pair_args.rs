//! The arguments of `pair …`: forming pairs, their status and header, surveys, reports, criteria,
//! requests to replace the mentor, and the history.

use clap::{Args, Subcommand};

/// `pair …`
#[derive(Debug, Subcommand)]
pub enum PairCmd {
    /// Сформировать пару или группу.
    Create(PairArgs),
    /// Список пар.
    List,
    /// Подобрать наставника для наставляемого: кандидаты по запросу, предмету, форме и нагрузке.
    Suggest {
        /// Наставляемый.
        #[arg(long)]
        mentee: String,
        /// Форма наставничества.
        #[arg(long, default_value = "teacher_teacher")]
        form: String,
    },
    /// Сменить статус: forming, active, completed, dissolved.
    Status {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Новый статус: forming, active, completed, dissolved.
        #[arg(long)]
        status: String,
        /// Причина (обязательна для dissolved; итог для completed): пара уходит в архив.
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Изменить форму, вид, ролевую модель или срок программы (куратор; не указанное остаётся прежним).
    Edit {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Форма.
        #[arg(long)]
        form: Option<String>,
        /// Вид.
        #[arg(long)]
        kind: Option<String>,
        /// Ролевая модель.
        #[arg(long)]
        role_model: Option<String>,
        /// Начало (ГГГГ-ММ-ДД).
        #[arg(long)]
        start: Option<String>,
        /// Срок, месяцев (3–12).
        #[arg(long)]
        months: Option<u32>,
    },
    /// Анкета удовлетворённости участника (1–10).
    Survey {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Оценка 1–10.
        #[arg(long)]
        score: u8,
        /// Комментарий.
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// Отчёт наставника: записать (поля, которые не указаны, остаются прежними) и, с --submit, сдать куратору.
    Report {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Результаты.
        #[arg(long)]
        results: Option<String>,
        /// Выводы.
        #[arg(long)]
        conclusions: Option<String>,
        /// Предложения.
        #[arg(long)]
        proposals: Option<String>,
        /// Сдать отчёт куратору.
        #[arg(long)]
        submit: bool,
    },
    /// Добавить критерий мониторинга.
    Criterion {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Формулировка критерия.
        #[arg(long)]
        title: String,
    },
    /// Ходатайство о замене наставника (наставляемый).
    RequestReplacement {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Причина.
        #[arg(long)]
        reason: String,
    },
    /// История пары: кто, когда и что менял (с фильтром по участнику и разделу).
    History {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Только изменения этого участника.
        #[arg(long)]
        person: Option<String>,
        /// Только раздел: programme, plan, journal, results, pair.
        #[arg(long)]
        part: Option<String>,
        /// История одного мероприятия.
        #[arg(long, conflicts_with = "meeting")]
        activity: Option<String>,
        /// История одной встречи.
        #[arg(long)]
        meeting: Option<String>,
        /// История одного пункта программы (с --list).
        #[arg(long, requires = "list", conflicts_with_all = ["activity", "meeting"])]
        entry: Option<String>,
        /// Раздел пункта: directions, deficits, strengths, short_goals, long_goals.
        #[arg(long)]
        list: Option<String>,
    },
    /// Расхождения: поля, которые два устройства изменили по-разному без связи, с обоими значениями.
    Conflicts {
        /// Пара.
        #[arg(long)]
        pair: String,
    },
    /// Выбрать одно из значений расхождения (обычная правка; расхождение закрывается на всех устройствах).
    Choose {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Поле (path из `pair conflicts`).
        #[arg(long)]
        field: String,
        /// Оставляемое значение (op из `pair conflicts`).
        #[arg(long)]
        value: String,
    },
    /// Отменить правку мероприятия, встречи или пункта программы: изменённые ею поля получают прежние значения.
    Restore {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Мероприятие.
        #[arg(long, conflicts_with_all = ["meeting", "entry"], required_unless_present_any = ["meeting", "entry"])]
        activity: Option<String>,
        /// Встреча.
        #[arg(long, conflicts_with = "entry")]
        meeting: Option<String>,
        /// Пункт программы (с --list).
        #[arg(long, requires = "list")]
        entry: Option<String>,
        /// Раздел пункта: directions, deficits, strengths, short_goals, long_goals.
        #[arg(long)]
        list: Option<String>,
        /// Правка (change из `pair history --activity/--meeting/--entry`).
        #[arg(long)]
        change: String,
    },
    /// Ходатайства пары о замене наставника и решения по ним.
    Requests {
        /// Пара.
        #[arg(long)]
        pair: String,
    },
    /// Заменить наставника по ходатайству (куратор): прежний наставник теряет доступ к паре.
    ReplaceMentor {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Ходатайство.
        #[arg(long)]
        request: String,
        /// Прежний наставник (идентификатор человека).
        #[arg(long)]
        old: String,
        /// Новый наставник (идентификатор человека из базы).
        #[arg(long)]
        new: String,
        /// Решение.
        #[arg(long)]
        resolution: String,
    },
    /// Отклонить ходатайство (куратор), записав решение.
    DeclineRequest {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Ходатайство.
        #[arg(long)]
        request: String,
        /// Решение.
        #[arg(long)]
        resolution: String,
    },
}

/// A new pair.
#[derive(Debug, Args)]
pub struct PairArgs {
    /// Наставник (можно несколько).
    #[arg(long = "mentor", required = true)]
    pub mentors: Vec<String>,
    /// Наставляемый (можно несколько).
    #[arg(long = "mentee", required = true)]
    pub mentees: Vec<String>,
    /// Форма: teacher_teacher, head_teacher, teacher_student, student_student, employer_student, …
    #[arg(long, default_value = "teacher_teacher")]
    pub form: String,
    /// Вид: traditional, group, virtual, short_term, reverse, situational, speed.
    #[arg(long, default_value = "traditional")]
    pub kind: String,
    /// Ролевая модель.
    #[arg(long, default_value = "")]
    pub role_model: String,
    /// Начало программы (ГГГГ-ММ-ДД).
    #[arg(long)]
    pub start: String,
    /// Срок, месяцев (3–12).
    #[arg(long)]
    pub months: u32,
}
