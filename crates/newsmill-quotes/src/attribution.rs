//! Who said a quotation: finds the speech cue in the quotation's sentence ("X said",
//! "said X", "according to X", "X, the spokesman, said", "..., declaring that"), takes the
//! noun phrase that is its subject and names it: an entity mention or capitalised name in
//! the phrase, a pronoun's most likely antecedent, or the earlier person or organisation a
//! role description ("the spokesman", "the ministry") stands for.

use std::ops::Range;

use crate::doc::Doc;
use crate::lexicon;
use crate::names::{name_runs, CandKind};
use crate::tokens::TokKind;

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

const PERSON_PRONOUNS: &[&str] = &["he", "she"];
const GROUP_PRONOUNS: &[&str] = &["it", "they"];

fn is_pronoun(word: &str) -> bool {
    let w = word.to_lowercase();
    PERSON_PRONOUNS.contains(&w.as_str())
        || GROUP_PRONOUNS.contains(&w.as_str())
        || w == "we"
        || w == "i"
}

fn is_spokesperson(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "spokesman" | "spokeswoman" | "spokesperson" | "official"
    )
}

fn is_determiner(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "the" | "a" | "an")
}

use crate::names::is_capitalised;

fn is_possessive(word: &str) -> bool {
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
}

impl Doc<'_> {
    pub fn cue_form(&self, block: usize, tok: usize) -> Option<CueForm> {
        let word = self.word(block, tok)?;
        if lexicon::is_finite_cue(word) {
            Some(CueForm::Finite)
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
        ((q + 1)..range.end).find_map(|k| {
            self.cue_form(block, k).map(|form| Cue {
                block,
                tok: k,
                form,
            })
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
            CueForm::AccordingTo => match self.np_forward(block, k + 2, range.end) {
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
                {
                    Some(np) => self.resolve_np(block, np, true),
                    None => self.sentence_subject(block, range.start, k),
                }
            }
            CueForm::Finite => {
                let before = self.skip_adverbials(block, k, range.start);
                if let Some(np) = self.np_backward(block, before, range.start) {
                    return self.resolve_np(block, np, true);
                }
                let prev = before
                    .checked_sub(1)
                    .filter(|p| *p >= range.start)
                    .map(|p| &self.toks[block][p]);
                match prev {
                    Some(t) if t.is_word() => {
                        let word = t.text(self.texts[block]);
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
                    Some(t) if t.is_punct(',') => self
                        .comma_subject(block, range.start, before)
                        .or_else(|| self.inverted_subject(block, k, range.end))
                        .unwrap_or_else(|| self.sentence_subject(block, range.start, k)),
                    _ => self
                        .inverted_subject(block, k, range.end)
                        .unwrap_or_default(),
                }
            }
        }
    }

    /// "..., said Mr Bell": the phrase after a verb that allows inversion (never after
    /// "told" or "accused", whose object follows them).
    fn inverted_subject(&self, block: usize, k: usize, end: usize) -> Option<Speaker> {
        let verb = self.word(block, k)?;
        if lexicon::is_non_inverting_cue(verb) {
            return None;
        }
        self.np_forward(block, k + 1, end)
            .map(|np| self.resolve_np(block, np, false))
    }

    /// Steps back over auxiliaries and time adverbials between a subject and its verb:
    /// "Mr Blair has also said", "The prime minister on Sunday said".
    fn skip_adverbials(&self, block: usize, mut before: usize, start: usize) -> usize {
        loop {
            let Some(word) = before
                .checked_sub(1)
                .filter(|&p| p >= start)
                .and_then(|p| self.word(block, p))
            else {
                return before;
            };
            if lexicon::is_auxiliary(word) {
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
            } else {
                return before;
            }
        }
    }

    /// The noun phrase that ends right before token `end` ("BA chairman Martin Broughton").
    fn np_backward(&self, block: usize, end: usize, start: usize) -> Option<Range<usize>> {
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
                && self.word(block, b - 2).is_some_and(lexicon::is_title)
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
    fn np_forward(&self, block: usize, from: usize, end: usize) -> Option<Range<usize>> {
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
                    break;
                }
                has_name |= is_capitalised(w) && !lexicon::is_capitalised_function_word(w);
                e += 1;
                if is_possessive(w) && has_name {
                    // "said BA's chief executive Rod Eddington": keep going after the owner.
                    has_name = false;
                }
                continue;
            }
            if t.is_punct('.') && e > from && self.word(block, e - 1).is_some_and(lexicon::is_title)
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

    /// "X, the ... spokesman, said": the nearest person (else organisation) followed by a comma.
    fn comma_subject(&self, block: usize, start: usize, end: usize) -> Option<Speaker> {
        let toks = &self.toks[block];
        let mut best: Option<(u8, usize)> = None;
        for (c, &(_, first, last)) in self.cand_pos.iter().enumerate() {
            let cand = &self.cands[c];
            if cand.block != block || first < start || last >= end {
                continue;
            }
            if !toks.get(last + 1).is_some_and(|t| t.is_punct(',')) {
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

    /// The subject of the sentence a participle cue hangs on: skip a leading adverbial
    /// ("Last Sunday,") and take the first noun phrase.
    fn sentence_subject(&self, block: usize, start: usize, cue: usize) -> Speaker {
        let toks = &self.toks[block];
        let mut i = start;
        while i < cue
            && (self.word(block, i).is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "but" | "and" | "yet" | "so" | "however" | "meanwhile"
                )
            }) || toks[i].is_punct(','))
        {
            i += 1;
        }
        if self
            .word(block, i)
            .is_some_and(lexicon::is_leading_adverbial)
        {
            if let Some(comma) = (i..cue).find(|&j| toks[j].is_punct(',')) {
                i = comma + 1;
            }
        }
        if let Some(np) = self.np_forward(block, i, cue) {
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

    /// Names the speaker a noun phrase refers to. `last` picks the last name in the phrase
    /// (the head of "State Department spokeswoman Jen Psaki"), else the first.
    fn resolve_np(&self, block: usize, np: Range<usize>, last: bool) -> Speaker {
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
                let affiliation = first > 0 && self.word(block, first - 1) == Some("of");
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
            if let Some((_, c)) = best {
                return Speaker {
                    name: Some(self.cands[c].name.clone()),
                    mention,
                };
            }
        }
        let sentence_start = self.sentence_range(block, np.start).start;
        let runs = name_runs(text, toks, np.clone(), sentence_start);
        let mut best: Option<(u8, String)> = None;
        for run in runs {
            if in_parens
                .get(run.first_tok - np.start)
                .copied()
                .unwrap_or(false)
            {
                continue;
            }
            if run.lone_opener
                && self.aliases.fold(&run.name()) == run.name()
                && self.appears_lowercase(&run.name())
            {
                // "Prosecutors said": a common noun capitalised by its position.
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
        // "The Ofsted chief said": a person role with no person's name refers to someone
        // introduced earlier with that role; only a spokesperson speaks for the organisation.
        let person_role = self.toks[block][np.clone()]
            .iter()
            .rev()
            .filter(|t| t.is_word())
            .map(|t| t.text(text))
            .find(|w| !is_capitalised(w) && lexicon::is_role_word(w));
        if best.as_ref().is_some_and(|(r, _)| *r < 3)
            && person_role.is_some_and(|w| !is_spokesperson(w))
        {
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

    /// Whether the word also occurs in lowercase somewhere in the article's text, which
    /// shows a capitalised sentence opener is a common word.
    fn appears_lowercase(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        if lower == word {
            return true;
        }
        self.texts.iter().any(|text| {
            text.match_indices(lower.as_str()).any(|(at, m)| {
                let before = text[..at].chars().next_back();
                let after = text[at + m.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
    }

    /// Whether a candidate is the subject of a speech verb ("X said", "said X").
    fn is_cue_subject(&self, c: usize) -> bool {
        let (_, first, last) = self.cand_pos[c];
        let block = self.cands[c].block;
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
        let inverted = first.checked_sub(1).is_some_and(|v| {
            finite(v)
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
    fn resolve_pronoun(&self, block: usize, tok: usize, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        let want = if PERSON_PRONOUNS.contains(&lower.as_str()) {
            CandKind::Person
        } else if GROUP_PRONOUNS.contains(&lower.as_str()) {
            CandKind::Org
        } else {
            return None;
        };
        let sentence = self.sentence_of(block, tok);
        let here = self.toks[block].get(tok).map_or(0, |t| t.start);
        let in_sentence = |s: usize| {
            self.cands
                .iter()
                .enumerate()
                .filter(move |(c, cand)| cand.kind == want && self.cand_pos[*c].0 == s)
        };
        if let Some((_, cand)) =
            in_sentence(sentence).find(|(_, cand)| cand.block == block && cand.start < here)
        {
            return Some(cand.name.clone());
        }
        let lookback = 6;
        for s in (sentence.saturating_sub(lookback)..sentence).rev() {
            // A sentence whose subject is the same pronoun refers to the same antecedent
            // ("Mr Croucher said ... He said ... He told BBC News"): look further back.
            if self.opens_with_pronoun(s, &lower) {
                continue;
            }
            // The sentence's speaker (the last one, as attributions close sentences), else
            // the first person it names (usually its subject). A lone unknown name that
            // speaks ("Emily said") counts as a person.
            let mut first = None;
            let mut speaker = None;
            for (c, cand) in self.cands.iter().enumerate() {
                if self.cand_pos[c].0 != s {
                    continue;
                }
                let speaks = self.is_cue_subject(c);
                let fits = cand.kind == want
                    || (want == CandKind::Person && cand.kind == CandKind::Other && speaks);
                if !fits {
                    continue;
                }
                if speaks {
                    speaker = Some(cand);
                }
                if cand.kind == want {
                    first.get_or_insert(cand);
                }
            }
            if let Some(cand) = speaker.or(first) {
                return Some(cand.name.clone());
            }
        }
        None
    }

    /// Whether sentence `s` has the pronoun `lower` as its subject (after an opening
    /// conjunction or adverbial phrase).
    fn opens_with_pronoun(&self, s: usize, lower: &str) -> bool {
        let Some((block, range)) = self.sents.get(s) else {
            return false;
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
        if self
            .word(block, i)
            .is_some_and(lexicon::is_leading_adverbial)
        {
            if let Some(comma) = (i..range.end).find(|&j| self.toks[block][j].is_punct(',')) {
                i = comma + 1;
            }
        }
        self.word(block, i)
            .is_some_and(|w| w.to_lowercase() == lower)
    }

    /// "the spokesman", "the culture secretary", "the ministry": the most recent earlier
    /// person introduced with the same role words, or organisation whose name has the head.
    fn resolve_role(&self, block: usize, np: Range<usize>) -> Option<String> {
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
        for (c, cand) in earlier {
            if cand.kind != CandKind::Person {
                continue;
            }
            let (_, first, last) = self.cand_pos[c];
            let toks = &self.toks[cand.block];
            let ctx_text = self.texts[cand.block];
            // The role is stated next to the name, before it or in an apposition after it,
            // within the same sentence.
            let sentence = self
                .sents
                .get(self.cand_pos[c].0)
                .map_or(0..0, |(_, r)| r.clone());
            let window = first.saturating_sub(12).max(sentence.start)
                ..(last + 9).min(sentence.end).max(first);
            let context: Vec<String> = toks[window]
                .iter()
                .filter(|t| t.is_word() && !matches!(t.kind, TokKind::Quote { .. }))
                .map(|t| t.text(ctx_text).to_lowercase())
                .collect();
            if roles.iter().all(|r| context.iter().any(|w| w == *r)) {
                return Some(cand.name.clone());
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

trait RankedBest {
    fn is_none_or_better(&self, rank: u8) -> bool;
}

impl RankedBest for Option<(u8, usize)> {
    fn is_none_or_better(&self, rank: u8) -> bool {
        self.map_or(true, |(best, _)| rank > best)
    }
}
