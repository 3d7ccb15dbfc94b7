//! The output folder as one unit: a run writes into a hidden staging folder beside it, and
//! commit swaps the whole staging folder in, so the output folder always holds the files of
//! exactly one run (never one run's articles.csv beside another's entities.csv).
//!
//! - The swap is `renameat2(RENAME_EXCHANGE)` on Linux (atomic: the folder is the old one or
//!   the new one, never missing, never mixed); elsewhere, or on file systems without it, two
//!   renames (old folder aside, new folder in), so a crash leaves the old folder, the new one
//!   or none, still never a mix.
//! - The last file written into the staging folder is the manifest [`MARKER`] (the name of
//!   every file). A folder holding it is a newsmill output folder: discovery never reads
//!   it as input, and a later run may replace it. A folder holding anything else is never
//!   replaced (so `--out .` cannot wipe the articles).
//! - Staging folders left by killed runs (`kill -9`, power loss) are removed by the next run
//!   that writes beside them, once their process is gone; [`abandon_all`] removes the live
//!   ones on Ctrl-C or SIGTERM.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The manifest of an output folder, written last.
pub const MARKER: &str = ".newsmill-output";
/// The manifest of an incremental-run state folder (`run --state`): never input either.
pub const STATE_MARKER: &str = "newsmill-state.json";
/// What older versions left as the only sign of an output folder.
const LEGACY_MARKER: &str = "run-report.json";

/// Staging folders of this process not yet committed; removed by [`abandon_all`].
static ACTIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Whether `dir` holds the output of a newsmill run (its manifest, or the run report of an
/// older version beside its articles table).
pub fn is_output_folder(dir: &Path) -> bool {
    dir.join(MARKER).is_file()
        || (dir.join(LEGACY_MARKER).is_file() && dir.join("articles.csv").is_file())
}

/// Whether a folder is an output folder, the staging or set-aside folder of some run, or an
/// incremental-run state folder: never input.
pub fn is_newsmill_folder(dir: &Path) -> bool {
    let staging_name = dir
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|name| {
            name.starts_with('.') && (name.contains(STAGING_TAG) || name.contains(OLD_TAG))
        });
    staging_name || is_output_folder(dir) || dir.join(STATE_MARKER).is_file()
}

const STAGING_TAG: &str = ".newsmill-staging-";
const OLD_TAG: &str = ".newsmill-old-";

/// A staging folder for one output folder.
#[derive(Debug)]
pub struct Staging {
    dir: Option<tempfile::TempDir>,
    target: PathBuf,
}

impl Staging {
    /// Makes the staging folder beside `target` (creating `target`'s parent), after removing
    /// stale staging folders of dead runs. Refuses a `target` that exists and holds files
    /// newsmill did not write.
    pub fn begin(target: &Path) -> io::Result<Self> {
        let target = absolute(target)?;
        let (parent, name) = split(&target)?;
        std::fs::create_dir_all(&parent)?;
        check_replaceable(&target)?;
        remove_stale(&parent, &name);
        let prefix = format!(".{name}{STAGING_TAG}{}-", std::process::id());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // 0777 minus the umask, as `mkdir` gives (tempfile's default is 0700).
            builder.permissions(std::fs::Permissions::from_mode(0o777));
        }
        let dir = builder.tempdir_in(&parent)?;
        if let Ok(mut active) = ACTIVE.lock() {
            active.push(dir.path().to_path_buf());
        }
        Ok(Staging {
            dir: Some(dir),
            target,
        })
    }

    /// The staging folder: write every output file here.
    pub fn path(&self) -> &Path {
        self.dir.as_ref().map_or(&self.target, |d| d.path())
    }

    /// The folder the files will be in after [`commit`](Staging::commit).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Writes the manifest, syncs, and swaps the staging folder in as the output folder.
    pub fn commit(mut self) -> io::Result<()> {
        let Some(dir) = self.dir.take() else {
            return Ok(());
        };
        write_manifest(dir.path())?;
        sync_dir(dir.path());
        let staged = dir.keep();
        let result = swap_in(&staged, &self.target);
        forget(&staged);
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&staged);
        }
        if let Some(parent) = self.target.parent() {
            sync_dir(parent);
        }
        result
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            forget(dir.path());
            // TempDir's own drop removes the folder.
        }
    }
}

