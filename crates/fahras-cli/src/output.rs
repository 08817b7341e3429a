//! Where `fahras extract` writes: standard output, or a file written
//! atomically (`NAME.partial`, renamed to `NAME` when the run ends well), as
//! JSON Lines, one JSON array, tab-separated text, CSV or Parquet.
//!
//! A run that dies leaves `NAME` as it was and its rows so far in
//! `NAME.partial`; `--resume` keeps the rows of both (but the last document
//! of the partial file, which may be incomplete) and extracts only the
//! documents not among them.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use fahras_core::Extraction;
use fahras_core::extract::{Cell, Column, ColumnType, Date, Row, Table, TableDoc};
use parquet::basic::{Compression, ConvertedType, Repetition, Type as Physical};
use parquet::data_type::{ByteArray, ByteArrayType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::reader::FileReader;
use parquet::file::serialized_reader::SerializedFileReader;
use parquet::file::writer::SerializedFileWriter;
use parquet::record::Field;
use parquet::schema::types::Type;
use serde::Serialize;

use crate::args::ExtractFormat;

/// A file written under a temporary name and renamed when complete, so a
/// reader never sees half of it.
pub(crate) struct AtomicFile {
    path: PathBuf,
    partial: PathBuf,
    out: BufWriter<File>,
    /// Bytes written so far, and how many of them the disk was asked to
    /// take early ([`WRITEBACK`]).
    written: u64,
    handed: u64,
    /// A write failed; `commit` reports it instead of renaming.
    pub failed: bool,
}

/// Every this many bytes, the kernel is asked to start writing the output
/// to disk. Left to itself it writes nothing until the final sync, and a
/// run then waits for all of it at its end: 40 ms for the 62 MB that the
/// shared news give, which is serial time no number of threads shortens.
const WRITEBACK: u64 = 8 << 20;

impl AtomicFile {
    /// The name a file is written under until it is complete.
    pub fn partial_path(path: &Path) -> PathBuf {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".partial");
        path.with_file_name(name)
    }

    pub fn create(path: &Path) -> io::Result<Self> {
        let partial = Self::partial_path(path);
        let out = BufWriter::with_capacity(1 << 16, File::create(&partial)?);
        Ok(Self {
            path: path.to_path_buf(),
            partial,
            out,
            written: 0,
            handed: 0,
            failed: false,
        })
    }

    /// Start writing what is written so far to disk, without waiting for
    /// it. `POSIX_FADV_DONTNEED` does that for a file's dirty pages on
    /// Linux (and drops the clean ones, which a writer never reads again);
    /// it is only advice, so an error is no reason to stop: `commit`'s
    /// sync reports any real one.
    fn write_back(&mut self) -> io::Result<()> {
        self.out.flush()?;
        #[cfg(target_os = "linux")]
        {
            let len = std::num::NonZeroU64::new(self.written - self.handed);
            let advice = rustix::fs::Advice::DontNeed;
            rustix::fs::fadvise(self.out.get_ref(), self.handed, len, advice).ok();
        }
        self.handed = self.written;
        Ok(())
    }

    /// Flush, sync and rename into place.
    pub fn commit(self) -> io::Result<()> {
        if self.failed {
            return Err(io::Error::other(format!(
                "a write to `{}` failed",
                self.partial.display()
            )));
        }
        let file = self
            .out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        std::fs::rename(&self.partial, &self.path)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.written += n as u64;
        if self.written - self.handed >= WRITEBACK {
            self.write_back()?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// What one document becomes, made on a worker thread.
#[derive(Debug)]
pub(crate) enum Rendered {
    /// Serialized output; `items` JSON values, lines or records in it.
    Bytes { bytes: Vec<u8>, items: usize },
    /// Table rows, for Parquet.
    Rows(Vec<Vec<Cell>>),
}

/// A document as the output shows it.
pub(crate) struct DocInfo<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub published: Option<Date>,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub source: Option<&'a str>,
}

/// One line of entity output with `--with-text`.
#[derive(Serialize)]
struct WithText<'a> {
    #[serde(flatten)]
    view: fahras_core::extract::ExtractionView<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    text: &'a str,
}

/// What the output looks like.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shape {
    pub format: ExtractFormat,
    pub table: Option<Table>,
    pub with_text: bool,
}

