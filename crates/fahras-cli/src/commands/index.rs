//! `fahras index create|add|stats|delete`.
//!
//! `add` reads documents like `extract`, extracts and builds their index
//! documents on a pool of threads, and commits every `--commit-every`
//! documents and at the end. A crash (even `kill -9`) loses only what came
//! after the last commit; the index always opens. Bad input is skipped,
//! counted and reported with its file and line, and the exit code is then 3.

// Progress and warnings go to stderr; byte and document counts shown as MB
// and rates are far below 2^52.
#![allow(clippy::print_stderr, clippy::cast_precision_loss)]

use std::io::Write;
use std::time::Instant;

use anyhow::{Context, Result};
use fahras_core::index::{Article, Index, Prepared, WriterOptions};
use fahras_core::{Extractor, KindSet};
use rayon::prelude::*;

use crate::Outcome;
use crate::args::{IndexAddArgs, IndexArgs, IndexCommand, ReportFormat};
use crate::docs::{InputDoc, Inputs, Skips};

/// Documents prepared together on the pool.
const BATCH_DOCS: usize = 256;
/// ... or this many bytes of text, whichever comes first.
const BATCH_BYTES: usize = 8 << 20;

pub(crate) fn run(args: &IndexArgs) -> Result<Outcome> {
    match &args.command {
        IndexCommand::Create { dir } => {
            Index::create(dir)?;
            eprintln!("created an empty index in `{}`", dir.display());
            Ok(Outcome::Found)
        }
        IndexCommand::Add(a) => add(a),
        IndexCommand::Stats { dir, format } => stats(dir, *format),
        IndexCommand::Delete { dir, id } => delete(dir, id),
    }
}

fn open(dir: &std::path::Path) -> Result<Index> {
    Index::open(dir).with_context(|| format!("cannot open the index `{}`", dir.display()))
}

fn stats(dir: &std::path::Path, format: ReportFormat) -> Result<Outcome> {
    let s = open(dir)?.stats()?;
    let mut out = super::stdout();
    match format {
        ReportFormat::Json => {
            serde_json::to_writer(&mut out, &s)?;
            writeln!(out)?;
        }
        ReportFormat::Text => {
            writeln!(out, "index       {}", s.path)?;
            writeln!(out, "documents   {}", s.documents)?;
            writeln!(out, "directives  {}", s.directives)?;
            writeln!(out, "segments    {}", s.segments)?;
            writeln!(out, "size        {:.1} MB", s.bytes as f64 / 1e6)?;
            writeln!(out, "analyzer    {}", s.fingerprint)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Found)
}

fn delete(dir: &std::path::Path, ids: &[String]) -> Result<Outcome> {
    let index = open(dir)?;
    let mut writer = index.writer(WriterOptions::default())?;
    let mut found = 0;
    for id in ids {
        if index.contains(id)? {
            found += 1;
        } else {
            eprintln!("warning: no document `{id}` in the index");
        }
        writer.delete(id);
    }
    writer.commit()?;
    writer.finish()?;
    eprintln!("deleted {found} document(s)");
    Ok(if found > 0 {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}

fn article(doc: InputDoc) -> Article {
    Article {
        id: doc.id,
        text: doc.text,
        title: doc.title,
        source: doc.source,
        url: doc.url,
        published: doc.published,
    }
}

/// The state of one `index add` run.
struct Adder<'a> {
    index: &'a Index,
    writer: fahras_core::index::Writer,
    extractor: Option<Extractor>,
    pool: rayon::ThreadPool,
    batch: Vec<Article>,
    batch_bytes: usize,
    commit_every: u64,
    added: u64,
    directives: usize,
    bytes: u64,
    started: Instant,
}

impl Adder<'_> {
    fn push(&mut self, doc: InputDoc) -> Result<()> {
        self.batch_bytes += doc.text.len();
        self.batch.push(article(doc));
        if self.batch.len() >= BATCH_DOCS || self.batch_bytes >= BATCH_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    /// Prepare the batch on the pool, add it in input order, commit when due.
    fn flush(&mut self) -> Result<()> {
        let batch = std::mem::take(&mut self.batch);
        self.batch_bytes = 0;
        let (index, extractor) = (self.index, self.extractor.as_ref());
        let prepared: Vec<Prepared> = self.pool.install(|| {
            batch
                .par_iter()
                .map(|a| index.prepare(a, extractor))
                .collect()
        });
        for (p, a) in prepared.into_iter().zip(&batch) {
            self.directives += p.directives();
            self.bytes += a.text.len() as u64;
            self.writer.add(p)?;
            self.added += 1;
            if self.writer.pending() >= self.commit_every {
                self.commit()?;
            }
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        self.writer.commit()?;
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        eprintln!(
            "committed {} document(s), {:.1} MB, {:.0} docs/s, {:.1} MB/s",
            self.added,
            self.bytes as f64 / 1e6,
            self.added as f64 / secs,
            self.bytes as f64 / 1e6 / secs
        );
        Ok(())
    }
}

fn add(args: &IndexAddArgs) -> Result<Outcome> {
    let index = open(&args.dir)?;
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let writer = index
        .writer(WriterOptions {
            threads,
            memory_budget: usize::try_from(args.memory_mb << 20).unwrap_or(usize::MAX),
        })
        .with_context(|| format!("cannot write to the index `{}`", args.dir.display()))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the extraction threads")?;
    let kinds: KindSet = args.kinds;
    let mut adder = Adder {
        index: &index,
        writer,
        extractor: (!args.no_extract).then(|| Extractor::new(kinds)),
        pool,
        batch: Vec::new(),
        batch_bytes: 0,
        commit_every: args.commit_every,
        added: 0,
        directives: 0,
        bytes: 0,
        started: Instant::now(),
    };
    let inputs = Inputs {
        files: &args.files,
        format: args.input_format,
        lossy: args.lossy,
        published: args.published,
    };
    let mut skips = Skips::default();
    let read = inputs.for_each(&mut skips, |doc| adder.push(doc));
    // What was read before a failing file is still indexed and committed.
    adder.flush()?;
    adder.commit()?;
    read?;
    let (total, directives) = (adder.added, adder.directives);
    adder.writer.finish()?;
    eprintln!(
        "indexed {total} document(s) with {directives} directive(s) into `{}`",
        args.dir.display()
    );
    if skips.count > 0 {
        eprintln!(
            "warning: {} input line(s) or file(s) skipped; everything else is indexed",
            skips.count
        );
        return Ok(Outcome::Partial);
    }
    Ok(if total > 0 {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}
