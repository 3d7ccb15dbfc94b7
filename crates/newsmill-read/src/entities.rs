//! HTML character references in text, Markdown and JSON sources (`&Aacute;`, `&#8217;`,
//! `&#x2014;`), decoded with htmlize's complete HTML5 table (2,231 names).
//!
//! Only references closed by `;` are decoded: in plain text a bare `&copy` or `&para` is far
//! more often part of a URL query or a name (`&paragraph`) than a reference, so the HTML5
//! rule that decodes some legacy names without `;` is not applied here.

use std::borrow::Cow;

/// Longest reference looked at: the longest HTML5 name (`&CounterClockwiseContourIntegral;`)
/// is 33 bytes; a `;` further away closes something else.
const MAX_REFERENCE_BYTES: usize = 40;

/// `text` with every `&name;`, `&#123;` and `&#x1F;` reference decoded. Unknown names and
/// invalid numbers are left as they are. Borrowed when there is nothing to decode.
pub(crate) fn decode_references(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let candidate = &rest[amp..];
        match reference_len(candidate) {
            Some(len) if whole_reference(&candidate[..len]).is_some() => {
                let decoded = whole_reference(&candidate[..len]).unwrap_or_default();
                changed = true;
                out.push_str(&decoded);
                rest = &candidate[len..];
            }
            _ => {
                out.push('&');
                rest = &candidate[1..];
            }
        }
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The decoded text of `reference` when the table knows it whole. htmlize also decodes a
/// legacy name at the start of a longer one (`&paragraph;` -> `¶graph;`); a real reference
/// decodes to one or two characters.
fn whole_reference(reference: &str) -> Option<String> {
    let decoded = htmlize::unescape(reference);
    (decoded != reference && decoded.chars().count() <= 2).then(|| decoded.into_owned())
}

/// Length of the `&...;` reference at the start of `s` (which starts with `&`), when its
/// body is a name (ASCII letters and digits) or `#` and digits or `#x` and hex digits.
fn reference_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let semi = bytes
        .iter()
        .take(MAX_REFERENCE_BYTES)
        .position(|&b| b == b';')?;
    let body = &s[1..semi];
    let valid = match body.strip_prefix('#') {
        Some(num) => match num.strip_prefix(['x', 'X']) {
            Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
            None => !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()),
        },
        None => {
            body.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && body.bytes().all(|b| b.is_ascii_alphanumeric())
        }
    };
    valid.then_some(semi + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_old_table_missed_are_decoded() {
        assert_eq!(
            decode_references("&Aacute; &Ntilde; &Ccedil; &atilde; &oslash; &scaron; &larr;"),
            "Á Ñ Ç ã ø š ←"
        );
        assert_eq!(decode_references("a&lrm;b&rlm;c"), "a\u{200e}b\u{200f}c");
        assert_eq!(decode_references("AT&amp;T &#8217; &#x2014;"), "AT&T ’ —");
    }

    #[test]
    fn text_that_is_no_reference_stays() {
        let text = "Marks & Spencer, R&D, ?a=1&copy=2 &bogus; &#xZZ; &; tail&";
        assert!(matches!(decode_references(text), Cow::Borrowed(_)));
        assert_eq!(decode_references("&paragraph; &para;"), "&paragraph; ¶");
    }
}
