//! Who can speak: the people and organisations named in the article, as candidates the
//! attribution rules point at. They come from the `extract.entities` stage's mentions when
//! it ran (names already normalised), otherwise from a light scan of capitalised runs in
//! the reporter's text with titles stripped and short forms folded into full names
//! ("Mr Thomas" -> "Richard Thomas", "SOHR" -> "Syrian Observatory for Human Rights").

use rustc_hash::FxHashMap;

use newsmill_core::{Annotations, EntityKind};

use crate::lexicon;
use crate::tokens::Tok;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandKind {
    Person,
    Org,
    Other,
}

/// One mention of a possible speaker in the reporter's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub block: usize,
    /// Byte range of the mention in the block text.
    pub start: usize,
    pub end: usize,
    /// Normalised name.
    pub name: String,
    pub kind: CandKind,
    /// The entity stage typed it a place: a "he" or "she" never refers to it, even when it
    /// speaks ("China said").
    pub place: bool,
}

/// Candidates from entity mentions, in text order, leaving out those inside quotations.
pub fn from_mentions(
    annotations: &Annotations,
    inside_quote: impl Fn(usize, usize) -> bool,
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = annotations
        .mentions
        .iter()
        .filter(|m| !inside_quote(m.span.block, m.span.start))
        .map(|m| {
            let entity = annotations.entities.get(m.entity);
            Candidate {
                block: m.span.block,
                start: m.span.start,
                end: m.span.end,
                name: entity.map_or_else(|| m.surface.clone(), |e| e.name.clone()),
                kind: match entity.map_or(m.kind, |e| e.kind) {
                    EntityKind::Person => CandKind::Person,
                    EntityKind::Organization => CandKind::Org,
                    EntityKind::Location | EntityKind::Misc => CandKind::Other,
                },
                place: entity.map_or(m.kind, |e| e.kind) == EntityKind::Location,
            }
        })
        .collect();
    out.sort_by_key(|c| (c.block, c.start, c.end));
    out
}

pub fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        // "4Cast", "3M": a digit-led name with a capital in it.
        Some(c) if c.is_ascii_digit() => chars.any(char::is_uppercase),
        _ => false,
    }
}

/// A word that can be part of a name: capitalised, or a particle-joined name ("al-Maliki").
fn is_name_word(word: &str) -> bool {
    (is_capitalised(word) || is_particle_name(word)) && !lexicon::is_capitalised_function_word(word)
}

/// "al-Maliki", "el-Sisi": a lowercase particle hyphenated to a capitalised name.
fn is_particle_name(word: &str) -> bool {
    word.split_once('-')
        .is_some_and(|(head, rest)| lexicon::is_name_particle(head) && is_capitalised(rest))
}

/// "British-based", "US-backed": capitalised adjectives that are not names.
fn is_hyphenated_adjective(word: &str) -> bool {
    is_capitalised(word)
        && word
            .split_once('-')
            .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_lowercase))
}

fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c == '.')
}

fn strip_possessive(word: &str) -> (&str, bool) {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return (stem, true);
        }
    }
    (word, false)
}

/// A capitalised run found in text: the token range and the name words without titles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun<'a> {
    pub first_tok: usize,
    pub last_tok: usize,
    /// The name's words as written in the block text (a possessive "'s" left off).
    pub words: Vec<&'a str>,
    pub kind: CandKind,
    /// A single capitalised word opening a sentence: maybe a name, maybe not ("Deloitte
    /// said", "Prosecutors said").
    pub lone_opener: bool,
}

impl NameRun<'_> {
    pub fn name(&self) -> String {
        self.words.join(" ")
    }
}

