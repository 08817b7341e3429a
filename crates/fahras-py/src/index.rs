//! `Index`, `SearchResults` and `Hit`: the archive of `fahras index` and
//! `fahras search`, with the same filters, facets and JSON.

use std::path::PathBuf;
use std::sync::Mutex;

use fahras_core::Extractor;
use fahras_core::index::{Article, DocType, Filters, Index, SearchRequest, Writer, WriterOptions};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple, PyType};
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::convert::{self, repr};
use crate::errors::{IndexingError, IntoPyResult};
use crate::pool;
use crate::types::{PyDocument, from_object, to_object};

/// Articles prepared together on the pool (as `fahras index add`).
const BATCH_DOCS: usize = 256;

/// A fahras index directory: search it, and add or delete articles.
///
/// Changes become visible and durable at `commit()`; a `with` block commits
/// on success. Several processes may search one index while one writes.
#[pyclass(name = "Index", module = "fahras")]
#[derive(Debug)]
pub struct PyIndex {
    inner: Index,
    read_only: bool,
    /// Opened at the first change and released at commit, so other writers
    /// (the CLI) are locked out only while changes are pending.
    writer: Mutex<Option<Writer>>,
}

impl PyIndex {
    fn wrap(inner: Index, read_only: bool) -> Self {
        Self {
            inner,
            read_only,
            writer: Mutex::new(None),
        }
    }

    /// The writer slot; poisoned only when a change panicked half-way.
    fn lock_writer(&self) -> PyResult<std::sync::MutexGuard<'_, Option<Writer>>> {
        self.writer
            .lock()
            .map_err(|_| IndexingError::new_err("a previous change to this index failed"))
    }

    /// The writer, opened on first use.
    fn with_writer<R>(&self, f: impl FnOnce(&mut Writer) -> PyResult<R>) -> PyResult<R> {
        if self.read_only {
            return Err(IndexingError::new_err(format!(
                "the index `{}` is open read-only: use Index.open(path, read_only=False)",
                self.inner.path().display()
            )));
        }
        let mut guard = self.lock_writer()?;
        if guard.is_none() {
            let threads = pool::threads(None)?;
            *guard = Some(
                self.inner
                    .writer(WriterOptions {
                        threads: threads.clamp(1, 8),
                        ..WriterOptions::default()
                    })
                    .py()?,
            );
        }
        match guard.as_mut() {
            Some(w) => f(w),
            None => Err(IndexingError::new_err("no writer")),
        }
    }
}

/// An article from a `Document`, a dict like a JSON line of `index add`, or an `(id, text)` pair.
fn article(obj: &Bound<'_, PyAny>) -> PyResult<Article> {
    if let Ok(doc) = obj.cast::<PyDocument>() {
        let d = doc.get();
        let mut a = Article::new(d.id_str(), d.text_str());
        a.published = d
            .published_str()
            .and_then(fahras_core::extract::parse_published);
        return Ok(a);
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let get = |k: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
            Ok(dict.get_item(k)?.filter(|v| !v.is_none()))
        };
        let text: String = get("text")?
            .ok_or_else(|| PyValueError::new_err("a document dict needs `text`"))?
            .extract()?;
        let id: String = get("id")?
            .ok_or_else(|| PyValueError::new_err("a document dict needs `id`"))?
            .str()?
            .to_string();
        let mut a = Article::new(id, text);
        let opt = |k: &str| -> PyResult<Option<String>> {
            get(k)?.map(|v| v.extract::<String>()).transpose()
        };
        a.title = opt("title")?;
        a.source = opt("source")?;
        a.url = opt("url")?;
        let date = match get("published")? {
            Some(p) => Some(p),
            None => get("date")?,
        };
        a.published = convert::date(date.as_ref())?;
        return Ok(a);
    }
    if let Ok(t) = obj.cast::<PyTuple>()
        && t.len() == 2
    {
        let id: String = t.get_item(0)?.str()?.to_string();
        let text: String = t.get_item(1)?.extract()?;
        return Ok(Article::new(id, text));
    }
    Err(PyTypeError::new_err(format!(
        "cannot index a `{}`: give a Document, a dict with `id` and `text`, or an (id, text) tuple",
        obj.get_type().name()?
    )))
}

/// `"article"`, `"directive"`, `"all"` or a directive kind, as `search --kind`.
fn doc_type(kind: &str) -> PyResult<(DocType, Option<&'static str>)> {
    Ok(match kind {
        "article" => (DocType::Article, None),
        "directive" => (DocType::Directive, None),
        "all" => (DocType::Any, None),
        "decision" => (DocType::Directive, Some("decision")),
        "call" => (DocType::Directive, Some("call")),
        "recommendation" => (DocType::Directive, Some("recommendation")),
        "emphasis" => (DocType::Directive, Some("emphasis")),
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown kind `{other}` (expected article, directive, decision, call, recommendation, emphasis or all)"
            )));
        }
    })
}

