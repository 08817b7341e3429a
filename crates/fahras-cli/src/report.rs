//! What a batch could not read as given: every skipped input, every repair
//! and every duplicate, counted and listed with its file, line and reason.
//!
//! The first few are also printed on stderr; `--errors FILE` gets them all,
//! one JSON object a line:
//! `{"file", "line", "item", "id", "problem", "reason"}`, where `problem` is
//! `skipped` (not in the output), `repaired` (in the output, changed: another
//! charset, replaced bytes) or `duplicate` (in the output once, under the
//! first id).

#![allow(clippy::print_stderr)] // the first problems are printed for the user

use std::fmt;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::{Context, Result};
use indicatif::ProgressBar;
use serde::Serialize;

use crate::output::AtomicFile;

/// At most this many problems are printed on stderr.
const MAX_PRINTED: usize = 20;

/// Where an input came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Where {
    /// The file as named on the command line or found in a directory, or `<stdin>`.
    pub file: Arc<str>,
    /// The line of a JSON Lines file.
    pub line: Option<u64>,
    /// The item of a feed.
    pub item: Option<u64>,
}

impl Where {
    pub fn file(file: &Arc<str>) -> Self {
        Self {
            file: Arc::clone(file),
            line: None,
            item: None,
        }
    }

    pub fn line(file: &Arc<str>, line: u64) -> Self {
        Self {
            line: Some(line),
            ..Self::file(file)
        }
    }

    pub fn item(file: &Arc<str>, item: u64) -> Self {
        Self {
            item: Some(item),
            ..Self::file(file)
        }
    }
}

impl fmt::Display for Where {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.item) {
            (Some(l), _) => write!(f, "line {l} of `{}`", self.file),
            (_, Some(i)) => write!(f, "item {i} of `{}`", self.file),
            _ => write!(f, "`{}`", self.file),
        }
    }
}

/// What happened to an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Problem {
    Skipped,
    Repaired,
    Duplicate,
}

#[derive(Serialize)]
struct ReportLine<'a> {
    file: &'a str,
    line: Option<u64>,
    item: Option<u64>,
    id: Option<&'a str>,
    problem: Problem,
    reason: &'a str,
}

/// The numbers at the end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub skipped: usize,
    pub repaired: usize,
    pub duplicates: usize,
}

struct Inner {
    counts: Counts,
    printed: usize,
    file: Option<AtomicFile>,
}

/// The problems of one run; shared by the reading and the writing threads.
pub(crate) struct Report {
    inner: Mutex<Inner>,
    quiet: bool,
    progress: ProgressBar,
}

impl Report {
    /// A report printed on stderr (unless `quiet`) and, with `errors`, written to that file.
    pub fn new(errors: Option<&Path>, quiet: bool, progress: ProgressBar) -> Result<Self> {
        let file = errors
            .map(|p| {
                AtomicFile::create(p)
                    .with_context(|| format!("cannot write the error report `{}`", p.display()))
            })
            .transpose()?;
        Ok(Self {
            inner: Mutex::new(Inner {
                counts: Counts::default(),
                printed: 0,
                file,
            }),
            quiet,
            progress,
        })
    }

    /// Record a problem with the input at `at`.
    pub fn note(&self, problem: Problem, at: &Where, id: Option<&str>, reason: &dyn fmt::Display) {
        let reason = reason.to_string();
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        match problem {
            Problem::Skipped => inner.counts.skipped += 1,
            Problem::Repaired => inner.counts.repaired += 1,
            Problem::Duplicate => inner.counts.duplicates += 1,
        }
        if let Some(f) = inner.file.as_mut() {
            let line = ReportLine {
                file: &at.file,
                line: at.line,
                item: at.item,
                id,
                problem,
                reason: &reason,
            };
            // A failing report must not stop the batch; `finish` says so.
            if serde_json::to_writer(&mut *f, &line).is_err() || f.write_all(b"\n").is_err() {
                f.failed = true;
            }
        }
        if self.quiet {
            return;
        }
        if inner.printed < MAX_PRINTED {
            let verb = match problem {
                Problem::Skipped => "skipped",
                Problem::Repaired => "repaired",
                Problem::Duplicate => "duplicate",
            };
            let id = id.map(|i| format!(" (`{i}`)")).unwrap_or_default();
            self.progress
                .suspend(|| eprintln!("warning: {verb} {at}{id}: {reason}"));
        } else if inner.printed == MAX_PRINTED {
            self.progress.suspend(|| {
                eprintln!("warning: more problems; only the totals are printed from here on (`--errors FILE` lists them all)");
            });
        }
        inner.printed += 1;
    }

    /// Close the report file; the counts.
    pub fn finish(self) -> Result<Counts> {
        let inner = self
            .inner
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(f) = inner.file {
            f.commit().context("cannot write the error report")?;
        }
        Ok(inner.counts)
    }
}
