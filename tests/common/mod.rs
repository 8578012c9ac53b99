//! Helpers shared by the integration tests (`tests/reliability_*.rs` and others).
//!
//! Child processes: a test that needs one re-runs the current test binary
//! (`std::env::current_exe()`) with `LODE_CHILD_ROLE=<role>` and the test's own name as an exact
//! filter; the same test function sees the variable and plays the child's part instead.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// The environment variable that tells a re-run test binary which child role to play.
pub const CHILD_ROLE: &str = "LODE_CHILD_ROLE";

/// Re-runs the test `test_name` as `rounds` child processes in the role `fork` on the store
/// directory `dir` (`LODE_DIR`); the role forks a grandchild of its own, and each round must exit
/// 0 and report `PARENT exit=0` (its grandchild's status). Returns each round's lines.
pub fn fork_rounds(test_name: &str, dir: &std::path::Path, rounds: u64) -> Vec<Vec<String>> {
    (0..rounds)
        .map(|round| {
            let mut cmd = child_command(test_name, "fork");
            cmd.env("LODE_DIR", dir);
            let (status, lines, err) = ChildProc::spawn(cmd).wait();
            assert!(status.success(), "round {round}: {lines:?}\n{err}");
            assert!(
                lines.contains(&"PARENT exit=0".to_string()),
                "round {round}: {lines:?}\n{err}"
            );
            lines
        })
        .collect()
}

/// A fork test: in the child role `fork` this process plays `role` on the store directory
/// `LODE_DIR` and returns `None`; otherwise it runs `rounds` of [`fork_rounds`] on a fresh
/// directory and returns each round's lines.
pub fn fork_test(
    test_name: &str,
    role: fn(&std::path::Path),
    rounds: u64,
) -> Option<Vec<Vec<String>>> {
    if child_role().as_deref() == Some("fork") {
        role(std::path::Path::new(&std::env::var("LODE_DIR").unwrap()));
        return None;
    }
    let tmp = tempfile::tempdir().unwrap();
    Some(fork_rounds(test_name, &tmp.path().join("store"), rounds))
}

/// The child role this process plays, if it is a child.
pub fn child_role() -> Option<String> {
    std::env::var(CHILD_ROLE).ok()
}

