//! Python bindings of fahras: conversion between Python and `fahras-core`,
//! and nothing else. The package around them is `python/fahras`; the
//! typed surface is `python/fahras/_fahras.pyi`.

// pyo3's macros expand to code that trips these pedantic lints.
#![allow(
    clippy::needless_pass_by_value,
    clippy::unused_self,
    clippy::used_underscore_binding
)]

mod analyzer;
mod convert;
mod errors;
mod eval;
mod extractor;
mod index;
mod pool;
mod types;

use pyo3::prelude::*;

/// Split a text into sentences (and list items), with offsets into it.
#[pyfunction]
fn sentences(py: Python<'_>, text: &str) -> Vec<types::PySentence> {
    py.detach(|| {
        fahras_core::text::sentences(text)
            .iter()
            .map(|s| types::PySentence::from(&s.view(text)))
            .collect()
    })
}

/// Set how many threads batch calls use, for the whole process.
#[pyfunction]
fn set_num_threads(n: usize) -> PyResult<()> {
    pool::set_threads(n)
}

/// How many threads a batch call uses when not told.
#[pyfunction]
fn get_num_threads() -> PyResult<usize> {
    pool::threads(None)
}

/// The native module `fahras._fahras`.
#[pymodule]
fn _fahras(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<analyzer::PyAnalyzer>()?;
    m.add_class::<extractor::PyExtractor>()?;
    m.add_class::<types::PyToken>()?;
    m.add_class::<types::PySentence>()?;
    m.add_class::<types::PyEntity>()?;
    m.add_class::<types::PyRelation>()?;
    m.add_class::<types::PyDocument>()?;
    m.add_class::<index::PyIndex>()?;
    m.add_class::<index::PySearchResults>()?;
    m.add_class::<index::PyHit>()?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_function(wrap_pyfunction!(set_num_threads, m)?)?;
    m.add_function(wrap_pyfunction!(get_num_threads, m)?)?;
    m.add_function(wrap_pyfunction!(eval::score, m)?)?;
    m.add_function(wrap_pyfunction!(eval::score_conll, m)?)?;
    errors::register(m)?;
    Ok(())
}
