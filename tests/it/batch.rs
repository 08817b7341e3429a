//! `fahras extract` as a batch command over feeds and folders: input
//! formats, tables in every output format, ordering across threads,
//! atomic output and `--resume`, duplicates, and the error report.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use parquet::file::reader::FileReader;
use parquet::file::serialized_reader::SerializedFileReader;
use parquet::record::Field;
use serde_json::Value;

use crate::support::fahras;

fn feeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/feeds")
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus-sample/gold.jsonl")
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn stderr(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

/// A folder as a feed pull leaves it: a page, an RSS feed, a gzipped Atom
/// feed one level down, and files that are not documents.
fn pull() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        feeds().join("party-page.html"),
        dir.path().join("page.html"),
    )
    .unwrap();
    std::fs::copy(
        feeds().join("branch-news.rss"),
        dir.path().join("branches.rss"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("2021")).unwrap();
    let atom = std::fs::read(feeds().join("congress.atom")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(dir.path().join("2021/congress.atom.gz")).unwrap(),
        flate2::Compression::fast(),
    );
    gz.write_all(&atom).unwrap();
    gz.finish().unwrap();
    std::fs::write(dir.path().join("notes.md"), "# not read: unknown extension").unwrap();
    std::fs::write(
        dir.path().join(".hidden.jsonl"),
        "{\"id\":\"h\",\"text\":\"مخفي\"}\n",
    )
    .unwrap();
    dir
}

