//! Online backup, verification of a directory, and the check of a backup against its source
//! (issue 17; the rules K-BAK-1 .. K-BAK-9 of docs/backup.md).
//!
//! A backup is a consistent point-in-time copy of a live store, written by the backend
//! (`Backend::copy_to`: LMDB copies one read snapshot while writers of every process go on)
//! into a sibling directory `<dir>.partial-<pid>-<n>`, synced, optionally verified, given a
//! `backup.json` that records what it holds, synced again, and only then renamed to `<dir>`:
//! a directory named `<dir>` is always a whole backup; a killed backup leaves only the
//! `.partial-` directory, which holds no `backup.json` and is never renamed.
//!
//! Restoring is opening the backup directory as a store (or moving it where the store was).
//! [`EventStoreProvider::check_backup`] proves a backup against its source: the copy verifies,
//! and every event up to the position it holds is, byte for byte, the source's.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use lode_backend::{
    format_micros, log_position_key, Backend, CommandRecord, CopyOptions, Error, EventSource,
    Micros, Result,
};

use crate::provider::EventStoreProvider;
use crate::verify::{self, Location, Problem, ProblemKind, Report};

/// The file beside the data in a backup directory that records what the backup holds.
pub const BACKUP_FILE: &str = "backup.json";

/// The format of [`BACKUP_FILE`].
const BACKUP_FILE_FORMAT: u32 = 1;

/// How [`EventStoreProvider::backup`] copies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BackupOptions {
    /// Leave out the store's free pages: a smaller copy, a little slower to make; its progress
    /// total is then an estimate (the pages in use when the copy started).
    pub compact: bool,
    /// Verify the copy (every invariant, [`crate::verify`]) before it is renamed into place;
    /// a copy that does not verify is removed and the call fails. Runs after the last progress
    /// call, and reads the whole copy once more.
    pub verify: bool,
    /// Write at most this many bytes per second (`None`: as fast as the disks go). A slower
    /// backup holds its read snapshot longer (see docs/backup.md, "What a backup costs").
    pub max_bytes_per_second: Option<u64>,
}

/// Progress of a backup: `done` bytes of `total`, reported on the calling thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupProgress {
    /// Bytes copied so far.
    pub done: u64,
    /// Bytes the copy will have: the data file's size when the copy started (a compacted copy:
    /// the pages then in use, an estimate). Raised to `done` if the copy grows past it; equal
    /// to `done` in the last report.
    pub total: u64,
}

/// What a backup holds: what [`EventStoreProvider::backup`] returns and `backup.json` records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    /// The backup directory.
    pub path: PathBuf,
    /// The store directory it was copied from.
    pub source: PathBuf,
    /// The global log position the copy holds: it has exactly the events at positions
    /// `1..=position` (and the snapshots, leases and command records of that moment).
    pub position: u64,
    /// Bytes of the copy's data.
    pub bytes: u64,
    pub compacted: bool,
    /// Whether the copy was verified before it was renamed into place.
    pub verified: bool,
    /// When the copy was finished (UTC microseconds since the Unix epoch).
    pub created_at_us: Micros,
    /// The library version that wrote it.
    pub library_version: String,
    /// The storage backend (`"lmdb"`) and its on-disk format version.
    pub backend: String,
    pub format_version: u32,
}

