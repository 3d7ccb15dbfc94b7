//! The [`Tagger`]: a loaded model (compact weights plus its gazetteer) and the ways to run it
//! on tokens, documents, raw text and CoNLL files.

use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use anyhow::Context;
use newsmill_core::EntityKind;

use crate::conll::{is_docstart, MAX_DOCUMENT_SENTENCES};
use crate::decode::run_stages;
use crate::document::prepare_document;
use crate::gazetteer::Gazetteer;
use crate::labels::{tag_of, Tag};
use crate::model_file::{read_model, ModelParts};
use crate::weights::CompactWeights;
use crate::word_classes::WordClasses;

/// A trained NER model, immutable once loaded, so one instance serves every thread.
pub struct Tagger {
    /// First stage, then (when the model has one) the second, stacked stage.
    stages: Vec<CompactWeights>,
    gazetteer: Gazetteer,
    classes: WordClasses,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("stages", &self.stages.len())
            .field("rows", &self.stages.iter().map(|s| s.len).sum::<usize>())
            .field("gazetteer_lists", &self.gazetteer.lists.len())
            .finish()
    }
}

/// The committed model (see model/README.md), compiled into the binary so it works anywhere.
static EMBEDDED_MODEL: &[u8] = include_bytes!("../model/ner.bin");

impl Tagger {
    /// The committed model, decoded once on first use and shared from then on.
    pub fn embedded() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        // The bytes are fixed at compile time and a unit test loads them, so failure here
        // means a broken build, not bad input.
        TAGGER.get_or_init(|| {
            Tagger::from_bytes(EMBEDDED_MODEL).expect("the embedded NER model is valid")
        })
    }

    /// Loads a model file written by [`crate::train`].
    pub fn load(path: &Path) -> anyhow::Result<Tagger> {
        let bytes =
            std::fs::read(path).with_context(|| format!("reading model {}", path.display()))?;
        Self::from_bytes(&bytes).with_context(|| format!("loading model {}", path.display()))
    }

    pub fn from_bytes(bytes: &[u8]) -> anyhow::Result<Tagger> {
        Ok(Self::from_parts(read_model(bytes)?))
    }

    pub(crate) fn from_parts(parts: ModelParts) -> Tagger {
        Tagger {
            stages: parts.stages,
            gazetteer: Gazetteer::new(parts.lists),
            classes: WordClasses::new(&parts.word_classes),
        }
    }

    /// Tags one sentence (document-level features then see only this sentence).
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        self.tag_document(&[tokens.to_vec()])
            .pop()
            .unwrap_or_default()
    }

    /// Tags the sentences of one document together, so that what one sentence says about a
    /// word ("Clinton" inside "Bill Clinton") informs the others. Tags are IOB2.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        let mut prepared = prepare_document(sentences, &self.gazetteer, &self.classes);
        let labels = run_stages(&self.stages, &mut prepared);
        labels
            .into_iter()
            .map(|labels| labels.into_iter().map(tag_of).collect())
            .collect()
    }

    /// Whether the unlabelled news the word classes were learnt from writes `word` in
    /// lowercase often enough to be in the table: "letters" and "analysis" are, a
    /// newspaper's name "kompas" is not. Rules use it to tell a page's section label
    /// ("LETTERS") from a name set in capitals.
    pub fn knows_lowercase_word(&self, word: &str) -> bool {
        self.classes.contains(&word.to_lowercase())
    }

    /// Memory held by the weights, for reports.
    pub fn weight_bytes(&self) -> usize {
        self.stages.iter().map(CompactWeights::heap_bytes).sum()
    }
}

/// Mentions as (first token, end token, kind) from IOB2 (or IOB1) tags.
pub(crate) fn mentions(tags: &[Tag]) -> Vec<(usize, usize, EntityKind)> {
    let mut out: Vec<(usize, usize, EntityKind)> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        match *tag {
            Tag::I(kind) if out.last().is_some_and(|m| m.1 == i && m.2 == kind) => {
                if let Some(last) = out.last_mut() {
                    last.1 = i + 1;
                }
            }
            Tag::B(kind) | Tag::I(kind) => out.push((i, i + 1, kind)),
            Tag::O => {}
        }
    }
    out
}

