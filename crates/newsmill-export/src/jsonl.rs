//! articles.jsonl: every articles.csv field plus the body text, one object per line, and the
//! fields of a JSON source record that no mapping used (`source_fields`).

use newsmill_core::{Article, EntityKind};
use serde_json::{json, Value};

use crate::tables::top_names;

/// The JSON object for one article. Lists (authors, top names) are arrays here, not
/// "; "-joined strings as in the CSV.
pub fn article_json(article: &Article) -> Value {
    let meta = &article.meta;
    json!({
        "id": article.id,
        "path": article.path.to_string_lossy(),
        "format": article.format.as_str(),
        "title": meta.title,
        "authors": meta.authors,
        "published": crate::tables::published_date(meta.published.as_deref()),
        "published_time": meta.published_time,
        "publisher": meta.publisher,
        "url": meta.url,
        "language": meta.language,
        "language_confidence": meta.language_confidence.map(|c| (c * 100.0).round() / 100.0),
        "words": article.word_count(),
        "paragraphs": article.paragraph_count(),
        "encoding": article.encoding,
        "encoding_errors": meta.encoding_errors,
        "duplicate_of": article.annotations.duplicate_of,
        "top_people": top_names(article, EntityKind::Person),
        "top_organizations": top_names(article, EntityKind::Organization),
        "top_places": top_names(article, EntityKind::Location),
        "extraction": meta.extraction,
        "extraction_confidence": meta.extraction_confidence.map(|c| (c * 100.0).round() / 100.0),
        "published_source": meta.published_source,
        "text": article.body_text(),
        "source_fields": meta.source_fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::Block;

    #[test]
    fn json_has_text_with_blank_line_between_paragraphs() {
        let mut article = Article::new("a.md", "in/a.md");
        article.blocks = vec![Block::paragraph("One."), Block::paragraph("Two.")];
        article.meta.authors = vec!["A".into(), "B".into()];
        let value = article_json(&article);
        assert_eq!(value["text"], "One.\n\nTwo.");
        assert_eq!(value["authors"], json!(["A", "B"]));
        assert_eq!(value["words"], 2);
    }
}
