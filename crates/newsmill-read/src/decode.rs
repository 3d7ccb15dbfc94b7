//! Bytes to text: BOMs, UTF-8, UTF-16, legacy 8-bit encodings, and the mixed files real
//! folders contain (UTF-8 with a few stray Latin-1 bytes).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use newsmill_core::StageError;

use crate::controls::clean_controls;

/// How much of the start of a file the binary check looks at.
const SNIFF_BYTES: usize = 8192;
/// Share of control bytes (besides tab, newline, carriage return, form feed) above which
/// a file is called binary. Real text has none; a few slip in from copy and paste.
const MAX_CONTROL_SHARE: f64 = 0.10;
/// At most this many high bytes in otherwise ASCII text are read as windows-1252 without
/// asking the detector.
const MAX_STRAY_BYTES: usize = 8;
/// NUL bytes (per 1,000 bytes of the first 8 KiB) above which a file is binary. Text has
/// none, but one stray NUL from a broken export must not cost the whole article.
const MAX_NULS_PER_MILLE: usize = 10;
/// Text with real UTF-8 characters and at most this share of invalid bytes is UTF-8 with a
/// few damaged bytes, not a legacy encoding: one bad byte in a thousand must not make the
/// detector garble the whole article as windows-1251.
const MAX_INVALID_UTF8_SHARE: f64 = 0.01;

/// Decoded text and the encoding it was decoded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE`, a legacy name such as `windows-1252`, or
    /// `UTF-8+windows-1252` for UTF-8 text with a few stray single-byte characters.
    pub encoding: &'static str,
    /// Bytes not valid in `encoding`: replaced by U+FFFD, or (in `UTF-8+windows-1252`)
    /// read as windows-1252.
    pub errors: u64,
}

/// Decodes a file's bytes. See [`decode_owned`]; this borrows, so the text is copied once.
pub fn decode(bytes: &[u8]) -> Result<Decoded, StageError> {
    if has_utf16_bom(bytes) || utf16_without_bom(bytes).is_some() {
        // ASCII-range UTF-16 is also valid UTF-8 (NUL bytes and all): decide on UTF-16 first.
        return decode_slow(bytes);
    }
    check_not_binary(bytes)?;
    if let Some(text) = utf8_without_bom(bytes) {
        return finish(text.to_owned(), "UTF-8", bytes.len(), 0);
    }
    decode_slow(bytes)
}

/// Decodes a file's bytes, reusing the buffer when they are valid UTF-8 (the common case).
///
/// Order: a binary check (over 1% NUL bytes or 10% control bytes in the first 8 KiB;
/// skipped for UTF-16), a UTF-8 BOM (stripped), a UTF-16LE/BE BOM, UTF-16 without a BOM
/// (ASCII-range text: every other byte NUL), valid UTF-8, UTF-8 with a few stray bytes
/// (real multi-byte characters, and strays at most as many as those or at most 1% of the
/// bytes: the strays are read as windows-1252, label `UTF-8+windows-1252`), ASCII with at
/// most 8 high bytes making at most 2% of the file (read as windows-1252), and last a
/// legacy 8-bit encoding guessed by chardetng. Control characters are then removed and
/// CR-only line ends made newlines ([`clean_controls`]).
/// Errors: `empty` (no bytes, or only whitespace or a BOM), `binary`, `decode`.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, StageError> {
    let len = bytes.len();
    if !bytes.starts_with(UTF8_BOM) && !has_utf16_bom(&bytes) && utf16_without_bom(&bytes).is_none()
    {
        check_not_binary(&bytes)?;
        match String::from_utf8(bytes) {
            Ok(text) => return finish(text, "UTF-8", len, 0),
            Err(err) => return decode_slow(err.as_bytes()),
        }
    }
    decode(&bytes)
}

/// The UTF-16 flavour of BOM-less `bytes` (see [`utf16_without_bom`]).
pub(crate) fn utf16_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    utf16_without_bom(bytes)
}

