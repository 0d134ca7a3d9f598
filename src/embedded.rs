//! Files compiled into the release binary. In debug builds rust-embed reads
//! them from disk, so template and stylesheet edits show without a rebuild.

use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "templates/"]
pub struct TemplateFiles;

#[derive(RustEmbed)]
#[folder = "assets/"]
pub struct AssetFiles;
