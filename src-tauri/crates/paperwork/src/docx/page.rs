//! A Word document laid out as Russian school paperwork: A4, Times New Roman 12 pt,
//! margins of 3 cm on the left and 1.5–2 cm elsewhere, bold centred titles, tables with thin
//! borders and a bold header row. Every generator in [`super`] writes through [`Page`].

use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, PageOrientationType, Paragraph, Run, RunFonts, Table,
    TableCell, TableRow, WidthType,
};

use crate::PaperworkError;

/// Twips in a centimetre (1 cm = 567 twips).
const CM: i32 = 567;
/// Body text size in half-points (12 pt).
const BODY: usize = 24;
/// Table text size in half-points (10 pt).
const SMALL: usize = 20;

/// Portrait or landscape A4.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// For orders and reports.
    Portrait,
    /// For wide tables (a plan, a journal).
    Landscape,
}

/// A document being written, top to bottom.
pub struct Page {
    docx: Docx,
    /// Usable width in twips, for table columns.
    width: i32,
}

impl Page {
    /// An empty A4 document.
    pub fn new(orientation: Orientation) -> Page {
        let (w, h) = (11906, 16838);
        let margin = PageMargin {
            top: 2 * CM,
            left: 3 * CM,
            bottom: 2 * CM,
            right: 3 * CM / 2,
            header: CM,
            footer: CM,
            gutter: 0,
        };
        let fonts = RunFonts::new().ascii("Times New Roman").hi_ansi("Times New Roman").cs("Times New Roman");
        let docx = Docx::new().default_fonts(fonts).default_size(BODY).page_margin(margin.clone());
        let (docx, page_w) = match orientation {
            Orientation::Portrait => (docx.page_size(w, h), w as i32),
            Orientation::Landscape => {
                (docx.page_size(h, w).page_orient(PageOrientationType::Landscape), h as i32)
            }
        };
        Page { docx, width: page_w - margin.left - margin.right }
    }

    fn push(&mut self, p: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(p);
    }

    /// A bold centred title line.
    pub fn title(&mut self, text: &str) {
        self.push(
            spaced(Paragraph::new().add_run(Run::new().add_text(text).bold().size(28)))
                .align(AlignmentType::Center),
        );
    }

    /// A centred line in the body size.
    pub fn centred(&mut self, text: &str) {
        self.push(spaced(Paragraph::new().add_run(Run::new().add_text(text))).align(AlignmentType::Center));
    }

    /// A bold section heading.
    pub fn heading(&mut self, text: &str) {
        self.push(
            Paragraph::new()
                .add_run(Run::new().add_text(text).bold())
                .keep_next(true)
                .line_spacing(LineSpacing::new().before(240).after(120)),
        );
    }

    /// The heading of an appendix: on a new page, right-aligned, as orders lay them out.
    pub fn appendix(&mut self, text: &str) {
        self.push(
            spaced(Paragraph::new().add_run(Run::new().add_text(text)))
                .align(AlignmentType::Right)
                .page_break_before(true),
        );
    }

    /// A justified paragraph of body text.
    pub fn text(&mut self, text: &str) {
        self.push(spaced(Paragraph::new().add_run(Run::new().add_text(text))).align(AlignmentType::Both));
    }

    /// "Label: value" with the label in bold.
    pub fn field(&mut self, label: &str, value: &str) {
        let value = if value.trim().is_empty() { "—" } else { value };
        self.push(spaced(
            Paragraph::new()
                .add_run(Run::new().add_text(format!("{label}: ")).bold())
                .add_run(Run::new().add_text(value)),
        ));
    }

    /// A bulleted list ("—" as schools type it); "нет" when empty.
    pub fn list<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) {
        let mut any = false;
        for item in items {
            any = true;
            self.push(spaced(Paragraph::new().add_run(Run::new().add_text(format!("— {item}")))).indent(
                Some(CM / 2),
                None,
                None,
                None,
            ));
        }
        if !any {
            self.text("не указаны");
        }
    }

    /// A table: a bold header row, then rows of text; `widths` are relative column weights.
    pub fn table(&mut self, headers: &[&str], widths: &[u32], rows: impl IntoIterator<Item = Vec<String>>) {
        let total: u32 = widths.iter().sum::<u32>().max(1);
        let grid: Vec<usize> = widths.iter().map(|w| (self.width as u32 * w / total) as usize).collect();
        let cell = |text: &str, width: usize, bold: bool| {
            let mut run = Run::new().size(SMALL);
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    run = run.add_break(docx_rs::BreakType::TextWrapping);
                }
                run = run.add_text(line);
            }
            if bold {
                run = run.bold();
            }
            TableCell::new().width(width, WidthType::Dxa).add_paragraph(Paragraph::new().add_run(run))
        };
        let header =
            TableRow::new(headers.iter().zip(&grid).map(|(h, w)| cell(h, *w, true)).collect()).cant_split();
        let mut table_rows = vec![header];
        for row in rows {
            table_rows.push(TableRow::new(row.iter().zip(&grid).map(|(t, w)| cell(t, *w, false)).collect()));
        }
        let table = Table::new(table_rows).set_grid(grid).width(self.width as usize, WidthType::Dxa);
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(table);
        self.push(Paragraph::new());
    }

    /// A signature line: position on the left, a blank and the name on the right.
    pub fn signature(&mut self, position: &str, name: &str) {
        self.push(Paragraph::new().line_spacing(LineSpacing::new().before(480)).add_run(
            Run::new().add_text(format!(
                "{position}    _______________    {}",
                if name.is_empty() { "" } else { name }
            )),
        ));
    }

    /// The finished `.docx` file.
    pub fn finish(self) -> Result<Vec<u8>, PaperworkError> {
        let mut out = std::io::Cursor::new(Vec::new());
        self.docx.pack(&mut out).map_err(fail)?;
        deflate(&out.into_inner())
    }
}

fn fail(e: impl std::fmt::Display) -> PaperworkError {
    PaperworkError(e.to_string())
}

/// docx-rs stores its parts uncompressed (an order with 2,500 pairs: 3.2 MB); the same parts
/// deflated, in the same order, are a tenth of that.
fn deflate(stored: &[u8]) -> Result<Vec<u8>, PaperworkError> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(stored)).map_err(fail)?;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut buf = Vec::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).map_err(fail)?;
        buf.clear();
        part.read_to_end(&mut buf).map_err(fail)?;
        let name = part.name().map_err(fail)?.into_owned();
        writer.start_file(name, options).map_err(fail)?;
        writer.write_all(&buf).map_err(fail)?;
    }
    Ok(writer.finish().map_err(fail)?.into_inner())
}

fn spaced(p: Paragraph) -> Paragraph {
    p.line_spacing(LineSpacing::new().after(80))
}
