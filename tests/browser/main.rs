//! The search page of `fahras serve`, driven in headless Chromium through
//! chromedriver, as a researcher uses it: a name in another spelling, a
//! facet, an article, the CSV export, a query that does not parse, archive
//! text that looks like markup, the English labels. Screenshots of the
//! result list and the article view land in `target/tmp/screenshots/`.
//!
//! Needs Debian's `chromium` and `chromium-driver`: `scripts/test.sh`
//! installs them when missing and runs this with `--ignored`.

#[path = "../it/support.rs"]
#[allow(dead_code)]
mod support;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

use support::{Server, gold_path, index_of};

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start() -> Self {
        let exe = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned());
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(&exe)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start `{exe}` ({e}): install chromium and chromium-driver (scripts/test.sh does)")
            });
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn browser(driver: &Driver, downloads: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    let mut options = json!({
        "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=ar"],
        "prefs": {
            "download.default_directory": downloads,
            "download.prompt_for_download": false,
        },
    });
    if let Ok(bin) = std::env::var("CHROMIUM") {
        options["binary"] = json!(bin);
    }
    caps.insert("goog:chromeOptions".to_owned(), options);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a Chromium session")
}

/// Wait until the JavaScript expression `cond` is true in the page.
async fn until(c: &Client, cond: &str, what: &str) {
    let started = Instant::now();
    loop {
        let v = c
            .execute(&format!("return !!({cond});"), vec![])
            .await
            .expect("run a script");
        if v == Value::Bool(true) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what} ({cond})"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn js(c: &Client, expr: &str) -> Value {
    c.execute(&format!("return ({expr});"), vec![])
        .await
        .expect("run a script")
}

async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no `{css}`: {e}"))
        .text()
        .await
        .expect("its text")
}

/// Save a screenshot and check it is an image with something drawn on it.
async fn screenshot(c: &Client, name: &str) -> PathBuf {
    let png = c.screenshot().await.expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: not a PNG");
    // A blank 1280x1000 page compresses to a few KB; text and colour do not.
    assert!(
        png.len() > 30_000,
        "{name}: {} bytes, a blank page?",
        png.len()
    );
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).expect("the screenshot folder");
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, &png).expect("write the screenshot");
    path
}

/// A hostile article of the project's own: markup in its title and text.
fn hostile(dir: &Path) -> PathBuf {
    let path = dir.join("hostile.jsonl");
    let doc = json!({
        "id": "hostile-1",
        "title": "<script>window.__pwned = 1</script> بيان فرع الحزب",
        "text": "أكد أمين فرع الحزب في حمص <img src=x onerror=\"window.__pwned = 2\"> أن \
                 <script>window.__pwned = 3</script> الاجتماع الدوري انعقد.",
        "published": "2022-03-04",
    });
    std::fs::write(&path, format!("{doc}\n")).expect("write the hostile article");
    path
}

