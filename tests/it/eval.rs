//! `fahras eval`: the scorer, end to end, on the sample gold and the shared CoNLL corpora.

use std::path::Path;

use serde_json::Value;

use crate::support::{fahras, shared};

fn gold_path() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus-sample/gold.jsonl")
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("eval --format json prints JSON")
}

fn eval_json(pred: &Path) -> Value {
    let out = fahras()
        .args(["eval", "--format", "json", "--gold", gold_path(), "--pred"])
        .arg(pred)
        .assert()
        .success();
    json(&out.get_output().stdout)
}

#[test]
fn gold_against_itself_scores_one_in_every_mode() {
    let r = eval_json(Path::new(gold_path()));
    let kinds = r["kinds"].as_array().unwrap();
    assert_eq!(kinds.len(), 8);
    for k in kinds {
        assert_eq!(k["relaxed"]["f1"], 1.0, "{k}");
        let relaxed_only = matches!(k["kind"].as_str(), Some("MEETING" | "DIRECTIVE"));
        assert_eq!(k["exact"].is_null(), relaxed_only, "{k}");
        if !relaxed_only {
            assert_eq!(k["exact"]["f1"], 1.0, "{k}");
        }
    }
    assert_eq!(r["kinds"][1]["kind"], "DATE");
    assert_eq!(r["kinds"][1]["value"]["accuracy"], 1.0);
    assert_eq!(r["overall"]["gold"], r["overall"]["predicted"]);
}

#[test]
fn gold_against_empty_predictions_scores_zero() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let r = eval_json(&empty);
    assert_eq!(r["documents"]["missing"], 31);
    assert!(r["overall"]["gold"].as_u64().unwrap() > 1000);
    assert_eq!(r["overall"]["relaxed"]["f1"], 0.0);
    assert_eq!(r["overall"]["exact"]["f1"], 0.0);
    // And the same through `extract` when it finds nothing: every document present, no entity.
    let pred = dir.path().join("pred.jsonl");
    let out = fahras()
        .args(["extract", "--kinds", "ORG", gold_path()])
        .assert()
        .success();
    std::fs::write(&pred, &out.get_output().stdout).unwrap();
    let r = eval_json(&pred);
    assert_eq!(r["documents"]["missing"], 0);
    assert_eq!(r["kinds"].as_array().unwrap().len(), 8);
}

#[test]
fn a_shifted_prediction_is_relaxed_but_not_exact() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let pred = dir.path().join("pred.jsonl");
    // "بالرباط": gold leaves the proclitic out, the prediction keeps it.
    std::fs::write(
        &gold,
        r#"{"id":"a","text":"اجتمع بالرباط","entities":[{"kind":"LOC","start":7,"end":13,"text":"الرباط"}]}"#,
    )
    .unwrap();
    std::fs::write(
        &pred,
        r#"{"id":"a","entities":[{"id":0,"kind":"LOC","start":6,"end":13}]}"#,
    )
    .unwrap();
    let out = fahras()
        .args(["eval", "--gold"])
        .arg(&gold)
        .arg("--pred")
        .arg(&pred)
        .assert()
        .success();
    let table = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let loc = table.lines().find(|l| l.starts_with("LOC")).unwrap();
    let cols: Vec<&str> = loc.split_whitespace().collect();
    assert_eq!(
        cols,
        [
            "LOC", "1", "1", "0.000", "0.000", "0.000", "1.000", "1.000", "1.000", "-"
        ]
    );
}

#[test]
fn broken_prediction_files_are_an_error_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(
        &pred,
        "{\"id\":\"lev-01\",\"entities\":[]}\n{\"id\": oops}\n",
    )
    .unwrap();
    let out = fahras()
        .args(["eval", "--gold", gold_path(), "--pred"])
        .arg(&pred)
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("line 2"), "{err}");
    fahras()
        .args(["eval", "--gold", gold_path()])
        .assert()
        .code(2);
}

