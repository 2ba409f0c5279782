//! The `.docx` documents: the order fixing the pairs, a pair's programme and meeting journal,
//! the curator's final analytical report, a participant's record for their аттестация, a pair's
//! history of changes. Each is a function from the model to bytes, laid out through
//! [`page::Page`] (A4, Times New Roman, bordered tables with a header row).

mod history;
mod order;
mod page;
mod programme;
mod record;
mod report;

pub use history::history;
pub use order::order;
pub use programme::{journal, programme};
pub use record::record;
pub use report::final_report;