impl BackupInfo {
    /// The info as a JSON object (`created_at` as ISO-8601 text, `created_at_us` as a number).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "path": self.path.to_string_lossy(),
            "source": self.source.to_string_lossy(),
            "position": self.position,
            "bytes": self.bytes,
            "compacted": self.compacted,
            "verified": self.verified,
            "created_at": format_micros(self.created_at_us),
            "created_at_us": self.created_at_us,
            "library_version": self.library_version,
            "backend": self.backend,
            "format_version": self.format_version,
        })
    }

    /// What `backup.json` holds: the info without `path` (the directory may be moved), with
    /// the file's own format number.
    fn file_json(&self) -> Vec<u8> {
        let mut v = self.to_json();
        if let Some(o) = v.as_object_mut() {
            o.remove("path");
            o.insert("backup_format".into(), BACKUP_FILE_FORMAT.into());
        }
        let mut bytes = serde_json::to_vec_pretty(&v).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    fn from_file(dir: &Path, bytes: &[u8]) -> std::result::Result<BackupInfo, String> {
        let v: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| format!("it is not JSON: {e}"))?;
        let u = |k: &str| {
            v.get(k)
                .and_then(|x| x.as_u64())
                .ok_or_else(|| format!("it has no number '{k}'"))
        };
        let t = |k: &str| {
            v.get(k)
                .and_then(|x| x.as_str())
                .map(str::to_string)
                .ok_or_else(|| format!("it has no string '{k}'"))
        };
        let b = |k: &str| {
            v.get(k)
                .and_then(|x| x.as_bool())
                .ok_or_else(|| format!("it has no boolean '{k}'"))
        };
        Ok(BackupInfo {
            path: dir.to_path_buf(),
            source: PathBuf::from(t("source")?),
            position: u("position")?,
            bytes: u("bytes")?,
            compacted: b("compacted")?,
            verified: b("verified")?,
            created_at_us: v
                .get("created_at_us")
                .and_then(|x| x.as_i64())
                .ok_or("it has no number 'created_at_us'")?,
            library_version: t("library_version")?,
            backend: t("backend")?,
            format_version: u("format_version")? as u32,
        })
    }
}

/// Reads `backup.json` of the backup directory `dir`: `Ok(None)` when there is none (a copy
/// made otherwise), a Serialization error when it cannot be read as one.
pub fn read_backup_info(dir: impl AsRef<Path>) -> Result<Option<BackupInfo>> {
    let dir = dir.as_ref();
    let file = dir.join(BACKUP_FILE);
    let bytes = match std::fs::read(&file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(os_error("reading the backup's backup.json", e)),
    };
    BackupInfo::from_file(dir, &bytes)
        .map(Some)
        .map_err(|reason| Error::Serialization {
            key: format!("'{}'", file.display()),
            version: None,
            reason,
        })
}

/// What [`EventStoreProvider::check_backup`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupCheck {
    /// The backup directory.
    pub path: PathBuf,
    /// Every invariant of the copy itself ([`crate::verify`]).
    pub backup: Report,
    /// What its `backup.json` records, if it has one.
    pub recorded: Option<BackupInfo>,
    /// The position the copy holds (its own log head).
    pub position: u64,
    /// The source's log head when it was checked (the source may have gone on).
    pub source_position: u64,
    /// Events compared with the source, byte for byte (positions `1..=position`).
    pub events_compared: u64,
    /// Command records compared with the source.
    pub commands_compared: u64,
    /// Where the backup and its source (or its `backup.json`) disagree: the first
    /// [`verify::MAX_LISTED_PROBLEMS`].
    pub problems: Vec<Problem>,
    pub problem_count: u64,
}

impl BackupCheck {
    /// Whether the copy verifies and agrees with its source up to its position.
    pub fn is_ok(&self) -> bool {
        self.backup.is_ok() && self.problem_count == 0
    }

    /// As JSON: `ok`, `path`, `position`, `recorded_position`, `source_position`,
    /// `events_compared`, `commands_compared`, `backup` (the copy's report),
    /// `problem_count`, `problems`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "ok": self.is_ok(),
            "path": self.path.to_string_lossy(),
            "position": self.position,
            "recorded_position": self.recorded.as_ref().map(|r| r.position),
            "recorded": self.recorded.as_ref().map(BackupInfo::to_json),
            "source_position": self.source_position,
            "events_compared": self.events_compared,
            "commands_compared": self.commands_compared,
            "backup": self.backup.to_json(),
            "problem_count": self.problem_count,
            "problems": self.problems.iter().map(Problem::to_json).collect::<Vec<_>>(),
        })
    }
}

impl std::fmt::Display for BackupCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "backup '{}' at position {} (source at {}): {} events and {} commands compared; ",
            self.path.display(),
            self.position,
            self.source_position,
            self.events_compared,
            self.commands_compared
        )?;
        if self.problem_count == 0 {
            write!(f, "they agree")?;
        } else {
            write!(f, "{} disagreements", self.problem_count)?;
            for p in &self.problems {
                write!(f, "\n  {p}")?;
            }
        }
        write!(f, "\ncopy: {}", self.backup)
    }
}

