//! Reading CoNLL-style column files: whitespace-separated columns, one token per line, blank
//! lines between sentences, `-DOCSTART-` lines between documents.

use std::path::Path;

use anyhow::Context;

/// One line of a CoNLL file, split into columns.
pub(crate) type Row = Vec<String>;

/// A document: its sentences, each a list of rows.
#[derive(Debug, Default)]
pub(crate) struct Document {
    pub sentences: Vec<Vec<Row>>,
}

/// A "document" with more sentences than this is a collection of independent posts or
/// sentences (one `-DOCSTART-` per file of tweets or Wikipedia sentences; the longest
/// CoNLL-2003 article has 197): each sentence is then its own document, so that document-level
/// features do not link unrelated texts.
pub(crate) const MAX_DOCUMENT_SENTENCES: usize = 500;

pub(crate) fn is_docstart(line: &str) -> bool {
    line.trim_start().starts_with("-DOCSTART-")
}

/// Reads a whole CoNLL file. A file without `-DOCSTART-` lines is one document.
pub(crate) fn read_documents(path: &Path) -> anyhow::Result<Vec<Document>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(parse_documents(&text))
}

pub(crate) fn parse_documents(text: &str) -> Vec<Document> {
    let mut docs = vec![Document::default()];
    let mut sentence: Vec<Row> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || is_docstart(line) {
            if !sentence.is_empty() {
                if let Some(doc) = docs.last_mut() {
                    doc.sentences.push(std::mem::take(&mut sentence));
                }
            }
            if is_docstart(line) && docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(Document::default());
            }
            continue;
        }
        sentence.push(line.split_whitespace().map(str::to_string).collect());
    }
    if !sentence.is_empty() {
        if let Some(doc) = docs.last_mut() {
            doc.sentences.push(sentence);
        }
    }
    docs.retain(|d| !d.sentences.is_empty());
    docs.into_iter()
        .flat_map(|doc| {
            if doc.sentences.len() > MAX_DOCUMENT_SENTENCES {
                doc.sentences
                    .into_iter()
                    .map(|s| Document { sentences: vec![s] })
                    .collect()
            } else {
                vec![doc]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_documents_and_sentences() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n";
        let docs = parse_documents(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0][1], ["rejects", "VBZ", "I-VP", "O"]);
        assert_eq!(docs[1].sentences[0][0][0], "Bonn");
        assert!(parse_documents("").is_empty());
        let posts = "-DOCSTART- O\n\n".to_string() + &"a O\n\n".repeat(MAX_DOCUMENT_SENTENCES + 1);
        assert_eq!(parse_documents(&posts).len(), MAX_DOCUMENT_SENTENCES + 1);
    }
}
