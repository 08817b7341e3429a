//! Eastern Arabic (٠–٩) and Persian (۰–۹) digits to ASCII, and the Arabic
//! decimal (٫) and thousands (٬) separators to `.` and `,`. Date and number rules
//! match on the folded form, so "١٢/٣/٢٠٢١" and "12/3/2021" read the same.

use super::CharMap;
use crate::text::chars::digit_value;

pub(crate) fn map(c: char) -> CharMap {
    match c {
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => {
            // Both ranges hold decimal digits only, so the value is 0–9.
            let v = digit_value(c).unwrap_or(0);
            CharMap::To(char::from(b'0' + v as u8))
        }
        '\u{066B}' => CharMap::To('.'),
        '\u{066C}' => CharMap::To(','),
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
                ("٢٠٢٠", "2020"),
                ("۱۴۴۱", "1441"),
                ("2٬258", "2,258"),
                ("٣٫٥", "3.5"),
                ("2020", "2020")
            ]
        );
    }
}
