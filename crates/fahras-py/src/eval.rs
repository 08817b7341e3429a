//! The scorer of ANNOTATION.md (`fahras eval`), on gold/prediction sets or CoNLL files.

use std::io::BufReader;
use std::path::PathBuf;

use fahras_core::Extractor;
use fahras_core::eval::{self, AnnotatedDoc, ScoreOptions, conll};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::convert;
use crate::errors::{AnnotationError, IntoPyResult, os_error};
use crate::types::{PyDocument, from_object, to_object};

/// Gold or predictions: a JSONL path, or a list of `Document`s or dicts `{"id", "entities"}`.
fn docs(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<AnnotatedDoc>> {
    if let Ok(path) = obj.extract::<PathBuf>() {
        let file = std::fs::File::open(&path).map_err(|e| {
            os_error(
                Some(e.kind()),
                format!("cannot open the {what} `{}`: {e}", path.display()),
            )
        })?;
        return eval::read_jsonl(BufReader::new(file)).py();
    }
    if !obj.is_instance_of::<PyList>() && !obj.hasattr("__iter__")? {
        return Err(PyTypeError::new_err(format!(
            "the {what} must be a path or a list of documents"
        )));
    }
    obj.try_iter()?
        .map(|item| {
            let item = item?;
            let value = if let Ok(d) = item.cast::<PyDocument>() {
                from_object(&d.call_method0("to_dict")?)?
            } else {
                from_object(&item)?
            };
            serde_json::from_value::<AnnotatedDoc>(value)
                .map_err(|e| AnnotationError::new_err(format!("a document of the {what}: {e}")))
        })
        .collect()
}

/// Score predictions against gold as `fahras eval --gold G --pred P --format json`.
#[pyfunction]
pub(crate) fn score<'py>(
    py: Python<'py>,
    gold: &Bound<'py, PyAny>,
    pred: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let gold = docs(gold, "gold")?;
    let pred = docs(pred, "predictions")?;
    let report = py.detach(|| eval::score(&gold, &pred, &ScoreOptions::default()));
    let v = serde_json::to_value(&report).map_err(|e| AnnotationError::new_err(e.to_string()))?;
    to_object(py, &v)
}

/// Run the extractor on a BIO-tagged CoNLL file and score it, as
/// `fahras eval --conll FILE --format json` (its `result`); `context` as
/// `--context N`.
#[pyfunction]
#[pyo3(signature = (path, *, kinds = None, context = 0))]
pub(crate) fn score_conll<'py>(
    py: Python<'py>,
    path: PathBuf,
    kinds: Option<&Bound<'py, PyAny>>,
    context: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let extractor = Extractor::new(convert::kinds(kinds)?);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        os_error(
            Some(e.kind()),
            format!("cannot read `{}`: {e}", path.display()),
        )
    })?;
    let report = py.detach(|| conll::evaluate(&conll::parse(&text), &extractor, context));
    let v = serde_json::to_value(&report).map_err(|e| AnnotationError::new_err(e.to_string()))?;
    to_object(py, &v)
}
