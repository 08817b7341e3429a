//! Date extraction over the first 10 MB of the shared news corpus, for `perf`:
//! `cargo run --release -p fahras-bench --example profile_dates -- 5`.

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
    let extractor = Extractor::new(KindSet::EMPTY.with(EntityKind::Date));
    let doc = Document::new(&text).published(Date::constant(2020, 5, 6));
    let mut found = 0;
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        found = extractor.extract(&doc).entities.len();
    }
    #[allow(clippy::print_stdout, clippy::cast_precision_loss)]
    {
        let secs = t.elapsed().as_secs_f64() / rounds as f64;
        println!("{found} dates, {:.1} MB/s", text.len() as f64 / 1e6 / secs);
    }
}
