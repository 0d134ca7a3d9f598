//! What the browser suite runs besides the server: Debian's Chromium and
//! chromedriver, Java, and two npm packages (axe-core, vnu-jar) that
//! `.ci/run` installs under `target/browser-tools` (or wherever
//! ROUNDTABLE_BROWSER_TOOLS says).

use std::path::{Path, PathBuf};

pub struct Tools {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
    pub java: PathBuf,
    /// axe-core's browser bundle, injected into every page checked.
    pub axe_script: String,
    /// The Nu HTML checker.
    pub vnu_jar: PathBuf,
}

/// The folder the npm packages were installed into (`npm install --prefix`).
pub fn tools_folder() -> PathBuf {
    match std::env::var_os("ROUNDTABLE_BROWSER_TOOLS").filter(|v| !v.is_empty()) {
        Some(folder) => PathBuf::from(folder),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser-tools"),
    }
}

/// The tools, or None to skip: a developer without them sees why, but CI
/// must run the suite, so there a missing tool fails the test.
pub fn tools_unless_ci() -> Option<Tools> {
    match find() {
        Ok(tools) => Some(tools),
        Err(missing) => {
            let message = format!(
                "the browser suite needs {}; `bash .ci/run` installs them (see README, Tests)",
                missing.join(", ")
            );
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must run this test: {message}"
            );
            eprintln!("skipped: {message}");
            None
        }
    }
}

fn find() -> Result<Tools, Vec<String>> {
    let mut missing = Vec::new();
    let mut program = |env: &str, names: &[&str]| {
        let found = std::env::var_os(env)
            .map(PathBuf::from)
            .or_else(|| names.iter().find_map(|name| on_path(name)));
        if found.is_none() {
            missing.push(format!("{} (or {env})", names[0]));
        }
        found.unwrap_or_default()
    };
    let chromium = program("ROUNDTABLE_CHROMIUM", &["chromium", "chromium-browser"]);
    let chromedriver = program("ROUNDTABLE_CHROMEDRIVER", &["chromedriver"]);
    let java = program("ROUNDTABLE_JAVA", &["java"]);
    let folder = tools_folder().join("node_modules");
    let axe = folder.join("axe-core/axe.min.js");
    let vnu_jar = folder.join("vnu-jar/build/dist/vnu.jar");
    let axe_script = std::fs::read_to_string(&axe).unwrap_or_default();
    for (file, package) in [(&axe, "axe-core"), (&vnu_jar, "vnu-jar")] {
        if !file.is_file() {
            missing.push(format!("{} (npm package {package})", file.display()));
        }
    }
    match missing.is_empty() {
        true => Ok(Tools {
            chromium,
            chromedriver,
            java,
            axe_script,
            vnu_jar,
        }),
        false => Err(missing),
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .chain([
            PathBuf::from("/usr/bin"),
            PathBuf::from("/usr/lib/chromium"),
        ])
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}
