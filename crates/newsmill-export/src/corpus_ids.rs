//! Fills the `entity_id` column of entities.csv once the corpus is known.
//!
//! Entity rows are streamed while the run goes, but their corpus id depends on names seen
//! in later articles ("Blair" joins "Tony Blair" only if no other Blair appears), so the
//! file is rewritten once at the end: read row by row, the last cell set, written to a
//! temp file renamed over the old one. Memory stays one row; the cells are copied as they
//! were written (already guarded), so nothing is guarded twice.

use std::io::{self, Write};
use std::path::Path;

use crate::atomic::AtomicFile;
use crate::csv_out::CsvOptions;
use crate::tables::corpus_entities::CorpusEntities;

pub(crate) fn fill_entity_ids(
    path: &Path,
    corpus: &CorpusEntities,
    options: &CsvOptions,
) -> io::Result<()> {
    let mut bytes = std::fs::File::open(path)?;
    let mut head = [0u8; 3];
    let n = io::Read::read(&mut bytes, &mut head)?;
    let skip_bom = n == 3 && head == [0xEF, 0xBB, 0xBF];
    let file = std::fs::File::open(path)?;
    let mut input = io::BufReader::new(file);
    if skip_bom {
        io::Read::read_exact(&mut input, &mut head)?;
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(options.delimiter as u8)
        .has_headers(false)
        .from_reader(input);
    let mut out = AtomicFile::create(path)?;
    if skip_bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(options.delimiter as u8)
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out);
    let mut columns = None;
    for record in reader.records() {
        let record = record.map_err(io::Error::other)?;
        let mut fields: Vec<String> = record.iter().map(str::to_string).collect();
        match columns {
            None => {
                let at = |name: &str| fields.iter().position(|f| f == name);
                columns = Some((at("type"), at("name"), at("entity_id")));
            }
            Some((Some(t), Some(n), Some(id))) if id < fields.len() => {
                // The name cell was written guarded; the corpus knows it unguarded.
                let name = if options.formula_guard {
                    unguard(&fields[n])
                } else {
                    &fields[n]
                };
                fields[id] = corpus.id_of(&fields[t], name);
            }
            Some(_) => {}
        }
        writer.write_record(&fields).map_err(io::Error::other)?;
    }
    let out = writer
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    out.commit().map(|_| ())
}

/// Undoes [`guard_formula`](crate::csv_out::guard_formula): a `'` before a formula
/// character was added by the guard.
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}
