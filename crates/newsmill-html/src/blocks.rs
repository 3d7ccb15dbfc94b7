//! Cuts the flattened page into candidate text blocks (paragraphs, headings, list items,
//! quotes, preformatted text, loose text in containers), skipping elements that never hold
//! article text (scripts, navigation, forms controls, hidden and boilerplate-hinted parts).

use newsmill_core::BlockKind;

use crate::dom::{Dom, Event};
use crate::hints;

/// One block of visible text and where it sits in the page.
#[derive(Debug, Clone)]
pub struct TextBlock {
    pub kind: BlockKind,
    pub text: String,
    /// The element the text belongs to (the `p`, `li`, ...; for loose text the container).
    pub owner: usize,
    /// Characters of the text inside links.
    pub link_chars: usize,
    pub chars: usize,
    /// Inside `pre`/`code`: kept even when it looks unlike prose.
    pub preformatted: bool,
}

impl TextBlock {
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading(_))
    }
}

/// Elements whose content is never article text.
fn is_skip_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "button"
            | "select"
            | "option"
            | "input"
            | "textarea"
            | "nav"
            | "footer"
            | "aside"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "dialog"
            | "menu"
            | "label"
            | "audio"
            | "video"
            | "picture"
            | "img"
            | "map"
    )
}

/// Elements that end the current block and start a new one.
pub fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "blockquote"
            | "pre"
            | "div"
            | "section"
            | "article"
            | "main"
            | "td"
            | "th"
            | "dd"
            | "dt"
            | "table"
            | "tr"
            | "tbody"
            | "thead"
            | "ul"
            | "ol"
            | "dl"
            | "header"
            | "address"
            | "center"
            | "form"
            | "fieldset"
            | "details"
            | "summary"
            | "body"
            | "caption"
            | "hr"
            | "figure"
            | "figcaption"
            | "html"
    )
}