/// Removes every staging folder of this process (for a Ctrl-C or SIGTERM handler: the
/// process exits right after, so no run of it will commit).
pub fn abandon_all() {
    let dirs = match ACTIVE.lock() {
        Ok(mut active) => std::mem::take(&mut *active),
        Err(_) => return,
    };
    for dir in dirs {
        let _ = std::fs::remove_dir_all(dir);
    }
}

fn forget(dir: &Path) {
    if let Ok(mut active) = ACTIVE.lock() {
        active.retain(|d| d != dir);
    }
}

fn absolute(path: &Path) -> io::Result<PathBuf> {
    // canonicalize resolves `.` and `..` (so `--out .` has a name) but needs the folder to
    // exist; a new folder is made absolute as written.
    match path.canonicalize() {
        Ok(p) => Ok(p),
        Err(_) => std::path::absolute(path),
    }
}

fn split(target: &Path) -> io::Result<(PathBuf, String)> {
    match (target.parent(), target.file_name()) {
        (Some(parent), Some(name)) => Ok((parent.to_path_buf(), name.to_string_lossy().into())),
        _ => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} cannot be an output folder", target.display()),
        )),
    }
}

fn check_replaceable(target: &Path) -> io::Result<()> {
    let Ok(meta) = std::fs::metadata(target) else {
        return Ok(());
    };
    if !meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} exists and is not a folder", target.display()),
        ));
    }
    if is_output_folder(target) {
        return Ok(());
    }
    // Hidden `.NAME.XXXX.tmp` files are what older versions left when killed.
    let foreign: Option<OsString> = std::fs::read_dir(target)?
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .find(|name| {
            let name = name.to_string_lossy();
            !(name.starts_with('.') && name.ends_with(".tmp"))
        });
    match foreign {
        None => Ok(()),
        Some(name) => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} holds files newsmill did not write (such as {}); the whole output folder is \
                 replaced on each run, so name a new or empty folder (--out DIR)",
                target.display(),
                name.to_string_lossy()
            ),
        )),
    }
}

/// Removes staging and set-aside folders of `name` whose process has ended.
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let own = std::process::id();
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(rest) = file_name
            .strip_prefix(&format!(".{name}{STAGING_TAG}"))
            .or_else(|| file_name.strip_prefix(&format!(".{name}{OLD_TAG}")))
        else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| pid == own || process_alive(pid)) {
            continue;
        }
        let _ = std::fs::remove_dir_all(entry.path());
    }
}

/// Whether a process is running. Where `/proc` is missing every other process counts as
/// gone, so a concurrent run writing to the same folder there may lose its staging folder
/// (and fail with a clear error) rather than stale folders piling up.
fn process_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

fn write_manifest(dir: &Path) -> io::Result<()> {
    // Names only: sizes would make the manifest differ with the run report's timings, and
    // the folder's other files are byte-identical for any thread count.
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut text = String::from("# newsmill output folder: every file of one run\n");
    for name in names {
        text.push_str(&name);
        text.push('\n');
    }
    let path = dir.join(MARKER);
    std::fs::write(&path, text)?;
    std::fs::File::open(&path)?.sync_all()
}