/// A count from the environment (long runs), or `default` (CI).
pub fn env_count(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// A command that re-runs `test_name` (the full path as the harness prints it, e.g.
/// `r_crash_1_kill_mid_append`) of this test binary as a child with `role`.
pub fn child_command(test_name: &str, role: &str) -> Command {
    let exe = std::env::current_exe().expect("the test binary's path");
    let mut c = Command::new(exe);
    c.args([
        test_name,
        "--exact",
        "--nocapture",
        "--test-threads=1",
        "-q",
    ])
    .env(CHILD_ROLE, role)
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    c
}

/// A running child whose stdout lines are collected by a reader thread.
pub struct ChildProc {
    pub child: Child,
    lines: Arc<Mutex<Vec<String>>>,
    reader: Option<JoinHandle<()>>,
    err_reader: Option<JoinHandle<String>>,
}

impl ChildProc {
    pub fn spawn(mut cmd: Command) -> ChildProc {
        let mut child = cmd.spawn().expect("spawn the child test process");
        let out = child.stdout.take().unwrap();
        let err = child.stderr.take().unwrap();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let l2 = lines.clone();
        let reader = std::thread::spawn(move || {
            // Only complete lines count: a line cut by SIGKILL has no newline and is dropped.
            let mut r = BufReader::new(out);
            let mut buf = String::new();
            loop {
                buf.clear();
                match r.read_line(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        if buf.ends_with('\n') {
                            l2.lock().unwrap().push(buf.trim_end().to_string());
                        }
                    }
                }
            }
        });
        let err_reader = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut BufReader::new(err), &mut s);
            s
        });
        ChildProc {
            child,
            lines,
            reader: Some(reader),
            err_reader: Some(err_reader),
        }
    }

    /// The complete lines read so far.
    pub fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    /// Waits (up to `timeout`) until a line equal to `line` was printed; false if the child
    /// exited or the time ran out first.
    pub fn wait_for_line(&mut self, line: &str, timeout: std::time::Duration) -> bool {
        let start = std::time::Instant::now();
        loop {
            if self.lines.lock().unwrap().iter().any(|l| l == line) {
                return true;
            }
            if start.elapsed() > timeout {
                return false;
            }
            if let Ok(Some(_)) = self.child.try_wait() {
                // The child is gone: let the reader drain the pipe to its end first.
                let drained = std::time::Instant::now();
                while !self.reader.as_ref().is_none_or(|r| r.is_finished())
                    && drained.elapsed() < std::time::Duration::from_secs(5)
                {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                return self.lines.lock().unwrap().iter().any(|l| l == line);
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    /// Whether the child has already exited (and how).
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// SIGKILLs the child, reaps it, and returns every complete line it printed.
    pub fn kill(mut self) -> (Vec<String>, String) {
        let _ = self.child.kill(); // SIGKILL on Unix
        let _ = self.child.wait();
        self.finish()
    }

    /// Waits for the child to exit; returns its status, lines and stderr.
    pub fn wait(mut self) -> (std::process::ExitStatus, Vec<String>, String) {
        let status = self.child.wait().expect("wait for the child");
        let (lines, err) = self.finish();
        (status, lines, err)
    }

    fn finish(&mut self) -> (Vec<String>, String) {
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        let err = self
            .err_reader
            .take()
            .map(|r| r.join().unwrap_or_default())
            .unwrap_or_default();
        (self.lines.lock().unwrap().clone(), err)
    }
}

impl Drop for ChildProc {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A forked child's `waitpid` status as one number: its exit code, or minus the signal that
/// killed it.
pub fn exit_code(status: libc::c_int) -> i32 {
    if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -libc::WTERMSIG(status)
    }
}

/// Prints one line on stdout and flushes it at once (what a child reports to its parent).
pub fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// A small deterministic PRNG (xorshift64*), so tests need no extra dependency and a seed
/// printed on failure replays a run.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn from_time() -> (u64, Rng) {
        let seed = std::env::var("LODE_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    ^ (std::process::id() as u64) << 32
            });
        (seed, Rng::new(seed))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// An EventMessage with a fixed id, type, correlation id, optional SequenceNumber and an
/// `Event` body given as JSON object members (without braces), e.g. `"Batch":"b1","K":0`.
pub fn event_json(
    id: &str,
    event_type: &str,
    correlation: &str,
    seq: Option<i64>,
    body: &str,
) -> Vec<u8> {
    let seq = seq
        .map(|s| format!(",\"SequenceNumber\":{s}"))
        .unwrap_or_default();
    let sep = if body.is_empty() { "" } else { "," };
    format!(
        r#"{{"Event":{{"$type":"{event_type}"{sep}{body}}},"Metadata":{{"Message":{{"Id":"{id}","Name":"{event_type}","Version":1,"Domain":{{"Id":"1","Name":"Test"}},"CreatedDate":"2026-01-04T14:51:49.1240001+01:00"}},"Context":{{"CorrelationId":"{correlation}","UserId":"tester","PartitionId":"default"{seq},"Scopes":[]}}}}}}"#
    )
    .into_bytes()
}

/// A snapshot message with a tag in its body.
pub fn snapshot_json(tag: &str) -> Vec<u8> {
    format!(
        r#"{{"Event":{{"$type":"State","Tag":"{tag}"}},"Metadata":{{"Message":{{"Id":"snap-{tag}","Name":"State","Domain":{{"Id":"1","Name":"Test"}}}}}}}}"#
    )
    .into_bytes()
}

/// The stored `Metadata.Context.SequenceNumber` of a stored message.
pub fn seq_of(v: &serde_json::Value) -> i64 {
    v["Metadata"]["Context"]["SequenceNumber"]
        .as_i64()
        .expect("a stored message carries its SequenceNumber")
}

/// Resident anonymous memory of this process in bytes (`RssAnon` of /proc/self/status): heap
/// and anonymous maps, without the file pages of LMDB's memory map.
pub fn rss_anon_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    for line in status.lines() {
        if let Some(rest) = line.strip_prefix("RssAnon:") {
            let kb: u64 = rest.trim().trim_end_matches("kB").trim().parse().unwrap();
            return kb * 1024;
        }
    }
    panic!("no RssAnon in /proc/self/status");
}

/// Resident set size from /proc/self/statm (pages × page size), file pages included.
pub fn rss_statm_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: u64 = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    // SAFETY: sysconf has no memory-safety preconditions.
    pages * unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as u64
}

