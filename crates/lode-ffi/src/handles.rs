//! The handle table: `lode_provider *`, `lode_store *` and `lode_subscription *` values are
//! slot numbers with a generation and a kind, not addresses. A handle that was freed (generation moved on), never
//! issued, or of the other kind is reported as such instead of being dereferenced (R-BAD-1).

use std::cell::RefCell;
use std::sync::{Arc, Mutex, MutexGuard};

use once_cell::sync::Lazy;

use lode_api::{Error, Result};
use lode_api::{EventStore, EventStoreProvider, Subscription};

#[derive(Clone)]
pub(crate) enum Object {
    Provider(EventStoreProvider),
    Store(Arc<EventStore>),
    Subscription(Arc<Subscription>),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Provider = 0,
    Store = 1,
    Subscription = 2,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Provider => "provider",
            Kind::Store => "store",
            Kind::Subscription => "subscription",
        }
    }
}

struct Slot {
    generation: u32,
    object: Option<Object>,
}

#[derive(Default)]
struct Table {
    slots: Vec<Slot>,
    free: Vec<u32>,
}

static TABLE: Lazy<Mutex<Table>> = Lazy::new(|| {
    install_fork_hooks();
    Mutex::new(Table::default())
});

/// The table, locked (a panic elsewhere never leaves it inconsistent: every change under the
/// lock is a single push, pop or assignment).
fn table() -> MutexGuard<'static, Table> {
    TABLE.lock().unwrap_or_else(|e| e.into_inner())
}

// R-PROC-1: every call looks its handle up under the table's lock. A `fork()` while another
// thread of the parent holds it would leave it held for good in the child, and the child's
// first call (even the close of an inherited handle) would hang instead of failing fast. So
// the forking thread takes the lock around `fork()` and releases it in both processes. It is
// std's futex mutex, not parking_lot's: parking_lot's unlock may hand the lock straight to a
// thread parked on it, which in the child is a thread of the parent that does not exist (the
// child's next lock then waits forever; found with s_sub_8_r_proc_1_c_abi_*). The table's lock
// is never held while another lock of the library is requested, so taking it in the prepare
// handler cannot deadlock.
thread_local! {
    static HELD_ACROSS_FORK: RefCell<Option<MutexGuard<'static, Table>>> =
        const { RefCell::new(None) };
}

#[cfg(unix)]
extern "C" fn table_before_fork() {
    let guard = table();
    // `try_with`: a panic here would abort (an `extern "C"` function); a thread whose
    // thread-locals are gone (fork() while it exits) forks without the lock held.
    let _ = HELD_ACROSS_FORK.try_with(|h| *h.borrow_mut() = Some(guard));
}

#[cfg(unix)]
extern "C" fn table_after_fork() {
    // The forking thread (in the child, its only thread) releases what it took before.
    let _ = HELD_ACROSS_FORK.try_with(|h| drop(h.borrow_mut().take()));
}

fn install_fork_hooks() {
    #[cfg(unix)]
    // SAFETY: the handlers are `extern "C"` functions that live as long as the program;
    // pthread_atfork only records them. Called once, from TABLE's initializer (before any
    // handle exists), so the prepare handler never sees TABLE uninitialized.
    unsafe {
        libc::pthread_atfork(
            Some(table_before_fork),
            Some(table_after_fork),
            Some(table_after_fork),
        );
    }
}

// Handle layout (64-bit targets): bits 62..64 = kind (provider 00, store 10, subscription 01;
// 11 is never issued), bits 32..62 = generation (30 bits), bits 0..32 = slot index + 1 (so no
// valid handle is NULL).
const KIND_SHIFT: u32 = 62;
const GEN_MASK: u32 = 0x3fff_ffff;

fn kind_bits(kind: Kind) -> u64 {
    match kind {
        Kind::Provider => 0b00,
        Kind::Store => 0b10,
        Kind::Subscription => 0b01,
    }
}

#[cfg(not(target_pointer_width = "64"))]
compile_error!("the handle encoding assumes 64-bit pointers");

