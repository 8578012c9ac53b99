//! Generates `include/lode.h` from the C ABI in `crates/lode-ffi` with cbindgen, and
//! `include/lode-manifest.json` (what every binding repeats: status codes, error fields,
//! settings keys, record fields) from the library itself.
//!
//!   cargo run -p lode-header            writes both       (make header)
//!   cargo run -p lode-header -- --check fails if stale    (make header-check)
//!
//! Both are committed; an ordinary `cargo build` never writes into the source tree.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let ffi = root.join("crates/lode-ffi");
    let config = match cbindgen::Config::from_file(ffi.join("cbindgen.toml")) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("lode-header: crates/lode-ffi/cbindgen.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let header = match cbindgen::Builder::new()
        .with_crate(&ffi)
        .with_config(config)
        .generate()
    {
        Ok(h) => h,
        Err(e) => {
            eprintln!("lode-header: the C ABI cannot be expressed as a C header: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut raw = Vec::new();
    header.write(&mut raw);
    let text = parenthesize_negative_defines(&String::from_utf8_lossy(&raw));
    let files = [
        (root.join("include/lode.h"), text),
        (
            root.join("include/lode-manifest.json"),
            lode_ffi::manifest_json(),
        ),
    ];
    let mut stale = false;
    for (path, text) in &files {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let current = std::fs::read_to_string(path).unwrap_or_default();
        if current == *text {
            println!("include/{name} is up to date");
        } else if check {
            eprintln!("include/{name} is stale: run `make header` and commit it");
            stale = true;
        } else if let Err(e) = std::fs::write(path, text) {
            eprintln!("lode-header: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        } else {
            println!("wrote include/{name}");
        }
    }
    if stale {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `#define X -1` becomes `#define X (-1)`, so the macro is one token in any expression
/// (cbindgen writes negative constants bare).
fn parenthesize_negative_defines(header: &str) -> String {
    let mut out = String::with_capacity(header.len() + 16);
    for line in header.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let mut parts = body.splitn(3, ' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("#define"), Some(name), Some(value))
                if value.starts_with('-') && value[1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                out.push_str(&format!("#define {name} ({value})"));
                out.push_str(&line[body.len()..]);
            }
            _ => out.push_str(line),
        }
    }
    out
}
