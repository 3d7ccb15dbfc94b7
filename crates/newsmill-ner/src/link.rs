//! Folds an article's mentions into entities: same name (by [`key`]), a defined acronym and
//! its long form, a surname and the full name it belongs to ("Assad" -> "Bashar al-Assad";
//! when several share the surname, the one introduced first, or the next one when none came
//! before), an undefined acronym
//! and the one name whose initials it spells, a country's other names ("US", "United
//! States"), and an organisation's short form and the one longer name it ends ("Times" ->
//! "New York Times") or adds designators to ("Altria" -> "Altria Group"), a US state's
//! abbreviation and its name ("Calif." -> "California"). Entities come out in order of
//! first appearance.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use newsmill_core::{Entity, EntityKind, EntityMention, Span};

use crate::acronyms::{acronym_letters, initials, is_acronym};
use crate::candidate::Candidate;
use crate::fold::{is_particle, key, key_words};
use crate::gazetteer::{is_designator, Gazetteer};
use crate::us_states::state_for_abbreviation;
use crate::works::is_document_name;

/// What the linker may do beyond folding identical names.
#[derive(Debug, Clone, Copy)]
pub struct LinkRules {
    /// Link undefined acronyms to the name whose initials they spell.
    pub acronyms: bool,
    /// Gazetteer types: a one-word mention of another type that is a known person's surname
    /// becomes that person, and a place typed person that is nobody's name a location.
    pub gazetteer_types: bool,
}

struct Mention<'a> {
    cand: Candidate,
    surface: &'a str,
    key: String,
    /// The US state the surface abbreviates ("Calif."), whatever the mention's kind; see
    /// [`Mention::abbreviated_state`].
    state: Option<&'static str>,
}

impl Mention<'_> {
    /// The state a location mention abbreviates ("Calif." -> "California"), if any. The
    /// kind is read here, not when the mention is made: linking may retype it.
    fn abbreviated_state(&self) -> Option<&'static str> {
        self.state
            .filter(|_| self.cand.kind == EntityKind::Location)
    }
}

/// Links candidates (sorted by position) into entities and mentions. `defined` maps an
/// acronym's key to its long form's key, `long_kinds` the long form's key to its kind.
pub fn link(
    blocks: &[&str],
    cands: &[Candidate],
    defined: &BTreeMap<String, (String, EntityKind)>,
    gaz: &Gazetteer,
    rules: LinkRules,
) -> (Vec<Entity>, Vec<EntityMention>) {
    let mut mentions: Vec<Mention> = cands
        .iter()
        .map(|c| {
            let surface = c.text(blocks);
            let after = blocks
                .get(c.block)
                .and_then(|text| text.get(c.end..))
                .unwrap_or("");
            Mention {
                cand: *c,
                surface,
                key: key(surface),
                state: state_for_abbreviation(surface, after),
            }
        })
        .filter(|m| !m.key.is_empty())
        .collect();
    let mut group_of = vec![0usize; mentions.len()];
    let mut group_ids: HashMap<String, usize> = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        let state = m.abbreviated_state();
        let canonical = match (defined.get(&m.key), state) {
            (Some((long, _)), _) => long.clone(),
            (None, Some(state)) => key(state),
            (None, None) => match gaz.place(&m.key).and_then(|p| p.country) {
                Some(row) if m.cand.kind == EntityKind::Location => format!("\u{1}country {row}"),
                _ => m.key.clone(),
            },
        };
        let next = group_ids.len();
        group_of[i] = *group_ids.entry(canonical).or_insert(next);
    }
    link_nickname_forms(&mentions, &mut group_of);
    link_initialled_forms(&mentions, &mut group_of);
    link_surnames(blocks, &mut mentions, &mut group_of, gaz, rules);
    if rules.gazetteer_types {
        places_typed_person(&mut mentions, &group_of, gaz);
    }
    if rules.acronyms {
        link_initials(&mentions, &mut group_of, defined);
    }
    link_organisation_short_names(&mentions, &mut group_of, gaz);
    build(&mentions, &group_of, defined, gaz)
}

