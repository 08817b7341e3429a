//! Hamza on its carriers (ؤ ئ) to the bare carrier (و ي): "مسؤول", "مسئول" and
//! "مسوول" all occur for the same word.

use super::CharMap;

pub(crate) fn map(c: char) -> CharMap {
    match c {
        'ؤ' | '\u{0676}' => CharMap::To('و'),
        'ئ' | '\u{0678}' => CharMap::To('ي'),
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
                ("مسؤول", "مسوول"),
                ("رئيس", "رييس"),
                ("مسئول", "مسيول"),
                ("بيان", "بيان")
            ]
        );
    }
}
