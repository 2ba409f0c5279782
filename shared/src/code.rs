//! Stable string codes of stored values.
//!
//! Documents and IPC messages store a value by its code (`"in_progress"`, `"2026-09-01"`), so a
//! label can be reworded without touching any saved document.

use chrono::{DateTime, NaiveDate, Utc};

/// A value with a stable textual code.
pub trait Code: Sized {
    /// The code under which the value is stored.
    fn code(&self) -> String;
    /// Parses a stored code; `None` when the code is unknown.
    fn from_code(code: &str) -> Option<Self>;
}

impl Code for NaiveDate {
    fn code(&self) -> String {
        self.format("%Y-%m-%d").to_string()
    }
    fn from_code(code: &str) -> Option<Self> {
        NaiveDate::parse_from_str(code, "%Y-%m-%d").ok()
    }
}

impl Code for DateTime<Utc> {
    fn code(&self) -> String {
        self.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    }
    fn from_code(code: &str) -> Option<Self> {
        DateTime::parse_from_rfc3339(code).ok().map(|t| t.with_timezone(&Utc))
    }
}

/// Declares a closed vocabulary: an enum whose variants each have a stable code and a Russian label.
#[macro_export]
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal => $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[doc = $label] #[serde(rename = $code)] $variant),+
        }

        impl $name {
            /// Every value, in the order the UI lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The Russian label shown to users.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The stable code stored in documents.
            pub fn as_code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }

        impl $crate::code::Code for $name {
            fn code(&self) -> String {
                self.as_code().to_string()
            }
            fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_reject_garbage() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 28).expect("valid");
        assert_eq!(NaiveDate::from_code(&d.code()), Some(d));
        assert_eq!(NaiveDate::from_code("2026-02-30"), None);
        assert_eq!(NaiveDate::from_code("28.02.2026"), None);
        let t = DateTime::<Utc>::from_timestamp(1_790_000_000, 5_000_000).expect("valid");
        assert_eq!(DateTime::<Utc>::from_code(&t.code()), Some(t));
    }
}
