//! `Analyzer`: normalization and tokenization, built from a profile or a spec.

use std::sync::Arc;

use fahras_core::{Analyzer, AnalyzerSpec, Profile};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};

use crate::errors::{ConfigError, IntoPyResult};
use crate::types::{PyToken, from_object, to_object};

/// The fahras analyzer: one normalization pipeline for the index, queries and extraction.
///
/// Immutable once built, so one instance can serve every thread.
#[pyclass(name = "Analyzer", module = "fahras", frozen)]
#[derive(Debug)]
pub struct PyAnalyzer {
    pub(crate) inner: Arc<Analyzer>,
}

#[pymethods]
impl PyAnalyzer {
    #[new]
    #[pyo3(signature = (profile = "search"))]
    fn new(profile: &str) -> PyResult<Self> {
        let profile: Profile = profile.parse().py()?;
        Ok(Self {
            inner: Arc::new(Analyzer::new(profile)),
        })
    }

    /// Build an analyzer from a spec: a JSON string or a dict (as `spec()` returns).
    #[classmethod]
    fn from_spec(_cls: &Bound<'_, PyType>, spec: &Bound<'_, PyAny>) -> PyResult<Self> {
        let spec = if let Ok(s) = spec.cast::<PyString>() {
            AnalyzerSpec::from_json(s.to_str()?).py()?
        } else {
            let value = from_object(spec)?;
            serde_json::from_value::<AnalyzerSpec>(value)
                .map_err(|e| ConfigError::new_err(format!("invalid analyzer spec: {e}")))?
        };
        Ok(Self {
            inner: Arc::new(Analyzer::from_spec(spec).py()?),
        })
    }

    /// The spec: what `fahras analyzer --profile P` prints and an index stores.
    fn spec<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(self.inner.spec())
            .map_err(|e| ConfigError::new_err(e.to_string()))?;
        to_object(py, &value)
    }

    /// The normalized text: every fold of the profile, offsets not kept.
    fn normalize(&self, py: Python<'_>, text: &str) -> String {
        let inner = &self.inner;
        py.detach(|| inner.normalize(text))
    }

    /// The tokens of `text`, with char and byte offsets into it.
    fn tokenize(&self, py: Python<'_>, text: &str) -> Vec<PyToken> {
        let inner = &self.inner;
        py.detach(|| {
            inner
                .analyze(text)
                .iter()
                .map(|t| PyToken::from(&t.view(text)))
                .collect()
        })
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Self>()
            .is_ok_and(|o| o.get().inner.spec() == self.inner.spec())
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.spec().hash(&mut h);
        h.finish()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let spec = slf.get().inner.spec().to_json();
        let ctor = slf.get_type().getattr("from_spec")?;
        PyTuple::new(py, [ctor, (spec,).into_pyobject(py)?.into_any()])
    }

    fn __repr__(&self) -> String {
        let spec = self.inner.spec();
        Profile::ALL
            .iter()
            .find(|&&p| AnalyzerSpec::preset(p) == *spec)
            .map_or_else(
                || {
                    format!(
                        "Analyzer.from_spec({})",
                        crate::convert::repr(&spec.to_json())
                    )
                },
                |p| format!("Analyzer({})", crate::convert::repr(p.as_str())),
            )
    }
}
