//! Tatweel (kashida, U+0640): a stretching stroke with no linguistic content,
//! common in headlines ("الحـــزب").

use super::CharMap;

pub(crate) fn map(c: char) -> CharMap {
    if c == '\u{0640}' {
        CharMap::Drop
    } else {
        CharMap::Keep
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn before_after() {
        crate::text::filters::fold_cases!(
            super::map,
            [
                ("الحـــزب", "الحزب"),
                ("قـرار", "قرار"),
                ("ـ", ""),
                ("فرع", "فرع")
            ]
        );
    }
}