/// Checks every invariant of the store in the directory `path` (open in this or another
/// process, or not open at all), as [`EventStoreProvider::verify`] does. Nothing is created:
/// a directory that holds no store is refused with a Storage error (code `NOT_A_STORE`).
pub fn verify_directory(path: impl AsRef<Path>) -> Result<Report> {
    let backend = crate::open::open_existing(path.as_ref())?;
    verify::verify(&*backend)
}

static PARTIAL_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Removes a directory when dropped, unless disarmed: a failed, cancelled or panicking backup
/// leaves nothing behind.
struct RemoveOnDrop(Option<PathBuf>);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(dir) = self.0.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn os_error(operation: &str, e: std::io::Error) -> Error {
    Error::Storage {
        operation: operation.to_string(),
        hint: "Check the backup directory's permissions and free space.".to_string(),
        source: Box::new(lode_backend::StorageCause {
            backend: "os",
            code: e
                .raw_os_error()
                .map(|n| format!("errno {n}"))
                .unwrap_or_else(|| format!("{:?}", e.kind())),
            number: e.raw_os_error().map(i64::from),
            message: e.to_string(),
        }),
    }
}

fn sync_dir(dir: &Path) -> Result<()> {
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| os_error("syncing the backup's directory", e))
}

/// K-BAK-3: the target must not exist, or be an empty directory; its parent must exist; it
/// must not lie inside the store's own directory. Returns (parent, final name).
fn check_target(target: &Path, source: &Path) -> Result<(PathBuf, String)> {
    let bad = |reason: String| Error::invalid("path", reason);
    if target.as_os_str().is_empty() {
        return Err(bad("the path is empty".into()));
    }
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| bad(format!("'{}' names no directory", target.display())))?
        .to_string();
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let parent_canonical = parent.canonicalize().map_err(|e| {
        bad(format!(
            "the directory '{}' that is to hold the backup cannot be used ({e}); create it first",
            parent.display()
        ))
    })?;
    if !source.as_os_str().is_empty() && parent_canonical.join(&name).starts_with(source) {
        return Err(bad(format!(
            "'{}' is inside the store's own directory '{}'; a backup goes elsewhere",
            target.display(),
            source.display()
        )));
    }
    match std::fs::symlink_metadata(target) {
        Ok(m) if !m.is_dir() => Err(bad(format!(
            "'{}' exists and is not a directory; a backup never overwrites anything",
            target.display()
        ))),
        Ok(_) => {
            let mut entries = std::fs::read_dir(target)
                .map_err(|e| os_error("reading the backup's target directory", e))?;
            if entries.next().is_some() {
                return Err(bad(format!(
                    "'{}' exists and is not empty; a backup never overwrites anything",
                    target.display()
                )));
            }
            Ok((parent, name))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((parent, name)),
        Err(e) => Err(os_error("looking at the backup's target", e)),
    }
}

fn now_us() -> Micros {
    chrono::Utc::now().timestamp_micros()
}

