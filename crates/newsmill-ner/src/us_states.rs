//! US state abbreviations as news copy writes them ("Salinas, Calif.", "Buffalo, N.Y."): the
//! entity is the state, named in full, so "Calif." and "California" in one article are one
//! place and the geocoder sees the state's name, not a word it may find elsewhere ("Fla" is
//! also a town in Colombia).

/// AP-style abbreviations (the forms news agencies use after a town) and the states they
/// stand for. Two-letter postal codes are left to the gazetteer: "IN", "OR", "ME" are words.
/// "Penn" is left out (a university, a name).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala", "Alabama"),
    ("Ariz", "Arizona"),
    ("Ark", "Arkansas"),
    ("Calif", "California"),
    ("Colo", "Colorado"),
    ("Conn", "Connecticut"),
    ("Del", "Delaware"),
    ("Fla", "Florida"),
    ("Ga", "Georgia"),
    ("Ill", "Illinois"),
    ("Ind", "Indiana"),
    ("Kan", "Kansas"),
    ("Kans", "Kansas"),
    ("Ky", "Kentucky"),
    ("La", "Louisiana"),
    ("Md", "Maryland"),
    ("Mass", "Massachusetts"),
    ("Mich", "Michigan"),
    ("Minn", "Minnesota"),
    ("Miss", "Mississippi"),
    ("Mo", "Missouri"),
    ("Mont", "Montana"),
    ("N.C", "North Carolina"),
    ("N.D", "North Dakota"),
    ("N.H", "New Hampshire"),
    ("N.J", "New Jersey"),
    ("N.M", "New Mexico"),
    ("N.Y", "New York"),
    ("Neb", "Nebraska"),
    ("Nev", "Nevada"),
    ("Okla", "Oklahoma"),
    ("Ore", "Oregon"),
    ("Pa", "Pennsylvania"),
    ("R.I", "Rhode Island"),
    ("S.C", "South Carolina"),
    ("S.D", "South Dakota"),
    ("Tenn", "Tennessee"),
    ("Tex", "Texas"),
    ("Va", "Virginia"),
    ("Vt", "Vermont"),
    ("W.Va", "West Virginia"),
    ("Wash", "Washington"),
    ("Wis", "Wisconsin"),
    ("Wyo", "Wyoming"),
];

/// The state a mention abbreviates ("Calif." -> "California"), if it is one. `after` is
/// the text right after the mention: the abbreviation's full stop may have been trimmed
/// off the mention ("Salinas, Calif., said"), but without one the word is no abbreviation
/// ("Absolute Return for Kids (Ark)").
pub fn state_for_abbreviation(surface: &str, after: &str) -> Option<&'static str> {
    let bare = surface.strip_suffix('.').unwrap_or(surface);
    if bare.len() == surface.len() && !after.starts_with('.') {
        return None;
    }
    ABBREVIATIONS
        .iter()
        .find(|(abbreviation, _)| *abbreviation == bare)
        .map(|(_, state)| *state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_with_or_without_their_full_stop() {
        assert_eq!(state_for_abbreviation("Calif.", ""), Some("California"));
        assert_eq!(
            state_for_abbreviation("Calif", "., said"),
            Some("California")
        );
        assert_eq!(state_for_abbreviation("N.Y.", ")"), Some("New York"));
        assert_eq!(state_for_abbreviation("W.Va.", ""), Some("West Virginia"));
        // Without a full stop, names, full state names and other-case forms are not
        // abbreviations.
        assert_eq!(state_for_abbreviation("Ark", "), international"), None);
        assert_eq!(state_for_abbreviation("California", "."), None);
        assert_eq!(state_for_abbreviation("Penn.", ""), None);
        assert_eq!(state_for_abbreviation("CALIF.", ""), None);
        assert_eq!(state_for_abbreviation("Cal.", ""), None);
    }
}
