//! Digest exports for staff and chairs: a page with the choices, and the
//! file, streamed as it is written.

use super::form_pairs::FormPairs;
use super::session::Viewer;
use crate::domain::affiliation::OrganisationType;
use crate::domain::digest::{DigestChoices, DigestFilter, DigestFormat};
use crate::domain::InvalidField;
use crate::export::digest::write_digest;
use crate::i18n::labels;
use crate::i18n::text;
use crate::services::digest::{self, Requester};
use crate::services::ServiceError;
use crate::web::error::WebError;
use crate::web::state::AppState;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use bytes::Bytes;
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/c/{consultation}/export",
        web::get().to(consultation_export),
    )
    .route(
        "/c/{consultation}/{roundtable}/export",
        web::get().to(roundtable_export),
    );
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct ExportView {
    title: String,
    consultation: String,
    roundtable: Option<String>,
    formats: Vec<Choice>,
    questions: Vec<Choice>,
    organisation_types: Vec<Choice>,
    countries: Vec<Choice>,
    staff: bool,
    values: HashMap<&'static str, String>,
    errors: HashMap<&'static str, String>,
}

async fn consultation_export(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    export(state, viewer, path.into_inner(), None, request).await
}

async fn roundtable_export(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    export(state, viewer, consultation, Some(roundtable), request).await
}

/// Without `format` in the query: the page with the choices. With it: the file.
async fn export(
    state: web::Data<AppState>,
    viewer: Viewer,
    consultation: String,
    roundtable: Option<String>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let user = viewer
        .user
        .clone()
        .ok_or_else(|| WebError::Unauthorized("unauthorized-export".into()))?;
    let query = FormPairs::parse(request.query_string().as_bytes());
    let choices = DigestChoices {
        from: query.get("from").to_owned(),
        to: query.get("to").to_owned(),
        question: query.get("question").to_owned(),
        organisation_type: query.get("organisation_type").to_owned(),
        country: query.get("country").to_owned(),
        include_unpublished: query.get("include_unpublished") == "on",
    };
    let wants_file = !query.get("format").is_empty();
    let format = DigestFormat::parse("format", query.get("format"));
    let filter = DigestFilter::parse(&choices);
    let (c, r, u) = (consultation.clone(), roundtable.clone(), user.clone());
    let checked_filter = filter.clone().unwrap_or_default();
    // Who may export what is decided before anything is sent.
    let plan = state
        .db(move |conn| {
            digest::plan(
                conn,
                Requester::Person(&u),
                &c,
                r.as_deref(),
                checked_filter,
            )
        })
        .await?;
    let mut errors: Vec<InvalidField> = filter.err().unwrap_or_default();
    if let Err(e) = &format {
        errors.push(e.clone());
    }
    if !wants_file || !errors.is_empty() {
        let questions = match roundtable.clone() {
            Some(r) => {
                let c = consultation.clone();
                state
                    .db(move |conn| {
                        Ok(
                            crate::services::roundtables::roundtable_detail(conn, &c, &r)?
                                .questions,
                        )
                    })
                    .await?
            }
            None => vec![],
        };
        let values = HashMap::from([
            ("format", query.get("format").to_owned()),
            ("from", choices.from.clone()),
            ("to", choices.to.clone()),
            ("question", choices.question.clone()),
            ("organisation_type", choices.organisation_type.clone()),
            ("country", choices.country.clone()),
            (
                "include_unpublished",
                if choices.include_unpublished {
                    "on".into()
                } else {
                    String::new()
                },
            ),
        ]);
        let lang = viewer.language;
        let view = ExportView {
            title: text(
                lang,
                "moderation-export-title",
                &[("consultation", plan.consultation.title.as_str().into())],
            ),
            consultation,
            roundtable,
            formats: DigestFormat::ALL
                .iter()
                .map(|f| Choice {
                    value: f.extension().into(),
                    label: text(
                        lang,
                        "moderation-export-format-choice",
                        &[("format", f.extension().into())],
                    ),
                })
                .collect(),
            questions: questions
                .iter()
                .map(|q| Choice {
                    value: q.number.to_string(),
                    label: format!("{}. {}", q.number, q.text),
                })
                .collect(),
            organisation_types: OrganisationType::ALL
                .iter()
                .map(|t| Choice {
                    value: t.code().into(),
                    label: labels::organisation_type(*t, lang),
                })
                .collect(),
            countries: labels::countries_by_name(lang)
                .into_iter()
                .map(|(c, name)| Choice {
                    value: c.code().into(),
                    label: name,
                })
                .collect(),
            staff: user.role.is_staff(),
            values,
            errors: crate::i18n::by_field(viewer.language, &errors),
        };
        let status = super::error::form_status(&view.errors.iter().collect::<Vec<_>>());
        return state.render_with_status(status, "pages/export.html", &view, &viewer);
    }
    let format = format.map_err(|e| WebError::from(ServiceError::Invalid(e)))?;
    let file_name = format!("{}.{}", plan.file_stem, format.extension());
    let (sender, receiver) = tokio::sync::mpsc::channel::<io::Result<Bytes>>(8);
    let app = state.clone();
    tokio::task::spawn_blocking(move || {
        let out = ChannelWriter {
            sender: sender.clone(),
            buffer: Vec::with_capacity(CHUNK),
        };
        let written = app
            .pool
            .get()
            .map_err(|e| {
                crate::services::ServiceError::from(crate::db::StorageError::from(e)).into()
            })
            .and_then(|mut conn| {
                write_digest(&mut conn, &plan, format, &app.templates, out, &mut || {})
            });
        if let Err(error) = written {
            // The status is sent already: cut the body short so that the
            // download shows as failed rather than complete.
            tracing::error!(%error, "digest export failed");
            let _ = sender.blocking_send(Err(io::Error::other("export failed")));
        }
    });
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .streaming(tokio_stream::wrappers::ReceiverStream::new(receiver)))
}

const CHUNK: usize = 64 * 1024;

/// Hands the file to the response in chunks; a client that goes away
/// stops the export at the next chunk.
struct ChannelWriter {
    sender: tokio::sync::mpsc::Sender<io::Result<Bytes>>,
    buffer: Vec<u8>,
}

impl ChannelWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK),
        ));
        self.sender
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(data);
        if self.buffer.len() >= CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}