/// Which elements to leave out entirely, decided top-down (a skipped parent skips its
/// subtree).
pub fn skipped_elements(dom: &Dom) -> Vec<bool> {
    let body_len = dom
        .elements
        .iter()
        .find(|e| e.tag == "body")
        .map(|e| e.text_len)
        .unwrap_or(0)
        .max(1);
    let n = dom.elements.len();
    // Elements inside / around a strong content marker (`article`, `main`,
    // itemprop=articleBody, `entry-content`, ...).
    let marks: Vec<bool> = dom
        .elements
        .iter()
        .map(|e| matches!(e.tag.as_str(), "article" | "main") || e.info.content)
        .collect();
    let mut in_content = vec![false; n];
    let mut has_content = vec![false; n];
    // Subtree holds an `article`, `hentry`, `post` ... with real text: protects against weak
    // boilerplate words (`sidebar_content` wrapping the post).
    let mut has_weak_content = vec![false; n];
    for i in 0..n {
        if let Some(p) = dom.elements[i].parent {
            in_content[i] = in_content[p] || marks[p];
        }
    }
    for i in (0..n).rev() {
        let el = &dom.elements[i];
        // `article` alone is not enough here: comment threads use one per comment.
        let strong_mark = el.tag == "main" || el.info.content;
        if strong_mark && el.text_len >= 200 {
            has_content[i] = true;
        }
        let weak_mark = el.tag == "article" || el.info.weight > 0.0;
        if (strong_mark || weak_mark) && el.text_len >= 500 {
            has_weak_content[i] = true;
        }
        if let Some(p) = dom.elements[i].parent {
            has_content[p] |= has_content[i];
            has_weak_content[p] |= has_weak_content[i] || has_content[i];
        }
    }
    let prose = prose_paragraphs(dom);
    // A box holding article prose: several long paragraphs, few links. Share bars, ad
    // slots, paywall prompts and asides of links hold none; when such a word sits on a
    // box like this, it is a theme's modifier on the article (`entry themeform share`,
    // `steady-paywall-container`, `TestReport__Section--Ads`) or a layout quirk (the
    // article inside an `<aside>`, the page pulled into an unclosed `<noscript>`).
    let holds_prose = |i: usize| {
        let (count, chars) = prose[i];
        count >= 3 && chars >= 500 && dom.link_density(i) < 0.2
    };
    let quotes = quoted_chars(dom);
    let mut skip = vec![false; n];
    // Per element: its latest visible child so far (usize::MAX for none), for the slide
    // rule below.
    let mut visible_child = vec![usize::MAX; n];
    for (i, el) in dom.elements.iter().enumerate() {
        if let Some(p) = el.parent {
            if skip[p] {
                skip[i] = true;
                continue;
            }
        }
        // Paginated galleries and slideshows show one slide and hide its twins with an
        // inline `display:none` that a script lifts: a hidden box built from the same
        // template as a visible prose sibling before it is the next page of the text.
        let slide = el.hidden
            && el.parent.is_some_and(|p| {
                let j = visible_child[p];
                j != usize::MAX
                    && dom.elements[j].tag == el.tag
                    && prose[j].0 >= 1
                    && template_class(dom.elements[j].class()) == template_class(el.class())
                    && el.class().contains(['-', '_'])
            });
        if let Some(p) = el.parent {
            if !el.hidden {
                visible_child[p] = i;
            }
        }
        if el.tag == "html" || el.tag == "body" {
            continue;
        }
        // Without scripts, `<noscript>` holds real text only inside the article.
        let dead_noscript = el.tag == "noscript" && !in_content[i] && !holds_prose(i);
        let prose_aside = el.tag == "aside" && holds_prose(i);
        // A short figure caption describes a photo, not the story; long ones, or ones
        // written as paragraphs, are the text of listicles that hang every item on a picture.
        let photo_caption = el.tag == "figcaption"
            && el.text_len < 200
            && !dom
                .elements
                .get(i + 1..el.end)
                .unwrap_or_default()
                .iter()
                .any(|d| d.tag == "p");
        if (is_skip_tag(&el.tag) && !prose_aside)
            || (el.hidden && !slide)
            || dead_noscript
            || photo_caption
        {
            skip[i] = true;
            continue;
        }
        let kind = el.info.boilerplate;
        if kind == hints::Boilerplate::No {
            continue;
        }
        // A weak word on a box that is almost all links (a sidebar list, a widget of
        // headlines) names navigation even inside the article; its headings would survive
        // the per-block link filter otherwise.
        let link_box =
            kind == hints::Boilerplate::Weak && el.text_len >= 100 && dom.link_density(i) > 0.8;
        if el.info.content && kind == hints::Boilerplate::Weak && !link_box {
            continue;
        }
        // A wrapper holding most of the page is a layout container whatever its class says.
        let share = el.text_len as f64 / body_len as f64;
        if share >= 0.6 && el.text_len >= 500 {
            continue;
        }
        if has_content[i] && !link_box {
            continue;
        }
        // An ad-named box around article-marked prose is a layout wrapper (see AD_WORDS).
        if el.info.ad_only && has_weak_content[i] && !link_box {
            continue;
        }
        // Strong words other than comments and related teasers do not outweigh the prose
        // they wrap.
        if kind == hints::Boilerplate::Strong && !el.info.other_prose && holds_prose(i) {
            continue;
        }
        // A post embedded mid-article (a tweet, an Instagram or Facebook post) comes in a
        // box named after its network (`social-embed`, `twitter-embed`) around a
        // `<blockquote>` of the post's text; share bars and follow buttons never quote.
        if kind == hints::Boilerplate::Strong
            && !el.info.other_prose
            && in_content[i]
            && quotes[i] >= 40
        {
            continue;
        }
        // Inside the article container, weak words (widget, meta, hidden) name layout parts.
        if kind == hints::Boilerplate::Weak && (in_content[i] || has_weak_content[i]) && !link_box {
            continue;
        }
        // Page builders wrap every box in a `widget` (Elementor's text editor widgets
        // hold the article's paragraphs): a weak word on a box of prose with few links
        // names the layout too. Outside the chosen text the box goes anyway.
        // Sidebars are the exception: their prose is other items' (an "about" box).
        let sidebar = el.hint.contains("sidebar") || el.hint.contains("side-bar");
        if kind == hints::Boilerplate::Weak
            && !sidebar
            && prose[i].0 >= 1
            && dom.link_density(i) < 0.2
        {
            continue;
        }
        skip[i] = true;
    }
    skip
}

/// A class list without the state words that tell a shown slide or tab from a hidden
/// one (`hidden`, `active`, `current`, ...).
fn template_class(class: &str) -> Vec<&str> {
    class
        .split_whitespace()
        .filter(|t| {
            !matches!(
                *t,
                "hidden"
                    | "hide"
                    | "active"
                    | "is-active"
                    | "current"
                    | "show"
                    | "visible"
                    | "selected"
            )
        })
        .collect()
}

