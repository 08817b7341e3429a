//! Bytes to text. Feeds and crawls arrive in UTF-8, in the charset a page
//! declares, or, for older Arabic sites, in Windows-1256 without saying so.
//! The order tried: a byte-order mark, the declared charset, UTF-8,
//! Windows-1256; then `--lossy` replacement, else the input is reported.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1256};

/// How the text was obtained.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Decoded {
    /// As the bytes said: UTF-8, or the declared charset.
    Clean(String),
    /// Repaired: the note says how (listed in the report, not skipped).
    Repaired(String, String),
}

impl Decoded {
    pub fn into_parts(self) -> (String, Option<String>) {
        match self {
            Decoded::Clean(s) => (s, None),
            Decoded::Repaired(s, how) => (s, Some(how)),
        }
    }
}

/// Whether bytes look binary: a NUL in the first 8 KiB (what git and
/// ripgrep check). Text in any charset this reads has none.
pub(crate) fn is_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

/// Decode `bytes`; `declared` is a charset label the document names, if
/// any. `Err` is the reason the bytes are not text.
pub(crate) fn decode(bytes: &[u8], declared: Option<&str>, lossy: bool) -> Result<Decoded, String> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, bad) = enc.decode_without_bom_handling(&bytes[bom..]);
        if !bad {
            return Ok(Decoded::Clean(text.into_owned()));
        }
    }
    let declared = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    if let Some(enc) = declared.filter(|&e| e != UTF_8) {
        if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
            return Ok(Decoded::Clean(text.into_owned()));
        }
    }
    let err = match simdutf8::compat::from_utf8(bytes) {
        Ok(s) => return Ok(Decoded::Clean(s.to_owned())),
        Err(e) => e,
    };
    if !damaged_utf8(bytes) {
        if let Some(text) = WINDOWS_1256.decode_without_bom_handling_and_without_replacement(bytes)
        {
            if plausible(&text) {
                return Ok(Decoded::Repaired(
                    text.into_owned(),
                    "not UTF-8; decoded as windows-1256".into(),
                ));
            }
        }
    }
    let at = err.valid_up_to();
    if lossy {
        return Ok(Decoded::Repaired(
            String::from_utf8_lossy(bytes).into_owned(),
            format!("invalid UTF-8 at byte {at} replaced with U+FFFD (--lossy)"),
        ));
    }
    Err(format!(
        "invalid UTF-8 at byte {at}, and not windows-1256 text (pass --lossy to replace invalid bytes)"
    ))
}

/// UTF-8 with a few bad bytes (a cut or a corrupted copy) rather than
/// another charset: valid multi-byte sequences outnumber the invalid ones.
/// Decoding it as Windows-1256 would turn every letter into mojibake.
fn damaged_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > invalid
}

/// Decoded Windows-1256 that reads as text: Arabic letters and no control
/// characters but line and tab breaks.
fn plausible(text: &str) -> bool {
    let arabic = text
        .chars()
        .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
        .count();
    arabic > 0
        && !text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// The charset an HTML page or XML document declares in its first bytes:
/// `<meta charset=...>`, `<meta http-equiv ... charset=...>` or
/// `<?xml ... encoding="..."?>`.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    for key in ["charset=", "encoding="] {
        if let Some(i) = head.find(key) {
            let rest = head[i + key.len()..].trim_start_matches(['"', '\'', ' ']);
            let label: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if !label.is_empty() {
                return Some(label);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "قرر المكتب السياسي للحزب عقد المؤتمر في الرباط.";

    #[test]
    fn utf8_passes_and_windows_1256_is_repaired() {
        assert_eq!(
            decode(ARABIC.as_bytes(), None, false),
            Ok(Decoded::Clean(ARABIC.into()))
        );
        let (cp, _, _) = WINDOWS_1256.encode(ARABIC);
        assert!(std::str::from_utf8(&cp).is_err());
        let (text, how) = decode(&cp, None, false).unwrap().into_parts();
        assert_eq!(text, ARABIC);
        assert!(how.unwrap().contains("windows-1256"));
        // Declared: clean, no repair noted.
        assert_eq!(
            decode(&cp, Some("windows-1256"), false),
            Ok(Decoded::Clean(ARABIC.into()))
        );
    }

    #[test]
    fn damaged_utf8_is_not_mistaken_for_windows_1256() {
        let mut bytes = ARABIC.as_bytes().to_vec();
        bytes.insert(7, 0xff);
        let err = decode(&bytes, None, false).unwrap_err();
        assert!(err.contains("invalid UTF-8 at byte 7"), "{err}");
        let (text, how) = decode(&bytes, None, true).unwrap().into_parts();
        assert!(text.contains('\u{FFFD}') && how.unwrap().contains("--lossy"));
    }

    #[test]
    fn binary_and_boms() {
        assert!(is_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!is_binary(ARABIC.as_bytes()));
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(ARABIC.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode(&utf16, None, false),
            Ok(Decoded::Clean(ARABIC.into()))
        );
    }

    #[test]
    fn charsets_are_read_from_the_head() {
        let f = |s: &str| declared_charset(s.as_bytes());
        assert_eq!(
            f(r#"<html><head><meta charset="windows-1256">"#).as_deref(),
            Some("windows-1256")
        );
        assert_eq!(
            f(r#"<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">"#).as_deref(),
            Some("utf-8")
        );
        assert_eq!(
            f(r#"<?xml version="1.0" encoding='ISO-8859-6'?><rss>"#).as_deref(),
            Some("iso-8859-6")
        );
        assert_eq!(f("<html><body>"), None);
    }
}
