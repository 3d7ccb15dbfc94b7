//! Gazetteer corrections of the tagger's types: places are locations, nationalities are
//! misc, "X Department"/"Ministry of X" and known names are organisations, and a name right
//! after a person title is a person. A mention that is only a title is dropped.

use newsmill_core::EntityKind;

use crate::gazetteer::{title_key, Gazetteer};

/// The corrected kind of a cleaned mention, or `None` to drop it. `before` is the block
/// text before the mention (to see a title such as "Gen." right before it).
pub fn corrected_kind(
    name: &str,
    kind: EntityKind,
    before: &str,
    gaz: &Gazetteer,
) -> Option<EntityKind> {
    if gaz.is_title(name) {
        return None;
    }
    if let Some(place) = gaz.place(name) {
        if !place.weak || kind != EntityKind::Person {
            return Some(EntityKind::Location);
        }
    }
    if gaz.is_demonym(name) || gaz.is_misc(name) {
        return Some(EntityKind::Misc);
    }
    if gaz.is_known_org(name) || gaz.looks_like_org(name) {
        return Some(EntityKind::Organization);
    }
    if kind != EntityKind::Person && follows_person_title(before, gaz) {
        return Some(EntityKind::Person);
    }
    Some(kind)
}

/// Whether `before` ends with a capitalised or abbreviated person title ("Gen. ",
/// "President "), the kind of title that is followed by a name.
fn follows_person_title(before: &str, gaz: &Gazetteer) -> bool {
    let tail: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(gaz.max_title_words)
        .collect();
    if !before.ends_with(' ') {
        return false;
    }
    (1..=tail.len()).any(|n| {
        let words: Vec<&str> = tail[..n].iter().rev().copied().collect();
        let first = words[0];
        first.starts_with(char::is_uppercase) && gaz.is_title_key(&title_key(&words.join(" ")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn fix(name: &str, kind: EntityKind, before: &str) -> Option<EntityKind> {
        corrected_kind(name, kind, before, Gazetteer::embedded())
    }

    #[test]
    fn places_are_never_people() {
        assert_eq!(fix("Anbar", Person, ""), Some(Location));
        assert_eq!(fix("Iraq", Organization, ""), Some(Location));
        assert_eq!(fix("Washington", Person, ""), Some(Location));
        // A weak place name typed as a person is believed ("Jordan" the player).
        assert_eq!(fix("Jordan", Person, ""), Some(Person));
        assert_eq!(fix("Jordan", Misc, ""), Some(Location));
    }

    #[test]
    fn fixes_organisations_nationalities_and_titled_people() {
        assert_eq!(fix("State Department", Location, ""), Some(Organization));
        assert_eq!(fix("Free Syrian Army", Misc, ""), Some(Organization));
        assert_eq!(fix("Al Qaeda", Misc, ""), Some(Organization));
        assert_eq!(fix("Syrian", Person, ""), Some(Misc));
        assert_eq!(fix("Christmas", Person, ""), Some(Misc));
        assert_eq!(
            fix("Salim Idriss", Organization, "commander Gen. "),
            Some(Person)
        );
        assert_eq!(
            fix("Salim Idriss", Organization, "the general "),
            Some(Organization)
        );
        assert_eq!(fix("President", Person, ""), None);
        assert_eq!(fix("Barack Obama", Person, "President "), Some(Person));
    }
}