/// Per element: characters of unlinked text inside `<blockquote>`s of its subtree. One
/// pass, children before parents.
fn quoted_chars(dom: &Dom) -> Vec<usize> {
    let n = dom.elements.len();
    let mut quoted = vec![0usize; n];
    for i in (0..n).rev() {
        let el = &dom.elements[i];
        if el.tag == "blockquote" {
            // The blockquote's own count covers its nested quotes.
            quoted[i] = el.text_len.saturating_sub(el.link_len);
        }
        if let Some(p) = el.parent {
            quoted[p] += quoted[i];
        }
    }
    quoted
}

/// Per element: how many `<p>` of 80+ characters with at most 30% link text its subtree
/// holds, and their characters. One pass, children before parents.
pub(crate) fn prose_paragraphs(dom: &Dom) -> Vec<(u32, usize)> {
    let n = dom.elements.len();
    let mut prose = vec![(0u32, 0usize); n];
    for i in (0..n).rev() {
        let el = &dom.elements[i];
        if el.tag == "p" && el.text_len >= 80 && dom.link_density(i) <= 0.3 {
            prose[i].0 += 1;
            prose[i].1 += el.text_len;
        }
        if let Some(p) = el.parent {
            prose[p].0 += prose[i].0;
            prose[p].1 += prose[i].1;
        }
    }
    prose
}

/// Walk the event stream once and emit the text blocks in document order.
pub fn collect(dom: &Dom, skip: &[bool]) -> Vec<TextBlock> {
    let mut out = Vec::new();
    // Open block owners; text goes to the innermost one.
    let mut owners: Vec<usize> = Vec::new();
    let mut buf = String::new();
    let mut link_chars = 0usize;
    let mut skip_depth = 0usize;
    let mut in_link = 0usize;
    let mut in_pre = 0usize;
    let mut in_quote = 0usize;
    let mut pre_flag = false;

    for ev in &dom.events {
        match *ev {
            Event::Open(i) => {
                if skip_depth > 0 || skip[i] {
                    skip_depth += 1;
                    continue;
                }
                let tag = dom.elements[i].tag.as_str();
                if dom.elements[i].link {
                    in_link += 1;
                }
                match tag {
                    "pre" => in_pre += 1,
                    "blockquote" => in_quote += 1,
                    "br" => buf.push('\n'),
                    _ => {}
                }
                if is_block_tag(tag) {
                    flush(
                        dom,
                        &mut out,
                        &owners,
                        &mut buf,
                        &mut link_chars,
                        in_quote,
                        pre_flag,
                    );
                    owners.push(i);
                    pre_flag = in_pre > 0;
                } else if matches!(tag, "td" | "th") {
                    buf.push(' ');
                }
            }
            Event::Close(i) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                let tag = dom.elements[i].tag.as_str();
                if is_block_tag(tag) {
                    flush(
                        dom,
                        &mut out,
                        &owners,
                        &mut buf,
                        &mut link_chars,
                        in_quote,
                        pre_flag,
                    );
                    owners.pop();
                }
                if dom.elements[i].link {
                    in_link = in_link.saturating_sub(1);
                }
                match tag {
                    "pre" => in_pre = in_pre.saturating_sub(1),
                    "blockquote" => in_quote = in_quote.saturating_sub(1),
                    _ => {}
                }
                pre_flag = in_pre > 0;
            }
            Event::Text(s, e) => {
                if skip_depth > 0 || owners.is_empty() {
                    continue;
                }
                let t = &dom.text[s..e];
                if in_pre > 0 {
                    pre_flag = true;
                }
                if in_link > 0 {
                    link_chars += crate::dom::visible_len(t);
                }
                buf.push_str(t);
            }
        }
    }
    flush(
        dom,
        &mut out,
        &owners,
        &mut buf,
        &mut link_chars,
        in_quote,
        pre_flag,
    );
    out
}

fn flush(
    dom: &Dom,
    out: &mut Vec<TextBlock>,
    owners: &[usize],
    buf: &mut String,
    link_chars: &mut usize,
    in_quote: usize,
    preformatted: bool,
) {
    let Some(&owner) = owners.last() else {
        buf.clear();
        *link_chars = 0;
        return;
    };
    let text = if preformatted {
        normalize_pre(buf)
    } else {
        normalize(buf)
    };
    buf.clear();
    let links = std::mem::take(link_chars);
    if text.is_empty() {
        return;
    }
    let tag = dom.elements[owner].tag.as_str();
    let kind = match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            BlockKind::Heading(tag.as_bytes().get(1).map(|b| b - b'0').unwrap_or(2))
        }
        _ if in_quote > 0 => BlockKind::BlockQuote,
        "li" | "dd" | "dt" => BlockKind::ListItem,
        _ => BlockKind::Paragraph,
    };
    let chars = text.chars().count();
    out.push(TextBlock {
        kind,
        text,
        owner,
        link_chars: links.min(chars),
        chars,
        preformatted,
    });
}

