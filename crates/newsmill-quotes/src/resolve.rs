//! Naming the speaker a cue's subject phrase refers to: an entity mention or capitalised
//! name in the phrase, a pronoun's antecedent in the sentences before, or the person or
//! organisation a role description ("the spokesman", "the ministry") stands for.

use std::ops::Range;

use crate::attribution::{
    is_capitalised, is_determiner, is_possessive, is_pronoun, is_spokesperson, Cue, CueForm,
    RankedBest, Speaker, GROUP_PRONOUNS, PERSON_PRONOUNS,
};
use crate::doc::Doc;
use crate::lexicon;
use crate::names::{name_runs, CandKind, Candidate, NameRun};
use newsmill_core::SpeakerType;

impl Doc<'_> {
    /// Names the speaker a noun phrase refers to. `last` picks the last name in the phrase
    /// (the head of "State Department spokeswoman Jen Psaki"), else the first.
    pub(crate) fn resolve_np(&self, block: usize, np: Range<usize>, last: bool) -> Speaker {
        let text = self.texts[block];
        let toks = &self.toks[block];
        let mention = Some(self.span_text(block, np.start, np.end - 1));
        if np.len() == 1 {
            if let Some(w) = self.word(block, np.start).filter(|w| is_pronoun(w)) {
                return Speaker {
                    name: self.resolve_pronoun(block, np.start, w),
                    mention,
                };
            }
        }
        // "The Brazilian confirmed …", "the Scot admitted": a nationality on its own after
        // "the" describes a person of the story, as sports and wire copy write them.
        if np.len() == 2
            && self
                .word(block, np.start)
                .is_some_and(|w| w.eq_ignore_ascii_case("the"))
            && self.is_nationality_at(block, np.start + 1)
        {
            return Speaker {
                name: self.resolve_reference(block, np.start, "", CandKind::Person, None),
                mention,
            };
        }
        // Parenthesised abbreviations ("(SOHR)") repeat the name before them.
        let mut in_parens = vec![false; np.len()];
        let mut depth = 0usize;
        for (slot, t) in in_parens.iter_mut().zip(&toks[np.clone()]) {
            if t.is_punct('(') {
                depth += 1;
            }
            *slot = depth > 0;
            if t.is_punct(')') {
                depth = depth.saturating_sub(1);
            }
        }
        let (np_start, np_end) = (toks[np.start].start, toks[np.end - 1].end);
        let rank = |kind: CandKind| match kind {
            CandKind::Person => 3u8,
            CandKind::Org => 2,
            CandKind::Other => 1,
        };
        // "The Ofsted chief said": a person role with no person's name refers to someone
        // introduced earlier with that role; only a spokesperson speaks for the organisation.
        let names_a_person_role = self.toks[block][np.clone()]
            .iter()
            .rev()
            .filter(|t| t.is_word())
            .map(|t| t.text(text))
            .find(|w| !is_capitalised(w) && lexicon::is_role_word(w))
            .is_some_and(|w| !is_spokesperson(w));
        // "the European cross-country champion", "the French minister": a place or a
        // nationality before the common noun that heads the phrase describes it and never
        // speaks itself.
        let lowercase_head = self
            .word(block, np.end - 1)
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        let modifies_head = |kind: CandKind, last_tok: usize| {
            lowercase_head && kind == CandKind::Other && last_tok + 1 < np.end
        };
        let sentence_start = self.sentence_range(block, np.start).start;
        let runs: Vec<NameRun> = name_runs(text, toks, np.clone(), sentence_start)
            .into_iter()
            .filter(|run| {
                !in_parens
                    .get(run.first_tok - np.start)
                    .copied()
                    .unwrap_or(false)
            })
            .collect();
        if self.from_mentions {
            let mut best: Option<(u8, usize)> = None;
            for (c, cand) in self.cands.iter().enumerate() {
                if cand.block != block || cand.end <= np_start || cand.start >= np_end {
                    continue;
                }
                let first = self.cand_pos[c].1;
                if first >= np.start && in_parens.get(first - np.start).copied().unwrap_or(false) {
                    continue;
                }
                if modifies_head(cand.kind, self.cand_pos[c].2) {
                    continue;
                }
                // "Nicolas Sarkozy of France", "the Ofsted chief": a name after "of" or
                // before a role word is the organisation a person belongs to, whatever
                // kind the entity stage gave it.
                let last_tok = self.cand_pos[c].2;
                // "Ayotte campaign manager Jon Kohan": the role may follow one lowercase
                // modifier.
                let lower_role = |k: usize| {
                    self.word(block, k)
                        .is_some_and(|w| !is_capitalised(w) && lexicon::is_role_word(w))
                };
                let lower_word = |k: usize| self.word(block, k).is_some_and(|w| !is_capitalised(w));
                // "Cruz constituent Dan Golvach": a name, lowercase nouns, then another
                // name in the same phrase; the last name is the head.
                let capitalised_in_np =
                    |k: usize| k < np.end && self.word(block, k).is_some_and(is_capitalised);
                // Nouns only: "Pethokoukis of the American Enterprise Institute" and
                // "Albright and Kelleher-Vergantini" join names with function words, and
                // "Sanders told Clinton" with a verb.
                let lower_noun = |k: usize| {
                    self.word(block, k).is_some_and(|w| {
                        !is_capitalised(w)
                            && w.len() > 3
                            && w.chars().all(char::is_alphabetic)
                            && !lexicon::is_name_particle(w)
                            && !matches!(w, "from" | "with" | "that" | "than" | "into")
                            && !lexicon::is_auxiliary(w)
                    }) && self.cue_form(block, k).is_none()
                };
                let qualifies_name = lower_noun(last_tok + 1)
                    && (capitalised_in_np(last_tok + 2)
                        || (lower_noun(last_tok + 2) && capitalised_in_np(last_tok + 3)));
                let qualifies_role = lower_role(last_tok + 1)
                    || (lower_word(last_tok + 1) && lower_role(last_tok + 2))
                    || qualifies_name;
                // "the star of Rain Man and Tootsie", "the wife of Bill Clinton": names after
                // a role's "of" are what the role is of, not who holds it.
                let after_role_of = (np.start..first).any(|k| {
                    self.word(block, k) == Some("of")
                        && k > np.start
                        && self
                            .word(block, k - 1)
                            .is_some_and(|w| !is_capitalised(w) && lexicon::is_role_word(w))
                });
                let affiliation = (first > 0 && self.word(block, first - 1) == Some("of"))
                    || qualifies_role
                    || after_role_of;
                let r = if affiliation {
                    rank(cand.kind).min(2)
                } else {
                    rank(cand.kind)
                };
                let better =
                    best.is_none_or_better(r) || (last && best.is_some_and(|(b, _)| b == r));
                if better {
                    best = Some((r, c));
                }
            }
            if let Some((r, c)) = best {
                if r < 3 && names_a_person_role {
                    if let Some(name) = self.resolve_role(block, np.clone()) {
                        return Speaker {
                            name: Some(name),
                            mention,
                        };
                    }
                    // "a Jackson lawyer", "a Clinton aide": the person named is whom the
                    // role serves; the one who speaks is someone else, unnamed here.
                    let last_tok = self.cand_pos[c].2;
                    let role_at = |k: usize| {
                        k < np.end
                            && self
                                .word(block, k)
                                .is_some_and(|w| !is_capitalised(w) && lexicon::is_role_word(w))
                    };
                    let lower_at = |k: usize| {
                        k < np.end && self.word(block, k).is_some_and(|w| !is_capitalised(w))
                    };
                    let serves =
                        role_at(last_tok + 1) || (lower_at(last_tok + 1) && role_at(last_tok + 2));
                    if self.cands[c].kind == CandKind::Person && serves {
                        return Speaker {
                            name: None,
                            mention,
                        };
                    }
                }
                // A place or a thing named where the phrase also holds a person's name is
                // the entity stage mistyping or misreading: the text's name speaks.
                let text_names_person = runs.iter().any(|run| run.kind == CandKind::Person);
                if !(r == rank(CandKind::Other) && text_names_person) {
                    return Speaker {
                        name: Some(self.fuller_text_name(c, &runs)),
                        mention,
                    };
                }
            }
        }
        let mut best: Option<(u8, String)> = None;
        for run in runs {
            if run.lone_opener
                && self.aliases.fold(&run.name()) == run.name()
                && self.common_opener(block, run.first_tok)
            {
                // "Prosecutors said": a common noun capitalised by its position.
                continue;
            }
            if modifies_head(run.kind, run.last_tok) {
                continue;
            }
            let r = rank(run.kind);
            let better = best
                .as_ref()
                .map_or(true, |(b, _)| r > *b || (last && r == *b));
            if better {
                best = Some((r, run.name()));
            }
        }
        if best.as_ref().is_some_and(|(r, _)| *r < 3) && names_a_person_role {
            if let Some(name) = self.resolve_role(block, np.clone()) {
                return Speaker {
                    name: Some(name),
                    mention,
                };
            }
        }
        if let Some((_, name)) = best {
            return Speaker {
                name: Some(self.aliases.fold(&name)),
                mention,
            };
        }
        Speaker {
            name: self.resolve_role(block, np),
            mention,
        }
    }

    /// The candidate's name, or the text's capitalised name around it when that has more
    /// words than the mention: the entity stage sometimes cuts a name short ("Nick Van" of
    /// "Nick Van den Brul", "Economy" of "Finance and Economy Ministry").
    fn fuller_text_name(&self, c: usize, runs: &[NameRun]) -> String {
        let cand = &self.cands[c];
        let (_, first, last) = self.cand_pos[c];
        let mention_words = self.toks[cand.block]
            .get(first..=last)
            .map_or(0, |toks| toks.iter().filter(|t| t.is_word()).count());
        runs.iter()
            .find(|run| {
                run.first_tok <= first && run.last_tok >= last && run.words.len() > mention_words
            })
            .map_or_else(|| cand.name.clone(), |run| self.aliases.fold(&run.name()))
    }

    /// The kind the text scan gives candidate `c`'s words on their own (titles, organisation
    /// words, word count), when they form one capitalised run.
    fn text_kind(&self, c: usize) -> Option<CandKind> {
        let block = self.cands.get(c)?.block;
        let (_, first, last) = *self.cand_pos.get(c)?;
        let toks = self.toks.get(block)?;
        let sentence_start = self.sentence_range(block, first).start;
        match name_runs(self.texts[block], toks, first..last + 1, sentence_start).as_slice() {
            [run] if !run.lone_opener => Some(run.kind),
            _ => None,
        }
    }

    /// Whether the word also occurs in lowercase somewhere in the article's text, which
    /// shows a capitalised sentence opener is a common word. The article's lowercase words
    /// are collected once, on the first question, so the check stays linear.
    pub(crate) fn appears_lowercase(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        if lower == word {
            return true;
        }
        if !lower.chars().all(char::is_alphanumeric) {
            // "al-maliki's": not one piece of the split below; scan for it.
            return self.texts.iter().any(|text| {
                text.match_indices(lower.as_str()).any(|(at, m)| {
                    let before = text[..at].chars().next_back();
                    let after = text[at + m.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            });
        }
        let words = self.lowercase_words.get_or_init(|| {
            self.texts
                .iter()
                .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty() && w.chars().next().is_some_and(char::is_lowercase))
                .collect()
        });
        words.contains(lower.as_str())
    }

    /// Whether a candidate is the subject of a speech verb ("X said", "said X").
    pub(crate) fn is_cue_subject(&self, c: usize) -> bool {
        let (_, name_first, last) = self.cand_pos[c];
        let block = self.cands[c].block;
        // Entity mentions leave titles out ("said Mr Clarke" mentions "Clarke"): the phrase
        // starts at its first title.
        let mut first = name_first;
        loop {
            let mut k = first;
            if k > 0 && self.toks[block].get(k - 1).is_some_and(|t| t.is_punct('.')) {
                k -= 1;
            }
            match k.checked_sub(1) {
                Some(t)
                    if self
                        .word(block, t)
                        .is_some_and(|w| is_capitalised(w) && lexicon::is_title(w)) =>
                {
                    first = t
                }
                _ => break,
            }
        }
        if first > 0 && self.word(block, first - 1) == Some("of") {
            // "Nicolas Sarkozy of France said": the affiliation, not the subject.
            return false;
        }
        if self.word(block, last).is_some_and(is_possessive) {
            // "Mr Houston's reported views": an owner, not a subject.
            return false;
        }
        let mut after = last + 1;
        while self.word(block, after).is_some_and(lexicon::is_auxiliary) {
            after += 1;
        }
        let finite = |k: usize| self.cue_form(block, k) == Some(CueForm::Finite);
        // "..., said Mr Clarke" names the speaker after the verb only where the verb follows a
        // comma or a quotation; "told the BBC" names a listener.
        // "Sarandon, 69, told MSNBC": a verb whose object follows it ("told", "asked") has
        // its listener there, unless nothing but a quotation stands before it.
        // "…, said Melzer was an example of …": a name with a verb after it is the subject
        // of the reported clause, not the verb's inverted subject.
        let clause_subject = self
            .word(block, last + 1)
            .is_some_and(lexicon::is_auxiliary);
        let inverted = !clause_subject
            && first.checked_sub(1).is_some_and(|v| {
                finite(v)
                    && (!self
                        .word(block, v)
                        .is_some_and(lexicon::is_non_inverting_cue)
                        || self.follows_quotation(block, v))
                    && v.checked_sub(1).map_or(true, |p| {
                        let t = &self.toks[block][p];
                        t.is_punct(',') || t.quote().is_some()
                    })
            });
        finite(after) || inverted
    }

    /// A pronoun's antecedent: for "he"/"she" the first person named earlier in the same
    /// sentence, else in the nearest earlier sentence that names one (preferring a person who
    /// speaks there); for "it"/"they" the same with organisations.
    pub(crate) fn resolve_pronoun(&self, block: usize, tok: usize, word: &str) -> Option<String> {
        let lower = crate::attribution::pronoun_base(word);
        let want = if PERSON_PRONOUNS.contains(&lower.as_str()) {
            CandKind::Person
        } else if GROUP_PRONOUNS.contains(&lower.as_str()) {
            CandKind::Org
        } else {
            return None;
        };
        // "she" never takes a Donald, "he" never a Hillary.
        let male_pronoun = match lower.as_str() {
            "he" => Some(true),
            "she" => Some(false),
            _ => None,
        };
        self.resolve_reference(block, tok, &lower, want, male_pronoun)
    }

    /// The antecedent of a reference at token `tok` to someone of kind `want` (of the
    /// gender `male_pronoun` gives, when it gives one): the pronoun rules above. `lower` is
    /// the pronoun itself, for the sentences that continue it ("" for a description).
    fn resolve_reference(
        &self,
        block: usize,
        tok: usize,
        lower: &str,
        want: CandKind,
        male_pronoun: Option<bool>,
    ) -> Option<String> {
        let sentence = self.sentence_of(block, tok);
        let here = self.toks[block].get(tok).map_or(0, |t| t.start);
        let other_gender = |c: usize| {
            male_pronoun.is_some_and(|male| self.cand_gender(c).is_some_and(|g| g != male))
        };
        let in_sentence = |s: usize| {
            self.cands.iter().enumerate().filter(move |(c, cand)| {
                cand.kind == want && self.cand_pos[*c].0 == s && !other_gender(*c)
            })
        };
        // Names in an opening subordinate clause ("After Trump described it, he wrote")
        // are not the main clause's pronoun.
        let main_clause = self.main_clause_start(sentence);
        let in_main_clause = |c: usize| self.cand_pos[c].1 >= main_clause || tok < main_clause;
        let earlier_here = |(c, cand): &(usize, &Candidate)| {
            cand.block == block && cand.start < here && in_main_clause(*c)
        };
        if let Some((_, cand)) = in_sentence(sentence)
            .filter(earlier_here)
            .find(|(c, _)| self.is_cue_subject(*c))
            .or_else(|| in_sentence(sentence).find(earlier_here))
        {
            return Some(cand.name.clone());
        }
        // "Since Sanders announced his candidacy, he has said": with no antecedent in the
        // sentences before, the opening clause's name is the pronoun's.
        let in_opening_clause = || {
            in_sentence(sentence)
                .find(|(_, cand)| cand.block == block && cand.start < here)
                .map(|(_, cand)| cand.name.clone())
        };
        let lookback = 10;
        for s in (sentence.saturating_sub(lookback)..sentence).rev() {
            // A sentence whose subject is the same pronoun refers to the same antecedent
            // ("Mr Croucher said ... He said ... He told BBC News"): look further back.
            // A description ("the founder") continues the person such sentences are about
            // as well.
            let continues = if lower.is_empty() {
                PERSON_PRONOUNS
                    .iter()
                    .any(|p| self.opens_with_pronoun(s, p))
            } else {
                self.opens_with_pronoun(s, lower)
            };
            if continues {
                continue;
            }
            // The sentence's speaker (the last one, as attributions close sentences), else
            // the first person its main clause names (usually its subject), else any it names. A lone unknown name that
            // speaks ("Emily said") counts as a person.
            let mut first = None;
            let mut first_in_main_clause = None;
            let mut speaker = None;
            let main_clause = self.main_clause_start(s);
            for (c, cand) in self.cands.iter().enumerate() {
                if self.cand_pos[c].0 != s
                    || other_gender(c)
                    || (want == CandKind::Person && cand.place)
                {
                    continue;
                }
                let speaks = self.is_cue_subject(c) && !self.opens_subordinate_clause(c);
                // The entity stage's kind can be wrong; the name's own shape (an
                // organisation word, a two-word name) is a second opinion where the stage
                // called an organisation a thing, or a speaking person an organisation.
                // The entity's full name is a third ("Bozell" of "Brent Bozell", typed as
                // an organisation, speaks like a person).
                let name_shaped_person = want == CandKind::Person
                    && crate::speaker_type::type_from_shape(&cand.name) == SpeakerType::Person;
                let shaped_as_want =
                    self.from_mentions && (self.text_kind(c) == Some(want) || name_shaped_person);
                let typed_as_want = cand.kind == want
                    || (shaped_as_want && want == CandKind::Org && cand.kind == CandKind::Other);
                // "McLenney said ...": a one-word name the entity stage called an
                // organisation, with nothing of an organisation's shape, that speaks is a
                // person for "he"/"she".
                let speaking_surname = want == CandKind::Person
                    && speaks
                    && cand.kind == CandKind::Org
                    && !cand.name.contains(' ')
                    && crate::speaker_type::type_from_shape(&cand.name) == SpeakerType::Unknown;
                let fits = typed_as_want
                    || (want == CandKind::Person && cand.kind == CandKind::Other && speaks)
                    || (shaped_as_want && speaks)
                    || speaking_surname;
                if !fits {
                    continue;
                }
                if speaks {
                    speaker = Some((c, cand));
                }
                if typed_as_want && !self.modifies_a_noun(c) {
                    first.get_or_insert(cand);
                    if self.cand_pos[c].1 >= main_clause {
                        first_in_main_clause.get_or_insert(cand);
                    }
                }
            }
            if let Some((c, cand)) = speaker {
                // "The Brazilian confirmed …. “…,” he told": the nationality that speaks
                // describes someone named before.
                let (_, first, last) = self.cand_pos[c];
                let described = first == last
                    && first > 0
                    && self.is_nationality_at(cand.block, first)
                    && self
                        .word(cand.block, first - 1)
                        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
                if described && want == CandKind::Person {
                    return self.resolve_reference(cand.block, first - 1, "", want, male_pronoun);
                }
                // "JF Sullivan, spokesman for software firm Sendmail said …": the
                // organisation before the verb ends a role description, and the
                // attribution's own reading of the sentence names the person.
                if want == CandKind::Person && cand.kind != CandKind::Person {
                    let named_person = self.sentence_speaker(s).filter(|name| {
                        self.cands.iter().zip(&self.cand_pos).any(|(c, pos)| {
                            pos.0 == s && c.kind == CandKind::Person && &c.name == name
                        })
                    });
                    if named_person.is_some() {
                        return named_person;
                    }
                }
                return Some(cand.name.clone());
            }
            // "The Wisconsin Republican did give Trump some credit …": a sentence whose
            // subject is a definite description of a person is about the person it
            // describes, not the names after it; the pronoun refers to that person too.
            if !lower.is_empty() && want == CandKind::Person {
                if let Some((desc_block, desc_tok)) = self.description_subject(s) {
                    if let Some(name) =
                        self.resolve_reference(desc_block, desc_tok, "", want, male_pronoun)
                    {
                        return Some(name);
                    }
                }
            }
            if let Some(cand) = first_in_main_clause.or(first) {
                return Some(cand.name.clone());
            }
        }
        in_opening_clause()
    }

    /// The start of sentence `s`'s subject when it is a definite description of a person
    /// with no name in it: "The", at most three modifiers, a person role ("host",
    /// "nominee") or party member ("The Wisconsin Republican"), then its verb ("did",
    /// "has", "said"), perhaps after an adverb; and no opening phrase before it.
    fn description_subject(&self, s: usize) -> Option<(usize, usize)> {
        let (block, range) = self.sents.get(s)?;
        let (block, end) = (*block, range.end);
        let start = self.main_clause_start(s);
        // Not after an opening phrase: "According to … Federer himself, the Swiss star is
        // …" names its person before the description.
        let opening_phrase = (range.start..start).any(|k| self.toks[block][k].is_punct(','));
        if opening_phrase || !self.word(block, start)?.eq_ignore_ascii_case("the") {
            return None;
        }
        let mut head = (start + 1..end.min(start + 5)).find(|&k| {
            self.word(block, k).is_some_and(|w| {
                (!is_capitalised(w) && lexicon::is_role_word(w))
                    || matches!(w, "Republican" | "Democrat")
            })
        })?;
        // "The prime minister": the head is the last of the role words.
        while self
            .word(block, head + 1)
            .is_some_and(|w| !is_capitalised(w) && lexicon::is_role_word(w))
        {
            head += 1;
        }
        let words_only = (start + 1..=head).all(|k| self.word(block, k).is_some());
        // The head's verb, perhaps after an adverb ("The attacking midfielder also claims"):
        // an auxiliary, a speech verb or a past or present form. A word after the head that
        // is none ("The shadow home secretary", "The BBC's correspondent in Jakarta") means
        // the head was a modifier or the phrase goes on.
        let mut verb_at = head + 1;
        while self.word(block, verb_at).is_some_and(|w| {
            w.ends_with("ly") || matches!(w, "also" | "then" | "now" | "still" | "later" | "never")
        }) {
            verb_at += 1;
        }
        let verb_next = self.word(block, verb_at).is_some_and(|w| {
            !is_capitalised(w)
                && !lexicon::is_role_word(w)
                && (lexicon::is_auxiliary(w)
                    || lexicon::is_finite_cue(w)
                    || w.ends_with("ed")
                    || (w.ends_with('s') && !w.ends_with("ss")))
        });
        // "The musical's director is Matthew Warchus": the description names its person.
        let copula = self
            .word(block, verb_at)
            .is_some_and(|w| matches!(w, "is" | "was"));
        let names_person = self.person_starts_in(block, start..verb_at)
            || (copula && self.person_starts_in(block, verb_at + 1..(verb_at + 3).min(end)));
        (words_only && verb_next && !names_person).then_some((block, start))
    }

    /// Whether candidate `c` only qualifies the noun phrase it sits in, so is not the
    /// sentence's subject: an owner ("Bill Clinton's former chief of staff") or a name
    /// before a role ("Clinton campaign Chairman John Podesta", "the Ofsted chief").
    fn modifies_a_noun(&self, c: usize) -> bool {
        let block = self.cands[c].block;
        let (_, _, last) = self.cand_pos[c];
        let role = |w: &str| lexicon::is_role_word(w) || lexicon::is_title(w);
        let next = self.word(block, last + 1);
        let lower_next = next.filter(|w| !is_capitalised(w));
        // "Christie's been making the case": "'s" is "has" or "is" before a participle or
        // an adverb, not an owner.
        let contracted_verb = next.is_some_and(|w| {
            matches!(
                w,
                "been"
                    | "got"
                    | "gotten"
                    | "not"
                    | "never"
                    | "always"
                    | "already"
                    | "also"
                    | "still"
                    | "just"
                    | "now"
                    | "going"
                    | "done"
                    | "made"
                    | "said"
                    | "become"
            )
        });
        (self.word(block, last).is_some_and(is_possessive) && !contracted_verb)
            || lower_next.is_some_and(role)
            || (lower_next.is_some() && self.word(block, last + 2).is_some_and(role))
    }

    /// Whether candidate `c` opens a subordinate clause, its title aside: "because Mr.
    /// Lynch agreed", "after Smith said". Who speaks there is not whom the sentence
    /// reports ("Mr. Nevins said he pursued it because Mr. Lynch agreed"). "As" is left
    /// out: "as Mr. Obama said" attributes.
    fn opens_subordinate_clause(&self, c: usize) -> bool {
        const SUBORDINATORS: &[&str] = &[
            "because", "after", "before", "when", "while", "since", "although", "though", "if",
            "unless", "until", "once", "whereas",
        ];
        let block = self.cands[c].block;
        let (_, first, _) = self.cand_pos[c];
        let mut k = first;
        // Back over "Mr." / "Sen." (a title and its full stop) before the name.
        if k >= 2 && self.toks[block][k - 1].is_punct('.') {
            k -= 1;
        }
        if k >= 1 && self.word(block, k - 1).is_some_and(lexicon::is_title) {
            k -= 1;
        }
        k >= 1
            && self
                .word(block, k - 1)
                .is_some_and(|w| SUBORDINATORS.contains(&w.to_lowercase().as_str()))
    }

    /// A candidate's gender when its name (or the title before its mention) shows it:
    /// `Some(true)` for a man.
    fn cand_gender(&self, c: usize) -> Option<bool> {
        let cand = &self.cands[c];
        if let Some(g) = cand
            .name
            .split_whitespace()
            .next()
            .and_then(lexicon::first_name_is_male)
        {
            return Some(g);
        }
        let (_, first, _) = self.cand_pos[c];
        let title = match first.checked_sub(1).and_then(|p| self.word(cand.block, p)) {
            Some(w) => Some(w),
            // "Mr. Trump": the title, then its full stop.
            None => first.checked_sub(2).and_then(|p| self.word(cand.block, p)),
        };
        title.and_then(|w| match w {
            "Mr" => Some(true),
            "Mrs" | "Ms" => Some(false),
            _ => None,
        })
    }

    /// Whether sentence `s` has the pronoun `lower` as its subject (after an opening
    /// conjunction or adverbial phrase).
    pub(crate) fn opens_with_pronoun(&self, s: usize, lower: &str) -> bool {
        let Some((block, _)) = self.sents.get(s) else {
            return false;
        };
        self.word(*block, self.main_clause_start(s))
            .is_some_and(|w| crate::attribution::pronoun_base(w) == lower)
    }

    /// The token where sentence `s`'s main clause starts: after an opening conjunction and
    /// an adverbial phrase closed by a comma ("With the game moved from Tynecastle,
    /// Robertson sees ..."), whose names are not the sentence's subject.
    pub(crate) fn main_clause_start(&self, s: usize) -> usize {
        let Some((block, range)) = self.sents.get(s) else {
            return 0;
        };
        let (block, range) = (*block, range.clone());
        let mut i = range.start;
        while i < range.end
            && (self
                .word(block, i)
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "but" | "and" | "yet" | "so"))
                || self.toks[block][i].is_punct(','))
        {
            i += 1;
        }
        self.skip_opening_adverbial(block, i, range.end)
    }

    /// Where the main clause starts when an opening adverbial begins at token `i`: a
    /// leading preposition or subordinator ("With the game moved from Tynecastle,"), or a
    /// capitalised common word the article also writes in lowercase ("Hours later,",
    /// "Back in 1999,", "Ever since she endorsed Mrs. Clinton this month,"), up to its
    /// comma; then, with entity mentions, the place and time segments that continue it
    /// ("in Salem, New Hampshire,", "in Ames, Iowa, on Sunday,"). `i` itself otherwise.
    pub(crate) fn skip_opening_adverbial(&self, block: usize, i: usize, end: usize) -> usize {
        let toks = &self.toks[block];
        let Some(first) = self.word(block, i) else {
            return i;
        };
        // "On “Face the Nation,” Sen. Bernie Sanders …": US copy sets the comma inside the
        // closing quotation mark; the quoted title then closes the phrase.
        let comma = (i..end).find(|&j| {
            toks[j].is_punct(',')
                || (toks[j].quote().is_some()
                    && toks[j]
                        .text(self.texts[block])
                        .trim_end_matches(['"', '”', '\'', '’'])
                        .ends_with(','))
        });
        // "Hours later,", "Two weeks ago,", "Moments earlier,": a time phrase before the
        // subject, whatever word opens it.
        let time_phrase = comma.is_some_and(|c| {
            c > i + 1
                && c - i <= 4
                && self
                    .word(block, c - 1)
                    .is_some_and(|w| matches!(w, "later" | "earlier" | "ago"))
                && (i..c - 1).all(|k| self.cue_form(block, k).is_none())
        });
        // "Appearing before supporters at NLD headquarters,", "Holding open a book,": a
        // participial phrase before the subject.
        // "Asked about her vote in the event that Clinton faces Trump,": a past participle
        // opens one too, when no speech verb comes before the comma ("United said, ..."
        // is a subject and its verb).
        let present = first.ends_with("ing");
        let past = first.ends_with("ed")
            && comma.is_some_and(|c| (i + 1..c).all(|k| self.cue_form(block, k).is_none()));
        let participial = first.len() > 4
            && (present && first.len() > 5 || past)
            && is_capitalised(first)
            && self
                .word(block, i + 1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
            && comma.is_some_and(|c| c - i <= 16);
        let leading = lexicon::is_leading_adverbial(first) || time_phrase || participial;
        let common_word = !leading
            && is_capitalised(first)
            && !lexicon::is_capitalised_function_word(first)
            && !self.names_candidate(block, i)
            // A lowercase word next: not the first word of a name ("Former Arkansas Gov.",
            // "Small, who attended").
            && self
                .word(block, i + 1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
            && self.appears_lowercase(first)
            && comma.is_some_and(|c| {
                // A short phrase with no speech verb of its own.
                c - i <= 10 && (i..c).all(|k| self.cue_form(block, k).is_none())
            });
        let Some(comma) = comma.filter(|_| leading || common_word) else {
            return i;
        };
        let mut at = comma + 1;
        if !self.from_mentions {
            return at;
        }
        // "in Salem, New Hampshire, Trump went …": a segment up to the next comma that is
        // a place (a location mention and nothing else capitalised) or a time phrase.
        loop {
            let Some(next) = (at..end.min(at + 5)).find(|&j| toks[j].is_punct(',')) else {
                return at;
            };
            if next == at || next + 1 >= end {
                return at;
            }
            let words: Vec<usize> = (at..next).filter(|&k| toks[k].is_word()).collect();
            let place = !words.is_empty()
                && words.iter().all(|&k| {
                    let w = self.word(block, k).unwrap_or("");
                    !is_capitalised(w) || self.candidate_kind_at(block, k) == Some(CandKind::Other)
                })
                && words
                    .iter()
                    .any(|&k| self.candidate_kind_at(block, k) == Some(CandKind::Other));
            let time = !words.is_empty()
                && words.iter().all(|&k| {
                    let w = self.word(block, k).unwrap_or("");
                    // "On July 6, 2015, Sanders made …": the year after a date's comma.
                    lexicon::is_time_word(w)
                        || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
                        || matches!(w, "on" | "last" | "this" | "in" | "early" | "late")
                });
            if !(place || time) {
                return at;
            }
            at = next + 1;
        }
    }

    /// Whether token `k` lies in an entity mention or text candidate of a person or an
    /// organisation.
    fn names_candidate(&self, block: usize, k: usize) -> bool {
        matches!(
            self.candidate_kind_at(block, k),
            Some(CandKind::Person | CandKind::Org)
        )
    }

    /// The candidates of one block with their (sentence, first token, last token).
    pub(crate) fn block_candidates(
        &self,
        block: usize,
    ) -> impl Iterator<Item = (&Candidate, &(usize, usize, usize))> {
        // Candidates are in text order: find those of this block by binary search.
        let from = self.cands.partition_point(|c| c.block < block);
        self.cands[from..]
            .iter()
            .zip(&self.cand_pos[from..])
            .take_while(move |(c, _)| c.block == block)
    }

    /// The kind of the candidate whose tokens hold token `k`, if any.
    fn candidate_kind_at(&self, block: usize, k: usize) -> Option<CandKind> {
        self.block_candidates(block)
            .find(|(_, &(_, first, last))| first <= k && k <= last)
            .map(|(c, _)| c.kind)
    }

    /// Whether token `k` is a one-word entity mention of a nationality ("Brazilian"): a
    /// mention the entity stage typed neither person, organisation nor place.
    fn is_nationality_at(&self, block: usize, k: usize) -> bool {
        // Only the entity stage tells a nationality from other names ("The Courier").
        if !self.from_mentions {
            return false;
        }
        self.block_candidates(block).any(|(c, &(_, first, last))| {
            first == k && last == k && c.kind == CandKind::Other && !c.place
        })
    }

    /// "the spokesman", "the culture secretary", "the ministry": the most recent earlier
    /// person introduced with the same role words, or organisation whose name has the head.
    pub(crate) fn resolve_role(&self, block: usize, np: Range<usize>) -> Option<String> {
        let text = self.texts[block];
        let words: Vec<String> = self.toks[block][np.clone()]
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text(text).to_lowercase())
            .filter(|w| !is_determiner(w))
            .collect();
        let head = words
            .iter()
            .rev()
            .find(|w| lexicon::is_role_word(w) || lexicon::is_org_head(w))?;
        let here = (block, self.toks[block].get(np.start).map_or(0, |t| t.start));
        let earlier = self
            .cands
            .iter()
            .enumerate()
            .rev()
            .filter(move |(_, c)| (c.block, c.start) < here);
        if lexicon::is_org_head(head) && !lexicon::is_role_word(head) {
            let named = earlier.clone().find(|(_, c)| {
                c.kind == CandKind::Org && c.name.to_lowercase().contains(head.as_str())
            });
            if let Some((_, c)) = named {
                return Some(c.name.clone());
            }
            if lexicon::is_generic_org_head(head) {
                return earlier
                    .clone()
                    .find(|(_, c)| c.kind == CandKind::Org)
                    .map(|(_, c)| c.name.clone());
            }
            return None;
        }
        let roles: Vec<&String> = words.iter().filter(|w| lexicon::is_role_word(w)).collect();
        let modifiers: Vec<String> = words
            .iter()
            .filter(|w| !lexicon::is_role_word(w) && !is_possessive(w))
            .cloned()
            .collect();
        let mut best: Option<(usize, String)> = None;
        for (c, cand) in earlier {
            if cand.kind != CandKind::Person {
                continue;
            }
            let (_, first, last) = self.cand_pos[c];
            let toks = &self.toks[cand.block];
            let ctx_text = self.texts[cand.block];
            // The role is stated with the name: in the title run before it ("CNN host
            // Jake Tapper", "the president, Barack Obama,") or in an apposition after it
            // ("Jake Tapper, the CNN host,"). A role elsewhere in the sentence belongs to
            // someone else ("Tina Houchins had a question for the president").
            let sentence = self
                .sents
                .get(self.cand_pos[c].0)
                .map_or(0..0, |(_, r)| r.clone());
            let context = role_context(toks, ctx_text, first, last, sentence);
            if !roles.iter().all(|r| context.iter().any(|w| w == *r)) {
                continue;
            }
            // "The French president": among the people the role is stated with, the one
            // stated with most of the phrase's other words ("French President Jacques
            // Chirac", not the nearer "President Bush"); the nearest on a tie.
            let shared = modifiers.iter().filter(|m| context.contains(m)).count();
            if best.as_ref().map_or(true, |(b, _)| shared > *b) {
                best = Some((shared, cand.name.clone()));
            }
            if shared == modifiers.len() {
                break;
            }
        }
        if let Some((_, name)) = best {
            return Some(name);
        }
        if !is_spokesperson(head) {
            // "said the Factory Records founder, who …": a definite description of a person
            // that no earlier name was introduced with refers, as "he" or "she" would, to
            // the person the text is about.
            // (A phrase found backwards leaves a sentence-opening "The" out.)
            let the = |k: usize| {
                self.word(block, k)
                    .is_some_and(|w| w.eq_ignore_ascii_case("the"))
            };
            let definite = the(np.start) || np.start.checked_sub(1).is_some_and(the);
            // Names after the role's "of" are what the role is of ("the star of Rain Man").
            let of = (np.start..np.end)
                .find(|&k| self.word(block, k) == Some("of"))
                .unwrap_or(np.end);
            let names_person = self.person_starts_in(block, np.start..of);
            if definite && lexicon::is_role_word(head) && !names_person {
                return self.resolve_reference(block, np.start, "", CandKind::Person, None);
            }
        }
        if is_spokesperson(head) {
            // "a Vodafone spokesman ... the spokesman said": the organisation it speaks for.
            return self
                .cands
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, c)| (c.block, c.start) < here)
                .find_map(|(c, cand)| {
                    let (_, _, last) = self.cand_pos[c];
                    let next = self.word(cand.block, last + 1)?;
                    (cand.kind != CandKind::Person && is_spokesperson(next))
                        .then(|| cand.name.clone())
                });
        }
        None
    }

    /// The person sentence `s` is about, when a reporter names them as its subject by the
    /// surname ("Sanders", "Sen. Bernie Sanders (Vt.), who …"). Not a pronoun ("He had only
    /// performed in Zimbabwe."), not a first name and not in a sentence in the first person
    /// ("But Bob in the 1990s became one of the great icons", "Bob was the most driven man
    /// I worked with"): those are someone talking about the person, outside the marks.
    pub(crate) fn named_person_subject(&self, s: usize) -> Option<String> {
        let (block, range) = self.sents.get(s)?;
        let first_person = range.clone().any(|k| {
            self.word(*block, k).is_some_and(|w| {
                matches!(
                    crate::attribution::pronoun_base(w).as_str(),
                    "i" | "me" | "my" | "we" | "our"
                )
            })
        });
        if first_person {
            return None;
        }
        let subject = self.sentence_subject(*block, range.start, range.end);
        let mention = subject.mention.as_deref()?;
        let name = subject.name?;
        let last_word = |text: &str| {
            text.split_whitespace()
                .rfind(|w| w.chars().any(char::is_alphabetic))
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        };
        let by_surname = mention.split(['(', ',']).next().and_then(last_word) == last_word(&name);
        (!is_pronoun(mention)
            && by_surname
            && self.speaker_type(Some(&name)) == SpeakerType::Person)
            .then_some(name)
    }

    /// The named speaker of a sentence's own speech verb ("Peter Nielson ... said he had
    /// suspended Mr Houston."), used for a quotation that follows with no cue of its own.
    pub fn sentence_speaker(&self, s: usize) -> Option<String> {
        let (block, range) = self.sents.get(s)?;
        let k = range
            .clone()
            .find(|&k| self.cue_form(*block, k) == Some(CueForm::Finite))?;
        self.speaker_for_cue(Cue {
            block: *block,
            tok: k,
            form: CueForm::Finite,
        })
        .name
    }
}

