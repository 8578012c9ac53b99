//! `lode`: the operator's command for a store directory, over the Rust API (`crates/lode`).
//!
//! Each command is one call of the library, so what it does, and what it refuses, is what
//! the library documents (docs/backup.md, docs/subscriptions.md, docs/storage-layout.md). It is
//! the "process that is not the main appender" docs/backup.md recommends for backups: run it
//! from cron while the application appends.
//!
//! Exit status: 0 done (and, for `verify` and `check-backup`, every invariant holds); 1 the check
//! found problems (they are printed); 2 the command line is wrong; 3 the call failed (the error
//! is printed on stderr with its kind).

mod args;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use args::{Args, Usage};
use lode::{
    BackupOptions, EventStoreProvider, EventTypeFilter, ProviderSettings, StreamId,
    SubscriptionFilter, SubscriptionStart,
};

const USAGE: &str = "\
usage: lode <command> [options]

commands:
  verify DIR [--json]
      Check every invariant of the store in DIR (open elsewhere or not). Exit 1 on problems.
  backup DIR DEST [--compact] [--verify] [--max-bytes-per-second N] [--quiet] [--json]
      Copy the store in DIR, while it is in use, into the new directory DEST (never
      overwritten). Progress on stderr unless --quiet.
  check-backup DIR DEST [--json]
      Check the backup DEST against its source DIR up to the position it holds. Exit 1 on
      problems.
  upgrade DIR
      Upgrade a store of an older on-disk format to this one, atomically.
  info DIR [--json]
      The store's format, last log position, data size, and what its backup.json records.
  tail DIR [--from N | --from-now] [--stream DB/NAME/ID] [--aggregate-type NAME]
           [--type NAME[@VERSION]]... [--correlation ID] [--limit N] [--idle MS]
      Print the events after position N (default 0: all), then live ones as they commit, one
      JSON object per line, until --limit events, --idle milliseconds without one, or ^C.
  help | --help     this text
  --version         the library's version

exit status: 0 done, 1 problems found, 2 wrong command line, 3 the call failed";

/// How a command ends.
enum Failure {
    /// The check ran and found problems (already printed).
    Problems,
    Usage(String),
    Call(lode::Error),
    Io(String),
}

impl From<lode::Error> for Failure {
    fn from(e: lode::Error) -> Self {
        Failure::Call(e)
    }
}

impl From<Usage> for Failure {
    fn from(u: Usage) -> Self {
        Failure::Usage(u.0)
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match argv.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some("--version" | "-V") => {
            println!("lode {}", lode::VERSION);
            Ok(())
        }
        Some(command) => run(command, &argv[1..]),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Problems) => ExitCode::from(1),
        Err(Failure::Usage(why)) => {
            eprintln!("lode: {why}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Call(e)) => {
            eprintln!("lode: {e}");
            ExitCode::from(3)
        }
        Err(Failure::Io(why)) => {
            eprintln!("lode: {why}");
            ExitCode::from(3)
        }
    }
}

fn run(command: &str, rest: &[String]) -> Result<(), Failure> {
    match command {
        "verify" => verify(Args::parse(rest, &["--json"], &[])?),
        "backup" => backup(Args::parse(
            rest,
            &["--compact", "--verify", "--quiet", "--json"],
            &["--max-bytes-per-second"],
        )?),
        "check-backup" => check_backup(Args::parse(rest, &["--json"], &[])?),
        "upgrade" => upgrade(Args::parse(rest, &[], &[])?),
        "info" => info(Args::parse(rest, &["--json"], &[])?),
        "tail" => tail(Args::parse(
            rest,
            &["--from-now"],
            &[
                "--from",
                "--stream",
                "--aggregate-type",
                "--type",
                "--correlation",
                "--limit",
                "--idle",
            ],
        )?),
        other => Err(Failure::Usage(format!("unknown command '{other}'"))),
    }
}

fn print(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")
        .and_then(|_| out.flush())
        .map_err(|e| Failure::Io(format!("writing to standard output: {e}")))
}

fn print_json(value: &serde_json::Value) -> Result<(), Failure> {
    print(&serde_json::to_string_pretty(value).unwrap_or_default())
}

/// The store directory `dir`, which must already hold a store: a plain open would make an
/// empty store in a mistyped path (which a backup would then copy).
fn existing_store(dir: &Path) -> Result<EventStoreProvider, Failure> {
    EventStoreProvider::open_existing(dir, ProviderSettings::default()).map_err(|e| match &e {
        lode::Error::Storage { source, .. } if source.code == "NOT_A_STORE" => {
            Failure::Io(format!("'{}' holds no store", dir.display()))
        }
        _ => Failure::Call(e),
    })
}

fn verify(a: Args) -> Result<(), Failure> {
    let [dir] = a.positional(["DIR"])?;
    let report = lode::verify_directory(&dir)?;
    outcome(
        a.flag("--json"),
        report.to_json(),
        report.to_string(),
        report.is_ok(),
    )
}

/// Prints a check's report (as JSON or as text); problems make the exit status 1.
fn outcome(as_json: bool, json: serde_json::Value, text: String, ok: bool) -> Result<(), Failure> {
    if as_json {
        print_json(&json)?;
    } else {
        print(&text)?;
    }
    if ok {
        Ok(())
    } else {
        Err(Failure::Problems)
    }
}

