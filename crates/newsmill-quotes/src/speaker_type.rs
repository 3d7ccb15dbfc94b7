//! Whether a named speaker is a person or an organisation (the `speaker_type` column): the
//! kind the article's candidates with that name have, else the name's own shape.

use newsmill_core::SpeakerType;

use crate::doc::Doc;
use crate::lexicon;
use crate::names::CandKind;

impl Doc<'_> {
    pub fn speaker_type(&self, name: Option<&str>) -> SpeakerType {
        let Some(name) = name else {
            return SpeakerType::Unknown;
        };
        let (mut people, mut orgs) = (0usize, 0usize);
        for cand in self.cands.iter().filter(|c| c.name == name) {
            match cand.kind {
                CandKind::Person => people += 1,
                CandKind::Org => orgs += 1,
                CandKind::Other => {}
            }
        }
        if people > orgs {
            return SpeakerType::Person;
        }
        if orgs > people {
            return SpeakerType::Organisation;
        }
        type_from_shape(name)
    }
}

/// "Syrian Observatory for Human Rights", "FBI": an organisation; "Jen Psaki": a person;
/// a single ordinary word: unknown.
pub fn type_from_shape(name: &str) -> SpeakerType {
    let words: Vec<&str> = name.split_whitespace().collect();
    let acronym = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
    };
    if words
        .iter()
        .any(|w| lexicon::is_org_name_word(w) || lexicon::is_org_head(w))
        || (words.len() == 1 && acronym(words[0]))
        || words.first().is_some_and(|w| *w == "The")
    {
        SpeakerType::Organisation
    } else if words.len() >= 2
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || lexicon::is_name_particle(w)
        })
    {
        SpeakerType::Person
    } else {
        SpeakerType::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_tell_people_from_organisations() {
        assert_eq!(type_from_shape("Jen Psaki"), SpeakerType::Person);
        assert_eq!(type_from_shape("FBI"), SpeakerType::Organisation);
        assert_eq!(
            type_from_shape("Syrian Observatory for Human Rights"),
            SpeakerType::Organisation
        );
        assert_eq!(
            type_from_shape("The Washington Post"),
            SpeakerType::Organisation
        );
        assert_eq!(type_from_shape("Smith"), SpeakerType::Unknown);
    }
}
