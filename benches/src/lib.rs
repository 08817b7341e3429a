//! Inputs shared by the criterion benches and the peer benchmark: the seed
//! articles and a fixed concatenation of real news text, both read from
//! `../shared` (never copied into the repository).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;

/// `../shared` beside the repository (`FAHRAS_SHARED` overrides it).
pub fn shared_dir() -> PathBuf {
    std::env::var_os("FAHRAS_SHARED").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
        PathBuf::from,
    )
}

/// The seed articles as `(file name, text)`, sorted by name; empty when absent.
pub fn seeds() -> Vec<(String, String)> {
    let Ok(rd) = std::fs::read_dir(shared_dir().join("seeds")) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = rd
        .flatten()
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            Some((e.file_name().to_string_lossy().into_owned(), text))
        })
        .collect();
    out.sort();
    out
}

/// The first `limit` bytes (cut at a char boundary) of the Arabic Newspapers
/// Corpus texts joined by blank lines, in file order. `benches/peers/peer.py`
/// builds the identical string, so both sides measure the same input.
pub fn corpus_text(limit: usize) -> Option<String> {
    let path = shared_dir().join("corpus/arabic_newspapers_corpus/anc_news.jsonl.gz");
    let file = std::fs::File::open(path).ok()?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut out = String::with_capacity(limit + 1024);
    for line in reader.lines() {
        let line = line.ok()?;
        let Ok(doc) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let Some(text) = doc.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(text);
        if out.len() >= limit {
            let mut cut = limit;
            while !out.is_char_boundary(cut) {
                cut -= 1;
            }
            out.truncate(cut);
            break;
        }
    }
    Some(out)
}

/// Issue 5's "all kinds so far": dates and the five name kinds.
pub fn names_kinds() -> fahras_core::extract::KindSet {
    use fahras_core::extract::{EntityKind, KindSet};
    [
        EntityKind::Org,
        EntityKind::Branch,
        EntityKind::Person,
        EntityKind::Role,
        EntityKind::Loc,
    ]
    .into_iter()
    .fold(KindSet::EMPTY.with(EntityKind::Date), KindSet::with)
}
