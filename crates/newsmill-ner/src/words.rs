//! Whitespace words of a block with surrounding punctuation split off, for the scans that
//! look for name phrases (titles before names, gazetteer places, acronym definitions).
//! The tagger has its own tokens; these only need to know where a capitalised phrase starts
//! and ends, which punctuation between words decides.

/// One whitespace-separated word. `start..end` is its core: leading quotes and brackets,
/// trailing punctuation, a possessive and a lowercase hyphenated suffix ("US-backed") cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// Punctuation before the core (an opening quote or bracket).
    pub lead: Option<char>,
    /// Punctuation, a possessive or a suffix was cut after the core: the phrase ends here.
    pub trail: bool,
    /// The first character after the core when something was cut (`)`, `,`).
    pub trail_char: Option<char>,
}

impl Word {
    pub fn text<'a>(&self, block: &'a str) -> &'a str {
        block.get(self.start..self.end).unwrap_or("")
    }
}

const LEADING: &[char] = &['"', '“', '‘', '\'', '(', '[', '{', '*', '_', '«', '„'];
const TRAILING: &[char] = &[
    '"', '”', '’', '\'', ')', ']', '}', ',', ';', ':', '!', '?', '*', '_', '»', '…',
];

/// The first `max` bytes of `text`, cut back to a character boundary: the bounded window
/// a rule reads after a name, so a long block costs no more per name.
pub fn prefix(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whether a word is capitalised (its first letter is uppercase).
pub fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
        && word.starts_with(|c: char| c.is_alphanumeric())
}

/// "J.", "W.": one capital letter and a full stop, a name's initial.
/// The words an article writes in lowercase somewhere: a word found there is a common
/// word, not a name ("the dollar fell" beside "Dollar"). Collected once per call.
pub fn lowercase_words<'a>(blocks: &[&'a str]) -> rustc_hash::FxHashSet<&'a str> {
    blocks
        .iter()
        .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect()
}

/// A one-word name shaped like an adjective of nationality, creed or kind ("Zairean",
/// "Pan-European", "Islamic", "Islamist", "Iraqi"), which the lists may not hold.
pub fn is_adjective_shaped(name: &str) -> bool {
    ["an", "ese", "ish", "ic", "ist", "i"]
        .iter()
        .any(|suffix| name.ends_with(suffix))
}

pub fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    )
}

/// "al-Karawi", "el-Sisi", "bin Laden": a lowercase particle joined to a capitalised name.
pub fn is_particle_name(word: &str) -> bool {
    match word.split_once('-') {
        Some((particle, rest)) => crate::fold::is_particle(particle) && is_capitalised(rest),
        None => false,
    }
}

/// An abbreviation whose full stop belongs to the word: titles ("Gen."), initials ("W."),
/// dotted acronyms ("U.S."), company suffixes ("Inc.").
fn keeps_full_stop(core: &str, is_title: &dyn Fn(&str) -> bool) -> bool {
    let bare = core.trim_end_matches('.');
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && bare.chars().all(char::is_uppercase))
        || bare.contains('.')
        || matches!(
            bare,
            "Inc" | "Co" | "Corp" | "Ltd" | "Jr" | "Sr" | "St" | "Mt" | "No" | "Bros"
        )
        // "Gen.", "Sen.", "Lieut.": an abbreviated title keeps its stop; a title written in
        // full ends the sentence there ("brought to justice. Launching …").
        // Asked with the stop: "Del." is a title where "Del" is not.
        || ((is_title(bare) || is_title(core)) && is_capitalised(bare) && letters <= 6)
}

