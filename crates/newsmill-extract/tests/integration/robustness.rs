//! Odd input never panics the readers or the stage: generated documents mixing markup,
//! bylines, dates, stray bytes and control characters.

use std::path::Path;

use crate::common::{extract, metadata_stage};

const PIECES: &[&[u8]] = &[
    b"# ",
    b"## ",
    b"**",
    b"__",
    b"*",
    b"By ",
    b"Jane Doe",
    b" and ",
    b", ",
    b"Written by ",
    b"Author: ",
    b"\n",
    b"\n\n",
    b"\r\n",
    b"  \n",
    b"---\n",
    b"title: x\n",
    b"author: [a, b]\n",
    b"27 December 2013",
    b"Dec. 27, 2013",
    b"2013-02-30",
    b"Updated: ",
    b"10:05 GMT",
    b"\xC3\xA9",
    b"\xE2\x80\x9C",
    b"\xA3",
    b"\xFF",
    b"\xEF\xBB\xBF",
    b"[a](http://x.org)",
    b"![i](p.png)",
    b"> ",
    b"- ",
    b"1. ",
    b"`",
    b"<b>",
    b"</b>",
    b"<div>",
    b"\xC2\xA9 2024 Reuters",
    b"To contact the WSWS",
    b"\t",
    b"{",
    b"}",
    b"\"",
    b"\x07",
    b"Headline words here",
    b"|",
    b"(",
    b"=====\n",
];

/// xorshift64: deterministic, so a failure is reproducible from its index.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn generated_documents_never_panic() {
    let stage = metadata_stage();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for i in 0..1500 {
        let len = (next(&mut state) % 40) as usize;
        let mut bytes = Vec::new();
        for _ in 0..len {
            bytes.extend_from_slice(PIECES[(next(&mut state) % PIECES.len() as u64) as usize]);
        }
        let (name, bytes) = match i % 4 {
            0 => ("doc.md", bytes),
            1 | 2 => ("doc.txt", bytes),
            _ => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let json = serde_json_string(&text);
                (
                    "doc.jsonl",
                    format!("{{\"title\": {json}, \"text\": {json}, \"date\": {json}}}")
                        .into_bytes(),
                )
            }
        };
        let _ = extract(
            &format!("{name}#{i}"),
            Path::new(name),
            bytes,
            stage.as_ref(),
        );
    }
}

/// A JSON string literal for `text` (the test has no serde_json dependency).
fn serde_json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
