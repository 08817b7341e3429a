//! `fahras index create|add|stats|show|delete`.
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
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use fahras_core::Extractor;
use fahras_core::index::{Article, Index, Prepared, WriterOptions};
use indicatif::ProgressBar;

use crate::Outcome;
use crate::args::{IndexAddArgs, IndexArgs, IndexCommand, ReportFormat};
use crate::pipeline;
use crate::read::{InputDoc, Inputs};

impl pipeline::Weigh for Article {
    fn weight(&self) -> usize {
        self.text.len()
    }
}

pub(crate) fn run(args: &IndexArgs) -> Result<Outcome> {
    match &args.command {
        IndexCommand::Create { dir } => {
            Index::create(dir)?;
            eprintln!("created an empty index in `{}`", dir.display());
            Ok(Outcome::Found)
        }
        IndexCommand::Add(a) => add(a),
        IndexCommand::Stats { dir, format } => stats(dir, *format),
        IndexCommand::Show { dir, id } => show(dir, id),
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

fn show(dir: &std::path::Path, id: &str) -> Result<Outcome> {
    let Some(doc) = open(dir)?.article(id)? else {
        eprintln!("no article `{id}` in the index");
        return Ok(Outcome::Nothing);
    };
    let mut out = super::stdout();
    serde_json::to_writer(&mut out, &doc)?;
    writeln!(out)?;
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

/// What `add` has done so far.
struct Progress {
    added: u64,
    directives: usize,
    bytes: u64,
    started: Instant,
    /// When `--commit-secs` last found the writer flushed.
    last_commit: Instant,
    quiet: bool,
}

impl Progress {
    fn commit(&mut self, writer: &mut fahras_core::index::Writer, bar: &ProgressBar) -> Result<()> {
        writer.commit()?;
        self.last_commit = Instant::now();
        if self.quiet {
            return Ok(());
        }
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        bar.suspend(|| {
            eprintln!(
                "committed {} document(s), {:.1} MB, {:.0} docs/s, {:.1} MB/s",
                self.added,
                self.bytes as f64 / 1e6,
                self.added as f64 / secs,
                self.bytes as f64 / 1e6 / secs
            );
        });
        Ok(())
    }
}

fn add(args: &IndexAddArgs) -> Result<Outcome> {
    let index = open(&args.dir)?;
    let r = &args.read;
    let threads = r.threads();
    let mut writer = index
        .writer(WriterOptions {
            threads,
            memory_budget: usize::try_from(args.memory_mb << 20).unwrap_or(usize::MAX),
        })
        .with_context(|| format!("cannot write to the index `{}`", args.dir.display()))?;
    let extractor = (!args.no_extract).then(|| Extractor::new(args.kinds));
    let (inputs, report) = Inputs::open(r)?;
    let bar = inputs.progress.clone();
    let mut done = Progress {
        added: 0,
        directives: 0,
        bytes: 0,
        started: Instant::now(),
        last_commit: Instant::now(),
        quiet: r.quiet,
    };
    let result = pipeline::run(
        threads,
        true,
        |sink| inputs.for_each(&report, &|| sink.flush(), |doc| Ok(sink.push(article(doc)))),
        |a: Article| (index.prepare(&a, extractor.as_ref()), a.text.len()),
        |prepared: Option<(Prepared, usize)>| {
            // Nothing more is ready: the input is slow or quiet. What waits
            // in the writer becomes searchable once `--commit-secs` have
            // passed; a bulk run commits by `--commit-every` long before.
            let Some((p, n)) = prepared else {
                if args.commit_secs > 0
                    && writer.pending() > 0
                    && done.last_commit.elapsed() >= Duration::from_secs(args.commit_secs)
                {
                    done.commit(&mut writer, &bar)?;
                }
                return Ok(());
            };
            done.directives += p.directives();
            done.bytes += n as u64;
            writer.add(p)?;
            done.added += 1;
            if done.added % 64 == 0 {
                bar.set_message(format!("{} docs", done.added));
            }
            if writer.pending() >= args.commit_every {
                done.commit(&mut writer, &bar)?;
            }
            Ok(())
        },
    );
    bar.finish_and_clear();
    // What was added before an error is still committed.
    done.commit(&mut writer, &bar)?;
    result?;
    writer.finish()?;
    let counts = report.finish()?;
    if !r.quiet {
        eprintln!(
            "indexed {} document(s) with {} directive(s) into `{}`",
            done.added,
            done.directives,
            args.dir.display()
        );
    }
    if counts.skipped > 0 {
        if !r.quiet {
            eprintln!(
                "warning: {} input line(s) or file(s) skipped; everything else is indexed",
                counts.skipped
            );
        }
        return Ok(Outcome::Partial);
    }
    Ok(if done.added > 0 {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}
