//! Who calls a state-changing API route: a personal API token
//! (`Authorization: Bearer rt_…`), or the browser session with its
//! anti-forgery token in `X-CSRF-Token`. A read that shows more to some
//! callers (search) takes `MaybeCaller`: the same, or nobody.

use crate::domain::user::SignedInUser;
use crate::services::api_tokens;
use crate::web::error::WebError;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use chrono::Utc;
use std::future::Future;
use std::pin::Pin;

pub struct ApiCaller(pub SignedInUser);

impl FromRequest for ApiCaller {
    type Error = WebError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let state = request.app_data::<web::Data<AppState>>().cloned();
        let bearer = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim().to_owned());
        let csrf = request
            .headers()
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let viewer = Viewer::from_request(request, payload);
        let request = request.clone();
        Box::pin(async move {
            let state = state.ok_or_else(|| WebError::Internal("no application state".into()))?;
            if let Some(authorization) = bearer {
                return bearer_user(&state, &authorization, &request)
                    .await
                    .map(ApiCaller);
            }
            let viewer = viewer.await?;
            let Some(user) = viewer.user.clone() else {
                return Err(WebError::Unauthorized("unauthorized-api".into()));
            };
            viewer
                .check_csrf(&csrf)
                .map_err(|_| WebError::Forbidden("forbidden-api-csrf".into()))?;
            Ok(ApiCaller(user))
        })
    }
}

/// The user a bearer token belongs to; their profile's language answers.
async fn bearer_user(
    state: &AppState,
    authorization: &str,
    request: &HttpRequest,
) -> Result<SignedInUser, WebError> {
    let token = authorization
        .strip_prefix("Bearer ")
        .ok_or_else(|| WebError::Unauthorized("unauthorized-bearer-format".into()))?
        .trim()
        .to_owned();
    let user = state
        .db(move |conn| api_tokens::authenticate(conn, &token, Utc::now()))
        .await?;
    // The token's owner reads errors in the language of their profile.
    let chosen = user.as_ref().and_then(|u| u.language.as_deref());
    if let Some(language) = chosen.and_then(crate::i18n::Language::from_code) {
        request.extensions_mut().insert(language);
    }
    user.ok_or_else(|| WebError::Unauthorized("unauthorized-token-unknown".into()))
}

/// Who calls a read: a bearer token's owner, the signed-in person of the
/// session (a read changes nothing, so it needs no anti-forgery token), or
/// a visitor (None). A token that is not one is refused, never taken for
/// a visitor.
pub struct MaybeCaller(pub Option<SignedInUser>);

impl FromRequest for MaybeCaller {
    type Error = WebError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let state = request.app_data::<web::Data<AppState>>().cloned();
        let bearer = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim().to_owned());
        let viewer = Viewer::from_request(request, payload);
        let request = request.clone();
        Box::pin(async move {
            let state = state.ok_or_else(|| WebError::Internal("no application state".into()))?;
            if let Some(authorization) = bearer {
                let user = bearer_user(&state, &authorization, &request).await?;
                return Ok(Self(Some(user)));
            }
            Ok(Self(viewer.await?.user.clone()))
        })
    }
}
