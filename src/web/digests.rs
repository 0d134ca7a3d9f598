//! Digest exports for staff and chairs: a page with the choices, and the
//! file, streamed as it is written. A few exports run at once on each
//! instance (`AppState::exports`); one more waits briefly for a place,
//! then is told to come back (503).

use crate::domain::affiliation::OrganisationType;
use crate::domain::digest::{DigestChoices, DigestFilter, DigestFormat};
use crate::domain::user::SignedInUser;
use crate::domain::InvalidField;
use crate::export::digest::write_digest;
use crate::i18n::labels;
use crate::i18n::{text, Language};
use crate::services::digest::{self, DigestPlan, ExportChoices, Requester};
use crate::web::error::{form_status, WebError};
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToExport};
use crate::web::state::AppState;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use bytes::Bytes;
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio_stream::wrappers::ReceiverStream;

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
    exporter: SignedIn<ToExport>,
    path: web::Path<String>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    export(state, exporter, path.into_inner(), None, request).await
}

async fn roundtable_export(
    state: web::Data<AppState>,
    exporter: SignedIn<ToExport>,
    path: web::Path<(String, String)>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    export(state, exporter, consultation, Some(roundtable), request).await
}

/// What the query asks for, read and checked.
struct Asked {
    format_typed: String,
    choices: DigestChoices,
    format: Result<DigestFormat, InvalidField>,
    filter: Result<DigestFilter, Vec<InvalidField>>,
}

impl Asked {
    fn of(query: &FormPairs) -> Self {
        let choices = DigestChoices {
            q: query.get("q").to_owned(),
            from: query.get("from").to_owned(),
            to: query.get("to").to_owned(),
            question: query.get("question").to_owned(),
            organisation_type: query.get("organisation_type").to_owned(),
            country: query.get("country").to_owned(),
            include_unpublished: query.get("include_unpublished") == "on",
            theme: query.get("theme").to_owned(),
            relevance: query.get("relevance").to_owned(),
        };
        Self {
            format_typed: query.get("format").to_owned(),
            format: DigestFormat::parse("format", query.get("format")),
            filter: DigestFilter::parse(&choices),
            choices,
        }
    }

    /// The file asked for, when the query asks for one without mistakes.
    fn file(&self) -> Option<(DigestFormat, DigestFilter)> {
        match (&self.format, &self.filter) {
            (Ok(format), Ok(filter)) if !self.format_typed.is_empty() => {
                Some((*format, filter.clone()))
            }
            _ => None,
        }
    }

    fn mistakes(&self) -> Vec<InvalidField> {
        let mut mistakes = self.filter.clone().err().unwrap_or_default();
        mistakes.extend(self.format.clone().err());
        mistakes
    }
}

/// Without `format` in the query: the page with the choices. With it: the file.
async fn export(
    state: web::Data<AppState>,
    exporter: SignedIn<ToExport>,
    consultation: String,
    roundtable: Option<String>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let asked = Asked::of(&FormPairs::parse(request.query_string().as_bytes()));
    match asked.file() {
        Some((format, filter)) => {
            let who = exporter.user;
            download(state, who, consultation, roundtable, format, filter).await
        }
        None => choices_page(state, exporter, consultation, roundtable, asked).await,
    }
}

async fn choices_page(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToExport>,
    consultation: String,
    roundtable: Option<String>,
    asked: Asked,
) -> Result<HttpResponse, WebError> {
    // Who may export what is decided as for the file; a wrong filter is
    // checked with none.
    let filter = asked.filter.clone().unwrap_or_default();
    let (c, r, u) = (consultation.clone(), roundtable.clone(), user.clone());
    let offered = state
        .db(move |conn| {
            digest::export_choices(conn, Requester::Person(&u), &c, r.as_deref(), filter)
        })
        .await?;
    let mistakes = asked.mistakes();
    let lang = viewer.language;
    let mut view = export_view(lang, consultation, roundtable, &offered, &asked, &user);
    view.errors = crate::i18n::by_field(lang, &mistakes);
    let status = form_status(&mistakes);
    state.render_with_status(status, "pages/export.html", &view, &viewer)
}

