//! Value classes: `Token`, `Sentence`, `Entity`, `Relation`, `Document`.
//!
//! Frozen, compared by value, and pickled from their fields. Offsets are code
//! points (`text[e.start:e.end] == e.text`) with byte offsets beside them;
//! `to_dict()` gives the JSON the CLI prints for the same input.

use fahras_core::extract::EntityView;
use fahras_core::extract::{DirectiveRow, Extraction};
use fahras_core::{SentenceView, TokenView};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use serde_json::{Value, json};

use crate::convert::{Repr, repr};

/// A JSON value as a Python object.
pub(crate) fn to_object<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, v)?)
}

/// A Python object as a JSON value.
pub(crate) fn from_object(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    Ok(pythonize::depythonize(obj)?)
}

/// One token of the analyzer.
#[pyclass(name = "Token", module = "fahras", frozen, get_all, eq, from_py_object)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyToken {
    /// The original surface.
    text: String,
    /// The normalized form.
    norm: String,
    /// `word`, `latin_word`, `number`, `punct`, `symbol`, `url`, `email`, `hashtag`, `mention`.
    kind: String,
    /// `arabic`, `latin`, `other` ...
    script: String,
    /// First code point.
    start: u32,
    /// One past the last code point.
    end: u32,
    /// First byte (UTF-8).
    byte_start: u32,
    /// One past the last byte.
    byte_end: u32,
    /// Index in the segmenter's stream.
    position: u32,
}

impl From<&TokenView<'_>> for PyToken {
    fn from(v: &TokenView<'_>) -> Self {
        Self {
            text: v.text.to_owned(),
            norm: v.norm.to_owned(),
            kind: v.kind.as_str().to_owned(),
            script: v.script.as_str().to_owned(),
            start: v.start,
            end: v.end,
            byte_start: v.byte_start,
            byte_end: v.byte_end,
            position: v.position,
        }
    }
}

#[pymethods]
impl PyToken {
    #[new]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (text, norm, kind, script, start, end, byte_start, byte_end, position))]
    fn new(
        text: String,
        norm: String,
        kind: String,
        script: String,
        start: u32,
        end: u32,
        byte_start: u32,
        byte_end: u32,
        position: u32,
    ) -> Self {
        Self {
            text,
            norm,
            kind,
            script,
            start,
            end,
            byte_start,
            byte_end,
            position,
        }
    }

    /// The token as the CLI's `tokenize --format jsonl` prints it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(
            py,
            &json!({
                "text": self.text, "norm": self.norm, "kind": self.kind,
                "script": self.script, "start": self.start, "end": self.end,
                "byte_start": self.byte_start, "byte_end": self.byte_end,
                "position": self.position,
            }),
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let t = slf.get();
        let args = (
            t.text.clone(),
            t.norm.clone(),
            t.kind.clone(),
            t.script.clone(),
            t.start,
            t.end,
            t.byte_start,
            t.byte_end,
            t.position,
        );
        PyTuple::new(
            slf.py(),
            [
                slf.get_type().into_any(),
                args.into_pyobject(slf.py())?.into_any(),
            ],
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Token(text={}, norm={}, kind={}, start={}, end={})",
            repr(&self.text),
            repr(&self.norm),
            repr(&self.kind),
            self.start,
            self.end
        )
    }
}

/// One sentence (or list item) of a text.
#[pyclass(
    name = "Sentence",
    module = "fahras",
    frozen,
    get_all,
    eq,
    from_py_object
)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PySentence {
    /// The sentence as written.
    text: String,
    /// First code point.
    start: u32,
    /// One past the last code point.
    end: u32,
    /// First byte.
    byte_start: u32,
    /// One past the last byte.
    byte_end: u32,
    /// The list marker that opens it (`1.`, `أولاً:`, `-`), if any.
    marker: Option<String>,
}

impl From<&SentenceView<'_>> for PySentence {
    fn from(v: &SentenceView<'_>) -> Self {
        Self {
            text: v.text.to_owned(),
            start: v.start,
            end: v.end,
            byte_start: v.byte_start,
            byte_end: v.byte_end,
            marker: v.marker.map(str::to_owned),
        }
    }
}

#[pymethods]
impl PySentence {
    #[new]
    #[pyo3(signature = (text, start, end, byte_start, byte_end, marker=None))]
    fn new(
        text: String,
        start: u32,
        end: u32,
        byte_start: u32,
        byte_end: u32,
        marker: Option<String>,
    ) -> Self {
        Self {
            text,
            start,
            end,
            byte_start,
            byte_end,
            marker,
        }
    }

