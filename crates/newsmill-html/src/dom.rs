//! A flat, pre-order copy of the parsed page that the extractor scores.
//!
//! scraper's tree is fine for CSS selection (metadata), but the extractor needs per-element
//! counters (text length, link text length, scores) indexed by position, and a walk that
//! never recurses (pages with 10,000 nested elements must not overflow the stack). Elements
//! are stored in document order, so the subtree of element `i` is the index range
//! `i..elements[i].end`; the text and tag events are kept as one linear stream.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::hints::HintInfo;

/// One element of the page.
#[derive(Debug, Clone)]
pub struct El {
    /// Lower-case local name (`div`, `p`, ...).
    pub tag: Tag,
    pub parent: Option<usize>,
    /// One past the last element of this element's subtree.
    pub end: usize,
    /// Lower-case class, id, itemprop and role, space separated: the input of the
    /// boilerplate and content hints.
    pub hint: String,
    /// Bytes of `hint` that are the class attribute (it comes first): siblings built
    /// from one template share it while their ids differ.
    pub class_len: usize,
    /// What the hint says (boilerplate, content container, class weight).
    pub info: HintInfo,
    /// `hidden`, `aria-hidden="true"` or an inline `display:none`.
    pub hidden: bool,
    /// An `<a href>`: its text counts as link text (named anchors do not; old pages leave
    /// `<a name>` unclosed around whole sections).
    pub link: bool,
    /// Characters of text in the subtree (whitespace runs count once).
    pub text_len: usize,
    /// Characters of that text inside links.
    pub link_len: usize,
}

/// An element's lower-case local name: the parser's interned atom, which costs no
/// allocation (the names of HTML are static atoms) where a `String` per element did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag(html5ever::LocalName);

impl Tag {
    fn of(name: &html5ever::LocalName) -> Tag {
        if name.bytes().any(|b| b.is_ascii_uppercase()) {
            // Names of foreign content keep their case (`foreignObject`).
            Tag(html5ever::LocalName::from(name.to_ascii_lowercase()))
        } else {
            Tag(name.clone())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Tag {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl PartialEq<&str> for Tag {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The event stream: elements opening and closing, and text runs (ranges into `text`).
#[derive(Debug, Clone, Copy)]
pub enum Event {
    Open(usize),
    Close(usize),
    Text(usize, usize),
}

#[derive(Debug, Default)]
pub struct Dom {
    pub elements: Vec<El>,
    pub events: Vec<Event>,
    pub text: String,
}

impl El {
    /// The class attribute, lower-cased ("" without one).
    pub fn class(&self) -> &str {
        self.hint.get(..self.class_len).unwrap_or("")
    }
}

impl Dom {
    /// Flatten a parsed document (iteratively) and compute the per-element text counters.
    pub fn build(html: &Html) -> Dom {
        let mut dom = Dom::default();
        let mut stack: Vec<usize> = Vec::new();
        // Pages repeat the same class lists many times (list items, cards): classify each
        // distinct hint once.
        let mut hint_cache: rustc_hash::FxHashMap<String, HintInfo> = Default::default();
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        let idx = dom.elements.len();
                        let hint = hint_of(el);
                        let info = if hint.is_empty() {
                            HintInfo::default()
                        } else if let Some(info) = hint_cache.get(&hint) {
                            *info
                        } else {
                            let info = HintInfo::of(&hint);
                            hint_cache.insert(hint.clone(), info);
                            info
                        };
                        dom.elements.push(El {
                            tag: Tag::of(&el.name.local),
                            parent: stack.last().copied(),
                            end: idx + 1,
                            class_len: attr_value(el, "class").map_or(0, str::len).min(hint.len()),
                            hint,
                            info,
                            hidden: is_hidden(el),
                            link: el.name.local.as_ref().eq_ignore_ascii_case("a")
                                && attr_value(el, "href").is_some(),
                            text_len: 0,
                            link_len: 0,
                        });
                        stack.push(idx);
                        dom.events.push(Event::Open(idx));
                    }
                    Node::Text(t) => {
                        let start = dom.text.len();
                        dom.text.push_str(t);
                        dom.events.push(Event::Text(start, dom.text.len()));
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if node.value().is_element() {
                        if let Some(idx) = stack.pop() {
                            dom.elements[idx].end = dom.elements.len();
                            dom.events.push(Event::Close(idx));
                        }
                    }
                }
            }
        }
        dom.count_text();
        dom
    }

    /// Fill `text_len` and `link_len`: direct text first, then children into parents in
    /// reverse document order (children always come after their parent).
    fn count_text(&mut self) {
        let mut stack: Vec<usize> = Vec::new();
        let mut links = 0usize;
        for ev in &self.events {
            match *ev {
                Event::Open(i) => {
                    stack.push(i);
                    if self.elements[i].link {
                        links += 1;
                    }
                }
                Event::Close(i) => {
                    stack.pop();
                    if self.elements[i].link {
                        links = links.saturating_sub(1);
                    }
                }
                Event::Text(s, e) => {
                    if let Some(&top) = stack.last() {
                        let n = visible_len(&self.text[s..e]);
                        self.elements[top].text_len += n;
                        if links > 0 {
                            self.elements[top].link_len += n;
                        }
                    }
                }
            }
        }
        for i in (0..self.elements.len()).rev() {
            if let Some(p) = self.elements[i].parent {
                let (t, l) = (self.elements[i].text_len, self.elements[i].link_len);
                self.elements[p].text_len += t;
                self.elements[p].link_len += l;
            }
        }
    }

    /// Whether `inner` lies in the subtree of `outer` (or is `outer`).
    pub fn contains(&self, outer: usize, inner: usize) -> bool {
        outer <= inner && inner < self.elements[outer].end
    }

    pub fn link_density(&self, i: usize) -> f64 {
        let el = &self.elements[i];
        if el.text_len == 0 {
            0.0
        } else {
            el.link_len as f64 / el.text_len as f64
        }
    }
}

/// Characters of text, counting each whitespace run as one.
pub fn visible_len(s: &str) -> usize {
    if s.is_ascii() {
        // The common case, byte by byte: the ASCII characters that `char::is_whitespace`
        // takes are tab to carriage return (vertical tab included) and the space.
        collapsed_len(s.bytes().map(|b| matches!(b, b'\t'..=b'\r' | b' ')))
    } else {
        collapsed_len(s.chars().map(char::is_whitespace))
    }
}

/// How many characters remain when each run of spaces counts once (`spaces`: whether each
/// character is one).
fn collapsed_len(spaces: impl Iterator<Item = bool>) -> usize {
    let mut n = 0;
    let mut in_space = true;
    for space in spaces {
        if !(space && in_space) {
            n += 1;
        }
        in_space = space;
    }
    n
}

/// The value of attribute `name` (lower case, no namespace) of `el`. Scraper's
/// `Element::attr` makes an interned atom of `name` at every call (hashing the string) and
/// then binary-searches; that showed at several percent of the reader's time. Elements have a
/// handful of attributes, so a scan comparing local names is cheaper.
pub(crate) fn attr_value<'a>(el: &'a scraper::node::Element, name: &str) -> Option<&'a str> {
    el.attrs
        .iter()
        .find(|(q, _)| q.ns == html5ever::ns!() && &*q.local == name)
        .map(|(_, value)| &**value)
}

