//! The arguments of `plan …`, `meeting …` and `monitoring`: the plan, the meeting journal, the scores.

use clap::{Args, Subcommand};

/// `plan …`
#[derive(Debug, Subcommand)]
pub enum PlanCmd {
    /// Добавить мероприятие.
    Add {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Мероприятие.
        #[arg(long)]
        title: String,
        /// Срок (ГГГГ-ММ-ДД).
        #[arg(long)]
        deadline: String,
        /// Деятельность наставника.
        #[arg(long, default_value = "")]
        mentor_activity: String,
        /// Ожидаемый результат.
        #[arg(long, default_value = "")]
        result: String,
        /// Ответственный.
        #[arg(long, default_value = "")]
        responsible: String,
    },
    /// Изменить мероприятие (поля, которые не указаны, остаются прежними).
    Edit {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Мероприятие.
        #[arg(long)]
        activity: String,
        /// Новое название.
        #[arg(long)]
        title: Option<String>,
        /// Новый срок (ГГГГ-ММ-ДД).
        #[arg(long)]
        deadline: Option<String>,
        /// Деятельность наставника.
        #[arg(long)]
        mentor_activity: Option<String>,
        /// Ожидаемый результат.
        #[arg(long)]
        result: Option<String>,
        /// Ответственный.
        #[arg(long)]
        responsible: Option<String>,
    },
    /// Сменить статус мероприятия: planned, in_progress, done, cancelled.
    Status {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Мероприятие.
        #[arg(long)]
        activity: String,
        /// Новый статус.
        #[arg(long)]
        status: String,
        /// Дата выполнения (для done; по умолчанию сегодня).
        #[arg(long)]
        done_on: Option<String>,
        /// Отметка о выполнении.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Показать план пары.
    /// Удалить мероприятие из плана.
    Remove {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Мероприятие.
        #[arg(long)]
        activity: String,
    },
    List {
        /// Пара.
        #[arg(long)]
        pair: String,
    },
}

/// `meeting …`
#[derive(Debug, Subcommand)]
pub enum MeetingCmd {
    /// Добавить встречу.
    Add {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Тип: organisational, trial, planning, regular, final.
        #[arg(long = "type", default_value = "regular")]
        meeting_type: String,
        /// Дата (ГГГГ-ММ-ДД).
        #[arg(long)]
        date: String,
        /// Формат: in_person, remote.
        #[arg(long, default_value = "in_person")]
        format: String,
        /// Тема.
        #[arg(long)]
        topic: String,
    },
    /// Изменить встречу (поля, которые не указаны, остаются прежними).
    Edit {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Встреча.
        #[arg(long)]
        meeting: String,
        /// Тип: organisational, trial, planning, regular, final.
        #[arg(long = "type")]
        meeting_type: Option<String>,
        /// Дата (ГГГГ-ММ-ДД).
        #[arg(long)]
        date: Option<String>,
        /// Формат: in_person, remote.
        #[arg(long)]
        format: Option<String>,
        /// Тема.
        #[arg(long)]
        topic: Option<String>,
    },
    /// Удалить встречу (если её ещё никто не подтвердил).
    Remove {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Встреча.
        #[arg(long)]
        meeting: String,
    },
    /// Записать заметки встречи (текст целиком; совпадающее начало и конец сохраняются).
    Notes {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Встреча.
        #[arg(long)]
        meeting: String,
        /// Текст заметок.
        #[arg(long)]
        text: String,
    },
    /// Записать текст встречи: notes (заметки), agreed_tasks (договорённости и задачи),
    /// reflection (рефлексия наставляемого) — текст целиком; совпадающее начало и конец сохраняются.
    Text {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Встреча.
        #[arg(long)]
        meeting: String,
        /// Какой текст: notes, agreed_tasks, reflection.
        #[arg(long)]
        field: String,
        /// Текст.
        #[arg(long)]
        text: String,
    },
    /// Показать журнал встреч пары.
    List {
        /// Пара.
        #[arg(long)]
        pair: String,
    },
    /// Подтвердить, что встреча состоялась.
    Confirm {
        /// Пара.
        #[arg(long)]
        pair: String,
        /// Встреча.
        #[arg(long)]
        meeting: String,
    },
}

/// `monitoring`
#[derive(Debug, Args)]
pub struct MonitoringArgs {
    /// Пара.
    #[arg(long)]
    pub pair: String,
    /// Этап: entry, intermediate, final.
    #[arg(long)]
    pub stage: String,
    /// Наставляемый.
    #[arg(long)]
    pub mentee: String,
    /// Кто оценивает: self (самооценка) или mentor.
    #[arg(long)]
    pub rater: String,
    /// Оценка: критерий=балл, например c1=4 (можно несколько).
    #[arg(long = "score", required = true)]
    pub scores: Vec<String>,
}
