//! The `fahras` CLI as a user runs it.

use predicates_free::*;

use crate::support::{fahras, seed};

/// Run a command that must succeed; its standard output.
fn stdout_ok(cmd: &mut assert_cmd::Command) -> Vec<u8> {
    cmd.assert().success().get_output().stdout.clone()
}

mod predicates_free {
    /// Whether `haystack` contains `needle`, for readable assertions on output.
    pub fn has(haystack: &[u8], needle: &str) -> bool {
        String::from_utf8_lossy(haystack).contains(needle)
    }
}

#[test]
fn normalize_one_line_per_line_from_stdin() {
    let out = stdout_ok(
        fahras()
            .arg("normalize")
            .write_stdin("الأمينُ العـــام\n\n١٢ مايو ٢٠٢٠\r\nﻻ"),
    );
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "الامين العام\n\n12 مايو 2020\nلا\n"
    );
}

#[test]
fn normalize_profiles() {
    let strict = fahras()
        .args(["normalize", "--profile", "strict"])
        .write_stdin("الأمِينُ، ٣")
        .assert()
        .success();
    assert_eq!(strict.get_output().stdout, "الأمِينُ، 3\n".as_bytes());
    let stem = fahras()
        .args(["normalize", "--profile", "stem"])
        .write_stdin("في الشعبة والقيادة القطرية")
        .assert()
        .success();
    assert_eq!(stem.get_output().stdout, "شعبه قياده قطريه\n".as_bytes());
}

#[test]
fn tokenize_json_shapes() {
    let text = "قال الأمينُ «نعم» ٢٬٢٥٨";
    let out = stdout_ok(
        fahras()
            .args(["tokenize", "--format", "json"])
            .write_stdin(text),
    );
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let tokens = v["tokens"].as_array().unwrap();
    assert_eq!(tokens.len(), 6);
    let chars: Vec<char> = text.chars().collect();
    for t in tokens {
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        let (bs, be) = (
            t["byte_start"].as_u64().unwrap() as usize,
            t["byte_end"].as_u64().unwrap() as usize,
        );
        let by_chars: String = chars[s..e].iter().collect();
        assert_eq!(by_chars, t["text"].as_str().unwrap());
        assert_eq!(&text[bs..be], t["text"].as_str().unwrap());
    }
    assert_eq!(tokens[1]["norm"], "الامين");
    assert_eq!(tokens[5]["kind"], "number");
    assert_eq!(tokens[5]["norm"], "2,258");

    let lines = stdout_ok(
        fahras()
            .args(["tokenize", "--format", "jsonl"])
            .write_stdin(text),
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(lines)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&lines, tokens);
}

#[test]
fn tokenize_text_format() {
    let out = stdout_ok(fahras().arg("tokenize").write_stdin("عقد 5 ماي"));
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "0\t3\tword\tعقد\tعقد\n4\t5\tnumber\t5\t5\n6\t9\tword\tماي\tماي\n"
    );
}

#[test]
fn sentences_text_and_jsonl() {
    let text = "قرر المجتمعون ما يلي:\n- عقد اجتماع.\n١- تشكيل لجنة";
    let out = stdout_ok(fahras().arg("sentences").write_stdin(text));
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "قرر المجتمعون ما يلي:\n- عقد اجتماع.\n١- تشكيل لجنة\n"
    );
    let out = stdout_ok(
        fahras()
            .args(["sentences", "--format", "jsonl"])
            .write_stdin(text),
    );
    let last: serde_json::Value =
        serde_json::from_str(String::from_utf8(out).unwrap().lines().last().unwrap()).unwrap();
    assert_eq!(last["marker"], "١-");
    assert_eq!(last["start"], 36);
}

#[test]
fn invalid_utf8_names_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.txt");
    std::fs::write(&path, b"\xd9\x82\xd8\xb1\xd8\xa7\xd8\xb1 \xff\xfe").unwrap();
    let assert = fahras().arg("tokenize").arg(&path).assert().code(2);
    let err = &assert.get_output().stderr;
    assert!(has(err, "bad.txt"), "{}", String::from_utf8_lossy(err));
    assert!(has(err, "at byte 9"), "{}", String::from_utf8_lossy(err));
    // --lossy repairs and goes on.
    let ok = fahras()
        .args(["tokenize", "--lossy"])
        .arg(&path)
        .assert()
        .success();
    assert!(has(&ok.get_output().stdout, "قرار"));
    // normalize streams lines and reports the offset within the whole file.
    std::fs::write(&path, b"\xd9\x82\n\xd9\x82\xc3").unwrap();
    let assert = fahras().arg("normalize").arg(&path).assert().code(2);
    assert!(has(&assert.get_output().stderr, "at byte 5"));
}

#[test]
fn exit_codes() {
    // Nothing found: empty input, or only spaces and invisible controls.
    fahras().arg("tokenize").write_stdin("").assert().code(1);
    fahras()
        .arg("sentences")
        .write_stdin(" \u{200F}\n\n")
        .assert()
        .code(1);
    fahras()
        .arg("normalize")
        .write_stdin("\n\n")
        .assert()
        .code(1);
    // A missing file is an error.
    let a = fahras()
        .args(["tokenize", "/nonexistent/file.txt"])
        .assert()
        .code(2);
    assert!(has(&a.get_output().stderr, "/nonexistent/file.txt"));
    // Bad arguments are errors too.
    fahras()
        .args(["tokenize", "--format", "xml"])
        .assert()
        .code(2);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let big = "الحـــزب ١٢ «نعم»\n".repeat(200_000);
    let mut child = Command::new(&*crate::support::FAHRAS)
        .args(["tokenize", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(big.as_bytes());
    });
    // Read one line, then close our end of the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 64];
    let _ = std::io::Read::read(&mut stdout, &mut buf).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn tokenize_a_seed_file() {
    let Some((name, text)) = seed("001") else {
        return;
    };
    let path = crate::support::shared().unwrap().join("seeds").join(&name);
    let out = stdout_ok(fahras().args(["tokenize", "--format", "jsonl"]).arg(&path));
    let n = String::from_utf8(out).unwrap().lines().count();
    assert_eq!(n, fahras_core::Analyzer::search().analyze(&text).len());
    let sents = stdout_ok(fahras().arg("sentences").arg(&path));
    assert!(has(
        &sents,
        "التقينا الرفيق المهندس هيثم إسماعيل أمين فرع اللاذقية للحزب الذي قال :"
    ));
}

#[test]
fn demo_runs_on_the_sample_corpus() {
    let out = stdout_ok(fahras().arg("demo").current_dir(env!("CARGO_MANIFEST_DIR")));
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("31 articles"), "{out}");
    assert!(out.contains("most frequent stems"), "{out}");
    // The frequent stems of party news come out whole.
    assert!(out.contains("حزب "), "{out}");
    // Dates are extracted and scored against the gold.
    let date = out
        .lines()
        .find(|l| l.trim_start().starts_with("DATE"))
        .expect("a DATE score line");
    assert!(date.contains("gold  300"), "{date}");
}

#[test]
fn analyzer_spec_is_json() {
    let out = stdout_ok(fahras().args(["analyzer", "--profile", "strict"]));
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["filters"][0]["type"], "nfkc");
}
