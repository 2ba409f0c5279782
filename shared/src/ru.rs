//! Russian plurals and dates, as the UI and the paperwork write them.

use chrono::{Datelike, NaiveDate};

/// Picks the Russian plural form for `n`: `forms` = ["встреча", "встречи", "встреч"].
pub fn plural(n: u64, forms: [&'static str; 3]) -> &'static str {
    let (last, last_two) = (n % 10, n % 100);
    if last == 1 && last_two != 11 {
        forms[0]
    } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
        forms[1]
    } else {
        forms[2]
    }
}

/// `n` followed by the right plural form: `count(3, ["встреча", "встречи", "встреч"])` → "3 встречи".
pub fn count(n: u64, forms: [&'static str; 3]) -> String {
    format!("{n} {}", plural(n, forms))
}

const MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A date as written in Russian documents: "5 марта 2026 г.".
pub fn date_long(d: NaiveDate) -> String {
    format!("{} {} {} г.", d.day(), MONTHS_GENITIVE[d.month0() as usize], d.year())
}

/// A date as in tables: "05.03.2026".
pub fn date_short(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// A number with a decimal comma and at most `digits` decimals, trailing zeros dropped:
/// `decimal(66.666, 1)` → "66,7", `decimal(70.0, 1)` → "70".
pub fn decimal(x: f64, digits: usize) -> String {
    let mut s = format!("{x:.digits$}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if s == "-0" {
        s = "0".into();
    }
    s.replace('.', ",")
}

/// A share in percent as documents write it: "66,7%"; "нет данных" when there is nothing to measure.
pub fn percent(p: Option<f64>) -> String {
    p.map_or_else(|| "нет данных".into(), |p| format!("{}%", decimal(p, 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEETINGS: [&str; 3] = ["встреча", "встречи", "встреч"];

    #[test]
    fn plural_forms() {
        let cases = [
            (0, "встреч"),
            (1, "встреча"),
            (2, "встречи"),
            (4, "встречи"),
            (5, "встреч"),
            (11, "встреч"),
            (12, "встреч"),
            (14, "встреч"),
            (21, "встреча"),
            (22, "встречи"),
            (101, "встреча"),
            (111, "встреч"),
        ];
        for (n, want) in cases {
            assert_eq!(plural(n, MEETINGS), want, "n = {n}");
        }
        assert_eq!(count(3, MEETINGS), "3 встречи");
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).expect("valid");
        assert_eq!(date_long(d), "5 марта 2026 г.");
        assert_eq!(date_short(d), "05.03.2026");
    }

    #[test]
    fn decimals_use_a_comma() {
        assert_eq!(decimal(66.666, 1), "66,7");
        assert_eq!(decimal(70.0, 1), "70");
        assert_eq!(decimal(-0.04, 1), "0");
        assert_eq!(decimal(1.25, 2), "1,25");
        assert_eq!(percent(Some(100.0)), "100%");
        assert_eq!(percent(None), "нет данных");
    }
}
