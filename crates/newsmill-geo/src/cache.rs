//! A binary image of the loaded gazetteer in the user's cache folder, so that only the first
//! run over a GeoNames folder parses its 38 MB of TSV (about 0.5 s of CPU and 80 MB at peak,
//! most of what geocoding cost a BBC-sized run); later runs read a 20 MB image instead.
//!
//! The image's name carries a fingerprint of everything the loaded gazetteer depends on:
//! the folder, each source file's size and modification time, the bundled country ids and
//! the source of the loader itself (so a changed loading rule never meets an old image).
//! Its header carries a checksum of the payload. An image that is missing, unreadable, of
//! another format or damaged is rebuilt from the TSV files; one that cannot be written
//! (read-only home, full disk) only costs the next run the parse. Images are written to a
//! temporary name and renamed, so parallel runs (shards) never read half an image, and the
//! older images of the same folder are removed when a new one is written.
//!
//! The format is postcard (serde) behind a 24-byte header written by hand: magic, format
//! number, payload length and xxh3-64 of the payload.

use std::io;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{xxh3_64, Xxh3};

use crate::gazetteer::{Gazetteer, COUNTRY_IDS};

const MAGIC: &[u8; 8] = b"NMGAZETT";
/// Bumped when the header or the serialised shape changes.
const FORMAT: u32 = 1;
const HEADER_LEN: usize = 24;
/// The loader's own source: any change to how the TSV files become a gazetteer changes
/// every fingerprint.
const LOADER_SOURCE: &str = include_str!("gazetteer.rs");

/// How a gazetteer was obtained, for the log and the tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Read from a valid image.
    Image,
    /// Parsed from the TSV files; an image was written for the next run.
    ParsedAndCached,
    /// Parsed from the TSV files; no image could be written (the reason is logged).
    Parsed,
}

/// The cache folder used when the stage names none: `$NEWSMILL_CACHE_DIR`, else the user's
/// cache folder (`$XDG_CACHE_HOME` or `~/.cache` on Linux) + `newsmill`; `None` when
/// neither is known.
pub fn default_cache_dir() -> Option<PathBuf> {
    match std::env::var_os("NEWSMILL_CACHE_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => dirs::cache_dir().map(|d| d.join("newsmill")),
    }
}

/// Loads the gazetteer of `dir`, from an image in `cache` when a valid one is there, else
/// from the TSV files (then writing the image). `cache = None` always parses.
pub fn load(dir: &Path, cache: Option<&Path>) -> io::Result<(Gazetteer, Source)> {
    let Some(cache) = cache else {
        return Ok((Gazetteer::load(dir)?, Source::Parsed));
    };
    let (folder_key, fingerprint) = fingerprint(dir)?;
    let image = cache.join(format!(
        "gazetteer-{folder_key:016x}-{fingerprint:016x}.bin"
    ));
    match read_image(&image) {
        Ok(g) => return Ok((g, Source::Image)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => tracing::warn!(
            "link.places: gazetteer image {} is unusable ({error}); rebuilding it",
            image.display()
        ),
    }
    let g = Gazetteer::load(dir)?;
    match write_image(&g, cache, &image, folder_key) {
        Ok(()) => Ok((g, Source::ParsedAndCached)),
        Err(error) => {
            tracing::debug!(
                "link.places: cannot keep a gazetteer image in {}: {error}",
                cache.display()
            );
            Ok((g, Source::Parsed))
        }
    }
}

/// (hash of the folder's path, hash of everything the loaded gazetteer depends on).
fn fingerprint(dir: &Path) -> io::Result<(u64, u64)> {
    let folder = std::fs::canonicalize(dir)?;
    let folder_key = xxh3_64(folder.as_os_str().as_encoded_bytes());
    let mut h = Xxh3::new();
    h.update(&FORMAT.to_le_bytes());
    h.update(&folder_key.to_le_bytes());
    for name in Gazetteer::FILES {
        let meta = std::fs::metadata(folder.join(name))?;
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        h.update(name.as_bytes());
        h.update(&meta.len().to_le_bytes());
        h.update(&modified.to_le_bytes());
    }
    h.update(COUNTRY_IDS.as_bytes());
    h.update(LOADER_SOURCE.as_bytes());
    Ok((folder_key, h.digest()))
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

fn read_image(path: &Path) -> io::Result<Gazetteer> {
    let bytes = std::fs::read(path)?;
    if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
        return Err(invalid("not a gazetteer image"));
    }
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]));
    let format = u32::from_le_bytes(bytes[8..12].try_into().unwrap_or([0; 4]));
    if format != FORMAT {
        return Err(invalid("another image format"));
    }
    let payload = &bytes[HEADER_LEN..];
    let length = u32::from_le_bytes(bytes[12..16].try_into().unwrap_or([0; 4]));
    if length as usize != payload.len() || word(16) != xxh3_64(payload) {
        return Err(invalid("truncated or damaged (length or checksum differs)"));
    }
    postcard::from_bytes(payload).map_err(|e| invalid(&format!("cannot be decoded: {e}")))
}

fn write_image(g: &Gazetteer, cache: &Path, image: &Path, folder_key: u64) -> io::Result<()> {
    let payload = postcard::to_stdvec(g).map_err(|e| invalid(&e.to_string()))?;
    let length = u32::try_from(payload.len()).map_err(|_| invalid("image over 4 GiB"))?;
    let mut bytes = Vec::with_capacity(HEADER_LEN + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&FORMAT.to_le_bytes());
    bytes.extend_from_slice(&length.to_le_bytes());
    bytes.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    std::fs::create_dir_all(cache)?;
    let temp = cache.join(format!(
        ".gazetteer-{folder_key:016x}.{}.tmp",
        std::process::id()
    ));
    let written = std::fs::write(&temp, &bytes).and_then(|()| std::fs::rename(&temp, image));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
        return written;
    }
    remove_older_images(cache, image, folder_key);
    Ok(())
}

