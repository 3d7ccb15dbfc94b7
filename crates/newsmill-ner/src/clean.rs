//! Trims a tagged span to the name itself and splits titles and roles off person names.
//!
//! "the Free Syrian Army" -> "Free Syrian Army"; "Al Qaeda’s" -> "Al Qaeda";
//! "President Barack Obama" -> "Barack Obama"; "State Department spokeswoman Jen Psaki" ->
//! organisation "State Department" + person "Jen Psaki".

use newsmill_core::EntityKind;

use crate::candidate::Candidate;
use crate::fold::is_particle;
use crate::gazetteer::{title_key, Gazetteer};
use crate::words::{is_capitalised, is_particle_name};

const LEADING: &[char] = &[
    '"', '“', '‘', '\'', '(', '[', '{', '*', '_', '«', '„', ' ', '\n', '\t', ',', '-', '–', '—',
];
const TRAILING: &[char] = &[
    '"', '”', '’', '\'', ')', ']', '}', ',', ';', ':', '!', '?', '*', '_', '»', '…', ' ', '\n',
    '\t', '-', '–', '—',
];

/// The trimmed range of `text[start..end]`, or `None` when nothing of a name is left.
pub fn trim_span(
    text: &str,
    mut start: usize,
    mut end: usize,
    gaz: &Gazetteer,
) -> Option<(usize, usize)> {
    loop {
        let s = text.get(start..end)?;
        if let Some(c) = s.chars().next().filter(|c| LEADING.contains(c)) {
            start += c.len_utf8();
            continue;
        }
        if let Some(c) = s.chars().next_back().filter(|c| TRAILING.contains(c)) {
            end -= c.len_utf8();
            continue;
        }
        if let Some(rest) = s.strip_suffix("’s").or_else(|| s.strip_suffix("'s")) {
            end = start + rest.len();
            continue;
        }
        if s.len() > 1 && s.ends_with('.') && !keeps_final_stop(s, gaz) {
            end -= 1;
            continue;
        }
        let lower_the = s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("the "));
        if lower_the && gaz.place(s).is_none() {
            start += 4;
            continue;
        }
        // "Ken Thomas https://twitter.com/KThomasDC": a web address after a name (a
        // byline's social link) is not part of it.
        if let Some(at) = s
            .find(" http")
            .or_else(|| s.find(" www."))
            .filter(|&at| at > 0)
        {
            end = start + at;
            continue;
        }
        // "Qaeda-affiliated", "Qaeda-associated force": lowercase words after a hyphen
        // are not part of the name.
        if let Some(cut) = lowercase_suffix(s) {
            end = start + cut;
            continue;
        }
        // "Guantanamo Bay for", "former Salim Idriss": an all-lowercase word at either end
        // is the tagger running over (name particles excepted: "de Gaulle", "bin Laden").
        if let Some((first, rest)) = s.split_once(' ') {
            if is_lowercase_word(first)
                && !is_particle(first)
                && rest.starts_with(char::is_uppercase)
            {
                start += first.len() + 1;
                continue;
            }
        }
        if let Some((rest, last)) = s.rsplit_once(' ') {
            if is_lowercase_word(last) && rest.chars().any(char::is_uppercase) {
                end = start + rest.len();
                continue;
            }
            // "House Minority" + " Leader Nancy Pelosi": the last word opens a title with
            // the word after the span, so it belongs to the title, not to the name.
            if opens_title_after(last, &text[end..], gaz) && rest.chars().any(char::is_uppercase) {
                end = start + rest.len();
                continue;
            }
            // "White House Friday", "Pentagon Monday": a weekday after a name is the date
            // of the news, never part of the name.
            if is_weekday(last) && rest.chars().any(char::is_uppercase) {
                end = start + rest.trim_end().len();
                continue;
            }
            // "Labour MPs", "Ugandan NGOs", "HD DVDs": the plural of an acronym is a
            // common noun after the name that qualifies it.
            if is_plural_acronym(last) && rest.chars().any(char::is_uppercase) {
                end = start + rest.trim_end().len();
                continue;
            }
        }
        break;
    }
    // "DVDs", "PCs", "MPs" alone: things or people in the plural, not a name.
    if text.get(start..end).is_some_and(is_plural_acronym) {
        return None;
    }
    // "Ban Ki" + "-moon": the tagger stopped at the hyphen of a Korean given name.
    if let Some(s) = text.get(start..end) {
        end += given_name_syllable(s, &text[end..]).unwrap_or(0);
    }
    let s = text.get(start..end)?;
    s.chars().any(char::is_alphanumeric).then_some((start, end))
}

