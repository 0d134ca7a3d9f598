//! The served OpenAPI document against the live API, on both backends: for
//! real requests (answers and refusals of every kind) the status is
//! documented for the path and method, the content type is the documented
//! one, and the body validates against the documented schema. Request
//! bodies too: what the document refuses the server refuses, and what it
//! accepts the server does not refuse as unreadable (400).

mod reads;
mod versions;
mod writes;

use crate::helpers::{Backend, TestApp};
use serde_json::Value;

pub const CONSULTATIONS: &str = "/api/v1/consultations";
pub const CONSULTATION: &str = "/api/v1/consultations/{consultation}";
pub const ROUNDTABLE: &str = "/api/v1/consultations/{consultation}/roundtables/{roundtable}";
pub const COMMENTS: &str = "/api/v1/consultations/{consultation}/roundtables/{roundtable}/comments";
pub const DECISIONS: &str = "/api/v1/comments/{reference}/decisions";

/// The document as the server serves it, read as a client generator would.
pub struct Contract(Value);

impl Contract {
    pub async fn of(app: &TestApp) -> Self {
        let (status, document) = app.get_json("/api/v1/openapi.json").await;
        assert_eq!(status, 200);
        Self(document)
    }

    pub fn operation(&self, template: &str, method: &str) -> &Value {
        let operation = &self.0["paths"][template][method];
        assert!(
            operation.is_object(),
            "{method} {template} is not documented"
        );
        operation
    }

    /// A validator for a schema of the document, with the document's
    /// components beside it so that `$ref`s resolve.
    fn validator(&self, schema: &Value) -> jsonschema::Validator {
        let mut root = schema.clone();
        root["components"] = self.0["components"].clone();
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&root)
            .unwrap_or_else(|e| panic!("the document's schema compiles: {e}\n{schema}"))
    }

    pub fn errors(&self, schema: &Value, instance: &Value) -> Vec<String> {
        self.validator(schema)
            .iter_errors(instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect()
    }

    /// Whether the documented request body schema takes `body`.
    pub fn accepts_request(&self, template: &str, method: &str, body: &Value) -> bool {
        let schema = &self.operation(template, method)["requestBody"]["content"]
            ["application/json"]["schema"];
        assert!(schema.is_object(), "{method} {template} documents its body");
        self.errors(schema, body).is_empty()
    }

    /// Whether the documented query parameters take `query` (`a=1&b=x`).
    pub fn accepts_query(&self, template: &str, query: &str) -> bool {
        let documented = self.operation(template, "get")["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        query.split('&').filter(|p| !p.is_empty()).all(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(parameter) = documented
                .iter()
                .find(|p| p["in"] == "query" && p["name"] == name)
            else {
                return false;
            };
            let schema = &parameter["schema"];
            // A query holds text; a numeric parameter takes the text of a number.
            let numeric = ["integer", "number"].contains(&schema["type"].as_str().unwrap_or(""));
            let instance = serde_json::from_str::<Value>(value)
                .ok()
                .filter(|v| numeric && v.is_number())
                .unwrap_or_else(|| Value::String(value.to_owned()));
            self.errors(schema, &instance).is_empty()
        })
    }

    /// Checks one answer; says what does not match.
    pub fn check(&self, template: &str, method: &str, answer: &Answer) -> Result<(), String> {
        let responses = &self.operation(template, method)["responses"];
        let documented = &responses[answer.status.to_string()];
        if !documented.is_object() {
            let listed: Vec<&String> = responses.as_object().unwrap().keys().collect();
            return Err(format!(
                "status {} is not documented (only {listed:?}): {}",
                answer.status, answer.body
            ));
        }
        let media = answer.content_type.split(';').next().unwrap().trim();
        let schema = &documented["content"][media]["schema"];
        if !schema.is_object() {
            return Err(format!(
                "{} is not documented as {media} but as {:?}",
                answer.status,
                documented["content"]
                    .as_object()
                    .map(|c| c.keys().collect::<Vec<_>>())
            ));
        }
        let promised = documented["headers"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        if let Some(missing) = promised
            .keys()
            .find(|h| !answer.headers.contains(&h.to_lowercase()))
        {
            return Err(format!("no {missing} header, which the document promises"));
        }
        let errors = self.errors(schema, &answer.body);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(format!("{errors:?} in {}", answer.body))
        }
    }

    /// The methods the document lists for a path, as `Allow` writes them.
    pub fn methods_of(&self, template: &str) -> Vec<String> {
        let mut methods: Vec<String> = self.0["paths"][template]
            .as_object()
            .unwrap()
            .keys()
            .map(|m| m.to_uppercase())
            .collect();
        methods.sort();
        methods
    }
}

pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub allow: Option<String>,
    /// The names of the headers it carries, in lower case.
    pub headers: Vec<String>,
    pub body: Value,
}

pub async fn answer(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.expect("the server answers");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let (content_type, allow) = (header("content-type").unwrap_or_default(), header("allow"));
    let headers = response.headers().keys().map(|n| n.to_string()).collect();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text)
        .unwrap_or_else(|_| panic!("a JSON body for {status}: {text:?}"));
    Answer {
        status,
        content_type,
        allow,
        headers,
        body,
    }
}

/// Collects mismatches, so that one run lists them all.
#[derive(Default)]
pub struct Findings(Vec<String>);

impl Findings {
    pub fn note(&mut self, what: impl Into<String>) {
        self.0.push(what.into());
    }

    pub fn extend(&mut self, other: Findings) {
        self.0.extend(other.0);
    }

    pub fn assert_none(&self, backend: Backend) {
        assert!(
            self.0.is_empty(),
            "{backend:?}: the document does not match the API:\n{}",
            self.0.join("\n")
        );
    }
}

/// Sends a request, checks the status the test expects, and notes where
/// the answer departs from the document.
pub async fn exchange(
    contract: &Contract,
    template: &str,
    request: reqwest::RequestBuilder,
    expected: u16,
    findings: &mut Findings,
    what: &str,
) {
    let got = answer(request).await;
    assert_eq!(got.status, expected, "{what}: {}", got.body);
    if let Err(mismatch) = contract.check(template, "post", &got) {
        findings.note(format!("{what}: {mismatch}"));
    }
}