#[test]
fn pages_feeds_and_folders_become_documents_with_their_metadata() {
    let dir = pull();
    let out = fahras()
        .args(["extract", "--with-text"])
        .arg(dir.path())
        .assert()
        .code(3); // the RSS item without text is skipped, and says so
    let docs = lines(&out.get_output().stdout);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let page = dir.path().join("page.html").display().to_string();
    // Sorted walk: 2021/ first, then branches.rss, then page.html.
    assert_eq!(
        ids,
        [
            "urn:example:congress:1",
            "north-12",
            "https://example.invalid/branches/south/3",
            page.as_str()
        ]
    );
    let err = stderr(&out);
    assert!(
        err.contains("item 3 of") && err.contains("branches.rss") && err.contains("empty document"),
        "{err}"
    );

    // The page: main text without menus, share bar, related posts, comments, footer.
    let p = &docs[3];
    assert_eq!(p["title"], "المكتب السياسي يعقد اجتماعه الشهري");
    assert_eq!(p["published"], "2021-03-14");
    assert_eq!(p["url"], "https://example.invalid/news/2021/03/14/meeting");
    assert_eq!(p["source"], "صوت المستقبل");
    let text = p["text"].as_str().unwrap();
    assert!(text.contains("قرر المكتب السياسي ما يلي"), "{text}");
    assert!(text.contains("ثانياً: دعوة الكتاب الجهويين"), "{text}");
    for furniture in [
        "الرئيسية",
        "شارك",
        "مقالات ذات صلة",
        "وفدا نقابيا",
        "الأكثر قراءة",
        "تعليق",
        "الحقوق",
        "dataLayer",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }
    // Offsets point into that text.
    let chars: Vec<char> = text.chars().collect();
    for e in p["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..t].iter().collect::<String>(),
            e["text"].as_str().unwrap()
        );
    }
    let kinds: BTreeSet<&str> = p["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    for k in [
        "MEETING",
        "ORG",
        "PERSON",
        "ROLE",
        "LOC",
        "DATE",
        "DIRECTIVE",
    ] {
        assert!(kinds.contains(k), "{k} missing: {kinds:?}");
    }

    // Feed items: link, title, the local day of the timestamp, the feed's title.
    let north = &docs[1];
    assert_eq!(north["title"], "فرع الشمال يعقد اجتماعه الدوري");
    assert_eq!(north["published"], "2020-12-08"); // 2020-12-07 in UTC
    assert_eq!(north["url"], "https://example.invalid/branches/north/12");
    assert_eq!(north["source"], "أخبار فروع الحزب");
    assert!(
        north["text"]
            .as_str()
            .unwrap()
            .starts_with("عقدت قيادة فرع الشمال")
    );
    // "أمس" resolves against the item's date.
    let yesterday = north["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "DATE")
        .unwrap();
    assert_eq!(yesterday["value"], "2020-12-07");
    assert_eq!(docs[0]["title"], "انعقاد المؤتمر التأسيسي");

    // --glob picks files under directories; `!` leaves out.
    let out = fahras()
        .args(["extract", "--glob", "*.html"])
        .arg(dir.path())
        .assert()
        .success();
    assert_eq!(lines(&out.get_output().stdout).len(), 1);
    let out = fahras()
        .args([
            "extract", "--glob", "**/*.gz", "--glob", "*.html", "--glob", "!page.*",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let docs = lines(&out.get_output().stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "urn:example:congress:1");
}

#[test]
fn bad_input_is_skipped_counted_and_listed_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let mut f = std::fs::File::create(&feed).unwrap();
    let good = |f: &mut std::fs::File, id: &str| {
        writeln!(
            f,
            "{{\"id\":\"{id}\",\"text\":\"دعا الحزب فروعه إلى الحوار في {id}.\"}}"
        )
        .unwrap();
    };
    good(&mut f, "g1"); // line 1
    f.write_all(b"{\"id\":\"cut\",\"text\":\"\xd8\xaf\xd8\xb9\xd8\xa7\n")
        .unwrap(); // 2: cut JSON
    good(&mut f, "g2"); // 3
    f.write_all(b"\x00\x01\x02\xff\xfe binary junk\n").unwrap(); // 4: not text
    // 5: Windows-1256 (an old site's export): repaired, not skipped.
    f.write_all(b"{\"id\":\"cp\",\"text\":\"\xca\xe3 \xc7\xe1\xc7\xcc\xca\xe3\xc7\xda\"}\n")
        .unwrap();
    f.write_all(b"{\"id\":\"e\",\"text\":\"   \"}\n").unwrap(); // 6: empty
    f.write_all(b"[\"x\", \"\xd9\x82\"]\n").unwrap(); // 7: JSON, not a document
    let big = "ا".repeat(700_000); // 1.4 MB of text
    writeln!(f, "{{\"id\":\"big\",\"text\":\"{big}\"}}").unwrap(); // 8: too large
    good(&mut f, "g3"); // 9
    drop(f);
    std::fs::write(
        dir.path().join("image.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    let errors = dir.path().join("errors.jsonl");
    let out = fahras()
        .args(["extract", "--max-doc-mb", "1", "--errors"])
        .arg(&errors)
        .arg(&feed)
        .arg(dir.path().join("image.txt"))
        .arg(dir.path().join("missing.jsonl"))
        .assert()
        .code(3);
    let ids: Vec<String> = lines(&out.get_output().stdout)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["g1", "g2", "cp", "g3"]);
    let report = lines(&std::fs::read(&errors).unwrap());
    let listed: Vec<(String, Option<u64>, &str)> = report
        .iter()
        .map(|r| {
            let file = Path::new(r["file"].as_str().unwrap()).file_name().unwrap();
            (
                file.to_string_lossy().into_owned(),
                r["line"].as_u64(),
                r["problem"].as_str().unwrap(),
            )
        })
        .collect();
    // Paths that cannot be opened are found before any file is read.
    let want: Vec<(String, Option<u64>, &str)> = [
        ("missing.jsonl", None, "skipped"),
        ("feed.jsonl", Some(2), "skipped"),
        ("feed.jsonl", Some(4), "skipped"),
        ("feed.jsonl", Some(5), "repaired"),
        ("feed.jsonl", Some(6), "skipped"),
        ("feed.jsonl", Some(7), "skipped"),
        ("feed.jsonl", Some(8), "skipped"),
        ("image.txt", None, "skipped"),
    ]
    .into_iter()
    .map(|(f, l, p)| (f.to_owned(), l, p))
    .collect();
    assert_eq!(listed, want);
    let reason = |i: usize| report[i + 1]["reason"].as_str().unwrap();
    assert!(reason(2).contains("windows-1256"), "{}", reason(2));
    assert!(reason(3).contains("empty"), "{}", reason(3));
    assert!(
        reason(5).contains("larger than --max-doc-mb 1"),
        "{}",
        reason(5)
    );
    assert!(reason(6).contains("binary"), "{}", reason(6));
    assert!(!dir.path().join("errors.jsonl.partial").exists());
    // The Windows-1256 line reads as Arabic.
    let out = fahras()
        .arg("extract")
        .arg("--with-text")
        .arg(&feed)
        .assert()
        .code(3);
    let cp = lines(&out.get_output().stdout)
        .into_iter()
        .find(|d| d["id"] == "cp")
        .unwrap();
    assert_eq!(cp["text"], "تم الاجتماع");
    assert!(
        stderr(&out).contains("4 skipped; 1 repaired"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_is_in_input_order_whatever_the_threads() {
    let run = |extra: &[&str]| {
        fahras()
            .arg("extract")
            .args(extra)
            .arg(sample())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = run(&["--threads", "1"]);
    assert_eq!(run(&["--threads", "3"]), one);
    let mut a: Vec<Value> = lines(&one);
    let mut b: Vec<Value> = lines(&run(&["--threads", "3", "--unordered"]));
    let key = |v: &Value| v["id"].as_str().unwrap().to_owned();
    a.sort_by_key(key);
    b.sort_by_key(key);
    assert_eq!(a, b);
    assert_eq!(a.len(), 31);
}

/// Rows of a Parquet file as JSON values, nulls as `null`.
fn parquet_rows(path: &Path) -> Vec<Vec<Value>> {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            row.unwrap()
                .get_column_iter()
                .map(|(_, f)| match f {
                    Field::Str(s) => Value::from(s.as_str()),
                    Field::Long(i) => Value::from(*i),
                    Field::Null => Value::Null,
                    other => panic!("unexpected {other:?}"),
                })
                .collect()
        })
        .collect()
}

#[test]
fn every_table_is_the_same_in_jsonl_csv_and_parquet() {
    let dir = tempfile::tempdir().unwrap();
    for table in ["entities", "officials", "directives", "meetings"] {
        let jsonl = fahras()
            .args(["extract", "--table", table])
            .arg(sample())
            .assert()
            .success();
        let rows = lines(&jsonl.get_output().stdout);
        assert!(rows.len() >= 20, "{table}: {} rows", rows.len());
        let raw = String::from_utf8_lossy(&jsonl.get_output().stdout).into_owned();
        assert!(
            raw.starts_with("{\"doc_id\":"),
            "{table}: columns in table order"
        );

        let csv_path = dir.path().join(format!("{table}.csv"));
        fahras()
            .args(["extract", "--table", table, "--format", "csv", "-o"])
            .arg(&csv_path)
            .arg(sample())
            .assert()
            .success();
        let mut r = csv::Reader::from_path(&csv_path).unwrap();
        let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
        let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), rows.len(), "{table}");

        let pq = dir.path().join(format!("{table}.parquet"));
        fahras()
            .args([
                "extract", "--table", table, "--format", "parquet", "--output",
            ])
            .arg(&pq)
            .arg(sample())
            .assert()
            .success();
        let prow = parquet_rows(&pq);
        assert_eq!(prow.len(), rows.len(), "{table}");
        for ((j, c), p) in rows.iter().zip(&records).zip(&prow) {
            assert_eq!(j.as_object().unwrap().len(), header.len());
            for ((name, cell), pv) in header.iter().zip(c.iter()).zip(p) {
                let v = &j[name.as_str()];
                assert_eq!(v, pv, "{table}");
                let as_csv = match v {
                    Value::Null => String::new(),
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                assert_eq!(as_csv, cell, "{table}");
            }
        }
        assert!(!AtomicPath(&pq).partial().exists());
    }
    // Parquet needs a file.
    let out = fahras()
        .args(["extract", "--format", "parquet"])
        .arg(sample())
        .assert()
        .code(2);
    assert!(stderr(&out).contains("needs `--output FILE`"));
}

struct AtomicPath<'a>(&'a Path);

impl AtomicPath<'_> {
    fn partial(&self) -> PathBuf {
        let mut name = self.0.file_name().unwrap().to_os_string();
        name.push(".partial");
        self.0.with_file_name(name)
    }
}

#[test]
fn resume_keeps_what_is_done_after_a_crash_and_adds_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    for (format, table) in [
        ("jsonl", None),
        ("csv", Some("directives")),
        ("parquet", Some("meetings")),
    ] {
        let out = dir.path().join(format!("out.{format}"));
        let mut args = vec!["extract", "--format", format];
        if let Some(t) = table {
            args.extend(["--table", t]);
        }
        // `fahras extract ARGS -o TO [--resume] INPUT`, which must succeed.
        let extract = |to: &Path, input: &Path, resume: bool| {
            let mut cmd = fahras();
            cmd.args(&args).arg("-o").arg(to);
            if resume {
                cmd.arg("--resume");
            }
            cmd.arg(input).assert().success()
        };
        // The whole run, for reference.
        extract(&out, &sample(), false);
        let full = std::fs::read(&out).unwrap();
        std::fs::remove_file(&out).unwrap();
        let partial = AtomicPath(&out).partial();

        if format == "parquet" {
            // A finished output of the first 10 articles, then the rest resumed.
            let all = std::fs::read_to_string(sample()).unwrap();
            let head: Vec<&str> = all.lines().take(10).collect();
            let head = head.join("\n") + "\n";
            let first = dir.path().join("first.jsonl");
            std::fs::write(&first, head).unwrap();
            extract(&out, &first, false);
            let first_rows = parquet_rows(&out);
            let before = first_rows.len();
            // Articles without a meeting leave no row, so they are extracted again.
            let with_rows: BTreeSet<String> = first_rows.iter().map(|r| r[0].to_string()).collect();
            let run = extract(&out, &sample(), true);
            let said = format!("{} document(s) already in the output", with_rows.len());
            assert!(stderr(&run).contains(&said), "{}", stderr(&run));
            let mut got = parquet_rows(&out);
            assert!(got.len() > before);
            let reference = dir.path().join("ref.parquet");
            extract(&reference, &sample(), false);
            let mut want = parquet_rows(&reference);
            got.sort_by_key(|r| r.iter().map(ToString::to_string).collect::<Vec<_>>());
            want.sort_by_key(|r| r.iter().map(ToString::to_string).collect::<Vec<_>>());
            assert_eq!(got, want);
            continue;
        }
        // A crash: the partial file holds the first two thirds, cut mid-record.
        let cut = full.len() * 2 / 3;
        std::fs::write(&partial, &full[..cut]).unwrap();
        let run = extract(&out, &sample(), true);
        assert!(
            stderr(&run).contains("already in the output"),
            "{}",
            stderr(&run)
        );
        assert!(!partial.exists());
        let got = std::fs::read_to_string(&out).unwrap();
        let want = String::from_utf8(full.clone()).unwrap();
        // Same records; the re-extracted ones come after the kept ones, in input order.
        let mut g: Vec<&str> = got.lines().collect();
        let mut w: Vec<&str> = want.lines().collect();
        g.sort_unstable();
        w.sort_unstable();
        assert_eq!(g, w, "{format}");
        // Resuming a complete output adds nothing.
        extract(&out, &sample(), true);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), got);
    }
}

