//! A person in the browser: opens an address, follows links by their text,
//! types into fields found by their label, presses buttons by their text,
//! presses Tab, and reads what is shown. Every page arrived at is checked
//! (axe-core and scrolling at once, the Nu checker in one batch at the end).

use super::checks::{self, Finding, Sent};
use super::recorder::Recorder;
use super::session::Browser;
use super::tools::Tools;
use crate::helpers::TestApp;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::Locator;
use std::time::{Duration, Instant};

pub struct Journey<'a> {
    browser: &'a Browser,
    tools: &'a Tools,
    recorder: Recorder,
    /// A name for the report: the journey, its backend, screen and language.
    name: String,
    sent: Vec<Sent>,
    findings: Vec<Finding>,
    /// The page the person is on, as the report names it.
    page: String,
    started: Instant,
    /// Time spent in axe-core, for the timing line `end` prints.
    axe_time: Duration,
    /// Pages arrived at so far: a page visited twice is reported twice.
    steps: usize,
    /// Off for a journey that only measures (its pages are checked by others).
    checking: bool,
}

impl<'a> Journey<'a> {
    /// A fresh visitor (no cookies) on `app`, through a recording proxy.
    pub async fn begin(
        name: &str,
        browser: &'a Browser,
        tools: &'a Tools,
        app: &TestApp,
    ) -> Journey<'a> {
        let recorder = Recorder::start(&app.address).await;
        // Cookies do not tell loopback ports apart: the last journey's
        // session would follow this visitor.
        let _ = browser.client.delete_all_cookies().await;
        let name = format!("{name} ({:?}, {})", app.backend, browser.screen.name());
        Journey {
            browser,
            tools,
            recorder,
            name,
            sent: Vec::new(),
            findings: Vec::new(),
            page: String::new(),
            started: Instant::now(),
            checking: true,
            steps: 0,
            axe_time: Duration::ZERO,
        }
    }

    /// This journey measures; other journeys check the pages it visits.
    pub fn without_checks(mut self) -> Self {
        self.checking = false;
        self
    }

    fn client(&self) -> &fantoccini::Client {
        &self.browser.client
    }

    /// Types an address of this site into the address bar.
    pub async fn opens(&mut self, path: &str) {
        let url = format!("{}{path}", self.recorder.address);
        self.navigates(|client| async move { client.goto(&url).await })
            .await;
    }

    /// Follows the first visible link whose text contains `text`.
    pub async fn follows_link(&mut self, text: &str) {
        let xpath = format!("//a[contains(normalize-space(.), {})]", literal(text));
        let link = self.visible(&xpath, &format!("a link “{text}”")).await;
        self.navigates(|_| async move { link.click().await }).await;
    }

    /// Presses the visible button whose text is `text`.
    pub async fn presses(&mut self, text: &str) {
        let xpath = format!(
            "//button[normalize-space(.)={0}] | //input[@type='submit' and @value={0}]",
            literal(text)
        );
        let button = self.visible(&xpath, &format!("a button “{text}”")).await;
        self.navigates(|_| async move { button.click().await })
            .await;
    }

    /// Types into the field whose label contains `label`.
    pub async fn types_into(&mut self, label: &str, text: &str) {
        let field = self.field(label).await;
        field.click().await.expect("the field takes focus");
        field.send_keys(text).await.expect("the field takes text");
    }

    /// Picks `choice` in the list whose label contains `label`.
    pub async fn chooses(&mut self, label: &str, choice: &str) {
        let list = self.field(label).await;
        list.select_by_label(choice)
            .await
            .unwrap_or_else(|_| panic!("{}: “{choice}” is a choice of “{label}”", self.name));
    }

    /// Ticks the checkbox or radio button whose label contains `label`.
    pub async fn ticks(&mut self, label: &str) {
        let field = self.field(label).await;
        if !field.is_selected().await.unwrap() {
            field.click().await.expect("the box can be ticked");
        }
    }

    /// Presses the first visible button whose text starts with `text`, one
    /// that acts on the page in place (a script), and returns what the
    /// page's live region then says.
    pub async fn presses_in_place(&mut self, text: &str) -> String {
        let xpath = format!(
            "//button[starts-with(normalize-space(.), {})]",
            literal(text)
        );
        let button = self.visible(&xpath, &format!("a button “{text}”")).await;
        button.click().await.expect("the button can be pressed");
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let said = self
                .client()
                .execute(
                    "return document.querySelector('[role=status]')?.textContent || '';",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            if !said.is_empty() || Instant::now() > deadline {
                return said;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The checkbox or radio button whose label contains `label` is ticked.
    pub async fn sees_ticked(&self, label: &str) {
        let field = self.field(label).await;
        assert!(
            field.is_selected().await.unwrap(),
            "{}: “{label}” is ticked on {}",
            self.name,
            self.page
        );
    }

    /// Presses a key where the focus is, as a keyboard shortcut: nothing
    /// is expected to load.
    pub async fn presses_key(&mut self, key: char) {
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client()
            .perform_actions(keys)
            .await
            .expect("the key is pressed");
    }

    /// The field whose label contains `label` shows `shown`: the chosen
    /// option's text of a list, the text in any other field.
    pub async fn sees_filled(&self, label: &str, shown: &str) {
        let field = self.field(label).await;
        let script = "const f = arguments[0]; \
            return f.tagName === 'SELECT' ? (f.selectedOptions[0] || {}).text || '' : f.value;";
        let value = serde_json::to_value(&field).unwrap();
        let answer = self.client().execute(script, vec![value]).await.unwrap();
        let got = answer.as_str().unwrap_or_default();
        assert_eq!(
            got, shown,
            "{}: “{label}” shows “{shown}” on {}",
            self.name, self.page
        );
    }

    /// Reads `text` on the page (visible text, not markup).
    pub async fn reads(&self, text: &str) {
        let shown = self.shown_text().await;
        assert!(
            shown.contains(text),
            "{}: “{text}” is shown on {}; the page reads:\n{shown}",
            self.name,
            self.page
        );
    }

    /// Presses Tab until the field labelled `label` has focus, at most
    /// `limit` times: how many it took (0 when it had focus already).
    pub async fn tabs_to(&mut self, label: &str, limit: u32) -> Option<u32> {
        let target = self.field(label).await;
        self.tabs_until(&target, limit).await
    }

    /// Presses Tab from where the focus is until the first visible link
    /// whose text is `text` has it, then Enter: how many Tab presses.
    pub async fn tabs_to_link_and_follows(&mut self, text: &str, limit: u32) -> Option<u32> {
        let xpath = format!("//a[normalize-space(.)={}]", literal(text));
        let link = self.visible(&xpath, &format!("a link “{text}”")).await;
        let presses = self.tabs_until(&link, limit).await?;
        self.navigates(|client| async move { press(&client, Key::Enter).await })
            .await;
        Some(presses)
    }

    async fn tabs_until(&self, target: &Element, limit: u32) -> Option<u32> {
        let target_id = target.element_id();
        for presses in 0..=limit {
            let focused = self.client().active_element().await.unwrap();
            if focused.element_id() == target_id {
                return Some(presses);
            }
            press(self.client(), Key::Tab)
                .await
                .expect("Tab is pressed");
        }
        None
    }

    /// What has the keyboard focus contains `text` and is in view, as after
    /// a form comes back with a mistake or a preview.
    pub async fn sees_focus_on(&self, text: &str) {
        let script = "const e = document.activeElement; const r = e.getBoundingClientRect(); \
            return [e.innerText || e.value || '', r.top >= 0 && r.top < window.innerHeight];";
        let answer = self.client().execute(script, vec![]).await.unwrap();
        let focused = answer[0].as_str().unwrap_or_default().to_owned();
        let in_view = answer[1].as_bool().unwrap_or(false);
        assert!(
            focused.contains(text) && in_view,
            "{}: the focus is on “{text}”, in view, on {}; it is on “{focused}” (in view: {in_view})",
            self.name,
            self.page
        );
    }

    /// Runs the Nu checker on every document the server sent and returns
    /// all findings of the journey.
    pub fn end(mut self) -> Vec<Finding> {
        let nu_started = Instant::now();
        self.findings.extend(checks::nu(self.tools, &self.sent));
        eprintln!(
            "browser journey “{}”: {} page(s) checked, {} finding(s), {:.1} s (axe-core {:.1} s, Nu {:.1} s)",
            self.name,
            self.sent.len(),
            self.findings.len(),
            self.started.elapsed().as_secs_f64(),
            self.axe_time.as_secs_f64(),
            nu_started.elapsed().as_secs_f64()
        );
        for page in &self.sent {
            let count = self.findings.iter().filter(|f| f.page == page.page).count();
            eprintln!("  {}: {count} finding(s)", page.page);
        }
        self.findings
    }

    /// Does `act` and waits for the next page to have loaded, then checks it.
    async fn navigates<F, Fut>(&mut self, act: F)
    where
        F: FnOnce(fantoccini::Client) -> Fut,
        Fut: std::future::Future<Output = Result<(), fantoccini::error::CmdError>>,
    {
        let client = self.client().clone();
        // A mark on the page we leave: gone once the next one has loaded.
        let _ = client.execute("window.__leaving = true;", vec![]).await;
        act(client.clone()).await.expect("the browser acts");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let arrived = client
                .execute(
                    "return !window.__leaving && document.readyState === 'complete';",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if arrived {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{}: the next page loads",
                self.name
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        self.arrived().await;
    }

    async fn arrived(&mut self) {
        let url = self.client().current_url().await.unwrap();
        let screen = self.browser.screen;
        let documents = self.recorder.take();
        let path = url[url::Position::BeforePath..url::Position::AfterQuery].to_owned();
        self.steps += 1;
        let at = format!("{} · page {} · {}", self.name, self.steps, screen.name());
        self.page = match documents.last() {
            Some(shown) if shown.status != 200 => {
                format!("{at} · {} {path} ({})", shown.method, shown.status)
            }
            Some(shown) => format!("{at} · {} {path}", shown.method),
            None => format!("{at} · {path}"),
        };
        if !self.checking {
            return;
        }
        let axe_started = Instant::now();
        for violation in checks::axe(self.client(), self.tools).await {
            self.finding("axe", violation);
        }
        self.axe_time += axe_started.elapsed();
        if let Some(scroll) = checks::horizontal_scroll(self.client(), screen.width()).await {
            self.finding("scroll", scroll);
        }
        for document in documents {
            let page = match document.path == path {
                true => self.page.clone(),
                false => format!("{at} · {} {}", document.method, document.path),
            };
            self.sent.push(Sent {
                page,
                html: document.html,
            });
        }
    }

    async fn shown_text(&self) -> String {
        let body = self.client().find(Locator::Css("body")).await.unwrap();
        body.text().await.unwrap()
    }

    fn finding(&mut self, check: &'static str, detail: String) {
        self.findings.push(Finding {
            page: self.page.clone(),
            check,
            detail,
        });
    }

    async fn visible(&self, xpath: &str, what: &str) -> Element {
        for element in self.client().find_all(Locator::XPath(xpath)).await.unwrap() {
            if element.is_displayed().await.unwrap_or(false) {
                return element;
            }
        }
        let shown = self.shown_text().await;
        panic!(
            "{}: {what} is shown on {}; the page reads:\n{shown}",
            self.name, self.page
        );
    }

    /// The field a label names: by its `for`, else the field inside it.
    async fn field(&self, label: &str) -> Element {
        let xpath = format!("//label[contains(normalize-space(.), {})]", literal(label));
        let label_element = self
            .visible(&xpath, &format!("a field labelled “{label}”"))
            .await;
        match label_element.attr("for").await.unwrap() {
            Some(id) => self.client().find(Locator::Id(&id)).await.unwrap(),
            None => label_element
                .find(Locator::XPath(".//input | .//textarea | .//select"))
                .await
                .unwrap(),
        }
    }
}

async fn press(client: &fantoccini::Client, key: Key) -> Result<(), fantoccini::error::CmdError> {
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key.into() })
        .then(KeyAction::Up { value: key.into() });
    client.perform_actions(keys).await
}

/// `text` as an XPath string literal.
fn literal(text: &str) -> String {
    match text.contains('"') {
        false => format!("\"{text}\""),
        true => format!("'{text}'"),
    }
}
