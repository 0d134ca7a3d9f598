//! Tera set-up in one place: the embedded templates, and the helper
//! functions they may call, each a small struct holding its state.

use crate::embedded::{AssetFiles, TemplateFiles};
use crate::i18n::{Language, Translate};
use crate::text::SafeHtml;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct RenderedEmail {
    pub subject: String,
    pub body_text: String,
    pub body_html: SafeHtml,
}

/// Parsed once and shared: cloning is cheap, so the server, the outbox
/// worker and every app a test process starts can use one parse.
#[derive(Clone)]
pub struct Templates {
    tera: std::sync::Arc<tera::Tera>,
    /// Each template's last rendered size, so that the next rendering
    /// starts with a buffer that holds it instead of growing into it.
    sizes: std::sync::Arc<HashMap<String, AtomicUsize>>,
}

/// Content hash of each asset, used both in URLs (so they can be cached for a
/// year) and by the asset handler to recognise a current URL.
pub fn asset_versions() -> HashMap<String, String> {
    AssetFiles::iter()
        .filter_map(|name| {
            let file = AssetFiles::get(&name)?;
            let hash: String = file
                .metadata
                .sha256_hash()
                .iter()
                .take(6)
                .map(|b| format!("{b:02x}"))
                .collect();
            Some((name.into_owned(), hash))
        })
        .collect()
}

/// `asset_url(name="style.css")` gives "/assets/style.css?v=<content hash>".
struct AssetUrl {
    versions: HashMap<String, String>,
}

impl tera::Function for AssetUrl {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let name = args
            .get("name")
            .and_then(Value::as_str)
            .ok_or("asset_url needs name=\"file\"")?;
        let version = self
            .versions
            .get(name)
            .ok_or_else(|| format!("no asset named {name}"))?;
        Ok(Value::String(format!("/assets/{name}?v={version}")))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// `{{ value | sanitised }}` prints a `SafeHtml` unescaped, and refuses
/// anything else: tera's built-in `safe` would print any string raw, so
/// templates do not use it (a test below holds them to that).
struct Sanitised;

impl tera::Filter for Sanitised {
    fn filter(&self, value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
        match SafeHtml::html_in_serialised(value) {
            Some(html) => Ok(Value::String(html.to_owned())),
            None => Err(tera::Error::msg(format!(
                "`sanitised` prints only SafeHtml, and this is not one: {}; \
                 give the view a SafeHtml, or print the value escaped",
                describe(value)
            ))),
        }
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// What kind of value a filter got, without echoing a long text back.
fn describe(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "a plain string",
        Value::Object(_) => "a map",
        Value::Array(_) => "a list",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a boolean",
        Value::Null => "null",
    }
}

/// Escapes what matters in HTML text and quoted attributes. Unlike tera's
/// default it leaves '/' alone, so "Europe/Prague" stays readable in the source.
/// One pass that copies the runs between special characters whole: every
/// value printed on a page goes through here.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    let mut copied = 0;
    for (at, byte) in input.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ => continue,
        };
        // The special characters are ASCII, so `at` is a character boundary.
        out.push_str(&input[copied..at]);
        out.push_str(entity);
        copied = at + 1;
    }
    out.push_str(&input[copied..]);
    out
}

/// tera keeps three copies of each block of a page that extends another:
/// in the page's syntax tree, in `blocks` (documented as used only while
/// parsing) and in `blocks_definitions`, the inheritance chains rendering
/// reads. A page with a parent is rendered from its root's tree and those
/// chains, never from its own tree, so once the chains are built the first
/// two copies are dead weight: about 3 MiB of the server's memory at rest.
/// Two conditions hold that: this is the last change made to the `Tera`
/// (adding a template, `render_str` or `extend` would rebuild the chains
/// from the emptied `blocks`, and `Templates` allows none of them), and no
/// template that is included or imported extends another (tera would
/// render its emptied tree instead of refusing; a test below checks the
/// templates). Another test renders inheritance, `super()`, includes and
/// macros the same before and after this.
fn drop_parse_only_copies(tera: &mut tera::Tera) {
    for template in tera.templates.values_mut() {
        template.blocks = HashMap::new();
        if template.parent.is_some() {
            template.ast = Vec::new();
        }
    }
}

impl Templates {
    pub fn load() -> Result<Self, tera::Error> {
        let mut tera = tera::Tera::default();
        let files: Vec<(String, String)> = TemplateFiles::iter()
            .filter_map(|name| {
                let file = TemplateFiles::get(&name)?;
                Some((
                    name.into_owned(),
                    String::from_utf8_lossy(&file.data).into_owned(),
                ))
            })
            .collect();
        tera.add_raw_templates(files)?;
        drop_parse_only_copies(&mut tera);
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        tera.register_filter("sanitised", Sanitised);
        tera.register_function("t", Translate);
        tera.register_function(
            "asset_url",
            AssetUrl {
                versions: asset_versions(),
            },
        );
        let sizes = tera
            .get_template_names()
            .map(|name| (name.to_owned(), AtomicUsize::new(0)))
            .collect();
        Ok(Self {
            tera: std::sync::Arc::new(tera),
            sizes: std::sync::Arc::new(sizes),
        })
    }

