//! A table laid out the way schools keep them: a bold wrapped header row, frozen, with a
//! filter, sensible column widths, one row per record.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};

use crate::PaperworkError;

/// A cell value.
pub enum Cell {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// Nothing.
    Empty,
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

/// One worksheet to write: name, title line, columns (header, width) and rows.
pub struct Sheet<'a> {
    /// Worksheet name (≤ 31 characters).
    pub name: &'a str,
    /// A title above the table.
    pub title: String,
    /// Column headers with widths in characters.
    pub columns: &'a [(&'a str, f64)],
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

fn fail(e: impl std::fmt::Display) -> PaperworkError {
    PaperworkError(e.to_string())
}

/// Writes the sheets into one workbook and returns its bytes.
pub fn workbook(sheets: Vec<Sheet<'_>>) -> Result<Vec<u8>, PaperworkError> {
    let mut book = Workbook::new();
    let title = Format::new().set_bold().set_font_size(13);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin);
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name).map_err(fail)?;
        ws.write_string_with_format(0, 0, &sheet.title, &title).map_err(fail)?;
        for (c, (head, width)) in sheet.columns.iter().enumerate() {
            let c = c as u16;
            ws.set_column_width(c, *width).map_err(fail)?;
            ws.write_string_with_format(2, c, *head, &header).map_err(fail)?;
        }
        let widths: Vec<f64> = sheet.columns.iter().map(|(_, w)| *w).collect();
        let headers: Vec<Cell> = sheet.columns.iter().map(|(h, _)| Cell::from(*h)).collect();
        ws.set_row_height(2, row_height(&headers, &widths)).map_err(fail)?;
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = 3 + r as u32;
            ws.set_row_height(r, row_height(row, &widths)).map_err(fail)?;
            for (c, value) in row.iter().enumerate() {
                let c = c as u16;
                match value {
                    Cell::Text(t) => ws.write_string_with_format(r, c, t, &cell),
                    Cell::Number(n) => ws.write_number_with_format(r, c, *n, &cell),
                    Cell::Empty => ws.write_blank(r, c, &cell),
                }
                .map_err(fail)?;
            }
        }
        ws.set_freeze_panes(3, 0).map_err(fail)?;
        // Printed: A4 landscape, one page wide, the header row on every page.
        ws.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(2, 2).map_err(fail)?;
        let last_col = sheet.columns.len().saturating_sub(1) as u16;
        ws.autofilter(2, 0, 2 + sheet.rows.len() as u32, last_col).map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}

/// A row's height in points: spreadsheets don't grow rows for wrapped text by themselves
/// (LibreOffice's PDF export printed the lines on top of each other), so it is estimated from
/// the longest cell — a character is about one unit of column width, a line 15 points.
fn row_height(row: &[Cell], widths: &[f64]) -> f64 {
    let lines = row
        .iter()
        .zip(widths)
        .map(|(cell, width)| match cell {
            Cell::Text(t) => t
                .split('\n')
                .map(|line| (line.chars().count() as f64 / (width - 1.0).max(1.0)).ceil().max(1.0))
                .sum::<f64>(),
            _ => 1.0,
        })
        .fold(1.0, f64::max);
    15.0 * lines
}
