//! Alef variants (أ إ آ ٱ and the wavy-hamza forms) to bare alef. Writers and
//! feeds are inconsistent with hamza on alef: "الأمين" and "الامين" are the same word.

use super::CharMap;

pub(crate) fn map(c: char) -> CharMap {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' | '\u{0675}' => CharMap::To('ا'),
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
                ("الأمين", "الامين"),
                ("إدارة", "ادارة"),
                ("آذار", "اذار"),
                ("ٱلله", "الله"),
                ("باب", "باب")
            ]
        );
    }
}