/// `Robert C. "Bobby" Scott`, then "Bobby Scott" or "Robert C. Scott": one person, the
/// name first written with the nickname.
fn link_nickname_forms(mentions: &[Mention], group_of: &mut [usize]) {
    // Few names hold a quotation mark: most articles stop at this test.
    if !mentions.iter().any(|m| m.surface.contains(['"', '“'])) {
        return;
    }
    let mut group_of_form: HashMap<String, usize> = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.cand.kind == EntityKind::Person {
            for form in crate::nicknames::forms_without_quotes(m.surface) {
                group_of_form.entry(key(&form)).or_insert(group_of[i]);
            }
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        if m.cand.kind == EntityKind::Person {
            if let Some(&group) = group_of_form.get(&m.key) {
                group_of[i] = group;
            }
        }
    }
}

/// "D Parks" or "D. Parks" (a line-up, a results list) and "Dan Parks": one person when the
/// article names one person only with that surname and a given name of that initial. Two
/// ("John Smith", "Jane Smith") leave the initialled form alone.
fn link_initialled_forms(mentions: &[Mention], group_of: &mut [usize]) {
    let initialled = |m: &Mention| -> Option<(char, String)> {
        let (first, rest) = m.key.split_once(' ')?;
        let mut letters = first.chars();
        let letter = letters.next()?;
        (letters.next().is_none() && letter.is_alphabetic() && !rest.contains(' '))
            .then(|| (letter, rest.to_string()))
    };
    if !mentions
        .iter()
        .any(|m| m.cand.kind == EntityKind::Person && initialled(m).is_some())
    {
        return;
    }
    // (initial, surname) -> the one full name's group, or None once two differ.
    let mut full: HashMap<(char, String), Option<(String, usize)>> = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.cand.kind != EntityKind::Person || initialled(m).is_some() {
            continue;
        }
        let mut words = m.key.split(' ');
        let (Some(first), Some(last)) = (words.next(), m.key.rsplit(' ').next()) else {
            continue;
        };
        if first == last || first.chars().count() < 2 {
            continue;
        }
        let Some(letter) = first.chars().next() else {
            continue;
        };
        let entry = full
            .entry((letter, last.to_string()))
            .or_insert_with(|| Some((m.key.clone(), group_of[i])));
        if entry.as_ref().is_some_and(|(k, _)| *k != m.key) {
            *entry = None;
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        if m.cand.kind != EntityKind::Person {
            continue;
        }
        if let Some(Some((_, group))) = initialled(m).and_then(|k| full.get(&k)) {
            group_of[i] = *group;
        }
    }
}

/// "ST. LOUIS", "DES MOINES": a name written in capitals only (a dateline, a headline),
/// with at least one word of two or more letters.
fn is_all_capitals(surface: &str) -> bool {
    !surface.chars().any(char::is_lowercase)
        && surface
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 2)
}

/// "ROBERTO DURAN" (a headline) named "Roberto Duran" when the group's mixed-case mentions
/// ("Roberto", "Duran") spell each of its words; `None` when the name is not all capitals
/// or a word has no mixed-case spelling ("BLACKBURN ROVERS" beside "Rovers" stays).
fn recased_from_mixed_case<'a>(
    name: &str,
    surfaces: impl Iterator<Item = &'a str>,
) -> Option<String> {
    if !is_all_capitals(name) || !name.contains(' ') {
        return None;
    }
    let mixed: Vec<&str> = surfaces
        .filter(|s| s.chars().any(char::is_lowercase))
        .flat_map(|s| s.split(' '))
        .collect();
    let words: Option<Vec<&str>> = name
        .split(' ')
        .map(|w| {
            mixed
                .iter()
                .copied()
                .find(|m| m.to_lowercase() == w.to_lowercase())
        })
        .collect();
    words.map(|w| w.join(" "))
}

