//! The environments this process has open, one per data file, and which process they belong to.
//!
//! LMDB's locking assumes one environment per data file per process: POSIX record locks belong
//! to the process, so closing a second environment on the same files would drop the first one's
//! lock on `lock.mdb`, and the next process to open the directory would reset the reader table
//! under live readers and writers. Two rules follow, each found broken once:
//!
//! - **R-PROC-2**: environments are keyed by the data file's identity (device and inode), not by
//!   the path that named it, so a rename, a symlink or a bind mount finds the open one;
//! - **R-PROC-1**: an environment belongs to the process that opened it. A child made by
//!   `fork()` inherits the memory of every environment but not its locks; using one there would
//!   let two writers run at once. A fork counter, bumped in the child by a `pthread_atfork`
//!   handler, marks every inherited environment as foreign: it refuses every call, is never
//!   handed out by the registry again, and is never closed by the child (closing would clear the
//!   parent's reader slots, which LMDB tracks by the parent's pid).
//!
//! The registry lock is also taken in the `pthread_atfork` prepare handler, so a fork never
//! happens while another thread holds it (the child would otherwise wait for it forever), and
//! the child replaces the inherited registry with a fresh one rather than unlocking it (an
//! unlock could hand the lock to a parked thread of the parent, which the child does not have).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Once, Weak};

use lode_backend::fork_slot::ForkSlot;
use parking_lot::{ReentrantMutex, ReentrantMutexGuard};

use super::Storage;

/// What identifies a data file whatever path names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FileId {
    device: u64,
    inode: u64,
}

impl FileId {
    #[cfg(unix)]
    pub(crate) fn of(metadata: &std::fs::Metadata) -> FileId {
        use std::os::unix::fs::MetadataExt;
        FileId {
            device: metadata.dev(),
            inode: metadata.ino(),
        }
    }
}

struct Entry {
    generation: u64,
    storage: Weak<Storage>,
}

type Map = HashMap<FileId, Entry>;

/// Reentrant because a `Storage` dropped while the registry is locked (a failed open) locks it
/// again to close its environment.
type Registry = ReentrantMutex<RefCell<Map>>;

/// The registry, replaced in each forked child (see `after_fork_in_child`).
static OPEN: ForkSlot<Registry> =
    ForkSlot::new(|| ReentrantMutex::new(RefCell::new(HashMap::new())));

fn registry() -> &'static Registry {
    OPEN.get()
}

/// How many times this process's ancestry forked since the library was loaded; 0 in the
/// process that loaded it. Every environment records the value it was opened under.
static FORK_GENERATION: AtomicU64 = AtomicU64::new(0);
static FORK_HOOKS: Once = Once::new();

/// The current fork generation (one atomic load: it is checked on every call).
#[inline]
pub(crate) fn generation() -> u64 {
    FORK_GENERATION.load(Ordering::Acquire)
}

#[cfg(unix)]
extern "C" fn before_fork() {
    // The child's registry is allocated here, in the parent, not after the fork.
    OPEN.prepare_child();
    // Held across fork() by the forking thread; released in the parent below.
    std::mem::forget(registry().lock());
}

#[cfg(unix)]
extern "C" fn after_fork_in_parent() {
    // SAFETY: `before_fork` left the lock held by this thread (the one that called fork()).
    unsafe { registry().force_unlock() };
}

#[cfg(unix)]
extern "C" fn after_fork_in_child() {
    FORK_GENERATION.fetch_add(1, Ordering::AcqRel);
    // The inherited registry is not unlocked but replaced (and leaked): parking_lot's unlock
    // may hand the lock to a thread parked on it, which here is a thread of the parent that
    // does not exist, and the child's next open would wait forever (found with
    // r_proc_1_a_child_forked_while_parent_threads_open_providers_opens_its_own). Its entries
    // are all of the old generation, so the child starts with an empty one.
    // SAFETY: a child handler: the child has one thread; nothing is carried over.
    unsafe { OPEN.replace_in_child(|_, _| {}) };
}

/// Installs the fork handlers once per process (before the first environment opens).
pub(crate) fn install_fork_hooks() {
    FORK_HOOKS.call_once(|| {
        registry();
        #[cfg(unix)]
        // SAFETY: the three handlers are `extern "C"` functions that live as long as the
        // program; pthread_atfork only records them.
        unsafe {
            libc::pthread_atfork(
                Some(before_fork),
                Some(after_fork_in_parent),
                Some(after_fork_in_child),
            );
        }
    });
}

/// The registry, locked. Everything that opens or closes an environment holds it.
pub(crate) struct Locked {
    guard: ReentrantMutexGuard<'static, RefCell<Map>>,
}

pub(crate) fn lock() -> Locked {
    Locked {
        guard: registry().lock(),
    }
}

impl Locked {
    /// The environment this process opened on `id`, if it is still open.
    pub(crate) fn get(&self, id: FileId) -> Option<Arc<Storage>> {
        let map = self.guard.borrow();
        let entry = map.get(&id)?;
        if entry.generation != generation() {
            return None;
        }
        entry.storage.upgrade()
    }

    pub(crate) fn insert(&self, id: FileId, storage: &Arc<Storage>) {
        let mut map = self.guard.borrow_mut();
        let now = generation();
        map.retain(|_, e| e.generation == now && e.storage.strong_count() > 0);
        map.insert(
            id,
            Entry {
                generation: now,
                storage: Arc::downgrade(storage),
            },
        );
    }
}
