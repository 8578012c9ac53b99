//! A process-wide value that a child made by `fork()` replaces instead of reusing.
//!
//! `fork()` copies the whole memory of a multi-threaded parent into a child that has only the
//! forking thread. A lock inside a process-wide value may have been held at that moment by
//! another thread of the parent, or that thread may have been parked on it: in the child the
//! lock then stays held for good, and an unlock can hand it to the parked thread, which is not
//! there. Either way the child's next use waits forever. So the child does not use the
//! inherited value at all: it takes a fresh one, made in the parent just before the fork (no
//! allocation after it), carries over what it needs from the inherited one without locking it,
//! and leaks the inherited one. The environment registry (`lode-lmdb`) and the C ABI's log
//! router use this (R-PROC-1).

use std::sync::atomic::{AtomicPtr, Ordering};

pub struct ForkSlot<T> {
    current: AtomicPtr<T>,
    spare: AtomicPtr<T>,
    make: fn() -> T,
}

impl<T> ForkSlot<T> {
    /// An empty slot whose values `make` builds (the first on first use).
    pub const fn new(make: fn() -> T) -> Self {
        ForkSlot {
            current: AtomicPtr::new(std::ptr::null_mut()),
            spare: AtomicPtr::new(std::ptr::null_mut()),
            make,
        }
    }

    fn allocate(&self) -> *mut T {
        Box::into_raw(Box::new((self.make)()))
    }

    /// The value in use.
    pub fn get(&self) -> &T {
        let mut p = self.current.load(Ordering::Acquire);
        if p.is_null() {
            let fresh = self.allocate();
            p = match self.current.compare_exchange(
                std::ptr::null_mut(),
                fresh,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => fresh,
                Err(existing) => {
                    // SAFETY: `fresh` was never shared.
                    drop(unsafe { Box::from_raw(fresh) });
                    existing
                }
            };
        }
        // SAFETY: a value is never freed (a replaced one is leaked), so it lives as long as
        // the slot, which is a `static`.
        unsafe { &*p }
    }

    /// In the parent, just before `fork()` (a `pthread_atfork` prepare handler): makes the
    /// value the child will take, unless one is ready from an earlier fork.
    pub fn prepare_child(&self) {
        if self.spare.load(Ordering::Acquire).is_null() {
            self.spare.store(self.allocate(), Ordering::Release);
        }
    }

    /// In the child, right after `fork()`: puts the prepared value in place, after `carry`
    /// has copied into it what the child keeps of the inherited one; the inherited one is
    /// leaked. Does nothing if no value was prepared or none was in use.
    ///
    /// # Safety
    /// Only from a `pthread_atfork` child handler, while the child has one thread; `carry`
    /// must not lock the inherited value (it may be held by a thread that is not there).
    pub unsafe fn replace_in_child(&self, carry: impl FnOnce(&T, &mut T)) {
        let spare = self.spare.swap(std::ptr::null_mut(), Ordering::AcqRel);
        let old = self.current.load(Ordering::Acquire);
        if spare.is_null() {
            return;
        }
        if !old.is_null() {
            // SAFETY: both exist and no other thread can touch either: the caller's contract.
            unsafe { carry(&*old, &mut *spare) };
        }
        self.current.store(spare, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU32;
    use std::sync::Mutex;

    /// A lock and, beside it, a value readable without the lock.
    type Guarded = (Mutex<()>, AtomicU32);

    static SLOT: ForkSlot<Guarded> = ForkSlot::new(|| (Mutex::new(()), AtomicU32::new(7)));

    /// The replacement a child makes, played in one thread (the slot is this test's own): the
    /// value carried over, the inherited lock left held and never taken again.
    #[test]
    fn a_child_takes_the_prepared_value_with_what_it_carries() {
        let first: *const Guarded = SLOT.get();
        assert_eq!(first, SLOT.get() as *const _, "one value until replaced");
        SLOT.get().1.store(42, Ordering::SeqCst);
        SLOT.prepare_child();
        // As if a thread of the parent held the lock at the fork.
        std::mem::forget(SLOT.get().0.lock().unwrap());
        // SAFETY: no other thread uses SLOT; the carry does not take the inherited lock.
        unsafe {
            SLOT.replace_in_child(|old, fresh| {
                fresh
                    .1
                    .store(old.1.load(Ordering::SeqCst), Ordering::SeqCst)
            })
        };
        assert_ne!(first, SLOT.get() as *const _);
        assert_eq!(SLOT.get().1.load(Ordering::SeqCst), 42, "carried over");
        assert!(SLOT.get().0.try_lock().is_ok(), "the child's lock is free");
    }
}