/// Words after a hyphen that make an adjective or a compound of a name, not a second
/// syllable of it ("Obama-era", "Assad-run", "Bush-led"); only words of at most four
/// letters matter (see [`given_name_syllable`]).
const HYPHEN_SUFFIXES: &[&str] = &[
    "led", "run", "era", "born", "made", "like", "type", "free", "wide", "held", "bred", "set",
    "ite", "ites", "ish", "ism", "ist", "ists", "ian", "ians", "ese", "ers", "less", "ful", "fest",
    "gate", "bound", "only", "up", "out", "off", "on",
];

/// The length of a hyphen and lowercase syllable after `name` ending a Korean-style given
/// name ("Ban Ki" + "-moon", "Kim Jong" + "-un", "Park Geun" + "-hye", "Lee Myung" +
/// "-bak"), or `None`. The name has at least two words, the last a capitalised syllable
/// of two to five letters; the syllable after the hyphen has one to four lowercase letters,
/// ends the word and is not a compound-forming suffix ("-led", "-era").
fn given_name_syllable(name: &str, after: &str) -> Option<usize> {
    let (before, head) = name.rsplit_once(' ')?;
    let surname = before.split_whitespace().next_back()?;
    if !is_capitalised(surname) {
        return None;
    }
    syllable_after(head, after)
}

/// The length of the hyphen and second syllable of a given name whose first syllable is
/// `head` ("Ki" + "-moon"), by the rules of [`given_name_syllable`] without the surname.
pub(crate) fn syllable_after(head: &str, after: &str) -> Option<usize> {
    let head_ok = (2..=5).contains(&head.len())
        && head.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && head.chars().skip(1).all(|c| c.is_ascii_lowercase());
    if !head_ok {
        return None;
    }
    let tail = after.strip_prefix('-')?;
    let len = tail
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(tail.len());
    let rest = &tail[len..];
    let possessive = rest.starts_with("'s") || rest.starts_with("’s");
    let ends_word = possessive
        || rest
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && !matches!(c, '-' | '\'' | '’'));
    let syllable = &tail[..len];
    ((1..=4).contains(&len) && ends_word && !HYPHEN_SUFFIXES.contains(&syllable)).then_some(len + 1)
}

/// Whether `word` and the capitalised first word of `after` make a title that `word` alone
/// is not ("Minority" + "Leader", "Majority" + "Whip"). A word that ends organisation names
/// stays with its name ("Labour Party" + "Leader").
fn opens_title_after(word: &str, after: &str, gaz: &Gazetteer) -> bool {
    let Some(next) = after.strip_prefix(' ').and_then(|a| a.split(' ').next()) else {
        return false;
    };
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    is_capitalised(next)
        && !gaz.is_title(word)
        && !gaz.is_org_head(word)
        && gaz.is_title(&format!("{word} {next}"))
}

fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// An acronym in the plural: two or more capitals, then a lowercase "s" ("MPs", "DVDs",
/// "NGOs"). An organisation's acronym does not take a plural "s" ("the AAAs", the athletics
/// championships, is the rare exception).
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_uppercase()))
}

fn is_lowercase_word(word: &str) -> bool {
    !word.is_empty() && word.chars().all(char::is_lowercase)
}

/// Where a lowercase suffix joined by a hyphen starts ("Al Qaeda-linked" -> 8), if any; a
/// given name's second syllable ("Kim Jong-un") is kept.
fn lowercase_suffix(s: &str) -> Option<usize> {
    s.match_indices('-').map(|(i, _)| i).find(|&i| {
        let (head, tail) = (&s[..i], &s[i + 1..]);
        given_name_syllable(head, &s[i..]).is_none_or(|len| i + len != s.len())
            && head.chars().any(char::is_uppercase)
            && tail.starts_with(char::is_lowercase)
            && tail
                .split_whitespace()
                .all(|w| w.starts_with(char::is_lowercase))
            && !joins_place_name(tail)
    })
}