/// UTF-16 without a byte-order mark, told by its NUL bytes: in text that is mostly ASCII
/// range, the high byte of nearly every code unit is 0, so NULs fill one byte position
/// (odd for little-endian, even for big-endian) and almost never the other.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    let units = head.len() / 2;
    if units < 2 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let most = |n: usize| n * 10 >= units * 7;
    let few = |n: usize| n * 20 <= units;
    if most(odd) && few(even) {
        Some(UTF_16LE)
    } else if most(even) && few(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// Valid UTF-8 with its BOM (if any) removed, unless the bytes start with a UTF-16 BOM.
fn utf8_without_bom(bytes: &[u8]) -> Option<&str> {
    if has_utf16_bom(bytes) {
        return None;
    }
    std::str::from_utf8(bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes)).ok()
}

/// Everything but BOM-less valid UTF-8; the caller has already run the binary check.
fn decode_slow(bytes: &[u8]) -> Result<Decoded, StageError> {
    if bytes.is_empty() {
        return Err(StageError::new("empty", "empty file: 0 bytes"));
    }
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        if let Ok(text) = std::str::from_utf8(rest) {
            return finish(text.to_owned(), "UTF-8", bytes.len(), 0);
        }
        // A BOM promises UTF-8; stray bytes after it are handled like any other mixed file.
        let strays = Utf8Stats::of(rest).invalid_bytes as u64;
        return finish(mixed_utf8(rest), "UTF-8+windows-1252", bytes.len(), strays);
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return decode_utf16(&bytes[2..], UTF_16LE, bytes.len());
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return decode_utf16(&bytes[2..], UTF_16BE, bytes.len());
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return decode_utf16(bytes, encoding, bytes.len());
    }
    let stats = Utf8Stats::of(bytes);
    if stats.looks_like_utf8_with_strays(bytes.len()) {
        let strays = stats.invalid_bytes as u64;
        return finish(mixed_utf8(bytes), "UTF-8+windows-1252", bytes.len(), strays);
    }
    if stats.is_ascii_with_a_few_strays(bytes.len()) {
        // Too little evidence for a detector: one 0xA3 in English text reads as "Ł" to a
        // Central European guess. The commonest source of such bytes is windows-1252.
        return finish(mixed_utf8(bytes), "windows-1252", bytes.len(), 0);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, false);
    let (text, _, had_errors) = encoding.decode(bytes);
    let errors = if had_errors { replacements(&text) } else { 0 };
    finish(text.into_owned(), encoding.name(), bytes.len(), errors)
}

fn replacements(text: &str) -> u64 {
    text.chars().filter(|&c| c == '\u{FFFD}').count() as u64
}

/// Decodes UTF-16 `body` (after its BOM, if any); `byte_len` is the whole file's length.
fn decode_utf16(
    body: &[u8],
    encoding: &'static Encoding,
    byte_len: usize,
) -> Result<Decoded, StageError> {
    if body.is_empty() {
        return Err(StageError::new(
            "empty",
            format!("empty file: only a {} byte-order mark", encoding.name()),
        ));
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let errors = if had_errors { replacements(&text) } else { 0 };
    if errors > 0 {
        let share = errors as f64 / text.chars().count().max(1) as f64;
        if share > 0.01 {
            return Err(StageError::new(
                "decode",
                format!(
                    "invalid {} data: {:.0}% of characters could not be decoded",
                    encoding.name(),
                    share * 100.0
                ),
            ));
        }
    }
    finish(text.into_owned(), encoding.name(), byte_len, errors)
}

/// Removes control characters, refuses whitespace-only text; otherwise wraps it up.
fn finish(
    text: String,
    encoding: &'static str,
    byte_len: usize,
    errors: u64,
) -> Result<Decoded, StageError> {
    let text = match clean_controls(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(cleaned) => cleaned,
    };
    if text.is_empty() {
        let what = if byte_len == 0 {
            "0 bytes".to_string()
        } else {
            "only a byte-order mark".to_string()
        };
        return Err(StageError::new("empty", format!("empty file: {what}")));
    }
    if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
        return Err(StageError::new(
            "empty",
            format!("empty file: only whitespace ({byte_len} bytes)"),
        ));
    }
    Ok(Decoded {
        text,
        encoding,
        errors,
    })
}