/// Capitalised name runs among `toks[range]` (narrative tokens only). `sentence_starts`
/// marks tokens that open a sentence, where a lone capitalised word proves nothing.
pub fn name_runs<'a>(
    text: &'a str,
    toks: &[Tok],
    range: std::ops::Range<usize>,
    sentence_start: usize,
) -> Vec<NameRun<'a>> {
    let mut runs = Vec::new();
    let mut i = range.start;
    let end = range.end.min(toks.len());
    while i < end {
        // Most tokens are lowercase words or punctuation, which can neither open a title
        // nor a name (a lowercase word only joins a name as a hyphened particle: "al-Maliki").
        let opens_nothing = !toks[i].is_word() || {
            let w = toks[i].text(text);
            !is_capitalised(w) && !w.contains('-')
        };
        if opens_nothing {
            i += 1;
            continue;
        }
        let mut titled = false;
        // Titles ("President", "Mr", "Gen.") open a run but are not part of the name.
        let mut j = i;
        // A title needs a name after it ("Ms King has": "King" is the name).
        let name_follows = |j: usize| {
            let mut n = j + 1;
            if toks.get(n).is_some_and(|t| t.is_punct('.')) {
                n += 1;
            }
            n < end && toks[n].is_word() && is_name_word(toks[n].text(text))
        };
        while j < end
            && toks[j].is_word()
            && is_capitalised(toks[j].text(text))
            && lexicon::is_title(toks[j].text(text))
            && name_follows(j)
        {
            titled = true;
            j += 1;
            if j < end && toks[j].is_punct('.') {
                j += 1;
            }
        }
        let mut words: Vec<&'a str> = Vec::new();
        let mut k = j;
        let mut org = false;
        while k < end && toks[k].is_word() {
            let raw = toks[k].text(text);
            let (word, possessive) = strip_possessive(raw);
            let next_is_name = || {
                toks.get(k + 1).is_some_and(|t| {
                    t.is_word()
                        && is_capitalised(t.text(text))
                        && !lexicon::is_capitalised_function_word(t.text(text))
                })
            };
            if !words.is_empty()
                && is_capitalised(word)
                && lexicon::is_title(word)
                && name_follows(k)
            {
                // A title inside a run starts the next name: "Iraqi Prime Minister Nuri al-Maliki".
                break;
            }
            // "Hillary Clinton Joked": in a title-case line a speech verb is capitalised
            // too, but it ends the name.
            let speech_verb = !words.is_empty()
                && is_capitalised(word)
                && (lexicon::is_finite_cue(word) || lexicon::is_participle_cue(word));
            let accepted = if speech_verb {
                false
            } else if is_particle_name(word) {
                true
            } else if is_capitalised(word) && !is_hyphenated_adjective(word) {
                !(words.is_empty() && lexicon::is_capitalised_function_word(word))
                    && word.chars().any(char::is_alphabetic)
            } else if !words.is_empty() && next_is_name() {
                // A connector stays inside an organisation's name, also when the word that
                // makes it one comes later ("Finance and Economy Ministry").
                let org_ahead = || {
                    toks[k + 1..end.min(k + 5)]
                        .iter()
                        .take_while(|t| t.is_word() && is_capitalised(t.text(text)))
                        .any(|t| lexicon::is_org_name_word(strip_possessive(t.text(text)).0))
                };
                lexicon::is_name_particle(word)
                    || (matches!(word, "of" | "for" | "and" | "the") && (org || org_ahead()))
            } else {
                false
            };
            if !accepted {
                break;
            }
            org |= lexicon::is_org_name_word(word);
            words.push(word);
            k += 1;
            if possessive {
                break;
            }
            // A middle initial's full stop stays inside the name: "Roger C. Altman".
            let initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
            if initial
                && words.len() >= 2
                && toks.get(k).is_some_and(|t| t.is_punct('.'))
                && k + 1 < end
                && toks[k + 1].is_word()
                && is_name_word(toks[k + 1].text(text))
            {
                k += 1;
            }
        }
        if words.is_empty() {
            i = k.max(i + 1);
            continue;
        }
        let lone_opener =
            j == sentence_start && words.len() == 1 && !titled && !is_acronym(words[0]);
        {
            // "analyst Mike Powell of Dresdner Kleinwort": after "of" comes an affiliation.
            let after_of = i > 0 && toks[i - 1].is_word() && toks[i - 1].text(text) == "of";
            // "State Department spokeswoman", "Factory Records founder": a name that
            // qualifies a role word is the organisation the person belongs to.
            let qualifies_role = toks.get(k).is_some_and(|t| {
                t.is_word() && !is_capitalised(t.text(text)) && lexicon::is_role_word(t.text(text))
            });
            let kind =
                // An acronym opening a run names an organisation ("BBC Radio", "BNP Paribas").
                if org || is_acronym(words[0]) || (qualifies_role && !titled) {
                    CandKind::Org
                } else if after_of && !titled {
                    // "ally of Tony Blair", "analyst Mike Powell of Dresdner Kleinwort": a person
                    // or an affiliation; neither kind is certain.
                    CandKind::Other
                } else if titled || words.len() >= 2 {
                    CandKind::Person
                } else {
                    CandKind::Other
                };
            runs.push(NameRun {
                first_tok: i,
                last_tok: k - 1,
                words,
                kind,
                lone_opener,
            });
        }
        i = k;
    }
    runs
}