/// The lowercased words that state a role with the name at tokens `first..=last`: up to
/// own words, up to five words before it back to a punctuation mark (and, after "ROLE, ", the words before
/// that comma), and after ", " or " (" the words of the apposition up to its end.
fn role_context(
    toks: &[crate::tokens::Tok],
    text: &str,
    first: usize,
    last: usize,
    sentence: Range<usize>,
) -> Vec<String> {
    let lower = |k: usize| toks[k].text(text).to_lowercase();
    // The name's own words: a name read from the text keeps its title ("Home Secretary
    // Charles Clarke").
    let mut context: Vec<String> = (first..=last.min(toks.len().saturating_sub(1)))
        .filter(|&k| toks[k].is_word())
        .map(lower)
        .collect();
    let joins_a_name = |k: usize| toks[k].is_word() || toks[k].is_punct('-');
    // Before the name, only words a title run is made of: names, roles, titles and their
    // modifiers ("former", "deputy"); "the president met Jake Tapper" stops at "met".
    let in_title_run = |k: usize| {
        let word = toks[k].text(text);
        toks[k].is_punct('-')
            || (toks[k].is_word()
                && (is_capitalised(word)
                    || word.starts_with(['\'', '’'])
                    || lexicon::is_role_word(&word.to_lowercase())
                    || lexicon::is_title(word)
                    || matches!(
                        word,
                        "former" | "deputy" | "acting" | "then" | "longtime" | "senior" | "top"
                    )))
    };
    // The title run ending just before token `end`, at most `limit` words, into `context`;
    // where it starts.
    let title_run_before = |end: usize, limit: usize, context: &mut Vec<String>| {
        let (mut k, mut taken) = (end, 0);
        while k > sentence.start && taken < limit && in_title_run(k - 1) {
            k -= 1;
            if toks[k].is_word() {
                context.push(lower(k));
                taken += 1;
            }
        }
        k
    };
    let k = title_run_before(first, 5, &mut context);
    // "the president, Barack Obama", "The Secretary of State for Culture, Media and
    // Sport, Tessa Jowell": a role phrase and a comma right before the name. The phrase is
    // read back to its determiner or the sentence start (at most twelve tokens); one that
    // does not open so is only trusted as far as its title run.
    if k == first && k >= sentence.start + 2 && toks[k - 1].is_punct(',') {
        let mut phrase = Vec::new();
        let mut j = k - 1;
        let mut opened = false;
        while j > sentence.start && phrase.len() < 12 {
            let t = &toks[j - 1];
            if !(t.is_word() || t.is_punct(',') || t.is_punct('-')) {
                break;
            }
            j -= 1;
            if t.is_word() {
                let word = lower(j);
                let determiner = is_determiner(&word);
                phrase.push(word);
                if determiner {
                    opened = true;
                    break;
                }
            }
        }
        opened |= j == sentence.start;
        if opened {
            context.extend(phrase);
        } else {
            title_run_before(k - 1, 8, &mut context);
        }
    }
    let opens_apposition = toks
        .get(last + 1)
        .is_some_and(|t| t.is_punct(',') || t.is_punct('('));
    if opens_apposition {
        let end = sentence.end.min(toks.len()).min(last + 10);
        for k in last + 2..end {
            if !joins_a_name(k) {
                break;
            }
            let word = lower(k);
            // "Ms Robinson, a friend of the Tory leader": the apposition's head comes
            // before its first preposition; a relative clause is no apposition.
            if matches!(
                word.as_str(),
                "who" | "which" | "that" | "whose" | "whom" | "of" | "to" | "for" | "with"
            ) {
                break;
            }
            context.push(word);
        }
    }
    context
}
