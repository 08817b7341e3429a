//! Arabic and typographic punctuation to its ASCII counterpart (، ؛ ؟ « » “ ” – —).
//! Searches and patterns then need one form of each mark.

use super::CharMap;

pub(crate) fn map(c: char) -> CharMap {
    CharMap::To(match c {
        '،' | '\u{060D}' => ',',
        '؛' => ';',
        '؟' => '?',
        '۔' => '.',
        '٪' => '%',
        '٭' => '*',
        '«' | '»' | '“' | '”' | '„' | '‟' | '‹' | '›' => '"',
        '‘' | '’' | '‚' | '‛' => '\'',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => return CharMap::Keep,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn before_after() {
        crate::text::filters::fold_cases!(
            super::map,
            [
                ("،", ","),
                ("؛", ";"),
                ("؟", "?"),
                ("«نعم»", "\"نعم\""),
                ("“البعث”", "\"البعث\""),
                ("7 – 12", "7 - 12"),
                (".", ".")
            ]
        );
    }
}