/// Folds short or abbreviated names into the fullest name they stand for: a surname into
/// the person's full name ending with it, an acronym into the organisation it abbreviates.
/// Built once per article; lookups by last word and by initials keep it linear.
#[derive(Debug, Default)]
pub struct AliasIndex {
    /// Each multi-word name with its word count.
    names: Vec<(String, usize)>,
    by_last_word: FxHashMap<String, Vec<usize>>,
    by_initials: FxHashMap<String, Vec<usize>>,
}

impl AliasIndex {
    pub fn new(cands: &[Candidate]) -> Self {
        let mut index = AliasIndex::default();
        for cand in cands {
            let word_count = cand.name.split_whitespace().count();
            if word_count < 2 {
                continue;
            }
            let at = index.names.len();
            if cand.kind != CandKind::Org {
                if let Some(last) = cand.name.split_whitespace().next_back() {
                    index
                        .by_last_word
                        .entry(last.to_string())
                        .or_default()
                        .push(at);
                }
            }
            let initials: String = cand
                .name
                .split_whitespace()
                .filter(|w| is_capitalised(w))
                .filter_map(|w| w.chars().next())
                .collect();
            index.by_initials.entry(initials).or_default().push(at);
            index.names.push((cand.name.clone(), word_count));
        }
        index
    }

    /// The fullest known name `name` stands for, or `name` itself (the first of equally
    /// long candidates wins, so the result does not depend on hashing).
    pub fn fold(&self, name: &str) -> String {
        self.fuller_name(name)
            .map_or_else(|| name.to_string(), str::to_string)
    }

    /// The longest known name ending with `name`'s words, or the organisation its acronym
    /// abbreviates, when there is one.
    pub fn fuller_name(&self, name: &str) -> Option<&str> {
        let word_count = name.split_whitespace().count();
        let last = name.split_whitespace().next_back()?;
        let by_surname = self
            .by_last_word
            .get(last)
            .into_iter()
            .flatten()
            .filter(|&&at| {
                let (full, full_count) = &self.names[at];
                *full_count > word_count
                    && full
                        .split_whitespace()
                        .skip(full_count - word_count)
                        .eq(name.split_whitespace())
            });
        let acronym = (word_count == 1 && is_acronym(last)).then(|| last.replace('.', ""));
        let by_initials = acronym
            .iter()
            .flat_map(|a| self.by_initials.get(a).into_iter().flatten());
        let mut best: Option<&str> = None;
        for &at in by_surname.chain(by_initials) {
            let candidate = self.names[at].0.as_str();
            if best.map_or(true, |b| candidate.len() > b.len()) {
                best = Some(candidate);
            }
        }
        best
    }
}

