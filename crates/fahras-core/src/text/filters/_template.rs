//! Template for a new per-character fold: copy to `my_step.rs`, add `mod my_step;`
//! to `mod.rs`, a `FilterSpec` variant in `spec.rs`, and a before/after table.
//! Not compiled: it documents the shape.

use super::CharMap;

/// One line on what the fold does and why a user would switch it on.
pub(crate) fn map(c: char) -> CharMap {
    match c {
        'x' => CharMap::To('y'),
        _ => CharMap::Keep,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn before_after() {
        crate::text::filters::fold_cases!(super::map, [("x", "y"), ("z", "z")]);
    }
}
