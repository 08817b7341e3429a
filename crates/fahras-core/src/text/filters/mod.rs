//! The normalization steps, one file each.
//!
//! Most steps are per-character folds ([`CharMap`]); the analyzer fuses runs of
//! them into one lookup table at build time, so a pipeline of ten folds costs
//! one table lookup per character. Token-level steps (NFKC, stop words, light
//! stemming) run between those runs, in the order the spec gives.
//!
//! To add a fold: copy `_template.rs`, write its `map` and its before/after
//! table, add a variant to [`FilterSpec`](crate::text::FilterSpec).

pub(crate) mod alef;
pub(crate) mod alef_maqsura;
pub(crate) mod digits;
pub(crate) mod hamza;
pub(crate) mod latin;
pub(crate) mod nfkc;
pub(crate) mod persian;
pub(crate) mod punctuation;
pub(crate) mod tashkeel;
pub(crate) mod tatweel;
pub(crate) mod teh_marbuta;
pub(crate) mod zero_width;

/// What a per-character fold does with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CharMap {
    /// Leave it.
    Keep,
    /// Delete it.
    Drop,
    /// Replace it.
    To(char),
}

/// A per-character fold.
pub(crate) type CharFn = fn(char) -> CharMap;

/// Apply one fold to a string: the before/after tables in each step's tests use it.
#[cfg(test)]
pub(crate) fn fold_str(f: CharFn, s: &str) -> String {
    s.chars()
        .filter_map(|c| match f(c) {
            CharMap::Keep => Some(c),
            CharMap::Drop => None,
            CharMap::To(d) => Some(d),
        })
        .collect()
}

/// Before/after table for a per-character fold.
#[cfg(test)]
macro_rules! fold_cases {
    ($f:path, [$(($before:expr, $after:expr)),* $(,)?]) => {
        $(
            assert_eq!(
                crate::text::filters::fold_str($f, $before),
                $after,
                "{} on {:?}",
                stringify!($f),
                $before
            );
        )*
    };
}
#[cfg(test)]
pub(crate) use fold_cases;
