//! `fahras extract`: documents in, one JSON line of entities per document out.
//!
//! Batch input is untrusted: a JSON line that does not parse, lacks `text`,
//! is not UTF-8 or is too large is skipped, counted and reported on stderr,
//! and every other document is still extracted. Only an unreadable file or a
//! failing output stops the run.

#![allow(clippy::print_stderr)] // warnings about skipped input go to stderr

use std::io::Write;

use anyhow::{Context, Result};
use fahras_core::extract::{DIRECTIVE_COLUMNS, Date};
use fahras_core::{Document, EntityKind, Extractor, KindSet};

use crate::Outcome;
use crate::args::{ExtractArgs, ExtractFormat, Table};
use crate::docs::{Inputs, Skips};

struct Writer<W: Write> {
    out: W,
    format: ExtractFormat,
    table: Option<Table>,
    extractor: Extractor,
    written: usize,
    /// Table rows written, for the CSV header and the JSON array.
    rows_written: usize,
}

impl<W: Write> Writer<W> {
    fn document(&mut self, id: &str, text: &str, published: Option<Date>) -> Result<()> {
        let mut doc = Document::new(text);
        doc.published = published;
        let found = self.extractor.extract(&doc);
        if let Some(Table::Directives) = self.table {
            return self.rows(&found.directive_rows(id, published));
        }
        let view = found.view(id, text);
        match self.format {
            ExtractFormat::Jsonl => {
                serde_json::to_writer(&mut self.out, &view)?;
                self.out.write_all(b"\n")?;
            }
            ExtractFormat::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer(&mut self.out, &view)?;
            }
            ExtractFormat::Csv => unreachable!("checked in run: csv needs --table"),
            ExtractFormat::Text => {
                for e in &view.entities {
                    let value = e.value.unwrap_or("");
                    let surface = e.text.replace(['\n', '\t'], " ");
                    writeln!(
                        self.out,
                        "{id}\t{}\t{}\t{}\t{surface}\t{value}",
                        e.kind, e.start, e.end
                    )?;
                }
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Write table rows: JSON objects, CSV records or tab-separated cells.
    fn rows(&mut self, rows: &[fahras_core::extract::DirectiveRow]) -> Result<()> {
        for row in rows {
            match self.format {
                ExtractFormat::Jsonl => {
                    serde_json::to_writer(&mut self.out, row)?;
                    self.out.write_all(b"\n")?;
                }
                ExtractFormat::Json => {
                    self.out.write_all(if self.rows_written == 0 {
                        b"[\n"
                    } else {
                        b",\n"
                    })?;
                    serde_json::to_writer(&mut self.out, row)?;
                }
                ExtractFormat::Csv => {
                    let mut w = csv::WriterBuilder::new()
                        .has_headers(false)
                        .from_writer(&mut self.out);
                    if self.rows_written == 0 {
                        w.write_record(DIRECTIVE_COLUMNS)?;
                    }
                    w.write_record(row.cells())?;
                    w.flush()?;
                }
                ExtractFormat::Text => {
                    let cells = row.cells().map(|c| c.replace(['\n', '\t'], " "));
                    writeln!(self.out, "{}", cells.join("\t"))?;
                }
            }
            self.rows_written += 1;
        }
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        if self.table.is_some() {
            if matches!(self.format, ExtractFormat::Json) {
                let end: &[u8] = if self.rows_written == 0 {
                    b"[]\n"
                } else {
                    b"\n]\n"
                };
                self.out.write_all(end)?;
            } else if matches!(self.format, ExtractFormat::Csv) && self.rows_written == 0 {
                let mut w = csv::Writer::from_writer(&mut self.out);
                w.write_record(DIRECTIVE_COLUMNS)?;
                w.flush()?;
            }
            self.out.flush()?;
            return Ok(());
        }
        if matches!(self.format, ExtractFormat::Json) {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(())
    }
}

pub(crate) fn run(args: &ExtractArgs) -> Result<Outcome> {
    let mut kinds = args.kinds;
    match args.table {
        None if matches!(args.format, ExtractFormat::Csv) => {
            anyhow::bail!("`--format csv` writes a table: add `--table directives`");
        }
        Some(Table::Directives) => {
            if !kinds.contains(EntityKind::Directive) {
                anyhow::bail!("`--table directives` needs DIRECTIVE among `--kinds`");
            }
            // Meetings give the rows their dates.
            kinds = kinds
                .iter()
                .chain([EntityKind::Meeting])
                .collect::<KindSet>();
        }
        None => {}
    }
    let extractor = Extractor::new(kinds);
    let missing = extractor.missing();
    if !missing.is_empty() {
        eprintln!(
            "note: no extractor for {missing} in this version yet; their entity lists are empty"
        );
    }
    let mut w = Writer {
        out: super::stdout(),
        format: args.format,
        table: args.table,
        rows_written: 0,
        extractor,
        written: 0,
    };
    let inputs = Inputs {
        files: &args.files,
        format: args.input_format,
        lossy: args.lossy,
        published: args.published,
    };
    let mut skips = Skips::default();
    inputs.for_each(&mut skips, |doc| {
        w.document(&doc.id, &doc.text, doc.published)
            .with_context(|| format!("cannot write the entities of `{}`", doc.id))
    })?;
    w.finish()?;
    if skips.count > 0 {
        eprintln!(
            "warning: {} document(s) extracted, {} input line(s) or file(s) skipped",
            w.written, skips.count
        );
    }
    Ok(if w.written > 0 {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}