    fn render_context(&self, name: &str, context: &tera::Context) -> Result<String, tera::Error> {
        let last = self.sizes.get(name);
        let expected = last.map_or(0, |size| size.load(Ordering::Relaxed));
        // A little room, as the same page varies a little between readers.
        let mut out = Vec::with_capacity(expected + expected / 16);
        self.tera.render_to(name, context, &mut out)?;
        if let Some(size) = last {
            size.store(out.len(), Ordering::Relaxed);
        }
        String::from_utf8(out).map_err(|e| tera::Error::chain("a template wrote invalid UTF-8", e))
    }

    /// Renders a template in `language` (templates read it as `lang`).
    pub fn render_in(
        &self,
        name: &str,
        view: &impl Serialize,
        language: Language,
    ) -> Result<String, tera::Error> {
        let mut context = tera::Context::from_serialize(view)?;
        context.insert("lang", language.code());
        self.render_context(name, &context)
    }

    /// Renders a template in English (files for staff, tests).
    pub fn render(&self, name: &str, view: &impl Serialize) -> Result<String, tera::Error> {
        self.render_in(name, view, Language::En)
    }

    /// A page: its own view plus what the layout needs (`layout.viewer`,
    /// `layout.csrf_token`).
    pub fn render_page(
        &self,
        name: &str,
        view: &impl Serialize,
        layout: &impl Serialize,
        language: Language,
    ) -> Result<String, tera::Error> {
        let mut context = tera::Context::from_serialize(view)?;
        context.insert("lang", language.code());
        context.insert("layout", layout);
        self.render_context(name, &context)
    }

    /// Renders one email from its folder under `templates/email/`: a subject
    /// line, a plain-text body and an HTML body.
    pub fn render_email(
        &self,
        name: &str,
        view: &impl Serialize,
    ) -> Result<RenderedEmail, tera::Error> {
        self.render_email_in(name, view, Language::En)
    }

    /// An email in its recipient's language.
    pub fn render_email_in(
        &self,
        name: &str,
        view: &impl Serialize,
        language: Language,
    ) -> Result<RenderedEmail, tera::Error> {
        let render = |part: &str| self.render_in(&format!("email/{name}/{part}"), view, language);
        Ok(RenderedEmail {
            subject: render("subject.txt")?.trim().to_owned(),
            body_text: render("body.txt")?,
            body_html: SafeHtml::from_escaped_template(render("body.html")?),
        })
    }

    /// The pages (not the layouts and partials they extend), for the test
    /// that renders every template.
    pub fn page_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .tera
            .get_template_names()
            .filter(|n| {
                !n.starts_with("base")
                    && !n.starts_with("partials/")
                    && !n.starts_with("email/")
                    && !n.starts_with("feeds/")
                    && !n.starts_with("digest/")
            })
            .map(String::from)
            .collect();
        names.sort();
        names
    }
}

#[cfg(test)]
mod tests {
    use crate::embedded::TemplateFiles;

    /// Three levels of inheritance, `super()`, a block inside a block, an
    /// include, a macro import and a loop, rendered the same with tera's
    /// parse-only copies dropped as with them kept.
    #[test]
    fn pages_render_the_same_without_teras_parse_only_copies() {
        let sources = [
            ("macros.html", "{% macro badge(label) %}<b>{{ label }}</b>{% endmacro badge %}"),
            ("note.html", "<aside>{{ note }}</aside>"),
            (
                "root.html",
                "{% import \"macros.html\" as m %}<title>{% block title %}Root{% endblock title %}</title>\
                 <main>{% block content %}root content{% endblock content %}</main>\
                 {% include \"note.html\" %}{{ m::badge(label=\"root\") }}",
            ),
            (
                "section.html",
                "{% extends \"root.html\" %}{% import \"macros.html\" as m %}\
                 {% block title %}Section · {{ super() }}{% endblock title %}\
                 {% block content %}<section>{% block inner %}section inner{% endblock inner %}\
                 {{ m::badge(label=\"section\") }}</section>{% endblock content %}",
            ),
            (
                "page.html",
                "{% extends \"section.html\" %}outside any block\
                 {% block inner %}{% for item in items %}<p>{{ item }}</p>{% endfor %}\
                 {{ super() }}{% endblock inner %}",
            ),
        ];
        let mut kept = tera::Tera::default();
        kept.add_raw_templates(sources).expect("templates parse");
        let mut trimmed = kept.clone();
        super::drop_parse_only_copies(&mut trimmed);
        let mut context = tera::Context::new();
        context.insert("items", &["one", "two"]);
        context.insert("note", "a note");
        for name in ["page.html", "section.html", "root.html"] {
            let expected = kept
                .render(name, &context)
                .expect("renders with the copies");
            assert!(expected.contains("<b>root</b>"), "{name}: {expected}");
            assert_eq!(
                trimmed.render(name, &context).expect("renders"),
                expected,
                "{name}"
            );
        }
        let page = trimmed.render("page.html", &context).expect("renders");
        assert!(page.contains("Section · Root") && page.contains("<p>two</p>section inner"));
        assert!(trimmed.templates["page.html"].ast.is_empty());
    }

