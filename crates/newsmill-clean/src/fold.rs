//! Folded keys for comparing lines across articles: two lines that differ only in case,
//! spacing or the digits in them (a date, a counter, a year in a copyright line) get the
//! same key, so a footer that says "© 2013" in one article and "© 2014" in the next is
//! still recognised as the same footer.

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Lower-cases, turns every digit into `0`, squeezes whitespace and trims. Punctuation is
/// kept: "Read more:" and "Read more" are different lines on purpose only when a site
/// really writes them differently, and those are rare enough not to matter.
#[cfg(test)]
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    fold_line_into(line, &mut out);
    out
}

/// [`fold_line`] into a reused buffer (cleared first).
pub fn fold_line_into(line: &str, out: &mut String) {
    out.clear();
    if line.is_ascii() {
        fold_ascii_into(line.as_bytes(), out);
        return;
    }
    let mut pending_space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_numeric() {
            out.push('0');
        } else if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
}

/// The same folding for ASCII text, byte by byte: most lines are ASCII, and the char
/// path's Unicode case tables cost several times more.
fn fold_ascii_into(line: &[u8], out: &mut String) {
    let mut pending_space = false;
    for &b in line {
        // `char::is_whitespace` also counts the vertical tab, which u8's ASCII test does not.
        if b.is_ascii_whitespace() || b == 0x0B {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(if b.is_ascii_digit() {
            '0'
        } else {
            char::from(b.to_ascii_lowercase())
        });
    }
}

/// Hash of [`fold_line`], seeded (the source) so one table can hold every source's lines.
#[cfg(test)]
pub fn line_hash(line: &str, seed: u64) -> u64 {
    line_hash_with(line, seed, &mut String::new())
}

/// [`line_hash`] folding into `buffer`, to avoid an allocation per line in hot loops.
pub fn line_hash_with(line: &str, seed: u64, buffer: &mut String) -> u64 {
    fold_line_into(line, buffer);
    xxh3_64_with_seed(buffer.as_bytes(), seed)
}

/// Counts the letters and digits of a line.
#[cfg(test)]
pub fn alphanumeric_count(line: &str) -> usize {
    line.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Whether `line` has at least `n` letters or digits; stops scanning once it has.
pub fn has_alphanumerics(line: &str, n: usize) -> bool {
    line.chars().filter(|c| c.is_alphanumeric()).take(n).count() >= n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_digits_and_spacing() {
        assert_eq!(
            fold_line("  © 2013  WSWS\tAll Rights "),
            "© 0000 wsws all rights"
        );
        assert_eq!(
            line_hash("Copyright 2013 Foo", 7),
            line_hash("copyright  2024 FOO", 7)
        );
        assert_ne!(
            line_hash("Copyright 2013 Foo", 7),
            line_hash("Copyright 2013 Foo", 8)
        );
    }

    #[test]
    fn ascii_and_unicode_paths_agree() {
        for line in [
            "  Copyright 2013\tFoo  BAR ",
            "Subscribe to our newsletter!",
            "a\u{b}b",
        ] {
            let mut unicode = String::new();
            let mut pending = false;
            for c in line.chars() {
                if c.is_whitespace() {
                    pending = !unicode.is_empty();
                    continue;
                }
                if pending {
                    unicode.push(' ');
                    pending = false;
                }
                unicode.push(if c.is_numeric() {
                    '0'
                } else {
                    c.to_ascii_lowercase()
                });
            }
            assert_eq!(fold_line(line), unicode, "{line:?}");
        }
        assert_eq!(fold_line("Ünïcode 2024 LINE"), "ünïcode 0000 line");
    }

    #[test]
    fn counts_alphanumerics() {
        assert!(has_alphanumerics("F-16", 3));
        assert!(!has_alphanumerics("* * a", 2));
        assert_eq!(alphanumeric_count("* * *"), 0);
        assert_eq!(alphanumeric_count("F-16 jet"), 6);
    }
}
