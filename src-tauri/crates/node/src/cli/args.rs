//! The command line: `nastavnik-cli [--data-dir DIR] [--json] <command>`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Наставник without a window: everything a curator, mentor or mentee can do.
#[derive(Debug, Parser)]
#[command(name = "nastavnik-cli", version, about = "Наставник: наставнические пары без центрального сервера")]
pub struct Cli {
    /// Папка данных устройства (по умолчанию — папка данных пользователя).
    #[arg(long, global = true, env = "NASTAVNIK_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Вывод в JSON.
    #[arg(long, global = true)]
    pub json: bool,
    /// Считать сегодняшней эту дату (ГГГГ-ММ-ДД): часы устройства пойдут с полудня этого дня —
    /// по ним считаются просрочки, сроки приглашений и время изменений.
    #[arg(long, global = true)]
    pub today: Option<String>,
    /// Команда.
    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Это устройство: создать ключ, показать.
    #[command(subcommand)]
    Device(DeviceCmd),
    /// Создать на этом (новом) устройстве демонстрационную школу и показать её обзор.
    Demo,
    /// Школа (куратор).
    #[command(subcommand)]
    School(SchoolCmd),
    /// База наставников и наставляемых (куратор).
    #[command(subcommand)]
    Person(PersonCmd),
    /// Записать согласие на обработку персональных данных (куратор).
    Consent(ConsentArgs),
    /// Наставнические пары и группы.
    #[command(subcommand)]
    Pair(PairCmd),
    /// Программа пары: направления, дефициты, сильные стороны, цели.
    #[command(subcommand)]
    Programme(super::programme::ProgrammeCmd),
    /// Личные заметки наставника о паре: только на этом устройстве, не синхронизируются.
    #[command(subcommand)]
    Notes(super::notes::NotesCmd),
    /// План персонализированной программы.
    #[command(subcommand)]
    Plan(PlanCmd),
    /// Журнал встреч.
    #[command(subcommand)]
    Meeting(MeetingCmd),
    /// Мониторинг: оценки по критериям (1–5).
    Monitoring(MonitoringArgs),
    /// Приглашения участников (куратор создаёт, участник принимает).
    #[command(subcommand)]
    Invite(InviteCmd),
    /// Работать в сети до остановки: принимать соединения, синхронизировать документы.
    Serve(ServeArgs),
    /// Синхронизироваться один раз с указанными устройствами и выйти.
    Sync(SyncArgs),
    /// Дорожная карта школы (куратор).
    #[command(subcommand)]
    Roadmap(RoadmapCmd),
    /// Выгрузить документ: monitoring, mentors, mentees (.xlsx, куратор); report — итоговый
    /// аналитический отчёт (.docx, куратор); order — изданный приказ о закреплении пар (.docx,
    /// с --number); programme, journal, history — программа, журнал встреч, история изменений
    /// пары (.docx, с --pair); record — сведения об участии в наставничестве для аттестации
    /// (.docx: свои на устройстве участника, любого участника с --person у куратора).
    Export {
        /// Что выгрузить.
        #[arg(long)]
        kind: String,
        /// Пара (для programme и journal).
        #[arg(long)]
        pair: Option<String>,
        /// Участник (для record на устройстве куратора).
        #[arg(long)]
        person: Option<String>,
        /// Номер приказа (для order: выгрузить уже изданный приказ).
        #[arg(long)]
        number: Option<String>,
        /// Файл .xlsx или .docx.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Приказ «О закреплении наставнических пар» (.docx): записывает приказ в пары и выгружает
    /// его. Без --pair — пары этого приказа, а если их нет — все формируемые и работающие
    /// пары, ещё не закреплённые приказом.
    Order {
        /// Номер приказа.
        #[arg(long)]
        number: String,
        /// Дата приказа (ГГГГ-ММ-ДД).
        #[arg(long)]
        date: String,
        /// Пара (можно несколько).
        #[arg(long = "pair")]
        pairs: Vec<String>,
        /// Файл .docx.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Загрузить базу наставников или наставляемых из .xlsx/.csv (куратор). Без --apply
    /// только показывает, что будет загружено, и ошибки по строкам; ничего не меняет.
    Import {
        /// Какая база: mentors или mentees.
        #[arg(long)]
        base: String,
        /// Файл .xlsx, .xls, .ods или .csv.
        #[arg(long)]
        file: std::path::PathBuf,
        /// Загрузить (только если ни в одной строке нет ошибок).
        #[arg(long)]
        apply: bool,
    },
    /// Обзор школы: показатели, пары, просрочки (куратор).
    Overview,
    /// Требует внимания: пары, где что-то не так (куратор), или свои напоминания (участник).
    Attention,
    /// Документы на этом устройстве.
    Status,
}

/// `device …`
#[derive(Debug, Subcommand)]
pub enum DeviceCmd {
    /// Создать ключ устройства (если его ещё нет).
    Init,
    /// Показать идентификатор и роль устройства.
    Show,
    /// Отозвать доступ устройства (например, потерянного телефона) — куратор.
    Revoke {
        /// Идентификатор устройства.
        #[arg(long)]
        device: String,
    },
}

/// `school …`
#[derive(Debug, Subcommand)]
pub enum SchoolCmd {
    /// Создать школу на этом устройстве; оно становится устройством куратора.
    Create {
        /// Полное наименование ОО.
        #[arg(long)]
        name: String,
        /// Руководитель ОО.
        #[arg(long, default_value = "")]
        head: String,
        /// Куратор.
        #[arg(long, default_value = "")]
        curator: String,
    },
    /// Сроки предупреждений «Требует внимания», дней (куратор); без параметров — показать текущие.
    Settings(WarningArgs),
}

/// `school settings`: each threshold in days (1–400); the ones not given stay as they are.
#[derive(Debug, clap::Args)]
pub struct WarningArgs {
    /// Нет встреч столько дней.
    #[arg(long)]
    pub no_meeting_days: Option<u32>,
    /// Встреча не подтверждена обеими сторонами столько дней.
    #[arg(long)]
    pub unconfirmed_days: Option<u32>,
    /// Нет входной диагностики столько дней от начала программы.
    #[arg(long)]
    pub entry_days: Option<u32>,
    /// Документ пары не синхронизировался с куратором столько дней.
    #[arg(long)]
    pub not_synced_days: Option<u32>,
}

impl WarningArgs {
    /// Whether nothing is to be changed (the command only shows).
    pub fn is_empty(&self) -> bool {
        self.no_meeting_days.is_none()
            && self.unconfirmed_days.is_none()
            && self.entry_days.is_none()
            && self.not_synced_days.is_none()
    }
}

/// `person …`
#[derive(Debug, Subcommand)]
pub enum PersonCmd {
    /// Добавить человека в базу.
    Add(PersonArgs),
    /// Исправить карточку (поля, которые не указаны, остаются прежними).
    Edit {
        /// Кого (идентификатор человека).
        #[arg(long)]
        person: String,
        /// ФИО.
        #[arg(long)]
        name: Option<String>,
        /// Категория: teacher, student, parent, graduate, employer, other.
        #[arg(long)]
        category: Option<String>,
        /// Предмет или класс.
        #[arg(long)]
        subject: Option<String>,
        /// Год рождения.
        #[arg(long)]
        birth_year: Option<u16>,
        /// Педагогический стаж, лет.
        #[arg(long)]
        teaching_years: Option<u8>,
    },
    /// Удалить из базы человека, который не состоит ни в одной паре.
    Remove {
        /// Кого.
        #[arg(long)]
        person: String,
    },
    /// Записать отзыв согласия на обработку персональных данных.
    WithdrawConsent {
        /// Чьё согласие.
        #[arg(long)]
        person: String,
        /// Какое (идентификатор согласия, см. person list).
        #[arg(long)]
        consent: String,
    },
    /// Список базы.
    List,
    /// Записать запрос наставляемого (с чем нужна помощь).
    Request {
        /// Наставляемый.
        #[arg(long)]
        person: String,
        /// Запрос.
        #[arg(long)]
        text: String,
    },
    /// Анкета наставника: компетенции, сколько наставляемых может вести, формы.
    MentorProfile {
        /// Наставник.
        #[arg(long)]
        person: String,
        /// Компетенция (можно несколько).
        #[arg(long = "competency")]
        competencies: Vec<String>,
        /// Сколько наставляемых одновременно (1–10).
        #[arg(long)]
        capacity: u8,
        /// Форма, в которой готов(а) работать (можно несколько).
        #[arg(long = "form")]
        forms: Vec<String>,
    },
}

/// A person's card.
#[derive(Debug, Args)]
pub struct PersonArgs {
    /// ФИО.
    #[arg(long)]
    pub name: String,
    /// Категория: teacher, student, parent, graduate, employer, other.
    #[arg(long)]
    pub category: String,
    /// Предмет или класс.
    #[arg(long, default_value = "")]
    pub subject: String,
    /// Год рождения.
    #[arg(long)]
    pub birth_year: Option<u16>,
    /// Педагогический стаж, лет.
    #[arg(long)]
    pub teaching_years: Option<u8>,
    /// Идентификатор (по умолчанию — новый).
    #[arg(long)]
    pub id: Option<String>,
}

/// `consent`
#[derive(Debug, Args)]
pub struct ConsentArgs {
    /// Чьё согласие (идентификатор человека).
    #[arg(long)]
    pub person: String,
    /// Кто дал: participant (сам участник) или parent (родитель, законный представитель).
    #[arg(long)]
    pub giver: String,
    /// ФИО подписавшего.
    #[arg(long)]
    pub signed_by: String,
    /// Дата подписи (ГГГГ-ММ-ДД).
    #[arg(long)]
    pub date: String,
}

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

/// `invite …`
#[derive(Debug, Subcommand)]
pub enum InviteCmd {
    /// Создать приглашение для человека из базы (куратор).
    Create {
        /// Кого приглашаем (идентификатор человека).
        #[arg(long)]
        person: String,
        /// Сколько часов действует приглашение.
        #[arg(long, default_value_t = 72)]
        hours: u32,
    },
    /// Принять приглашение на этом устройстве.
    Redeem {
        /// Код приглашения.
        #[arg(long)]
        code: Option<String>,
        /// Устройство куратора: <идентификатор>@<ip:порт>.
        #[arg(long)]
        peer: Option<String>,
        /// Содержимое QR-кода приглашения (вместо --code и --peer).
        #[arg(long)]
        payload: Option<String>,
    },
}

/// `serve`
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Адрес для входящих соединений.
    #[arg(long, default_value = "0.0.0.0:0")]
    pub listen: String,
    /// Устройства, к которым подключаться: <идентификатор>@<ip:порт> (можно несколько).
    #[arg(long = "peer")]
    pub peers: Vec<String>,
    /// Записать сюда свой адрес, когда сеть готова.
    #[arg(long)]
    pub addr_file: Option<std::path::PathBuf>,
    /// Не искать устройства в локальной сети (mDNS).
    #[arg(long)]
    pub no_mdns: bool,
}

/// `sync`
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Устройства: <идентификатор>@<ip:порт> (можно несколько; без них — найти в локальной сети).
    #[arg(long = "peer")]
    pub peers: Vec<String>,
    /// Сколько секунд искать устройства в локальной сети, если --peer не указан.
    #[arg(long, default_value_t = 3)]
    pub discover: u64,
    /// Сколько секунд ждать каждое устройство и документ.
    #[arg(long, default_value_t = 10)]
    pub wait: u64,
    /// Ещё один документ, который нужно получить (по идентификатору).
    #[arg(long = "doc")]
    pub docs: Vec<String>,
}

/// `roadmap …`
#[derive(Debug, Subcommand)]
pub enum RoadmapCmd {
    /// Показать дорожную карту по этапам.
    List,
    /// Сменить статус мероприятия: planned, in_progress, done.
    Status {
        /// Мероприятие (например, rm-1.1).
        #[arg(long)]
        item: String,
        /// Новый статус.
        #[arg(long)]
        status: String,
    },
}