#[test]
fn duplicates_are_written_once_and_reported() {
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"قرر المكتب السياسي عقد المؤتمر في الرباط.\"}\n",
        "{\"id\":\"a\",\"text\":\"نص آخر بالمعرف نفسه.\"}\n",
        "{\"id\":\"b\",\"text\":\"قَرَّرَ المكتبُ السياسيُّ عقدَ المؤتمرِ في الرباط .\"}\n",
        "{\"id\":\"c\",\"text\":\"دعا الحزب إلى الحوار.\"}\n",
    );
    let out = fahras()
        .args(["extract", "--input-format", "jsonl"])
        .write_stdin(input)
        .assert()
        .success();
    let ids: Vec<String> = lines(&out.get_output().stdout)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a", "c"]);
    let err = stderr(&out);
    assert!(
        err.contains("line 2") && err.contains("id was read before"),
        "{err}"
    );
    assert!(
        err.contains("line 3") && err.contains("same normalized text as `a`"),
        "{err}"
    );
    assert!(err.contains("2 duplicate(s)"), "{err}");
    let out = fahras()
        .args(["extract", "--input-format", "jsonl", "--keep-duplicates"])
        .write_stdin(input)
        .assert()
        .success();
    assert_eq!(lines(&out.get_output().stdout).len(), 4);
}

