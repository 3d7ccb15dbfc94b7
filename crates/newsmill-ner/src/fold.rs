//! Comparison keys for names: the same name written with other case, quotes, hyphens,
//! full stops, a leading "the" or a possessive gets the same key ("Al Qaeda’s",
//! "al-Qaeda" -> "al qaeda"; "U.S." -> "us").

use std::cell::RefCell;
use std::ops::Range;

/// The comparison key of a name.
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    let trimmed = key_range(&out);
    // Cut in place: the key is made with one allocation.
    out.truncate(trimmed.end);
    out.drain(..trimmed.start);
    out
}

/// Runs `f` on [`key`]`(text)`, built in a buffer the thread reuses: the gazetteer looks
/// names up by key tens of thousands of times a run and keeps none of those keys.
pub fn with_key<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUFFER: RefCell<String> = RefCell::default();
    }
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut out) => {
            out.clear();
            fold_into(text, &mut out);
            let trimmed = key_range(&out);
            f(&out[trimmed])
        }
        // Asked again from inside `f`: that key gets its own allocation.
        Err(_) => f(&key(text)),
    })
}

/// The folded text, before the article, possessive and outer spaces are cut.
fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        fold_ascii(text, out);
    } else {
        fold_chars(text, out);
    }
}

/// The part of folded text that is the key: without a leading "the " or a trailing "'s"
/// or "'", trimmed.
fn key_range(folded: &str) -> Range<usize> {
    let mut key = folded;
    if let Some(rest) = key.strip_prefix("the ") {
        key = rest;
    }
    if let Some(rest) = key.strip_suffix("'s") {
        key = rest;
    } else if let Some(rest) = key.strip_suffix('\'') {
        key = rest;
    }
    let key = key.trim();
    let start = key.as_ptr() as usize - folded.as_ptr() as usize;
    start..start + key.len()
}

/// [`key`]'s folding for ASCII text, byte by byte (the common case).
fn fold_ascii(text: &str, out: &mut String) {
    let mut pending_space = false;
    for &b in text.as_bytes() {
        let b = match b {
            b'`' => b'\'',
            b'.' | b'"' | b'*' => continue,
            // The ASCII characters `char::is_whitespace` takes: tab to carriage return
            // and the space.
            b'-' | b'_' | b'\t'..=b'\r' | b' ' => {
                pending_space = true;
                continue;
            }
            b => b.to_ascii_lowercase(),
        };
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(char::from(b));
    }
}

fn fold_chars(text: &str, out: &mut String) {
    let mut pending_space = false;
    for c in text.chars() {
        let c = match c {
            '’' | '‘' | '`' | '´' | 'ʼ' => '\'',
            '.' | '"' | '“' | '”' | '„' | '*' | '«' | '»' => continue,
            '-' | '‐' | '‑' | '–' | '—' | '_' => {
                pending_space = true;
                continue;
            }
            c if c.is_whitespace() => {
                pending_space = true;
                continue;
            }
            c => c,
        };
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.extend(c.to_lowercase());
    }
}

/// Words of a key (keys are single-space separated).
pub fn key_words(key: &str) -> impl Iterator<Item = &str> {
    key.split(' ').filter(|w| !w.is_empty())
}

/// Name particles that may be written or dropped before a surname ("al-Assad" / "Assad").
pub const PARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn", "abu", "van", "von", "de", "da",
    "di", "du", "del", "der", "la", "le",
];

pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_quotes_hyphens_the_and_possessives() {
        assert_eq!(key("Al Qaeda’s"), "al qaeda");
        assert_eq!(key("al-Qaeda"), "al qaeda");
        assert_eq!(key("the Free  Syrian Army"), "free syrian army");
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("“ISIS”"), "isis");
        assert_eq!(key("Rights’"), "rights");
        assert_eq!(key(""), "");
        assert_eq!(key("  The  Times' "), "times");
        assert_eq!(key("Obama`s\tteam\x0b"), "obama's team");
        // The ASCII path and the general one agree.
        for name in [
            "U.S.-led Coalition",
            "the_BBC's",
            "  a  -- b ",
            "O'Neill",
            "St. John's",
        ] {
            let mut general = String::new();
            fold_chars(name, &mut general);
            let mut ascii = String::new();
            fold_ascii(name, &mut ascii);
            assert_eq!(ascii, general, "{name}");
        }
    }
}
