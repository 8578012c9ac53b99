//! Log events noted while a lock or a commit group is held, emitted once none is (R-RES-6).
//!
//! A host's log callback may call back into the library, appends included. If the library
//! logged while this thread held the gate, the registry, or the leadership of a commit group,
//! such a callback would wait for itself. So code that runs under those notes what happened
//! here, and the outermost call emits the notes on its way out, with nothing held.
//!
//! The notes are per thread: the thread that noted them is the one that logs them.

use std::cell::{Cell, RefCell};

/// Something worth logging that happened under a lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Note {
    /// The memory map was doubled (R-RES-1).
    MapGrown { from: usize, to: usize },
    /// A write needed more room than the configured maximum map size.
    MapAtMaximum { map_size: usize },
}

thread_local! {
    static NOTES: RefCell<Vec<Note>> = const { RefCell::new(Vec::new()) };
    /// How many commit groups this thread leads right now (its notes wait until it leads none).
    static LEADING: Cell<u32> = const { Cell::new(0) };
}

/// Keeps this thread's notes for later while it lives: held by a commit group's leader.
pub(crate) struct Leading(());

impl Leading {
    pub(crate) fn start() -> Leading {
        LEADING.with(|l| l.set(l.get() + 1));
        Leading(())
    }
}

impl Drop for Leading {
    fn drop(&mut self) {
        LEADING.with(|l| l.set(l.get() - 1));
    }
}

/// Notes `note` to be logged by [`flush`].
pub(crate) fn note(note: Note) {
    NOTES.with(|n| n.borrow_mut().push(note));
}

/// Logs this thread's notes, unless it leads a commit group. Call with no lock held.
pub(crate) fn flush() {
    if LEADING.with(|l| l.get()) > 0 {
        return;
    }
    let notes = NOTES.with(|n| std::mem::take(&mut *n.borrow_mut()));
    for note in notes {
        match note {
            Note::MapGrown { from, to } => {
                tracing::info!(target: "lode::storage", from, to, "memory map grown")
            }
            Note::MapAtMaximum { map_size } => {
                tracing::error!(target: "lode::storage", map_size, "store reached its maximum size")
            }
        }
    }
}