    fn template_sources() -> Vec<(String, String)> {
        TemplateFiles::iter()
            .map(|name| {
                let file = TemplateFiles::get(&name).expect("listed file");
                let text = String::from_utf8(file.data.into_owned()).expect("UTF-8 template");
                (name.into_owned(), text)
            })
            .collect()
    }

    /// `drop_parse_only_copies` empties the syntax tree of every template
    /// that extends another, which tera renders when such a template is
    /// included: it must never be.
    #[test]
    fn no_included_or_imported_template_extends_another() {
        let sources = template_sources();
        let extending: Vec<&str> = sources
            .iter()
            .filter(|(_, text)| text.contains("{% extends") || text.contains("{%- extends"))
            .map(|(name, _)| name.as_str())
            .collect();
        assert!(extending.contains(&"pages/home.html"), "{extending:?}");
        let mut offenders = Vec::new();
        for (name, text) in &sources {
            for keyword in ["include", "import"] {
                for (at, _) in text.match_indices(keyword) {
                    let rest = text[at + keyword.len()..].trim_start();
                    let Some(quoted) = rest.strip_prefix('"') else {
                        continue;
                    };
                    let target = quoted.split('"').next().unwrap_or_default();
                    if extending.contains(&target) {
                        offenders.push(format!("{name} {keyword}s {target}"));
                    }
                }
            }
        }
        assert_eq!(offenders, Vec::<String>::new());
    }

    /// Places where a template applies tera's `safe` filter, as
    /// `{{ x | safe }}` or `{% filter safe %}`.
    fn uses_of_safe(text: &str) -> Vec<usize> {
        text.match_indices("safe")
            .map(|(at, _)| at)
            .filter(|&at| {
                let after = text[at + 4..].chars().next();
                let ends_word = !after.is_some_and(|c| c.is_alphanumeric() || c == '_');
                let before = text[..at].trim_end();
                ends_word && (before.ends_with('|') || before.ends_with("filter"))
            })
            .collect()
    }

    #[test]
    fn no_template_prints_raw_html_with_safe() {
        assert_eq!(
            uses_of_safe("{{ a | safe }}{{ b|safe}}{% filter safe %}").len(),
            3
        );
        assert!(uses_of_safe("{{ a | sanitised }} safe {{ a | safe_ish }}").is_empty());
        let offenders: Vec<String> = template_sources()
            .into_iter()
            .flat_map(|(name, text)| {
                uses_of_safe(&text)
                    .into_iter()
                    .map(move |at| format!("{name} at byte {at}"))
            })
            .collect();
        assert!(
            offenders.is_empty(),
            "use `| sanitised` on a SafeHtml instead of `| safe`: {offenders:?}"
        );
    }

    /// Forms that change state without a session, so without a CSRF token:
    /// the one-click unsubscribe (RFC 8058) is posted by mail clients and
    /// carries its own signed token.
    const POSTS_WITHOUT_SESSION: [&str; 1] = ["pages/account/unsubscribe.html"];

    /// The `<form method="post">` elements of a template, opening tag to
    /// closing tag.
    fn post_forms(text: &str) -> Vec<&str> {
        text.match_indices("<form")
            .map(|(at, _)| {
                let end = text[at..].find("</form>").map_or(text.len(), |e| at + e);
                &text[at..end]
            })
            .filter(|form| {
                let opening = &form[..form.find('>').unwrap_or(form.len())];
                opening.to_ascii_lowercase().contains(r#"method="post""#)
            })
            .collect()
    }

    #[test]
    fn every_post_form_carries_the_csrf_token() {
        let mut missing = Vec::new();
        let mut forms = 0;
        for (name, text) in template_sources() {
            for form in post_forms(&text) {
                forms += 1;
                if !form.contains("::csrf()") && !POSTS_WITHOUT_SESSION.contains(&name.as_str()) {
                    missing.push(format!("{name}: {}", form.lines().next().unwrap_or("")));
                }
            }
            let pasted = r#"name="csrf_token""#;
            if name != "partials/forms.html" {
                assert!(!text.contains(pasted), "{name}: call forms::csrf() instead");
            }
        }
        assert!(forms > 30, "the scan finds the forms ({forms})");
        assert!(
            missing.is_empty(),
            "post forms without forms::csrf(): {missing:#?}"
        );
    }

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            super::escape_html(r#"<a href="x" title='y'>&</a> Europe/Prague"#),
            "&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;&lt;/a&gt; Europe/Prague"
        );
        assert_eq!(super::escape_html("Žluť & čaj"), "Žluť &amp; čaj");
        assert_eq!(super::escape_html("<<é>>"), "&lt;&lt;é&gt;&gt;");
        assert_eq!(super::escape_html("plain"), "plain");
        assert_eq!(super::escape_html(""), "");
    }
}
