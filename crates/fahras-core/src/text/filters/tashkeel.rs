//! Diacritics (tashkeel): harakat, tanwin, shadda, sukun, superscript alef,
//! combining hamza and madda, and the Quranic annotation marks. News text carries
//! them on a few words only, so a search must ignore them.

use super::CharMap;

pub(crate) fn map(c: char) -> CharMap {
    match c {
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'
        | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08CA}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}' => CharMap::Drop,
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
                ("قَرَارٌ", "قرار"),
                ("الأمينُ العامُّ", "الأمين العام"),
                ("هٰذا", "هذا"),
                ("مُؤْتَمَرٍ", "مؤتمر"),
                ("ٱللَّٰهِ", "ٱلله"),
                ("فرع", "فرع"),
            ]
        );
    }
}
