//! Run the `search` analyzer over the 10 MB corpus text in a loop, for profilers:
//! `cargo run --release -p fahras-bench --example profile_analyze -- [search|strict|stem] [rounds]`.

use fahras_core::text::{Analyzer, Profile};

fn main() {
    let mut args = std::env::args().skip(1);
    let profile: Profile = args
        .next()
        .as_deref()
        .unwrap_or("search")
        .parse()
        .unwrap_or(Profile::Search);
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    let Some(text) = fahras_bench::corpus_text(10_000_000) else {
        std::process::exit(2);
    };
    let analyzer = Analyzer::new(profile);
    let mut segs = Vec::new();
    let mut tokens = Vec::new();
    let mut total = 0usize;
    for _ in 0..rounds {
        tokens.clear();
        analyzer.analyze_into(&text, &mut segs, &mut tokens);
        total += tokens.len();
    }
    std::process::exit(i32::from(total == 0));
}
