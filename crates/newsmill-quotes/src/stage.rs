//! The `extract.quotes` stage: quotations with speakers into `annotations.quotes`.

use newsmill_core::{
    parse_options, Article, Family, Outcome, Quote, QuoteKind, Span, SpeakerType, Stage,
    StageCounters, StageError, StageFactory, StageTable,
};

use crate::attribution::CueForm;
use crate::doc::Doc;
use crate::labels::{title_case, transcript_turns};
use crate::lexicon;
use crate::options::QuoteOptions;

pub const STAGE_NAME: &str = "extract.quotes";

/// The built stage; cheap to share between threads (it holds only its options).
#[derive(Debug, Clone, Default)]
pub struct QuoteStage {
    pub options: QuoteOptions,
}

impl QuoteStage {
    pub fn new(options: QuoteOptions) -> Self {
        QuoteStage { options }
    }
}

impl Stage for QuoteStage {
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError> {
        let quotes = extract_quotes(article, &self.options);
        let speech = quotes.iter().filter(|q| q.kind != QuoteKind::Term).count() as u64;
        let named = quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Term && q.speaker.is_some())
            .count() as u64;
        counters.add("quotes", speech);
        counters.add("quotes_with_speaker", named);
        if self.options.include_terms {
            counters.add("quoted_terms", quotes.len() as u64 - speech);
        }
        article.annotations.quotes = quotes;
        Ok(Outcome::Keep)
    }
}

fn build(table: &StageTable) -> Result<Box<dyn Stage>, Vec<newsmill_core::ConfigIssue>> {
    let options: QuoteOptions = parse_options(table)?;
    let issues = options.validate(table);
    if !issues.is_empty() {
        return Err(issues);
    }
    Ok(Box::new(QuoteStage::new(options)))
}

pub fn factory() -> StageFactory {
    StageFactory {
        name: STAGE_NAME,
        summary: "Direct quotations with speaker, speech verb and kind (full, partial; terms on request)",
        options: newsmill_core::option_docs::<QuoteOptions>,
        example: "[[stage]]\nuse = \"extract.quotes\"\ninclude_terms = false\nmin_words = 5\nmin_cued_words = 2\nuse_entities = true\n",
        reads: &[Family::Entities],
        writes: &[Family::Quotes],
        build,
    }
}

/// Groups runs that one attribution interrupts ("“...,” he said, “...”") into one quotation.
fn group_runs(doc: &Doc) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for r in 0..doc.runs.len() {
        let joins = groups
            .last()
            .and_then(|g| g.last())
            .is_some_and(|&prev| interrupted(doc, prev, r));
        match groups.last_mut() {
            Some(group) if joins => group.push(r),
            _ => groups.push(vec![r]),
        }
    }
    groups
}

fn interrupted(doc: &Doc, first: usize, second: usize) -> bool {
    let Some(&(b1, i)) = doc.piece_tok.get(first).and_then(|p| p.last()) else {
        return false;
    };
    let Some(&(b2, j)) = doc.piece_tok.get(second).and_then(|p| p.first()) else {
        return false;
    };
    if b1 != b2
        || b1 == usize::MAX
        || j <= i + 1
        || doc.sentence_of(b1, i) != doc.sentence_of(b1, j)
    {
        return false;
    }
    let toks = &doc.toks[b1];
    let text = doc.texts[b1];
    // "author of ''America's Unwritten Constitution,'' put it, ''…''": a first run that a
    // word governs is a name inside the sentence, not the opening part of the speech.
    let governed = doc
        .piece_tok
        .get(first)
        .and_then(|p| p.first())
        .and_then(|&(b, open)| open.checked_sub(1).filter(|_| b == b1))
        .is_some_and(|p| toks[p].is_word() && doc.sentence_of(b1, p) == doc.sentence_of(b1, i));
    if governed {
        return false;
    }
    let first_piece_text = doc.runs[first]
        .pieces
        .last()
        .map_or("", |p| text.get(p.start..p.end).unwrap_or(""));
    let comma_after_first = first_piece_text.trim_end().ends_with(',') || toks[i + 1].is_punct(',');
    let between = (i + 1)..j;
    let has_cue = between.clone().any(|k| doc.cue_form(b1, k).is_some());
    let no_other_quote = between.clone().all(|k| toks[k].quote().is_none());
    let ends_open = toks[j - 1].is_punct(',') || toks[j - 1].is_punct(':');
    comma_after_first && has_cue && no_other_quote && ends_open && j - i <= 12
}

