//! `Extractor`: one document, or a batch on fahras's pool with the GIL
//! released; columns for pandas and Arrow.

use fahras_core::extract::{Cell, Date, Extraction, Table, TableDoc};
use fahras_core::{Document, Extractor};
use pyo3::exceptions::{PyImportError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use rayon::prelude::*;
use serde_json::Value;

use crate::convert::{self, repr};
use crate::pool;
use crate::types::PyDocument;

/// Extracts the entities of ANNOTATION.md from Arabic news text.
///
/// The gazetteers are compiled into the library, so an extractor is fully
/// described by its kinds: it pickles as them and rebuilds anywhere.
#[pyclass(name = "Extractor", module = "fahras", frozen)]
#[derive(Debug)]
pub struct PyExtractor {
    inner: Extractor,
}

/// The inputs of a batch, owned, so the GIL can be released.
struct Batch {
    texts: Vec<String>,
    ids: Vec<String>,
    published: Vec<Option<Date>>,
}

impl Batch {
    fn read(
        texts: &Bound<'_, PyAny>,
        ids: Option<&Bound<'_, PyAny>>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let texts: Vec<String> = texts
            .try_iter()?
            .map(|t| t?.extract::<String>())
            .collect::<PyResult<_>>()?;
        for t in &texts {
            fahras_core::check_len(t).map_err(|e| crate::errors::to_py(&e))?;
        }
        let ids = match ids.filter(|o| !o.is_none()) {
            Some(ids) => {
                let ids: Vec<String> = ids
                    .try_iter()?
                    .map(|i| i?.str().map(|s| s.to_string()))
                    .collect::<PyResult<_>>()?;
                if ids.len() != texts.len() {
                    return Err(PyValueError::new_err(format!(
                        "{} ids for {} texts",
                        ids.len(),
                        texts.len()
                    )));
                }
                ids
            }
            None => (0..texts.len()).map(|i| i.to_string()).collect(),
        };
        let published = Self::dates(published, texts.len())?;
        Ok(Self {
            texts,
            ids,
            published,
        })
    }

    /// One date for all, or one per text.
    fn dates(obj: Option<&Bound<'_, PyAny>>, n: usize) -> PyResult<Vec<Option<Date>>> {
        let Some(obj) = obj.filter(|o| !o.is_none()) else {
            return Ok(vec![None; n]);
        };
        if obj.is_instance_of::<pyo3::types::PyString>() || obj.hasattr("isoformat")? {
            return Ok(vec![convert::date(Some(obj))?; n]);
        }
        let dates: Vec<Option<Date>> = obj
            .try_iter()?
            .map(|d| convert::date(Some(&d?)))
            .collect::<PyResult<_>>()?;
        if dates.len() != n {
            return Err(PyValueError::new_err(format!(
                "{} publication dates for {n} texts",
                dates.len()
            )));
        }
        Ok(dates)
    }
}

impl PyExtractor {
    fn run(
        &self,
        py: Python<'_>,
        batch: &Batch,
        n_threads: Option<usize>,
    ) -> PyResult<Vec<Extraction>> {
        let n = pool::threads(n_threads)?;
        let inner = &self.inner;
        py.detach(|| {
            pool::install(n, || {
                batch
                    .texts
                    .par_iter()
                    .zip(&batch.published)
                    .map(|(text, &published)| inner.extract(&Document { text, published }))
                    .collect()
            })
        })
    }

    /// The entity or directive table of a batch, as columns of Python lists.
    fn columns<'py>(
        &self,
        py: Python<'py>,
        batch: &Batch,
        n_threads: Option<usize>,
        table: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let table: Table = table
            .parse()
            .map_err(|e: fahras_core::extract::UnknownTable| {
                PyValueError::new_err(e.to_string())
            })?;
        let found = self.run(py, batch, n_threads)?;
        let columns = table.columns();
        let mut cols: Vec<Vec<Value>> = vec![Vec::new(); columns.len()];
        for ((id, text), (f, &published)) in batch
            .ids
            .iter()
            .zip(&batch.texts)
            .zip(found.iter().zip(&batch.published))
        {
            let doc = TableDoc {
                id,
                text,
                published,
            };
            for row in table.rows(f, doc) {
                for (c, cell) in cols.iter_mut().zip(row) {
                    c.push(match cell {
                        Cell::Null => Value::Null,
                        Cell::Int(i) => Value::from(i),
                        Cell::Text(t) => Value::from(t),
                    });
                }
            }
        }
        let out = PyDict::new(py);
        for (c, col) in columns.iter().zip(cols) {
            out.set_item(c.name, column(py, col)?)?;
        }
        Ok(out)
    }
}

