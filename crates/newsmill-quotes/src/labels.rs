//! Speakers named by a label instead of a speech verb:
//! - a panel layout, `Gerald F. Seib, The Wall Street Journal: “It looked …”`: a paragraph
//!   that opens with a name (and affiliation) and a colon before the quotation;
//! - a transcript, `HANNITY: Welcome back.`: paragraphs that open with an upper-case speaker
//!   label; each turn is a quotation of that speaker, marks or not.

use std::ops::Range;

use crate::attribution::{is_pronoun, Speaker};
use crate::doc::Doc;
use crate::lexicon;
use crate::names::is_capitalised;
use crate::tokens::TokKind;

/// Longest label, in tokens, before the colon.
const MAX_LABEL_TOKENS: usize = 12;

/// Longest digest heading, in tokens, before the dash that opens a label.
const MAX_HEADING_TOKENS: usize = 30;

/// Words a name-and-affiliation label may hold besides capitalised ones.
fn is_label_connector(word: &str) -> bool {
    // "More from Blumenthal and Cohen:" introduces a digest's next excerpt.
    matches!(word, "of" | "the" | "and" | "for" | "at" | "from") || lexicon::is_name_particle(word)
}

impl Doc<'_> {
    /// Whether the quotation token `q` follows a colon inside its sentence.
    pub(crate) fn after_colon(&self, block: usize, q: usize) -> bool {
        let start = self.sentence_range(block, q).start;
        q > start + 1 && self.toks[block][q - 1].is_punct(':')
    }

    /// "… doesn't surprise Republican pollster Daron Shaw: “…”": a person introduced
    /// with a lowercase role word right before the colon at token `colon` is the source the
    /// sentence brings in, whoever its subject is.
    pub(crate) fn role_introduced_person(&self, block: usize, colon: usize) -> Option<Speaker> {
        let (c, &(_, first, _)) = self
            .cand_pos
            .iter()
            .enumerate()
            .find(|(c, &(_, _, last))| {
                self.cands[*c].block == block
                    && last + 1 == colon
                    && self.cands[*c].kind == crate::names::CandKind::Person
            })?;
        let role = first.checked_sub(1).and_then(|p| self.word(block, p))?;
        (!is_capitalised(role) && lexicon::is_role_word(role)).then(|| Speaker {
            name: Some(self.cands[c].name.clone()),
            mention: Some(self.span_text(block, first, colon - 1)),
        })
    }

    /// `Name, Affiliation: “…”`: the quotation token `q` follows a colon that closes a label
    /// opening its block. The speaker is the label's first phrase (up to a comma).
    pub(crate) fn label_speaker(&self, block: usize, q: usize) -> Option<Speaker> {
        let toks = &self.toks[block];
        let text = self.texts[block];
        let colon = q.checked_sub(1).filter(|&c| toks[c].is_punct(':'))?;
        // "RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “…”": a digest prints a
        // heading, a dash, then the label; the label is what follows the last dash.
        let start = (0..colon)
            .rev()
            .take(MAX_LABEL_TOKENS + 1)
            .find(|&i| is_dash(toks[i].kind))
            .map_or(0, |dash| dash + 1);
        // The heading opens its sentence: a paragraph may run several digest items together.
        let sentence_start = self.sentence_range(block, colon).start.min(start);
        if colon == start
            || colon - start > MAX_LABEL_TOKENS
            || start - sentence_start > MAX_HEADING_TOKENS
        {
            return None;
        }
        let first = toks
            .get(start)
            .filter(|t| t.is_word())
            .map(|t| t.text(text))?;
        if !is_capitalised(first) || is_pronoun(first) || !self.label_like(block, start..colon) {
            return None;
        }
        let end = (start..colon)
            .find(|&i| toks[i].is_punct(','))
            .unwrap_or(colon);
        let speaker = self.resolve_np(block, start..end, true);
        speaker.name.is_some().then_some(speaker)
    }

    /// `“…” ― Pamela Padilla`: the quotation token `q` is followed by a dash and a name
    /// (and affiliation) that closes the paragraph or runs up to the next quotation, as
    /// testimonials, epigraphs and quoted posts print their source. The speaker is the
    /// name up to its first comma.
    pub(crate) fn byline_speaker(&self, block: usize, q: usize) -> Option<Speaker> {
        let mut i = q + 1;
        while self.toks[block]
            .get(i)
            .is_some_and(|t| t.is_punct(',') || t.is_punct('.'))
        {
            i += 1;
        }
        // `“…”` closing its paragraph, then a paragraph `- Sanders.` or `—President
        // Obama, tweeting after the speech.`: the byline has a paragraph of its own.
        let own_paragraph = i == self.toks[block].len() && block + 1 < self.toks.len();
        let (block, i) = if own_paragraph {
            (block + 1, 0)
        } else {
            (block, i)
        };
        let toks = &self.toks[block];
        let text = self.texts[block];
        // A text reader reads "- Sanders." as a list item; its dash is gone, and the item must
        // be the name alone.
        let bullet = own_paragraph && self.list_items.get(block).copied().unwrap_or(false);
        let dash = toks.get(i).is_some_and(|t| is_dash(t.kind));
        if !dash && !bullet {
            return None;
        }
        let start = if dash { i + 1 } else { i };
        let end = (start..toks.len())
            .find(|&k| toks[k].quote().is_some())
            .unwrap_or(toks.len());
        if end <= start || end - start > MAX_LABEL_TOKENS {
            return None;
        }
        let first = toks[start].is_word().then(|| toks[start].text(text))?;
        if !is_capitalised(first) || is_pronoun(first) {
            return None;
        }
        let mut name_end = (start..end).find(|&k| toks[k].is_punct(',')).unwrap_or(end);
        // A byline paragraph may describe the moment after its name ("tweeting after
        // the speech"); one inside the quotation's paragraph is a name and affiliation.
        let label_end = if own_paragraph && dash { name_end } else { end };
        if !self.label_like(block, start..label_end) {
            return None;
        }
        while name_end > start && toks[name_end - 1].is_punct('.') {
            name_end -= 1;
        }
        let speaker = self.resolve_np(block, start..name_end, true);
        speaker.name.is_some().then_some(speaker)
    }

    /// Whether tokens are a name-and-affiliation label: capitalised words that are not
    /// speech verbs, connectors ("of", "the"), commas and full stops.
    /// A label may also hold lowercase role words and what follows their "of" ("Former
    /// secretary of state Hillary Rodham Clinton:") and a party-and-state note ("Rep. Trey
    /// Gowdy (R-S.C.):").
    fn label_like(&self, block: usize, range: Range<usize>) -> bool {
        let text = self.texts[block];
        let toks = &self.toks[block];
        let mut depth = 0usize;
        let mut after_role_of = false;
        toks[range.clone()].iter().enumerate().all(|(n, t)| {
            if !t.is_word() {
                if t.is_punct('(') {
                    depth += 1;
                    return depth == 1;
                }
                if t.is_punct(')') {
                    return depth.checked_sub(1).map(|d| depth = d).is_some();
                }
                return depth > 0 || t.is_punct(',') || t.is_punct('.');
            }
            let w = t.text(text);
            if depth > 0 {
                return true;
            }
            let role = !is_capitalised(w) && lexicon::is_role_word(w);
            if role {
                after_role_of = false;
            } else if w == "of" {
                after_role_of = n > 0
                    && toks[range.start + n - 1].is_word()
                    && lexicon::is_role_word(toks[range.start + n - 1].text(text));
            }
            (is_capitalised(w) && !lexicon::is_finite_cue(w) && !lexicon::is_participle_cue(w))
                || is_label_connector(w)
                || role
                || (after_role_of && w.chars().all(char::is_lowercase))
        }) && depth == 0
    }
}

