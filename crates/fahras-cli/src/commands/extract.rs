//! `fahras extract`: documents in, one JSON line of entities per document out.
//!
//! Batch input is untrusted: a JSON line that does not parse, lacks `text`,
//! is not UTF-8 or is too large is skipped, counted and reported on stderr,
//! and every other document is still extracted. Only an unreadable file or a
//! failing output stops the run.

#![allow(clippy::print_stderr)] // warnings about skipped input go to stderr

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use fahras_core::extract::{DIRECTIVE_COLUMNS, Date};
use fahras_core::{Document, EntityKind, Extractor, KindSet};
use serde::Deserialize;

use crate::Outcome;
use crate::args::{ExtractArgs, ExtractFormat, InputFormat, Table};
use crate::input::{Source, is_gzip};

/// At most this many skipped lines are described one by one.
const MAX_WARNINGS: usize = 20;

/// One line of JSON Lines input.
#[derive(Deserialize)]
struct InputDoc {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    published: Option<String>,
}

/// The input format of `path` when none is given: by extension.
fn detect(path: Option<&Path>) -> InputFormat {
    let Some(p) = path else {
        return InputFormat::Text;
    };
    let p = if is_gzip(p) {
        p.with_extension("")
    } else {
        p.to_path_buf()
    };
    match p.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson") => {
            InputFormat::Jsonl
        }
        _ => InputFormat::Text,
    }
}

/// `2020-12-08`, or a timestamp starting with one (`2020-12-08T10:00:00Z`).
fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    s.get(..10).unwrap_or(s).parse().ok()
}

struct Writer<W: Write> {
    out: W,
    format: ExtractFormat,
    table: Option<Table>,
    extractor: Extractor,
    written: usize,
    /// Table rows written, for the CSV header and the JSON array.
    rows_written: usize,
    skipped: usize,
    warned: usize,
}

impl<W: Write> Writer<W> {
    fn skip(&mut self, what: std::fmt::Arguments<'_>) {
        self.skipped += 1;
        if self.warned < MAX_WARNINGS {
            eprintln!("warning: skipped {what}");
            self.warned += 1;
        }
    }

    fn document(&mut self, id: &str, text: &str, published: Option<Date>) -> Result<()> {
        if let Err(e) = fahras_core::check_len(text) {
            self.skip(format_args!("`{id}`: {e}"));
            return Ok(());
        }
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
        skipped: 0,
        warned: 0,
    };
    let stdin = [PathBuf::from("-")];
    let files = if args.files.is_empty() {
        &stdin[..]
    } else {
        &args.files[..]
    };
    for path in files {
        let path = (path != Path::new("-")).then_some(path.as_path());
        let format = args.input_format.unwrap_or_else(|| detect(path));
        let mut src = Source::open_path(path, args.lossy)?;
        match format {
            InputFormat::Text => text_file(&mut w, &mut src)?,
            InputFormat::Jsonl => jsonl_file(&mut w, &mut src, args.published)?,
        }
    }
    w.finish()?;
    if w.skipped > 0 {
        eprintln!(
            "warning: {} document(s) extracted, {} input line(s) or file(s) skipped",
            w.written, w.skipped
        );
    }
    Ok(if w.written > 0 {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}

/// A text file is one document, its id the file name as given.
fn text_file<W: Write>(w: &mut Writer<W>, src: &mut Source) -> Result<()> {
    let name = src.name.clone();
    let mut bytes = Vec::new();
    src.read_to_end(&mut bytes)?;
    match src.decode_at(bytes, 0) {
        Ok(text) => w.document(&name, &text, None),
        Err(e) => {
            w.skip(format_args!("{e:#}"));
            Ok(())
        }
    }
}

fn jsonl_file<W: Write>(w: &mut Writer<W>, src: &mut Source, default: Option<Date>) -> Result<()> {
    let mut buf = Vec::new();
    let mut n = 0usize;
    while let Some(offset) = src.next_raw_line(&mut buf)? {
        n += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let name = src.name.clone();
        let line = match src.decode_at(std::mem::take(&mut buf), offset) {
            Ok(line) => line,
            Err(e) => {
                w.skip(format_args!("line {n} of `{name}`: {e:#}"));
                continue;
            }
        };
        let doc: InputDoc = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => {
                w.skip(format_args!("line {n} of `{name}`: {e}"));
                continue;
            }
        };
        let id = match doc.id {
            Some(serde_json::Value::String(s)) => s,
            Some(v) if !v.is_null() => v.to_string(),
            _ => format!("{name}:{n}"),
        };
        let published = match doc.published.as_deref().map(str::trim) {
            None | Some("") => default,
            Some(s) => parse_published(s).or_else(|| {
                eprintln!(
                    "warning: line {n} of `{name}`: `published` {s:?} is not a YYYY-MM-DD date; relative dates stay unresolved"
                );
                default
            }),
        };
        w.document(&id, &doc.text, published)
            .with_context(|| format!("cannot write the entities of `{id}`"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_extensions() {
        let f = |p: &str| detect(Some(Path::new(p)));
        assert_eq!(f("feed.jsonl"), InputFormat::Jsonl);
        assert_eq!(f("feed.JSONL.gz"), InputFormat::Jsonl);
        assert_eq!(f("feed.ndjson"), InputFormat::Jsonl);
        assert_eq!(f("article.txt"), InputFormat::Text);
        assert_eq!(f("article.txt.gz"), InputFormat::Text);
        assert_eq!(detect(None), InputFormat::Text);
    }

    #[test]
    fn published_accepts_dates_and_timestamps() {
        let d: Date = "2020-12-08".parse().unwrap();
        assert_eq!(parse_published("2020-12-08"), Some(d));
        assert_eq!(parse_published("2020-12-08T10:00:00+03:00"), Some(d));
        assert_eq!(parse_published("8/12/2020"), None);
        assert_eq!(parse_published("٢٠٢٠"), None);
    }
}
