//! UTF-16 JSON Lines files: transcoded to UTF-8 while they are read, so discovery can split
//! them on `\n` like any other. Split first, a UTF-16 file breaks inside its code units
//! (`\n` is `0A 00`) and every record fails to parse.
//!
//! Hand-written because it is a thin `Read` adapter over `encoding_rs`'s streaming
//! decoder (which does the decoding); the crate that packages this (encoding_rs_io) is
//! not among the workspace's dependencies and would be the only user.

use std::io::{self, Read};

use encoding_rs::{Decoder, Encoding};

use crate::decode::utf16_encoding;

/// How much UTF-16 is decoded per refill.
const CHUNK: usize = 64 * 1024;

/// Reads `inner` (UTF-16) as UTF-8.
pub(crate) struct Utf8FromUtf16<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    output: String,
    /// Bytes of `output` already handed out.
    taken: usize,
    done: bool,
}

/// A decoder when `head` (the first bytes of a file) is UTF-16, with or without a
/// byte-order mark; `None` otherwise.
pub(crate) fn utf16_decoder(head: &[u8]) -> Option<Decoder> {
    match Encoding::for_bom(head) {
        Some((encoding, _)) if encoding != encoding_rs::UTF_8 => {
            Some(encoding.new_decoder_with_bom_removal())
        }
        Some(_) => None,
        None => Some(utf16_encoding(head)?.new_decoder_without_bom_handling()),
    }
}

impl<R: Read> Utf8FromUtf16<R> {
    /// Reads `inner` through `decoder` (from [`utf16_decoder`]).
    pub(crate) fn new(decoder: Decoder, inner: R) -> Self {
        Utf8FromUtf16 {
            inner,
            decoder,
            input: vec![0; CHUNK],
            output: String::new(),
            taken: 0,
            done: false,
        }
    }

    /// Decodes the next chunk into `output`; false at the end of the input.
    fn refill(&mut self) -> io::Result<bool> {
        if self.done {
            return Ok(false);
        }
        let n = loop {
            match self.inner.read(&mut self.input) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        let last = n == 0;
        self.output.clear();
        self.taken = 0;
        let room = self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
        self.output.reserve(room);
        // With that much room the decoder takes the whole chunk in one call; a bad code
        // unit becomes U+FFFD, which the JSON reader then counts.
        let _ = self
            .decoder
            .decode_to_string(&self.input[..n], &mut self.output, last);
        self.done = last;
        Ok(!self.output.is_empty() || !last)
    }
}

impl<R: Read> Read for Utf8FromUtf16<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.taken >= self.output.len() {
            if !self.refill()? {
                return Ok(0);
            }
        }
        let rest = &self.output.as_bytes()[self.taken..];
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.taken += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    fn read_all(bytes: &[u8]) -> Option<String> {
        let decoder = utf16_decoder(&bytes[..bytes.len().min(8192)])?;
        let mut reader = Utf8FromUtf16::new(decoder, bytes);
        let mut text = String::new();
        reader.read_to_string(&mut text).unwrap();
        Some(text)
    }

    #[test]
    fn utf16_with_and_without_bom_becomes_utf8_and_utf8_is_left_alone() {
        let text = "{\"text\": \"Zürich — ok\"}\n{\"text\": \"two\"}\n";
        assert_eq!(read_all(&utf16le(text, true)).as_deref(), Some(text));
        assert_eq!(read_all(&utf16le(text, false)).as_deref(), Some(text));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(read_all(&be).as_deref(), Some(text));
        assert_eq!(read_all(text.as_bytes()), None);
        assert_eq!(read_all(b"\xEF\xBB\xBF{}"), None);
    }

    #[test]
    fn long_input_spans_many_chunks() {
        let line = "{\"text\": \"é line of text\"}\n";
        let text = line.repeat(20_000);
        assert_eq!(
            read_all(&utf16le(&text, true)).as_deref(),
            Some(text.as_str())
        );
    }
}