fn is_dash(kind: TokKind) -> bool {
    matches!(kind, TokKind::Punct('—' | '―' | '–' | '-'))
}

/// One transcript turn: the block, the byte range of its speech, and the label as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub block: usize,
    pub text: Range<usize>,
    pub label: String,
}

/// Opening marks a transcript may put before each turn's label (`"WALLACE: …`), as when a
/// whole transcript is quoted paragraph by paragraph.
const TURN_OPENERS: &[char] = &['"', '“', '„', '«'];

/// The upper-case speaker label opening a paragraph ("HANNITY", "JAKE TAPPER"), and the
/// byte offset where the speech starts.
fn turn_label(text: &str) -> Option<(&str, usize)> {
    let opener = text.len() - text.trim_start_matches(TURN_OPENERS).len();
    let colon = text[opener..].find(": ").filter(|&at| at <= 40)? + opener;
    let label = &text[opener..colon];
    let words: Vec<&str> = label.split_whitespace().collect();
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let upper = label
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
    (upper && letters >= 2 && (1..=3).contains(&words.len())).then_some((label, colon + 2))
}

/// Transcript turns of an article: only where at least two different labels open four or
/// more paragraphs between them, so a lone "UPDATE: …" or a repeated section kicker is
/// not a transcript.
pub fn transcript_turns(texts: &[&str]) -> Vec<Turn> {
    let mut turns = Vec::new();
    for (block, text) in texts.iter().enumerate() {
        if let Some((label, start)) = turn_label(text) {
            let end = text
                .trim_end()
                .trim_end_matches(['"', '”', '“', '»'])
                .trim_end()
                .len();
            if end > start {
                turns.push(Turn {
                    block,
                    text: start..end,
                    label: label.to_string(),
                });
            }
        }
    }
    let mut labels: Vec<&str> = turns.iter().map(|t| t.label.as_str()).collect();
    labels.sort_unstable();
    labels.dedup();
    if labels.len() < 2 || turns.len() < 4 {
        return Vec::new();
    }
    turns
}

/// "JAKE TAPPER" -> "Jake Tapper".
pub fn title_case(label: &str) -> String {
    label
        .split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(c) => c
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcripts_need_two_labels_and_four_turns() {
        let texts = [
            "HOST: Welcome back.",
            "ADA LOVE: Thank you.",
            "HOST: What now?",
            "ADA LOVE: We vote.",
            "Plain narration: with a colon.",
        ];
        let turns = transcript_turns(&texts);
        assert_eq!(turns.len(), 4);
        assert_eq!(turns[1].label, "ADA LOVE");
        assert_eq!(&texts[1][turns[1].text.clone()], "Thank you.");
        assert!(transcript_turns(&["UPDATE: more soon.", "UPDATE: later."]).is_empty());
        assert_eq!(title_case("JAKE TAPPER"), "Jake Tapper");
        // A transcript quoted paragraph by paragraph: each turn opens with a mark.
        let quoted = [
            "\"WALLACE: Welcome back.",
            "\"PENCE: Thank you, Chris.",
            "\"WALLACE: What now?",
            "\"PENCE: We win.\"",
        ];
        let turns = transcript_turns(&quoted);
        assert_eq!(turns.len(), 4);
        assert_eq!(turns[1].label, "PENCE");
        assert_eq!(&quoted[3][turns[3].text.clone()], "We win.");
    }
}
