//! The files a batch reads: those named, and those under directories named
//! (recursively, in sorted order so runs are reproducible; hidden entries
//! skipped), kept by `--glob` or, without it, by a known extension.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::report::{Problem, Report, Where};

/// Extensions read from a directory when no `--glob` is given.
const KNOWN: &[&str] = &[
    "txt", "text", "jsonl", "ndjson", "html", "htm", "xhtml", "xml", "rss", "atom",
];

/// Which files under a directory are read.
#[derive(Debug)]
pub(crate) struct Filter {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl Filter {
    /// From `--glob` patterns; a leading `!` excludes (as in ripgrep).
    pub fn new(globs: &[String]) -> Result<Self> {
        let (mut inc, mut exc) = (GlobSetBuilder::new(), GlobSetBuilder::new());
        let (mut n_inc, mut n_exc) = (0, 0);
        for g in globs {
            if let Some(neg) = g.strip_prefix('!') {
                exc.add(Glob::new(neg).with_context(|| format!("bad --glob `{g}`"))?);
                n_exc += 1;
            } else {
                inc.add(Glob::new(g).with_context(|| format!("bad --glob `{g}`"))?);
                n_inc += 1;
            }
        }
        Ok(Self {
            include: (n_inc > 0).then(|| inc.build()).transpose()?,
            exclude: (n_exc > 0).then(|| exc.build()).transpose()?,
        })
    }

    fn keeps(&self, rel: &Path) -> bool {
        if self.exclude.as_ref().is_some_and(|e| e.is_match(rel)) {
            return false;
        }
        match &self.include {
            Some(inc) => inc.is_match(rel) || rel.file_name().is_some_and(|n| inc.is_match(n)),
            None => known(rel),
        }
    }
}

fn known(p: &Path) -> bool {
    let p = if crate::input::is_gzip(p) {
        p.with_extension("")
    } else {
        p.to_path_buf()
    };
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| KNOWN.iter().any(|k| k.eq_ignore_ascii_case(e)))
}

/// The files to read, in order; `-` is standard input. Paths that cannot be
/// read are reported and left out.
pub(crate) fn files(paths: &[PathBuf], filter: &Filter, report: &Report) -> Vec<PathBuf> {
    if paths.is_empty() {
        return vec![PathBuf::from("-")];
    }
    let mut out = Vec::new();
    for p in paths {
        if p == Path::new("-") || p.is_file() {
            out.push(p.clone());
            continue;
        }
        if !p.is_dir() {
            let why = std::fs::metadata(p).err().map_or_else(
                || "neither a file nor a directory".to_owned(),
                |e| format!("cannot open: {e}"),
            );
            report.note(
                Problem::Skipped,
                &Where::file(&p.display().to_string().into()),
                None,
                &why,
            );
            continue;
        }
        let walk = walkdir::WalkDir::new(p)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let rel = e.path().strip_prefix(p).unwrap_or(e.path());
                    if filter.keeps(rel) {
                        out.push(e.into_path());
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    let at = e.path().unwrap_or(p).display().to_string();
                    report.note(
                        Problem::Skipped,
                        &Where::file(&at.into()),
                        None,
                        &format!("cannot read: {e}"),
                    );
                }
            }
        }
    }
    out
}

/// Bytes on disk of the files (for the progress bar).
pub(crate) fn total_bytes(files: &[PathBuf]) -> Option<u64> {
    files
        .iter()
        .map(|f| {
            (f != Path::new("-"))
                .then(|| std::fs::metadata(f).ok().map(|m| m.len()))
                .flatten()
        })
        .sum()
}