fn encode(kind: Kind, index: u32, generation: u32) -> usize {
    let k = kind_bits(kind) << KIND_SHIFT;
    (k | ((generation & GEN_MASK) as u64) << 32 | (index as u64 + 1)) as usize
}

fn decode(handle: usize) -> Option<(Kind, u32, u32)> {
    let h = handle as u64;
    let index = (h & 0xffff_ffff).checked_sub(1)? as u32;
    let generation = ((h >> 32) as u32) & GEN_MASK;
    let kind = match h >> KIND_SHIFT {
        0b00 => Kind::Provider,
        0b10 => Kind::Store,
        0b01 => Kind::Subscription,
        _ => return None,
    };
    Some((kind, index, generation))
}

/// Puts an object in the table; returns its handle value.
pub(crate) fn insert(object: Object) -> usize {
    let kind = match object {
        Object::Provider(_) => Kind::Provider,
        Object::Store(_) => Kind::Store,
        Object::Subscription(_) => Kind::Subscription,
    };
    let mut t = table();
    let index = match t.free.pop() {
        Some(i) => i,
        None => {
            t.slots.push(Slot {
                generation: 0,
                object: None,
            });
            (t.slots.len() - 1) as u32
        }
    };
    let slot = &mut t.slots[index as usize];
    slot.object = Some(object);
    encode(kind, index, slot.generation)
}

fn not_a_handle(kind: Kind) -> Error {
    Error::invalid(
        kind.noun(),
        format!(
            "the value is not a {} handle this library issued",
            kind.noun()
        ),
    )
}

/// The object behind `handle`, which must be of `kind`.
pub(crate) fn get(handle: usize, kind: Kind) -> Result<Object> {
    if handle == 0 {
        return Err(Error::invalid(
            kind.noun(),
            format!("the {} handle is NULL", kind.noun()),
        ));
    }
    let (found, index, generation) = decode(handle).ok_or_else(|| not_a_handle(kind))?;
    if found != kind {
        return Err(Error::invalid(
            kind.noun(),
            format!("the handle is a {}, not a {}", found.noun(), kind.noun()),
        ));
    }
    let t = table();
    let slot = t
        .slots
        .get(index as usize)
        .ok_or_else(|| not_a_handle(kind))?;
    match &slot.object {
        Some(o) if slot.generation & GEN_MASK == generation => Ok(o.clone()),
        _ => Err(Error::Closed {
            object: format!("{} handle", kind.noun()),
        }),
    }
}

/// Takes the object out of the table (the handle becomes stale). `Ok(None)` for NULL or an
/// already released handle: releasing is idempotent.
pub(crate) fn remove(handle: usize, kind: Kind) -> Result<Option<Object>> {
    if handle == 0 {
        return Ok(None);
    }
    let (found, index, generation) = decode(handle).ok_or_else(|| not_a_handle(kind))?;
    if found != kind {
        return Err(Error::invalid(
            kind.noun(),
            format!("the handle is a {}, not a {}", found.noun(), kind.noun()),
        ));
    }
    let mut t = table();
    let slot = t
        .slots
        .get_mut(index as usize)
        .ok_or_else(|| not_a_handle(kind))?;
    if slot.generation != generation || slot.object.is_none() {
        return Ok(None);
    }
    let object = slot.object.take();
    slot.generation = slot.generation.wrapping_add(1) & GEN_MASK;
    t.free.push(index);
    Ok(object)
}

pub(crate) fn provider(handle: usize) -> Result<EventStoreProvider> {
    match get(handle, Kind::Provider)? {
        Object::Provider(p) => Ok(p),
        _ => Err(not_a_handle(Kind::Provider)),
    }
}

pub(crate) fn store(handle: usize) -> Result<Arc<EventStore>> {
    match get(handle, Kind::Store)? {
        Object::Store(s) => Ok(s),
        _ => Err(not_a_handle(Kind::Store)),
    }
}

pub(crate) fn subscription(handle: usize) -> Result<Arc<Subscription>> {
    match get(handle, Kind::Subscription)? {
        Object::Subscription(s) => Ok(s),
        _ => Err(not_a_handle(Kind::Subscription)),
    }
}
