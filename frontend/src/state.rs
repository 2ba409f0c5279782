//! The UI's state and the one place it changes ([`State::reduce`]): screens follow actions,
//! data arrives as actions, errors are kept until dismissed or the screen changes. Pure Rust —
//! tested natively.

use std::rc::Rc;

use nastavnik_shared::app::{AppStatus, PairView, PersonRow, Role};
use nastavnik_shared::report::SchoolOverview;
use yew::Reducible;

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// Обзор школы (curator).
    Overview,
    /// База наставников и наставляемых (curator).
    Base,
    /// Пары (curator).
    Pairs,
    /// Дорожная карта (curator).
    Roadmap,
    /// Синхронизация.
    Sync,
    /// One pair.
    Pair {
        /// Pair id.
        id: String,
        /// Tab.
        tab: PairTab,
    },
}

/// A tab of the pair screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairTab {
    /// Программа: goals, deficits, the plan.
    Programme,
    /// Журнал встреч.
    Journal,
    /// Мониторинг и итоги.
    Results,
    /// История: who changed what, when.
    History,
}

/// Everything the screens show.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The device (None until loaded).
    pub status: Option<AppStatus>,
    /// The screen.
    pub screen: Screen,
    /// The school overview, when loaded.
    pub overview: Option<SchoolOverview>,
    /// The bank, when loaded.
    pub people: Vec<PersonRow>,
    /// The open pair.
    pub pair: Option<PairView>,
    /// An error to show above the screen.
    pub error: Option<String>,
    /// Bumped on every change of a document: screens reload their data.
    pub revision: u64,
}

/// What can happen.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The device's status arrived (after start, creating a school, the demo).
    Status(AppStatus),
    /// Go to a screen.
    Go(Screen),
    /// The overview arrived.
    Overview(Box<SchoolOverview>),
    /// The bank arrived.
    People(Vec<PersonRow>),
    /// A pair arrived.
    Pair(Box<PairView>),
    /// Something failed (Russian message).
    Failed(String),
    /// The error was read.
    Dismiss,
    /// A document changed (here or synced in): reload.
    Changed,
}

impl Default for State {
    fn default() -> Self {
        State {
            status: None,
            screen: Screen::Overview,
            overview: None,
            people: Vec::new(),
            pair: None,
            error: None,
            revision: 0,
        }
    }
}

impl State {
    /// The next state.
    pub fn next(&self, action: Action) -> State {
        let mut s = self.clone();
        match action {
            Action::Status(status) => {
                // A member's device opens on their (first) pair; a curator's on the overview.
                if let Role::Member { pairs, .. } = &status.role
                    && let Some(first) = pairs.first()
                    && !matches!(s.screen, Screen::Pair { .. })
                {
                    s.screen = Screen::Pair { id: first.clone(), tab: PairTab::Programme };
                }
                s.status = Some(status);
                s.error = None;
            }
            Action::Go(screen) => {
                if !matches!((&screen, &s.screen), (Screen::Pair { id: a, .. }, Screen::Pair { id: b, .. }) if a == b)
                {
                    s.pair = None;
                }
                s.screen = screen;
                s.error = None;
            }
            Action::Overview(o) => s.overview = Some(*o),
            Action::People(p) => s.people = p,
            Action::Pair(p) => {
                if matches!(&s.screen, Screen::Pair { id, .. } if *id == p.pair_id) {
                    s.pair = Some(*p);
                }
            }
            Action::Failed(message) => s.error = Some(message),
            Action::Dismiss => s.error = None,
            Action::Changed => s.revision += 1,
        }
        s
    }

    /// The person this device belongs to (members' devices).
    pub fn person_id(&self) -> Option<&str> {
        match self.status.as_ref().map(|s| &s.role) {
            Some(Role::Member { person_id, .. }) => Some(person_id),
            _ => None,
        }
    }

    /// Whether this device is the curator's.
    pub fn is_curator(&self) -> bool {
        matches!(self.status.as_ref().map(|s| &s.role), Some(Role::Curator { .. }))
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.next(action))
    }
}

#[cfg(test)]
mod tests;