/// The entity mentions of one tagged sentence as token-index ranges with their kind. The
/// greedy tagger now and then lets a mention start or end on punctuation ("*Times",
/// "Western Europe ,"); such edge tokens are dropped, so a mention always starts and ends on
/// a token with a letter or digit. `tokens` and `tags` are parallel.
pub fn entity_spans(tokens: &[&str], tags: &[Tag]) -> Vec<(Range<usize>, EntityKind)> {
    let is_word = |i: &usize| {
        tokens
            .get(*i)
            .is_some_and(|t| t.chars().any(char::is_alphanumeric))
    };
    mentions(tags)
        .into_iter()
        .filter_map(|(first, end, kind)| {
            let first = (first..end).find(is_word)?;
            let last = (first..end).rev().find(is_word)?;
            Some((first..last + 1, kind))
        })
        .collect()
}

/// Tokenises `text`, splits it into sentences, tags them as one document, and returns each
/// entity mention as a byte range into `text` with its kind, in text order.
pub fn find_entities(tagger: &Tagger, text: &str) -> Vec<(Range<usize>, EntityKind)> {
    let tokens = newsmill_text::tokenize(text);
    let sentences = newsmill_text::sentence_token_ranges(text, &tokens);
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|r| tokens[r.clone()].iter().map(|t| t.text(text)).collect())
        .collect();
    let tags = tagger.tag_document(&words);
    let mut out = Vec::new();
    for ((range, sentence_words), sentence_tags) in sentences.iter().zip(&words).zip(&tags) {
        let sentence_tokens = &tokens[range.clone()];
        for (span, kind) in entity_spans(sentence_words, sentence_tags) {
            if let (Some(a), Some(b)) = (
                sentence_tokens.get(span.start),
                sentence_tokens.get(span.end - 1),
            ) {
                out.push((a.start..b.end, kind));
            }
        }
    }
    out
}

/// Tags a CoNLL file (first column = token) and writes every input line with the predicted
/// IOB2 tag appended as a new last column; blank and `-DOCSTART-` lines are kept (the latter
/// with an `O`), so the output feeds [`crate::eval_conll`] directly.
pub fn tag_conll(tagger: &Tagger, input: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(input).with_context(|| format!("reading {}", input.display()))?;
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let mut doc_start = 0;
    while doc_start < lines.len() {
        let doc_end = (doc_start + 1..lines.len())
            .find(|&i| is_docstart(lines[i]))
            .unwrap_or(lines.len());
        write_document(tagger, &lines[doc_start..doc_end], out)?;
        doc_start = doc_end;
    }
    Ok(())
}