/// NUL bytes or a high share of control bytes in the first 8 KiB mean the file is not text
/// (UTF-16 files with a BOM never get here).
fn check_not_binary(bytes: &[u8]) -> Result<(), StageError> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    if nuls * 1000 > head.len() * MAX_NULS_PER_MILLE {
        return Err(StageError::new(
            "binary",
            format!(
                "binary content: {nuls} NUL bytes in the first {} bytes",
                head.len()
            ),
        ));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    let share = controls as f64 / head.len().max(1) as f64;
    if share > MAX_CONTROL_SHARE {
        return Err(StageError::new(
            "binary",
            format!(
                "binary content: {controls} control bytes ({:.0}%) in the first {} bytes",
                share * 100.0,
                head.len()
            ),
        ));
    }
    Ok(())
}

/// Counts of what a UTF-8 validation pass finds in invalid input.
struct Utf8Stats {
    /// Non-ASCII characters that are valid UTF-8 sequences.
    valid_multibyte: usize,
    /// Bytes that are not part of any valid UTF-8 sequence.
    invalid_bytes: usize,
}

impl Utf8Stats {
    fn of(bytes: &[u8]) -> Self {
        let mut stats = Utf8Stats {
            valid_multibyte: 0,
            invalid_bytes: 0,
        };
        for chunk in bytes.utf8_chunks() {
            stats.valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
            stats.invalid_bytes += chunk.invalid().len();
        }
        stats
    }

    /// UTF-8 text with a few stray bytes: real UTF-8 characters exist, and the strays are
    /// no more than those or at most 1% of the bytes. A legacy file with no valid
    /// multi-byte sequence is left to the detector (its honest label is the legacy
    /// encoding), and a legacy file that happens to form a few valid sequences ("Ã©") has
    /// far more invalid bytes than valid characters, and more than 1% of its bytes.
    fn looks_like_utf8_with_strays(&self, len: usize) -> bool {
        self.valid_multibyte > 0
            && (self.invalid_bytes <= self.valid_multibyte
                || self.invalid_bytes as f64 <= len as f64 * MAX_INVALID_UTF8_SHARE)
    }

    /// ASCII text with at most a handful of high bytes (at most 8, and at most 2% of the
    /// bytes), as in a copy-pasted "£" or "é".
    fn is_ascii_with_a_few_strays(&self, len: usize) -> bool {
        self.valid_multibyte == 0
            && self.invalid_bytes <= MAX_STRAY_BYTES
            && self.invalid_bytes * 50 <= len
    }
}