/// Mention indices per group, groups in order of first mention.
fn members(group_of: &[usize]) -> Vec<Vec<usize>> {
    let mut slot_of: HashMap<usize, usize> = HashMap::default();
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (i, &g) in group_of.iter().enumerate() {
        let slot = *slot_of.entry(g).or_insert_with(|| {
            out.push(Vec::new());
            out.len() - 1
        });
        out[slot].push(i);
    }
    out
}

/// Surname keys of a full personal name: "bashar al assad" -> ["assad", "al assad"].
fn surname_keys(name_key: &str) -> Vec<String> {
    let words: Vec<&str> = key_words(name_key).collect();
    let significant = words.iter().filter(|w| !is_particle(w)).count();
    if significant < 2 {
        return Vec::new();
    }
    let Some(last) = words.last() else {
        return Vec::new();
    };
    let mut keys = vec![last.to_string()];
    if words.len() >= 3 && is_particle(words[words.len() - 2]) {
        keys.push(format!("{} {last}", words[words.len() - 2]));
    }
    keys
}

/// "assad", "al assad": a surname on its own.
fn is_short_name(name_key: &str) -> bool {
    let words: Vec<&str> = key_words(name_key).collect();
    match words.as_slice() {
        [one] => !is_particle(one),
        [particle, _] => is_particle(particle),
        _ => false,
    }
}

fn link_surnames(
    blocks: &[&str],
    mentions: &mut [Mention],
    group_of: &mut [usize],
    gaz: &Gazetteer,
    rules: LinkRules,
) {
    // surname key -> (group, mention index) of every mention of a full name
    let mut full: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.cand.kind == EntityKind::Person {
            for s in surname_keys(&m.key) {
                full.entry(s).or_default().push((group_of[i], i));
            }
        }
    }
    // first name -> groups of the full names that start with it ("Sonia" -> Sonia O'Sullivan)
    let mut first_names: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let words: Vec<&str> = key_words(&m.key).collect();
        if m.cand.kind == EntityKind::Person && words.len() >= 2 && !is_particle(words[0]) {
            let groups = first_names.entry(words[0]).or_default();
            if !groups.contains(&group_of[i]) {
                groups.push(group_of[i]);
            }
        }
    }
    let mut retyped = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if !is_short_name(&m.key) {
            continue;
        }
        if m.cand.kind == EntityKind::Person && !full.contains_key(&m.key) {
            // A first name on its own is linked only when one person in the article has it.
            if let Some([group]) = first_names.get(m.key.as_str()).map(Vec::as_slice) {
                group_of[i] = *group;
            }
            continue;
        }
        let retypable = rules.gazetteer_types
            && gaz.place(&m.key).is_none()
            && !gaz.is_demonym(&m.key)
            && !is_acronym(m.surface);
        if m.cand.kind != EntityKind::Person && !retypable {
            continue;
        }
        let Some(all_holders) = full.get(&m.key) else {
            continue;
        };
        // "Mrs. Clinton" beside Bill and Hillary Clinton: a title that gives a sex keeps
        // the holders whose given name is of that sex, else those whose given name gives
        // none ("Bill" is no listed name), else all of them.
        let holders: Vec<(usize, usize)> = match title_sex(blocks, &m.cand) {
            Some(male) => {
                let sex_of = |at: usize| {
                    key_words(&mentions[at].key)
                        .next()
                        .and_then(|first| gaz.given_name_is_male(first))
                };
                let with = |sex: Option<bool>| -> Vec<(usize, usize)> {
                    all_holders
                        .iter()
                        .filter(|&&(_, at)| sex_of(at) == sex)
                        .copied()
                        .collect()
                };
                [with(Some(male)), with(None)]
                    .into_iter()
                    .find(|kept| !kept.is_empty())
                    .unwrap_or_else(|| all_holders.clone())
            }
            None => all_holders.clone(),
        };
        // Of several people with the surname, the bare surname is the one the article
        // introduced first: news names the relative or namesake who comes later in full
        // ("Clinton and her husband, former President Bill Clinton, …").
        let before = holders
            .iter()
            .filter(|(_, at)| *at < i)
            .min_by_key(|(_, at)| *at);
        let after = holders
            .iter()
            .filter(|(_, at)| *at > i)
            .min_by_key(|(_, at)| *at);
        if let Some(&(group, _)) = before.or(after) {
            group_of[i] = group;
            retyped.push(i);
        }
    }
    for i in retyped {
        mentions[i].cand.kind = EntityKind::Person;
    }
}

