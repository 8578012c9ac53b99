//! Routing the library's `tracing` events to a host callback (ILogger, Python logging, ...).

use std::ffi::{c_char, c_void, CString};

use std::sync::Once;

use once_cell::sync::OnceCell;
use parking_lot::RwLock;
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::Layer;

use super::boundary::guard;
use super::error::{LodeError, LodeStatus};
use lode_api::fork_slot::ForkSlot;
use lode_api::Error;

/// Log levels passed to the log callback (and used as its filter).
pub const LODE_LOG_ERROR: i32 = 1;
pub const LODE_LOG_WARN: i32 = 2;
pub const LODE_LOG_INFO: i32 = 3;
pub const LODE_LOG_DEBUG: i32 = 4;
pub const LODE_LOG_TRACE: i32 = 5;

/// Receives one log event: its level (LODE_LOG_*), target (e.g. "lode::store"), message, and
/// structured fields as a JSON object (e.g. `{"store_id":"EventStores/BankAccount/1"}`). The
/// strings are NUL-terminated UTF-8, valid only during the call. Payloads are never logged.
/// May be called from any thread the library runs on, including several at once.
pub type LodeLogFn = Option<
    extern "C" fn(
        user_data: *mut c_void,
        level: i32,
        target: *const c_char,
        message: *const c_char,
        fields_json: *const c_char,
    ),
>;

#[derive(Clone, Copy)]
struct Sink {
    callback: extern "C" fn(*mut c_void, i32, *const c_char, *const c_char, *const c_char),
    user_data: usize,
    max_level: i32,
}

/// The host's callback, read-locked while it runs: `lode_set_log_callback` takes it for writing,
/// so once that returns no call of the old callback is still running (a host may then free what
/// `user_data` points to).
type SinkLock = RwLock<Option<Sink>>;

/// The lock in use, replaced in each forked child (see `after_fork_child`).
static SINK: ForkSlot<SinkLock> = ForkSlot::new(|| RwLock::new(None));
static FORK_HOOKS: Once = Once::new();
static INSTALLED: OnceCell<bool> = OnceCell::new();

fn sink() -> &'static SinkLock {
    FORK_HOOKS.call_once(install_fork_hooks);
    SINK.get()
}

// R-PROC-1: a fork() while a thread of the parent runs the host's callback leaves the lock
// read-locked for good in the child (that thread is not there), and the child's first
// `lode_set_log_callback` would wait forever. The forking thread cannot take the lock around
// the fork instead (a Python callback waiting for the GIL that the forking thread holds would
// never let it go), so the child starts from a fresh lock holding the same callback, and the
// inherited one is leaked.
#[cfg(unix)]
extern "C" fn before_fork() {
    // Allocated here, in the parent, not after the fork.
    SINK.prepare_child();
}

#[cfg(unix)]
extern "C" fn after_fork_child() {
    // SAFETY: a child handler: the child has one thread. The callback is copied without
    // locking the inherited lock (a thread that is not in this process may hold it).
    unsafe { SINK.replace_in_child(|old, fresh| *fresh.get_mut() = *old.data_ptr()) };
}

fn install_fork_hooks() {
    #[cfg(unix)]
    // SAFETY: the handlers are `extern "C"` functions that live as long as the program;
    // pthread_atfork only records them.
    unsafe {
        libc::pthread_atfork(Some(before_fork), None, Some(after_fork_child));
    }
}

thread_local! {
    /// This thread is inside the host's log callback (which runs under the sink's read lock): events
    /// it causes are dropped and `lode_set_log_callback` is refused, instead of deadlocking.
    static IN_CALLBACK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn level_number(level: &tracing::Level) -> i32 {
    match *level {
        tracing::Level::ERROR => LODE_LOG_ERROR,
        tracing::Level::WARN => LODE_LOG_WARN,
        tracing::Level::INFO => LODE_LOG_INFO,
        tracing::Level::DEBUG => LODE_LOG_DEBUG,
        tracing::Level::TRACE => LODE_LOG_TRACE,
    }
}

#[derive(Default)]
struct Fields {
    message: String,
    fields: serde_json::Map<String, serde_json::Value>,
}

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let text = format!("{value:?}");
        if field.name() == "message" {
            self.message = text;
        } else {
            self.fields.insert(field.name().into(), text.into());
        }
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.message = value.to_string();
        } else {
            self.fields.insert(field.name().into(), value.into());
        }
    }
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.fields.insert(field.name().into(), value.into());
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.fields.insert(field.name().into(), value.into());
    }
    fn record_bool(&mut self, field: &Field, value: bool) {
        self.fields.insert(field.name().into(), value.into());
    }
}

struct CallbackLayer;

impl<S: tracing::Subscriber> Layer<S> for CallbackLayer {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        if IN_CALLBACK.with(|c| c.get()) {
            return;
        }
        let sink = sink().read();
        let Some(sink) = sink.as_ref() else { return };
        let level = level_number(event.metadata().level());
        if level > sink.max_level {
            return;
        }
        let mut f = Fields::default();
        event.record(&mut f);
        let clean = |s: String| CString::new(s.replace('\0', " ")).unwrap_or_default();
        let target = clean(event.metadata().target().to_string());
        let message = clean(f.message);
        let fields = clean(serde_json::Value::Object(f.fields).to_string());
        IN_CALLBACK.with(|c| c.set(true));
        (sink.callback)(
            sink.user_data as *mut c_void,
            level,
            target.as_ptr(),
            message.as_ptr(),
            fields.as_ptr(),
        );
        IN_CALLBACK.with(|c| c.set(false));
    }
}

/// Routes the library's log events at `max_level` (LODE_LOG_*) and more severe to `callback`,
/// with `user_data` passed back unchanged. NULL `callback` stops routing. Replaces any earlier
/// callback. The library installs its log router as the process's global `tracing` subscriber
/// the first time; if the host process already installed one (a Rust host), that one keeps the
/// events and this returns LODE_INVALID_ARGUMENT. Called from inside the log callback it also
/// returns LODE_INVALID_ARGUMENT (instead of deadlocking); log events the callback itself causes
/// (by calling into the library) are not passed to it.
#[no_mangle]
pub extern "C" fn lode_set_log_callback(
    callback: LodeLogFn,
    user_data: *mut c_void,
    max_level: i32,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        if IN_CALLBACK.with(|c| c.get()) {
            return Err(Error::invalid(
                "callback",
                "the log callback cannot be changed from inside the log callback",
            ));
        }
        let Some(callback) = callback else {
            *sink().write() = None;
            return Ok(());
        };
        if !(LODE_LOG_ERROR..=LODE_LOG_TRACE).contains(&max_level) {
            return Err(Error::invalid(
                "max_level",
                format!("it must be LODE_LOG_ERROR (1) to LODE_LOG_TRACE (5), not {max_level}"),
            ));
        }
        let installed = *INSTALLED.get_or_init(|| {
            tracing::subscriber::set_global_default(
                tracing_subscriber::registry().with(CallbackLayer),
            )
            .is_ok()
        });
        if !installed {
            return Err(Error::invalid(
                "callback",
                "another tracing subscriber is already installed in this process",
            ));
        }
        *sink().write() = Some(Sink {
            callback,
            user_data: user_data as usize,
            max_level,
        });
        Ok(())
    })
}
