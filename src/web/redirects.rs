//! The one way a handler sends the browser on after a form (303 See Other),
//! and the one way an old address sends it to the new one (301).

use actix_web::http::header;
use actix_web::HttpResponse;

pub fn see_other(to: impl Into<String>) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to.into()))
        .finish()
}

/// An old slug answers with a permanent redirect to the new address.
pub fn moved_permanently(to: impl Into<String>) -> HttpResponse {
    HttpResponse::MovedPermanently()
        .insert_header((header::LOCATION, to.into()))
        .finish()
}
