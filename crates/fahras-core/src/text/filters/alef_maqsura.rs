//! Alef maqsura (ى) to ya (ي): Egyptian print writes final ya without dots and
//! other sources do the reverse, so search folds both to one letter.

use super::CharMap;

pub(crate) fn map(c: char) -> CharMap {
    if c == 'ى' {
        CharMap::To('ي')
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
            [("مستوى", "مستوي"), ("إلى", "إلي"), ("علي", "علي")]
        );
    }
}
