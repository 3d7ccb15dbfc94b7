//! Control characters out of the text, at read time, so that every output format (CSV,
//! JSON Lines, and any other) shows the same cells: NUL, ESC, DEL and the C1 controls are
//! removed, and a carriage return that ends a line on its own (old Mac files, CR-only
//! exports) becomes a newline so that lines, titles and paragraphs are found.

use std::borrow::Cow;

use newsmill_core::Metadata;

/// Whether `c` is removed: every control character but tab, newline, carriage return and
/// form feed (which are layout, handled below).
fn removed(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')
}

/// `text` without control characters, with lone carriage returns and form feeds as
/// newlines (CRLF stays as it is). Borrows when nothing changes, the common case.
pub fn clean_controls(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let first_change = text.char_indices().find(|&(i, c)| {
        removed(c) || c == '\u{0C}' || (c == '\r' && bytes.get(i + 1) != Some(&b'\n'))
    });
    let Some((start, _)) = first_change else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..start]);
    let mut chars = text[start..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => out.push('\r'),
            '\r' | '\u{0C}' => out.push('\n'),
            c if removed(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`clean_controls`] for an owned string; for metadata values (a single line) every
/// newline-like character becomes a space as well.
fn clean_field(value: &mut String) {
    if value
        .chars()
        .any(|c| removed(c) || matches!(c, '\r' | '\n' | '\u{0C}'))
    {
        *value = value
            .chars()
            .filter(|&c| !removed(c))
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
    }
}

/// Cleans every text field of `meta` (JSON and YAML escapes such as `\u0000` or `\e` put
/// control characters there after decoding).
pub fn clean_metadata(meta: &mut Metadata) {
    let Metadata {
        title,
        authors,
        published,
        published_time,
        modified,
        publisher,
        url,
        description,
        language,
        extra,
        ..
    } = meta;
    for field in [
        title,
        published,
        published_time,
        modified,
        publisher,
        url,
        description,
        language,
    ]
    .into_iter()
    .flatten()
    {
        clean_field(field);
    }
    authors.iter_mut().for_each(clean_field);
    extra.values_mut().for_each(clean_field);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_go_and_lone_carriage_returns_become_newlines() {
        assert!(matches!(
            clean_controls("plain\r\ntext\t."),
            Cow::Borrowed(_)
        ));
        assert_eq!(clean_controls("a\0b\u{1b}[31mc\u{7f}d\u{85}e"), "ab[31mcde");
        assert_eq!(clean_controls("Title\r\rAOL.\rTime"), "Title\n\nAOL.\nTime");
        assert_eq!(clean_controls("x\r\ny\rz\u{0C}w"), "x\r\ny\nz\nw");
        assert_eq!(clean_controls("é\0"), "é");
    }

    #[test]
    fn metadata_fields_are_single_clean_lines() {
        let mut meta = Metadata {
            title: Some("Bad\u{0}\u{1b} title\nhere".into()),
            authors: vec!["Jane\u{7}".into()],
            ..Metadata::default()
        };
        meta.extra.insert("k".into(), "v\u{0}".into());
        clean_metadata(&mut meta);
        assert_eq!(meta.title.as_deref(), Some("Bad title here"));
        assert_eq!(meta.authors, ["Jane"]);
        assert_eq!(meta.extra["k"], "v");
    }
}
