//! The command line: `nastavnik-cli [--data-dir DIR] [--json] <command>`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use super::journal_args::{MeetingCmd, MonitoringArgs, PlanCmd};
pub use super::pair_args::{PairArgs, PairCmd};

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