impl Shape {
    /// Serialize one document's results (on a worker thread).
    pub fn render(self, doc: &DocInfo<'_>, found: &Extraction) -> Result<Rendered> {
        let mut bytes = Vec::new();
        let mut items = 0;
        let Some(table) = self.table else {
            let view = found.view(doc.id, doc.text);
            match self.format {
                ExtractFormat::Jsonl | ExtractFormat::Json => {
                    if self.with_text {
                        let line = WithText {
                            view,
                            title: doc.title,
                            published: doc.published.map(|d| d.to_string()),
                            url: doc.url,
                            source: doc.source,
                            text: doc.text,
                        };
                        serde_json::to_writer(&mut bytes, &line)?;
                    } else {
                        serde_json::to_writer(&mut bytes, &view)?;
                    }
                    if matches!(self.format, ExtractFormat::Jsonl) {
                        bytes.push(b'\n');
                    }
                    items = 1;
                }
                ExtractFormat::Text => {
                    for e in &view.entities {
                        let value = e.value.unwrap_or("");
                        let surface = e.text.replace(['\n', '\t'], " ");
                        writeln!(
                            bytes,
                            "{}\t{}\t{}\t{}\t{surface}\t{value}",
                            doc.id, e.kind, e.start, e.end
                        )?;
                        items += 1;
                    }
                }
                ExtractFormat::Csv | ExtractFormat::Parquet => {
                    unreachable!("csv and parquet always have a table")
                }
            }
            return Ok(Rendered::Bytes { bytes, items });
        };
        let rows = table.rows(
            found,
            TableDoc {
                id: doc.id,
                text: doc.text,
                published: doc.published,
            },
        );
        let columns = table.columns();
        match self.format {
            ExtractFormat::Parquet => return Ok(Rendered::Rows(rows)),
            ExtractFormat::Jsonl => {
                for cells in &rows {
                    serde_json::to_writer(&mut bytes, &Row { columns, cells })?;
                    bytes.push(b'\n');
                }
            }
            ExtractFormat::Json => {
                for (i, cells) in rows.iter().enumerate() {
                    if i > 0 {
                        bytes.extend_from_slice(b",\n");
                    }
                    serde_json::to_writer(&mut bytes, &Row { columns, cells })?;
                }
            }
            ExtractFormat::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut bytes);
                for cells in &rows {
                    w.write_record(cells.iter().map(Cell::to_csv))?;
                }
                w.flush()?;
            }
            ExtractFormat::Text => {
                for cells in &rows {
                    let line: Vec<String> = cells
                        .iter()
                        .map(|c| c.to_csv().replace(['\n', '\t'], " "))
                        .collect();
                    writeln!(bytes, "{}", line.join("\t"))?;
                }
            }
        }
        items = rows.len();
        Ok(Rendered::Bytes { bytes, items })
    }

    fn header(self) -> Option<Vec<u8>> {
        let table = self.table?;
        matches!(self.format, ExtractFormat::Csv).then(|| {
            let mut w = csv::Writer::from_writer(Vec::new());
            // Writing to a Vec cannot fail.
            let _ = w.write_record(table.columns().iter().map(|c| c.name));
            w.into_inner().unwrap_or_default()
        })
    }
}

enum Dest {
    Stdout(BufWriter<io::Stdout>),
    File(AtomicFile),
}

impl Write for Dest {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Dest::Stdout(w) => w.write(buf),
            Dest::File(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Dest::Stdout(w) => w.flush(),
            Dest::File(w) => w.flush(),
        }
    }
}

/// The output of one run.
pub(crate) struct Output {
    shape: Shape,
    dest: Option<Dest>,
    parquet: Option<ParquetSink>,
    items: usize,
    /// Documents written (resumed ones included).
    pub docs: usize,
    /// What `--resume` found already done.
    pub resumed: usize,
}