#[pymethods]
impl PyIndex {
    /// Create an empty index in `path` (created when missing; it must be empty), open for writing.
    #[classmethod]
    fn create(_cls: &Bound<'_, PyType>, py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let inner = py.detach(|| Index::create(&path)).py()?;
        Ok(Self::wrap(inner, false))
    }

    /// Open the index in `path`; `read_only=False` to add and delete.
    #[classmethod]
    #[pyo3(signature = (path, *, read_only = true))]
    fn open(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        path: PathBuf,
        read_only: bool,
    ) -> PyResult<Self> {
        let inner = py.detach(|| Index::open(&path)).py()?;
        Ok(Self::wrap(inner, read_only))
    }

    /// The index directory.
    #[getter]
    fn path(&self) -> PathBuf {
        self.inner.path().to_path_buf()
    }

    /// Whether changes are refused.
    #[getter]
    fn read_only(&self) -> bool {
        self.read_only
    }

    /// Add (or replace, by id) articles; returns how many. Entities are
    /// extracted for facets and directives unless `extract=False`.
    /// Nothing is visible before `commit()`.
    #[pyo3(signature = (docs, *, extract = true, kinds = None, n_threads = None))]
    fn add(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        extract: bool,
        kinds: Option<&Bound<'_, PyAny>>,
        n_threads: Option<usize>,
    ) -> PyResult<usize> {
        let extractor = extract
            .then(|| convert::kinds(kinds).map(Extractor::new))
            .transpose()?;
        let n = pool::threads(n_threads)?;
        let mut added = 0;
        let mut batch = Vec::with_capacity(BATCH_DOCS);
        let mut items = docs.try_iter()?;
        loop {
            let next = items.next().transpose()?;
            if let Some(obj) = &next {
                let a = article(obj)?;
                fahras_core::check_len(&a.text).py()?;
                batch.push(a);
            }
            if batch.len() >= BATCH_DOCS || (next.is_none() && !batch.is_empty()) {
                let (index, ex) = (&self.inner, extractor.as_ref());
                let prepared = py.detach(|| {
                    pool::install(n, || {
                        batch
                            .par_iter()
                            .map(|a| index.prepare(a, ex))
                            .collect::<Vec<_>>()
                    })
                })?;
                added += prepared.len();
                self.with_writer(|w| {
                    py.detach(|| prepared.into_iter().try_for_each(|p| w.add(p)))
                        .py()
                })?;
                batch.clear();
            }
            if next.is_none() {
                return Ok(added);
            }
        }
    }

    /// Delete articles (and their directives) by id; returns how many were there.
    fn delete(&self, ids: &Bound<'_, PyAny>) -> PyResult<usize> {
        let ids = convert::strings(ids)?;
        let mut found = 0;
        for id in &ids {
            if self.inner.contains(id).py()? {
                found += 1;
            }
        }
        self.with_writer(|w| {
            for id in &ids {
                w.delete(id);
            }
            Ok(())
        })?;
        Ok(found)
    }

    /// Make the changes durable and visible, and release the writer lock.
    fn commit(&self, py: Python<'_>) -> PyResult<()> {
        let mut guard = self.lock_writer()?;
        if let Some(mut w) = guard.take() {
            py.detach(|| {
                w.commit()?;
                w.finish()
            })
            .py()?;
        }
        py.detach(|| self.inner.reload()).py()
    }

    /// Drop the changes since the last commit.
    fn rollback(&self) -> PyResult<()> {
        let mut guard = self.lock_writer()?;
        guard.take();
        Ok(())
    }

    /// Articles added or deleted since the last commit.
    #[getter]
    fn pending(&self) -> u64 {
        self.writer
            .lock()
            .ok()
            .and_then(|g| g.as_ref().map(Writer::pending))
            .unwrap_or(0)
    }