impl EventStoreProvider {
    /// K-BAK-1: writes a consistent point-in-time copy of this store into the new directory
    /// `dir` while other threads and processes go on appending, and returns what it holds.
    ///
    /// `dir` must not exist (or be an empty directory) and lies outside the store's directory;
    /// its parent must exist. The copy has the store's permissions (`file_mode`,
    /// `directory_mode`). `progress` is called on this thread with no lock or transaction held
    /// (it may call into the store), at the start, about every 100 ms and at the end; returning
    /// `false` cancels: the call then fails with [`Error::Cancelled`] and leaves nothing at
    /// `dir`. Until the copy is whole, synced and described by its `backup.json`, it lives in
    /// `<dir>.partial-<pid>-<n>`; a process killed meanwhile leaves only that directory.
    ///
    /// The copy holds one read snapshot of the store for its whole run: writers go on, but
    /// pages they free meanwhile cannot be reused until it ends, so the data file may grow by
    /// what they write during the backup (docs/backup.md).
    pub fn backup(
        &self,
        dir: impl AsRef<Path>,
        options: &BackupOptions,
        mut progress: impl FnMut(BackupProgress) -> bool,
    ) -> Result<BackupInfo> {
        let target = dir.as_ref();
        let backend = &*self.core.backend;
        let source = self.path().to_path_buf();
        let (parent, name) = check_target(target, &source)?;
        let mut cleanup = RemoveOnDrop(None);
        let mut copied = None;
        for _ in 0..16 {
            let n = PARTIAL_COUNTER.fetch_add(1, Ordering::Relaxed);
            let partial = parent.join(format!("{name}.partial-{}-{n}", std::process::id()));
            if partial.exists() {
                continue; // left by a killed process that had this pid
            }
            cleanup.0 = Some(partial.clone());
            let copy_options = CopyOptions {
                compact: options.compact,
                max_bytes_per_second: options.max_bytes_per_second,
            };
            let report = backend
                .copy_to(&partial, &copy_options, &mut |done, total| {
                    progress(BackupProgress { done, total })
                })
                .map_err(|e| match e {
                    Error::Cancelled { .. } => Error::Cancelled {
                        operation: format!("backup to '{}'", target.display()),
                        outcome: format!(
                            "nothing was left at '{}' (the partial copy was removed).",
                            target.display()
                        ),
                    },
                    other => other,
                })?;
            copied = Some((partial, report));
            break;
        }
        let (partial, report) = copied.ok_or_else(|| {
            Error::invalid(
                "path",
                format!(
                    "no free name for the partial copy beside '{}'",
                    target.display()
                ),
            )
        })?;
        let mut verified = false;
        if options.verify {
            let found = {
                let copy = crate::open::open_existing(&partial)?;
                verify::verify(&*copy)?
            };
            if !found.is_ok() || found.position != report.position {
                let first = found
                    .problems
                    .first()
                    .map_or_else(|| "its log head moved".to_string(), |p| p.to_string());
                return Err(Error::Serialization {
                    key: format!("the backup copy of '{}'", source.display()),
                    version: None,
                    reason: format!(
                        "the copy does not verify ({} problems; the first: {first}); it was removed \
                         and nothing was left at '{}'. Run verify on the store itself",
                        found.problem_count,
                        target.display()
                    ),
                });
            }
            verified = true;
        }
        let info = BackupInfo {
            path: target.to_path_buf(),
            source: source.clone(),
            position: report.position,
            bytes: report.bytes,
            compacted: options.compact,
            verified,
            created_at_us: now_us(),
            library_version: crate::VERSION.to_string(),
            backend: backend.name().to_string(),
            format_version: crate::FORMAT_VERSION,
        };
        write_new_file(
            &partial.join(BACKUP_FILE),
            &info.file_json(),
            report.file_mode,
        )?;
        sync_dir(&partial)?;
        // Atomic: `dir` appears whole or not at all. Onto an empty directory rename succeeds;
        // onto one that gained entries meanwhile it fails, and nothing is overwritten.
        std::fs::rename(&partial, target).map_err(|e| {
            if matches!(
                e.kind(),
                std::io::ErrorKind::DirectoryNotEmpty | std::io::ErrorKind::AlreadyExists
            ) {
                Error::invalid(
                    "path",
                    format!(
                        "'{}' was filled while the backup ran; a backup never overwrites anything",
                        target.display()
                    ),
                )
            } else {
                os_error("renaming the finished backup into place", e)
            }
        })?;
        cleanup.0 = None;
        sync_dir(&parent)?;
        tracing::info!(
            target: "lode::backup",
            source = %source.display(),
            backup = %target.display(),
            position = info.position,
            bytes = info.bytes,
            compacted = info.compacted,
            "backup written"
        );
        Ok(info)
    }

