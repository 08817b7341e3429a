//! Zero-width and bidi controls: ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, embeddings,
//! overrides and isolates, word joiner, BOM, soft hyphen. Copy-paste from web
//! pages and PDFs scatters them inside Arabic words, where they are invisible
//! but break every exact match.

use super::CharMap;

pub(crate) fn map(c: char) -> CharMap {
    match c {
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{00AD}' => CharMap::Drop,
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
                ("الحز\u{200C}ب", "الحزب"),
                ("\u{200F}قرار\u{200E}", "قرار"),
                ("\u{2067}دمشق\u{2069}", "دمشق"),
                ("\u{FEFF}بيان", "بيان"),
                ("فر\u{00AD}ع", "فرع"),
                ("قرار", "قرار"),
            ]
        );
    }
}
