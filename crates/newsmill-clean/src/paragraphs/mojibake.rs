//! Mojibake repair: UTF-8 text that was once decoded as windows-1252 (or Latin-1) and saved
//! again, so that "Peña" reads "PeÃ±a", "don’t" reads "donâ€™t" and "é" reads "Ã©". Web
//! clippers, old CMS exports and CSV round trips produce it; the entity and quote stages
//! then see names that exist nowhere else.
//!
//! Written here rather than taken from a crate: the one Rust port of ftfy (`plsfix`) pulls
//! in ICU and about a hundred crates for a step that needs a 32-entry table. Only the
//! unambiguous case is repaired: a run of characters whose windows-1252 bytes form one
//! valid UTF-8 sequence (a lead byte C2-F4 and its continuation bytes 80-BF). Ordinary
//! accented text never has that shape: a Latin-1 letter is followed by another letter or
//! a space, not by two or three of the symbols that windows-1252 puts at 80-BF.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The characters windows-1252 decodes bytes 0x80-0x9F to (`None`: the five bytes it leaves
/// undefined).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The byte windows-1252 or Latin-1 decodes to `c`, for the bytes 0x80-0xFF that can be
/// part of a mis-decoded UTF-8 sequence.
fn cp1252_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    match code {
        // A C1 control is the byte of the same number read as Latin-1 (or one windows-1252
        // leaves undefined): no one writes those characters on purpose.
        0x80..=0xFF => u8::try_from(code).ok(),
        _ => CP1252_HIGH
            .iter()
            .position(|&h| h == Some(c))
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// How many continuation bytes a UTF-8 lead byte takes (`None` for no lead byte). C0, C1
/// and F5-FF never lead a valid sequence.
fn continuation_count(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// Whether the text may hold mojibake: some character is a possible lead (Â..ô). A quick
/// test so that clean text is never copied.
fn may_hold_mojibake(text: &str) -> bool {
    text.chars().any(|c| ('\u{C2}'..='\u{F4}').contains(&c))
}

/// The text with every mis-decoded UTF-8 sequence replaced by the character it encodes,
/// and how many were replaced; `None` when there was nothing to repair. Text that went
/// through the mix-up twice ("SarukhÃ\u{83}Â¡n") is repaired twice; decomposed text
/// ("A" + U+0303 for "Ã", as some exports write it) is composed first. Linear in the text:
/// at most three passes.
pub fn repair(text: &str) -> Option<(String, u64)> {
    let composed = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect::<String>()),
    };
    let mut current: Option<String> = None;
    let mut repaired = 0;
    for _ in 0..3 {
        let input = current.as_deref().unwrap_or(&composed);
        let Some((fixed, n)) = repair_once(input) else {
            break;
        };
        repaired += n;
        current = Some(fixed);
    }
    current.map(|text| (text, repaired))
}

/// One pass of [`repair`]. Accented text with nothing to repair (most French or Spanish
/// text holds possible lead characters) is only read: the output is built from the first
/// repair on.
fn repair_once(text: &str) -> Option<(String, u64)> {
    if !may_hold_mojibake(text) {
        return None;
    }
    let mut out = String::new();
    let mut copied = 0;
    let mut repaired = 0u64;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        match decode_at(&text[i..]) {
            Some((fixed, len)) => {
                out.push_str(&text[copied..i]);
                out.push(fixed);
                repaired += 1;
                i += len;
                copied = i;
            }
            None => i += c.len_utf8(),
        }
    }
    if repaired == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some((out, repaired))
}

/// The character a mis-decoded sequence at the start of `text` stands for, and how many
/// bytes of `text` it took.
fn decode_at(text: &str) -> Option<(char, usize)> {
    let mut chars = text.char_indices();
    let lead = cp1252_byte(chars.next()?.1)?;
    let n = continuation_count(lead)?;
    let mut bytes = [lead, 0, 0, 0];
    for slot in &mut bytes[1..=n] {
        let b = cp1252_byte(chars.next()?.1)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
    }
    let used = chars.next().map_or(text.len(), |(at, _)| at);
    let decoded = std::str::from_utf8(&bytes[..=n]).ok()?;
    let c = decoded.chars().next()?;
    (!('\u{80}'..='\u{9F}').contains(&c)).then_some((c, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        repair(text).map_or_else(|| text.to_string(), |(t, _)| t)
    }

    #[test]
    fn mis_decoded_utf8_is_repaired() {
        assert_eq!(fixed("Enrique PeÃ±a Nieto"), "Enrique Peña Nieto");
        assert_eq!(fixed("FranÃ§ois Hollande"), "François Hollande");
        assert_eq!(fixed("donâ€™t say â€œnoâ€\u{9d}"), "don’t say “no”");
        assert_eq!(fixed("a 3â€“1 win"), "a 3–1 win");
        assert_eq!(fixed("Ciudad JuÃ¡rez"), "Ciudad Juárez");
        assert_eq!(fixed("Recep\u{c2}\u{a0}Tayyip"), "Recep\u{a0}Tayyip");
        assert_eq!(fixed("ðŸ˜€ ok"), "😀 ok");
        assert_eq!(repair("PeÃ±a and JuÃ¡rez").map(|(_, n)| n), Some(2));
        // Decomposed ("A" + combining tilde) and twice mis-decoded text.
        assert_eq!(fixed("TrA\u{303}©vidic"), "Trévidic");
        assert_eq!(fixed("SarukhA\u{303}\u{83}A\u{302}¡n"), "Sarukhán");
    }

    #[test]
    fn ordinary_accented_text_is_left_alone() {
        for text in [
            "Peña Nieto in Ciudad Juárez",
            "François Hollande à Paris, été 2016",
            "Ä, Ö, Ü und ß; Åse Ørsted; ÀÉÎÕÜ",
            "Café “crème” — 5×3 ± 2 °C",
            "Hôtel Ça Va, déjà vu",
            "plain ASCII text",
        ] {
            assert_eq!(repair(text), None, "{text}");
        }
    }
}
