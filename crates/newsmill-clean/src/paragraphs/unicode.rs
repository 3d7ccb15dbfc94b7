//! Character-level normalisation: NFC, invisible characters, odd spaces, optional ASCII
//! punctuation.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// What [`normalize`] changed, for counters.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct NormalizeStats {
    pub invisible_removed: u64,
    pub spaces_replaced: u64,
    pub punctuation_folded: u64,
}

/// Zero-width and invisible formatting characters that carry nothing in news text. ZWNJ
/// and ZWJ (U+200C/U+200D) are kept: they are spelling in Persian and Indic scripts and
/// join emoji sequences.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{180E}'
            | '\u{200E}'
            | '\u{200F}'
            | '\r'
    )
}

/// Space characters other than U+0020 (no-break, figure, narrow, em/en spaces, tab).
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{A0}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{0B}' | '\u{0C}'
    )
}

fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        '‘' | '’' | '‚' | '‛' | '′' => "'",
        '“' | '”' | '„' | '‟' | '″' => "\"",
        '–' | '—' | '―' | '−' | '‐' | '‑' => "-",
        '…' => "...",
        _ => return None,
    })
}

/// Normalises one block's text. Line breaks are kept (unwrapping is a separate step);
/// runs of spaces become one and lines are trimmed.
pub fn normalize(text: &str, fold_punctuation: bool, stats: &mut NormalizeStats) -> String {
    let nfc: std::borrow::Cow<str> = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.into(),
        _ => text.nfc().collect::<String>().into(),
    };
    let mut out = String::with_capacity(nfc.len());
    let mut pending_space = false;
    for c in nfc.chars() {
        let c = match c {
            '\u{2028}' | '\u{2029}' => '\n',
            c if is_invisible(c) => {
                stats.invisible_removed += u64::from(c != '\r');
                continue;
            }
            c if is_odd_space(c) => {
                stats.spaces_replaced += 1;
                ' '
            }
            c => c,
        };
        match c {
            ' ' => pending_space = true,
            '\n' => {
                pending_space = false;
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push('\n');
            }
            c => {
                if pending_space && !out.is_empty() && !out.ends_with('\n') {
                    out.push(' ');
                }
                pending_space = false;
                match fold(c).filter(|_| fold_punctuation) {
                    Some(ascii) => {
                        stats.punctuation_folded += 1;
                        out.push_str(ascii);
                    }
                    None => out.push(c),
                }
            }
        }
    }
    // Blank lines inside a block carry nothing: the block is already the paragraph unit.
    while out.contains("\n\n") {
        out = out.replace("\n\n", "\n");
    }
    out.trim_matches('\n').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_spaces_invisibles_and_composition() {
        let mut stats = NormalizeStats::default();
        let text = "  Cafe\u{301}\u{200B} costs\u{A0}5\u{202F}€ \r\n\n  next\tline  ";
        assert_eq!(
            normalize(text, false, &mut stats),
            "Café costs 5 €\nnext line"
        );
        assert_eq!(stats.invisible_removed, 1);
        assert_eq!(stats.spaces_replaced, 3);
    }

    #[test]
    fn folds_punctuation_only_when_asked() {
        let mut stats = NormalizeStats::default();
        let text = "“common enemy” – Washington’s own…";
        assert_eq!(normalize(text, false, &mut stats), text);
        assert_eq!(
            normalize(text, true, &mut stats),
            "\"common enemy\" - Washington's own..."
        );
        assert_eq!(stats.punctuation_folded, 5);
    }

    #[test]
    fn keeps_persian_zero_width_non_joiner() {
        let mut stats = NormalizeStats::default();
        assert_eq!(
            normalize("می\u{200C}خواهم", false, &mut stats),
            "می\u{200C}خواهم"
        );
    }
}