/// The sex the title right before a mention gives: "Mr." a man, "Mrs.", "Ms." or "Miss" a
/// woman (full stop optional).
fn title_sex(blocks: &[&str], cand: &Candidate) -> Option<bool> {
    let before = blocks
        .get(cand.block)?
        .get(..cand.start)?
        .strip_suffix(' ')?;
    let title = before
        .rsplit([' ', '(', '"', '“'])
        .next()?
        .trim_end_matches('.');
    match title {
        "Mr" => Some(true),
        "Mrs" | "Ms" | "Miss" => Some(false),
        _ => None,
    }
}

/// A place name typed person ("Anbar") becomes a location unless its entity holds a person
/// named in full ("Washington" linked to "MaliVai Washington").
fn places_typed_person(mentions: &mut [Mention], group_of: &[usize], gaz: &Gazetteer) {
    let has_full_name: HashSet<usize> = mentions
        .iter()
        .zip(group_of)
        .filter(|(m, _)| {
            m.cand.kind == EntityKind::Person
                && !gaz.is_any_place(&m.key)
                && key_words(&m.key).count() >= 2
        })
        .map(|(_, &g)| g)
        .collect();
    for (m, g) in mentions.iter_mut().zip(group_of) {
        let strong_place = gaz.is_known_place(&m.key);
        if m.cand.kind == EntityKind::Person && strong_place && !has_full_name.contains(g) {
            m.cand.kind = EntityKind::Location;
        }
    }
}

fn link_initials(
    mentions: &[Mention],
    group_of: &mut [usize],
    defined: &BTreeMap<String, (String, EntityKind)>,
) {
    let groups = members(group_of);
    for g in &groups {
        let all_acronyms = g
            .iter()
            .all(|&i| is_acronym(mentions[i].surface) && !defined.contains_key(&mentions[i].key));
        if !all_acronyms {
            continue;
        }
        let letters = acronym_letters(mentions[g[0]].surface);
        let mut targets: Vec<usize> = groups
            .iter()
            .filter(|other| other[0] != g[0])
            .filter(|other| {
                other.iter().any(|&i| {
                    let m = &mentions[i];
                    m.cand.kind != EntityKind::Person
                        && !is_acronym(m.surface)
                        && (initials(m.surface, false) == letters
                            || initials(m.surface, true) == letters)
                })
            })
            .map(|other| group_of[other[0]])
            .collect();
        targets.dedup();
        if let [target] = targets.as_slice() {
            for &i in g {
                group_of[i] = *target;
            }
        }
    }
}

/// Whether `short` names the same organisation as the longer `long` (both keys): `long`
/// ends with it ("times" / "new york times", "media council" / "uganda media council"), or
/// is it plus designators ("altria" / "altria group").
fn short_form_of(short: &str, long: &str) -> bool {
    let (s, l): (Vec<&str>, Vec<&str>) = (key_words(short).collect(), key_words(long).collect());
    if s.is_empty() || l.len() <= s.len() {
        return false;
    }
    let ends_with = l.ends_with(&s);
    let designated = l.starts_with(&s) && l[s.len()..].iter().all(|w| is_designator(w));
    ends_with || designated
}