/// "le-Street" of "Chester-le-Street", "upon-Avon", "a-Lago", "ul-Haq": a particle of
/// place names or personal names between hyphens, then a capital. Such a name is one
/// ("Stratford-upon-Avon", "Inzamam-ul-Haq"); other lowercase words are not
/// ("Washington-to-English", "Qaeda-linked").
fn joins_place_name(tail: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "a", "ad", "al", "am", "an", "bin", "by", "da", "de", "del", "den", "der", "des", "di",
        "du", "ed", "el", "en", "ibn", "im", "la", "le", "les", "on", "sous", "sur", "super", "ud",
        "ul", "under", "upon", "ur", "us", "uz", "van", "von",
    ];
    tail.split_once('-').is_some_and(|(particle, rest)| {
        PARTICLES.contains(&particle) && rest.starts_with(char::is_uppercase)
    })
}

fn keeps_final_stop(s: &str, gaz: &Gazetteer) -> bool {
    let last = s
        .split_whitespace()
        .next_back()
        .unwrap_or(s)
        .trim_end_matches('.');
    let letters = last.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && last.chars().all(char::is_uppercase))
        || last.contains('.')
        || matches!(last, "Inc" | "Co" | "Corp" | "Ltd" | "Jr" | "Sr" | "Bros")
        || gaz.is_title(last)
}

/// Byte ranges of the whitespace words of `text[start..end]`.
fn word_ranges(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let Some(s) = text.get(start..end) else {
        return out;
    };
    let mut at = start;
    for piece in s.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        if !word.is_empty() {
            out.push((at, at + word.len()));
        }
        at += piece.len();
    }
    out
}

/// The longest title starting at word `i` (in words), if any.
fn title_at(text: &str, words: &[(usize, usize)], i: usize, gaz: &Gazetteer) -> usize {
    if !gaz.may_start_title(&text[words[i].0..words[i].1]) {
        return 0;
    }
    let longest = gaz.max_title_words.min(words.len() - i);
    (1..=longest)
        .rev()
        .find(|&n| {
            let key = title_key(&text[words[i].0..words[i + n - 1].1]);
            gaz.is_title_key(&key)
        })
        .unwrap_or(0)
}

/// "Jr.", "Sr.", "Jnr", "II", "III", "IV": what follows a surname, never a name after a
/// title ("Martin Luther King Jr." is no king called Jr.).
pub(crate) fn is_name_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches([',', '.']),
        "Jr" | "Sr" | "Jnr" | "Snr" | "II" | "III" | "IV"
    )
}

/// "Martin Luther" before "King Day", "Billie Jean" before "King Jr.": a capitalised
/// one-word title right after nothing but given names is a surname ("King", "Bishop",
/// "Marshall"), so what follows is no person the title introduces. Any other word before
/// it ("Perry Capital CEO", "Jefferson Parish Sheriff") leaves it a title.
fn ends_given_names(
    text: &str,
    words: &[(usize, usize)],
    run_start: usize,
    gaz: &Gazetteer,
) -> bool {
    let (prefix, run) = words.split_at(run_start);
    let word = |&(s, e): &(usize, usize)| &text[s..e];
    run.len() == 1
        && is_capitalised(word(&run[0]))
        && !word(&run[0]).ends_with('.')
        && !prefix.is_empty()
        && prefix.iter().all(|w| {
            is_capitalised(word(w)) && gaz.is_given_name(word(w)) && !gaz.is_title(word(w))
        })
}

fn starts_name(word: &str) -> bool {
    is_capitalised(word) || is_particle_name(word)
}

/// The kind of the words before a role ("State Department" spokeswoman, "Syrian" envoy).
fn prefix_kind(prefix: &str, gaz: &Gazetteer) -> Option<EntityKind> {
    if !starts_name(prefix) || gaz.is_title(prefix) {
        return None;
    }
    if let Some(place) = gaz.place(prefix) {
        return (!place.weak).then_some(EntityKind::Location);
    }
    if gaz.is_demonym(prefix) {
        return Some(EntityKind::Misc);
    }
    Some(EntityKind::Organization)
}

