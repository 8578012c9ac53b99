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
    let mut text = Vec::new();
    header.write(&mut text);
    let path = crate_dir.join("include").join("lode.h");
    if std::fs::read(&path).ok().as_deref() != Some(&text[..]) {
        std::fs::create_dir_all(path.parent().expect("include/")).expect("include/ can be created");
        std::fs::write(&path, &text).expect("include/lode.h can be written");
    }
}
