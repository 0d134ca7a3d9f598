// The message catalogues are compiled in by fluent-templates' static_loader!,
// which cannot tell cargo about the files it reads: this does.
fn main() {
    println!("cargo:rerun-if-changed=src/i18n/locales");
    pack_relative_relocations();
}

/// The server binary is position-independent, and the loader patches each
/// of its ~110,000 pointers at start-up from a table that, in the classic
/// format, takes 24 bytes a pointer: 2.6 MB read at every start and kept
/// resident. The packed format (DT_RELR) of glibc 2.36 and binutils 2.38
/// holds the same in a few dozen kilobytes, so the server at rest uses about
/// 4 MiB less. A binary so linked names the glibc feature it needs
/// (GLIBC_ABI_DT_RELR), so an older glibc refuses to start it with a clear
/// message; GNU ld before 2.38 ignores the option with a warning.
fn pack_relative_relocations() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