/// Removes the other images of the same folder (older data or loader versions), so the
/// cache holds one image per gazetteer folder.
fn remove_older_images(cache: &Path, keep: &Path, folder_key: u64) {
    let prefix = format!("gazetteer-{folder_key:016x}-");
    let Ok(listing) = std::fs::read_dir(cache) else {
        return;
    };
    for entry in listing.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".bin") && path != keep {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A three-file gazetteer folder small enough to write inline.
    fn tiny_folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let countries = "alpha2\talpha3\tnumeric\tname\tofficial_name\tcommon_name\tcapital\tcontinent\tregion\tsubregion\tpopulation\tlatitude\tlongitude\tdemonym_m\tdemonym_f\taliases\n\
            IQ\tIRQ\t368\tIraq\tRepublic of Iraq\t\tBaghdad\tAS\tAsia\tWestern Asia\t40222503\t33\t44\tIraqi\tIraqi\tIRQ\n";
        let admins = "geonames_code\tiso_code\tgeonameid\tadmin_level\tname\ttype\tparent_code\tparent_name\tcountry_code\tcountry_name\taliases\n\
            IQ.07\tIQ-BG\t98180\t1\tBaghdad\tGovernorate\t\t\tIQ\tIraq\tMuhafazat Baghdad\n";
        let places = "geonameid\tname\tascii_name\tcountry_code\tcountry_name\tadmin1_code\tadmin1_name\tadmin2_code\tadmin2_name\tpopulation\tlatitude\tlongitude\ttimezone\talt_names_latin\n\
            98182\tBaghdad\tBaghdad\tIQ\tIraq\tIQ.07\tBaghdad\t\t\t7216000\t33.34058\t44.40088\tAsia/Baghdad\tBagdad|Bagdád\n";
        for (name, text) in Gazetteer::FILES.iter().zip([countries, admins, places]) {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    #[test]
    fn the_image_gives_back_the_parsed_gazetteer() {
        let data = tiny_folder();
        let cache = tempfile::tempdir().unwrap();
        let (parsed, first) = load(data.path(), Some(cache.path())).unwrap();
        assert_eq!(first, Source::ParsedAndCached);
        assert!(!parsed.lookup("Baghdad").is_empty());
        let (read, second) = load(data.path(), Some(cache.path())).unwrap();
        assert_eq!(second, Source::Image);
        assert_eq!(read, parsed);
        assert_eq!(read, Gazetteer::load(data.path()).unwrap());
    }

    #[test]
    fn a_damaged_image_is_rebuilt_and_a_changed_file_gets_a_new_image() {
        let data = tiny_folder();
        let cache = tempfile::tempdir().unwrap();
        load(data.path(), Some(cache.path())).unwrap();
        let images = || -> Vec<PathBuf> {
            let mut found: Vec<PathBuf> = std::fs::read_dir(cache.path())
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            found.sort();
            found
        };
        let [image] = images().try_into().unwrap();
        // One flipped byte in the payload: the checksum no longer holds.
        let mut bytes = std::fs::read(&image).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x55;
        std::fs::write(&image, &bytes).unwrap();
        assert!(read_image(&image).is_err());
        let (g, source) = load(data.path(), Some(cache.path())).unwrap();
        assert_eq!(source, Source::ParsedAndCached);
        assert_eq!(g, Gazetteer::load(data.path()).unwrap());
        // A truncated image is refused too.
        std::fs::write(&image, &bytes[..HEADER_LEN + 3]).unwrap();
        assert!(read_image(&image).is_err());

        // A source file that grows changes the fingerprint; the old image is removed.
        let places = data.path().join(Gazetteer::FILES[2]);
        let mut text = std::fs::read_to_string(&places).unwrap();
        text.push_str("98463\tKirkuk\tKirkuk\tIQ\tIraq\tIQ.13\tKirkuk\t\t\t601433\t35.46806\t44.39222\tAsia/Baghdad\t\n");
        std::fs::write(&places, text).unwrap();
        let (g, source) = load(data.path(), Some(cache.path())).unwrap();
        assert_eq!(source, Source::ParsedAndCached);
        assert!(!g.lookup("Kirkuk").is_empty());
        let [new_image] = images().try_into().unwrap();
        assert_ne!(new_image, image);
    }

    #[test]
    fn the_image_of_the_shared_geonames_folder_is_exact() {
        let dir = crate::stage::locate("../shared/data/gazetteers/geonames");
        if !dir.join(Gazetteer::FILES[2]).is_file() {
            eprintln!("skipped the GeoNames image check: ../shared is absent");
            return;
        }
        let cache = tempfile::tempdir().unwrap();
        let (parsed, _) = load(&dir, Some(cache.path())).unwrap();
        let (read, source) = load(&dir, Some(cache.path())).unwrap();
        assert_eq!(source, Source::Image);
        assert!(
            read == parsed,
            "the image differs from the parsed gazetteer"
        );
        assert_eq!(read.lookup("Hawija"), parsed.lookup("Hawija"));
    }

    #[test]
    fn an_unwritable_cache_only_costs_the_parse() {
        let data = tiny_folder();
        let blocker = tempfile::NamedTempFile::new().unwrap();
        // A file where the cache folder should be: create_dir_all fails.
        let (g, source) = load(data.path(), Some(&blocker.path().join("sub"))).unwrap();
        assert_eq!(source, Source::Parsed);
        assert_eq!(g, Gazetteer::load(data.path()).unwrap());
        let (_, uncached) = load(data.path(), None).unwrap();
        assert_eq!(uncached, Source::Parsed);
    }
}