    /// K-BAK-7: checks the backup in `dir` against this store (its source): the copy verifies
    /// (every invariant), its `backup.json` (if any) records the position the copy holds, and
    /// every event at positions `1..=position` and every command record of the copy is the
    /// source's, byte for byte. Snapshots and leases are not compared (they change after a
    /// backup by design). The source may have gone on appending: only its first `position`
    /// events are compared. Each comparison step is its own short read transaction.
    pub fn check_backup(&self, dir: impl AsRef<Path>) -> Result<BackupCheck> {
        let dir = dir.as_ref();
        let copy = crate::open::open_existing(dir)?;
        let source = &*self.core.backend;
        if let (Ok(a), Some(b)) = (dir.canonicalize(), source.path()) {
            if a == b {
                return Err(Error::invalid(
                    "path",
                    format!(
                        "'{}' is this store itself, not a backup of it",
                        dir.display()
                    ),
                ));
            }
        }
        let backup = verify::verify(&*copy)?;
        let mut found = Report::default();
        let recorded = match read_backup_info(dir) {
            Ok(r) => r,
            Err(e) => {
                found.problem_at(
                    ProblemKind::Mismatch,
                    BACKUP_FILE,
                    e.to_string(),
                    Location::none(),
                );
                None
            }
        };
        let position = copy.head()?;
        if let Some(r) = &recorded {
            if r.position != position {
                found.problem_at(
                    ProblemKind::Mismatch,
                    BACKUP_FILE,
                    format!(
                        "it records position {}, but the copy holds the log up to {position}",
                        r.position
                    ),
                    Location::position(r.position.min(position) + 1),
                );
            }
        }
        let source_position = source.head()?;
        if source_position < position {
            found.problem_at(
                ProblemKind::Mismatch,
                "global log",
                format!(
                    "the source's log ends at position {source_position}, before the backup's \
                     position {position}: this is not a backup of this store, or the store lost \
                     events"
                ),
                Location::position(source_position + 1),
            );
        }
        let events_compared =
            compare_events(source, &*copy, position.min(source_position), &mut found)?;
        let commands_compared = compare_commands(source, &*copy, &mut found)?;
        Ok(BackupCheck {
            path: dir.to_path_buf(),
            backup,
            recorded,
            position,
            source_position,
            events_compared,
            commands_compared,
            problems: found.problems,
            problem_count: found.problem_count,
        })
    }
}

fn write_new_file(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .map_err(|e| os_error("writing the backup's backup.json", e))?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| os_error("writing the backup's backup.json", e))
}

/// One event as a comparison needs it.
#[derive(PartialEq, Eq)]
struct Owned {
    position: u64,
    store_id: String,
    version: u64,
    recorded_at: Micros,
    json: Vec<u8>,
}

/// Events (and bytes of them) read per transaction of a comparison.
const CHUNK_EVENTS: usize = 2048;
const CHUNK_BYTES: usize = 16 << 20;

/// The events of positions `from..=last` of `backend`, as many as one chunk holds; whether it
/// stopped because the chunk was full (not at `last` or the end of the log); and the error
/// that stopped it early, if a record could not be read (damage: the events before it count).
type Chunk = (Vec<Owned>, bool, Option<Error>);

fn chunk(backend: &dyn Backend, from: u64, last: u64) -> Result<Chunk> {
    lode_backend::read(backend, "reading the log to compare a backup", |r| {
        let mut out = Vec::new();
        let mut bytes = 0usize;
        let mut full = false;
        let walk = r.events(EventSource::Log { from }, &mut |e| {
            if e.position > last {
                return Ok(false);
            }
            if out.len() >= CHUNK_EVENTS || bytes >= CHUNK_BYTES {
                full = true;
                return Ok(false);
            }
            bytes += e.json.len();
            out.push(Owned {
                position: e.position,
                store_id: e.stream.store_id(),
                version: e.version,
                recorded_at: e.recorded_at,
                json: e.json.to_vec(),
            });
            Ok(true)
        });
        match walk {
            Ok(_) => Ok((out, full, None)),
            Err(e @ Error::Serialization { .. }) => Ok((out, false, Some(e))),
            Err(e) => Err(e),
        }
    })
}