fn export_view(
    lang: Language,
    consultation: String,
    roundtable: Option<String>,
    offered: &ExportChoices,
    asked: &Asked,
    user: &SignedInUser,
) -> ExportView {
    let choices = &asked.choices;
    let values = HashMap::from([
        ("format", asked.format_typed.clone()),
        ("q", choices.q.clone()),
        ("from", choices.from.clone()),
        ("to", choices.to.clone()),
        ("question", choices.question.clone()),
        ("organisation_type", choices.organisation_type.clone()),
        ("country", choices.country.clone()),
        ("theme", choices.theme.clone()),
        ("relevance", choices.relevance.clone()),
        (
            "include_unpublished",
            if choices.include_unpublished {
                "on".into()
            } else {
                String::new()
            },
        ),
    ]);
    ExportView {
        title: text(
            lang,
            "moderation-export-title",
            &[("consultation", offered.consultation_title.as_str().into())],
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
        questions: offered
            .questions
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
        errors: HashMap::new(),
    }
}

/// The file, streamed as it is written, once the request holds one of the
/// instance's export places; the place is given back when the file ends.
async fn download(
    state: web::Data<AppState>,
    who: SignedInUser,
    consultation: String,
    roundtable: Option<String>,
    format: DigestFormat,
    filter: DigestFilter,
) -> Result<HttpResponse, WebError> {
    let sealing = crate::export::digest::Sealing {
        verify_url: state
            .base_url
            .join("verify")
            .map_or_else(|_| "/verify".into(), String::from),
        generated_by: Some(who.id.to_string()),
        now: chrono::Utc::now(),
    };
    // Who may export what is decided before anything is sent.
    let plan = state
        .db(move |conn| {
            let who = Requester::Person(&who);
            digest::plan(conn, who, &consultation, roundtable.as_deref(), filter)
        })
        .await?;
    let place = export_place(&state.exports, state.database_deadline).await?;
    let file_name = format!("{}.{}", plan.file_stem, format.extension());
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .streaming(stream_digest(
            state.into_inner(),
            plan,
            format,
            place,
            sealing,
        )))
}

/// One of the places for exports running at once: waits up to `wait` for
/// one to come free, then answers 503 (with Retry-After).
async fn export_place(
    exports: &Arc<Semaphore>,
    wait: Duration,
) -> Result<OwnedSemaphorePermit, WebError> {
    match tokio::time::timeout(wait, exports.clone().acquire_owned()).await {
        Ok(Ok(place)) => Ok(place),
        _ => Err(WebError::Busy),
    }
}

/// Writes the digest on the blocking pool, holding `place` until it ends.
fn stream_digest(
    app: Arc<AppState>,
    plan: DigestPlan,
    format: DigestFormat,
    place: OwnedSemaphorePermit,
    sealing: crate::export::digest::Sealing,
) -> ReceiverStream<io::Result<Bytes>> {
    let (sender, receiver) = tokio::sync::mpsc::channel::<io::Result<Bytes>>(8);
    tokio::task::spawn_blocking(move || {
        let _place = place;
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
                write_digest(
                    &mut conn,
                    &plan,
                    format,
                    &app.templates,
                    out,
                    &mut || {},
                    &sealing,
                )
            });
        if let Err(error) = written {
            // The status is sent already: cut the body short so that the
            // download shows as failed rather than complete.
            tracing::error!(%error, "digest export failed");
            let _ = sender.blocking_send(Err(io::Error::other("export failed")));
        }
    });
    ReceiverStream::new(receiver)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[actix_web::test]
    async fn an_export_waits_for_a_place_then_is_told_to_come_back() {
        let exports = Arc::new(Semaphore::new(1));
        let wait = Duration::from_millis(20);
        let first = export_place(&exports, wait).await.expect("a free place");
        let refused = export_place(&exports, wait).await.unwrap_err();
        assert!(matches!(refused, WebError::Busy), "{refused:?}");
        drop(first);
        assert!(export_place(&exports, wait).await.is_ok());
    }
}