fn link_organisation_short_names(mentions: &[Mention], group_of: &mut [usize], gaz: &Gazetteer) {
    let groups = members(group_of);
    for g in &groups {
        let m = &mentions[g[0]];
        if !matches!(m.cand.kind, EntityKind::Organization | EntityKind::Misc)
            || gaz.place(&m.key).is_some()
            || is_acronym(m.surface)
            || is_designator(&m.key)
        {
            continue;
        }
        let mut targets: Vec<usize> = groups
            .iter()
            .filter(|other| other[0] != g[0])
            .filter(|other| {
                other.iter().any(|&i| {
                    let o = &mentions[i];
                    o.cand.kind == EntityKind::Organization && short_form_of(&m.key, &o.key)
                })
            })
            .map(|other| group_of[other[0]])
            .collect();
        targets.dedup();
        if let [target] = targets.as_slice() {
            for &i in g {
                group_of[i] = *target;
            }
        }
    }
}

fn span(c: &Candidate) -> Span {
    Span::new(c.block, c.start, c.end)
}

fn build(
    mentions: &[Mention],
    group_of: &[usize],
    defined: &BTreeMap<String, (String, EntityKind)>,
    gaz: &Gazetteer,
) -> (Vec<Entity>, Vec<EntityMention>) {
    let groups = members(group_of);
    let mut entities = Vec::with_capacity(groups.len());
    let mut out_mentions: Vec<EntityMention> = Vec::with_capacity(mentions.len());
    let long_kind: HashMap<&str, EntityKind> = defined
        .values()
        .map(|(long, kind)| (long.as_str(), *kind))
        .collect();
    for (entity, g) in groups.iter().enumerate() {
        let kind = g
            .iter()
            .find_map(|&i| long_kind.get(mentions[i].key.as_str()).copied())
            .unwrap_or_else(|| majority_kind(mentions, g));
        let named_by = g.iter().map(|&i| &mentions[i]).max_by(|a, b| {
            let rank = |m: &Mention| {
                (
                    m.abbreviated_state().is_none(),
                    !is_acronym(m.surface),
                    !gaz.is_formal_country_name(&m.key),
                    key_words(&m.key).count(),
                    // "St. Louis" over the dateline's "ST. LOUIS" (but "BLACKBURN ROVERS"
                    // over "Rovers": more words first).
                    !is_all_capitals(m.surface),
                    m.surface.chars().count(),
                )
            };
            rank(a).cmp(&rank(b)).then_with(|| {
                b.cand
                    .start
                    .cmp(&a.cand.start)
                    .then(b.cand.block.cmp(&a.cand.block))
            })
        });
        // A state written only as "Calif." is named in full.
        let name = named_by.map_or("", |m| m.abbreviated_state().unwrap_or(m.surface));
        let recased = recased_from_mixed_case(name, g.iter().map(|&i| mentions[i].surface));
        let name = recased.as_deref().unwrap_or(name);
        // "Republican Party" with its adjective mentions ("Republican candidates", typed
        // misc) joined to it: a name of an organisation's strong shape is an organisation,
        // however many of its mentions were adjectives.
        let kind = if kind == EntityKind::Misc
            && gaz.org_shape(name) == Some(true)
            && !is_document_name(name)
        {
            EntityKind::Organization
        } else if kind != EntityKind::Misc
            && is_document_name(name)
            && g.iter().any(|&i| mentions[i].cand.kind == EntityKind::Misc)
        {
            // "Justice Against Sponsors of Terrorism Act" named by its acronym "JASTA",
            // typed organisation twice: a law named in full is misc, whatever its acronym
            // was typed.
            EntityKind::Misc
        } else {
            kind
        };
        let mut aliases: Vec<String> = Vec::new();
        for &i in g {
            if !aliases.iter().any(|a| a == mentions[i].surface) {
                aliases.push(mentions[i].surface.to_string());
            }
        }
        entities.push(Entity {
            kind,
            name: name.to_string(),
            aliases,
            mentions: g.len(),
            first: span(&mentions[g[0]].cand),
        });
        for &i in g {
            out_mentions.push(EntityMention {
                span: span(&mentions[i].cand),
                surface: mentions[i].surface.to_string(),
                kind,
                entity,
            });
        }
    }
    out_mentions.sort_by_key(|m| m.span);
    (entities, out_mentions)
}

