//! Query latency of an index, in process: p50/p95/max over a query file.
//!
//! ```sh
//! fahras index create /tmp/ix && fahras index add /tmp/ix FEED.jsonl.gz
//! cargo run --release -p fahras-bench --example search_latency -- /tmp/ix QUERIES.txt
//! ```
//!
//! `QUERIES.txt` holds one query a line (`benches/peers/search.py` writes the
//! 500 queries it gives its peers). Each query runs twice over the file, the
//! first pass warming the caches; the second is timed, in two modes: `top10`
//! (total and the ten best ids, what tantivy-py is timed on) and `full` (hits with
//! a passage, stored entities and officials, what `fahras search` prints).

#![allow(clippy::print_stdout, clippy::cast_precision_loss)]

use std::time::Instant;

use fahras_core::index::{Index, SearchRequest};

/// The value below which `pct` percent of `sorted` lie (nearest rank).
fn percentile(sorted: &[f64], pct: usize) -> f64 {
    let i = (sorted.len().saturating_sub(1) * pct).div_ceil(100);
    sorted.get(i).copied().unwrap_or(0.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(queries)) = (args.next(), args.next()) else {
        return Err("usage: search_latency INDEX_DIR QUERIES.txt".into());
    };
    let index = Index::open(&dir)?;
    let text = std::fs::read_to_string(&queries)?;
    let queries: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    for mode in ["top10", "full"] {
        let mut times = Vec::with_capacity(queries.len());
        let mut hits = 0usize;
        for pass in 0..2 {
            for q in &queries {
                let req = SearchRequest::new(*q);
                let t = Instant::now();
                let total = if mode == "top10" {
                    index.top_ids(&req)?.0
                } else {
                    index.search(&req)?.total
                };
                let ms = t.elapsed().as_secs_f64() * 1e3;
                if pass == 1 {
                    times.push(ms);
                    hits += total;
                }
            }
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{{\"engine\": \"fahras\", \"mode\": \"{mode}\", \"queries\": {}, \"p50_ms\": {:.3}, \"p95_ms\": {:.3}, \"max_ms\": {:.3}, \"total_hits\": {hits}}}",
            times.len(),
            percentile(&times, 50),
            percentile(&times, 95),
            times.last().copied().unwrap_or(0.0)
        );
    }
    Ok(())
}
