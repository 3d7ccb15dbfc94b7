//! Every reader on arbitrary bytes, under each extension it takes: it must return an
//! article or an error, never panic, hang or blow up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmill_core::{RawDocument, Reader};

const NAMES: &[&str] = &["a.md", "a.txt", "a.jsonl", "a.json", "a.html"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    let mut readers: Vec<Box<dyn Reader>> = vec![Box::new(newsmill_html::HtmlReader::default())];
    readers.extend(newsmill_read::readers());
    let Some(reader) = readers.iter().find(|r| r.accepts(name.as_ref(), bytes)) else {
        return;
    };
    let doc = RawDocument {
        id: name.into(),
        seq: 0,
        path: name.into(),
        bytes: bytes.to_vec(),
        hints: Default::default(),
    };
    let _ = reader.read(doc);
    let _ = newsmill_read::decode(bytes);
});
