//! The one mapping from `fahras_core::Error` to Python exceptions.
//!
//! Every class takes one message argument, so they pickle as they are
//! (Dask and Spark send exceptions between processes).

use fahras_core::{Error, ErrorKind};
use pyo3::create_exception;
use pyo3::exceptions::{
    PyException, PyFileExistsError, PyFileNotFoundError, PyOSError, PyPermissionError,
};
use pyo3::prelude::*;

create_exception!(
    fahras,
    FahrasError,
    PyException,
    "Base class of every error fahras raises (file errors are `OSError`s)."
);
create_exception!(
    fahras,
    ConfigError,
    FahrasError,
    "An analyzer spec, a kind, a profile or an option that fahras cannot use."
);
create_exception!(
    fahras,
    AnnotationError,
    FahrasError,
    "A gold or prediction file (or a CoNLL line) that cannot be read."
);
create_exception!(
    fahras,
    DocumentTooLargeError,
    FahrasError,
    "A document larger than the 4 GiB that spans can address."
);
create_exception!(
    fahras,
    IncompatibleIndexError,
    FahrasError,
    "An index built by another layout or analyzer than this build reads."
);
create_exception!(
    fahras,
    IndexingError,
    FahrasError,
    "The index engine failed (a lock held by another writer, a damaged segment)."
);
create_exception!(
    fahras,
    QueryError,
    FahrasError,
    "A search query that cannot be parsed."
);

/// The Python exception for a core error.
pub(crate) fn to_py(err: &Error) -> PyErr {
    let msg = full_message(err);
    match err.kind() {
        ErrorKind::InvalidSpec => ConfigError::new_err(msg),
        ErrorKind::DocumentTooLarge { .. } => DocumentTooLargeError::new_err(msg),
        ErrorKind::InvalidAnnotation { .. } => AnnotationError::new_err(msg),
        ErrorKind::Io => io_error(err, msg),
        ErrorKind::IndexMismatch => IncompatibleIndexError::new_err(msg),
        ErrorKind::Index => IndexingError::new_err(msg),
        ErrorKind::InvalidQuery => QueryError::new_err(msg),
        _ => FahrasError::new_err(msg),
    }
}

/// `FileNotFoundError`, `PermissionError` or `OSError`, by the cause.
fn io_error(err: &Error, msg: String) -> PyErr {
    let kind = std::error::Error::source(err)
        .and_then(|s| s.downcast_ref::<std::io::Error>())
        .map(std::io::Error::kind);
    os_error(kind, msg)
}

/// The `OSError` subclass of an I/O error kind, with `msg`.
pub(crate) fn os_error(kind: Option<std::io::ErrorKind>, msg: String) -> PyErr {
    match kind {
        Some(std::io::ErrorKind::NotFound) => PyFileNotFoundError::new_err(msg),
        Some(std::io::ErrorKind::PermissionDenied) => PyPermissionError::new_err(msg),
        Some(std::io::ErrorKind::AlreadyExists) => PyFileExistsError::new_err(msg),
        _ => PyOSError::new_err(msg),
    }
}

/// The message and its causes, as the CLI prints them (`a: b: c`).
fn full_message(err: &Error) -> String {
    let mut msg = err.to_string();
    let mut cause = std::error::Error::source(err);
    while let Some(c) = cause {
        let s = c.to_string();
        if !msg.contains(&s) {
            msg.push_str(": ");
            msg.push_str(&s);
        }
        cause = c.source();
    }
    msg
}

/// `?` on core results inside `#[pymethods]`.
pub(crate) trait IntoPyResult<T> {
    /// The result with its error mapped to Python.
    fn py(self) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for Result<T, Error> {
    fn py(self) -> PyResult<T> {
        self.map_err(|e| to_py(&e))
    }
}

/// Register the classes on the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("FahrasError", py.get_type::<FahrasError>())?;
    m.add("ConfigError", py.get_type::<ConfigError>())?;
    m.add("AnnotationError", py.get_type::<AnnotationError>())?;
    m.add(
        "DocumentTooLargeError",
        py.get_type::<DocumentTooLargeError>(),
    )?;
    m.add(
        "IncompatibleIndexError",
        py.get_type::<IncompatibleIndexError>(),
    )?;
    m.add("IndexingError", py.get_type::<IndexingError>())?;
    m.add("QueryError", py.get_type::<QueryError>())?;
    Ok(())
}
