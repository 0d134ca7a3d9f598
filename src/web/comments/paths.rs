//! Where a comment form sends its author once it is done.

use actix_web::http::header;
use actix_web::HttpResponse;

pub fn see_other(to: String) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to))
        .finish()
}

pub fn roundtable_path(consultation: &str, roundtable: &str) -> String {
    format!("/c/{consultation}/{roundtable}")
}
