//! The tag set: O plus B-/I- for the four CoNLL types, as dense label indices for the model,
//! and the IOB1/IOB2 conversions CoNLL data needs.

use newsmill_core::EntityKind;

/// A token's entity tag, IOB2 style: `B` starts a mention, `I` continues it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tag {
    O,
    B(EntityKind),
    I(EntityKind),
}

impl Tag {
    /// The CoNLL spelling ("O", "B-PER", "I-LOC").
    pub fn conll(self) -> String {
        match self {
            Tag::O => "O".to_string(),
            Tag::B(kind) => format!("B-{}", kind.conll()),
            Tag::I(kind) => format!("I-{}", kind.conll()),
        }
    }

    /// Parses "O", "B-PER", "I-MISC" (and "E-"/"S-" of IOBES as I/B); `None` for anything else.
    pub fn parse(text: &str) -> Option<Tag> {
        if text == "O" {
            return Some(Tag::O);
        }
        let (prefix, kind) = text.split_once('-')?;
        let kind = EntityKind::from_conll(kind)?;
        match prefix {
            "B" | "S" => Some(Tag::B(kind)),
            "I" | "E" => Some(Tag::I(kind)),
            _ => None,
        }
    }

    pub fn kind(self) -> Option<EntityKind> {
        match self {
            Tag::O => None,
            Tag::B(kind) | Tag::I(kind) => Some(kind),
        }
    }
}

pub(crate) const N_LABELS: usize = 9;
const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
    EntityKind::Misc,
];

fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Location => 2,
        EntityKind::Misc => 3,
    }
}

/// Label index: 0 = O, 1..=4 = B-PER..B-MISC, 5..=8 = I-PER..I-MISC.
pub(crate) fn label_of(tag: Tag) -> usize {
    match tag {
        Tag::O => 0,
        Tag::B(kind) => 1 + kind_index(kind),
        Tag::I(kind) => 5 + kind_index(kind),
    }
}

pub(crate) fn tag_of(label: usize) -> Tag {
    match label {
        1..=4 => Tag::B(KINDS[label - 1]),
        5..=8 => Tag::I(KINDS[label - 5]),
        _ => Tag::O,
    }
}

/// Entity type of a label as 0 = none, 1..=4 = PER, ORG, LOC, MISC.
pub(crate) fn type_of(label: usize) -> usize {
    match label {
        1..=4 => label,
        5..=8 => label - 4,
        _ => 0,
    }
}

/// Whether `label` may follow `prev` in IOB2: an I- must continue a mention of its own type.
pub(crate) fn allowed(prev: usize, label: usize) -> bool {
    label < 5 || type_of(prev) == type_of(label)
}

/// Rewrites IOB1 (or mixed) tags as IOB2: an I- that does not continue a mention of the same
/// type starts one. IOB2 input comes back unchanged.
pub fn to_iob2(tags: &mut [Tag]) {
    let mut prev = Tag::O;
    for tag in tags.iter_mut() {
        if let Tag::I(kind) = *tag {
            if prev.kind() != Some(kind) {
                *tag = Tag::B(kind);
            }
        }
        prev = *tag;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_parse() {
        for label in 0..N_LABELS {
            assert_eq!(label_of(tag_of(label)), label);
            assert_eq!(Tag::parse(&tag_of(label).conll()), Some(tag_of(label)));
        }
        assert_eq!(Tag::parse("B-XYZ"), None);
        assert_eq!(Tag::parse(""), None);
    }

    #[test]
    fn iob1_becomes_iob2() {
        let p = |s: &str| Tag::parse(s).unwrap();
        let mut tags: Vec<Tag> = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"]
            .iter()
            .map(|s| p(s))
            .collect();
        to_iob2(&mut tags);
        let want: Vec<Tag> = ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"]
            .iter()
            .map(|s| p(s))
            .collect();
        assert_eq!(tags, want);
        assert!(allowed(label_of(p("B-PER")), label_of(p("I-PER"))));
        assert!(!allowed(label_of(p("B-PER")), label_of(p("I-LOC"))));
        assert!(!allowed(0, label_of(p("I-LOC"))));
    }
}
