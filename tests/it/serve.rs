//! `fahras serve` over HTTP: the API answers what the CLI prints, bad input
//! gets a clear 4xx, archive text cannot run as markup, writes need
//! `--allow-writes`. (The page itself is driven in a browser by
//! `tests/browser`.)

use serde_json::Value;

use crate::support::{Server, fahras, index_of, sample_index};

/// An answer: status, content type, CSP and body.
struct Answer {
    status: u16,
    mime: String,
    csp: String,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn answer(mut res: ureq::http::Response<ureq::Body>) -> Answer {
    let header = |k: &str| {
        res.headers()
            .get(k)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let (status, mime, csp) = (
        res.status().as_u16(),
        header("content-type"),
        header("content-security-policy"),
    );
    let body = res.body_mut().read_to_string().expect("a UTF-8 body");
    Answer {
        status,
        mime,
        csp,
        body,
    }
}

fn get(server: &Server, path: &str) -> Answer {
    answer(
        agent()
            .get(format!("{}{path}", server.url))
            .call()
            .expect("the server answers"),
    )
}

/// `path?` followed by the URL-encoded `params`.
fn url(path: &str, params: &[(&str, &str)]) -> String {
    let q = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    format!("{path}?{q}")
}

fn cli_json(args: &[&str]) -> Value {
    let out = fahras().args(args).output().unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{args:?}");
    serde_json::from_slice(&out.stdout).expect("JSON from the CLI")
}

/// The highlighted words of a passage, by their code-point offsets.
fn marked_words(snippet: &Value) -> Vec<String> {
    let text: Vec<char> = snippet["text"].as_str().unwrap().chars().collect();
    let base = snippet["start"].as_u64().unwrap();
    snippet["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let (a, b) = (h["start"].as_u64().unwrap(), h["end"].as_u64().unwrap());
            text[(a - base) as usize..(b - base) as usize]
                .iter()
                .collect()
        })
        .collect()
}

#[test]
fn the_api_answers_what_the_cli_prints() {
    let dir = sample_index();
    let ix = dir.path().join("ix");
    let ixs = ix.to_str().unwrap();
    let server = Server::start(&ix, &[]);

    // A name in another spelling (no hamza), facets and the timeline.
    let api = get(
        &server,
        &url(
            "/api/search",
            &[
                ("q", "نجلاء ابراهيم"),
                ("facet", "org,place,year"),
                ("timeline", "1"),
                ("snippets", "2"),
            ],
        ),
    );
    assert_eq!(api.status, 200, "{}", api.body);
    assert!(api.mime.starts_with("application/json"));
    let api = api.json();
    let cli = cli_json(&[
        "search",
        ixs,
        "نجلاء ابراهيم",
        "--facets",
        "org,place,year",
        "--timeline",
        "--snippets",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(api, cli);
    assert!(api["total"].as_u64().unwrap() >= 1);
    // The passage shows the original spelling, highlighted.
    let hit = &api["hits"][0];
    let snippet = &hit["snippets"][0];
    let marked = marked_words(snippet);
    assert!(marked.iter().any(|m| m == "إبراهيم"), "{marked:?}");
    let months = api["timeline"].as_array().unwrap();
    let counted: u64 = months.iter().map(|m| m["count"].as_u64().unwrap()).sum();
    assert!(counted >= 1 && counted <= api["total"].as_u64().unwrap());

    // A facet value as a filter narrows the set, as `--org` does.
    let org = api["facets"]["org"][0]["value"]
        .as_str()
        .unwrap()
        .to_owned();
    let narrowed = get(
        &server,
        &url("/api/search", &[("org", &org), ("limit", "100")]),
    )
    .json();
    let cli = cli_json(&[
        "search",
        ixs,
        "",
        "--org",
        &org,
        "--limit",
        "100",
        "--snippets",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(narrowed, cli);

    // The article view, the stats and the export are the CLI's too.
    let id = hit["article"].as_str().unwrap();
    let doc = get(&server, &format!("/api/doc/{id}")).json();
    assert_eq!(doc, cli_json(&["index", "show", ixs, id]));
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    for e in doc["entities"].as_array().unwrap() {
        let (a, b) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
        let surface: String = text[a as usize..b as usize].iter().collect();
        assert_eq!(surface, e["text"].as_str().unwrap());
    }
    assert_eq!(
        get(&server, "/api/stats").json(),
        cli_json(&["index", "stats", ixs, "--format", "json"])
    );
    let csv = get(&server, &url("/api/export.csv", &[("q", "امين")]));
    assert!(csv.mime.starts_with("text/csv"));
    let out = fahras()
        .args(["search", ixs, "امين", "--format", "csv", "--limit", "10000"])
        .output()
        .unwrap();
    assert_eq!(csv.body, String::from_utf8(out.stdout).unwrap());
    let total = get(&server, &url("/api/facets", &[("q", "امين")])).json()["total"].clone();
    let mut rows = csv::Reader::from_reader(csv.body.as_bytes());
    assert_eq!(rows.headers().unwrap().get(0), Some("id"));
    assert_eq!(rows.records().count() as u64, total.as_u64().unwrap());
    let jsonl = get(&server, &url("/api/export.jsonl", &[("q", "امين")]));
    assert_eq!(jsonl.body.lines().count() as u64, total.as_u64().unwrap());
}

#[test]
fn untrusted_input_gets_a_clear_answer_and_archive_text_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("hostile.jsonl");
    let doc = serde_json::json!({
        "id": "x<1>",
        "title": "<script>alert('عنوان')</script>",
        "text": "قال أمين فرع الحزب <img src=x onerror=alert(1)> إن <script>alert(2)</script> لا يمر.",
        "url": "javascript:alert(3)",
        "published": "2021-05-02",
    });
    std::fs::write(&hostile, format!("{doc}\n")).unwrap();
    let ixdir = index_of(&[&hostile]);
    let server = Server::start(&ixdir.path().join("ix"), &[]);

    for (path, status, word) in [
        (url("/api/search", &[("q", "\"غير مغلق")]), 400, "parse"),
        (url("/api/search", &[("q", "colour:red")]), 400, "parse"),
        (
            url("/api/search", &[("q", &"ا ".repeat(600))]),
            400,
            "longer",
        ),
        (url("/api/search", &[("limit", "1000000")]), 400, "limit"),
        (url("/api/search", &[("from", "2021-02-30")]), 400, "from"),
        (url("/api/search", &[("facet", "colour")]), 400, "colour"),
        (url("/api/search", &[("sort", "date")]), 400, "sort"),
        (
            url("/api/search", &[("q", &"x".repeat(20_000))]),
            414,
            "query string",
        ),
        ("/api/doc/nothing-here".to_owned(), 404, "nothing-here"),
        ("/api/nothing".to_owned(), 404, "no such"),
    ] {
        let a = get(&server, &path);
        assert_eq!(a.status, status, "{path}: {}", a.body);
        let msg = a.json()["error"].as_str().unwrap().to_owned();
        assert!(msg.contains(word), "{path}: {msg}");
    }

    // The archive's markup is data: JSON strings, not HTML.
    let found = get(&server, &url("/api/search", &[("q", "امين")]));
    assert!(found.mime.starts_with("application/json"));
    assert_eq!(
        found.json()["hits"][0]["title"],
        "<script>alert('عنوان')</script>"
    );
    let doc = get(&server, "/api/doc/x%3C1%3E").json();
    assert!(
        doc["text"]
            .as_str()
            .unwrap()
            .contains("<img src=x onerror=alert(1)>")
    );

    // The page: its own files only, inline script refused by the policy.
    let page = get(&server, "/");
    assert_eq!(page.status, 200);
    assert!(page.mime.starts_with("text/html"));
    assert!(page.csp.contains("script-src 'self'"), "{}", page.csp);
    assert!(!page.csp.contains("unsafe-inline"));
    let css = get(&server, "/assets/app.css").body;
    for src in [
        "/assets/app.js",
        "/assets/app.css",
        "/assets/fonts/NotoNaskhArabic-Regular.ttf",
    ] {
        assert!(page.body.contains(src) || css.contains(src), "{src}");
        let res = agent().get(format!("{}{src}", server.url)).call().unwrap();
        assert_eq!(res.status().as_u16(), 200, "{src}");
    }
    for file in [&page.body, &css] {
        for outside in [
            "src=\"http",
            "href=\"http",
            "url(http",
            "url(\"http",
            "@import",
        ] {
            assert!(!file.contains(outside), "no CDN: {outside}");
        }
    }
    assert_eq!(get(&server, "/assets/../Cargo.toml").status, 404);
}

#[test]
fn writes_need_allow_writes() {
    let dir = sample_index();
    let ix = dir.path().join("ix");
    let body = r#"{"id": "new-1", "text": "ترأس الرفيق سامر الزعتريني أمين فرع حمص للحزب اجتماعاً للجنة.", "published": "2024-02-03"}"#;
    {
        let server = Server::start(&ix, &[]);
        let a = answer(
            agent()
                .post(format!("{}/api/articles", server.url))
                .send(body)
                .unwrap(),
        );
        assert_eq!(a.status, 403, "{}", a.body);
        assert!(
            a.json()["error"]
                .as_str()
                .unwrap()
                .contains("--allow-writes")
        );
        let d = answer(
            agent()
                .delete(format!("{}/api/doc/egy-01", server.url))
                .call()
                .unwrap(),
        );
        assert_eq!(d.status, 403);
    }
    let server = Server::start(&ix, &["--allow-writes"]);
    // Asked before the write: a cached answer must not outlive the commit.
    let before = get(&server, &url("/api/search", &[("q", "سامر الزعتريني")])).json();
    assert_eq!(before["total"], 0);
    let a = answer(
        agent()
            .post(format!("{}/api/articles", server.url))
            .send(body)
            .unwrap(),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.json()["added"], 1);
    let found = get(&server, &url("/api/search", &[("q", "سامر الزعتريني")])).json();
    assert_eq!(found["hits"][0]["id"], "new-1");
    let bad = answer(
        agent()
            .post(format!("{}/api/articles", server.url))
            .send("{\"id\": \"x\"}\nnot json")
            .unwrap(),
    );
    assert_eq!(bad.status, 400);
    assert!(bad.json()["error"].as_str().unwrap().contains("line 1"));
    let d = answer(
        agent()
            .delete(format!("{}/api/doc/new-1", server.url))
            .call()
            .unwrap(),
    );
    assert_eq!(d.json()["deleted"], true);
    assert_eq!(get(&server, "/api/doc/new-1").status, 404);
    drop(server);
    assert_eq!(
        cli_json(&["index", "stats", ix.to_str().unwrap(), "--format", "json"])["documents"],
        31
    );
}
