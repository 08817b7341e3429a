//! `fahras index` and `fahras search` as a user runs them, and the index
//! library under a concurrent writer.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use serde_json::{Value, json};

use crate::support::{FAHRAS, fahras, gold_path, index_with, sample_index};

fn search(ix: &Path, args: &[&str]) -> Value {
    let out = fahras()
        .arg("search")
        .arg(ix)
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("search --format json prints JSON")
}

fn ids(v: &Value) -> Vec<String> {
    let mut ids: Vec<String> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

fn write_jsonl(path: &Path, docs: &[Value]) {
    let lines: Vec<String> = docs.iter().map(Value::to_string).collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

/// The gold texts by id.
fn gold_texts() -> std::collections::HashMap<String, String> {
    std::fs::read_to_string(gold_path())
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_owned(),
                v["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn char_slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn stats_count_the_articles_and_their_directives() {
    let dir = sample_index();
    let out = fahras()
        .args(["index", "stats"])
        .arg(dir.path().join("ix"))
        .args(["--format", "json"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["documents"], 31);
    assert!(v["directives"].as_u64().unwrap() > 100, "{v}");
    assert!(v["fingerprint"].as_str().unwrap().starts_with("sha256:"));
}

#[test]
fn a_word_finds_its_spellings_and_the_form_as_written_ranks_first() {
    let dir = tempfile::tempdir().unwrap();
    let ix = dir.path().join("ix");
    let input = dir.path().join("in.jsonl");
    let variants = ["الأمين", "وأمين", "بالأمين", "امين", "أَمين", "أمـــين"];
    let mut docs: Vec<Value> = variants
        .iter()
        .enumerate()
        .map(|(i, w)| json!({"id": format!("v{i}"), "text": format!("قال {w} في اجتماع اللجنة")}))
        .collect();
    docs.push(json!({"id": "none", "text": "قالت الأمانة في اجتماع اللجنة"}));
    write_jsonl(&input, &docs);
    fahras()
        .arg("index")
        .arg("create")
        .arg(&ix)
        .assert()
        .success();
    fahras()
        .args(["index", "add", "--no-extract"])
        .arg(&ix)
        .arg(&input)
        .assert()
        .success();
    let all: Vec<String> = (0..variants.len()).map(|i| format!("v{i}")).collect();
    for q in ["أمين", "الأمين", "بالامين", "امين"] {
        let v = search(&ix, &[q, "--limit", "20"]);
        assert_eq!(ids(&v), all, "query {q}");
    }
    // The form as written outranks stem matches.
    let v = search(&ix, &["الأمين"]);
    assert_eq!(v["hits"][0]["id"], "v0", "{v}");
    let v = search(&ix, &["بالأمين"]);
    assert_eq!(v["hits"][0]["id"], "v2", "{v}");
}

#[test]
fn phrases_booleans_fields_and_dates() {
    let dir = sample_index();
    let ix = dir.path().join("ix");
    // A phrase is stricter than its words.
    let words = search(&ix, &["الأمين العام", "-n", "50"]);
    let phrase = search(&ix, &["\"الأمين العام\"", "-n", "50"]);
    assert!(phrase["total"].as_u64() <= words["total"].as_u64());
    assert!(phrase["total"].as_u64().unwrap() > 0);
    // OR widens, NOT narrows.
    let a = search(&ix, &["اللاذقية"])["total"].as_u64().unwrap();
    let b = search(&ix, &["الإسكندرية"])["total"].as_u64().unwrap();
    let either = search(&ix, &["اللاذقية OR الإسكندرية"])["total"]
        .as_u64()
        .unwrap();
    assert!(a > 0 && b > 0);
    assert!(either >= a.max(b) && either <= a + b);
    let not = search(&ix, &["الحزب -اللاذقية"])["total"].as_u64().unwrap();
    let all = search(&ix, &["الحزب"])["total"].as_u64().unwrap();
    assert!(not < all);
    // Fields: a branch by its place, an organization by a short form.
    let latakia = search(&ix, &["branch:اللاذقية"]);
    assert!(latakia["total"].as_u64().unwrap() >= 1, "{latakia}");
    for hit in latakia["hits"].as_array().unwrap() {
        let officials = hit["officials"].to_string();
        let entities = hit["entities"].to_string();
        assert!(
            officials.contains("اللاذقية") || entities.contains("اللاذقية"),
            "{hit}"
        );
    }
    let baath = search(&ix, &["org:البعث", "-n", "50"]);
    assert!(baath["total"].as_u64().unwrap() >= 2, "{baath}");
    // Dates: the publication day, as a range and as a year.
    let dec = search(&ix, &["date:[2020-12-01 TO 2020-12-31]", "-n", "50"]);
    for hit in dec["hits"].as_array().unwrap() {
        let d = hit["published"].as_str().unwrap();
        assert!(d.starts_with("2020-12"), "{hit}");
    }
    let y2020 = search(&ix, &["date:2020", "-n", "50"])["total"]
        .as_u64()
        .unwrap();
    assert!(dec["total"].as_u64().unwrap() > 0 && y2020 >= dec["total"].as_u64().unwrap());
    let filtered = search(&ix, &["*", "--from", "2020-12-01", "--to", "2020-12-31"]);
    assert_eq!(filtered["total"], dec["total"]);
}

#[test]
fn the_timeline_counts_articles_per_month_of_publication() {
    let dir = sample_index();
    let ix = dir.path().join("ix");
    let mut expected = std::collections::BTreeMap::<String, u64>::new();
    for line in std::fs::read_to_string(gold_path()).unwrap().lines() {
        let doc: Value = serde_json::from_str(line).unwrap();
        if let Some(p) = doc["published"].as_str() {
            *expected.entry(p[..7].to_owned()).or_default() += 1;
        }
    }
    assert!(expected.len() > 3, "the sample spans months");
    let found = search(&ix, &["*", "--timeline", "--limit", "0"]);
    let got: std::collections::BTreeMap<String, u64> = found["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_owned(),
                m["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, expected);
    // Narrowed by a date range, only those months remain.
    let found = search(&ix, &["date:2021", "--timeline", "--limit", "0"]);
    let months = found["timeline"].as_array().unwrap();
    assert!(!months.is_empty());
    assert!(
        months
            .iter()
            .all(|m| m["month"].as_str().unwrap().starts_with("2021-"))
    );
    // Without --timeline the key is absent, as before.
    assert!(search(&ix, &["*"]).get("timeline").is_none());
}

#[test]
fn facets_count_every_match_and_snippets_point_into_the_original() {
    let dir = sample_index();
    let ix = dir.path().join("ix");
    let v = search(&ix, &["الحزب", "-n", "3", "--facets", "org,branch,year"]);
    let total = v["total"].as_u64().unwrap();
    assert!(total > 3);
    assert_eq!(v["hits"].as_array().unwrap().len(), 3);
    let years = v["facets"]["year"].as_array().unwrap();
    let counted: u64 = years.iter().map(|y| y["count"].as_u64().unwrap()).sum();
    assert!(counted <= total && counted > 3, "{years:?}");
    assert!(!v["facets"]["org"].as_array().unwrap().is_empty());
    let texts = gold_texts();
    let v = search(&ix, &["بالأمين OR اجتماع", "-n", "20", "--snippets", "2"]);
    let mut highlights = 0;
    for hit in v["hits"].as_array().unwrap() {
        let text = &texts[hit["id"].as_str().unwrap()];
        for s in hit["snippets"].as_array().unwrap() {
            let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert_eq!(char_slice(text, a, b), s["text"].as_str().unwrap());
            let (ba, bb) = (
                s["byte_start"].as_u64().unwrap(),
                s["byte_end"].as_u64().unwrap(),
            );
            assert_eq!(&text[ba as usize..bb as usize], s["text"].as_str().unwrap());
            for h in s["highlights"].as_array().unwrap() {
                let word = char_slice(
                    text,
                    h["start"].as_u64().unwrap(),
                    h["end"].as_u64().unwrap(),
                );
                assert!(word.contains("مين") || word.contains("جتماع"), "{word}");
                highlights += 1;
            }
        }
    }
    assert!(highlights > 5);
}

#[test]
fn directives_are_searchable_with_their_row_and_article() {
    let dir = sample_index();
    let ix = dir.path().join("ix");
    let v = search(
        &ix,
        &[
            "*",
            "--kind",
            "directive",
            "--branch",
            "اللاذقية",
            "-n",
            "50",
        ],
    );
    assert!(v["total"].as_u64().unwrap() >= 1, "{v}");
    let texts = gold_texts();
    for hit in v["hits"].as_array().unwrap() {
        assert_eq!(hit["doc_type"], "directive");
        let row = &hit["directives"][0];
        let text = &texts[hit["article"].as_str().unwrap()];
        // The row's span and the passage both point into the article.
        let span = char_slice(
            text,
            row["start"].as_u64().unwrap(),
            row["end"].as_u64().unwrap(),
        );
        let content = row["content"].as_str().unwrap();
        assert!(
            span.contains(content.split_whitespace().next().unwrap()),
            "{span} / {content}"
        );
        let s = &hit["snippets"][0];
        let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        assert_eq!(char_slice(text, a, b), s["text"].as_str().unwrap());
    }
    let calls = search(&ix, &["*", "--kind", "call", "-n", "100"]);
    for hit in calls["hits"].as_array().unwrap() {
        assert_eq!(hit["directives"][0]["kind"], "call");
    }
    assert!(calls["total"].as_u64().unwrap() > 0);
}

#[test]
fn re_adding_replaces_and_delete_removes() {
    let dir = tempfile::tempdir().unwrap();
    let ix = dir.path().join("ix");
    let input = dir.path().join("a.jsonl");
    fahras()
        .arg("index")
        .arg("create")
        .arg(&ix)
        .assert()
        .success();
    write_jsonl(
        &input,
        &[json!({"id": "x", "text": "قرر المكتب السياسي عقد المؤتمر"})],
    );
    fahras()
        .args(["index", "add"])
        .arg(&ix)
        .arg(&input)
        .assert()
        .success();
    write_jsonl(
        &input,
        &[json!({"id": "x", "text": "انعقدت الندوة الفكرية في دمشق"})],
    );
    fahras()
        .args(["index", "add"])
        .arg(&ix)
        .arg(&input)
        .assert()
        .success();
    assert_eq!(search(&ix, &["المؤتمر"])["total"], 0);
    assert_eq!(search(&ix, &["الندوة"])["total"], 1);
    fahras()
        .args(["index", "delete"])
        .arg(&ix)
        .args(["--id", "x"])
        .assert()
        .success();
    assert_eq!(search(&ix, &["الندوة"])["total"], 0);
    // Deleting what is not there says so.
    fahras()
        .args(["index", "delete"])
        .arg(&ix)
        .args(["--id", "x"])
        .assert()
        .code(1);
}

#[test]
fn an_id_twice_in_one_run_on_a_new_index_keeps_the_later_article() {
    let src = tempfile::tempdir().unwrap();
    let input = src.path().join("a.jsonl");
    write_jsonl(
        &input,
        &[
            json!({"id": "x", "text": "قرر المكتب السياسي عقد المؤتمر"}),
            json!({"id": "y", "text": "زار الوفد مدينة حلب"}),
            json!({"id": "x", "text": "انعقدت الندوة الفكرية في دمشق"}),
        ],
    );
    // Replacing holds within one run too, whether a commit falls between
    // the two or not.
    for commit_every in ["1", "1000"] {
        let dir = index_with(&[&input], &["--commit-every", commit_every]);
        let ix = dir.path().join("ix");
        assert_eq!(search(&ix, &["المؤتمر"])["total"], 0, "{commit_every}");
        assert_eq!(search(&ix, &["الندوة"])["total"], 1, "{commit_every}");
        assert_eq!(search(&ix, &["حلب"])["total"], 1, "{commit_every}");
    }
}

#[test]
fn bad_lines_are_skipped_with_file_and_line_and_the_exit_code_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let ix = dir.path().join("ix");
    let input = dir.path().join("feed.jsonl");
    let mut bytes =
        b"{\"id\": \"a\", \"text\": \"\xd8\xa7\xd9\x84\xd8\xad\xd8\xb2\xd8\xa8\"}\n".to_vec();
    bytes.extend_from_slice(b"{broken json\n");
    bytes.extend_from_slice(b"{\"id\": \"bad\", \"text\": \"\xff\xfe\"}\n");
    bytes.extend_from_slice(
        b"{\"id\": \"c\", \"text\": \"<p>\xd8\xa7\xd9\x84\xd8\xad\xd8\xb2\xd8\xa8</p>\"}\n",
    );
    std::fs::write(&input, bytes).unwrap();
    fahras()
        .arg("index")
        .arg("create")
        .arg(&ix)
        .assert()
        .success();
    let out = fahras()
        .args(["index", "add"])
        .arg(&ix)
        .arg(&input)
        .assert()
        .code(3);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("line 2 of"), "{err}");
    assert!(err.contains("line 3 of"), "{err}");
    assert!(err.contains("feed.jsonl"), "{err}");
    assert_eq!(search(&ix, &["الحزب"])["total"], 2);
}

#[test]
fn an_index_built_by_another_analyzer_is_refused() {
    let dir = sample_index();
    let ix = dir.path().join("ix");
    let meta_path = ix.join("fahras-index.json");
    let mut meta: Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    // As if an older build had analyzed without stop words.
    let filters = meta["stem"]["filters"].as_array_mut().unwrap();
    filters.retain(|f| f["type"] != "stop_words");
    std::fs::write(&meta_path, meta.to_string()).unwrap();
    let out = fahras()
        .arg("search")
        .arg(&ix)
        .arg("الحزب")
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("fingerprint") && err.contains("rebuild"),
        "{err}"
    );
    let out = fahras()
        .arg("search")
        .arg(dir.path())
        .arg("x")
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("not a fahras index"), "{err}");
}

#[test]
fn kill_9_during_add_loses_nothing_committed() {
    let dir = tempfile::tempdir().unwrap();
    let ix = dir.path().join("ix");
    let input = dir.path().join("big.jsonl");
    let texts = gold_texts();
    let mut texts: Vec<&String> = texts.values().collect();
    texts.sort();
    let docs: Vec<Value> = (0..6000)
        .map(|i| json!({"id": format!("d{i}"), "text": texts[i % texts.len()]}))
        .collect();
    write_jsonl(&input, &docs);
    fahras()
        .arg("index")
        .arg("create")
        .arg(&ix)
        .assert()
        .success();
    let mut child = std::process::Command::new(&*FAHRAS)
        .args(["index", "add", "--commit-every", "100", "--threads", "1"])
        .arg(&ix)
        .arg(&input)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the second commit, then kill without warning.
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut commits = 0;
    while commits < 2 {
        let line = lines
            .next()
            .expect("index add ended before two commits")
            .unwrap();
        commits += usize::from(line.starts_with("committed"));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let stats = |ix: &Path| -> u64 {
        let out = fahras()
            .args(["index", "stats", "--format", "json"])
            .arg(ix)
            .assert()
            .success();
        let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        v["documents"].as_u64().unwrap()
    };
    let after_kill = stats(&ix);
    assert!(after_kill >= 200, "{after_kill}");
    assert_eq!(after_kill % 100, 0, "only whole commits survive");
    // The writer's lock died with it: adding again works and completes the index.
    fahras()
        .args(["index", "add"])
        .arg(&ix)
        .arg(&input)
        .assert()
        .success();
    assert_eq!(stats(&ix), 6000);
}

#[test]
fn a_reader_sees_whole_commits_while_a_writer_adds() {
    use fahras_core::index::{Article, Index, SearchRequest, WriterOptions};
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path().join("ix")).unwrap();
    let reader = Index::open(index.path()).unwrap();
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| {
            let mut writer = index.writer(WriterOptions::default()).unwrap();
            for batch in 0..8 {
                for i in 0..25 {
                    let a = Article::new(format!("{batch}-{i}"), "اجتمعت قيادة الفرع");
                    writer.add(index.prepare(&a, None)).unwrap();
                }
                writer.commit().unwrap();
            }
            done.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        let mut seen = Vec::new();
        while !done.load(std::sync::atomic::Ordering::SeqCst) {
            let n = reader.search(&SearchRequest::new("الفرع")).unwrap().total;
            assert_eq!(n % 25, 0, "a search saw half a commit: {n}");
            seen.push(n);
        }
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    });
    index.reload().unwrap();
    assert_eq!(
        index.search(&SearchRequest::new("الفرع")).unwrap().total,
        200
    );
}

#[test]
fn a_live_feed_is_searchable_while_its_input_stays_open() {
    use std::io::Write;
    use std::time::{Duration, Instant};

    let ix = tempfile::tempdir().unwrap();
    fahras()
        .args(["index", "create"])
        .arg(ix.path())
        .assert()
        .success();
    let mut child = std::process::Command::new(&*FAHRAS)
        .args([
            "index",
            "add",
            "-q",
            "--input-format",
            "jsonl",
            "--commit-secs",
            "1",
        ])
        .arg(ix.path())
        .arg("-")
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let texts = [
        (
            "live-0",
            "قرر المكتب السياسي للحزب عقد المؤتمر في دمشق",
            "المؤتمر",
        ),
        ("live-1", "دعا أمين فرع اللاذقية إلى تفعيل العمل", "تفعيل"),
    ];
    for (id, text, word) in texts {
        writeln!(stdin, "{}", json!({"id": id, "text": text})).unwrap();
        stdin.flush().unwrap();
        // Far fewer documents than `--commit-every`, and the input still
        // open: the time-based commit must make it searchable.
        let start = Instant::now();
        loop {
            if ids(&search(ix.path(), &[word])) == [id] {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "{id} not searchable while stdin is open"
            );
            std::thread::sleep(Duration::from_millis(300));
        }
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    assert_eq!(ids(&search(ix.path(), &["*"])), ["live-0", "live-1"]);
}

#[test]
fn a_phrase_matches_by_its_forms_or_its_stems_and_the_form_as_written_ranks_first() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("phrases.jsonl");
    let docs = [
        (
            "stems",
            "التقى وفد من الفرع وسلم للأمين العام رسالة من الأعضاء.",
        ),
        ("exact", "عقد الأمين العام للحزب اجتماعا مع أعضاء الفرع."),
        ("apart", "قال الأمين إن العام المقبل عام الانتخابات."),
    ];
    let lines: Vec<String> = docs
        .iter()
        .map(|(id, text)| json!({"id": id, "text": text}).to_string())
        .collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let dir = index_with(&[&input], &[]);
    let ix = dir.path().join("ix");
    let phrase = search(&ix, &["\"الأمين العام\""]);
    assert_eq!(ids(&phrase).len(), 2, "{phrase}");
    assert_eq!(phrase["hits"][0]["id"], "exact", "{phrase}");
    assert_eq!(phrase["hits"][1]["id"], "stems", "{phrase}");
    // The same phrase written with proclitics finds the same two; the words
    // alone also find the article where they stand apart.
    let written = search(&ix, &["\"للأمين العام\""]);
    assert_eq!(ids(&written), ids(&phrase), "{written}");
    assert_eq!(written["hits"][0]["id"], "stems", "{written}");
    assert_eq!(ids(&search(&ix, &["الأمين العام"])).len(), 3);
    // A stem is no form: "امين" as written finds all three by its stem.
    assert_eq!(ids(&search(&ix, &["امين"])).len(), 3);
    assert_eq!(ids(&search(&ix, &["body:\"الأمين العام\""])).len(), 2);
}

#[test]
fn top_ids_are_the_ids_search_ranks_first() {
    use fahras_core::index::{DocType, Index, SearchRequest};
    let dir = sample_index();
    let index = Index::open(dir.path().join("ix")).unwrap();
    // Words that are their own stem ("أمين"), words with a proclitic, a
    // phrase, and every directive: the id is read alone from each stored
    // document, which must give the ids `search` reads from whole ones.
    let cases = [
        ("أمين", DocType::Article),
        ("بالحزب فرع", DocType::Article),
        ("\"الأمين العام\"", DocType::Any),
        ("*", DocType::Directive),
    ];
    for (q, doc_type) in cases {
        let mut req = SearchRequest::new(q);
        req.doc_type = doc_type;
        req.limit = 25;
        req.snippets = 0;
        let full = index.search(&req).unwrap();
        let (total, top) = index.top_ids(&req).unwrap();
        assert!(full.total > 0, "{q}");
        assert_eq!(total, full.total, "{q}");
        let want: Vec<(&str, f32)> = full.hits.iter().map(|h| (h.id.as_str(), h.score)).collect();
        let got: Vec<(&str, f32)> = top.iter().map(|(s, id)| (id.as_str(), *s)).collect();
        assert_eq!(got, want, "{q}");
        assert!(got.iter().all(|(id, _)| !id.is_empty()));
    }
}
