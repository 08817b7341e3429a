//! `fahras serve DIR`: the search page and the JSON API over an index, on
//! loopback by default, read-only unless `--allow-writes`.
//!
//! The page is static (served from the binary) and renders what the API
//! answers; the API is the JSON of the CLI's own commands, so a link a
//! researcher shares, a script and a terminal all see the same results.

// The address goes to stdout for whoever started the server (and the tests).
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod api;
mod assets;
mod error;
mod params;
mod writes;

use std::io::Write;
use std::sync::Arc;

use anyhow::{Context, Result};
use fahras_core::index::{Index, WriterOptions};
use fahras_core::{Extractor, KindSet};

use crate::Outcome;
use crate::args::ServeArgs;

/// What every request shares.
#[derive(Debug)]
pub(crate) struct App {
    index: Index,
    /// `Some` with `--allow-writes`.
    writes: Option<writes::Writes>,
    /// Serialized answers of `/api/search` and `/api/facets` by path and
    /// query string, with the index generation they were computed on.
    cache: Option<quick_cache::sync::Cache<String, (u64, axum::body::Bytes)>>,
}

pub(crate) fn run(args: &ServeArgs) -> Result<Outcome> {
    let index = Index::open(&args.dir)
        .with_context(|| format!("cannot open the index `{}`", args.dir.display()))?;
    let writes = if args.allow_writes {
        let writer = index.writer(WriterOptions::default()).with_context(|| {
            format!(
                "cannot write to the index `{}` (is `fahras index add` running?)",
                args.dir.display()
            )
        })?;
        Some(writes::Writes::new(writer, Extractor::new(KindSet::ALL)))
    } else {
        None
    };
    let documents = index.stats()?.documents;
    let cache = (args.cache > 0).then(|| quick_cache::sync::Cache::new(args.cache));
    let app = Arc::new(App {
        index,
        writes,
        cache,
    });
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from))
        .max(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .max_blocking_threads(threads * 4)
        .enable_all()
        .build()
        .context("cannot start the server's threads")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((args.host, args.port))
            .await
            .with_context(|| format!("cannot listen on {}:{}", args.host, args.port))?;
        let addr = listener.local_addr()?;
        let mode = if args.allow_writes {
            "writes allowed"
        } else {
            "read-only"
        };
        let banner = format!(
            "fahras serve: http://{addr}/\n  index `{}`: {documents} article(s), {mode}; Ctrl-C stops\n",
            args.dir.display()
        );
        // Whoever started the server may have closed its stdout (a test that
        // read the address): serving goes on regardless.
        let mut out = std::io::stdout().lock();
        out.write_all(banner.as_bytes())
            .and_then(|()| out.flush())
            .ok();
        drop(out);
        if !addr.ip().is_loopback() {
            eprintln!(
                "warning: listening on {addr}, not loopback: anyone who can reach it can read the archive"
            );
        }
        axum::serve(listener, api::router(app))
            .with_graceful_shutdown(async {
                tokio::signal::ctrl_c().await.ok();
            })
            .await
            .context("the server stopped")
    })?;
    Ok(Outcome::Found)
}