/// Valid UTF-8 runs as they are; every stray byte as its windows-1252 character.
fn mixed_utf8(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for &b in chunk.invalid() {
            let (ch, _) = WINDOWS_1252.decode_without_bom_handling(std::slice::from_ref(&b));
            out.push_str(&ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("Café £5".as_bytes()).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), ("Café £5", "UTF-8"));
        let bom = decode(b"\xEF\xBB\xBFhello").unwrap();
        assert_eq!((bom.text.as_str(), bom.encoding), ("hello", "UTF-8"));
        assert_eq!(
            decode_owned(b"\xEF\xBB\xBFhello".to_vec()).unwrap().text,
            "hello"
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in "Zürich £".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        let d = decode_owned(le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Zürich £", "UTF-16LE"));
        let d = decode(&be).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Zürich £", "UTF-16BE"));
    }

    #[test]
    fn legacy_8bit_is_detected() {
        // "Café owners’ “good” year: £5m" in windows-1252.
        let bytes = b"Caf\xE9 owners\x92 \x93good\x94 year for the \xE9lite: \xA35m profit in the caf\xE9s of Paris.";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("Café owners’ “good” year"), "{}", d.text);
        assert!(d.text.contains("£5m"));
    }

    #[test]
    fn utf8_with_a_stray_latin1_byte_decodes_both() {
        let mut bytes = "Mutu’s transfer, a ".as_bytes().to_vec();
        bytes.push(0xA3);
        bytes.extend_from_slice("15.8m signing – from Parma".as_bytes());
        let d = decode_owned(bytes).unwrap();
        assert_eq!(d.text, "Mutu’s transfer, a £15.8m signing – from Parma");
        assert_eq!(d.encoding, "UTF-8+windows-1252");
    }

    #[test]
    fn ascii_with_one_stray_pound_is_windows_1252() {
        let d =
            decode(b"Mutu, a \xA315.8m signing from Parma last season, may face a two-year ban.")
                .unwrap();
        assert_eq!(
            d.text,
            "Mutu, a £15.8m signing from Parma last season, may face a two-year ban."
        );
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn empty_inputs_say_which() {
        let e = decode(b"").unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            ("empty", "empty file: 0 bytes")
        );
        let e = decode(b"\xEF\xBB\xBF").unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            ("empty", "empty file: only a byte-order mark")
        );
        let e = decode(b" \n\t\r\n").unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            ("empty", "empty file: only whitespace (5 bytes)")
        );
        assert_eq!(decode(b"\xFF\xFE").unwrap_err().code, "empty");
    }

    #[test]
    fn binary_inputs_say_why() {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend_from_slice(&[0u8; 37]);
        bytes.extend_from_slice(b"rest");
        let e = decode(&bytes).unwrap_err();
        assert_eq!(e.code, "binary");
        assert_eq!(
            e.message,
            "binary content: 37 NUL bytes in the first 45 bytes"
        );
        let controls: Vec<u8> = (0..100u8)
            .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
            .collect();
        let e = decode(&controls).unwrap_err();
        assert_eq!(e.code, "binary");
        assert!(
            e.message.contains("34 control bytes (34%)"),
            "{}",
            e.message
        );
    }

    #[test]
    fn form_feeds_and_tabs_are_text() {
        assert!(decode(b"a\tb\x0Cc\r\nd").is_ok());
    }

    #[test]
    fn nearly_valid_utf8_stays_utf8_and_counts_its_errors() {
        // Cyrillic-free English UTF-8 with two curly quotes and nine damaged bytes.
        let mut bytes = "“Quoted” ".as_bytes().to_vec();
        bytes.extend_from_slice(b"The council met on Monday. ".repeat(60).as_slice());
        for _ in 0..9 {
            bytes.extend_from_slice(b"bad \xD0 byte ");
        }
        let d = decode_owned(bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8+windows-1252");
        assert_eq!(d.errors, 9);
        assert!(d.text.starts_with("“Quoted” The council met"));
        assert_eq!(decode(b"clean").unwrap().errors, 0);
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        let text = "Zürich council met on Monday.\nSecond line.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let d = decode_owned(le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-16LE"));
        let d = decode(&be).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-16BE"));
    }

    #[test]
    fn a_stray_nul_is_removed_not_fatal_and_controls_never_reach_the_text() {
        let mut bytes = b"A long enough article body. ".repeat(10);
        bytes.extend_from_slice(b"\0 and an \x1b[31mescape\x7f.");
        let d = decode_owned(bytes).unwrap();
        assert!(d.text.ends_with(" and an [31mescape."), "{}", d.text);
        assert!(!d.text.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn cr_only_line_ends_become_newlines() {
        let d = decode(b"Title\r\rAOL.\rTime Warner").unwrap();
        assert_eq!(d.text, "Title\n\nAOL.\nTime Warner");
    }
}
