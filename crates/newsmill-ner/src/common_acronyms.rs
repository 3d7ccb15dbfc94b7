//! Acronyms that are common nouns: "PAC", "PC", "DVD", "DJ", "LCD". The tagger reads any
//! word in capitals as a name (mostly an organisation's), and the repeat step then spreads
//! it over every mention. The article itself tells: it writes the acronym in the plural
//! ("super PACs", "DVDs") or as the head of a phrase after an indefinite article ("a super
//! PAC, which", "an MBA from Harvard", "a PC with"), which it does not do with a name. An
//! organisation's acronym after "a" modifies the noun that follows ("a CNN poll", "an FBI
//! agent") and is kept.

use rustc_hash::FxHashSet as HashSet;

use crate::candidate::Candidate;
use crate::gazetteer::Gazetteer;

/// Words after an acronym that end the phrase it heads: a preposition, a relative pronoun
/// or a verb of being or having.
const PHRASE_ENDERS: &[&str] = &[
    "of", "for", "from", "in", "on", "with", "that", "which", "who", "to", "is", "was", "has",
    "had", "at", "by",
];

/// Most distinct acronyms looked up in one article: each costs a scan of the text, and an
/// article with more is a table or a glossary, where the rule tells nothing.
const MAX_ACRONYMS: usize = 32;

/// Drops the mentions of every acronym the article uses as a common noun. A name the
/// lists know as an organisation ("GOP") needs two uses as a head after "a", or a plural:
/// "whether there is a GOP, as we know it" is one writer's turn of phrase.
pub fn drop_common_acronyms(blocks: &[&str], gaz: &Gazetteer, cands: &mut Vec<Candidate>) {
    let mut acronyms: Vec<&str> = Vec::new();
    for c in cands.iter() {
        let word = c.text(blocks);
        if is_plain_acronym(word) && !acronyms.contains(&word) {
            acronyms.push(word);
            if acronyms.len() == MAX_ACRONYMS {
                break;
            }
        }
    }
    if acronyms.is_empty() {
        return;
    }
    let common: HashSet<&str> = acronyms
        .into_iter()
        .filter(|acronym| {
            let (plurals, heads) = common_noun_uses(blocks, acronym);
            let named = gaz.is_known_org(acronym) || gaz.is_frequent_org(acronym);
            plurals > 0 || heads >= if named { 2 } else { 1 }
        })
        .collect();
    if !common.is_empty() {
        cands.retain(|c| !common.contains(c.text(blocks)));
    }
}

/// "PAC", "DVD": two to six capital letters, nothing else.
fn is_plain_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// How often the article writes `acronym` in the plural ("PACs") and as the head of a
/// phrase after "a", "an" or "super" ("a super PAC, which").
fn common_noun_uses(blocks: &[&str], acronym: &str) -> (usize, usize) {
    let (mut plurals, mut heads) = (0, 0);
    for text in blocks {
        for (at, _) in text.match_indices(acronym) {
            let before = &text[..at];
            let after = &text[at + acronym.len()..];
            if before.ends_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            if let Some(rest) = after.strip_prefix('s') {
                if !rest.starts_with(|c: char| c.is_alphanumeric()) {
                    plurals += 1;
                }
                continue;
            }
            if after.starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let previous = before.trim_end().rsplit(' ').next().unwrap_or("");
            let after_article = before.ends_with(' ') && matches!(previous, "a" | "an" | "super");
            if after_article && ends_phrase(after) {
                heads += 1;
            }
        }
    }
    (plurals, heads)
}

/// Whether the text right after an acronym ends the phrase it heads: punctuation that
/// closes a clause, the end of the block, or a phrase-ending word. Not a slash or hyphen
/// ("a CNN/ORC poll"), and not "and" ("an NBC and Wall Street Journal poll").
fn ends_phrase(after: &str) -> bool {
    match after.chars().next() {
        None => true,
        Some('.' | ',' | ';' | ':' | ')' | '!' | '?') => true,
        Some(' ') => {
            let next = after[1..]
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            PHRASE_ENDERS.contains(&next)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::EntityKind::*;

    fn kept(text: &str, spans: &[(&str, newsmill_core::EntityKind)]) -> Vec<String> {
        let mut cands = crate::candidate::at_successive_occurrences(text, spans);
        drop_common_acronyms(&[text], Gazetteer::embedded(), &mut cands);
        cands.iter().map(|c| c.text(&[text]).to_string()).collect()
    }

    #[test]
    fn an_acronym_used_as_a_common_noun_is_no_name() {
        // A plural anywhere in the article.
        let text = "The PC market grew. Sales of PCs rose, Dell said.";
        assert_eq!(
            kept(text, &[("PC", Organization), ("Dell", Organization)]),
            ["Dell"]
        );
        // The head of a phrase after "a".
        let text = "He has an MBA from Harvard. The MBA helped.";
        assert!(kept(text, &[("MBA", Organization), ("MBA", Organization)]).is_empty());
    }

    #[test]
    fn an_organisation_after_a_modifies_the_noun_that_follows() {
        let text = "A CNN poll and an FBI agent; a CNN/ORC survey. CNN said.";
        let spans = [
            ("CNN", Organization),
            ("FBI", Organization),
            ("CNN", Organization),
            ("CNN", Organization),
        ];
        assert_eq!(kept(text, &spans).len(), 4);
        // A listed organisation needs two such uses: one is a turn of phrase.
        let text = "whether there is a GOP, as we know it. The GOP met.";
        assert_eq!(
            kept(text, &[("GOP", Organization), ("GOP", Organization)]).len(),
            2
        );
        let text = "a super PAC, which paid; a PAC that spent. The PAC said.";
        assert!(kept(text, &[("PAC", Organization)]).is_empty());
    }
}