impl Output {
    /// Open the output: `path`, or standard output. With `resume`, the ids
    /// already in `path` (and its `.partial`) are returned, and their rows
    /// are carried into the new file.
    pub fn open(
        shape: Shape,
        path: Option<&Path>,
        resume: bool,
    ) -> Result<(Self, HashSet<String>)> {
        let mut done = HashSet::new();
        let Some(path) = path else {
            if resume {
                bail!("`--resume` needs `--output FILE`: the ids already done are read from it");
            }
            if matches!(shape.format, ExtractFormat::Parquet) {
                bail!("`--format parquet` needs `--output FILE`");
            }
            let mut out = Self::new(
                shape,
                Some(Dest::Stdout(BufWriter::with_capacity(
                    1 << 16,
                    io::stdout(),
                ))),
                None,
            );
            out.start()?;
            return Ok((out, done));
        };
        if resume && matches!(shape.format, ExtractFormat::Json | ExtractFormat::Text) {
            bail!("`--resume` works with `--format jsonl`, `csv` or `parquet`");
        }
        let partial = AtomicFile::partial_path(path);
        // The partial file of a run that died is read after the new one is opened.
        let old = if resume && partial.exists() {
            let old = partial.with_extension("partial.old");
            std::fs::rename(&partial, &old)
                .with_context(|| format!("cannot move `{}` aside", partial.display()))?;
            Some(old)
        } else {
            None
        };
        let file = AtomicFile::create(path)
            .with_context(|| format!("cannot write `{}`", partial.display()))?;
        let mut out = if matches!(shape.format, ExtractFormat::Parquet) {
            let table = shape.table.unwrap_or(Table::Entities);
            Self::new(shape, None, Some(ParquetSink::new(file, table)?))
        } else {
            Self::new(shape, Some(Dest::File(file)), None)
        };
        out.start()?;
        if resume {
            if path.exists() {
                out.carry(path, &mut done, false)
                    .with_context(|| format!("cannot resume from `{}`", path.display()))?;
            }
            if let Some(old) = old {
                out.carry(&old, &mut done, true)
                    .with_context(|| format!("cannot resume from `{}`", old.display()))?;
                std::fs::remove_file(&old).ok();
            }
            out.resumed = done.len();
        }
        Ok((out, done))
    }

    fn new(shape: Shape, dest: Option<Dest>, parquet: Option<ParquetSink>) -> Self {
        Self {
            shape,
            dest,
            parquet,
            items: 0,
            docs: 0,
            resumed: 0,
        }
    }

    fn start(&mut self) -> Result<()> {
        if let (Some(h), Some(d)) = (self.shape.header(), self.dest.as_mut()) {
            d.write_all(&h)?;
        }
        if let (ExtractFormat::Json, Some(d)) = (self.shape.format, self.dest.as_mut()) {
            d.write_all(b"[")?;
        }
        Ok(())
    }

    /// Copy the records of an earlier output into this one, noting their ids.
    /// From a partial file, the last document's records are left out: it
    /// may have been cut.
    fn carry(&mut self, from: &Path, done: &mut HashSet<String>, partial: bool) -> Result<()> {
        let before: HashSet<String> = done.clone();
        let mut pending: Vec<Record> = Vec::new();
        let mut pending_id: Option<String> = None;
        let flush = |out: &mut Self, recs: &mut Vec<Record>| -> Result<()> {
            for r in recs.drain(..) {
                out.write_record(r)?;
            }
            Ok(())
        };
        let mut each = |out: &mut Self, id: String, rec: Record| -> Result<()> {
            if before.contains(&id) {
                return Ok(());
            }
            if pending_id.as_deref() != Some(id.as_str()) {
                flush(out, &mut pending)?;
                pending_id = Some(id.clone());
            }
            done.insert(id);
            pending.push(rec);
            Ok(())
        };
        records(self.shape, from, partial, &mut |id, rec| {
            each(self, id, rec)
        })?;
        if !partial {
            flush(self, &mut pending)?;
        } else if let Some(id) = pending_id {
            done.remove(&id);
        }
        Ok(())
    }

