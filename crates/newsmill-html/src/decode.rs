//! Bytes to text: gzip (by magic bytes), then the encoding as a browser finds it: byte order
//! mark, then a `<meta charset>` / http-equiv prescan of the first bytes, then statistical
//! detection (chardetng), decoded with encoding_rs.

use std::io::Read;

use encoding_rs::Encoding;
use newsmill_core::StageError;

/// Bytes of the page the meta prescan looks at. Browsers use 1024; pages with long inline
/// scripts before the meta tag are common, so look further.
const PRESCAN_BYTES: usize = 4096;

pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Inflate a gzip stream, refusing to grow past `max_bytes`.
pub fn gunzip(bytes: &[u8], max_bytes: usize) -> Result<Vec<u8>, StageError> {
    let mut out = Vec::new();
    let limit = max_bytes as u64 + 1;
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit)
        .read_to_end(&mut out)
        .map_err(|e| StageError::new("decode", format!("gzip: {e}")))?;
    if out.len() > max_bytes {
        return Err(StageError::new(
            "too_large",
            format!("decompressed page exceeds {max_bytes} bytes"),
        ));
    }
    Ok(out)
}

/// Decode page bytes; returns the text and the encoding's name.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let (text, encoding, _) = decode_counted(bytes);
    (text, encoding)
}

/// [`decode`], with the number of bytes that were not valid in the encoding (each became
/// U+FFFD), for the `encoding_errors` column.
pub fn decode_counted(bytes: &[u8]) -> (String, &'static str, u64) {
    let count = |text: &str, had_errors: bool| {
        if had_errors {
            text.chars().filter(|&c| c == '\u{FFFD}').count() as u64
        } else {
            0
        }
    };
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) =
            enc.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or(&[]));
        let errors = count(&text, had_errors);
        return (text.into_owned(), enc.name(), errors);
    }
    let enc = prescan_meta(bytes).unwrap_or_else(|| detect(bytes));
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let errors = count(&text, had_errors);
    (text.into_owned(), enc.name(), errors)
}

/// Share of invalid bytes up to which a page with real UTF-8 characters is read as UTF-8
/// (the damaged bytes become U+FFFD) instead of being guessed as a legacy encoding.
const MAX_INVALID_UTF8_SHARE: f64 = 0.01;

/// Whether undeclared bytes are UTF-8 with a few damaged bytes.
fn nearly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte > 0
        && (invalid <= multibyte || invalid as f64 <= bytes.len() as f64 * MAX_INVALID_UTF8_SHARE)
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() || nearly_utf8(bytes) {
        return encoding_rs::UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new();
    let sample = bytes.get(..bytes.len().min(256 * 1024)).unwrap_or(bytes);
    det.feed(sample, sample.len() == bytes.len());
    det.guess(None, true)
}

/// The charset a `<meta charset=...>` or `<meta http-equiv=content-type content="...;
/// charset=...">` near the start declares. A byte-level scan (no parse): the page is not
/// decoded yet, and ASCII-compatible encodings are what the prescan is defined for.
fn prescan_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(PRESCAN_BYTES)).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(cs) = find(tag, b"charset") {
            let rest = &tag[cs + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&b| {
                        b == b'"' || b == b'\'' || b == b';' || b == b'/' || b.is_ascii_whitespace()
                    })
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    // A page that says UTF-16 but was read as ASCII bytes is UTF-8 in
                    // practice (the HTML standard says the same).
                    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        return Some(encoding_rs::UTF_8);
                    }
                    if enc == encoding_rs::UTF_8 || std::str::from_utf8(bytes).is_err() {
                        return Some(enc);
                    }
                    // Declared a legacy charset but the bytes are valid UTF-8 beyond ASCII:
                    // the declaration is stale (common after CMS migrations).
                    if bytes.is_ascii() {
                        return Some(enc);
                    }
                    return Some(encoding_rs::UTF_8);
                }
            }
        }
        from = end.max(start + 1);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearly_valid_utf8_is_utf8_with_counted_errors() {
        let mut bytes = "<p>“Quoted” ".as_bytes().to_vec();
        bytes.extend_from_slice(b"The council met on Monday. ".repeat(40).as_slice());
        bytes.extend_from_slice(b"bad \xD0\xD0 bytes</p>");
        let (text, enc, errors) = decode_counted(&bytes);
        assert_eq!((enc, errors), ("UTF-8", 2));
        assert!(text.starts_with("<p>“Quoted”"));
    }

    #[test]
    fn meta_charset_windows_1252() {
        let bytes =
            b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>";
        let (text, enc) = decode(bytes);
        assert_eq!(enc, "windows-1252");
        assert!(text.contains("caf\u{e9}"));
    }

    #[test]
    fn http_equiv_content_type() {
        let bytes = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\xe9t\xe9";
        let (text, enc) = decode(bytes);
        assert_eq!(enc, "windows-1252");
        assert!(text.contains("\u{e9}t\u{e9}"));
    }

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xef, 0xbb, 0xbf];
        bytes.extend_from_slice("<meta charset=latin1><p>é".as_bytes());
        let (text, enc) = decode(&bytes);
        assert_eq!(enc, "UTF-8");
        assert!(text.ends_with('é'));
    }

    #[test]
    fn gzip_limit() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&vec![b'a'; 10_000]).unwrap();
        let gz = enc.finish().unwrap();
        assert!(is_gzip(&gz));
        assert_eq!(gunzip(&gz, 20_000).unwrap().len(), 10_000);
        assert_eq!(gunzip(&gz, 5_000).unwrap_err().code, "too_large");
    }
}
