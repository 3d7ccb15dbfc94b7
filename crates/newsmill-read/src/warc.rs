//! Splitting WARC files (`.warc`, `.warc.gz`) into documents, one per HTTP response record
//! with an HTML payload, streamed: one record is in memory at a time.
//!
//! Record headers are parsed by the `warc` crate's parser; this module does the framing with
//! a cap on every read (a header block over 64 KiB, or a record over `max_file_bytes`, is never
//! buffered), unwraps the HTTP response (status line, headers, chunked transfer coding, gzip
//! content coding) and hands the payload on like any file, with the record's target URI and
//! date as hints. Records that are no page (`warcinfo`, `request`, `metadata`, a status other
//! than 200, a payload that is not HTML) are counted, not read.

use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use flate2::bufread::MultiGzDecoder;
use newsmill_core::{DocumentHints, StageError};

use crate::discover::Found;
use crate::skips::SkipReport;

/// Largest WARC header block read; real ones are well under 2 KiB.
const MAX_HEADER_BYTES: u64 = 64 * 1024;

/// Whether the file name says WARC (`.warc`, `.warc.gz`, any case).
pub(crate) fn is_warc(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Opens a WARC file, decompressing when its first bytes are gzip's.
pub(crate) fn open(path: &Path) -> io::Result<Box<dyn BufRead + Send>> {
    let mut file = io::BufReader::with_capacity(256 * 1024, std::fs::File::open(path)?);
    let gzip = file.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gzip {
        Box::new(io::BufReader::with_capacity(
            256 * 1024,
            MultiGzDecoder::new(file),
        ))
    } else {
        Box::new(file)
    })
}

/// The records of one WARC file, read in order.
pub(crate) struct WarcSplitter {
    reader: Box<dyn BufRead + Send>,
    /// The file's id (path relative to the input root).
    rel: String,
    path: PathBuf,
    /// Number of the last record read (1-based, counting every record).
    record: usize,
    max_record_bytes: u64,
}

/// What one record turned out to be.
enum Record {
    Page(Found),
    Skipped(&'static str, Option<u16>),
}

impl WarcSplitter {
    pub(crate) fn new(
        reader: Box<dyn BufRead + Send>,
        rel: String,
        path: PathBuf,
        max_record_bytes: u64,
    ) -> Self {
        WarcSplitter {
            reader,
            rel,
            path,
            record: 0,
            max_record_bytes,
        }
    }

    /// The next page of the file; `None` at its end. A framing error ends the file with a
    /// `Failed` item (a WARC cannot be resynchronised reliably).
    pub(crate) fn next_page(&mut self, skips: &mut SkipReport) -> Option<Found> {
        loop {
            match self.next_record() {
                Ok(None) => return None,
                Ok(Some(Record::Page(found))) => return Some(found),
                Ok(Some(Record::Skipped(reason, status))) => match status {
                    Some(code) => skips.add_record(&format!("status_{code}")),
                    None => skips.add_record(reason),
                },
                Err(error) => {
                    let path = PathBuf::from(format!("{}#{}", self.path.display(), self.record));
                    // Nothing after a framing error can be trusted: end the file.
                    self.reader = Box::new(io::empty());
                    return Some(Found::Failed { path, error });
                }
            }
        }
    }

    fn next_record(&mut self) -> Result<Option<Record>, StageError> {
        let Some(header) = self.read_header()? else {
            return Ok(None);
        };
        self.record += 1;
        let (_, fields, length) = warc::parser::headers(&header)
            .map(|(_, parsed)| parsed)
            .map_err(|_| StageError::new("parse", "invalid WARC record header"))?;
        let field = |name: &str| {
            fields
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| String::from_utf8_lossy(v).trim().to_string())
        };
        let kind = field("WARC-Type").unwrap_or_default().to_ascii_lowercase();
        let length = length as u64;
        if kind != "response" || length > self.max_record_bytes {
            self.skip_body(length)?;
            if kind != "response" {
                return Ok(Some(Record::Skipped(warc_kind(&kind), None)));
            }
            let error = StageError::new(
                "too_large",
                format!(
                    "WARC record is {length} bytes, over max_file_bytes ({})",
                    self.max_record_bytes
                ),
            );
            let path = PathBuf::from(format!("{}#{}", self.path.display(), self.record));
            return Ok(Some(Record::Page(Found::Failed { path, error })));
        }
        let mut block = Vec::with_capacity(length as usize);
        self.reader
            .by_ref()
            .take(length)
            .read_to_end(&mut block)
            .map_err(io_error)?;
        if (block.len() as u64) < length {
            return Err(StageError::new("parse", "WARC file ends inside a record"));
        }
        self.skip_record_end()?;
        let http = match parse_http(&block) {
            Some(http) => http,
            None => return Ok(Some(Record::Skipped("not_http", None))),
        };
        if http.status != 200 {
            return Ok(Some(Record::Skipped("status", Some(http.status))));
        }
        if !http.is_html() {
            return Ok(Some(Record::Skipped("not_html", None)));
        }
        let payload = http.payload(&block, self.max_record_bytes)?;
        let part = self.record.to_string();
        Ok(Some(Record::Page(Found::Line {
            id: format!("{}#{part}", self.rel),
            path: self.path.clone(),
            bytes: payload,
            hints: DocumentHints {
                part: Some(part),
                url: field("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string()),
                captured: field("WARC-Date"),
            },
        })))
    }

