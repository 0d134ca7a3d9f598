//! The language switcher: remembers the choice in a cookie (and in the
//! profile of a signed-in person) and goes back to the page.

use super::cookies::LANGUAGE_COOKIE;
use super::session::Viewer;
use crate::i18n::Language;
use crate::services::accounts;
use crate::web::error::WebError;
use crate::web::state::AppState;
use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/language/{code}", web::get().to(switch));
}

/// Only a path on this site, never another site's address: browsers drop
/// tabs and newlines and read a backslash as a slash, so none may appear.
fn local_path(back: &str) -> &str {
    let plain = !back
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if plain && back.starts_with('/') && !back.starts_with("//") {
        back
    } else {
        "/"
    }
}

async fn switch(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let language =
        Language::from_code(&path.into_inner()).ok_or(WebError::NotFound("missing-language"))?;
    if let Some(user) = viewer.user.clone() {
        state
            .db(move |conn| accounts::set_language(conn, &user, language))
            .await?;
    }
    let query = super::form_pairs::FormPairs::parse(request.query_string().as_bytes());
    let back = local_path(query.get("back")).to_owned();
    let cookie = Cookie::build(LANGUAGE_COOKIE, language.code())
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .secure(viewer.secure_cookies)
        .http_only(true)
        .finish();
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, back))
        .cookie(cookie)
        .finish())
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn the_way_back_stays_on_this_site() {
        assert_eq!(local_path("/c/forum?x=1"), "/c/forum?x=1");
        for away in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/ /evil.example",
            "",
        ] {
            assert_eq!(local_path(away), "/");
        }
    }
}
