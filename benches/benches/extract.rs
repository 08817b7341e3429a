//! Extraction throughput in bytes per second over the first 10 MB of the
//! shared news corpus, one document per article: DATE alone, and every kind
//! with an extractor (dates, names and their relations).
//!
//! `cargo bench -p fahras-bench --bench extract`. Each iteration asserts the
//! number of dates found, so a broken extractor cannot be measured as a fast one.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fahras_core::extract::{Document, EntityKind, Extractor, KindSet};
use std::hint::black_box;

fn bench_dates(c: &mut Criterion) {
    let Some(text) = fahras_bench::corpus_text(10_000_000) else {
        return;
    };
    // Articles are separated by blank lines in `corpus_text`; extract per
    // paragraph run so documents have realistic sizes.
    let docs: Vec<&str> = text
        .split("\n\n")
        .filter(|d| !d.trim().is_empty())
        .collect();
    let mut g = c.benchmark_group("extract/corpus-10MB");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    for (name, kinds) in [
        ("dates", KindSet::EMPTY.with(EntityKind::Date)),
        // Issue 5's "all kinds so far": dates and the names.
        ("names", fahras_bench::names_kinds()),
        ("all", Extractor::AVAILABLE),
    ] {
        let ex = Extractor::new(kinds);
        let count = |docs: &[&str]| -> usize {
            docs.iter()
                .map(|d| ex.extract(&Document::new(black_box(d))).entities.len())
                .sum()
        };
        let expected = count(&docs);
        assert!(
            expected > 1_000,
            "only {expected} {name} entities in 10 MB of news"
        );
        g.bench_function(name, |b| b.iter(|| assert_eq!(count(&docs), expected)));
    }
    g.finish();
}

criterion_group!(benches, bench_dates);
criterion_main!(benches);
