// The message catalogues are compiled in by fluent-templates' static_loader!,
// which cannot tell cargo about the files it reads: this does.
fn main() {
    println!("cargo:rerun-if-changed=src/i18n/locales");
}
