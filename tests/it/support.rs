//! Shared helpers: the `fahras` binary and the `../shared` data.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

/// The `fahras` binary of this workspace. `cargo test` builds test harnesses,
/// not the `fahras` binary itself, so it is (re)built here once per run: cargo
/// does nothing when it is up to date.
pub static FAHRAS: LazyLock<PathBuf> = LazyLock::new(|| {
    if let Some(p) = option_env!("CARGO_BIN_EXE_fahras") {
        return PathBuf::from(p);
    }
    let exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/it-… → target/<profile>/fahras
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let bin = dir.join(format!("fahras{}", std::env::consts::EXE_SUFFIX));
    let release = dir.file_name().is_some_and(|d| d == "release");
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["build", "-q", "-p", "fahras-cli"])
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    if release {
        cmd.arg("--release");
    }
    let status = cmd.status().expect("run cargo build");
    assert!(status.success(), "cargo build -p fahras-cli failed");
    bin
});

/// The sample corpus's gold file (its texts are the project's own).
pub fn gold_path() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus-sample/gold.jsonl")
}

/// A fresh index of `inputs` in a temporary directory, at `<dir>/ix`.
pub fn index_of(inputs: &[&Path]) -> tempfile::TempDir {
    index_with(inputs, &[])
}

/// Like [`index_of`], with more `index add` options.
pub fn index_with(inputs: &[&Path], options: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ix = dir.path().join("ix");
    fahras()
        .arg("index")
        .arg("create")
        .arg(&ix)
        .assert()
        .success();
    fahras()
        .args(["index", "add", "--quiet"])
        .args(options)
        .arg(&ix)
        .args(inputs)
        .assert()
        .success();
    dir
}

/// A fresh index of the sample corpus in a temporary directory, at `<dir>/ix`.
pub fn sample_index() -> tempfile::TempDir {
    index_of(&[Path::new(gold_path())])
}

/// `fahras serve` on a free loopback port, stopped when dropped.
#[derive(Debug)]
pub struct Server {
    child: std::process::Child,
    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub url: String,
}

impl Server {
    /// Serve the index `ix` with the extra arguments `args`; returns once it
    /// listens (it prints its address then).
    pub fn start(ix: &Path, args: &[&str]) -> Self {
        use std::io::BufRead;
        let mut child = Command::new(&*FAHRAS)
            .arg("serve")
            .arg(ix)
            .args(["--port", "0", "--threads", "2"])
            .args(args)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("start fahras serve");
        let mut line = String::new();
        let out = child.stdout.take().expect("piped stdout");
        std::io::BufReader::new(out)
            .read_line(&mut line)
            .expect("read the address");
        let url = line
            .trim()
            .strip_prefix("fahras serve: ")
            .unwrap_or_else(|| panic!("fahras serve printed {line:?}, not its address"))
            .trim_end_matches('/')
            .to_owned();
        Self { child, url }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A command running the `fahras` binary.
pub fn fahras() -> assert_cmd::Command {
    assert_cmd::Command::new(&*FAHRAS)
}

/// `../shared` beside the repository, or `None` (with a note) when it is absent
/// outside CI. Under CI its absence is a failure: the tests would prove nothing.
#[allow(clippy::print_stderr)] // the skip must be visible in the test log
pub fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("FAHRAS_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
        PathBuf::from,
    );
    if dir.join("seeds").is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "../shared is missing under CI: {}",
        dir.display()
    );
    eprintln!(
        "note: {} not found; skipping tests on the seed articles",
        dir.display()
    );
    None
}

/// The five seed articles as `(file name, text)`, sorted.
pub fn seeds() -> Vec<(String, String)> {
    let Some(dir) = shared() else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir.join("seeds"))
        .expect("read seeds")
        .flatten()
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).expect("seed is UTF-8");
            (e.file_name().to_string_lossy().into_owned(), text)
        })
        .collect();
    out.sort();
    assert_eq!(out.len(), 5, "five seed articles");
    out
}

/// The seed whose file name starts with `prefix` ("002").
pub fn seed(prefix: &str) -> Option<(String, String)> {
    seeds().into_iter().find(|(n, _)| n.starts_with(prefix))
}
