//! The one way a handler sends the browser on after a form: 303 See Other.

use actix_web::http::header;
use actix_web::HttpResponse;

pub fn see_other(to: impl Into<String>) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to.into()))
        .finish()
}
