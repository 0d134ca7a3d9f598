//! A reverse proxy on loopback between Chromium and the test server that
//! keeps every HTML document the server sent, byte for byte, so that the Nu
//! HTML checker reads what the server wrote (not the browser's DOM), POST
//! answers included.

use actix_web::dev::ServerHandle;
use actix_web::http::StatusCode;
use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use std::sync::{Arc, Mutex};

/// One HTML answer of the server.
#[derive(Clone)]
pub struct Document {
    pub method: String,
    pub path: String,
    pub status: u16,
    pub html: String,
}

pub struct Recorder {
    /// Where the browser goes: http://127.0.0.1:port.
    pub address: String,
    documents: Arc<Mutex<Vec<Document>>>,
    server: ServerHandle,
}

struct Upstream {
    base: String,
    client: reqwest::Client,
    documents: Arc<Mutex<Vec<Document>>>,
}

/// Not passed on: they describe one hop, and both sides set their own.
const HOP_BY_HOP: [&str; 9] = [
    "connection",
    "keep-alive",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "proxy-connection",
    "content-length",
    "accept-encoding",
];

impl Recorder {
    pub async fn start(upstream: &str) -> Recorder {
        let documents = Arc::new(Mutex::new(Vec::new()));
        let state = web::Data::new(Upstream {
            base: upstream.trim_end_matches('/').to_owned(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            documents: documents.clone(),
        });
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(web::PayloadConfig::new(8 << 20))
                .default_service(web::to(forward))
        })
        .workers(1)
        .disable_signals()
        .bind(("127.0.0.1", 0))
        .expect("the recording proxy binds to loopback");
        let address = format!("http://127.0.0.1:{}", server.addrs()[0].port());
        let server = server.run();
        let handle = server.handle();
        tokio::spawn(server);
        Recorder {
            address,
            documents,
            server: handle,
        }
    }

    /// The documents received since the last call.
    pub fn take(&self) -> Vec<Document> {
        std::mem::take(&mut *self.documents.lock().unwrap())
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        drop(self.server.stop(false));
    }
}

async fn forward(
    request: HttpRequest,
    body: web::Bytes,
    upstream: web::Data<Upstream>,
) -> HttpResponse {
    let path = request
        .uri()
        .path_and_query()
        .map_or("/".to_owned(), |p| p.as_str().to_owned());
    let method = reqwest::Method::from_bytes(request.method().as_str().as_bytes()).unwrap();
    let mut outgoing = upstream
        .client
        .request(method, format!("{}{path}", upstream.base))
        .body(body.to_vec());
    for (name, value) in request.headers() {
        if !HOP_BY_HOP.contains(&name.as_str()) {
            outgoing = outgoing.header(name.as_str(), value.as_bytes());
        }
    }
    let answer = match outgoing.send().await {
        Ok(answer) => answer,
        Err(error) => return HttpResponse::BadGateway().body(format!("test proxy: {error}")),
    };
    let status = answer.status().as_u16();
    let mut response = HttpResponse::build(StatusCode::from_u16(status).unwrap());
    let mut html = false;
    for (name, value) in answer.headers() {
        if HOP_BY_HOP.contains(&name.as_str()) {
            continue;
        }
        html |= name == "content-type" && value.as_bytes().starts_with(b"text/html");
        response.append_header((name.as_str(), value.as_bytes()));
    }
    let bytes = answer.bytes().await.unwrap_or_default();
    // A 304 has no body: the browser shows the copy it kept, which was
    // recorded when it came.
    if html && status != 304 {
        upstream.documents.lock().unwrap().push(Document {
            method: request.method().to_string(),
            path,
            status,
            html: String::from_utf8_lossy(&bytes).into_owned(),
        });
    }
    response.body(bytes.to_vec())
}
