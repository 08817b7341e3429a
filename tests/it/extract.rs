//! `fahras extract`: the output contract and bad batch input.

use std::io::Write;

use serde_json::Value;

use crate::support::fahras;

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON document a line"))
        .collect()
}

#[test]
fn text_from_stdin_is_one_document_with_the_contract_fields() {
    let out = fahras()
        .args(["extract", "--kinds", "DATE"])
        .write_stdin("عقد فرع الحزب اجتماعه أمس")
        .assert()
        .success();
    let docs = lines(&out.get_output().stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "<stdin>");
    assert!(docs[0]["entities"].is_array());
    assert!(docs[0]["relations"].is_array());
}

#[test]
fn jsonl_keeps_good_lines_and_counts_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    f.write_all(b"{\"id\":\"a\",\"text\":\"\xd9\x82\xd8\xb1\xd8\xa7\xd8\xb1\",\"published\":\"2020-12-08\"}\n")
        .unwrap();
    f.write_all(b"{\"id\":\"b\",\"text\":\"broken\n").unwrap(); // not JSON
    f.write_all(b"{\"id\":\"c\",\"text\":\"\xff\xfe\"}\n")
        .unwrap(); // not UTF-8
    f.write_all(b"{\"id\":\"d\"}\n").unwrap(); // no text
    f.write_all(b"\n{\"text\":\"\",\"published\":\"soon\"}\n")
        .unwrap(); // no id, empty, bad date
    f.write_all(b"{\"id\":7,\"text\":\"\xe2\x80\x8f\xd8\xad\xd8\xb2\xd8\xa8\"}\n")
        .unwrap();
    drop(f);
    // Some input was skipped: exit 3.
    let out = fahras().arg("extract").arg(&path).assert().code(3);
    let docs = lines(&out.get_output().stdout);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "7"]);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    // Broken JSON, bad bytes, no text, and an empty document.
    assert!(err.contains("; 4 skipped"), "{err}");
    assert!(
        err.contains("line 3") && err.contains("invalid UTF-8"),
        "{err}"
    );
    assert!(
        err.contains("line 6") && err.contains("empty document"),
        "{err}"
    );
    assert!(err.contains("\"soon\" is not a YYYY-MM-DD date"), "{err}");
    // Every kind has an extractor now: nothing asked for goes unserved.
    assert!(!err.contains("note: no extractor for"), "{err}");
}

#[test]
fn gzipped_jsonl_and_json_array_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&path).unwrap(),
        flate2::Compression::fast(),
    );
    for i in 0..3 {
        writeln!(gz, "{{\"id\":\"n{i}\",\"text\":\"اجتماع {i}\"}}").unwrap();
    }
    gz.finish().unwrap();
    let out = fahras()
        .args(["extract", "--format", "json"])
        .arg(&path)
        .assert()
        .success();
    let all: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let ids: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["n0", "n1", "n2"]);
}

#[test]
fn unknown_kinds_and_missing_files_are_errors() {
    let out = fahras()
        .args(["extract", "--kinds", "DATE,PLACE"])
        .write_stdin("x")
        .assert()
        .code(2);
    assert!(
        String::from_utf8_lossy(&out.get_output().stderr).contains("unknown entity kind `PLACE`")
    );
    // A missing file does not stop a batch: it is reported, and exit 3 says so.
    let out = fahras()
        .args(["extract", "/nonexistent/feed.jsonl"])
        .assert()
        .code(3);
    let err = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        err.contains("`/nonexistent/feed.jsonl`: cannot open"),
        "{err}"
    );
    // An empty stdin is no document: exit 1, like `grep` finding nothing.
    fahras()
        .args(["extract", "--input-format", "jsonl"])
        .write_stdin("")
        .assert()
        .code(1);
}