/// The text of a group: pieces of one run joined by a space, interrupted runs by " … ".
fn group_text(doc: &Doc, group: &[usize]) -> String {
    let parts: Vec<String> = group
        .iter()
        .map(|&r| {
            doc.runs[r]
                .pieces
                .iter()
                .map(|p| {
                    doc.texts
                        .get(p.block)
                        .and_then(|t| t.get(p.start..p.end))
                        .unwrap_or("")
                        .trim()
                })
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    parts
        .join(" … ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn cue_text(doc: &Doc, block: usize, tok: usize, form: CueForm) -> Option<String> {
    match form {
        CueForm::AccordingTo => Some("according to".to_string()),
        _ => doc
            .word(block, tok)
            .map(|verb| match doc.word(block, tok + 1) {
                Some(particle) if lexicon::is_phrasal_cue(verb, particle) => {
                    format!("{verb} {particle}")
                }
                _ => verb.to_string(),
            }),
    }
}

/// `“Not only can he win.” / “He may be the only one,” Viguerie notes.`: a full
/// quotation still without a speaker or cue takes the speaker of the quotation right after
/// it when that one starts in the same or the next paragraph (a run of quoted paragraphs
/// attributed at its end). Runs backwards so a chain of such paragraphs is named.
fn name_from_next_quotation(doc: &Doc, quotes: &mut [Quote], blocks: &[(usize, usize)]) {
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        let open = quotes[i].kind == QuoteKind::Full
            && quotes[i].speaker.is_none()
            && quotes[i].cue.is_none();
        let next = &quotes[i + 1];
        if !open || next.kind == QuoteKind::Term || blocks[i + 1].0 > blocks[i].1 + 1 {
            continue;
        }
        if let Some(name) = next.speaker.clone() {
            quotes[i].speaker_type = doc.speaker_type(Some(&name));
            quotes[i].speaker = Some(name);
        }
    }
}

/// Finds the quotations of an article (the stage's work, without counters).
/// A partial quotation with no cue and no named subject, in the sentence right after the
/// one where the previous quotation ended (same paragraph), carries on that quotation's
/// speaker when its own sentence names no other person: "''It's an enormous moment,'' said
/// Steve Schmidt. Unless rivals quit, ''it's very difficult to see how he is stopped.''" and
/// "We “would like to get into it”" are the words of the speaker just quoted.
fn continues_partial(
    doc: &Doc,
    previous: &Option<(usize, Option<String>)>,
    (b1, q1): (usize, usize),
    (b2, q2): (usize, usize),
) -> Option<String> {
    let (prev_sentence, speaker) = previous.as_ref()?;
    let sentence = doc.sentence_of(b1, q1);
    if prev_sentence + 1 != sentence || doc.sents.get(*prev_sentence)?.0 != b1 {
        return None;
    }
    let range = doc.sentence_range(b1, q1);
    let after = if b2 == b1 { q2 + 1..range.end } else { 0..0 };
    if doc.person_starts_in(b1, range.start..q1) || doc.person_starts_in(b1, after) {
        return None;
    }
    speaker.clone()
}

pub fn extract_quotes(article: &Article, options: &QuoteOptions) -> Vec<Quote> {
    let has_mark = article
        .blocks
        .iter()
        .any(|b| b.text.contains(['"', '“', '”', '„', '«', '»']) || b.text.contains("''"));
    let block_texts: Vec<&str> = article
        .blocks
        .iter()
        .map(|b| if b.is_heading() { "" } else { b.text.as_str() })
        .collect();
    let turns = transcript_turns(&block_texts);
    if !has_mark && turns.is_empty() {
        return Vec::new();
    }
    let doc = Doc::new(article, options.use_entities);
    let mut quotes = Vec::new();
    let in_turn = |block: usize| turns.iter().any(|t| t.block == block);
    // The last speech quotation's speaker and block, for quotations that continue it.
    let mut previous: Option<(usize, Option<String>)> = None;
    // The sentence the last speech quotation ended in, with its speaker.
    let mut previous_sentence: Option<(usize, Option<String>)> = None;
    // First and last block of each quotation pushed, for the look-ahead below.
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    for group in group_runs(&doc) {
        let (Some(&first_run), Some(&last_run)) = (group.first(), group.last()) else {
            continue;
        };
        let Some(&(b1, q1)) = doc.piece_tok[first_run].first() else {
            continue;
        };
        let Some(&(b2, q2)) = doc.piece_tok[last_run].last() else {
            continue;
        };
        if b1 == usize::MAX || b2 == usize::MAX || in_turn(b1) {
            // Marks inside a transcript turn are part of that turn's speech.
            continue;
        }
        let text = group_text(&doc, &group);
        let Some(first_piece) = doc.runs[first_run].pieces.first().copied() else {
            continue;
        };
        let first_text = doc.texts[b1]
            .get(first_piece.start..first_piece.end)
            .unwrap_or("");
        // A label before the quotation ("Gerald F. Seib, The Wall Street Journal: “…”")
        // names the speaker; no speech verb is looked for then.
        let label = doc
            .label_speaker(b1, q1)
            .or_else(|| doc.byline_speaker(b2, q2));
        let mut cue = if label.is_some() {
            None
        } else {
            doc.find_cue(b1, q1, false)
        };
        if cue.is_none() && label.is_none() && b2 != b1 {
            cue = doc.find_cue(b2, q2, true);
        }
        let cued = cue.is_some() || label.is_some();
        let kind = doc.classify(b1, q1, first_text, cued, options);
        let span = Span::new(b1, first_piece.start, first_piece.end);
        if kind == QuoteKind::Term {
            if options.include_terms {
                quotes.push(Quote {
                    speaker: None,
                    speaker_mention: None,
                    cue: None,
                    text,
                    kind,
                    span,
                    speaker_type: SpeakerType::Unknown,
                });
            }
            continue;
        }
        // A quotation with no cue of its own continues the speaker of the sentence just
        // before it when that sentence names one with a speech verb (indirect speech), else
        // the previous quotation's speaker when it is in this or the previous paragraph.
        let sentence = doc.sentence_of(b1, q1);
        // `uncued`: the quotation has no speech verb at all (a cue without a subject, "And
        // continued: …", carries on the last quotation's speaker).
        let continues = |prev: &Option<(usize, Option<String>)>, uncued: bool| {
            sentence
                .checked_sub(1)
                .filter(|&s| doc.sents[s].0 + 1 >= b1)
                .and_then(|s| doc.sentence_speaker(s))
                .or_else(|| {
                    // "Sen. Bernie Sanders … identified young voters' exhaustion as one
                    // of the reasons. “The younger people are …”": a quotation after a
                    // sentence of its own paragraph about a person is that person's, not
                    // the speaker of a quotation in an earlier paragraph.
                    let earlier_paragraph = !prev.as_ref().is_some_and(|(block, _)| *block == b1);
                    let s = sentence.checked_sub(1)?;
                    (uncued && earlier_paragraph && doc.sents.get(s)?.0 == b1)
                        .then(|| doc.named_person_subject(s))
                        .flatten()
                })
                .or_else(|| {
                    prev.as_ref()
                        .filter(|(block, _)| b1 <= block + 1)
                        .and_then(|(_, s)| s.clone())
                })
                .or_else(|| {
                    // "Viguerie is upbeat about Cruz's chances. / “Not only can …”": a
                    // quotation that opens the paragraph after a sentence about someone
                    // is that person's.
                    let s = sentence.checked_sub(1)?;
                    let (block, range) = doc.sents.get(s)?;
                    if *block + 1 != b1 || doc.sentence_range(b1, q1).start != q1 {
                        return None;
                    }
                    // "The New York Times reports: / “…”", "Sanders made the following
                    // comment: / “…”": a paragraph that ends in a colon introduces the
                    // quotation that opens the next, whoever its subject is.
                    let introduces = range.end > range.start
                        && doc.toks[*block]
                            .get(range.end - 1)
                            .is_some_and(|t| t.is_punct(':'));
                    doc.sentence_subject(*block, range.start, range.end)
                        .name
                        .filter(|name| {
                            // An upper-case dateline ("LOS ANGELES —") is no subject.
                            name.chars().any(char::is_lowercase)
                                && match doc.speaker_type(Some(name)) {
                                    newsmill_core::SpeakerType::Person => true,
                                    newsmill_core::SpeakerType::Organisation => introduces,
                                    newsmill_core::SpeakerType::Unknown => false,
                                }
                        })
                })
        };
        let (speaker, speaker_mention, cue_word) = match cue {
            None if label.is_some() => {
                let found = label.unwrap_or_default();
                (found.name, found.mention, None)
            }
            Some(c) => {
                let found = doc.speaker_for_cue(c);
                let cue_word = cue_text(&doc, c.block, c.tok, c.form);
                if found.name.is_none() && found.mention.is_none() {
                    // A cue without a subject ("And continued: ...") carries on the last speaker.
                    (continues(&previous, false), None, cue_word)
                } else {
                    (found.name, found.mention, cue_word)
                }
            }
            // "Politico reveals a few relevant facts: “…”": a colon with no speech verb
            // introduces the quotation of the sentence's subject.
            None if doc.after_colon(b1, q1) => {
                let start = doc.sentence_range(b1, q1).start;
                let found = doc
                    .role_introduced_person(b1, q1 - 1)
                    .unwrap_or_else(|| doc.sentence_subject(b1, start, q1 - 1));
                match found.name {
                    Some(_) => (found.name, found.mention, None),
                    None if kind == QuoteKind::Full => (continues(&previous, true), None, None),
                    None => (None, None, None),
                }
            }
            None => {
                // "Huckabee is labeling Obama's actions “a blatant abuse of power”": a
                // quotation inside a reporter's sentence with no speech verb is the words
                // of that sentence's subject when it names someone.
                let start = doc.sentence_range(b1, q1).start;
                let found = if let Some(owner) = doc.possessive_speaker(b1, q1) {
                    owner
                } else if q1 > start {
                    doc.sentence_subject(b1, start, q1)
                } else {
                    Default::default()
                };
                match found.name {
                    Some(_) => (found.name, found.mention, None),
                    None if kind == QuoteKind::Full => (continues(&previous, true), None, None),
                    None => (
                        continues_partial(&doc, &previous_sentence, (b1, q1), (b2, q2)),
                        None,
                        None,
                    ),
                }
            }
        };
        previous = Some((b2, speaker.clone()));
        previous_sentence = Some((doc.sentence_of(b2, q2), speaker.clone()));
        let speaker_type = doc.speaker_type(speaker.as_deref());
        blocks.push((b1, b2));
        quotes.push(Quote {
            speaker,
            speaker_mention,
            cue: cue_word,
            text,
            kind,
            span,
            speaker_type,
        });
    }
    name_from_next_quotation(&doc, &mut quotes, &blocks);
    for turn in &turns {
        let speaker = doc.aliases.fold(&title_case(&turn.label));
        let speaker_type = doc.speaker_type(Some(&speaker));
        quotes.push(Quote {
            speaker: Some(speaker),
            speaker_mention: Some(turn.label.clone()),
            cue: None,
            text: block_texts[turn.block][turn.text.clone()].to_string(),
            kind: QuoteKind::Full,
            span: Span::new(turn.block, turn.text.start, turn.text.end),
            speaker_type,
        });
    }
    quotes.sort_by_key(|q| (q.span.block, q.span.start));
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed_tests::article_from_paragraphs;
    use newsmill_core::{Entity, EntityKind, EntityMention};

    fn quotes(text: &str) -> Vec<Quote> {
        extract_quotes(&article_from_paragraphs(text), &QuoteOptions::default())
    }

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        quotes(text)
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    #[test]
    fn every_example_builds_and_bad_options_are_reported() {
        for factory in crate::factories() {
            newsmill_core::testing::check_factory(&factory);
        }
        let bad = StageTable::from_options(STAGE_NAME, "min_word = 3\nmin_cued_words = 0");
        let issues = (factory().build)(&bad).err().unwrap();
        assert_eq!(issues[0].suggestion.as_deref(), Some("min_words"));
        let zero = StageTable::from_options(STAGE_NAME, "min_cued_words = 0");
        let issues = (factory().build)(&zero).err().unwrap();
        assert_eq!(issues[0].key.as_deref(), Some("min_cued_words"));
    }

    #[test]
    fn interrupted_quotation_is_one_quote_in_two_parts() {
        let q = quotes("\"I fully welcome the words of Mr Snow,\" said Joaquin Almunia, \"but we will need to see decisions.\"");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].text,
            "I fully welcome the words of Mr Snow, … but we will need to see decisions."
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Joaquin Almunia"));
        assert_eq!(q[0].cue.as_deref(), Some("said"));
        assert_eq!(q[0].kind, QuoteKind::Full);
    }

    #[test]
    fn attribution_forms() {
        assert_eq!(
            speakers(
                "The plan is \"deeply flawed and dangerous\", according to Amnesty International."
            ),
            vec![(
                "deeply flawed and dangerous".to_string(),
                Some("Amnesty International".to_string())
            )]
        );
        assert_eq!(
            speakers("Joyce Johnston, principal of the college, said: \"It is very fitting.\""),
            vec![(
                "It is very fitting.".to_string(),
                Some("Joyce Johnston".to_string())
            )]
        );
        assert_eq!(
            speakers("\"We will win,\" BA chairman Martin Broughton said."),
            vec![(
                "We will win,".to_string(),
                Some("Martin Broughton".to_string())
            )]
        );
        assert_eq!(
            speakers(
                "\"He's been ripping people off,\" AP quoted prosecutor Russell McGuire as saying."
            ),
            vec![(
                "He's been ripping people off,".to_string(),
                Some("Russell McGuire".to_string())
            )]
        );
    }

    #[test]
    fn pronouns_roles_and_continuations_name_earlier_speakers() {
        let text = "Home Secretary Charles Clarke met police chiefs on Monday.\n\n\
                    The home secretary said the plan was \"a sensible first step\".\n\n\
                    \"We will not back down,\" he said. \"Nobody should doubt it.\"";
        let got = speakers(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got.iter()
                .all(|(_, s)| s.as_deref() == Some("Charles Clarke")),
            "{got:?}"
        );
    }

    #[test]
    fn multi_paragraph_and_unbalanced_quotations() {
        let q = quotes("He said: \"First paragraph.\n\n\"Second paragraph.\"\n\nThe \"unclosed one starts here\n\nand the article goes on normally.");
        assert_eq!(q[0].text, "First paragraph. Second paragraph.");
        assert_eq!(q[0].speaker, None);
        assert!(q.iter().all(|q| !q.text.contains("goes on")), "{q:?}");
    }

    #[test]
    fn speakers_come_from_entity_mentions_when_present() {
        let text =
            "Prime Minister al-Maliki declared that the sit-in \"has turned into a headquarters\".";
        let mut article = article_from_paragraphs(text);
        let start = text.find("al-Maliki").unwrap();
        article.annotations.entities = vec![Entity {
            kind: EntityKind::Person,
            name: "Nuri al-Maliki".into(),
            aliases: vec!["al-Maliki".into()],
            mentions: 1,
            first: Span::new(0, start, start + 9),
        }];
        article.annotations.mentions = vec![EntityMention {
            span: Span::new(0, start, start + 9),
            surface: "al-Maliki".into(),
            kind: EntityKind::Person,
            entity: 0,
        }];
        let q = extract_quotes(&article, &QuoteOptions::default());
        assert_eq!(q[0].speaker.as_deref(), Some("Nuri al-Maliki"));
        assert_eq!(
            q[0].speaker_mention.as_deref(),
            Some("Prime Minister al-Maliki")
        );
        let text_only = extract_quotes(
            &article,
            &QuoteOptions {
                use_entities: false,
                ..QuoteOptions::default()
            },
        );
        assert_eq!(text_only[0].speaker.as_deref(), Some("al-Maliki"));
    }

    /// The speaker of each quotation when the entity stage found `mentions` (surface, entity
    /// name, kind) at every occurrence of each surface, as it might misread them.
    fn speakers_with_mentions(
        text: &str,
        mentions: &[(&str, &str, EntityKind)],
    ) -> Vec<Option<String>> {
        let mut article = article_from_paragraphs(text);
        for (entity, (surface, name, kind)) in mentions.iter().enumerate() {
            for (start, _) in text.match_indices(surface) {
                let span = Span::new(0, start, start + surface.len());
                article.annotations.mentions.push(EntityMention {
                    span,
                    surface: (*surface).into(),
                    kind: *kind,
                    entity,
                });
            }
            let start = text.find(surface).expect("surface in text");
            article.annotations.entities.push(Entity {
                kind: *kind,
                name: (*name).into(),
                aliases: vec![],
                mentions: 1,
                first: Span::new(0, start, start + surface.len()),
            });
        }
        article
            .annotations
            .mentions
            .sort_by_key(|m| (m.span.block, m.span.start));
        extract_quotes(&article, &QuoteOptions::default())
            .into_iter()
            .map(|q| q.speaker)
            .collect()
    }

    #[test]
    fn a_name_in_the_headline_is_no_speaker_candidate_and_no_panic() {
        // Headings are not tokenised; a mention there once sent the role lookup into
        // another block's sentence (a panic on a real page).
        let mut article = article_from_paragraphs(
            "# Minister Tom Lee visits the flood zone\n\n\
             Flood waters rose again on Monday across the whole region and beyond.\n\n\
             \"We will rebuild every house,\" the minister said.",
        );
        let span = Span::new(0, 9, 16);
        article.annotations.entities = vec![Entity {
            kind: EntityKind::Person,
            name: "Tom Lee".into(),
            aliases: vec![],
            mentions: 1,
            first: span,
        }];
        article.annotations.mentions = vec![EntityMention {
            span,
            surface: "Tom Lee".into(),
            kind: EntityKind::Person,
            entity: 0,
        }];
        let q = extract_quotes(&article, &QuoteOptions::default());
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].text, "We will rebuild every house,");
    }

    #[test]
    fn entity_mistakes_do_not_become_speakers() {
        use EntityKind::{Location, Misc, Organization, Person};
        // A name cut short by the entity stage: the attribution's fuller name speaks.
        let got = speakers_with_mentions(
            "\"It is over,\" said Nick Van den Brul.",
            &[("Nick Van", "Nick Van", Person)],
        );
        assert_eq!(got, [Some("Nick Van den Brul".to_string())]);
        // A speaking surname typed as an organisation is still who "she" refers to.
        let got = speakers_with_mentions(
            "McLenney said Clinton does not show consistency. \"It is only when the media notices,\" she said.",
            &[
                ("McLenney", "McLenney", Organization),
                ("Clinton", "Hillary Clinton", Person),
            ],
        );
        assert_eq!(got, [Some("McLenney".to_string())]);
        // A place in the attribution phrase does not speak for the person named there.
        let got = speakers_with_mentions(
            "\"We were unlucky,\" Tynecastle groundsman Bob Smith said.",
            &[("Tynecastle", "Tynecastle", Location)],
        );
        assert_eq!(got, [Some("Bob Smith".to_string())]);
        // A stadium typed as a person inside an opening adverbial phrase is not the subject
        // a later "he" refers to.
        let got = speakers_with_mentions(
            "With the game moved from Tynecastle, Robertson sees a chance. \"The pitch is fine,\" he said.",
            &[
                ("Tynecastle", "Tynecastle", Person),
                ("Robertson", "John Robertson", Person),
            ],
        );
        assert_eq!(got, [Some("John Robertson".to_string())]);
        // A speaking person typed as an organisation is still who "he" refers to.
        let got = speakers_with_mentions(
            "Joss Whedon described Wonder Woman as \"the most iconic heroine of our time\". \"In a way, no one has met her yet,\" he said.",
            &[
                ("Joss Whedon", "Joss Whedon", Organization),
                ("Wonder Woman", "Wonder Woman", Person),
            ],
        );
        assert_eq!(got[1].as_deref(), Some("Joss Whedon"), "{got:?}");
        // Mentions leave titles out, yet "said Mr Clarke" still names the speaker of the
        // sentence "he" looks back to, rather than the subject of its reported speech.
        let got = speakers_with_mentions(
            "The man Mr Martin shot had said the rules were unfair, said Mr Clarke. He said: \"The problem is a lack of understanding.\"",
            &[
                ("Martin", "Tony Martin", Person),
                ("Clarke", "Charles Clarke", Person),
            ],
        );
        assert_eq!(got, [Some("Charles Clarke".to_string())]);
        // A name before a role word is the role's organisation, even when typed as a person.
        let got = speakers_with_mentions(
            "Ofsted chief inspector David Bell visited the school. The Ofsted chief said his report would \"make particular reference to faith schools\".",
            &[
                ("Ofsted", "Ofsted", Person),
                ("David Bell", "David Bell", Person),
            ],
        );
        assert_eq!(got, [Some("David Bell".to_string())]);
        // An organisation typed as a thing is still what "it" refers to.
        let got = speakers_with_mentions(
            "The British Chambers of Commerce welcomed the plan. \"This is the best of both worlds,\" it said.",
            &[(
                "British Chambers of Commerce",
                "British Chambers of Commerce",
                Misc,
            )],
        );
        assert_eq!(got, [Some("British Chambers of Commerce".to_string())]);
    }

    #[test]
    fn stage_fills_annotations_and_counters() {
        let mut article =
            article_from_paragraphs("\"We won,\" she said. The so-called \"experts\" disagreed.");
        let mut counters = StageCounters::default();
        let stage = QuoteStage::default();
        assert_eq!(
            stage.process(&mut article, &mut counters),
            Ok(Outcome::Keep)
        );
        assert_eq!(article.annotations.quotes.len(), 1);
        assert_eq!(counters.0.get("quotes"), Some(&1));
    }
}