// One session, step by step as a user goes: splitting it would restart the
// browser and lose the state each step builds on.
#[allow(clippy::too_many_lines)]
#[test]
#[ignore = "needs chromium and chromium-driver; scripts/test.sh installs them and runs it"]
fn a_researcher_searches_filters_reads_and_exports() {
    let tmp = tempfile::tempdir().unwrap();
    let extra = hostile(tmp.path());
    let ixdir = index_of(&[Path::new(gold_path()), &extra]);
    let server = Server::start(&ixdir.path().join("ix"), &[]);
    let driver = Driver::start();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let downloads = tmp.path().join("downloads");
        std::fs::create_dir_all(&downloads).unwrap();
        let c = browser(&driver, &downloads).await;
        let base = &server.url;
        c.goto(&format!("{base}/")).await.unwrap();
        until(&c, "document.querySelectorAll('#results .card').length > 0", "the first page").await;
        assert_eq!(js(&c, "document.documentElement.dir").await, "rtl");
        until(&c, "document.querySelector('#stats').textContent.length > 0", "the stats").await;

        // A name without its hamza finds it as written, highlighted.
        let q = c.find(Locator::Css("#q")).await.unwrap();
        q.clear().await.unwrap();
        q.send_keys("نجلاء ابراهيم").await.unwrap();
        c.find(Locator::Css("#search-btn")).await.unwrap().click().await.unwrap();
        until(&c, "location.search.includes('q=')", "the query in the URL").await;
        until(
            &c,
            "[...document.querySelectorAll('#results .card .snippet mark')].some(m => m.textContent === 'إبراهيم')",
            "the original spelling highlighted",
        )
        .await;
        let summary = text_of(&c, "#summary").await;
        let before: u64 = summary
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .expect("a count in the summary");
        assert!(before >= 1, "{summary}");
        until(&c, "document.querySelectorAll('#timeline svg .bar').length > 0", "the timeline").await;
        screenshot(&c, "search").await;

        // A facet narrows the results and goes into the shareable URL.
        let facet = c
            .find(Locator::Css("#facets .facet-value[data-facet='place'], #facets .facet-value[data-facet='org']"))
            .await
            .expect("a place or organization facet");
        let (name, value) = (
            facet.attr("data-facet").await.unwrap().unwrap(),
            facet.attr("data-value").await.unwrap().unwrap(),
        );
        facet.click().await.unwrap();
        until(&c, &format!("new URLSearchParams(location.search).getAll('{name}').includes({})", json!(value)), "the facet in the URL").await;
        until(&c, "document.querySelectorAll('#active-filters .chip').length === 1", "the filter chip").await;
        let shared = c.current_url().await.unwrap();

        // The shared link restores the same state in a fresh page.
        c.goto(shared.as_str()).await.unwrap();
        until(&c, "document.querySelectorAll('#results .card').length > 0", "the shared link's results").await;
        assert_eq!(js(&c, "document.querySelector('#q').value").await, "نجلاء ابراهيم");
        assert_eq!(js(&c, "document.querySelectorAll('#active-filters .chip').length").await, 1);

        // The export link downloads the same search; the file has every match.
        c.find(Locator::Css("#export-csv")).await.unwrap().click().await.unwrap();
        let file = downloads.join("fahras-export.csv");
        let started = Instant::now();
        while !file.is_file() {
            assert!(started.elapsed() < Duration::from_secs(20), "no download in {}", downloads.display());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let body = std::fs::read_to_string(&file).expect("the downloaded CSV");
        let mut csv = csv::Reader::from_reader(body.as_bytes());
        assert_eq!(csv.headers().unwrap().get(0), Some("id"));
        let rows = csv.records().count();
        let total: u64 = text_of(&c, "#summary")
            .await
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap();
        assert_eq!(rows as u64, total, "the export holds every match");
        assert!(total <= before);

        // The article view: the text with its entities marked by kind.
        c.find(Locator::Css("#results .card a.open-doc")).await.unwrap().click().await.unwrap();
        until(&c, "!document.querySelector('#doc-view').hidden", "the article view").await;
        until(&c, "document.querySelectorAll('#doc-text mark.ent').length > 3", "marked entities").await;
        assert_eq!(js(&c, "document.querySelectorAll('#doc-text mark.ent-PERSON').length > 0").await, true);
        assert!(js(&c, "location.search").await.as_str().unwrap().contains("doc="));
        screenshot(&c, "article").await;

        // A query that does not parse: a message, not a blank page.
        c.goto(&format!("{base}/?q=%22%D8%BA%D9%8A%D8%B1")).await.unwrap();
        until(&c, "!document.querySelector('#error').hidden", "the error message").await;
        assert!(text_of(&c, "#error").await.contains("parse"));

        // Markup in the archive shows as text and never runs.
        c.goto(&format!("{base}/?q=%D8%A8%D9%8A%D8%A7%D9%86")).await.unwrap();
        until(&c, "[...document.querySelectorAll('.card-title')].some(t => t.textContent.includes('<script>'))", "the hostile title as text").await;
        c.goto(&format!("{base}/?doc=hostile-1")).await.unwrap();
        until(&c, "document.querySelector('#doc-text').textContent.includes('<img src=x')", "the hostile text as text").await;
        assert!(text_of(&c, "#doc-title").await.contains("<script>"));
        assert_eq!(js(&c, "document.querySelectorAll('#doc-text img, #doc-text script, #results script').length").await, 0);
        assert_eq!(js(&c, "window.__pwned === undefined").await, true);

        // English interface labels, kept in the URL.
        c.goto(&format!("{base}/")).await.unwrap();
        until(&c, "document.querySelectorAll('#results .card').length > 0", "the first page").await;
        c.find(Locator::Css("#lang-toggle")).await.unwrap().click().await.unwrap();
        until(&c, "document.documentElement.lang === 'en' && location.search.includes('lang=en')", "English labels").await;
        assert_eq!(js(&c, "document.documentElement.dir").await, "ltr");
        c.close().await.unwrap();
    });
}