/// A column as a Python list.
fn column(py: Python<'_>, values: Vec<Value>) -> PyResult<Bound<'_, PyList>> {
    let items = values
        .iter()
        .map(|v| crate::types::to_object(py, v))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// Import an optional dependency, naming the extra that installs it.
fn import_extra<'py>(py: Python<'py>, module: &str, extra: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|e| {
        PyImportError::new_err(format!(
            "this needs {module}, which is not installed: pip install 'fahras[{extra}]' ({e})"
        ))
    })
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (kinds = None))]
    fn new(kinds: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        Ok(Self {
            inner: Extractor::new(convert::kinds(kinds)?),
        })
    }

    /// The kinds this extractor produces, e.g. `["DATE", "ORG"]`.
    #[getter]
    fn kinds(&self) -> Vec<&'static str> {
        self.inner
            .kinds()
            .iter()
            .map(fahras_core::EntityKind::as_str)
            .collect()
    }

    /// Entities, relations and directive rows of one text.
    #[pyo3(signature = (text, *, published = None, id = ""))]
    fn extract(
        &self,
        py: Python<'_>,
        text: &str,
        published: Option<&Bound<'_, PyAny>>,
        id: &str,
    ) -> PyResult<PyDocument> {
        fahras_core::check_len(text).map_err(|e| crate::errors::to_py(&e))?;
        let published = convert::date(published)?;
        let inner = &self.inner;
        py.detach(|| {
            let found = inner.extract(&Document { text, published });
            PyDocument::build(id, text, published, &found)
        })
    }

    /// Extract from many texts on fahras's pool, with the GIL released.
    ///
    /// `published` is one date for all texts or one per text; `ids` default
    /// to the texts' positions.
    #[pyo3(signature = (texts, *, published = None, ids = None, n_threads = None))]
    fn extract_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        published: Option<&Bound<'_, PyAny>>,
        ids: Option<&Bound<'_, PyAny>>,
        n_threads: Option<usize>,
    ) -> PyResult<Vec<PyDocument>> {
        let batch = Batch::read(texts, ids, published)?;
        let n = pool::threads(n_threads)?;
        let inner = &self.inner;
        let b = &batch;
        py.detach(|| {
            pool::install(n, || {
                (0..b.texts.len())
                    .into_par_iter()
                    .map(|i| {
                        let (text, published) = (&b.texts[i], b.published[i]);
                        let found = inner.extract(&Document { text, published });
                        PyDocument::build(&b.ids[i], text, published, &found)
                    })
                    .collect::<PyResult<Vec<_>>>()
            })
        })?
    }

    /// A table of a batch as columns: `table="entities"` (one row per entity:
    /// `doc_id, id, kind, start, end, byte_start, byte_end, text, value, attrs`
    /// as JSON), `"officials"`, `"directives"` or `"meetings"`: the tables of the CLI's `--table`.
    #[pyo3(signature = (texts, *, published = None, ids = None, n_threads = None, table = "entities"))]
    fn extract_columns<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        published: Option<&Bound<'py, PyAny>>,
        ids: Option<&Bound<'py, PyAny>>,
        n_threads: Option<usize>,
        table: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let batch = Batch::read(texts, ids, published)?;
        self.columns(py, &batch, n_threads, table)
    }

    /// [`extract_columns`] as a `pandas.DataFrame` (needs `fahras[pandas]`).
    #[pyo3(signature = (texts, *, published = None, ids = None, n_threads = None, table = "entities"))]
    fn to_pandas<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        published: Option<&Bound<'py, PyAny>>,
        ids: Option<&Bound<'py, PyAny>>,
        n_threads: Option<usize>,
        table: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let frame = import_extra(py, "pandas", "pandas")?.getattr("DataFrame")?;
        let batch = Batch::read(texts, ids, published)?;
        frame.call1((self.columns(py, &batch, n_threads, table)?,))
    }

    /// [`extract_columns`] as a `pyarrow.Table` (needs `fahras[arrow]`).
    #[pyo3(signature = (texts, *, published = None, ids = None, n_threads = None, table = "entities"))]
    fn to_arrow<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        published: Option<&Bound<'py, PyAny>>,
        ids: Option<&Bound<'py, PyAny>>,
        n_threads: Option<usize>,
        table: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let table_of = import_extra(py, "pyarrow", "arrow")?.getattr("table")?;
        let batch = Batch::read(texts, ids, published)?;
        table_of.call1((self.columns(py, &batch, n_threads, table)?,))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Self>()
            .is_ok_and(|o| o.get().inner.kinds() == self.inner.kinds())
    }

    fn __hash__(&self) -> u64 {
        self.inner
            .kinds()
            .iter()
            .fold(0, |h, k| h * 31 + k as u64 + 1)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let kinds = slf.get().kinds();
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                (kinds,).into_pyobject(py)?.into_any(),
            ],
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Extractor(kinds=[{}])",
            self.kinds()
                .iter()
                .map(|k| repr(k).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}
