//! One decoded page to blocks and metadata.

use newsmill_core::{Block, Metadata};
use scraper::Html;

use crate::dom::Dom;
use crate::{extract, meta};

/// The result of reading one page.
#[derive(Debug, Default)]
pub struct Page {
    pub blocks: Vec<Block>,
    pub meta: Metadata,
}

/// Extract main text and metadata from decoded HTML. `url` (when the caller knows where
/// the page came from) helps date and publisher detection.
pub fn extract_page(html: &str, url: Option<&str>) -> Page {
    let doc = parse(html);
    let page_meta = meta::extract(&doc, url);
    let dom = Dom::build(&doc);
    drop(doc);
    let main = extract::extract(&dom);
    let mut blocks = main.blocks;
    let (mut method, mut confidence) = (main.method, main.confidence);
    let extracted_chars: usize = blocks.iter().map(|b| b.text.len()).sum();
    // Pages that render the body with scripts still state it in JSON-LD.
    if let Some(body) = page_meta.ld_body.as_deref() {
        if body.len() > extracted_chars.max(200) * 2 {
            blocks = body_blocks(body);
            method = extract::Method::JsonLdBody;
            // The publisher's own statement of the body; only its paragraphing is lost.
            confidence = 0.85;
        }
    }
    let mut meta = page_meta.meta;
    if !blocks.is_empty() {
        meta.extraction = Some(method.as_str().to_string());
        meta.extraction_confidence = Some(confidence);
    }
    Page { blocks, meta }
}

/// For each text, the extraction step that lost it ([`extract::loss_reason`]); the
/// evaluation's error classes. Parses the page once for all texts.
pub(crate) fn loss_reasons(html: &str, texts: &[&str]) -> Vec<&'static str> {
    let dom = Dom::build(&parse(html));
    texts
        .iter()
        .map(|t| extract::loss_reason(&dom, t))
        .collect()
}

/// Parse as a browser with scripting off would: `<noscript>` content becomes markup, which
/// is where pages that render with scripts keep their readable text.
pub(crate) fn parse(html: &str) -> Html {
    use html5ever::tendril::TendrilSink;
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    html5ever::driver::parse_document(scraper::HtmlTreeSink::new(Html::new_document()), opts)
        .one(html)
}

/// Split a plain-text article body (JSON-LD `articleBody`) into paragraphs.
fn body_blocks(body: &str) -> Vec<Block> {
    let decoded = if body.contains('<') {
        strip_tags(body)
    } else {
        body.to_string()
    };
    let decoded = crate::blocks::without_soft_hyphens(&decoded);
    decoded
        .split("\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(Block::paragraph)
        .collect()
}

/// Some sites put HTML inside articleBody; take its text.
fn strip_tags(s: &str) -> String {
    let frag = Html::parse_fragment(s);
    let mut out = String::new();
    for t in frag.root_element().text() {
        out.push_str(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "The council met on Tuesday, and after a long debate it voted to close the old bridge, which engineers had called unsafe. ";

    #[test]
    fn provenance_names_the_method() {
        let marked = format!(
            "<html><body><nav><a href=/>Home</a></nav><article><h1>Bridge</h1><p>{}</p></article></body></html>",
            PROSE.repeat(6)
        );
        let page = extract_page(&marked, None);
        assert_eq!(page.meta.extraction.as_deref(), Some("article_container"));
        let c = page.meta.extraction_confidence.unwrap();
        assert!((0.5..=1.0).contains(&c), "{c}");

        let unmarked = format!(
            "<html><body><div id=x><p>{0}</p><p>{0}</p></div><div id=y><p>Short note, here.</p></div></body></html>",
            PROSE.repeat(3)
        );
        let page = extract_page(&unmarked, None);
        assert_eq!(page.meta.extraction.as_deref(), Some("scored_blocks"));
        assert!(page.meta.extraction_confidence.unwrap() < c);

        let scripted = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","articleBody":"{}"}}</script></head><body><div id=app>Loading</div></body></html>"#,
            PROSE.repeat(5)
        );
        let page = extract_page(&scripted, None);
        assert_eq!(page.meta.extraction.as_deref(), Some("jsonld_body"));

        let empty = extract_page("<html><body></body></html>", None);
        assert_eq!(empty.meta.extraction, None);
    }
}
