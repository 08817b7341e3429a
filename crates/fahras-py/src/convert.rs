//! Arguments from Python: dates, kind sets, strings or lists of strings.

use fahras_core::KindSet;
use fahras_core::extract::{Date, parse_published};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::errors::ConfigError;

/// A date given as `YYYY-MM-DD` (or a timestamp starting so), or a
/// `datetime.date`/`datetime.datetime`; `None` stays `None`.
pub(crate) fn date(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let text: String = if let Ok(s) = obj.cast::<PyString>() {
        s.to_str()?.to_owned()
    } else if obj.hasattr("isoformat")? {
        obj.call_method0("isoformat")?.extract()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "a date must be a `str` (YYYY-MM-DD) or a `datetime.date`, not `{}`",
            obj.get_type().name()?
        )));
    };
    parse_published(&text)
        .map(Some)
        .ok_or_else(|| PyValueError::new_err(format!("`{text}` is not a date (YYYY-MM-DD)")))
}

/// The kinds to extract: `None` (all), `"DATE,ORG"` or an iterable of names.
pub(crate) fn kinds(obj: Option<&Bound<'_, PyAny>>) -> PyResult<KindSet> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(KindSet::ALL);
    };
    let list = strings(obj)?;
    let parsed: Result<KindSet, _> = list.join(",").parse();
    parsed.map_err(|e| ConfigError::new_err(e.to_string()))
}

/// One string or an iterable of strings.
pub(crate) fn strings(obj: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(vec![s.to_str()?.to_owned()]);
    }
    obj.try_iter()?
        .map(|item| item?.extract::<String>())
        .collect()
}

/// Like [`strings`], `None` giving an empty list.
pub(crate) fn opt_strings(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    obj.filter(|o| !o.is_none())
        .map_or_else(|| Ok(Vec::new()), strings)
}

/// A string as Python's `repr` writes it: quoted, with control and invisible
/// format characters (bidi marks, zero-width) escaped so they show.
pub(crate) struct Repr<'a>(pub Option<&'a str>);

impl std::fmt::Display for Repr<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        let Some(s) = self.0 else {
            return f.write_str("None");
        };
        f.write_char('\'')?;
        for c in s.chars() {
            match c {
                '\'' => f.write_str("\\'")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c if c.is_control()
                    || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}') =>
                {
                    write!(f, "\\u{:04x}", u32::from(c))?;
                }
                c => f.write_char(c)?,
            }
        }
        f.write_char('\'')
    }
}

/// [`Repr`] of a string.
pub(crate) fn repr(s: &str) -> Repr<'_> {
    Repr(Some(s))
}
