//! Spelling-variant recall on real news: for 50 words, every variant by
//! hamza, teh marbuta, alef maqsura, diacritics, tatweel and proclitic finds
//! exactly the documents its base form finds (`tests/data/spelling_variants.tsv`).

use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader};

use fahras_core::index::{Article, DocType, Index, WriterOptions};

use crate::support::shared;

/// Articles of the Arabic Newspapers Corpus indexed for the probe (debug
/// builds analyze slowly; 800 articles are some 7 MB of text).
const ARTICLES: usize = 800;

#[test]
fn every_spelling_variant_finds_what_its_base_finds() {
    let Some(shared) = shared() else {
        return;
    };
    let path = shared.join("corpus/arabic_newspapers_corpus/anc_news.jsonl.gz");
    let file = std::fs::File::open(&path).unwrap();
    let lines = BufReader::new(flate2::read::GzDecoder::new(file)).lines();
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path().join("ix")).unwrap();
    let mut writer = index.writer(WriterOptions::default()).unwrap();
    for line in lines.take(ARTICLES) {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let mut a = Article::new(v["id"].as_str().unwrap(), v["text"].as_str().unwrap());
        a.title = v["title"].as_str().map(str::to_owned);
        writer.add(index.prepare(&a, None)).unwrap();
    }
    writer.commit().unwrap();
    let probe = include_str!("../data/spelling_variants.tsv");
    let mut bases: HashMap<&str, BTreeSet<String>> = HashMap::new();
    let (mut rows, mut misses) = (0, Vec::new());
    for line in probe.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (base, variant, kind) = (
            cols.next().unwrap(),
            cols.next().unwrap(),
            cols.next().unwrap(),
        );
        let expected = bases.entry(base).or_insert_with(|| {
            let ids = index.matching_ids(base, DocType::Article).unwrap();
            assert!(
                !ids.is_empty(),
                "the base form {base} must occur in the corpus"
            );
            ids.into_iter().collect()
        });
        let got: BTreeSet<String> = index
            .matching_ids(variant, DocType::Article)
            .unwrap()
            .into_iter()
            .collect();
        rows += 1;
        if &got != expected {
            misses.push(format!(
                "{kind}: {variant} ({} docs) vs {base} ({} docs)",
                got.len(),
                expected.len()
            ));
        }
    }
    assert_eq!(rows, 621);
    assert!(
        misses.is_empty(),
        "{} of {rows} variants differ:\n{}",
        misses.len(),
        misses.join("\n")
    );
}