/// Splits a block into words. `is_title` tells abbreviations whose full stop is kept.
pub fn words(text: &str, is_title: &dyn Fn(&str) -> bool) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut offset = 0;
    let mut pending_lead = None;
    for piece in text.split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += piece.len();
        let raw = piece.trim_end();
        let mut s = start;
        let mut e = start + raw.len();
        let mut lead = None;
        while let Some(c) = text[s..e].chars().next().filter(|c| LEADING.contains(c)) {
            lead = Some(c);
            s += c.len_utf8();
        }
        let before_trim = e;
        loop {
            let core = &text[s..e];
            if let Some(c) = core.chars().next_back().filter(|c| TRAILING.contains(c)) {
                e -= c.len_utf8();
            } else if let Some(stripped) =
                core.strip_suffix("’s").or_else(|| core.strip_suffix("'s"))
            {
                e = s + stripped.len();
            } else if core.ends_with('.') && core.len() > 1 && !keeps_full_stop(core, is_title) {
                e -= 1;
            } else {
                break;
            }
        }
        // "Qaeda-affiliated", "US-backed": the lowercase suffix is not part of the name;
        // the second syllable of a given name after a capitalised word ("Park Geun-hye")
        // is.
        if let Some(hyphen) = text[s..e].rfind('-') {
            let (head, tail) = (&text[s..s + hyphen], &text[s + hyphen + 1..e]);
            let after_name = lead.is_none()
                && pending_lead.is_none()
                && out
                    .last()
                    .is_some_and(|w| !w.trail && is_capitalised(w.text(text)));
            let given_name =
                after_name && crate::clean::syllable_after(head, &text[s + hyphen..e]).is_some();
            if is_capitalised(head) && tail.starts_with(char::is_lowercase) && !given_name {
                e = s + hyphen;
            }
        }
        if s >= e {
            // Punctuation standing alone ("Clinton , Dole"; "( SOHR )") ends the phrase
            // before it and opens the next word like leading punctuation would.
            if let Some(c) = text[start..start + raw.len()].chars().next() {
                if let Some(last) = out.last_mut() {
                    last.trail = true;
                    last.trail_char = last.trail_char.or(Some(c));
                }
                pending_lead = Some(c);
            }
            continue;
        }
        let lead = lead.or(pending_lead.take());
        let trail_char = (e < before_trim)
            .then(|| text[e..].chars().next())
            .flatten();
        out.push(Word {
            start: s,
            end: e,
            lead,
            trail: e < before_trim,
            trail_char,
        });
    }
    out
}

/// Whether words `a` and `b` (consecutive) belong to one phrase: nothing but spaces between.
pub fn joined(a: &Word, b: &Word) -> bool {
    !a.trail && b.lead.is_none()
}

/// "Warren E. Buffett" -> "Warren Buffett": a full name with its middle initials left out,
/// the form the list of people named in the news mostly holds; `None` when the name has no
/// middle initial.
pub fn without_middle_initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let inner = words.get(1..words.len().saturating_sub(1))?;
    if words.len() < 3 || !inner.iter().any(|w| is_initial(w)) {
        return None;
    }
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i + 1 == words.len() || !is_initial(w))
        .map(|(_, w)| *w)
        .collect();
    Some(kept.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        let titles = |w: &str| matches!(w, "Gen" | "Maj");
        words(text, &titles).iter().map(|w| w.text(text)).collect()
    }

    #[test]
    fn a_title_written_in_full_ends_the_sentence_at_its_stop() {
        let titles = |w: &str| matches!(w, "Gen" | "justice" | "Justice");
        let text = "brought to justice. Launching it, Gen. Smith and Justice. Then";
        let found: Vec<&str> = words(text, &titles).iter().map(|w| w.text(text)).collect();
        assert_eq!(
            found,
            [
                "brought",
                "to",
                "justice",
                "Launching",
                "it",
                "Gen.",
                "Smith",
                "and",
                "Justice",
                "Then"
            ]
        );
    }

    #[test]
    fn cuts_punctuation_possessives_and_suffixes() {
        assert_eq!(
            texts("after Maj. Gen. Mohammad al-Karawi, the (SOHR) Al Qaeda-affiliated Iraq’s “surge.”"),
            ["after", "Maj.", "Gen.", "Mohammad", "al-Karawi", "the", "SOHR", "Al", "Qaeda", "Iraq", "surge"]
        );
        assert_eq!(
            texts("the U.S. and George W. Bush left."),
            ["the", "U.S.", "and", "George", "W.", "Bush", "left"]
        );
        assert_eq!(texts(""), Vec::<&str>::new());
    }

    #[test]
    fn keeps_the_second_syllable_of_a_given_name() {
        assert_eq!(
            texts("President Park Geun-hye met Ban Ki-moon’s aides, Obama-era and Kim Jong-led"),
            [
                "President",
                "Park",
                "Geun-hye",
                "met",
                "Ban",
                "Ki-moon",
                "aides",
                "Obama",
                "and",
                "Kim",
                "Jong"
            ]
        );
    }

    #[test]
    fn punctuation_standing_alone_breaks_phrases() {
        let text = "President Clinton , Bob Dole ( SOHR )";
        let w = words(text, &|_| false);
        assert_eq!(w.len(), 5);
        assert!(w[1].trail && w[1].trail_char == Some(','));
        assert!(!joined(&w[1], &w[2]));
        assert_eq!(w[4].lead, Some('('));
    }

    #[test]
    fn marks_phrase_breaks() {
        let text = "Levant, known (SOHR) described";
        let w = words(text, &|_| false);
        assert!(w[0].trail && w[0].trail_char == Some(','));
        assert_eq!(w[2].lead, Some('('));
        assert!(joined(&w[1], &w[1]) && !joined(&w[1], &w[2]));
        assert!(
            is_particle_name("al-Maliki")
                && !is_particle_name("Al-Maliki")
                && !is_particle_name("US-backed")
        );
    }
}