    /// The header block up to and including its blank line; `None` at the end of the file.
    fn read_header(&mut self) -> Result<Option<Vec<u8>>, StageError> {
        let mut header = Vec::new();
        loop {
            let before = header.len();
            let limit = MAX_HEADER_BYTES.saturating_sub(before as u64) + 1;
            let read = self
                .reader
                .by_ref()
                .take(limit)
                .read_until(b'\n', &mut header)
                .map_err(io_error)?;
            if read == 0 {
                // End of file: fine between records (blank lines allowed), not inside a header.
                return if header.iter().all(u8::is_ascii_whitespace) {
                    Ok(None)
                } else {
                    Err(StageError::new("parse", "WARC file ends inside a header"))
                };
            }
            if header.len() as u64 > MAX_HEADER_BYTES {
                return Err(StageError::new(
                    "parse",
                    "not a WARC record: no header end in the first 64 KiB",
                ));
            }
            let line = &header[before..];
            let blank = line == b"\r\n" || line == b"\n";
            if blank && header[..before].iter().all(u8::is_ascii_whitespace) {
                // Blank lines between records.
                header.clear();
                continue;
            }
            if blank {
                return Ok(Some(header));
            }
        }
    }

    fn skip_body(&mut self, length: u64) -> Result<(), StageError> {
        let copied =
            io::copy(&mut self.reader.by_ref().take(length), &mut io::sink()).map_err(io_error)?;
        if copied < length {
            return Err(StageError::new("parse", "WARC file ends inside a record"));
        }
        self.skip_record_end()
    }

    /// The `\r\n\r\n` after a record (tolerating plain `\n`s).
    fn skip_record_end(&mut self) -> Result<(), StageError> {
        let mut seen = 0;
        while seen < 4 {
            let buf = self.reader.fill_buf().map_err(io_error)?;
            match buf.first() {
                Some(b'\r' | b'\n') => {
                    self.reader.consume(1);
                    seen += 1;
                }
                _ => break,
            }
        }
        Ok(())
    }
}

fn io_error(e: io::Error) -> StageError {
    StageError::new("io", format!("cannot read WARC: {e}"))
}

fn warc_kind(kind: &str) -> &'static str {
    match kind {
        "warcinfo" => "warcinfo",
        "request" => "request",
        "metadata" => "metadata",
        "resource" => "resource",
        "revisit" => "revisit",
        "conversion" => "conversion",
        "continuation" => "continuation",
        _ => "other_type",
    }
}

/// The parts of an HTTP response that decide what to do with it.
struct HttpResponse {
    status: u16,
    content_type: String,
    chunked: bool,
    gzip: bool,
    body_start: usize,
}

impl HttpResponse {
    fn is_html(&self) -> bool {
        let ct = self.content_type.to_ascii_lowercase();
        ct.contains("text/html") || ct.contains("application/xhtml")
    }

    /// The payload without transfer and content coding, at most `max` bytes.
    fn payload(&self, block: &[u8], max: u64) -> Result<Vec<u8>, StageError> {
        let body = &block[self.body_start..];
        let body = if self.chunked {
            dechunk(body)
        } else {
            body.to_vec()
        };
        if !self.gzip || !body.starts_with(&[0x1f, 0x8b]) {
            return Ok(body);
        }
        let mut out = Vec::new();
        MultiGzDecoder::new(&body[..])
            .take(max + 1)
            .read_to_end(&mut out)
            .map_err(|e| StageError::new("decode", format!("bad gzip payload: {e}")))?;
        if out.len() as u64 > max {
            return Err(StageError::new(
                "too_large",
                format!("page is over max_file_bytes ({max}) once unzipped"),
            ));
        }
        Ok(out)
    }
}