fn backup(a: Args) -> Result<(), Failure> {
    let [dir, dest] = a.positional(["DIR", "DEST"])?;
    let options = BackupOptions {
        compact: a.flag("--compact"),
        verify: a.flag("--verify"),
        max_bytes_per_second: a.number("--max-bytes-per-second")?,
    };
    let quiet = a.flag("--quiet");
    let provider = existing_store(&dir)?;
    let started = Instant::now();
    let mut last_shown: Option<Instant> = None;
    let info = provider.backup(&dest, &options, |p| {
        let due = last_shown.is_none_or(|t| t.elapsed() >= Duration::from_secs(1));
        if !quiet && (due || p.done == p.total) {
            last_shown = Some(Instant::now());
            let percent = if p.total == 0 {
                100.0
            } else {
                p.done as f64 * 100.0 / p.total as f64
            };
            eprintln!(
                "backup: {percent:5.1} % ({:.1} of {:.1} MB, {:.1} s)",
                p.done as f64 / 1e6,
                p.total as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
        }
        true
    })?;
    if a.flag("--json") {
        print_json(&info.to_json())
    } else {
        print(&format!(
            "backup '{}' of '{}': log position {}, {} bytes{}{}",
            info.path.display(),
            info.source.display(),
            info.position,
            info.bytes,
            if info.compacted { ", compacted" } else { "" },
            if info.verified { ", verified" } else { "" }
        ))
    }
}

fn check_backup(a: Args) -> Result<(), Failure> {
    let [dir, dest] = a.positional(["DIR", "DEST"])?;
    let provider = existing_store(&dir)?;
    let check = provider.check_backup(&dest)?;
    outcome(
        a.flag("--json"),
        check.to_json(),
        check.to_string(),
        check.is_ok(),
    )
}

fn upgrade(a: Args) -> Result<(), Failure> {
    let [dir] = a.positional(["DIR"])?;
    let done = lode::upgrade_directory(&dir, &ProviderSettings::default())?;
    if done.from == done.to {
        print(&format!(
            "'{}' is already in on-disk format {}: nothing to do",
            dir.display(),
            done.to
        ))
    } else {
        print(&format!(
            "'{}' upgraded from on-disk format {} to {} ({} events re-indexed)",
            dir.display(),
            done.from,
            done.to,
            done.events
        ))
    }
}

fn info(a: Args) -> Result<(), Failure> {
    let [dir] = a.positional(["DIR"])?;
    let provider = existing_store(&dir)?;
    let position = provider.head_position()?;
    let data_bytes = provider.stored_bytes()?;
    let backup = lode::read_backup_info(&dir)?;
    if a.flag("--json") {
        print_json(&serde_json::json!({
            "path": dir,
            "format_version": lode::FORMAT_VERSION,
            "library_version": lode::VERSION,
            "position": position,
            "data_bytes": data_bytes,
            "backup": backup.as_ref().map(|b| b.to_json()),
        }))
    } else {
        let mut text = format!(
            "store '{}': on-disk format {}, log position {position}, data file {data_bytes} bytes",
            dir.display(),
            lode::FORMAT_VERSION
        );
        if let Some(b) = backup {
            text.push_str(&format!(
                "\na backup of '{}' holding log position {} (lode {})",
                b.source.display(),
                b.position,
                b.library_version
            ));
        }
        print(&text)
    }
}

fn tail(a: Args) -> Result<(), Failure> {
    let [dir] = a.positional(["DIR"])?;
    let start = match (a.flag("--from-now"), a.number::<u64>("--from")?) {
        (true, Some(_)) => {
            return Err(Failure::Usage(
                "--from and --from-now exclude each other".into(),
            ))
        }
        (true, None) => SubscriptionStart::Now,
        (false, from) => SubscriptionStart::After(from.unwrap_or(0)),
    };
    let stream = match a.value("--stream") {
        None => None,
        Some(s) => {
            let parts: Vec<&str> = s.splitn(3, '/').collect();
            let [db, name, id] = parts[..] else {
                return Err(Failure::Usage(format!(
                    "--stream '{s}' is not DATABASE/NAME/ID"
                )));
            };
            Some(StreamId::new(db, name, id)?)
        }
    };
    let mut event_types = Vec::new();
    for t in a.values("--type") {
        let (name, version) = match t.rsplit_once('@') {
            Some((name, v)) => match v.parse::<u32>() {
                Ok(v) => (name, Some(v)),
                Err(_) => {
                    return Err(Failure::Usage(format!(
                        "--type '{t}': the version after '@' is not a number"
                    )))
                }
            },
            None => (t.as_str(), None),
        };
        event_types.push(EventTypeFilter {
            event_type: name.to_string(),
            event_version: version,
        });
    }
    let filter = SubscriptionFilter {
        stream,
        aggregate_type: a.value("--aggregate-type").map(str::to_string),
        event_types,
        correlation_id: a.value("--correlation").map(str::to_string),
    };
    let limit: Option<u64> = a.number("--limit")?;
    let idle = a.number::<u64>("--idle")?.map(Duration::from_millis);
    let provider = existing_store(&dir)?;
    let subscription = provider.subscribe(start, filter, lode::DEFAULT_PAGE_SIZE)?;
    let records = match idle {
        Some(idle) => subscription.iter_for(idle),
        None => subscription.iter(),
    };
    let mut out = std::io::stdout().lock();
    let mut printed = 0u64;
    let mut line = Vec::new();
    if limit == Some(0) {
        return Ok(());
    }
    for record in records {
        line.clear();
        record?.write_json(&mut line)?;
        line.push(b'\n');
        let written = out.write_all(&line).and_then(|_| out.flush());
        match written {
            Ok(()) => printed += 1,
            // The reader went away (`lode tail ... | head`): that ends the tail, not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(Failure::Io(format!("writing to standard output: {e}"))),
        }
        // Checked before the next record is asked for, which may wait for a commit.
        if limit == Some(printed) {
            break;
        }
    }
    Ok(())
}
