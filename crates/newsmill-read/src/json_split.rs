//! `.json` files: one object is one document (read like a JSON Lines line); an array of
//! objects (what most crawlers write with `--json` over several pages) is split into one
//! document per item, with id `file.json#<item>` (1-based).

use std::path::Path;

use newsmill_core::{DocumentHints, StageError};
use serde_json::Value;

use crate::discover::Found;

/// The items of `path` when it holds a JSON array; `None` when it holds anything else (an
/// object, or text that is not JSON), which the reader then reads whole and reports on.
/// The caller has checked the size against `max_bytes`.
pub(crate) fn split_json_array(
    path: &Path,
    rel: &str,
    max_bytes: u64,
) -> Result<Option<Vec<Found>>, StageError> {
    let bytes =
        std::fs::read(path).map_err(|e| StageError::new("io", format!("cannot read: {e}")))?;
    if bytes.len() as u64 > max_bytes {
        return Err(StageError::new(
            "too_large",
            format!("file is over max_file_bytes ({max_bytes})"),
        ));
    }
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
    if start.map(|i| bytes[i]) != Some(b'[') {
        return Ok(None);
    }
    let items: Vec<Value> = match serde_json::from_slice::<Value>(&bytes[start.unwrap_or(0)..]) {
        Ok(Value::Array(items)) => items,
        Ok(_) => return Ok(None),
        Err(e) => return Err(StageError::new("parse", format!("invalid JSON: {e}"))),
    };
    drop(bytes);
    let found = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let part = (i + 1).to_string();
            Found::Line {
                id: format!("{rel}#{part}"),
                path: path.to_path_buf(),
                bytes: serde_json::to_vec(&item).unwrap_or_default(),
                hints: DocumentHints {
                    part: Some(part),
                    ..DocumentHints::default()
                },
            }
        })
        .collect();
    Ok(Some(found))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_split_and_objects_stay_whole() {
        let dir = tempfile::tempdir().unwrap();
        let array = dir.path().join("a.json");
        std::fs::write(&array, " [{\"title\":\"A\"}, {\"title\":\"B\"}]").unwrap();
        let items = split_json_array(&array, "a.json", 1000).unwrap().unwrap();
        let ids: Vec<String> = items
            .iter()
            .map(|f| match f {
                Found::Line { id, bytes, .. } => format!("{id} {}", String::from_utf8_lossy(bytes)),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            ids,
            ["a.json#1 {\"title\":\"A\"}", "a.json#2 {\"title\":\"B\"}"]
        );
        let object = dir.path().join("o.json");
        std::fs::write(&object, "{\"title\":\"A\"}").unwrap();
        assert!(split_json_array(&object, "o.json", 1000).unwrap().is_none());
        std::fs::write(&array, "[{\"title\":").unwrap();
        assert_eq!(
            split_json_array(&array, "a.json", 1000).unwrap_err().code,
            "parse"
        );
    }
}
