//! Date extraction over the first 10 MB of the shared news corpus, for `perf`:
//! `cargo run --release -p fahras-bench --example profile_dates -- 5`; with a
//! second argument `all`, every kind with an extractor, and with `names`, dates
//! and the five name kinds (issue 5's "all kinds so far"), one document per
//! paragraph run as the criterion bench does.

use fahras_core::extract::{Date, Document, EntityKind, Extractor, KindSet};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(5)
        .max(1);
    let Some(text) = fahras_bench::corpus_text(10_000_000) else {
        std::process::exit(2);
    };
    let mode = std::env::args().nth(2).unwrap_or_default();
    let all = mode == "all" || mode == "names";
    let kinds = match mode.as_str() {
        "all" => Extractor::AVAILABLE,
        "names" => fahras_bench::names_kinds(),
        _ => KindSet::EMPTY.with(EntityKind::Date),
    };
    let extractor = Extractor::new(kinds);
    let docs: Vec<&str> = if all {
        text.split("\n\n")
            .filter(|d| !d.trim().is_empty())
            .collect()
    } else {
        vec![text.as_str()]
    };
    let mut found = 0;
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        found = docs
            .iter()
            .map(|d| {
                let doc = Document::new(d).published(Date::constant(2020, 5, 6));
                extractor.extract(&doc).entities.len()
            })
            .sum();
    }
    #[allow(clippy::print_stdout, clippy::cast_precision_loss)]
    {
        let secs = t.elapsed().as_secs_f64() / rounds as f64;
        println!(
            "{found} entities, {:.1} MB/s",
            text.len() as f64 / 1e6 / secs
        );
    }
}
