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
    let mut blocks = extract::extract(&dom).blocks;
    let extracted_chars: usize = blocks.iter().map(|b| b.text.len()).sum();
    // Pages that render the body with scripts still state it in JSON-LD.
    if let Some(body) = page_meta.ld_body.as_deref() {
        if body.len() > extracted_chars.max(200) * 2 {
            blocks = body_blocks(body);
        }
    }
    Page {
        blocks,
        meta: page_meta.meta,
    }
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