/// Status line and headers of an HTTP response block; `None` when it is not one.
fn parse_http(block: &[u8]) -> Option<HttpResponse> {
    let end = find(block, b"\r\n\r\n")
        .map(|i| i + 4)
        .or_else(|| find(block, b"\n\n").map(|i| i + 2))?;
    let head = String::from_utf8_lossy(&block[..end]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let mut response = HttpResponse {
        status,
        content_type: String::new(),
        chunked: false,
        gzip: false,
        body_start: end,
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => response.content_type = value,
            "transfer-encoding" => response.chunked = value.contains("chunked"),
            "content-encoding" => response.gzip = value.contains("gzip"),
            _ => {}
        }
    }
    Some(response)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Undoes chunked transfer coding; a malformed chunk ends the body there.
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    while let Some(line_end) = find(body, b"\r\n") {
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            break;
        };
        let start = line_end + 2;
        if size == 0 || start + size > body.len() {
            out.extend_from_slice(&body[start..body.len().min(start + size)]);
            break;
        }
        out.extend_from_slice(&body[start..start + size]);
        body = body[start + size..]
            .strip_prefix(b"\r\n")
            .unwrap_or(&body[start + size..]);
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A WARC record with `block` as its content.
    pub(crate) fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2020-01-06T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    pub(crate) fn response(status: &str, content_type: &str, body: &str) -> Vec<u8> {
        format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n{body}").into_bytes()
    }

    fn split(bytes: Vec<u8>, max: u64) -> (Vec<Found>, SkipReport) {
        let mut splitter = WarcSplitter::new(
            Box::new(io::Cursor::new(bytes)),
            "a.warc".into(),
            "in/a.warc".into(),
            max,
        );
        let mut skips = SkipReport::default();
        let mut found = Vec::new();
        while let Some(f) = splitter.next_page(&mut skips) {
            found.push(f);
        }
        (found, skips)
    }

    #[test]
    fn html_responses_become_documents_and_the_rest_is_counted() {
        let page = "<html><body><p>Hi</p></body></html>";
        let mut warc = record("warcinfo", "", b"software: test\r\n");
        warc.extend(record(
            "request",
            "https://ex.org/a",
            b"GET /a HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "<https://ex.org/a>",
            &response("200 OK", "text/html; charset=utf-8", page),
        ));
        warc.extend(record(
            "response",
            "https://ex.org/b",
            &response("404 Not Found", "text/html", "gone"),
        ));
        warc.extend(record(
            "response",
            "https://ex.org/c.png",
            &response("200 OK", "image/png", "PNG"),
        ));
        let (found, skips) = split(warc, 1000);
        assert_eq!(found.len(), 1);
        let Found::Line {
            id, bytes, hints, ..
        } = &found[0]
        else {
            panic!("{:?}", found[0]);
        };
        assert_eq!(id, "a.warc#3");
        assert_eq!(bytes, page.as_bytes());
        assert_eq!(hints.url.as_deref(), Some("https://ex.org/a"));
        assert_eq!(hints.captured.as_deref(), Some("2020-01-06T10:00:00Z"));
        let reasons: Vec<(&str, u64)> = skips
            .warc_records
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect();
        assert_eq!(
            reasons,
            [
                ("not_html", 1),
                ("request", 1),
                ("status_404", 1),
                ("warcinfo", 1)
            ]
        );
    }

    #[test]
    fn oversized_records_are_errors_and_garbage_ends_the_file() {
        let big = response("200 OK", "text/html", &"x".repeat(500));
        let mut warc = record("response", "https://ex.org/big", &big);
        warc.extend(record(
            "response",
            "https://ex.org/ok",
            &response("200 OK", "text/html", "<html>ok</html>"),
        ));
        let (found, _) = split(warc, 200);
        assert!(matches!(&found[0], Found::Failed { error, .. } if error.code == "too_large"));
        assert!(matches!(&found[1], Found::Line { id, .. } if id == "a.warc#2"));

        let (found, _) = split(vec![b'z'; 100_000], 200);
        assert_eq!(found.len(), 1);
        assert!(matches!(&found[0], Found::Failed { error, .. } if error.code == "parse"));
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n6\r\n world\r\n0\r\n\r\n"),
            b"Hello world"
        );
    }
}
