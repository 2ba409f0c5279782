//! A spreadsheet as rows of text: the first sheet of an `.xlsx`, or a `.csv` as Excel writes
//! it in Russia (`;` between fields, Windows-1251 unless it is UTF-8, perhaps with a BOM).

use std::io::Cursor;

use calamine::{Data, DataType, Reader, open_workbook_auto_from_rs};

use crate::PaperworkError;

/// Rows of cell texts, dates as `dd.mm.yyyy`, whole numbers without a fraction.
pub type Rows = Vec<Vec<String>>;

/// At most this many rows are read (a municipality's bank is a few thousand people).
pub const MAX_ROWS: usize = 20_000;

/// Reads `bytes` by the file's extension: `.xlsx`/`.xls`/`.ods` or `.csv`/`.txt`.
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Rows, PaperworkError> {
    let lower = file_name.to_lowercase();
    let rows = if [".csv", ".txt"].iter().any(|e| lower.ends_with(e)) {
        csv_rows(&decode(bytes))?
    } else if [".xlsx", ".xlsm", ".xls", ".ods"].iter().any(|e| lower.ends_with(e)) {
        sheet_rows(bytes)?
    } else {
        return Err(PaperworkError(format!(
            "«{file_name}»: поддерживаются таблицы .xlsx, .xls, .ods и .csv"
        )));
    };
    if rows.len() > MAX_ROWS {
        return Err(PaperworkError(format!("в таблице больше {MAX_ROWS} строк: разделите её на части")));
    }
    Ok(rows)
}

fn sheet_rows(bytes: &[u8]) -> Result<Rows, PaperworkError> {
    let unreadable = |e: &dyn std::fmt::Display| {
        PaperworkError(format!("не удалось прочитать таблицу: файл повреждён или это не таблица Excel ({e})"))
    };
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| PaperworkError("в файле нет ни одного листа".into()))?
        .map_err(|e| unreadable(&e))?;
    Ok(range.rows().map(|row| row.iter().map(cell_text).collect()).collect())
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(_) | Data::DateTimeIso(_) => {
            cell.as_date().map_or_else(|| cell.to_string(), |d| d.format("%d.%m.%Y").to_string())
        }
        other => other.to_string().trim().to_string(),
    }
}

/// UTF-8 (with or without a BOM), else Windows-1251 — what Russian Excel saves as «CSV».
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| cp1251(b)).collect(),
    }
}

/// Windows-1251: ASCII below 0x80, Cyrillic А–я from 0xC0, the rest from this table.
fn cp1251(b: u8) -> char {
    const HIGH: [char; 64] = [
        'Ђ', 'Ѓ', '‚', 'ѓ', '„', '…', '†', '‡', '€', '‰', 'Љ', '‹', 'Њ', 'Ќ', 'Ћ', 'Џ', //
        'ђ', '‘', '’', '“', '”', '•', '–', '—', '\u{FFFD}', '™', 'љ', '›', 'њ', 'ќ', 'ћ', 'џ', //
        '\u{A0}', 'Ў', 'ў', 'Ј', '¤', 'Ґ', '¦', '§', 'Ё', '©', 'Є', '«', '¬', '\u{AD}', '®', 'Ї', //
        '°', '±', 'І', 'і', 'ґ', 'µ', '¶', '·', 'ё', '№', 'є', '»', 'ј', 'Ѕ', 'ѕ', 'ї',
    ];
    match b {
        0..=0x7F => char::from(b),
        0x80..=0xBF => HIGH[usize::from(b - 0x80)],
        _ => char::from_u32(0x0410 + u32::from(b - 0xC0)).unwrap_or('\u{FFFD}'),
    }
}

/// Splits CSV text; the delimiter is whichever of `;`, `,`, tab is most common in the first line.
fn csv_rows(text: &str) -> Result<Rows, PaperworkError> {
    let first = text.lines().next().unwrap_or_default();
    let delimiter = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b';');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .enumerate()
        .map(|(i, r)| {
            r.map(|rec| rec.iter().map(|c| c.trim().to_string()).collect())
                .map_err(|e| PaperworkError(format!("строка {}: не удалось разобрать CSV ({e})", i + 1)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1251_and_semicolons() {
        // «ФИО;Год рождения» / «Ёлкина Юлия;2009» in Windows-1251.
        let mut bytes = vec![0xD4, 0xC8, 0xCE, b';'];
        bytes.extend(b"\xC3\xEE\xE4 \xF0\xEE\xE6\xE4\xE5\xED\xE8\xFF\r\n");
        bytes.extend(b"\xA8\xEB\xEA\xE8\xED\xE0 \xDE\xEB\xE8\xFF;2009\r\n");
        let rows = read("база.CSV", &bytes).unwrap();
        assert_eq!(rows, [["ФИО", "Год рождения"], ["Ёлкина Юлия", "2009"]]);
    }

    #[test]
    fn utf8_with_a_bom_and_quoted_commas() {
        let rows =
            read("b.csv", "\u{FEFF}ФИО,Компетенции\n\"Иванова И. И.\",\"ИКТ, ОГЭ\"\n".as_bytes()).unwrap();
        assert_eq!(rows[1], ["Иванова И. И.", "ИКТ, ОГЭ"]);
    }

    #[test]
    fn not_a_table_is_a_clear_error() {
        assert!(read("база.docx", b"PK").unwrap_err().0.contains(".xlsx"));
        assert!(read("база.xlsx", b"garbage").unwrap_err().0.contains("не удалось прочитать таблицу"));
    }
}