    fn write_record(&mut self, r: Record) -> Result<()> {
        match (r, self.dest.as_mut(), self.parquet.as_mut()) {
            (Record::Bytes(b), Some(d), _) => d.write_all(&b)?,
            (Record::Row(cells), _, Some(p)) => p.push(vec![cells])?,
            _ => {}
        }
        Ok(())
    }

    /// Write one document's results.
    pub fn write(&mut self, r: Rendered) -> Result<()> {
        match r {
            Rendered::Bytes { bytes, items } => {
                let Some(d) = self.dest.as_mut() else {
                    return Ok(());
                };
                if matches!(self.shape.format, ExtractFormat::Json) && items > 0 {
                    d.write_all(if self.items == 0 { b"\n" } else { b",\n" })?;
                }
                d.write_all(&bytes)?;
                self.items += items;
            }
            Rendered::Rows(rows) => {
                if let Some(p) = self.parquet.as_mut() {
                    self.items += rows.len();
                    p.push(rows)?;
                }
            }
        }
        self.docs += 1;
        Ok(())
    }

    /// Hand what is written so far to the destination (not Parquet, which
    /// is written whole at the end).
    pub fn flush(&mut self) -> Result<()> {
        if let Some(d) = &mut self.dest {
            d.flush()?;
        }
        Ok(())
    }