/// Number of threads of this process.
pub fn thread_count() -> usize {
    std::fs::read_dir("/proc/self/task").unwrap().count()
}

/// The process umask (read from /proc/self/status, without changing it).
pub fn umask() -> u32 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Umask:"))
        .map(|m| u32::from_str_radix(m.trim(), 8).unwrap())
        .unwrap_or(0o022)
}

/// Reports that a test could not run here and claims nothing: prints `SKIPPED` and, when the
/// test runner set `LODE_TEST_REPORT_DIR`, appends a line to `skipped.txt` there so the summary
/// of `make test` counts the test as skipped, not passed.
pub fn skip(test: &str, reason: &str) {
    println!("{test} SKIPPED: {reason}");
    if let Ok(dir) = std::env::var("LODE_TEST_REPORT_DIR") {
        let _ = std::fs::create_dir_all(&dir);
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(std::path::Path::new(&dir).join("skipped.txt"))
        {
            let _ = writeln!(f, "rust\t{test}\t{reason}");
        }
    }
}

/// A small tmpfs mounted for a test (needs root or CAP_SYS_ADMIN), unmounted when dropped
/// (also when the test panics).
pub struct Mount(pub std::path::PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.0)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !ok {
            // Something still holds it: detach lazily so it never outlives the test.
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

/// Mounts a tmpfs of `size` (e.g. "4m") at `at`, or says why it cannot.
pub fn mount_tmpfs(at: &std::path::Path, size: &str) -> Result<Mount, String> {
    let out = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(at)
        .output()
        .map_err(|e| format!("cannot run mount: {e}"))?;
    if out.status.success() {
        Ok(Mount(at.to_path_buf()))
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

// -- Editing a closed store with plain LMDB (damage tests) -------------------------------------

/// Copies the files of the store directory `from` into `to` (created).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

/// A plain LMDB environment on the store in `dir` (another program sharing the directory, or a
/// test that damages a copy of it), with room for every table of every format.
pub fn raw_env(dir: &std::path::Path) -> lmdb::Environment {
    lmdb::Environment::new()
        .set_max_dbs(32)
        .set_map_size(1 << 30)
        .open(dir)
        .unwrap()
}

/// Runs `f` in a plain LMDB write transaction on the closed store in `dir`, with a function that
/// gives a table by name (every named table the directory has, whatever its format).
pub fn raw_edit(
    dir: &std::path::Path,
    f: impl FnOnce(&mut lmdb::RwTransaction<'_>, &dyn Fn(&str) -> lmdb::Database),
) {
    let env = raw_env(dir);
    let names: Vec<String> = {
        let main = env.open_db(None).unwrap();
        let txn = env.begin_ro_txn().unwrap();
        let mut c = lmdb::Transaction::open_ro_cursor(&txn, main).unwrap();
        lmdb::Cursor::iter_start(&mut c)
            .map(|r| String::from_utf8(r.unwrap().0.to_vec()).unwrap())
            .collect()
    };
    // Opened before the write transaction begins: a table opened later is not valid in it.
    let dbs: Vec<(String, lmdb::Database)> = names
        .into_iter()
        .map(|name| {
            let db = env.open_db(Some(&name)).unwrap();
            (name, db)
        })
        .collect();
    let table = |name: &str| dbs.iter().find(|(n, _)| n == name).unwrap().1;
    let mut txn = env.begin_rw_txn().unwrap();
    f(&mut txn, &table);
    lmdb::Transaction::commit(txn).unwrap();
}

/// An `events` (or `snapshots`) key: stream number, version.
pub fn version_key(slot: u64, version: u64) -> Vec<u8> {
    [slot.to_be_bytes(), version.to_be_bytes()].concat()
}
