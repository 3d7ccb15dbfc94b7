//! Who said a quotation, part one: finds the speech cue in the quotation's sentence ("X
//! said", "said X", "according to X", "X, the spokesman, said", "..., declaring that") and
//! the noun phrase that is its subject. [`crate::resolve`] names what the phrase refers to.

use std::ops::Range;

use crate::doc::Doc;
use crate::lexicon;
use crate::names::CandKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// "said", "told", "warned".
    Finite,
    /// "saying", "declaring": the speaker is the sentence's subject.
    Participle,
    /// "according to X".
    AccordingTo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub block: usize,
    pub tok: usize,
    pub form: CueForm,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speaker {
    pub name: Option<String>,
    /// The words that named the speaker at the cue.
    pub mention: Option<String>,
}

pub(crate) const PERSON_PRONOUNS: &[&str] = &["he", "she"];
pub(crate) const GROUP_PRONOUNS: &[&str] = &["it", "they"];

/// A pronoun's lowercase form without a contracted verb: "he's said" and "she'd told"
/// have "he" and "she" as subject, "I'm" is "i".
pub(crate) fn pronoun_base(word: &str) -> String {
    let w = word.to_lowercase();
    let Some(at) = w.find(['\'', '’']) else {
        return w;
    };
    // "It's" is mostly "it is" with no referent ("It's the pull of …"): left as it is.
    match &w[at + w[at..].chars().next().map_or(1, char::len_utf8)..] {
        "s" | "d" | "ll" | "ve" | "re" | "m" if &w[..at] != "it" => w[..at].to_string(),
        _ => w,
    }
}

pub(crate) fn is_pronoun(word: &str) -> bool {
    let w = pronoun_base(word);
    PERSON_PRONOUNS.contains(&w.as_str())
        || GROUP_PRONOUNS.contains(&w.as_str())
        || w == "we"
        || w == "i"
}

pub(crate) fn is_spokesperson(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "spokesman" | "spokeswoman" | "spokesperson" | "official"
    )
}

pub(crate) fn is_determiner(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "the" | "a" | "an")
}

pub(crate) use crate::names::is_capitalised;

pub(crate) fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with("s'") || word.ends_with("s’")
}

/// Words a speaker's noun phrase is made of.
fn is_np_word(word: &str) -> bool {
    is_capitalised(word)
        || is_determiner(word)
        || lexicon::is_role_word(word)
        || lexicon::is_org_head(word)
        || lexicon::is_name_particle(word)
        || word
            .split_once('-')
            .is_some_and(|(h, r)| lexicon::is_name_particle(h) && is_capitalised(r))
        || (is_possessive(word) && word.len() > 3)
        || is_age(word)
        || is_ordinal(word)
}

/// "Air Force 1st Lt. Tyler Livingston": a rank's ordinal.
fn is_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// "76-year-old Morton Blackwell": an age before a name belongs to its phrase.
fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

