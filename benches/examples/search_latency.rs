//! Query latency of an index, in process: p50/p95/max over a query file.
//!
//! ```sh
//! fahras index create /tmp/ix && fahras index add /tmp/ix FEED.jsonl.gz
//! cargo run --release -p fahras-bench --example search_latency -- /tmp/ix QUERIES.txt [top10|full]
//! ```
//!
//! `QUERIES.txt` holds one query a line (`benches/peers/search.py` writes the
//! 500 queries it gives its peers, and runs this beside them). Each query runs
//! twice over the file, the first pass warming the caches (search.py gives its
//! in-process peers the same warm pass); the second is timed, in two modes:
//! `top10` (total and the ten best ids, what tantivy-py is timed on) and `full`
//! (hits with a passage, stored entities and officials, what `fahras search`
//! prints).

#![allow(clippy::print_stdout, clippy::cast_precision_loss)]

use std::time::Instant;

use fahras_core::index::{Index, SearchRequest};

/// The nearest-rank `pct`th percentile of `sorted`: the same rank as
/// `pct()` in `benches/peers/search.py`, so its rows and this one compare.
fn percentile(sorted: &[f64], pct: usize) -> f64 {
    let i = (sorted.len() * pct).div_ceil(100).saturating_sub(1);
    sorted.get(i).copied().unwrap_or(0.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(queries)) = (args.next(), args.next()) else {
        return Err("usage: search_latency INDEX_DIR QUERIES.txt [top10|full]".into());
    };
    // One mode alone, for a profile of it.
    let only = args.next();
    let index = Index::open(&dir)?;
    let text = std::fs::read_to_string(&queries)?;
    let queries: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    for mode in ["top10", "full"] {
        if only.as_deref().is_some_and(|m| m != mode) {
            continue;
        }
        let mut times = Vec::with_capacity(queries.len());
        let mut totals = Vec::with_capacity(queries.len());
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
                    totals.push(total);
                }
            }
        }
        let n = times.len().max(1) as f64;
        let mean = times.iter().sum::<f64>() / n;
        let zero = totals.iter().filter(|&&t| t == 0).count();
        let mean_total = totals.iter().sum::<usize>() as f64 / n;
        times.sort_by(f64::total_cmp);
        // `mean_total` and `zero_hit_queries` let a reader check that every
        // side answered the same queries alike (`benches/peers/search.py`).
        println!(
            "{{\"engine\": \"fahras\", \"mode\": \"{mode}\", \"queries\": {}, \"p50_ms\": {:.3}, \"p95_ms\": {:.3}, \"mean_ms\": {mean:.3}, \"max_ms\": {:.3}, \"zero_hit_queries\": {zero}, \"mean_total\": {mean_total:.1}}}",
            times.len(),
            percentile(&times, 50),
            percentile(&times, 95),
            times.last().copied().unwrap_or(0.0)
        );
    }
    Ok(())
}