/// "Justice Ginsburg", "Justice John G. Roberts Jr.": a person span opening with "Justice"
/// before a known person's surname or a given name is that judge. "Justice" is no title in
/// the lists, because it opens names of other kinds ("Justice League", "Justice Ministry").
fn without_justice(text: &str, c: Candidate, gaz: &Gazetteer) -> Candidate {
    let name = &text[c.start..c.end];
    let Some(rest) = name.strip_prefix("Justice ") else {
        return c;
    };
    let first = rest.split(' ').next().unwrap_or(rest);
    let last = rest.rsplit(' ').next().unwrap_or(rest);
    let judge = c.kind == EntityKind::Person
        && is_capitalised(first)
        && (gaz.is_given_name(first) || gaz.known_surname_count(last) > 0);
    if judge {
        Candidate::new(c.block, c.start + "Justice ".len(), c.end, c.kind)
    } else {
        c
    }
}

/// Splits the titles off a cleaned candidate. A person loses its leading titles; any
/// candidate that holds a lowercase role followed by a name ("... spokeswoman Jen Psaki")
/// becomes the name (a person) and, before the role, an organisation, place or nationality.
pub fn split_titles(text: &str, c: Candidate, gaz: &Gazetteer, out: &mut Vec<Candidate>) {
    let c = without_justice(text, c, gaz);
    let words = word_ranges(text, c.start, c.end);
    // The last run of titles that is followed by a name.
    let mut split: Option<(usize, usize, bool)> = None;
    let mut i = 0;
    while i < words.len() {
        let n = title_at(text, &words, i, gaz);
        if n == 0 {
            i += 1;
            continue;
        }
        let run_start = i;
        let mut lowercase_role = false;
        while i < words.len() {
            let n = title_at(text, &words, i, gaz);
            if n == 0 {
                break;
            }
            lowercase_role |= text[words[i].0..words[i].1].starts_with(char::is_lowercase);
            i += n;
        }
        if let Some(&(ws, we)) = words.get(i) {
            if starts_name(&text[ws..we])
                && !is_name_suffix(&text[ws..we])
                && !ends_given_names(text, &words[..i], run_start, gaz)
            {
                split = Some((run_start, i, lowercase_role));
            }
        }
    }
    let Some((run_start, name_start, lowercase_role)) = split else {
        out.push(c);
        return;
    };
    let is_person = c.kind == EntityKind::Person;
    // "MP Kefa Ssempgani" and "Labour MP Stephen Pound" typed organisation: an abbreviated
    // title, then a first name and a surname, is a person whatever the tagger said, and the
    // words before the title are the party or body. Word titles stay (they open company
    // names: "General Motors", "President Hotel").
    let abbreviated_title = {
        let (ws, we) = words[run_start];
        let first = &text[ws..we];
        first.ends_with('.')
            || (first.len() <= 4 && first.chars().all(|ch| ch.is_ascii_uppercase()))
    };
    let prefix = (run_start > 0).then(|| &text[words[0].0..words[run_start - 1].1]);
    let prefix_names_a_body = match prefix {
        Some(p) => prefix_kind(p, gaz).is_some(),
        None => true,
    };
    // "Pastor Bradley Cranston" typed organisation: a word title, then a given name and a
    // surname and nothing more, is a person too ("General Motors" has no given name).
    let name_words = &words[name_start..];
    let given_name_and_surname = (2..=3).contains(&name_words.len())
        && gaz.is_given_name(&text[name_words[0].0..name_words[0].1])
        && name_words
            .iter()
            .all(|&(ws, we)| is_capitalised(&text[ws..we]));
    let titled_full_name = (abbreviated_title || given_name_and_surname)
        && name_words.len() >= 2
        && prefix_names_a_body;
    if !is_person && !lowercase_role && !titled_full_name {
        out.push(c);
        return;
    }
    if let Some(kind) = prefix.and_then(|p| prefix_kind(p, gaz)) {
        out.push(Candidate::new(
            c.block,
            words[0].0,
            words[run_start - 1].1,
            kind,
        ));
    }
    out.push(Candidate::new(
        c.block,
        words[name_start].0,
        c.end,
        EntityKind::Person,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trimmed(text: &str) -> &str {
        let (s, e) = trim_span(text, 0, text.len(), Gazetteer::embedded()).unwrap_or((0, 0));
        &text[s..e]
    }

    #[test]
    fn trims_the_possessives_quotes_and_suffixes() {
        assert_eq!(trimmed("Al Qaeda’s"), "Al Qaeda");
        assert_eq!(trimmed("the Free Syrian Army"), "Free Syrian Army");
        assert_eq!(trimmed("“Geneva II,”"), "Geneva II");
        assert_eq!(trimmed("Al Qaeda-affiliated"), "Al Qaeda");
        assert_eq!(trimmed("Qaeda-associated force"), "Qaeda");
        assert_eq!(trimmed("al-Qaeda-linked"), "al-Qaeda");
        assert_eq!(trimmed("Chester-le-Street"), "Chester-le-Street");
        assert_eq!(trimmed("Stratford-upon-Avon"), "Stratford-upon-Avon");
        assert_eq!(trimmed("Inzamam-ul-Haq"), "Inzamam-ul-Haq");
        assert_eq!(trimmed("Washington-to-English"), "Washington");
        assert_eq!(trimmed("Bashar al-Assad"), "Bashar al-Assad");
        assert_eq!(trimmed("Guantanamo Bay for"), "Guantanamo Bay");
        assert_eq!(trimmed("former Salim Idriss"), "Salim Idriss");
        assert_eq!(trimmed("bin Laden"), "bin Laden");
        assert_eq!(trimmed("Windows 7"), "Windows 7");
        assert_eq!(trimmed("White House Friday"), "White House");
        assert_eq!(trimmed("Friday"), "Friday");
        assert_eq!(trimmed("The Hague"), "The Hague");
        assert_eq!(trimmed("U.S."), "U.S.");
        assert_eq!(trimmed("Iraq."), "Iraq");
        assert_eq!(
            trimmed("Ken Thomas https://twitter.com/KThomasDC"),
            "Ken Thomas"
        );
        assert_eq!(trimmed("Amy Spencer http://nyp.st/1l7lvhq"), "Amy Spencer");
        assert_eq!(trimmed("Amazon.com"), "Amazon.com");
        assert_eq!(
            widened("by House Minority Leader Nancy Pelosi", "House Minority"),
            "House"
        );
        assert_eq!(
            widened("the Labour Party Leader Ed", "Labour Party"),
            "Labour Party"
        );
        assert_eq!(
            widened("the Senate Majority leader", "Senate Majority"),
            "Senate Majority"
        );
        assert_eq!(trim_span("’s", 0, 4, Gazetteer::embedded()), None);
    }

    #[test]
    fn plural_acronyms_are_not_names() {
        assert_eq!(trimmed("Labour MPs"), "Labour");
        assert_eq!(trimmed("Ugandan NGOs"), "Ugandan");
        assert_eq!(trimmed("HD DVDs"), "HD");
        assert_eq!(trim_span("DVDs", 0, 4, Gazetteer::embedded()), None);
        assert_eq!(trim_span("MPs", 0, 3, Gazetteer::embedded()), None);
        // Not plurals of acronyms: kept whole.
        assert_eq!(trimmed("Lib Dems"), "Lib Dems");
        assert_eq!(trimmed("NHS"), "NHS");
        assert_eq!(trimmed("Toys R Us"), "Toys R Us");
        assert_eq!(trimmed("Mr Ts"), "Mr Ts");
    }

    /// The range `trim_span` gives a tagged span `name` inside `text`.
    fn widened<'a>(text: &'a str, name: &str) -> &'a str {
        let start = text.find(name).unwrap();
        let (s, e) = trim_span(text, start, start + name.len(), Gazetteer::embedded()).unwrap();
        &text[s..e]
    }

    #[test]
    fn korean_given_names_keep_their_second_syllable() {
        assert_eq!(widened("Ban Ki-moon said", "Ban Ki"), "Ban Ki-moon");
        assert_eq!(
            widened("as Kim Jong-un, the leader", "Kim Jong"),
            "Kim Jong-un"
        );
        assert_eq!(
            widened("Lee Myung-bak's term", "Lee Myung"),
            "Lee Myung-bak"
        );
        assert_eq!(trimmed("Park Geun-hye"), "Park Geun-hye");
        assert_eq!(trimmed("Moon Jae-in"), "Moon Jae-in");
        // Compounds of a name are still cut, and one word is not a given name.
        assert_eq!(
            widened("the George Bush-era rules", "George Bush"),
            "George Bush"
        );
        assert_eq!(trimmed("John Kerry-led"), "John Kerry");
        assert_eq!(widened("Kim-led talks", "Kim"), "Kim");
        assert_eq!(widened("Ban Ki-moonlight", "Ban Ki"), "Ban Ki");
        assert_eq!(widened("NATO UN-run", "NATO UN"), "NATO UN");
    }

    fn split(text: &str, kind: EntityKind) -> Vec<(String, EntityKind)> {
        let mut out = Vec::new();
        split_titles(
            text,
            Candidate::new(0, 0, text.len(), kind),
            Gazetteer::embedded(),
            &mut out,
        );
        out.iter()
            .map(|c| (text[c.start..c.end].to_string(), c.kind))
            .collect()
    }

    #[test]
    fn strips_titles_and_splits_roles() {
        use EntityKind::*;
        assert_eq!(
            split("White House Correspondent Julie Pace", Location),
            [
                ("White House".into(), Organization),
                ("Julie Pace".into(), Person)
            ]
        );
        assert_eq!(
            split("Capitol Hill Bureau Chief John Bresnahan", Location),
            [
                ("Capitol Hill".into(), Location),
                ("John Bresnahan".into(), Person)
            ]
        );
        assert_eq!(
            split("President Barack Obama", Person),
            [("Barack Obama".into(), Person)]
        );
        assert_eq!(
            split("Maj. Gen. Mohammad al-Karawi", Person),
            [("Mohammad al-Karawi".into(), Person)]
        );
        assert_eq!(
            split("Prime Minister al-Maliki", Person),
            [("al-Maliki".into(), Person)]
        );
        assert_eq!(
            split("State Department spokeswoman Jen Psaki", Organization),
            [
                ("State Department".into(), Organization),
                ("Jen Psaki".into(), Person)
            ]
        );
        assert_eq!(
            split("Iraqi Prime Minister Nuri al-Maliki", Person),
            [("Iraqi".into(), Misc), ("Nuri al-Maliki".into(), Person)]
        );
        // Not a person and no lowercase role: left alone.
        assert_eq!(
            split("Office of the Prime Minister", Organization),
            [("Office of the Prime Minister".into(), Organization)]
        );
        // An abbreviated title before a full name makes a person of any type; a single
        // name after the abbreviation does not.
        assert_eq!(
            split("MP Kefa Ssempgani", Organization),
            [("Kefa Ssempgani".into(), Person)]
        );
        assert_eq!(
            split("Labour MP Stephen Pound", Organization),
            [
                ("Labour".into(), Organization),
                ("Stephen Pound".into(), Person)
            ]
        );
        assert_eq!(
            split("Apple CEO Tim Cook", Organization),
            [("Apple".into(), Organization), ("Tim Cook".into(), Person)]
        );
        assert_eq!(
            split("General Motors", Organization),
            [("General Motors".into(), Organization)]
        );
        assert_eq!(
            split("Dr Martens", Organization),
            [("Dr Martens".into(), Organization)]
        );
        // A word title before a given name and a surname, and nothing more, is a person.
        assert_eq!(
            split("Pastor Bradley Cranston", Organization),
            [("Bradley Cranston".into(), Person)]
        );
        assert_eq!(
            split("President Hotel", Organization),
            [("President Hotel".into(), Organization)]
        );
        assert_eq!(
            split("Justice John G. Roberts Jr.", Person),
            [("John G. Roberts Jr.".into(), Person)]
        );
        assert_eq!(
            split("Justice League", Misc),
            [("Justice League".into(), Misc)]
        );
        assert_eq!(
            split("Assemblywoman Claudia Tenney", Person),
            [("Claudia Tenney".into(), Person)]
        );
        // A title before a name's suffix, or after given names, is the surname.
        assert_eq!(
            split("Martin Luther King Jr.", Person),
            [("Martin Luther King Jr.".into(), Person)]
        );
        assert_eq!(
            split("Martin Luther King Day", Misc),
            [("Martin Luther King Day".into(), Misc)]
        );
        assert_eq!(
            split("Perry Capital CEO Richard Perry", Organization),
            [
                ("Perry Capital".into(), Organization),
                ("Richard Perry".into(), Person)
            ]
        );
        assert_eq!(
            split("General John Smith Holdings Group", Organization),
            [("General John Smith Holdings Group".into(), Organization)]
        );
        // A title with no name after it is kept as it is.
        assert_eq!(
            split("Martin Luther King", Person),
            [("Martin Luther King".into(), Person)]
        );
    }
}
