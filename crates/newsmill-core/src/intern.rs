//! Reading back the `&'static str` fields of annotations (a geocode's `feature` and
//! `method`, a removal's `stage`) from a serialized article (the incremental-run state), and
//! a drop reason from the first pass's copy of a document (the runner's spill).
//!
//! Those fields name one of a few fixed values, which is why they are `&'static str` rather
//! than `String`; a value read back is interned: each distinct value is leaked once and
//! reused. The number of distinct values is capped, so a damaged or hostile state file cannot
//! make the process leak without bound: past the cap, reading fails (and the caller treats the
//! record as missing).

use std::collections::BTreeSet;
use std::sync::Mutex;

use serde::{Deserialize, Deserializer};

/// Far more than the stages use (about twenty values in all).
const MAX_DISTINCT: usize = 1024;

static INTERNED: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());

/// The interned `&'static str` equal to `value`, or `None` once [`MAX_DISTINCT`] values are
/// interned and `value` is not one of them.
pub fn intern(value: &str) -> Option<&'static str> {
    let mut set = INTERNED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = set.get(value) {
        return Some(found);
    }
    if set.len() >= MAX_DISTINCT {
        return None;
    }
    let leaked: &'static str = Box::leak(value.to_owned().into_boxed_str());
    set.insert(leaked);
    Some(leaked)
}

/// `deserialize_with` for `&'static str` fields.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    let value = String::deserialize(deserializer)?;
    intern(&value).ok_or_else(|| {
        serde::de::Error::custom("too many distinct values for a fixed-vocabulary field")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_value_is_leaked_once() {
        let a = intern("city").unwrap();
        let b = intern(&String::from("city")).unwrap();
        assert!(std::ptr::eq(a, b));
    }
}