    /// End the output: close the JSON array or the Parquet file, rename a file into place.
    pub fn finish(mut self) -> Result<()> {
        if let Some(p) = self.parquet.take() {
            return p.finish();
        }
        let Some(mut d) = self.dest.take() else {
            return Ok(());
        };
        if matches!(self.shape.format, ExtractFormat::Json) {
            d.write_all(if self.items == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        match d {
            Dest::Stdout(mut w) => w.flush()?,
            Dest::File(f) => f.commit()?,
        }
        Ok(())
    }
}

/// The records of an earlier output with their document ids, in order.
fn records(
    shape: Shape,
    from: &Path,
    partial: bool,
    each: &mut dyn FnMut(String, Record) -> Result<()>,
) -> Result<()> {
    match shape.format {
        ExtractFormat::Jsonl => {
            let key = if shape.table.is_some() {
                "doc_id"
            } else {
                "id"
            };
            let mut r = BufReader::new(File::open(from)?);
            let mut line = Vec::new();
            loop {
                line.clear();
                if r.read_until(b'\n', &mut line)? == 0 {
                    break;
                }
                if line.last() != Some(&b'\n') {
                    break; // cut mid-line
                }
                let Ok(v) = serde_json::from_slice::<serde_json::Value>(&line) else {
                    continue;
                };
                if let Some(id) = v.get(key).and_then(json_id) {
                    each(id, Record::Bytes(line.clone()))?;
                }
            }
        }
        ExtractFormat::Csv => {
            let mut r = csv::Reader::from_path(from)?;
            for rec in r.records() {
                let Ok(rec) = rec else { break };
                if rec.len() != shape.table.map_or(0, |t| t.columns().len()) {
                    continue;
                }
                let id = rec.get(0).unwrap_or_default().to_owned();
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(Vec::new());
                w.write_record(&rec)?;
                let bytes = w.into_inner().map_err(csv::IntoInnerError::into_error)?;
                each(id, Record::Bytes(bytes))?;
            }
        }
        ExtractFormat::Parquet => {
            if partial {
                // A Parquet file is readable only once closed.
                return Ok(());
            }
            let reader = SerializedFileReader::new(File::open(from)?)?;
            let columns = shape.table.unwrap_or(Table::Entities).columns();
            for row in reader.get_row_iter(None)? {
                let row = row?;
                let cells: Vec<Cell> = row
                    .get_column_iter()
                    .map(|(_, f)| match f {
                        Field::Str(s) => Cell::Text(s.clone()),
                        Field::Long(i) => Cell::Int(*i),
                        _ => Cell::Null,
                    })
                    .collect();
                if cells.len() != columns.len() {
                    bail!(
                        "its columns are not those of `--table {}`",
                        shape.table.unwrap_or(Table::Entities)
                    );
                }
                let Some(Cell::Text(id)) = cells.first().cloned() else {
                    continue;
                };
                each(id, Record::Row(cells))?;
            }
        }
        ExtractFormat::Json | ExtractFormat::Text => {}
    }
    Ok(())
}

/// A record carried over by `--resume`.
enum Record {
    Bytes(Vec<u8>),
    Row(Vec<Cell>),
}

fn json_id(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// Rows in a row group.
const ROW_GROUP: usize = 64 * 1024;

/// A Parquet file of one table, written a row group at a time.
struct ParquetSink {
    writer: SerializedFileWriter<AtomicFile>,
    columns: &'static [Column],
    rows: Vec<Vec<Cell>>,
}

impl ParquetSink {
    fn new(file: AtomicFile, table: Table) -> Result<Self> {
        let fields = table
            .columns()
            .iter()
            .map(|c| {
                let (physical, converted) = match c.ty {
                    ColumnType::Text => (Physical::BYTE_ARRAY, ConvertedType::UTF8),
                    ColumnType::Int => (Physical::INT64, ConvertedType::NONE),
                };
                let rep = if c.nullable {
                    Repetition::OPTIONAL
                } else {
                    Repetition::REQUIRED
                };
                Type::primitive_type_builder(c.name, physical)
                    .with_converted_type(converted)
                    .with_repetition(rep)
                    .build()
                    .map(Arc::new)
            })
            .collect::<parquet::errors::Result<Vec<_>>>()?;
        let schema = Type::group_type_builder(table.as_str())
            .with_fields(fields)
            .build()?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("fahras {}", env!("CARGO_PKG_VERSION")))
            .build();
        Ok(Self {
            writer: SerializedFileWriter::new(file, Arc::new(schema), Arc::new(props))?,
            columns: table.columns(),
            rows: Vec::new(),
        })
    }

    fn push(&mut self, rows: Vec<Vec<Cell>>) -> Result<()> {
        self.rows.extend(rows);
        if self.rows.len() >= ROW_GROUP {
            self.row_group()?;
        }
        Ok(())
    }

    fn row_group(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let mut group = self.writer.next_row_group()?;
        let mut i = 0;
        while let Some(mut col) = group.next_column()? {
            let c = self.columns[i];
            let defs: Vec<i16> = rows
                .iter()
                .map(|r| i16::from(!matches!(r[i], Cell::Null)))
                .collect();
            let defs = c.nullable.then_some(&defs[..]);
            match c.ty {
                ColumnType::Text => {
                    let values: Vec<ByteArray> = rows
                        .iter()
                        .filter_map(|r| match &r[i] {
                            Cell::Text(s) => Some(ByteArray::from(s.as_str())),
                            Cell::Int(n) => Some(ByteArray::from(n.to_string().as_str())),
                            Cell::Null => None,
                        })
                        .collect();
                    col.typed::<ByteArrayType>()
                        .write_batch(&values, defs, None)?;
                }
                ColumnType::Int => {
                    let values: Vec<i64> = rows
                        .iter()
                        .filter_map(|r| match &r[i] {
                            Cell::Int(n) => Some(*n),
                            _ => None,
                        })
                        .collect();
                    col.typed::<Int64Type>().write_batch(&values, defs, None)?;
                }
            }
            col.close()?;
            i += 1;
        }
        group.close()?;
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        self.row_group()?;
        let file = self.writer.into_inner()?;
        file.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_output_handed_to_disk_early_is_whole_and_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        let mut file = AtomicFile::create(&path).unwrap();
        // Lines of uneven length, past two write-back points, each
        // numbered so a lost or doubled buffer shows.
        let mut want = Vec::new();
        let mut n = 0u64;
        while (want.len() as u64) < 2 * WRITEBACK + 12_345 {
            let line = format!("{n}:{}\n", "ب".repeat((n % 97) as usize * 40));
            file.write_all(line.as_bytes()).unwrap();
            want.extend_from_slice(line.as_bytes());
            n += 1;
        }
        assert!(
            file.handed >= 2 * WRITEBACK,
            "no write-back: {}",
            file.handed
        );
        assert!(!path.exists(), "visible before it was complete");
        file.commit().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), want);
        assert!(!AtomicFile::partial_path(&path).exists());
    }
}