/// The most frequent kind among a group's mentions; ties go to the earliest.
fn majority_kind(mentions: &[Mention], group: &[usize]) -> EntityKind {
    let mut counts: Vec<(EntityKind, usize, usize)> = Vec::new();
    for (order, &i) in group.iter().enumerate() {
        let kind = mentions[i].cand.kind;
        match counts.iter_mut().find(|c| c.0 == kind) {
            Some(c) => c.1 += 1,
            None => counts.push((kind, 1, order)),
        }
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map_or(EntityKind::Misc, |c| c.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entities linked from `spans` at their successive occurrences in `text`.
    fn entities_of(
        text: &str,
        spans: &[(&str, EntityKind)],
        defined: &BTreeMap<String, (String, EntityKind)>,
    ) -> Vec<Entity> {
        let cands = crate::candidate::at_successive_occurrences(text, spans);
        let rules = LinkRules {
            acronyms: true,
            gazetteer_types: true,
        };
        link(&[text], &cands, defined, Gazetteer::embedded(), rules).0
    }

    fn linked(text: &str, spans: &[(&str, EntityKind)]) -> Vec<(String, EntityKind, usize)> {
        entities_of(text, spans, &BTreeMap::new())
            .into_iter()
            .map(|e| (e.name, e.kind, e.mentions))
            .collect()
    }

    #[test]
    fn a_name_with_a_nickname_links_its_forms_without_the_quotation() {
        use EntityKind::*;
        let text = r#"Robert C. "Bobby" Scott spoke. Bobby Scott and Robert C. Scott. Scott left."#;
        let spans = [
            (r#"Robert C. "Bobby" Scott"#, Person),
            ("Bobby Scott", Person),
            ("Robert C. Scott", Person),
            ("Scott", Person),
        ];
        assert_eq!(
            linked(text, &spans),
            [(r#"Robert C. "Bobby" Scott"#.to_string(), Person, 4)]
        );
    }

    #[test]
    fn a_law_named_in_full_is_misc_whatever_its_acronym_was_typed() {
        use EntityKind::*;
        let text = "JASTA passed. The Justice Against Sponsors of Terrorism Act (JASTA) and JASTA.";
        let spans = [
            ("JASTA", Organization),
            ("Justice Against Sponsors of Terrorism Act", Misc),
            ("JASTA", Organization),
            ("JASTA", Organization),
        ];
        let mut defined = BTreeMap::new();
        defined.insert(
            "jasta".to_string(),
            (
                "justice against sponsors of terrorism act".to_string(),
                Misc,
            ),
        );
        let entities = entities_of(text, &spans, &defined);
        assert_eq!(entities.len(), 1);
        assert_eq!(entities[0].kind, Misc);
    }

    #[test]
    fn an_initialled_form_links_to_the_one_full_name_it_abbreviates() {
        use EntityKind::Person;
        let text = "Dan Parks missed. Scotland: D Parks, C Cusiter. Replacements: D. Parks.";
        let spans = [
            ("Dan Parks", Person),
            ("D Parks", Person),
            ("C Cusiter", Person),
            ("D. Parks", Person),
        ];
        assert_eq!(
            linked(text, &spans),
            [
                ("Dan Parks".to_string(), Person, 3),
                ("C Cusiter".to_string(), Person, 1)
            ]
        );
        // Two full names with that initial and surname: the initialled form stays apart.
        let text = "John Smith and Jane Smith came; J Smith left.";
        let spans = [
            ("John Smith", Person),
            ("Jane Smith", Person),
            ("J Smith", Person),
        ];
        assert_eq!(linked(text, &spans).len(), 3);
    }

    #[test]
    fn a_gendered_title_picks_the_holder_of_the_surname_with_that_sex() {
        use EntityKind::Person;
        let text = "Bill Clinton spoke before Hillary Clinton. Mrs. Clinton said no; \
                    Mr. Clinton said yes; Clinton left. Lindsey Graham came; Mr. Graham spoke.";
        let got = linked(
            text,
            &[
                ("Bill Clinton", Person),
                ("Hillary Clinton", Person),
                ("Clinton", Person),
                ("Clinton", Person),
                ("Clinton", Person),
                ("Lindsey Graham", Person),
                ("Graham", Person),
            ],
        );
        // "Bill" is no listed given name (a word); "Hillary" a woman's, "Lindsey" too, but
        // the only Graham is Mr. Graham whatever his given name.
        assert_eq!(
            got,
            [
                ("Bill Clinton".to_string(), Person, 3),
                ("Hillary Clinton".to_string(), Person, 2),
                ("Lindsey Graham".to_string(), Person, 2),
            ]
        );
    }

    #[test]
    fn state_abbreviations_are_the_state() {
        use EntityKind::*;
        assert_eq!(
            linked(
                "in Salinas, Calif. Later in California and Calif., she",
                &[
                    ("Salinas", Location),
                    ("Calif.", Location),
                    ("California", Location),
                    ("Calif", Location)
                ]
            ),
            [
                ("Salinas".to_string(), Location, 1),
                ("California".to_string(), Location, 3)
            ]
        );
        // Alone, the state is still named in full; another type is left as written.
        assert_eq!(
            linked("Buffalo, N.Y.", &[("N.Y.", Location)]),
            [("New York".to_string(), Location, 1)]
        );
        assert_eq!(
            linked("Mass. was said", &[("Mass", Misc)]),
            [("Mass".to_string(), Misc, 1)]
        );
        assert_eq!(
            linked("for Kids (Ark), a", &[("Ark", Location)]),
            [("Ark".to_string(), Location, 1)]
        );
    }

    #[test]
    fn a_name_in_capitals_gives_way_to_the_same_name_in_mixed_case() {
        use EntityKind::*;
        assert_eq!(
            linked(
                "ST. LOUIS — Voters in St. Louis said",
                &[("ST. LOUIS", Location), ("St. Louis", Location)]
            ),
            [("St. Louis".to_string(), Location, 2)]
        );
        // A fuller name in capitals wins over a shorter one; alone, it stays as written.
        assert_eq!(
            linked(
                "BLACKBURN ROVERS 2 Rovers won",
                &[("BLACKBURN ROVERS", Organization), ("Rovers", Organization)]
            ),
            [("BLACKBURN ROVERS".to_string(), Organization, 2)]
        );
        assert_eq!(
            linked("DES MOINES — It rained.", &[("DES MOINES", Location)]),
            [("DES MOINES".to_string(), Location, 1)]
        );
        // A fuller name in capitals whose words the mixed-case mentions spell is written
        // as they spell them.
        assert_eq!(
            linked(
                "ROBERTO DURAN FIGHTS. Roberto won. Duran said",
                &[
                    ("ROBERTO DURAN", Person),
                    ("Roberto", Person),
                    ("Duran", Person)
                ]
            )[0],
            ("Roberto Duran".to_string(), Person, 3)
        );
    }

    #[test]
    fn a_party_with_adjective_mentions_is_an_organisation() {
        use EntityKind::*;
        assert_eq!(
            linked(
                "Republican voters and Republican leaders of the Republican Party",
                &[
                    ("Republican", Misc),
                    ("Republican", Misc),
                    ("Republican Party", Organization)
                ]
            ),
            [("Republican Party".to_string(), Organization, 3)]
        );
        assert_eq!(
            linked("Republican voters", &[("Republican", Misc)]),
            [("Republican".to_string(), Misc, 1)]
        );
        assert_eq!(
            linked("the College for All Act", &[("College for All Act", Misc)]),
            [("College for All Act".to_string(), Misc, 1)]
        );
    }

    #[test]
    fn organisation_short_forms() {
        assert!(short_form_of("times", "new york times"));
        assert!(short_form_of("media council", "uganda media council"));
        assert!(short_form_of("altria", "altria group"));
        assert!(short_form_of("labour", "labour party"));
        assert!(!short_form_of("microsoft", "microsoft research"));
        assert!(!short_form_of("new york", "new york times"));
        assert!(!short_form_of("altria group", "altria group"));
    }
}
