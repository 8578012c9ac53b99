//! Generates `include/lode.h` from the C ABI in `src/ffi/` with cbindgen.
//!
//! The header is committed; CI regenerates it and fails if the committed copy differs
//! (`make header-check`). It is only rewritten when its text changes, so builds stay
//! incremental.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=src/ffi");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-env-changed=LODE_SKIP_HEADER");
    if std::env::var_os("LODE_SKIP_HEADER").is_some() {
        return;
    }
    let crate_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))
        .expect("cbindgen.toml is readable and valid");
    let header = cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
        .expect("the C ABI in src/ffi must be expressible as a C header");
    let mut raw = Vec::new();
    header.write(&mut raw);
    let text =
        parenthesize_negative_defines(&String::from_utf8(raw).expect("cbindgen writes UTF-8"));
    let text = text.into_bytes();
    let path = crate_dir.join("include").join("lode.h");
    if std::fs::read(&path).ok().as_deref() != Some(&text[..]) {
        std::fs::create_dir_all(path.parent().expect("include/")).expect("include/ can be created");
        std::fs::write(&path, &text).expect("include/lode.h can be written");
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