/// U+00AD, `&shy;`: a hyphenation hint that is invisible unless the line breaks there.
/// German, Polish and Dutch pages write it inside long words (`Bundes&shy;tag`); left
/// in, it splits words for every later stage.
pub const SOFT_HYPHEN: char = '\u{ad}';

/// The text without soft hyphens (borrowed when it has none, the common case).
pub fn without_soft_hyphens(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(SOFT_HYPHEN) {
        text.replace(SOFT_HYPHEN, "").into()
    } else {
        text.into()
    }
}

/// Collapse whitespace within lines; `\n` (from `<br>`) separates lines, empty lines go;
/// soft hyphens go.
pub fn normalize(raw: &str) -> String {
    let raw = &*without_soft_hyphens(raw);
    let mut out = String::with_capacity(raw.len());
    for line in raw.split('\n') {
        let mut first = true;
        let mut line_out = String::new();
        for word in line.split_whitespace() {
            if !first {
                line_out.push(' ');
            }
            line_out.push_str(word);
            first = false;
        }
        if !line_out.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&line_out);
        }
    }
    out
}

/// Preformatted text keeps its lines; only trailing spaces and blank edges go.
fn normalize_pre(raw: &str) -> String {
    let raw = &*without_soft_hyphens(raw);
    let lines: Vec<&str> = raw.lines().map(|l| l.trim_end()).collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map(|e| e + 1)
        .unwrap_or(start);
    lines[start..end.max(start)].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn blocks(html: &str) -> Vec<TextBlock> {
        let dom = Dom::build(&Html::parse_document(html));
        let skip = skipped_elements(&dom);
        collect(&dom, &skip)
    }

    #[test]
    fn link_dense_sidebar_inside_article_container_is_skipped() {
        let links: String = (0..8)
            .map(|i| format!("<li><a href='/s{i}'>Another headline number {i} here</a></li>"))
            .collect();
        let html = format!(
            "<html><body><div class='article-main'><p>{}</p>\
             <div class='article-main__sidebar'><h2>Top Stories</h2><ul>{links}</ul></div>\
             </div></body></html>",
            "Real article prose, long enough to count as text. ".repeat(10)
        );
        let texts: Vec<String> = blocks(&html).into_iter().map(|b| b.text).collect();
        assert!(texts.iter().any(|t| t.starts_with("Real article prose")));
        assert!(!texts.iter().any(|t| t == "Top Stories"), "{texts:?}");
    }

    #[test]
    fn short_photo_captions_go_but_paragraph_captions_stay() {
        let html = "<html><body><article><p>Story text.</p>\
            <figure><figcaption>A robot hand. Photograph: Agency</figcaption></figure>\
            <figure><figcaption><p>Item one: a bowler hat and lashes.</p></figcaption></figure>\
            </article></body></html>";
        let texts: Vec<String> = blocks(html).into_iter().map(|b| b.text).collect();
        assert!(!texts.iter().any(|t| t.contains("Photograph")), "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("bowler hat")), "{texts:?}");
    }

    #[test]
    fn splits_nested_blocks_and_keeps_kinds() {
        let b = blocks(
            "<body><div>Loose <b>text</b><h2>Head</h2><ul><li>one</li><li>two<br>lines</li></ul>\
             <blockquote><p>quoted</p></blockquote><script>var x;</script><nav>menu</nav></div></body>",
        );
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Loose text", "Head", "one", "two\nlines", "quoted"]);
        assert_eq!(b[1].kind, BlockKind::Heading(2));
        assert_eq!(b[2].kind, BlockKind::ListItem);
        assert_eq!(b[4].kind, BlockKind::BlockQuote);
    }

    #[test]
    fn soft_hyphens_are_removed() {
        let b = blocks("<p>Der Bundes&shy;tag ber\u{e4}t</p><pre>Energie&shy;versorgung</pre>");
        assert_eq!(b[0].text, "Der Bundestag ber\u{e4}t");
        assert_eq!(b[1].text, "Energieversorgung");
    }

    #[test]
    fn counts_link_characters() {
        let b = blocks("<p>see <a href=x>this link</a></p>");
        assert_eq!(b[0].link_chars, 9);
    }
}
