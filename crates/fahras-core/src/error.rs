//! The crate's error type: an opaque [`Error`] with a `#[non_exhaustive]` [`ErrorKind`].
//!
//! Analysis and extraction cannot fail (any `&str` analyzes); only building an
//! analyzer from a spec, reading annotation files and checking document limits
//! return errors.

use std::fmt;

/// What went wrong. New kinds may be added without a breaking change.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An analyzer spec could not be parsed or is inconsistent.
    InvalidSpec,
    /// A document is larger than spans can address (4 GiB).
    DocumentTooLarge {
        /// Size of the rejected document in bytes.
        len: usize,
    },
    /// A line of an annotation file (gold, predictions, CoNLL) could not be read.
    InvalidAnnotation {
        /// 1-based line number.
        line: usize,
    },
    /// Reading an input failed.
    Io,
    /// An index was built differently than this build reads it (layout,
    /// analyzer), or its description is damaged.
    IndexMismatch,
    /// The index engine failed (tantivy).
    Index,
    /// A search query could not be parsed.
    InvalidQuery,
}

/// An error from `fahras-core`.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl fmt::Display) -> Self {
        Self {
            kind,
            message: message.to_string(),
            source: None,
        }
    }

    pub(crate) fn with_source(
        kind: ErrorKind,
        message: impl fmt::Display,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Self {
            kind,
            message: message.to_string(),
            source: Some(Box::new(source)),
        }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