/// Count `B-<label>` tags in a CoNLL file, independently of the scorer's parser.
fn count_begins(path: &Path, labels: &[&str]) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    text.split_whitespace()
        .map(|f| f.trim_matches(['\u{200e}', '\u{200f}', '\u{feff}']))
        .filter(|f| f.strip_prefix("B-").is_some_and(|l| labels.contains(&l)))
        .count()
}

#[test]
fn conll_mode_reads_the_three_shared_corpora() {
    let Some(shared) = shared() else { return };
    let corpus = shared.join("corpus");
    let files = [
        corpus.join("anercorp/ANERCorp_original.txt"),
        corpus.join("wojood_sample/test.txt"),
        corpus.join("newsfane_gold/NewsFANE_Gold_2014_170K.txt"),
    ];
    let out = fahras()
        .args(["eval", "--format", "json", "--conll"])
        .args(&files)
        .assert()
        .success();
    let lines: Vec<Value> = out
        .get_output()
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(json)
        .collect();
    assert_eq!(lines.len(), 3);
    let kinds = |v: &Value| -> Vec<String> {
        v["result"]["report"]["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["kind"].as_str().unwrap().to_owned())
            .collect()
    };
    let gold_of = |v: &Value, kind: &str| -> u64 {
        v["result"]["report"]["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["kind"] == kind)
            .map_or(0, |k| k["gold"].as_u64().unwrap())
    };
    // ANERcorp: 150,285 tokens, B-LOC 4,436; MISC left out. One line in it is
    // two lines run together and is skipped.
    let aner = &lines[0]["result"];
    assert!(aner["tokens"].as_u64().unwrap() > 150_000);
    assert_eq!(aner["skipped_lines"].as_array().unwrap().len(), 1);
    assert_eq!(kinds(&lines[0]), ["LOC", "ORG", "PERSON"]);
    assert_eq!(
        gold_of(&lines[0], "LOC") as usize,
        count_begins(&files[0], &["LOC"])
    );
    assert!(aner["unscored"]["MISC"].as_u64().unwrap() > 1000);
    // Wojood: nested layers; GPE and LOC both count as LOC, OCC as ROLE.
    assert_eq!(kinds(&lines[1]), ["DATE", "LOC", "ORG", "PERSON", "ROLE"]);
    assert_eq!(
        gold_of(&lines[1], "ROLE") as usize,
        count_begins(&files[1], &["OCC"])
    );
    assert_eq!(
        gold_of(&lines[1], "LOC") as usize,
        count_begins(&files[1], &["GPE", "LOC"])
    );
    assert_eq!(
        gold_of(&lines[1], "DATE") as usize,
        count_begins(&files[1], &["DATE"])
    );
    // NewsFANE: 4,760 sentences; its fine classes fold into PERSON/ORG/LOC.
    assert_eq!(lines[2]["result"]["sentences"], 4760);
    assert_eq!(
        gold_of(&lines[2], "PERSON") as usize,
        count_begins(
            &files[2],
            &[
                "Politician",
                "Athlete",
                "Artist",
                "Other_PER",
                "Religious_PER",
                "Scientist",
                "Businessperson",
                "Lawyer",
                "Engineer",
                "Police"
            ]
        )
    );
    assert!(lines[2]["result"]["unscored"]["Group"].as_u64().unwrap() > 100);
}

/// Relaxed F1 the issue asks of each name kind on the sample gold.
const NAMES_RELAXED_FLOOR: f64 = 0.92;
/// Exact F1 the issue asks of each name kind on the sample gold.
const NAMES_EXACT_FLOOR: f64 = 0.85;

#[test]
fn names_meet_their_floors_on_the_sample_gold() {
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.jsonl");
    let out = fahras().args(["extract", gold_path()]).assert().success();
    std::fs::write(&pred, &out.get_output().stdout).unwrap();
    let r = eval_json(&pred);
    for kind in ["ORG", "BRANCH", "PERSON", "ROLE", "LOC"] {
        let k = r["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["kind"] == kind)
            .unwrap();
        let relaxed = k["relaxed"]["f1"].as_f64().unwrap();
        let exact = k["exact"]["f1"].as_f64().unwrap();
        assert!(
            relaxed >= NAMES_RELAXED_FLOOR,
            "{kind} relaxed F1 {relaxed:.3}: {k}"
        );
        assert!(
            exact >= NAMES_EXACT_FLOOR,
            "{kind} exact F1 {exact:.3}: {k}"
        );
    }
}

/// Overall exact F1 on the ANERcorp test split (PER, LOC, ORG) without any
/// statistical model, each sentence read alone: issue 5's target (0.65).
const ANERCORP_FLOOR: f64 = 0.65;
/// The same with each sentence read after the ten before it
/// (`--context 10`), as in its article.
const ANERCORP_CONTEXT_FLOOR: f64 = 0.68;

fn anercorp_test_f1(context: usize) -> Option<(f64, Value)> {
    let shared = shared()?;
    let test = shared.join("corpus/anercorp/split_approx/ANERCorp_approx_test.txt");
    let out = fahras()
        .args([
            "eval",
            "--format",
            "json",
            "--context",
            &context.to_string(),
            "--conll",
        ])
        .arg(&test)
        .assert()
        .success();
    let r = json(&out.get_output().stdout);
    assert_eq!(r["result"]["context"], context);
    let overall = r["result"]["report"]["overall"].clone();
    Some((overall["exact"]["f1"].as_f64().unwrap(), overall))
}

#[test]
fn anercorp_test_split_scores_above_its_floor() {
    let Some((alone, each)) = anercorp_test_f1(0) else {
        return;
    };
    assert!(
        alone >= ANERCORP_FLOOR,
        "ANERcorp exact F1 {alone:.3}: {each}"
    );
    let Some((read_on, overall)) = anercorp_test_f1(10) else {
        return;
    };
    assert!(
        read_on >= ANERCORP_CONTEXT_FLOOR,
        "ANERcorp exact F1 with context {read_on:.3}: {overall}"
    );
    // The sentences before are read, never scored: with them the same
    // gold is scored, and names written in full earlier are found.
    assert_eq!(overall["gold"], each["gold"]);
    assert!(read_on > alone, "{read_on:.3} <= {alone:.3}");
}

/// Relaxed F1 the issue asks of DIRECTIVE on the sample gold.
const DIRECTIVE_FLOOR: f64 = 0.85;
/// Relaxed F1 the issue asks of MEETING on the sample gold.
const MEETING_FLOOR: f64 = 0.90;
/// Share of matched directives whose actor names the gold actor.
const ACTOR_FLOOR: f64 = 0.85;

#[test]
fn directives_and_meetings_meet_their_floors_on_the_sample_gold() {
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.jsonl");
    let out = fahras().args(["extract", gold_path()]).assert().success();
    std::fs::write(&pred, &out.get_output().stdout).unwrap();
    let r = eval_json(&pred);
    let kind = |name: &str| {
        r["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["kind"] == name)
            .unwrap()
            .clone()
    };
    let directive = kind("DIRECTIVE");
    let meeting = kind("MEETING");
    let f1 = |k: &Value| k["relaxed"]["f1"].as_f64().unwrap();
    assert!(f1(&directive) >= DIRECTIVE_FLOOR, "{directive}");
    assert!(f1(&meeting) >= MEETING_FLOOR, "{meeting}");
    let actor = directive["attrs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["attr"] == "actor")
        .unwrap();
    // Most gold directives must be matched for the share to mean anything.
    assert!(actor["matched"].as_u64().unwrap() >= 180, "{actor}");
    assert!(
        actor["accuracy"].as_f64().unwrap() >= ACTOR_FLOOR,
        "{actor}"
    );
}
