//! One headless Chromium per test, driven through a chromedriver of its own
//! on a free loopback port. Chromium reaches nothing but loopback: every
//! other host name resolves to nothing and background networking is off.

use super::tools::Tools;
use fantoccini::wd::Capabilities;
use fantoccini::ClientBuilder;
use serde_json::json;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The two screens the journeys are read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// A 390 px wide phone (CSS pixels), through chromedriver's mobile
    /// emulation: a headless window cannot be narrower than 500 px.
    Phone,
    Desktop,
}

impl Screen {
    pub fn width(self) -> i64 {
        match self {
            Screen::Phone => 390,
            Screen::Desktop => 1280,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Screen::Phone => "390 px",
            Screen::Desktop => "1280 px",
        }
    }
}

struct Chromedriver {
    child: Child,
    port: u16,
}

impl Drop for Chromedriver {
    /// Stops chromedriver and, should the session not have ended, the
    /// Chromium it started: both are in the process group made for it.
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Browser {
    pub client: fantoccini::Client,
    pub screen: Screen,
    session: String,
    // Dropped after `drop` ends the session: chromedriver, then the profile.
    driver: Chromedriver,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn open(tools: &Tools, screen: Screen) -> Browser {
        let started = Instant::now();
        let driver = start_chromedriver(tools).await;
        let profile = tempfile::tempdir().expect("a temporary folder");
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities(tools, screen, profile.path()))
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .expect("chromedriver opens a Chromium session");
        let session = client
            .session_id()
            .await
            .unwrap()
            .expect("a WebDriver session id");
        let mut timeouts = fantoccini::wd::TimeoutConfiguration::default();
        timeouts.set_script(Some(Duration::from_secs(60)));
        timeouts.set_page_load(Some(Duration::from_secs(30)));
        client.update_timeouts(timeouts).await.unwrap();
        eprintln!(
            "Chromium ({}) ready in {:.1} s",
            screen.name(),
            started.elapsed().as_secs_f64()
        );
        Browser {
            client,
            screen,
            session,
            driver,
            _profile: profile,
        }
    }
}

impl Drop for Browser {
    /// Ends the session (chromedriver then closes Chromium) without an async
    /// runtime: a plain HTTP request on loopback.
    fn drop(&mut self) {
        let request = format!(
            "DELETE /session/{} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            self.session
        );
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.driver.port)) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let _ = stream.write_all(request.as_bytes());
            read_answer(&mut stream);
        }
    }
}

/// Reads one HTTP answer to its end (chromedriver keeps the connection
/// open, so reading until it closes would wait for the timeout).
fn read_answer(stream: &mut TcpStream) {
    let mut answer = Vec::new();
    let mut chunk = [0u8; 4096];
    while let Ok(read) = stream.read(&mut chunk) {
        if read == 0 {
            return;
        }
        answer.extend_from_slice(&chunk[..read]);
        let text = String::from_utf8_lossy(&answer);
        if let Some(end_of_head) = text.find("\r\n\r\n") {
            let length = text[..end_of_head]
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if answer.len() >= end_of_head + 4 + length {
                return;
            }
        }
    }
}

fn capabilities(tools: &Tools, screen: Screen, profile: &std::path::Path) -> Capabilities {
    let mut args = vec![
        "--headless=new".to_owned(),
        // CI runs as root, where Chromium's sandbox cannot start.
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        "--no-first-run".to_owned(),
        "--no-default-browser-check".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--disable-extensions".to_owned(),
        "--disable-features=Translate,OptimizationHints,MediaRouter".to_owned(),
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1".to_owned(),
        format!("--user-data-dir={}", profile.display()),
    ];
    let mut chrome = json!({
        "binary": tools.chromium,
        "prefs": { "intl.accept_languages": "en-GB,en" },
    });
    match screen {
        Screen::Desktop => args.push("--window-size=1280,800".to_owned()),
        Screen::Phone => {
            args.push("--window-size=600,900".to_owned());
            chrome["mobileEmulation"] = json!({
                "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 3.0, "touch": true, "mobile": true }
            });
        }
    }
    chrome["args"] = json!(args);
    let mut capabilities = Capabilities::new();
    capabilities.insert("browserName".into(), json!("chrome"));
    capabilities.insert("goog:chromeOptions".into(), chrome);
    capabilities
}

async fn start_chromedriver(tools: &Tools) -> Chromedriver {
    // Bind port 0 to learn a free port, then hand it over: a small race that
    // a retry would cover; loopback ports are plentiful in a test run.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port();
    let child = Command::new(&tools.chromedriver)
        .arg(format!("--port={port}"))
        .arg("--allowed-ips=127.0.0.1")
        .arg("--log-level=OFF")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("chromedriver starts");
    let driver = Chromedriver { child, port };
    let status = format!("http://127.0.0.1:{port}/status");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(answer) = reqwest::get(&status).await {
            if answer.status().is_success() {
                return driver;
            }
        }
        assert!(
            Instant::now() < deadline,
            "chromedriver answers on port {port}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