/// Compares the events at positions `1..=last` of both; how many were compared.
fn compare_events(
    source: &dyn Backend,
    copy: &dyn Backend,
    last: u64,
    found: &mut Report,
) -> Result<u64> {
    use std::collections::BTreeMap;
    let mut compared = 0u64;
    let mut from = 1u64;
    while from <= last {
        let (theirs, theirs_full, theirs_error) = chunk(source, from, last)?;
        let (ours, ours_full, ours_error) = chunk(copy, from, last)?;
        // Up to where both chunks say everything: a full chunk (or one cut short by damage)
        // only up to its last event.
        let end_of = |v: &[Owned], cut: bool| match v.last() {
            Some(e) if cut => e.position,
            None if cut => from - 1,
            _ => last,
        };
        let end = end_of(&theirs, theirs_full || theirs_error.is_some())
            .min(end_of(&ours, ours_full || ours_error.is_some()));
        let damaged = match (&ours_error, &theirs_error) {
            _ if end >= last => None,
            (Some(e), _) => Some(("the backup", e)),
            (None, Some(e)) => Some(("the source", e)),
            (None, None) => None,
        };
        let a: BTreeMap<u64, &Owned> = theirs
            .iter()
            .filter(|e| e.position <= end)
            .map(|e| (e.position, e))
            .collect();
        let b: BTreeMap<u64, &Owned> = ours
            .iter()
            .filter(|e| e.position <= end)
            .map(|e| (e.position, e))
            .collect();
        let positions: std::collections::BTreeSet<u64> =
            a.keys().chain(b.keys()).copied().collect();
        for position in positions {
            let place = log_position_key(position);
            match (a.get(&position), b.get(&position)) {
                (Some(x), Some(y)) => {
                    compared += 1;
                    if x != y {
                        let what = if x.store_id != y.store_id || x.version != y.version {
                            format!(
                                "the backup has store '{}' version {} here, the source store '{}' \
                                 version {}",
                                y.store_id, y.version, x.store_id, x.version
                            )
                        } else if x.recorded_at != y.recorded_at {
                            "the recorded times differ".to_string()
                        } else {
                            "the stored messages differ".to_string()
                        };
                        found.problem_at(
                            ProblemKind::Mismatch,
                            place,
                            what,
                            Location::event(&y.store_id, y.version, Some(position)),
                        );
                    }
                }
                (Some(x), None) => found.problem_at(
                    ProblemKind::Mismatch,
                    place,
                    format!(
                        "the backup lacks the source's event (store '{}' version {})",
                        x.store_id, x.version
                    ),
                    Location::event(&x.store_id, x.version, Some(position)),
                ),
                (None, Some(y)) => found.problem_at(
                    ProblemKind::Mismatch,
                    place,
                    format!(
                        "the backup holds store '{}' version {} here, which the source does not",
                        y.store_id, y.version
                    ),
                    Location::event(&y.store_id, y.version, Some(position)),
                ),
                (None, None) => {}
            }
        }
        from = end + 1;
        if let Some((which, e)) = damaged {
            // The record after the last one read is damaged (verify names it): skip it.
            found.problem_at(
                ProblemKind::Damaged,
                log_position_key(from),
                format!("{which} cannot be read here, so it was not compared: {e}"),
                Location::position(from),
            );
            from += 1;
        }
    }
    Ok(compared)
}

/// Compares every command record of the copy with the source's; how many were compared.
fn compare_commands(source: &dyn Backend, copy: &dyn Backend, found: &mut Report) -> Result<u64> {
    let records: Vec<CommandRecord> =
        lode_backend::read(copy, "reading a backup's command records", |r| {
            let mut out = Vec::new();
            r.commands(&mut |c| {
                out.push(c.clone());
                Ok(true)
            })?;
            Ok(out)
        })?;
    for part in records.chunks(1024) {
        let theirs = lode_backend::read(source, "reading command records to compare", |r| {
            part.iter()
                .map(|c| r.command(&c.command_id))
                .collect::<Result<Vec<_>>>()
        })?;
        for (ours, theirs) in part.iter().zip(theirs) {
            let store_id = format!(
                "{}/{}/{}",
                ours.partition, ours.aggregate_type, ours.aggregate_id
            );
            let detail = match &theirs {
                Some(t) if t == ours => continue,
                Some(_) => "the source's record of this command differs",
                None => "the source has no record of this command",
            };
            found.problem_at(
                ProblemKind::Mismatch,
                format!("command '{}'", ours.command_id),
                detail,
                Location::event(&store_id, ours.first_version, None),
            );
        }
    }
    Ok(records.len() as u64)
}
