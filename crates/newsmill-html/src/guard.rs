//! Bounds on a page's markup before html5ever parses it, because the HTML parsing algorithm
//! is not linear in two hostile shapes: every start tag walks the stack of open elements
//! ("in button scope"), so tens of thousands of unclosed `<div>`s cost time quadratic (and
//! worse) in their number; and each attribute is checked against the tag's earlier ones.
//!
//! One linear pass over the text: past [`MAX_DEPTH`] open elements (estimated by counting
//! start and end tags), further start tags and their end tags are left out, their text
//! kept; attributes past [`MAX_ATTRIBUTES`] in one tag are left out. Below both bounds the
//! page is passed on unchanged (borrowed), so ordinary pages parse exactly as before.

use std::borrow::Cow;

/// Most elements open at once. Real pages nest a few dozen deep; elements the parser closes
/// by itself (`p`, `li`, `td`, ...) and void elements are not counted.
pub const MAX_DEPTH: usize = 1_000;
/// Most attributes kept in one tag.
pub const MAX_ATTRIBUTES: usize = 1_000;

/// What a tag name means for the depth count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// Void elements (`br`, `img`, ...): never open.
    Void,
    /// Closed implicitly by the next one of their kind (`p`, `li`, `td`, ...), so unclosed
    /// runs of them are normal.
    Implied,
    /// Elements whose content is not markup (`script`, `style`, ...): skipped to their end
    /// tag.
    RawText,
    /// Every other element: counted.
    Counted,
}

/// The kind of a tag name, in any case. One `match` on the lower-cased name: this runs for
/// every tag of every page, and a scan of the three lists cost several percent of the
/// reader's time.
fn tag_kind(name: &[u8]) -> TagKind {
    // The longest listed name has 8 letters.
    let mut lower = [0u8; 8];
    if name.len() > lower.len() {
        return TagKind::Counted;
    }
    for (to, from) in lower.iter_mut().zip(name) {
        *to = from.to_ascii_lowercase();
    }
    match &lower[..name.len()] {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"param" | b"source" | b"track" | b"wbr" => TagKind::Void,
        b"p" | b"li" | b"dt" | b"dd" | b"tr" | b"td" | b"th" | b"option" | b"optgroup" | b"rb"
        | b"rt" | b"rp" | b"tbody" | b"thead" | b"tfoot" | b"colgroup" | b"caption" | b"html"
        | b"head" | b"body" => TagKind::Implied,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed"
        | b"noframes" | b"noscript" => TagKind::RawText,
        _ => TagKind::Counted,
    }
}

/// The page with its depth and attributes bounded (see the module docs).
pub fn bound_markup(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut at = 0;
    // Replaces bytes[start..end] by `with` in the output.
    let replace = |out: &mut Option<String>, copied: &mut usize, start, end, with: &str| {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(&html[*copied..start]);
        o.push_str(with);
        *copied = end;
    };
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            at = html[start..]
                .find("-->")
                .map_or(bytes.len(), |e| start + e + 3);
            continue;
        }
        if rest.first().is_some_and(|&b| b == b'!' || b == b'?') {
            at = html[start..]
                .find('>')
                .map_or(bytes.len(), |e| start + e + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            at = start + 1;
            continue;
        }
        let name = &bytes[name_start..name_start + name_len];
        // Raw-text elements are never left out: their content would become text.
        let kind = tag_kind(name);
        let counted = kind == TagKind::Counted;
        if closing {
            let end = html[start..]
                .find('>')
                .map_or(bytes.len(), |e| start + e + 1);
            if counted && dropped > 0 {
                dropped -= 1;
                replace(&mut out, &mut copied, start, end, "");
            } else if counted {
                depth = depth.saturating_sub(1);
            }
            at = end;
            continue;
        }
        // A start tag: find its end outside quoted values, counting attributes.
        let mut i = name_start + name_len;
        let mut quote = 0u8;
        let mut attributes = 0;
        let mut cut = None;
        let mut in_space = false;
        while i < bytes.len() {
            let b = bytes[i];
            if quote != 0 {
                if b == quote {
                    quote = 0;
                }
            } else if b == b'>' {
                break;
            } else if b == b'"' || b == b'\'' {
                quote = b;
            } else if b.is_ascii_whitespace() {
                in_space = true;
            } else if in_space {
                in_space = false;
                attributes += 1;
                if attributes == MAX_ATTRIBUTES + 1 && cut.is_none() {
                    cut = Some(i);
                }
            }
            i += 1;
        }
        let end = (i + 1).min(bytes.len());
        let self_closing = i > 0 && bytes.get(i - 1) == Some(&b'/');
        if counted && !self_closing {
            if depth >= MAX_DEPTH {
                dropped += 1;
                replace(&mut out, &mut copied, start, end, "");
                at = end;
                continue;
            }
            depth += 1;
        }
        if let Some(cut) = cut {
            replace(&mut out, &mut copied, cut, end, ">");
        }
        at = end;
        if kind == TagKind::RawText {
            // Skip to `</name`, in any case; the main loop then reads that end tag.
            let mut from = at;
            at = bytes.len();
            while let Some(o) = html[from..].find("</") {
                let tag = from + o;
                let n = tag + 2;
                if bytes.len() >= n + name.len()
                    && bytes[n..n + name.len()].eq_ignore_ascii_case(name)
                {
                    at = tag;
                    break;
                }
                from = n;
            }
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_kinds_in_any_case() {
        assert_eq!(tag_kind(b"BR"), TagKind::Void);
        assert_eq!(tag_kind(b"ColGroup"), TagKind::Implied);
        assert_eq!(tag_kind(b"NoScript"), TagKind::RawText);
        assert_eq!(tag_kind(b"div"), TagKind::Counted);
        assert_eq!(tag_kind(b"blockquote"), TagKind::Counted);
        assert_eq!(tag_kind(b"brr"), TagKind::Counted);
    }

    #[test]
    fn ordinary_pages_pass_unchanged() {
        let page = "<html><body><!-- <div> --><script>if (a <b) x = '<div>';</script>\
                    <div class=\"a > b\"><p>One<p>Two<br><img src=x /></div></body></html>";
        assert!(matches!(bound_markup(page), Cow::Borrowed(_)));
    }

    #[test]
    fn depth_past_the_bound_keeps_text_and_drops_tags() {
        let deep = format!("{}text{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
        let bounded = bound_markup(&deep);
        assert_eq!(bounded.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(bounded.matches("</div>").count(), MAX_DEPTH);
        assert!(bounded.contains("text"));
        let unclosed = "<div><span>x ".repeat(3_000);
        let bounded = bound_markup(&unclosed);
        assert_eq!(bounded.matches("x ").count(), 3_000);
        assert_eq!(bounded.matches('<').count(), MAX_DEPTH);
    }

    #[test]
    fn attributes_past_the_bound_are_cut() {
        let attrs: Vec<String> = (0..3_000).map(|i| format!("a{i}=\"v {i}\"")).collect();
        let page = format!("<div {}><p>Body</p></div>", attrs.join(" "));
        let bounded = bound_markup(&page);
        assert_eq!(bounded.matches("=\"v ").count(), MAX_ATTRIBUTES);
        assert!(
            bounded.ends_with("><p>Body</p></div>"),
            "{}",
            &bounded[bounded.len() - 40..]
        );
    }

    #[test]
    fn runs_in_linear_time() {
        let big = "<div><span>x ".repeat(200_000);
        let started = std::time::Instant::now();
        let _ = bound_markup(&big);
        assert!(started.elapsed().as_secs_f64() < 2.0);
    }
}