    /// The sentence as the CLI's `sentences --format jsonl` prints it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let mut v = json!({
            "text": self.text, "start": self.start, "end": self.end,
            "byte_start": self.byte_start, "byte_end": self.byte_end,
        });
        if let Some(m) = &self.marker {
            v["marker"] = json!(m);
        }
        to_object(py, &v)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        let args = (
            s.text.clone(),
            s.start,
            s.end,
            s.byte_start,
            s.byte_end,
            s.marker.clone(),
        );
        PyTuple::new(
            slf.py(),
            [
                slf.get_type().into_any(),
                args.into_pyobject(slf.py())?.into_any(),
            ],
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Sentence(start={}, end={}, text={})",
            self.start,
            self.end,
            repr(&self.text)
        )
    }
}

/// An extracted entity (ANNOTATION.md).
#[pyclass(name = "Entity", module = "fahras", frozen, eq, from_py_object)]
#[derive(Clone, Debug, PartialEq)]
pub struct PyEntity {
    id: u32,
    kind: String,
    text: String,
    value: Option<String>,
    start: u32,
    end: u32,
    byte_start: u32,
    byte_end: u32,
    attrs: Value,
}

impl PyEntity {
    pub(crate) fn from_view(v: &EntityView<'_>) -> PyResult<Self> {
        Ok(Self {
            id: v.id,
            kind: v.kind.as_str().to_owned(),
            text: v.text.to_owned(),
            value: v.value.map(str::to_owned),
            start: v.start,
            end: v.end,
            byte_start: v.byte_start,
            byte_end: v.byte_end,
            attrs: serde_json::to_value(v.attrs)
                .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?,
        })
    }

    pub(crate) fn json(&self) -> Value {
        json!({
            "id": self.id, "kind": self.kind, "start": self.start, "end": self.end,
            "byte_start": self.byte_start, "byte_end": self.byte_end,
            "text": self.text, "value": self.value, "attrs": self.attrs,
        })
    }
}

#[pymethods]
impl PyEntity {
    #[new]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (id, kind, text, value, start, end, byte_start, byte_end, attrs=None))]
    fn new(
        id: u32,
        kind: String,
        text: String,
        value: Option<String>,
        start: u32,
        end: u32,
        byte_start: u32,
        byte_end: u32,
        attrs: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let attrs = match attrs {
            Some(a) => from_object(a)?,
            None => json!({}),
        };
        Ok(Self {
            id,
            kind,
            text,
            value,
            start,
            end,
            byte_start,
            byte_end,
            attrs,
        })
    }

    /// Id within its document; relations refer to it.
    #[getter]
    fn id(&self) -> u32 {
        self.id
    }
    /// `DATE`, `ORG`, `BRANCH`, `PERSON`, `ROLE`, `LOC`, `DIRECTIVE` or `MEETING`.
    #[getter]
    fn kind(&self) -> &str {
        &self.kind
    }
    /// The surface text, as in the original.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// The normalized or canonical value (ISO 8601 for dates), or `None`.
    #[getter]
    fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }
    /// First code point in the original text.
    #[getter]
    fn start(&self) -> u32 {
        self.start
    }
    /// One past the last code point.
    #[getter]
    fn end(&self) -> u32 {
        self.end
    }
    /// First byte (UTF-8).
    #[getter]
    fn byte_start(&self) -> u32 {
        self.byte_start
    }
    /// One past the last byte.
    #[getter]
    fn byte_end(&self) -> u32 {
        self.byte_end
    }
    /// Kind-specific attributes (a new dict on each access).
    #[getter]
    fn attrs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.attrs)
    }

    /// The entity as the CLI's `extract --format jsonl` prints it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.json())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let e = slf.get();
        let args = (
            e.id,
            e.kind.clone(),
            e.text.clone(),
            e.value.clone(),
            e.start,
            e.end,
            e.byte_start,
            e.byte_end,
            to_object(py, &e.attrs)?,
        );
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                args.into_pyobject(py)?.into_any(),
            ],
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Entity(id={}, kind={}, text={}, value={}, start={}, end={})",
            self.id,
            repr(&self.kind),
            repr(&self.text),
            Repr(self.value.as_deref()),
            self.start,
            self.end
        )
    }
}

/// A typed link between two entities of one document, by id.
#[pyclass(
    name = "Relation",
    module = "fahras",
    frozen,
    get_all,
    eq,
    from_py_object
)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyRelation {
    /// `holds_role`, `role_of`, `branch_of`, `located_in`, `issued_by`, ...
    kind: String,
    /// Id of the source entity (`from` in JSON).
    source: u32,
    /// Id of the target entity (`to` in JSON).
    target: u32,
}

#[pymethods]
impl PyRelation {
    #[new]
    fn new(kind: String, source: u32, target: u32) -> Self {
        Self {
            kind,
            source,
            target,
        }
    }

    /// The relation as the CLI prints it: `{"kind", "from", "to"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.json())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let r = slf.get();
        let args = (r.kind.clone(), r.source, r.target);
        PyTuple::new(
            slf.py(),
            [
                slf.get_type().into_any(),
                args.into_pyobject(slf.py())?.into_any(),
            ],
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Relation(kind={}, source={}, target={})",
            repr(&self.kind),
            self.source,
            self.target
        )
    }
}