    /// Search as `fahras search` does: the same query syntax, kinds, filters,
    /// facets and snippets, and the same JSON from `to_dict()`.
    #[pyo3(signature = (
        query, *, limit = 10, offset = 0, kind = "article", org = None, branch = None,
        person = None, role = None, place = None, date_from = None, date_to = None,
        facets = None, facet_limit = 10, snippets = 1, timeline = false
    ))]
    #[allow(clippy::too_many_arguments)]
    fn search(
        &self,
        py: Python<'_>,
        query: String,
        limit: usize,
        offset: usize,
        kind: &str,
        org: Option<&Bound<'_, PyAny>>,
        branch: Option<&Bound<'_, PyAny>>,
        person: Option<&Bound<'_, PyAny>>,
        role: Option<&Bound<'_, PyAny>>,
        place: Option<&Bound<'_, PyAny>>,
        date_from: Option<&Bound<'_, PyAny>>,
        date_to: Option<&Bound<'_, PyAny>>,
        facets: Option<&Bound<'_, PyAny>>,
        facet_limit: usize,
        snippets: usize,
        timeline: bool,
    ) -> PyResult<PySearchResults> {
        let (doc_type, directive_kind) = doc_type(kind)?;
        let req = SearchRequest {
            query,
            limit,
            offset,
            doc_type,
            filters: Filters {
                org: convert::opt_strings(org)?,
                branch: convert::opt_strings(branch)?,
                person: convert::opt_strings(person)?,
                role: convert::opt_strings(role)?,
                place: convert::opt_strings(place)?,
                directive_kind: directive_kind.into_iter().map(str::to_owned).collect(),
                from: convert::date(date_from)?,
                to: convert::date(date_to)?,
            },
            facets: convert::opt_strings(facets)?
                .iter()
                .map(|f| f.trim().to_owned())
                .collect(),
            facet_limit,
            snippets,
            timeline,
        };
        let found = py.detach(|| self.inner.search(&req)).py()?;
        // Through the JSON text, as the CLI prints it: scores are f32, and
        // their shortest decimal form is what a JSON reader sees.
        let json = serde_json::to_string(&found)
            .and_then(|s| serde_json::from_str::<Value>(&s))
            .map_err(|e| IndexingError::new_err(e.to_string()))?;
        Ok(PySearchResults::from_json(json))
    }

    /// The article `id` as stored, as `fahras index show` prints it: its
    /// text, entities (offsets into the text), relations, officials and
    /// directives; `None` when there is no such article.
    fn article<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Some(doc) = py.detach(|| self.inner.article(id)).py()? else {
            return Ok(None);
        };
        let v = serde_json::to_value(&doc).map_err(|e| IndexingError::new_err(e.to_string()))?;
        to_object(py, &v).map(Some)
    }

    /// `{"documents", "directives", "segments", "bytes", "fingerprint", "path"}`,
    /// as `fahras index stats --format json`.
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let s = self.inner.stats().py()?;
        let v = serde_json::to_value(&s).map_err(|e| IndexingError::new_err(e.to_string()))?;
        to_object(py, &v)
    }

    fn __len__(&self) -> PyResult<usize> {
        let s = self.inner.stats().py()?;
        Ok(usize::try_from(s.documents).unwrap_or(usize::MAX))
    }

    fn __contains__(&self, id: &str) -> PyResult<bool> {
        self.inner.contains(id).py()
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// Commit when the block succeeded, roll back when it raised.
    fn __exit__(
        &self,
        py: Python<'_>,
        exc_type: Option<&Bound<'_, PyAny>>,
        _exc: Option<&Bound<'_, PyAny>>,
        _tb: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<bool> {
        if self.read_only {
            return Ok(false);
        }
        if exc_type.is_some_and(|t| !t.is_none()) {
            self.rollback()?;
        } else {
            self.commit(py)?;
        }
        Ok(false)
    }

    /// A read-only index pickles as its path and reopens on the other side.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.borrow();
        if !me.read_only {
            return Err(PyTypeError::new_err(
                "an Index open for writing cannot be pickled: pickle Index.open(path) (read-only) instead",
            ));
        }
        let ctor = slf.get_type().getattr("open")?;
        PyTuple::new(py, [ctor, (me.path(),).into_pyobject(py)?.into_any()])
    }

    fn __repr__(&self) -> String {
        format!(
            "Index({}, read_only={})",
            repr(&self.inner.path().display().to_string()),
            if self.read_only { "True" } else { "False" }
        )
    }
}

/// The answer to a search: `total`, the page of `hits`, and `facets`.
#[pyclass(
    name = "SearchResults",
    module = "fahras",
    frozen,
    eq,
    skip_from_py_object
)]
#[derive(Clone, Debug, PartialEq)]
pub struct PySearchResults {
    total: usize,
    hits: Vec<PyHit>,
    facets: Value,
    timeline: Option<Value>,
}

impl PySearchResults {
    fn from_json(v: Value) -> Self {
        let total = v
            .get("total")
            .and_then(Value::as_u64)
            .and_then(|t| usize::try_from(t).ok())
            .unwrap_or(0);
        let hits = v
            .get("hits")
            .and_then(Value::as_array)
            .map(|a| a.iter().cloned().map(|data| PyHit { data }).collect())
            .unwrap_or_default();
        let facets = v.get("facets").cloned().unwrap_or_else(|| json!({}));
        let timeline = v.get("timeline").cloned();
        Self {
            total,
            hits,
            facets,
            timeline,
        }
    }
}

