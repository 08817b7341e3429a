//! Teh marbuta (ة) to heh (ه). Lossy ("مدينة"/"مدينه" fold together, as do some
//! unrelated pairs), so only the `search` profile has it.

use super::CharMap;

pub(crate) fn map(c: char) -> CharMap {
    match c {
        'ة' | '\u{06C3}' => CharMap::To('ه'),
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
                ("مديرية", "مديريه"),
                ("الشعبة", "الشعبه"),
                ("كتابه", "كتابه")
            ]
        );
    }
}