impl PyRelation {
    fn json(&self) -> Value {
        json!({"kind": self.kind, "from": self.source, "to": self.target})
    }
}

/// What extraction found in one document.
#[pyclass(name = "Document", module = "fahras", frozen, eq, from_py_object)]
#[derive(Clone, Debug, PartialEq)]
pub struct PyDocument {
    id: String,
    text: String,
    published: Option<String>,
    entities: Vec<PyEntity>,
    relations: Vec<PyRelation>,
    directives: Vec<Value>,
    officials: Vec<Value>,
}

impl PyDocument {
    /// The document of an extraction result.
    pub(crate) fn build(
        id: &str,
        text: &str,
        published: Option<fahras_core::extract::Date>,
        found: &Extraction,
    ) -> PyResult<Self> {
        let view = found.view(id, text);
        let entities = view
            .entities
            .iter()
            .map(PyEntity::from_view)
            .collect::<PyResult<_>>()?;
        let relations = found
            .relations
            .iter()
            .map(|r| PyRelation {
                kind: r.kind.clone(),
                source: r.from,
                target: r.to,
            })
            .collect();
        let to_json = |v: serde_json::Result<Value>| {
            v.map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
        };
        let directives = found
            .directive_rows(id, published)
            .iter()
            .map(|r: &DirectiveRow| to_json(serde_json::to_value(r)))
            .collect::<PyResult<_>>()?;
        let officials = found
            .officials()
            .iter()
            .map(|o| to_json(serde_json::to_value(o)))
            .collect::<PyResult<_>>()?;
        Ok(Self {
            id: id.to_owned(),
            text: text.to_owned(),
            published: published.map(|d| d.to_string()),
            entities,
            relations,
            directives,
            officials,
        })
    }

    pub(crate) fn id_str(&self) -> &str {
        &self.id
    }

    pub(crate) fn text_str(&self) -> &str {
        &self.text
    }

    pub(crate) fn published_str(&self) -> Option<&str> {
        self.published.as_deref()
    }
}

#[pymethods]
impl PyDocument {
    #[new]
    #[pyo3(signature = (id, text, published=None, entities=Vec::new(), relations=Vec::new(), directives=None, officials=None))]
    fn new(
        id: String,
        text: String,
        published: Option<String>,
        entities: Vec<PyEntity>,
        relations: Vec<PyRelation>,
        directives: Option<&Bound<'_, PyAny>>,
        officials: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let list = |o: Option<&Bound<'_, PyAny>>| -> PyResult<Vec<Value>> {
            o.map_or_else(|| Ok(Vec::new()), |o| Ok(pythonize::depythonize(o)?))
        };
        Ok(Self {
            id,
            text,
            published,
            entities,
            relations,
            directives: list(directives)?,
            officials: list(officials)?,
        })
    }

    /// The document's id.
    #[getter]
    fn id(&self) -> &str {
        &self.id
    }
    /// The original text; every offset points into it.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// The publication date given (ISO 8601), against which relative dates resolved.
    #[getter]
    fn published(&self) -> Option<&str> {
        self.published.as_deref()
    }
    /// The entities in text order; an entity's `id` is its index here.
    #[getter]
    fn entities(&self) -> Vec<PyEntity> {
        self.entities.clone()
    }
    /// Relations between the entities.
    #[getter]
    fn relations(&self) -> Vec<PyRelation> {
        self.relations.clone()
    }
    /// One row per directive: the CLI's `extract --table directives` rows.
    #[getter]
    fn directives<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.directives.iter().map(|v| to_object(py, v)).collect()
    }
    /// One record per title: entity ids of `person`, `role`, `org`, `branch`, `place`.
    #[getter]
    fn officials<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.officials.iter().map(|v| to_object(py, v)).collect()
    }

    /// The document as the CLI's `extract --format jsonl` prints it:
    /// `{"id", "entities", "relations"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = json!({
            "id": self.id,
            "entities": self.entities.iter().map(PyEntity::json).collect::<Vec<_>>(),
            "relations": self.relations.iter().map(PyRelation::json).collect::<Vec<_>>(),
        });
        to_object(py, &v)
    }

    fn __len__(&self) -> usize {
        self.entities.len()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let d = slf.get();
        let directives: Vec<_> = d
            .directives
            .iter()
            .map(|v| to_object(py, v))
            .collect::<PyResult<_>>()?;
        let officials: Vec<_> = d
            .officials
            .iter()
            .map(|v| to_object(py, v))
            .collect::<PyResult<_>>()?;
        let args = (
            d.id.clone(),
            d.text.clone(),
            d.published.clone(),
            d.entities.clone(),
            d.relations.clone(),
            directives,
            officials,
        );
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                args.into_pyobject(py)?.into_any(),
            ],
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Document(id={}, entities={}, relations={}, directives={})",
            repr(&self.id),
            self.entities.len(),
            self.relations.len(),
            self.directives.len()
        )
    }
}
