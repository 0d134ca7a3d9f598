//! Following a roundtable (the form on its page and the stop buttons on
//! the account page), and the chairs' decision on a late comment. Each
//! answers with a page that says what changed, in words.

use crate::domain::return_path::ReturnPath;
use crate::services::following::{self, FollowChoice};
use crate::services::late_comments;
use crate::web::error::WebError;
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToFollow, ToModerate};
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Serialize;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/c/{consultation}/{roundtable}/follow",
        web::post().to(follow),
    )
    .route(
        "/moderation/{reference}/late",
        web::post().to(late_decision),
    );
}

/// The confirmation page: what changed, and the way back.
#[derive(Serialize)]
struct Done {
    title: String,
    detail: String,
    next: Option<String>,
}

fn done(lang: crate::i18n::Language, key: &str, args: &[(&str, crate::i18n::Arg)]) -> Done {
    Done {
        title: crate::i18n::text(lang, &format!("{key}-title"), args),
        detail: crate::i18n::text(lang, &format!("{key}-detail"), args),
        next: None,
    }
}

/// `action` "follow" (with `daily_digest` "yes" for the digest) or "stop".
async fn follow(
    state: web::Data<AppState>,
    signed_in: SignedIn<ToFollow>,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let choice = match form.get("action") {
        "stop" => FollowChoice::Stop,
        _ => FollowChoice::Follow {
            daily_digest: form.get("daily_digest") == "yes",
        },
    };
    let (consultation, roundtable) = path.into_inner();
    let back = ReturnPath::parse(form.get("back"))
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| crate::web::paths::roundtable_path(&consultation, &roundtable));
    let user = signed_in.user.clone();
    state
        .db(move |conn| {
            following::choose(
                conn,
                &user,
                (&consultation, &roundtable),
                choice,
                Utc::now(),
            )
        })
        .await?;
    let view = Done {
        next: Some(back),
        ..done(signed_in.viewer.language, done_key(choice), &[])
    };
    state.render("pages/account/message.html", &view, &signed_in.viewer)
}

fn done_key(choice: FollowChoice) -> &'static str {
    match choice {
        FollowChoice::Follow { daily_digest: true } => "follow-done-digest",
        FollowChoice::Follow { .. } => "follow-done-following",
        FollowChoice::Stop => "follow-done-stopped",
    }
}

/// `include` "yes" or "no": the late comment enters the report or not.
async fn late_decision(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    reference: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let include = form.get("include") == "yes";
    let back = ReturnPath::parse(form.get("back")).map(|p| p.as_str().to_owned());
    let (who, reference) = (moderating.actor(), reference.into_inner());
    let shown = reference.clone();
    state
        .db(move |conn| late_comments::decide(conn, who, &reference, include, Utc::now()))
        .await?;
    let lang = moderating.viewer.language;
    let key = if include {
        "late-done-included"
    } else {
        "late-done-left-out"
    };
    let view = Done {
        next: back.or(Some(format!("/moderation/{shown}"))),
        ..done(lang, key, &[("reference", shown.clone().into())])
    };
    state.render("pages/account/message.html", &view, &moderating.viewer)
}
