// The message catalogues are compiled in by fluent-templates' static_loader!,
// which cannot tell cargo about the files it reads: this does.
fn main() {
    println!("cargo:rerun-if-changed=src/i18n/locales");
    pack_relative_relocations();
}

/// The server binary is position-independent, and the loader patches each
/// of its ~110,000 pointers at start-up from a table that, in the classic
/// format, takes 24 bytes a pointer: 2.6 MB read at every start and kept
/// resident. The packed format (DT_RELR) holds the same in 44 KB, so the
/// server at rest uses about 4 MiB less. A binary so linked needs glibc 2.36
/// or newer (it names GLIBC_ABI_DT_RELR, and an older glibc refuses to start
/// it), and the linkers add that need whatever the build machine's glibc.
/// So the format is used only for a native build on a machine whose glibc
/// has it: the binary then runs where it was built, and on newer systems.
fn pack_relative_relocations() {
    let target_is_gnu_linux = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu");
    let native = std::env::var("HOST").ok() == std::env::var("TARGET").ok();
    if target_is_gnu_linux && native && host_glibc().is_some_and(|version| version >= (2, 36)) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// The build machine's glibc version, as `getconf GNU_LIBC_VERSION` (part of
/// glibc itself) prints it: "glibc 2.36".
fn host_glibc() -> Option<(u32, u32)> {
    let output = std::process::Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let (major, minor) = text.trim().strip_prefix("glibc ")?.split_once('.')?;
    let minor = minor.split('.').next()?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}