#[test]
fn index_add_reads_the_same_inputs() {
    let dir = pull();
    let index = tempfile::tempdir().unwrap();
    fahras()
        .args(["index", "create"])
        .arg(index.path())
        .assert()
        .success();
    let errors = dir.path().join("errors.jsonl");
    fahras()
        .args(["index", "add", "--quiet", "--errors"])
        .arg(&errors)
        .arg(index.path())
        .arg(dir.path())
        .assert()
        .code(3);
    assert_eq!(lines(&std::fs::read(&errors).unwrap()).len(), 1);
    let out = fahras()
        .args(["search", "--format", "json"])
        .arg(index.path())
        .arg("المؤتمر التأسيسي")
        .assert()
        .success();
    let found: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(found["hits"][0]["id"], "urn:example:congress:1");
    assert_eq!(found["hits"][0]["title"], "انعقاد المؤتمر التأسيسي");
    let stats = fahras()
        .args(["index", "stats", "--format", "json"])
        .arg(index.path())
        .assert()
        .success();
    let stats: Value = serde_json::from_slice(&stats.get_output().stdout).unwrap();
    assert_eq!(stats["documents"], 4);
}

#[test]
fn a_byte_order_mark_on_the_first_json_line_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feed.jsonl");
    std::fs::write(
        &file,
        "\u{feff}{\"id\":\"a\",\"text\":\"اجتمع فرع اللاذقية للحزب.\"}\n{\"id\":\"b\",\"text\":\"نص ثان.\"}\n",
    )
    .unwrap();
    let out = fahras()
        .args(["extract", "--quiet"])
        .arg(&file)
        .assert()
        .success();
    let ids: Vec<Value> = lines(&out.get_output().stdout)
        .iter()
        .map(|d| d["id"].clone())
        .collect();
    assert_eq!(ids, ["a", "b"]);
}

/// A live feed on standard input (`tail -f feed.jsonl | fahras extract -`):
/// each document comes out once it is done, not when a batch fills or the
/// input ends.
#[test]
fn a_live_stream_on_stdin_gets_each_document_out_while_the_input_stays_open() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::sync::mpsc::channel;
    use std::time::Duration;

    let mut child = Command::new(&*crate::support::FAHRAS)
        .args(["extract", "-q", "--input-format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = channel();
    let lines = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    let texts = [
        "قرر المكتب السياسي للحزب عقد المؤتمر في دمشق",
        "دعا أمين فرع اللاذقية إلى تفعيل العمل",
    ];
    for (n, text) in texts.iter().enumerate() {
        let id = format!("live-{n}");
        writeln!(stdin, "{}", serde_json::json!({"id": id, "text": text})).unwrap();
        stdin.flush().unwrap();
        // The input is still open: the document must come out anyway.
        let line = rx
            .recv_timeout(Duration::from_secs(120))
            .unwrap_or_else(|e| panic!("no output for {id} while stdin is open: {e}"));
        let doc: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(doc["id"], id.as_str());
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    lines.join().unwrap();
}