fn sync_dir(dir: &Path) {
    // Directory fsync makes the renames durable; not every platform allows it.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

fn swap_in(staged: &Path, target: &Path) -> io::Result<()> {
    if std::fs::symlink_metadata(target).is_err() {
        return std::fs::rename(staged, target);
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        if renameat_with(CWD, staged, CWD, target, RenameFlags::EXCHANGE).is_ok() {
            // `staged` now holds the previous output.
            let _ = std::fs::remove_dir_all(staged);
            return Ok(());
        }
    }
    let (parent, name) = split(target)?;
    let aside = parent.join(format!(
        ".{name}{OLD_TAG}{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    std::fs::rename(target, &aside)?;
    if let Err(e) = std::fs::rename(staged, target) {
        let _ = std::fs::rename(&aside, target);
        return Err(e);
    }
    let _ = std::fs::remove_dir_all(&aside);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn commit_replaces_the_whole_folder() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        let first = Staging::begin(&out).unwrap();
        std::fs::write(first.path().join("a.csv"), "1").unwrap();
        std::fs::write(first.path().join("old.csv"), "1").unwrap();
        first.commit().unwrap();
        let second = Staging::begin(&out).unwrap();
        std::fs::write(second.path().join("a.csv"), "2").unwrap();
        assert_eq!(std::fs::read_to_string(out.join("a.csv")).unwrap(), "1");
        second.commit().unwrap();
        assert_eq!(names(&out), [MARKER, "a.csv"]);
        assert_eq!(std::fs::read_to_string(out.join("a.csv")).unwrap(), "2");
        assert_eq!(names(root.path()), ["out"]);
        let manifest = std::fs::read_to_string(out.join(MARKER)).unwrap();
        assert!(manifest.ends_with("\na.csv\n"), "{manifest}");
    }

    #[test]
    fn dropped_staging_leaves_nothing_and_is_forgotten() {
        let root = tempfile::tempdir().unwrap();
        let live = Staging::begin(&root.path().join("out")).unwrap();
        let path = live.path().to_path_buf();
        assert!(ACTIVE.lock().unwrap().contains(&path));
        drop(live);
        assert!(!ACTIVE.lock().unwrap().contains(&path));
        assert!(names(root.path()).is_empty());
    }

    #[test]
    fn foreign_folders_are_not_replaced() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("article.md"), "x").unwrap();
        let err = Staging::begin(root.path()).unwrap_err();
        assert!(err.to_string().contains("article.md"), "{err}");
        // Temp files an older version left when killed do not make a folder foreign.
        let old = root.path().join("old-out");
        std::fs::create_dir(&old).unwrap();
        std::fs::write(old.join(".articles.csv.Ab12.tmp"), "x").unwrap();
        Staging::begin(&old).unwrap().commit().unwrap();
        assert_eq!(names(&old), [MARKER]);
        assert!(Staging::begin(&root.path().join("article.md")).is_err());
    }

    #[test]
    fn stale_staging_of_dead_runs_is_removed() {
        let root = tempfile::tempdir().unwrap();
        // pid 0 is never a user process.
        let stale = root.path().join(format!(".out{STAGING_TAG}0-abc"));
        std::fs::create_dir(&stale).unwrap();
        std::fs::write(stale.join(".articles.csv.x.tmp"), "x").unwrap();
        let other = root.path().join(".unrelated");
        std::fs::create_dir(&other).unwrap();
        Staging::begin(&root.path().join("out"))
            .unwrap()
            .commit()
            .unwrap();
        assert_eq!(names(root.path()), [".unrelated", "out"]);
    }

    #[cfg(unix)]
    #[test]
    fn folder_and_files_follow_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        Staging::begin(&out).unwrap().commit().unwrap();
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        // Whatever the umask, never narrower than the owner's rwx and never the 0700 of a
        // temp dir when the umask lets others read.
        let umask_lets_others_read = {
            let probe = root.path().join("probe");
            std::fs::write(&probe, "").unwrap();
            std::fs::metadata(&probe).unwrap().permissions().mode() & 0o004 != 0
        };
        assert_eq!(mode & 0o004 != 0, umask_lets_others_read, "{mode:o}");
    }
}