impl Doc<'_> {
    pub fn cue_form(&self, block: usize, tok: usize) -> Option<CueForm> {
        let word = self.word(block, tok)?;
        if (lexicon::is_finite_cue(word) || self.is_reporting_verb(block, tok, word))
            && !self.is_plural_noun_use(block, tok, word)
            || self
                .word(block, tok + 1)
                .is_some_and(|next| lexicon::is_phrasal_cue(word, next))
        {
            // Checked only for cue words: cue_form runs on every token of many scans.
            (!self.is_passive(block, tok, word)).then_some(CueForm::Finite)
        } else if lexicon::is_participle_cue(word) {
            Some(CueForm::Participle)
        } else if word.eq_ignore_ascii_case("according")
            && self
                .word(block, tok + 1)
                .is_some_and(|w| w.eq_ignore_ascii_case("to"))
        {
            Some(CueForm::AccordingTo)
        } else {
            None
        }
    }

    /// "late-night tweets", "Trump's tweets", "his notes", "the questions": a cue word in
    /// its "-s" form after a determiner, a possessive or a lowercase hyphenated adjective is
    /// a plural noun, not a verb (the speech verb of "Clinton says Trump's late-night tweets
    /// were “unhinged”" is "says").
    fn is_plural_noun_use(&self, block: usize, tok: usize, word: &str) -> bool {
        if !word.ends_with('s') || word.ends_with("ss") {
            return false;
        }
        let Some(prev) = tok.checked_sub(1).and_then(|p| self.word(block, p)) else {
            return false;
        };
        let lowercase_compound = prev.contains('-') && prev.starts_with(char::is_lowercase);
        lowercase_compound
            || is_possessive(prev)
            || matches!(
                prev.to_lowercase().as_str(),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "these"
                    | "those"
                    | "some"
                    | "many"
                    | "several"
                    | "few"
                    | "of"
                    | "whose"
                    | "recent"
                    | "latest"
                    | "earlier"
                    | "angry"
            )
    }

    /// "The New York Times reports:", "CNN reports that": "reports" is a speech verb after
    /// a name or a pronoun; after a common noun it is one ("news reports", "credit reports").
    fn is_reporting_verb(&self, block: usize, tok: usize, word: &str) -> bool {
        word == "reports"
            && tok
                .checked_sub(1)
                .and_then(|p| self.word(block, p))
                .is_some_and(|prev| {
                    is_capitalised(prev)
                        || matches!(prev, "it" | "he" | "she" | "they" | "who" | "which")
                })
    }

    /// Whether a person's name follows the verb at `k` and closes its clause (a full
    /// stop, a comma, or the end of the sentence after it), as in "…, said Steve Elmendorf,
    /// a strategist." and not "Clinton, 69, said the party is …".
    fn inverted_name_closes(&self, block: usize, k: usize, end: usize) -> bool {
        let verb = self.word(block, k).unwrap_or("");
        // "…, Blunt said of Cruz.": the name after "of" is what was spoken about.
        let about = self
            .word(block, k + 1)
            .is_some_and(|w| matches!(w, "of" | "for" | "about" | "to" | "at"));
        if lexicon::is_non_inverting_cue(verb) || about {
            return false;
        }
        let Some(np) = self.np_forward(block, k + 1, end, true) else {
            return false;
        };
        let names_person = self
            .cands
            .iter()
            .zip(&self.cand_pos)
            .any(|(c, &(_, f, l))| {
                c.block == block && c.kind == CandKind::Person && np.contains(&f) && l + 1 == np.end
            });
        names_person
            && self.toks[block]
                .get(np.end)
                .map_or(true, |t| t.is_punct('.') || t.is_punct(','))
    }

    /// Whether a person candidate's name starts at a token of `range` in `block`.
    pub(crate) fn person_starts_in(&self, block: usize, range: Range<usize>) -> bool {
        self.cands
            .iter()
            .zip(&self.cand_pos)
            .any(|(c, &(_, first, _))| {
                c.block == block && c.kind == CandKind::Person && range.contains(&first)
            })
    }

    /// Whether the cue at `k` is a phrasal one ("put it", "shot back").
    fn is_phrasal_cue_at(&self, block: usize, k: usize) -> bool {
        self.word(block, k)
            .zip(self.word(block, k + 1))
            .is_some_and(|(w, next)| lexicon::is_phrasal_cue(w, next))
    }

    /// "when questioned", "he was asked", "if told": a participle after a form of "be" or
    /// a clause opener is passive; its subject is spoken to, not speaking.
    fn is_passive(&self, block: usize, tok: usize, word: &str) -> bool {
        let participle = word.ends_with("ed") || matches!(word, "told" | "said");
        participle
            && tok
                .checked_sub(1)
                .and_then(|p| self.word(block, p))
                .is_some_and(|w| {
                    [
                        "when", "if", "once", "unless", "was", "were", "is", "are", "been",
                        "being", "be", "get", "got", "gets",
                    ]
                    .iter()
                    .any(|opener| w.eq_ignore_ascii_case(opener))
                })
    }

    /// The speech cue for the quotation token `q`: an attribution right after it
    /// ("…,” he said"), else the nearest cue before it in the sentence, else any after it.
    pub fn find_cue(&self, block: usize, q: usize, right_only: bool) -> Option<Cue> {
        let range = self.sentence_range(block, q);
        let toks = &self.toks[block];
        let text = self.texts[block];
        let mut j = q + 1;
        if toks.get(j).is_some_and(|t| t.is_punct(',')) {
            j += 1;
        }
        for k in j..(j + 8).min(range.end) {
            let tok = &toks[k];
            match self.cue_form(block, k) {
                Some(CueForm::AccordingTo) if k == j => {
                    return Some(Cue {
                        block,
                        tok: k,
                        form: CueForm::AccordingTo,
                    })
                }
                Some(CueForm::Finite) => {
                    let next = toks.get(k + 1);
                    let introduces_more = next.is_some_and(|n| {
                        n.quote().is_some()
                            || n.is_punct(':')
                            || n.text(text).eq_ignore_ascii_case("that")
                    });
                    if introduces_more {
                        break;
                    }
                    return Some(Cue {
                        block,
                        tok: k,
                        form: CueForm::Finite,
                    });
                }
                _ => {}
            }
            let np_like = tok.is_word()
                && (is_np_word(tok.text(text)) || is_pronoun(tok.text(text)))
                || tok.is_punct('.')
                || tok.is_punct(',');
            if !np_like {
                break;
            }
        }
        if !right_only {
            for k in (range.start..q).rev() {
                if let Some(form) = self.cue_form(block, k) {
                    return Some(Cue {
                        block,
                        tok: k,
                        form,
                    });
                }
            }
        }
        ((q + 1)..range.end)
            .find_map(|k| {
                self.cue_form(block, k).map(|form| Cue {
                    block,
                    tok: k,
                    form,
                })
            })
            .or_else(|| self.next_sentence_attribution(block, q))
    }

    /// `"… Katy." Trump said to cheers`: a quotation closed with a full stop (or ! ?) before
    /// its attribution, which the splitter puts in a sentence of its own. The next sentence
    /// counts when it opens with a noun phrase and a finite speech verb that introduces
    /// nothing else (no quotation, colon or "that" after it).
    fn next_sentence_attribution(&self, block: usize, q: usize) -> Option<Cue> {
        let toks = &self.toks[block];
        let text = self.texts[block];
        if self.sentence_range(block, q).end != q + 1 || q + 1 >= toks.len() {
            return None;
        }
        let n = q + 1;
        if toks[n].is_word() && lexicon::is_capitalised_function_word(toks[n].text(text)) {
            // "But Age Concern said ...": a new sentence, not this quotation's attribution.
            return None;
        }
        let next = self.sentence_range(block, n);
        for k in n..(n + 8).min(next.end) {
            if self.cue_form(block, k) == Some(CueForm::Finite) {
                let after = toks.get(k + 1);
                let introduces_more = after.is_some_and(|t| {
                    t.quote().is_some()
                        || t.is_punct(':')
                        || t.text(text).eq_ignore_ascii_case("that")
                });
                // The verb must close the attribution: punctuation, a time word or a
                // prepositional phrase after it ("said to cheers", "said on Monday"), not
                // an object or clause of its own ("said imposing a retirement age ...",
                // "continues to live in ...").
                let verb = toks[k].text(text);
                let closes = after.map_or(true, |t| {
                    let w = t.text(text);
                    // "Trump shot back.": the particle, then the end.
                    if lexicon::is_phrasal_cue(verb, w) {
                        return toks.get(k + 2).map_or(true, |t| !t.is_word());
                    }
                    !t.is_word()
                        || lexicon::is_time_word(w)
                        || (w == "to" && matches!(verb, "said" | "says"))
                        // "Smith told reporters.": the short object of a verb that
                        // takes one, then the end.
                        || (lexicon::is_non_inverting_cue(verb)
                            && self.short_object_ends(block, k + 1, next.end))
                        || matches!(
                            w,
                            // "Smith said last week"
                            "last" | "this" | "early" | "late" | "afterward"
                                | "in" | "at"
                                | "on"
                                | "during"
                                | "after"
                                | "before"
                                | "with"
                                | "while"
                                | "from"
                                | "as"
                                | "when"
                                | "later"
                                | "again"
                                | "recently"
                                | "then"
                        )
                });
                return (k > n && !introduces_more && closes).then_some(Cue {
                    block,
                    tok: k,
                    form: CueForm::Finite,
                });
            }
            let word = toks[k].is_word().then(|| toks[k].text(text));
            let np_like = word.is_some_and(|w| {
                is_np_word(w)
                    || is_pronoun(w)
                    || lexicon::is_auxiliary(w)
                    || lexicon::is_time_word(w)
            }) || toks[k].is_punct('.');
            if !np_like {
                return None;
            }
        }
        None
    }

    /// Whether tokens from `from` to the sentence end at `end` are a short object and
    /// closing punctuation ("reporters.", "the Associated Press on Monday."): at most four
    /// words, no speech verb and no "that".
    fn short_object_ends(&self, block: usize, from: usize, end: usize) -> bool {
        let toks = &self.toks[block];
        let text = self.texts[block];
        let words = toks[from..end].iter().take_while(|t| t.is_word()).count();
        let closed = toks[from + words..end]
            .iter()
            .all(|t| t.is_punct('.') || t.is_punct('!') || t.is_punct('?'));
        (1..=4).contains(&words)
            && closed
            && (from..from + words).all(|k| {
                let w = toks[k].text(text);
                w != "that" && !is_pronoun(w) && self.cue_form(block, k).is_none()
            })
    }

    pub fn speaker_for_cue(&self, cue: Cue) -> Speaker {
        let Cue {
            block,
            tok: k,
            form,
        } = cue;
        let range = self.sentence_range(block, k);
        match form {
            CueForm::AccordingTo => match self.np_forward(block, k + 2, range.end, true) {
                Some(np) => self.resolve_np(block, np, false),
                None => Speaker::default(),
            },
            CueForm::Participle => {
                // "AP quoted prosecutor Russell McGuire as saying": the quoted person.
                let as_before = k > range.start && self.word(block, k - 1) == Some("as");
                let quoted = (range.start..k)
                    .rev()
                    .find(|&i| self.word(block, i) == Some("quoted"));
                match quoted
                    .filter(|&q| as_before && q + 1 < k - 1)
                    .map(|q| q + 1..k - 1)
                    .or_else(|| self.absolute_subject(block, k, range.start))
                {
                    Some(np) => self.resolve_np(block, np, true),
                    None => self.sentence_subject(block, range.start, k),
                }
            }
            CueForm::Finite => {
                let before = self.skip_adverbials(block, k, range.start);
                if let Some(np) = self.np_backward(block, before, range.start) {
                    if let Some(person) = self.unclosed_apposition(block, range.start, np.clone()) {
                        return person;
                    }
                    return self.resolve_np(block, np, true);
                }
                let prev = before
                    .checked_sub(1)
                    .filter(|p| *p >= range.start)
                    .map(|p| &self.toks[block][p]);
                match prev {
                    Some(t) if t.is_word() => {
                        let word = t.text(self.texts[block]);
                        if word == "to" {
                            // "Mr. Trump was prompted to say", "urged Cruz to declare": the
                            // name right before the infinitive says it.
                            let to = before - 1;
                            let near = self.cands.iter().zip(&self.cand_pos).rev().find(
                                |(c, &(_, first, last))| {
                                    c.block == block
                                        && first >= range.start
                                        && last < to
                                        && to - last <= 4
                                        && c.kind != CandKind::Other
                                        && !self.word(block, last).is_some_and(is_possessive)
                                },
                            );
                            if let Some((c, &(_, first, last))) = near {
                                return Speaker {
                                    name: Some(c.name.clone()),
                                    mention: Some(self.span_text(block, first, last)),
                                };
                            }
                        }
                        if matches!(word, "and" | "but" | "or" | "to") {
                            // "X told ... and said ...", "X is alleged to have said":
                            // "X told ... and said ...": the subject of the first verb.
                            return self.sentence_subject(block, range.start, k);
                        }
                        if lexicon::is_capitalised_function_word(word) {
                            // "And continued: ...": no subject in this sentence.
                            return Speaker::default();
                        }
                        // A common-noun subject ("the government said"): nobody by name.
                        Speaker {
                            name: None,
                            mention: Some(word.to_string()),
                        }
                    }
                    // "Of Carson, Levine, who backs Rubio, said": not a name in an opening
                    // adverbial.
                    // "“…” that Sanders can catch Clinton, said Steve Elmendorf.": a name
                    // after the verb that ends the clause is the inverted subject.
                    Some(t)
                        if t.is_punct(',') && self.inverted_name_closes(block, k, range.end) =>
                    {
                        self.inverted_subject(block, k, range.end)
                            .unwrap_or_default()
                    }
                    Some(t) if t.is_punct(',') => self
                        .comma_subject(
                            block,
                            self.main_clause_start(self.sentence_of(block, k))
                                .min(before),
                            before,
                        )
                        .or_else(|| self.comma_subject(block, range.start, before))
                        .or_else(|| self.inverted_subject(block, k, range.end))
                        .unwrap_or_else(|| self.sentence_subject(block, range.start, k)),
                    // "As Akhil Amar, author of ''America's Unwritten Constitution,'' put
                    // it": a phrasal cue never inverts, so a quoted title ending in the
                    // apposition's comma stands between the subject and the verb.
                    Some(t) if t.quote().is_some() && self.is_phrasal_cue_at(block, k) => {
                        let closes_apposition = t
                            .text(self.texts[block])
                            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
                            .ends_with(',');
                        closes_apposition
                            .then(|| self.comma_subject(block, range.start, before - 1))
                            .flatten()
                            .unwrap_or_default()
                    }
                    _ => self
                        .inverted_subject(block, k, range.end)
                        .unwrap_or_default(),
                }
            }
        }
    }

    /// "…, with Sen. John McCain calling it …", "… – Ryan saying he was …": a participle
    /// with a named subject of its own (an absolute phrase after "with", a comma or a
    /// dash) is that subject's, not the sentence's. The phrase must hold a capitalised
    /// name; "praised Obama saying" (an object before the participle) does not count.
    fn absolute_subject(&self, block: usize, k: usize, start: usize) -> Option<Range<usize>> {
        let before = self.skip_adverbials(block, k, start);
        let np = self.np_backward(block, before, start)?;
        let text = self.texts[block];
        let names = self.toks[block][np.clone()].iter().any(|t| {
            t.is_word()
                && is_capitalised(t.text(text))
                && !lexicon::is_capitalised_function_word(t.text(text))
        });
        let opener = np
            .start
            .checked_sub(1)
            .filter(|&p| p >= start)
            .map(|p| &self.toks[block][p]);
        let absolute = opener.is_some_and(|t| {
            t.text(text) == "with" || ['—', '–', '-', ';'].iter().any(|&c| t.is_punct(c))
        });
        (names && (absolute || self.shown_speaking(block, np.start, start))).then_some(np)
    }

    /// "The ad shows footage of Hillary Clinton asking, …", "the video features Bernie
    /// Sanders saying, …", "voters heard Trump declaring …": a name that a verb of showing
    /// or hearing, or a recording "of", puts before a participle is the one speaking, not
    /// the sentence's subject. `np_start` is where the name starts.
    fn shown_speaking(&self, block: usize, np_start: usize, start: usize) -> bool {
        const SHOWING: &[&str] = &[
            "shows",
            "showed",
            "showing",
            "features",
            "featured",
            "featuring",
            "depicts",
            "depicted",
            "hear",
            "hears",
            "heard",
            "see",
            "sees",
            "saw",
            "watch",
            "watched",
        ];
        const RECORDINGS: &[&str] = &[
            "footage",
            "video",
            "clip",
            "recording",
            "audio",
            "tape",
            "images",
            "film",
        ];
        let Some(opener_at) = np_start.checked_sub(1).filter(|&p| p >= start) else {
            return false;
        };
        match self.word(block, opener_at) {
            Some("of") => opener_at
                .checked_sub(1)
                .filter(|&p| p >= start)
                .and_then(|p| self.word(block, p))
                .is_some_and(|w| RECORDINGS.contains(&w)),
            Some(w) => SHOWING.contains(&w),
            None => false,
        }
    }

    /// "Anthony Anton, president and CEO of the Restaurant Association stated", "Katie
    /// Packer, who is chairman of Our Principles PAC said": an apposition whose closing
    /// comma is missing. The phrase before the verb is a role description, lowercase role word
    /// first (after "who is"/"who was"), behind a comma that follows a person's name: that
    /// person speaks, not the organisation the role names.
    fn unclosed_apposition(&self, block: usize, start: usize, np: Range<usize>) -> Option<Speaker> {
        let mut first = np.start;
        // A role in lowercase, or an upper-case one ("CEO").
        let role_first = |k: usize| {
            self.word(block, k).is_some_and(|w| {
                lexicon::is_role_word(w)
                    && (!is_capitalised(w) || w.chars().all(|c| c.is_ascii_uppercase()))
            })
        };
        // "president and CEO of …": roles joined by "and".
        while first >= start + 2
            && self.word(block, first - 1) == Some("and")
            && role_first(first - 2)
        {
            first -= 2;
        }
        // "…, former UN Ambassador John Bolton told": a phrase that names its own person
        // is the subject.
        let names_person = self.person_starts_in(block, np.clone());
        if names_person {
            return None;
        }
        if !role_first(first) {
            // "Christoph Caselitz, president of the networks division at the firm says": the
            // noun phrase before the verb ends a longer role description, which starts
            // right after the comma (no comma or speech verb in between).
            first = (np.start.saturating_sub(14).max(start)..np.start)
                .rev()
                .take_while(|&k| {
                    !self.toks[block][k].is_punct(',') && self.cue_form(block, k).is_none()
                })
                .filter(|&k| role_first(k))
                .last()?;
        }
        if first >= start + 2
            && self.word(block, first - 2) == Some("who")
            && self
                .word(block, first - 1)
                .is_some_and(|w| matches!(w, "is" | "was"))
        {
            first -= 2;
        }
        // "Sam Lau, the communications director for the Iowa Democratic Party said": an
        // article and lowercase modifiers before the role word open the description.
        for _ in 0..3 {
            let modifier = first > start + 1
                && self.word(block, first - 1).is_some_and(|w| {
                    !is_capitalised(w) && self.cue_form(block, first - 1).is_none()
                });
            if !modifier {
                break;
            }
            first -= 1;
        }
        let comma = first.checked_sub(1).filter(|&c| c > start)?;
        if !self.toks[block][comma].is_punct(',') {
            return None;
        }
        let speaker = self.comma_subject(block, start, comma + 1)?;
        let person = self
            .cands
            .iter()
            .zip(&self.cand_pos)
            .any(|(c, &(_, _, last))| {
                c.block == block
                    && last + 1 == comma
                    && c.kind == CandKind::Person
                    && speaker.name.as_deref() == Some(c.name.as_str())
            });
        person.then_some(speaker)
    }

    /// "..., said Mr Bell": the phrase after a verb that allows inversion (never after
    /// "told" or "accused", whose object follows them).
    pub(crate) fn inverted_subject(&self, block: usize, k: usize, end: usize) -> Option<Speaker> {
        let verb = self.word(block, k)?;
        if lexicon::is_non_inverting_cue(verb) && !self.follows_quotation(block, k) {
            return None;
        }
        self.np_forward(block, k + 1, end, true)
            .map(|np| self.resolve_np(block, np, false))
    }

    /// Whether the verb at `k` comes right after a quotation (a comma between at most):
    /// `"…?" asked Sen. Barbara Mikulski` has no subject before the verb, so even a verb
    /// whose object usually follows it ("asked the court") is inverted there.
    pub(crate) fn follows_quotation(&self, block: usize, k: usize) -> bool {
        let toks = &self.toks[block];
        let mut p = k;
        if p > 0 && toks[p - 1].is_punct(',') {
            p -= 1;
        }
        p > 0 && toks[p - 1].quote().is_some()
    }

    /// Steps back over auxiliaries and time adverbials between a subject and its verb:
    /// "Mr Blair has also said", "The prime minister on Sunday said".
    pub(crate) fn skip_adverbials(&self, block: usize, mut before: usize, start: usize) -> usize {
        loop {
            let Some(word) = before
                .checked_sub(1)
                .filter(|&p| p >= start)
                .and_then(|p| self.word(block, p))
            else {
                return before;
            };
            // "Gorka similarly warned", "Mr Obama repeatedly said": a manner adverb (not a
            // noun such as "the assembly said", which follows a determiner).
            let after_determiner = before >= 2
                && before - 2 >= start
                && self.word(block, before - 2).is_some_and(is_determiner);
            let manner_adverb = word.len() >= 7
                && word.ends_with("ly")
                && word.chars().all(|c| c.is_ascii_lowercase())
                && !after_determiner;
            // "he often says", "Trump also told": adverbs of frequency and focus.
            let frequency_adverb = matches!(
                word,
                "often"
                    | "always"
                    | "never"
                    | "also"
                    | "still"
                    | "just"
                    | "again"
                    | "sometimes"
                    | "once"
                    | "then"
                    | "now"
                    | "even"
                    | "only"
                    | "too"
            );
            // Lowercase only: "Labour MSP Christine May said" ends in a name.
            if (lexicon::is_auxiliary(word) && !is_capitalised(word))
                || manner_adverb
                || frequency_adverb
            {
                before -= 1;
            } else if lexicon::is_time_word(word) {
                before -= 1;
                if before > start
                    && self
                        .word(block, before - 1)
                        .is_some_and(|w| matches!(w, "on" | "last" | "this"))
                {
                    before -= 1;
                }
            } else if let Some(p) = self.prepositional_phrase_before(block, before, start) {
                before = p;
            } else {
                return before;
            }
        }
    }

    /// Where a short prepositional phrase between a subject and its verb starts, if one
    /// ends right before token `end`: "Sanders during a Sunday rally thanked", "Trump in
    /// New Hampshire said", "Clinton at a news conference said". The phrase is a
    /// preposition and one to four words after a name or pronoun (the subject's last word).
    fn prepositional_phrase_before(&self, block: usize, end: usize, start: usize) -> Option<usize> {
        const PREPOSITIONS: &[&str] = &["in", "at", "on", "during", "after", "from"];
        let toks = &self.toks[block];
        let text = self.texts[block];
        let lowest = end.saturating_sub(5).max(start + 1);
        for p in (lowest..end.saturating_sub(1)).rev() {
            let t = &toks[p];
            if !t.is_word() {
                return None;
            }
            let word = t.text(text);
            if lexicon::is_finite_cue(word)
                || lexicon::is_participle_cue(word)
                || is_pronoun(word)
                || matches!(word, "to" | "and" | "but" | "or" | "that" | "who" | "which")
            {
                return None;
            }
            if PREPOSITIONS.contains(&word) {
                // The subject is a name or a pronoun ("went on to say" has none).
                let subject_end = self.word(block, p - 1)?;
                let names = is_capitalised(subject_end)
                    && !lexicon::is_capitalised_function_word(subject_end);
                return (names || is_pronoun(subject_end)).then_some(p);
            }
        }
        None
    }

    /// "Jock A. Finlayson": a one-letter capital after a name word, whose full stop is
    /// followed by a capitalised word, is a middle initial inside the name.
    pub(crate) fn is_middle_initial(&self, block: usize, k: usize) -> bool {
        let one_capital = |w: &str| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
        self.word(block, k).is_some_and(one_capital)
            && k > 0
            && self.word(block, k - 1).is_some_and(is_capitalised)
            && self.toks[block].get(k + 1).is_some_and(|t| t.is_punct('.'))
            && self.word(block, k + 2).is_some_and(is_capitalised)
    }

    /// The noun phrase that ends right before token `end` ("BA chairman Martin Broughton").
    pub(crate) fn np_backward(
        &self,
        block: usize,
        end: usize,
        start: usize,
    ) -> Option<Range<usize>> {
        let toks = &self.toks[block];
        let text = self.texts[block];
        if end > start && self.word(block, end - 1).is_some_and(is_pronoun) {
            return Some(end - 1..end);
        }
        let mut b = end;
        while b > start && end - b < 14 {
            let t = &toks[b - 1];
            if t.is_punct(')') {
                let open = (start..b - 1).rev().find(|&i| toks[i].is_punct('('));
                match open {
                    Some(o) if b - 1 - o <= 6 => {
                        b = o;
                        continue;
                    }
                    _ => break,
                }
            }
            if t.is_punct('.')
                && b >= 2
                && b - 2 >= start
                && (self
                    .word(block, b - 2)
                    .is_some_and(lexicon::is_title_before_stop)
                    || self.is_middle_initial(block, b - 2))
            {
                b -= 1;
                continue;
            }
            // "and" joins only capitalised words ("Finance and Economy Ministry").
            let joins_names = t.text(text) == "and"
                && b >= 2
                && b - 2 >= start
                && self.word(block, b - 2).is_some_and(is_capitalised)
                && self.word(block, b).is_some_and(is_capitalised);
            if t.is_word()
                && (is_np_word(t.text(text)) || matches!(t.text(text), "of" | "for") || joins_names)
            {
                b -= 1;
                continue;
            }
            break;
        }
        // A phrase cannot open with a connector or a sentence-opening function word.
        while b < end
            && self.word(block, b).is_some_and(|w| {
                matches!(w, "of" | "for")
                    || (lexicon::is_capitalised_function_word(w) && !is_pronoun(w))
            })
        {
            b += 1;
        }
        (b < end).then_some(b..end)
    }

    /// The noun phrase that starts at token `from` ("said Mr Bell", "according to X").
    /// `after_cue`: the phrase follows its speech verb, so a lowercase word between names
    /// is a noun ("said Concord resident Whit Symms"); before a verb it may be the verb
    /// itself ("Trump attacked Clinton, saying").
    pub(crate) fn np_forward(
        &self,
        block: usize,
        from: usize,
        end: usize,
        after_cue: bool,
    ) -> Option<Range<usize>> {
        let toks = &self.toks[block];
        let text = self.texts[block];
        if from < end && self.word(block, from).is_some_and(is_pronoun) {
            return Some(from..from + 1);
        }
        let mut e = from;
        let mut has_name = false;
        while e < end && e - from < 14 {
            let t = &toks[e];
            if t.is_word() {
                let w = t.text(text);
                if matches!(w, "of" | "for") {
                    if has_name {
                        break;
                    }
                    e += 1;
                    continue;
                }
                // "said race director David Bedford": a plain noun modifying a role word.
                let modifies_role = !is_capitalised(w)
                    && w.chars().all(char::is_alphabetic)
                    && self.word(block, e + 1).is_some_and(lexicon::is_role_word);
                if !is_np_word(w) && !modifies_role {
                    // "said Concord resident Whit Symms", and right after the verb
                    // "said conservative activist Bob Klaus".
                    // "said former secretary of state Hillary Clinton": the noun after a
                    // role's "of" also leads on to the name.
                    let after_role_of = e >= from + 2
                        && self.word(block, e - 1) == Some("of")
                        && self.word(block, e - 2).is_some_and(lexicon::is_role_word);
                    // "said 17-year-old student Maya Cole": an age opens the phrase.
                    let after_age = e == from + 1 && self.word(block, from).is_some_and(is_age);
                    match self.nouns_before_name(block, e, end) {
                        Some(name_at)
                            if (has_name || e == from || after_role_of || after_age)
                                && after_cue =>
                        {
                            e = name_at;
                            continue;
                        }
                        _ => break,
                    }
                }
                has_name |= is_capitalised(w) && !lexicon::is_capitalised_function_word(w);
                e += 1;
                if is_possessive(w) && has_name {
                    // "said BA's chief executive Rod Eddington": keep going after the owner.
                    has_name = false;
                }
                continue;
            }
            if t.is_punct('.')
                && e > from
                && (self
                    .word(block, e - 1)
                    .is_some_and(lexicon::is_title_before_stop)
                    || self.is_middle_initial(block, e - 1))
            {
                e += 1;
                continue;
            }
            let next_is_name = self.word(block, e + 1).is_some_and(is_capitalised);
            if t.is_punct(',') && !has_name && next_is_name {
                e += 1;
                continue;
            }
            break;
        }
        (e > from).then_some(from..e)
    }

    /// "said Concord resident Whit Symms", "Idaho nutritional-supplement executive Frank
    /// VanderSloot": after a name, up to three plain lowercase nouns the role list lacks,
    /// then a capitalised name, form one phrase whose head is that name. Returns where the
    /// name starts. Speech verbs, auxiliaries, time and function words never count as such
    /// nouns ("said Obama told Smith", "said Trump on Monday").
    fn nouns_before_name(&self, block: usize, from: usize, end: usize) -> Option<usize> {
        let plain_noun = |w: &str| {
            !is_capitalised(w)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && w.chars().next().is_some_and(char::is_alphabetic)
                && !lexicon::is_capitalised_function_word(w)
                && !lexicon::is_auxiliary(w)
                && !lexicon::is_time_word(w)
                && !lexicon::is_finite_cue(w)
                && !lexicon::is_participle_cue(w)
                && !matches!(
                    w,
                    "and" | "or" | "but" | "who" | "which" | "that" | "to" | "as"
                )
        };
        // "said 9/11 widow Terry Strada", "said 17-year-old student Maya Cole": a number,
        // date or age first modifies the nouns after it.
        let numeric_modifier = |w: &str| {
            w.starts_with(|c: char| c.is_ascii_digit())
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '/' | '-'))
        };
        let mut k = from;
        if self.word(block, k).is_some_and(numeric_modifier)
            && self.word(block, k + 1).is_some_and(plain_noun)
        {
            k += 1;
        }
        let mut of_seen = false;
        while k < end && k - from < 4 {
            if self.word(block, k).is_some_and(plain_noun) {
                k += 1;
            } else if !of_seen
                && k > from
                && self.word(block, k) == Some("of")
                && self.word(block, k + 1).is_some_and(plain_noun)
            {
                // "said master of ceremonies Asab Al-Tabchi"
                of_seen = true;
                k += 1;
            } else {
                break;
            }
        }
        let names = k > from
            && k < end
            && self.word(block, k).is_some_and(|w| {
                is_capitalised(w)
                    && !lexicon::is_capitalised_function_word(w)
                    && !lexicon::is_title(w)
            });
        names.then_some(k)
    }

    /// "X, the ... spokesman, said": the nearest person (else organisation) followed by a comma.
    pub(crate) fn comma_subject(&self, block: usize, start: usize, end: usize) -> Option<Speaker> {
        let toks = &self.toks[block];
        let mut best: Option<(u8, usize)> = None;
        for (c, &(_, first, last)) in self.cand_pos.iter().enumerate() {
            let cand = &self.cands[c];
            if cand.block != block || first < start || last >= end {
                continue;
            }
            // "Gov. John Kasich (R-OH), said": a party-and-state note may stand before
            // the comma.
            let mut after = last + 1;
            if toks.get(after).is_some_and(|t| t.is_punct('(')) {
                match (after + 1..(after + 8).min(end)).find(|&k| toks[k].is_punct(')')) {
                    Some(close) => after = close + 1,
                    None => continue,
                }
            }
            if !toks.get(after).is_some_and(|t| t.is_punct(',')) {
                continue;
            }
            let rank = match cand.kind {
                CandKind::Person => 2,
                CandKind::Org => 1,
                CandKind::Other => continue,
            };
            // The name usually opens the apposition ("Lord Bach, Minister for Defence
            // Procurement, said"), so the first of the best rank wins.
            if best.map_or(true, |(b, _)| rank > b) {
                best = Some((rank, c));
            }
        }
        let (_, c) = best?;
        let (_, first, last) = self.cand_pos[c];
        Some(Speaker {
            name: Some(self.cands[c].name.clone()),
            mention: Some(self.span_text(block, first, last)),
        })
    }

    /// "Obama's “if you like your plan, you can keep it” promise": a quotation between a
    /// named owner and a noun for something said is the owner's words, whatever the
    /// sentence's subject ("It's the pull of …"). `q` is the quotation's token.
    pub(crate) fn possessive_speaker(&self, block: usize, q: usize) -> Option<Speaker> {
        const SAYINGS: &[&str] = &[
            "promise",
            "pledge",
            "vow",
            "claim",
            "remark",
            "remarks",
            "comment",
            "comments",
            "line",
            "slogan",
            "catchphrase",
            "boast",
            "quip",
            "mantra",
            "motto",
            "assertion",
            "warning",
            "refrain",
            "declaration",
        ];
        let owner_at = q.checked_sub(1)?;
        let owner = self.word(block, owner_at).filter(|w| is_possessive(w))?;
        let next = self.word(block, q + 1)?;
        // "battle cry", "campaign slogan", "rallying cry": a modifier, then the noun.
        let said_noun = match next {
            "battle" | "rallying" | "campaign" => self
                .word(block, q + 2)
                .is_some_and(|w| matches!(w, "cry" | "slogan" | "promise" | "pledge")),
            _ => SAYINGS.contains(&next),
        };
        if !said_noun || !is_capitalised(owner) {
            return None;
        }
        let (owner, &(_, first, _)) = self
            .block_candidates(block)
            .find(|(_, &(_, _, last))| last == owner_at)?;
        Some(Speaker {
            name: Some(owner.name.clone()),
            mention: Some(self.span_text(block, first, owner_at)),
        })
    }

    /// The subject of the sentence a participle cue hangs on: skip a leading adverbial
    /// ("Last Sunday,") and take the first noun phrase.
    pub(crate) fn sentence_subject(&self, block: usize, start: usize, cue: usize) -> Speaker {
        let toks = &self.toks[block];
        // "Ryan and Trump will meet next week, Spicer said, adding, …": a participle right
        // after an attribution ("Spicer said,") continues that attribution's speaker, not
        // the subject of the reported clause.
        if cue >= start + 3
            && toks[cue - 1].is_punct(',')
            && self.cue_form(block, cue - 2) == Some(CueForm::Finite)
        {
            let speaker = self.speaker_for_cue(Cue {
                block,
                tok: cue - 2,
                form: CueForm::Finite,
            });
            if speaker.name.is_some() {
                return speaker;
            }
        }
        let mut i = start;
        // "“Promise mama …,” Blige sings to Clinton before asking her, “…”": a quotation
        // opening the sentence comes before its subject.
        while i < cue
            && (self.word(block, i).is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "but" | "and" | "yet" | "so" | "however" | "meanwhile"
                )
            }) || toks[i].is_punct(',')
                || toks[i].quote().is_some())
        {
            i += 1;
        }
        // "On Thursday, after remaining neutral throughout the primary process, Warren
        // appeared ...", "And then Trump went ...": adverbials one after another, and
        // connective adverbs before the subject.
        loop {
            let mut next = self.skip_opening_adverbial(block, i, cue);
            while next < cue
                && (toks[next].is_punct(',')
                    || self.word(block, next).is_some_and(|w| {
                        matches!(
                            w,
                            "then" | "now" | "later" | "also" | "again" | "still" | "finally"
                        )
                    }))
            {
                next += 1;
            }
            if next == i {
                break;
            }
            i = next;
        }
        if let Some(np) = self.np_forward(block, i, cue, false) {
            let speaker = self.resolve_np(block, np, true);
            if speaker.name.is_some() {
                return speaker;
            }
        }
        // Fall back on a finite cue earlier in the sentence.
        (start..cue)
            .find(|&k| self.cue_form(block, k) == Some(CueForm::Finite))
            .map(|k| {
                self.speaker_for_cue(Cue {
                    block,
                    tok: k,
                    form: CueForm::Finite,
                })
            })
            .unwrap_or_default()
    }
}

pub(crate) trait RankedBest {
    fn is_none_or_better(&self, rank: u8) -> bool;
}

impl RankedBest for Option<(u8, usize)> {
    fn is_none_or_better(&self, rank: u8) -> bool {
        self.map_or(true, |(best, _)| rank > best)
    }
}