/// Candidates scanned from the reporter's text of every block (quotations are tokens of
/// their own and so never scanned). `sentence_starts[b]` lists sentence-opening token indexes.
pub fn from_text(
    texts: &[&str],
    toks: &[Vec<Tok>],
    sentences: &[(usize, std::ops::Range<usize>)],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut lone = Vec::new();
    for (block, range) in sentences {
        let (Some(text), Some(block_toks)) = (texts.get(*block), toks.get(*block)) else {
            continue;
        };
        for run in name_runs(text, block_toks, range.clone(), range.start) {
            let (Some(first), Some(last)) =
                (block_toks.get(run.first_tok), block_toks.get(run.last_tok))
            else {
                continue;
            };
            out.push(Candidate {
                block: *block,
                start: first.start,
                end: last.end,
                name: run.name(),
                kind: run.kind,
                place: false,
            });
            lone.push(run.lone_opener);
        }
    }
    // Fold short forms into full names seen anywhere in the article (a surname may come
    // first in a headline-like lead and the full name later).
    let aliases = AliasIndex::new(&out);
    let folded: Vec<Option<String>> = out
        .iter()
        .map(|c| aliases.fuller_name(&c.name).map(str::to_string))
        .collect();
    let mut keep = Vec::with_capacity(out.len());
    for ((cand, fuller), lone_opener) in out.iter_mut().zip(folded).zip(lone) {
        if let Some(name) = fuller.filter(|name| *name != cand.name) {
            cand.name = name;
            if cand.kind == CandKind::Other {
                cand.kind = CandKind::Person;
            }
            keep.push(true);
        } else {
            // A lone sentence opener is kept only when it is a known name's short form.
            keep.push(!lone_opener);
        }
    }
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(false));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize_blocks;

    fn runs(text: &str) -> Vec<(String, CandKind)> {
        let toks = tokenize_blocks(&[text], &[]);
        name_runs(text, &toks[0], 0..toks[0].len(), 0)
            .into_iter()
            .filter(|r| !r.lone_opener)
            .map(|r| (r.name(), r.kind))
            .collect()
    }

    #[test]
    fn strips_titles_and_keeps_particles() {
        assert_eq!(
            runs("Last year President Barack Obama spoke"),
            vec![("Barack Obama".into(), CandKind::Person)]
        );
        assert_eq!(
            runs("Iraqi Defense Ministry spokesman Mohammed al-Askari told"),
            vec![
                ("Iraqi Defense Ministry".into(), CandKind::Org),
                ("Mohammed al-Askari".into(), CandKind::Person)
            ]
        );
        assert_eq!(
            runs("analyst Nick Van den Brul of BNP"),
            vec![
                ("Nick Van den Brul".into(), CandKind::Person),
                ("BNP".into(), CandKind::Org)
            ]
        );
    }

    #[test]
    fn organisation_names_keep_connectors_and_drop_adjectives() {
        assert_eq!(
            runs("the British-based Syrian Observatory for Human Rights (SOHR) described"),
            vec![
                ("Syrian Observatory for Human Rights".into(), CandKind::Org),
                ("SOHR".into(), CandKind::Org)
            ]
        );
    }

    #[test]
    fn possessives_end_a_run_and_lone_openers_are_ignored() {
        assert_eq!(
            runs("Deloitte's chief Roger Bootle"),
            vec![("Roger Bootle".into(), CandKind::Person)]
        );
        assert_eq!(
            runs("Mr Howard's plan"),
            vec![("Howard".into(), CandKind::Person)]
        );
    }

    #[test]
    fn aliases_fold_into_full_names() {
        let known = vec![
            Candidate {
                block: 0,
                start: 0,
                end: 1,
                name: "Richard Thomas".into(),
                kind: CandKind::Person,
                place: false,
            },
            Candidate {
                block: 0,
                start: 0,
                end: 1,
                name: "British Chamber of Commerce".into(),
                kind: CandKind::Org,
                place: false,
            },
        ];
        let index = AliasIndex::new(&known);
        assert_eq!(index.fold("Thomas"), "Richard Thomas");
        assert_eq!(index.fold("BCC"), "British Chamber of Commerce");
        assert_eq!(index.fold("Jones"), "Jones");
    }
}
