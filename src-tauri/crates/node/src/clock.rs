//! The one clock of a process. Every time the node writes or judges — a change's timestamp, an
//! invite's expiry and its check, a signed access entry, the last sync with a device — comes from
//! the [`Clock`] the process was started with, never from `Utc::now()` beside it.
//!
//! `--today D` (tests, demos, "what will be overdue on D") starts the clock at noon of `D` and
//! lets it run from there at the real pace, so a process never mixes the day it was told with
//! the day on the wall: an invite made "on D" expires 72 hours after D, judged by the same clock.
//!
//! ```
//! use chrono::NaiveDate;
//! use nastavnik_node::clock::Clock;
//!
//! let day = NaiveDate::from_ymd_opt(1999, 1, 31).unwrap();
//! let clock = Clock::starting_on(day);
//! assert_eq!(clock.today(), day);
//! assert!(clock.now() >= day.and_hms_opt(12, 0, 0).unwrap().and_utc());
//! ```

use std::time::Instant;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

/// Where this process's time comes from. Copies read the same time.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    /// The time the clock showed at `started`, when it was not the wall clock.
    origin: Option<DateTime<Utc>>,
    started: Instant,
}

impl Clock {
    /// The wall clock.
    pub fn system() -> Clock {
        Clock { origin: None, started: Instant::now() }
    }

    /// A clock that reads noon of `day` now and runs on from there.
    pub fn starting_on(day: NaiveDate) -> Clock {
        let noon = day.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
        Clock { origin: Some(noon), started: Instant::now() }
    }

    /// `starting_on(day)` when a day is given, else the wall clock.
    pub fn from_today(day: Option<NaiveDate>) -> Clock {
        day.map_or_else(Clock::system, Clock::starting_on)
    }

    /// Now.
    pub fn now(&self) -> DateTime<Utc> {
        match self.origin {
            None => Utc::now(),
            Some(origin) => {
                let elapsed = TimeDelta::from_std(self.started.elapsed()).unwrap_or(TimeDelta::zero());
                origin + elapsed
            }
        }
    }

    /// Today (UTC).
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_clock_runs_on_from_its_day_and_copies_agree() {
        let day = NaiveDate::from_ymd_opt(2100, 6, 1).unwrap();
        let clock = Clock::starting_on(day);
        let copy = clock;
        let (a, b) = (clock.now(), copy.now());
        assert!(b >= a && b - a < TimeDelta::seconds(5));
        assert_eq!(clock.today(), day);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(clock.now() - a >= TimeDelta::milliseconds(20));
    }

    #[test]
    fn the_system_clock_is_the_wall_clock() {
        let (before, read, after) = (Utc::now(), Clock::system().now(), Utc::now());
        assert!(before <= read && read <= after);
        let (before, read, after) = (Utc::now(), Clock::from_today(None).now(), Utc::now());
        assert!(before <= read && read <= after, "no day given: the wall clock");
    }
}
