//! Persian and Urdu code points that render like Arabic letters (ک ی ھ ہ ە ۀ)
//! to their Arabic counterparts. Text from Persian keyboards and OCR mixes them in;
//! they look identical, so the fold loses nothing. Letters that are distinct in
//! Maghreb usage (گ ڭ پ چ ڤ) are kept.

use super::CharMap;

pub(crate) fn map(c: char) -> CharMap {
    match c {
        'ک' | 'ڪ' => CharMap::To('ك'),
        'ی' | 'ۍ' | 'ې' => CharMap::To('ي'),
        'ھ' | 'ہ' | 'ە' | 'ۀ' => CharMap::To('ه'),
        _ => CharMap::Keep,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn before_after() {
        crate::text::filters::fold_cases!(
            super::map,
            [
                ("کتاب", "كتاب"),
                ("علی", "علي"),
                ("ھذا", "هذا"),
                ("ڤيديو", "ڤيديو"),
                ("ڭ", "ڭ")
            ]
        );
    }
}
