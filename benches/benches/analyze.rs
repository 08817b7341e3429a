//! Analyze throughput (segmentation + normalization) in bytes per second.
//!
//! `cargo bench -p fahras-bench --bench analyze`. Each iteration asserts the
//! token count, so a broken analyzer cannot be measured as a fast one.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use fahras_core::text::{Analyzer, Profile, segment, sentences};
use std::hint::black_box;

fn bench_seeds(c: &mut Criterion) {
    let seeds = fahras_bench::seeds();
    let mut g = c.benchmark_group("analyze/seed");
    for profile in [Profile::Search, Profile::Strict] {
        let analyzer = Analyzer::new(profile);
        for (name, text) in &seeds {
            let expected = analyzer.analyze(text).len();
            assert!(expected > 100, "seed {name} analyzed to {expected} tokens");
            g.throughput(Throughput::Bytes(text.len() as u64));
            let id = BenchmarkId::new(profile.as_str(), &name[..3]);
            g.bench_with_input(id, text, |b, text| {
                let mut tokens = Vec::new();
                b.iter(|| {
                    tokens.clear();
                    analyzer.analyze_into(black_box(text), &mut tokens);
                    assert_eq!(tokens.len(), expected);
                });
            });
        }
    }
    g.finish();
}

fn bench_corpus(c: &mut Criterion) {
    let Some(text) = fahras_bench::corpus_text(10_000_000) else {
        return;
    };
    let mut g = c.benchmark_group("analyze/corpus-10MB");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    let n_segments = segment(&text).len();
    assert!(n_segments > 1_000_000);
    g.bench_function("segment", |b| {
        b.iter(|| assert_eq!(segment(black_box(&text)).len(), n_segments));
    });
    for profile in [Profile::Search, Profile::Strict, Profile::Stem] {
        let analyzer = Analyzer::new(profile);
        let expected = analyzer.analyze(&text).len();
        g.bench_function(profile.as_str(), |b| {
            let mut tokens = Vec::new();
            b.iter(|| {
                tokens.clear();
                analyzer.analyze_into(black_box(&text), &mut tokens);
                assert_eq!(tokens.len(), expected);
            });
        });
    }
    let n_sentences = sentences(&text).len();
    g.bench_function("sentences", |b| {
        b.iter(|| assert_eq!(sentences(black_box(&text)).len(), n_sentences));
    });
    g.finish();
}

criterion_group!(benches, bench_seeds, bench_corpus);
criterion_main!(benches);
