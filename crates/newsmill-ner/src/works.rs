//! Names of laws, documents and works, and web-page furniture. "First Amendment", "Code of
//! Canon Law", "Balfour Declaration", "Affordable Care Act", "Treaty of Versailles" are
//! neither organisations nor people: they are misc. "Privacy Policy" and "Terms of Use" are
//! the links of a page footer, not names at all.

use crate::fold::{key, key_words};

/// Head words of document names: the last word ("Balfour Declaration", "Patriot Act") or the
/// first before "of" ("Code of Canon Law", "Bill of Rights", "Treaty of Rome").
const DOCUMENT_HEADS: &[&str] = &[
    "act",
    "acts",
    "amendment",
    "amendments",
    "declaration",
    "treaty",
    "accord",
    "accords",
    "constitution",
    "charter",
    "doctrine",
    "protocol",
    "manifesto",
    "code",
    "convention",
    "conventions",
    "treaties",
    "declarations",
    "statute",
    "bill",
    "resolution",
    "directive",
];

/// Heads that name a document only at the end ("Sharia Law", "Megan's Law"); a law school
/// or firm has another last word ("Harvard Law School").
const FINAL_ONLY_HEADS: &[&str] = &["law", "laws"];

/// Whether a name is a law, treaty, declaration or similar document.
pub fn is_document_name(name: &str) -> bool {
    let k = key(name);
    let words: Vec<&str> = key_words(&k).collect();
    let [first, .., last] = words[..] else {
        return false;
    };
    let head = |w: &str| DOCUMENT_HEADS.contains(&w);
    head(last) || FINAL_ONLY_HEADS.contains(&last) || (head(first) && words.get(1) == Some(&"of"))
}

/// Footer links and page furniture that the tagger takes for names.
const FURNITURE: &[&str] = &[
    "privacy policy",
    "cookie policy",
    "cookies policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "terms & conditions",
    "contact us",
    "about us",
    "all rights reserved",
    "privacy notice",
    "site map",
    "sitemap",
    "newsletter",
    "subscribe",
    "advertisement",
    // Captions, buttons and transcript marks of news pages, seen in the AllSides texts
    // typed as organisations ("Hide Caption" about 1,300 times).
    "hide caption",
    "toggle caption",
    "image caption",
    "media caption",
    "click here",
    "read more",
    "sign up",
    "log in",
    "skip advertisement",
    "watched",
    "soundbite",
];

pub fn is_page_furniture(name: &str) -> bool {
    FURNITURE.contains(&key(name).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_by_head_word() {
        for name in [
            "First Amendment",
            "Code of Canon Law",
            "Balfour Declaration",
            "Affordable Care Act",
            "Treaty of Versailles",
            "Bill of Rights",
            "Geneva Conventions",
            "Sharia Law",
        ] {
            assert!(is_document_name(name), "{name}");
        }
        assert!(is_document_name("Paris Accord"));
        for name in [
            "Harvard Law School",
            "Amendment",
            "Bill Clinton",
            "Codes",
            "Act Now",
            "Mueller",
            "Code Pink",
        ] {
            assert!(!is_document_name(name), "{name}");
        }
    }

    #[test]
    fn furniture() {
        assert!(is_page_furniture("Privacy Policy"));
        assert!(is_page_furniture("Terms of Use"));
        assert!(is_page_furniture("Hide Caption") && is_page_furniture("CLICK HERE"));
        assert!(!is_page_furniture("Policy Exchange"));
    }
}