fn hint_of(el: &scraper::node::Element) -> String {
    let mut hint = String::new();
    for name in ["class", "id", "itemprop", "role"] {
        if let Some(v) = attr_value(el, name) {
            if !hint.is_empty() {
                hint.push(' ');
            }
            hint.push_str(v);
        }
    }
    hint.make_ascii_lowercase();
    hint
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if attr_value(el, "hidden").is_some() || attr_value(el, "aria-hidden") == Some("true") {
        return true;
    }
    attr_value(el, "style").is_some_and(style_hides)
}

/// Whether an inline style says `display: none` or `visibility: hidden` (any case, any
/// spacing around the colon). Read in place: every styled element of every page asks.
fn style_hides(style: &str) -> bool {
    let bytes = style.as_bytes();
    bytes.iter().enumerate().any(|(colon, &b)| {
        if b != b':' {
            return false;
        }
        let name = bytes[..colon].trim_ascii_end();
        let value = bytes[colon + 1..].trim_ascii_start();
        let ends = |s: &[u8], w: &[u8]| {
            s.len() >= w.len() && s[s.len() - w.len()..].eq_ignore_ascii_case(w)
        };
        let starts =
            |s: &[u8], w: &[u8]| s.len() >= w.len() && s[..w.len()].eq_ignore_ascii_case(w);
        (ends(name, b"display") && starts(value, b"none"))
            || (ends(name, b"visibility") && starts(value, b"hidden"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtree_ranges_and_counters() {
        let html = Html::parse_document(
            "<body><div id=a><p>Hello <a href=x>world</a></p><p>two</p></div><p>out</p></body>",
        );
        let dom = Dom::build(&html);
        let div = dom.elements.iter().position(|e| e.hint == "a").unwrap();
        let ps: Vec<usize> = (0..dom.elements.len())
            .filter(|&i| dom.elements[i].tag == "p")
            .collect();
        assert_eq!(ps.len(), 3);
        assert!(dom.contains(div, ps[0]) && dom.contains(div, ps[1]) && !dom.contains(div, ps[2]));
        assert_eq!(dom.elements[div].text_len, "Hello world".len() + 3);
        assert_eq!(dom.elements[div].link_len, 5);
    }

    #[test]
    fn inline_styles_that_hide() {
        for hidden in [
            "display:none",
            "color: red; DISPLAY : None;",
            "visibility:\thidden",
        ] {
            assert!(style_hides(hidden), "{hidden}");
        }
        for shown in [
            "display: block",
            "visibility: visible",
            "none",
            "display:",
            "",
        ] {
            assert!(!style_hides(shown), "{shown}");
        }
    }

    #[test]
    fn visible_len_collapses_whitespace() {
        assert_eq!(visible_len("  a \n\t b  "), 4);
        assert_eq!(
            visible_len("a\x0bb\x0c"),
            4,
            "vertical tab and form feed are spaces"
        );
        assert_eq!(visible_len("é\u{a0}\u{a0}b "), 4, "no-break spaces too");
    }
}
