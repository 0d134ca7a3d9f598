use crate::embedded::AssetFiles;
use crate::templates::asset_versions;
use crate::web::error::WebError;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use std::collections::HashMap;
use std::sync::LazyLock;

static VERSIONS: LazyLock<HashMap<String, String>> = LazyLock::new(asset_versions);

/// Serves the embedded stylesheet and images. A URL carrying the current
/// content hash is cached for a year; any other for five minutes.
pub async fn serve(
    request: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let name = path.into_inner();
    let Some(file) = AssetFiles::get(&name) else {
        return Err(WebError::NotFound("missing-file"));
    };
    let current = VERSIONS.get(&name).is_some_and(|version| {
        request
            .query_string()
            .split('&')
            .any(|pair| pair == format!("v={version}"))
    });
    let cache = if current {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    };
    Ok(HttpResponse::Ok()
        .content_type(file.metadata.mimetype())
        .insert_header((header::CACHE_CONTROL, cache))
        .body(file.data.into_owned()))
}
