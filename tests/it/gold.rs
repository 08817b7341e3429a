//! The sample corpus's gold file: it parses, and every span slices to its text.

use std::collections::BTreeSet;

const KINDS: [&str; 8] = [
    "DATE",
    "ORG",
    "BRANCH",
    "PERSON",
    "ROLE",
    "LOC",
    "DIRECTIVE",
    "MEETING",
];

#[test]
fn gold_parses_and_every_span_slices_to_its_text() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus-sample/gold.jsonl");
    let gold = std::fs::read_to_string(&path).expect("corpus-sample/gold.jsonl");
    let mut ids = BTreeSet::new();
    let mut kinds_seen = BTreeSet::new();
    for (i, line) in gold.lines().enumerate() {
        let doc: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", i + 1));
        let id = doc["id"].as_str().expect("id");
        assert!(ids.insert(id.to_string()), "duplicate id {id}");
        let text = doc["text"].as_str().expect("text");
        let chars: Vec<char> = text.chars().collect();
        let words = text.split_whitespace().count();
        assert!((150..=900).contains(&words), "{id}: {words} words");
        assert_eq!(
            doc["title"].as_str(),
            text.lines().next(),
            "{id}: title is the first line"
        );
        if let Some(p) = doc["published"].as_str() {
            assert!(
                p.len() == 10 && p.as_bytes()[4] == b'-' && p.as_bytes()[7] == b'-',
                "{id}: published {p}"
            );
        }
        let mut prev: Option<(u64, u64)> = None;
        for e in doc["entities"].as_array().expect("entities") {
            let kind = e["kind"].as_str().expect("kind");
            assert!(KINDS.contains(&kind), "{id}: kind {kind}");
            kinds_seen.insert(kind.to_string());
            let (s, end) = (
                e["start"].as_u64().expect("start"),
                e["end"].as_u64().expect("end"),
            );
            assert!(
                s < end && end as usize <= chars.len(),
                "{id}: span {s}..{end}"
            );
            let slice: String = chars[s as usize..end as usize].iter().collect();
            assert_eq!(
                slice,
                e["text"].as_str().expect("text"),
                "{id}: {kind} at {s}..{end}"
            );
            // Sorted by start, longer first.
            if let Some((ps, pe)) = prev {
                assert!(
                    (s, u64::MAX - end) >= (ps, u64::MAX - pe),
                    "{id}: entities out of order at {s}"
                );
            }
            prev = Some((s, end));
            if kind == "DATE" {
                // The attributes are those the extractor emits, with typed values.
                let attrs: Result<fahras_core::extract::DateAttrs, _> =
                    serde_json::from_value(e["attrs"].clone());
                assert!(attrs.is_ok(), "{id}: DATE attrs at {s}: {attrs:?}");
            }
            if kind == "DATE"
                && let Some(v) = e["value"].as_str()
            {
                assert!(
                    v.chars().next().is_some_and(|c| c.is_ascii_digit()),
                    "{id}: DATE value {v}"
                );
            }
        }
    }
    assert!(ids.len() >= 30, "{} articles", ids.len());
    assert_eq!(
        kinds_seen.len(),
        8,
        "all eight kinds annotated: {kinds_seen:?}"
    );
}
