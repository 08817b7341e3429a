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
    let rounds: usize = args
        .next()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10)
        .max(1);
    let Some(text) = fahras_bench::corpus_text(10_000_000) else {
        std::process::exit(2);
    };
    let analyzer = Analyzer::new(profile);
    let mut tokens = Vec::new();
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = std::time::Instant::now();
        tokens.clear();
        analyzer.analyze_into(&text, &mut tokens);
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let (best, median) = (times[0], times[times.len() / 2]);
    #[allow(clippy::print_stdout, clippy::cast_precision_loss)]
    {
        let mb = text.len() as f64 / 1e6;
        println!(
            "{} tokens; best {:.1} ms ({:.0} MB/s), median {:.1} ms ({:.0} MB/s)",
            tokens.len(),
            best * 1e3,
            mb / best,
            median * 1e3,
            mb / median
        );
    }
}