fn write_document(tagger: &Tagger, lines: &[&str], out: &mut dyn Write) -> anyhow::Result<()> {
    let is_token = |l: &str| !l.trim().is_empty() && !is_docstart(l);
    let mut sentences: Vec<Vec<&str>> = Vec::new();
    let mut in_sentence = false;
    for line in lines {
        if is_token(line) {
            if !in_sentence {
                sentences.push(Vec::new());
            }
            in_sentence = true;
            if let (Some(sentence), Some(token)) =
                (sentences.last_mut(), line.split_whitespace().next())
            {
                sentence.push(token);
            }
        } else {
            in_sentence = false;
        }
    }
    let tags = if sentences.len() > MAX_DOCUMENT_SENTENCES {
        // A collection of independent posts: each is its own document (as in training).
        sentences
            .iter()
            .flat_map(|s| tagger.tag_document(std::slice::from_ref(s)))
            .collect()
    } else {
        tagger.tag_document(&sentences)
    };
    let mut flat = tags.iter().flatten();
    for line in lines {
        if is_docstart(line) {
            writeln!(out, "{line} O")?;
        } else if is_token(line) {
            let tag = flat.next().copied().unwrap_or(Tag::O);
            writeln!(out, "{line} {}", tag.conll())?;
        } else {
            writeln!(out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads_and_finds_entities() {
        let tagger = Tagger::embedded();
        let text =
            "Prime Minister John Howard met U.S. officials in Baghdad on Monday, Reuters reported.";
        let found: Vec<(&str, EntityKind)> = find_entities(tagger, text)
            .into_iter()
            .map(|(r, k)| (&text[r], k))
            .collect();
        assert!(
            found.contains(&("John Howard", EntityKind::Person)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Baghdad", EntityKind::Location)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Reuters", EntityKind::Organization)),
            "{found:?}"
        );
        assert!(find_entities(tagger, "").is_empty());
        assert!(tagger.tag(&[]).is_empty());
    }

    /// The decoding shortcut for plain words after an O changes no label, also where plain
    /// words sit next to names, particles, handles, URLs and all-lowercase text.
    #[test]
    fn skipping_plain_words_changes_no_label() {
        let tagger = Tagger::embedded();
        let text = "Prime Minister John Howard met U.S. officials in Baghdad on Monday. \
            He said: \"the deal is done\", and left for the Hague with van der Walt. \
            Charles de Gaulle airport was shut; e.g. Starsky & Hutch, dot.com firms and \
            bridgetothestars.net. obama met merkel in berlin on tuesday. @bbc reported it #news. \
            The Manic Street Preachers played in Cardiff , while al-Maliki spoke in Baghdad . \
            The two presidents also agreed to create 'Television Sur', a Latin American channel, \
            marketing magazine New Media Age reported.\n\n\
            FORMER PRESIDENT BILL CLINTON VISITS NEW YORK";
        let tokens = newsmill_text::tokenize(text);
        let sentences: Vec<Vec<&str>> = newsmill_text::sentence_token_ranges(text, &tokens)
            .into_iter()
            .map(|range| {
                tokens[range]
                    .iter()
                    .map(|t| &text[t.start..t.end])
                    .collect()
            })
            .collect();
        assert!(sentences.len() > 4, "{sentences:?}");
        let mut gated = prepare_document(&sentences, &tagger.gazetteer, &tagger.classes);
        let mut full = gated.clone();
        let with = crate::decode::run_stages_with(&tagger.stages, &mut gated, true);
        let without = crate::decode::run_stages_with(&tagger.stages, &mut full, false);
        assert_eq!(with, without);
        assert!(with.iter().flatten().any(|&l| l != 0));
    }

    #[test]
    fn lowercase_vocabulary_comes_from_the_word_classes() {
        let tagger = Tagger::embedded();
        assert!(tagger.knows_lowercase_word("LETTERS"));
        assert!(tagger.knows_lowercase_word("Analysis"));
        assert!(!tagger.knows_lowercase_word("KOMPAS"));
        assert!(!tagger.knows_lowercase_word(""));
    }

    #[test]
    fn odd_text_never_panics_and_spans_are_char_boundaries() {
        let tagger = Tagger::embedded();
        let long_word = "X".repeat(10_000);
        let texts = [
            "   ",
            "…",
            "“”",
            "🙂 Paris 🙂 Łódź naïve İstanbul",
            "عمان Amman שלום Tel Aviv",
            "A\u{0301}B al- al-X -5 'Hello' O'Neill's",
            long_word.as_str(),
            "JOHN SMITH VISITS PARIS\n\nJohn Smith visited Paris.",
        ];
        for text in texts {
            for (range, _) in find_entities(tagger, text) {
                assert!(
                    range.start < range.end
                        && text.is_char_boundary(range.start)
                        && text.is_char_boundary(range.end),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn tagger_is_shareable() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Tagger>();
    }

    #[test]
    fn mentions_follow_b_and_i() {
        use EntityKind::*;
        let tags = [
            Tag::B(Person),
            Tag::I(Person),
            Tag::B(Person),
            Tag::O,
            Tag::I(Location),
            Tag::I(Misc),
        ];
        assert_eq!(
            mentions(&tags),
            vec![
                (0, 2, Person),
                (2, 3, Person),
                (4, 5, Location),
                (5, 6, Misc)
            ]
        );
    }
}
