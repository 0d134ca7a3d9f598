//! A roundtable's themes page for its chairs and staff: every theme with
//! how many comments carry it, renaming, and merging one into another
//! (after a page that asks to confirm).

use super::view::confirmation;
use crate::db::queries::report_marks::Theme;
use crate::domain::user::Actor;
use crate::domain::InvalidField;
use crate::i18n::{say, text};
use crate::services::report_marks::{self, RoundtableThemes};
use crate::web::error::{field_mistakes, form_status, WebError};
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToModerate};
use crate::web::redirects::see_other;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Serialize;

#[derive(Serialize)]
struct ThemeRow {
    id: String,
    label: String,
    comments: i64,
    /// What the chair typed in its rename field, and the mistake.
    typed: String,
    error: Option<String>,
}

#[derive(Serialize)]
struct ThemesPage {
    title: String,
    consultation: String,
    roundtable: String,
    roundtable_link: String,
    themes: Vec<ThemeRow>,
    confirmation: Option<String>,
    /// A merge waiting for its confirmation: from, into, how many comments.
    merge: Option<(String, String, String, String, i64)>,
}

/// The page, with a rename's mistake on its theme's row when one came back.
fn themes_view(
    listed: &RoundtableThemes,
    viewer: &Viewer,
    (theme, typed, errors): (&str, &str, Vec<InvalidField>),
) -> ThemesPage {
    let (detail, lang) = (&listed.detail, viewer.language);
    let error = errors.first().map(|e| say(lang, &e.message));
    let (c, r) = (
        detail.consultation.slug.to_string(),
        detail.roundtable.slug.to_string(),
    );
    ThemesPage {
        title: text(
            lang,
            "marks-themes-title",
            &[("roundtable", detail.roundtable.full_title().into())],
        ),
        roundtable_link: format!("/c/{c}/{r}"),
        consultation: c,
        roundtable: r,
        themes: listed
            .themes
            .iter()
            .map(|t| ThemeRow {
                id: t.theme.id.clone(),
                comments: t.comments,
                typed: if t.theme.id == theme && !typed.is_empty() {
                    typed
                } else {
                    &t.theme.label
                }
                .to_owned(),
                error: error.clone().filter(|_| t.theme.id == theme),
                label: t.theme.label.clone(),
            })
            .collect(),
        confirmation: None,
        merge: None,
    }
}

pub(super) async fn themes_page(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    path: web::Path<(String, String)>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let (who, viewer) = (moderating.actor(), moderating.viewer);
    let (c, r) = path.into_inner();
    let listed = state
        .db(move |conn| report_marks::roundtable_themes(conn, who, &c, &r))
        .await?;
    let mut view = themes_view(&listed, &viewer, ("", "", Vec::new()));
    view.confirmation = confirmation(request.query_string(), viewer.language);
    state.render("pages/moderation/themes.html", &view, &viewer)
}

/// The themes page again, with a mistake (422).
async fn again(
    state: &web::Data<AppState>,
    (viewer, who): (&Viewer, Actor),
    (c, r): (String, String),
    (theme, typed, errors): (String, String, Vec<InvalidField>),
) -> Result<HttpResponse, WebError> {
    let listed = state
        .db(move |conn| report_marks::roundtable_themes(conn, who, &c, &r))
        .await?;
    let view = themes_view(&listed, viewer, (&theme, &typed, errors));
    let status = form_status(
        &view
            .themes
            .iter()
            .filter_map(|t| t.error.as_ref())
            .collect::<Vec<_>>(),
    );
    state.render_with_status(status, "pages/moderation/themes.html", &view, viewer)
}

/// The themes page with the confirmation of a rename or a merge.
fn done((c, r): (&str, &str), what: &str, from: &Theme, to: &Theme) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("marked", what),
            ("label", &from.label),
            ("into", &to.label),
        ])
        .finish();
    format!("/c/{c}/{r}/themes?{query}")
}

pub(super) async fn rename(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let (who, viewer, form) = (
        moderating.actor(),
        moderating.viewer,
        FormPairs::parse(&body),
    );
    let (c, r) = path.into_inner();
    let (theme, label) = (form.get("theme").to_owned(), form.get("label").to_owned());
    let (c2, r2, t2, l2) = (c.clone(), r.clone(), theme.clone(), label.clone());
    let renamed = state
        .db(move |conn| report_marks::rename_theme(conn, who, (&c2, &r2), &t2, &l2, Utc::now()));
    match field_mistakes(renamed.await)? {
        Ok((before, after)) => Ok(see_other(done((&c, &r), "renamed", &before, &after))),
        Err(errors) => again(&state, (&viewer, who), (c, r), (theme, label, errors)).await,
    }
}

/// Without `confirm=yes`, a page that asks; with it, the merge.
pub(super) async fn merge(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let (who, viewer, form) = (
        moderating.actor(),
        moderating.viewer,
        FormPairs::parse(&body),
    );
    let (c, r) = path.into_inner();
    let (from, into) = (form.get("theme").to_owned(), form.get("into").to_owned());
    if form.get("confirm") != "yes" {
        return ask(&state, (&viewer, who), (c, r), (from, into)).await;
    }
    let (c2, r2, f2, i2) = (c.clone(), r.clone(), from.clone(), into.clone());
    let merged = state
        .db(move |conn| report_marks::merge_themes(conn, who, (&c2, &r2), &f2, &i2, Utc::now()));
    match field_mistakes(merged.await)? {
        Ok((from, into, _)) => Ok(see_other(done((&c, &r), "merged", &from, &into))),
        Err(errors) => {
            again(
                &state,
                (&viewer, who),
                (c, r),
                (from, String::new(), errors),
            )
            .await
        }
    }
}

/// The page that asks to confirm a merge; an unknown theme is 404, a merge
/// into itself or into nothing the mistake on the themes page.
async fn ask(
    state: &web::Data<AppState>,
    (viewer, who): (&Viewer, Actor),
    (c, r): (String, String),
    (from, into): (String, String),
) -> Result<HttpResponse, WebError> {
    let listed = state
        .db(move |conn| report_marks::roundtable_themes(conn, who, &c, &r))
        .await?;
    let find = |id: &str| listed.themes.iter().find(|t| t.theme.id == id.trim());
    let source = find(&from).ok_or(WebError::NotFound("missing-theme"))?;
    let mut view = themes_view(&listed, viewer, ("", "", Vec::new()));
    match find(&into).filter(|t| t.theme.id != source.theme.id) {
        Some(target) => {
            view.merge = Some((
                source.theme.id.clone(),
                source.theme.label.clone(),
                target.theme.id.clone(),
                target.theme.label.clone(),
                source.comments,
            ));
            state.render("pages/moderation/theme_merge.html", &view, viewer)
        }
        None => {
            let mistake = InvalidField::new("into", "invalid-theme-merge-choose");
            let view = themes_view(
                &listed,
                viewer,
                (&source.theme.id, &source.theme.label, vec![mistake]),
            );
            state.render_with_status(
                actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
                "pages/moderation/themes.html",
                &view,
                viewer,
            )
        }
    }
}