#[pymethods]
impl PySearchResults {
    #[new]
    fn new(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Self::from_json(from_object(data)?))
    }

    /// Every matching document.
    #[getter]
    fn total(&self) -> usize {
        self.total
    }

    /// The requested page, best first.
    #[getter]
    fn hits(&self) -> Vec<PyHit> {
        self.hits.clone()
    }

    /// `{facet: [{"value", "count"}, ...]}`, most frequent first.
    #[getter]
    fn facets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.facets)
    }

    /// `[{"month": "YYYY-MM", "count"}, ...]` when the search asked for a
    /// timeline, else `None`.
    #[getter]
    fn timeline<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.timeline.as_ref().map(|t| to_object(py, t)).transpose()
    }

    /// The JSON of `fahras search --format json`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.json())
    }

    fn __len__(&self) -> usize {
        self.hits.len()
    }

    fn __getitem__(&self, i: isize) -> PyResult<PyHit> {
        let n = isize::try_from(self.hits.len()).unwrap_or(isize::MAX);
        let j = if i < 0 { i + n } else { i };
        usize::try_from(j)
            .ok()
            .and_then(|j| self.hits.get(j))
            .cloned()
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("hit index out of range"))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let data = to_object(py, &slf.get().json())?;
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                PyTuple::new(py, [data])?.into_any(),
            ],
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "SearchResults(total={}, hits={})",
            self.total,
            self.hits.len()
        )
    }
}

impl PySearchResults {
    fn json(&self) -> Value {
        let mut v = json!({
            "total": self.total,
            "hits": self.hits.iter().map(|h| h.data.clone()).collect::<Vec<_>>(),
            "facets": self.facets,
        });
        if let (Some(t), Some(map)) = (&self.timeline, v.as_object_mut()) {
            map.insert("timeline".to_owned(), t.clone());
        }
        v
    }
}

/// One hit: an article, or a directive with its row and its article.
#[pyclass(name = "Hit", module = "fahras", frozen, eq, from_py_object)]
#[derive(Clone, Debug, PartialEq)]
pub struct PyHit {
    data: Value,
}

impl PyHit {
    fn str_field(&self, k: &str) -> Option<&str> {
        self.data.get(k).and_then(Value::as_str)
    }

    fn list<'py>(&self, py: Python<'py>, k: &str) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, self.data.get(k).unwrap_or(&json!([])))
    }
}

#[pymethods]
impl PyHit {
    #[new]
    fn new(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Self {
            data: from_object(data)?,
        })
    }

    /// The article's id, or `<article>#<n>` for its n-th directive.
    #[getter]
    fn id(&self) -> &str {
        self.str_field("id").unwrap_or_default()
    }
    /// `article` or `directive`.
    #[getter]
    fn doc_type(&self) -> &str {
        self.str_field("doc_type").unwrap_or_default()
    }
    /// The article's id.
    #[getter]
    fn article(&self) -> &str {
        self.str_field("article").unwrap_or_default()
    }
    /// Relevance (BM25; higher is better).
    #[getter]
    fn score(&self) -> f64 {
        self.data
            .get("score")
            .and_then(Value::as_f64)
            .unwrap_or(0.0)
    }
    /// The article's title.
    #[getter]
    fn title(&self) -> &str {
        self.str_field("title").unwrap_or_default()
    }
    /// Publication date (ISO 8601), or `None`.
    #[getter]
    fn published(&self) -> Option<&str> {
        self.str_field("published")
    }
    /// Where the article was published.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.str_field("source")
    }
    /// Its address.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.str_field("url")
    }
    /// Passages: `{"text", "start", "end", "byte_start", "byte_end", "highlights"}`, offsets into the article.
    #[getter]
    fn snippets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.list(py, "snippets")
    }
    /// The article's entities, as `Entity.to_dict()`.
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.list(py, "entities")
    }
    /// Relations between them.
    #[getter]
    fn relations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.list(py, "relations")
    }
    /// Officials: person, role, org, branch, place (names).
    #[getter]
    fn officials<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.list(py, "officials")
    }
    /// Directive rows (for a directive hit: its own row).
    #[getter]
    fn directives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.list(py, "directives")
    }

    /// The hit as `fahras search --format jsonl` prints it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.data)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let data = to_object(py, &slf.get().data)?;
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                PyTuple::new(py, [data])?.into_any(),
            ],
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Hit(id={}, score={:.3}, title={})",
            repr(self.id()),
            self.score(),
            repr(self.title())
        )
    }
}
