//! Pages in the site's layout: who is signed in, the anti-forgery token for
//! forms, the language switcher, a visitor's first anti-forgery cookie (on
//! a page with a form), and who may keep the page.

use super::cookies::csrf_cookie;
use super::error::WebError;
use super::page_cache::policy;
use super::session::Viewer;
use super::state::AppState;
use crate::domain::user::Role;
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde::Serialize;

/// What the layout needs on every page.
#[derive(Serialize)]
pub struct Layout {
    pub viewer: Option<LayoutUser>,
    pub csrf_token: String,
    /// The language switcher's choices.
    pub languages: Vec<LayoutLanguage>,
    /// This page, query-encoded, for the switcher to come back to.
    pub back: String,
    /// This page's path and query as they are, for a form's `next` field.
    pub here: String,
}

#[derive(Serialize)]
pub struct LayoutLanguage {
    pub code: &'static str,
    pub name: &'static str,
    pub current: bool,
}

#[derive(Serialize)]
pub struct LayoutUser {
    pub name: String,
    pub verified: bool,
    pub is_staff: bool,
    pub is_admin: bool,
    pub moderates: bool,
}

impl AppState {
    /// Renders a page for `viewer`: the layout shows who is signed in, forms
    /// get the anti-forgery token, and a visitor's first page sets its cookie.
    pub fn render(
        &self,
        template: &str,
        view: &impl Serialize,
        viewer: &Viewer,
    ) -> Result<HttpResponse, WebError> {
        self.render_with_status(StatusCode::OK, template, view, viewer)
    }

    pub fn render_with_status(
        &self,
        status: StatusCode,
        template: &str,
        view: &impl Serialize,
        viewer: &Viewer,
    ) -> Result<HttpResponse, WebError> {
        let layout = Layout {
            viewer: viewer.user.as_ref().map(|u| LayoutUser {
                name: u.affiliation.display_name.clone(),
                verified: u.verified,
                is_staff: u.role.is_staff(),
                is_admin: u.role == Role::Admin,
                moderates: u.is_chair || u.role.is_staff(),
            }),
            csrf_token: viewer.csrf_token().to_owned(),
            languages: crate::i18n::Language::ALL
                .iter()
                .map(|l| LayoutLanguage {
                    code: l.code(),
                    name: l.name(),
                    current: *l == viewer.language,
                })
                .collect(),
            back: url::form_urlencoded::byte_serialize(viewer.path.as_bytes()).collect(),
            here: viewer.path.clone(),
        };
        let html = self
            .templates
            .render_page(template, view, &layout, viewer.language)?;
        let mut response = HttpResponse::build(status);
        response.content_type("text/html; charset=utf-8");
        // A visitor's page without a form to post is the same for every
        // visitor: anyone may keep it, and it sets no cookie. A form carries
        // this visitor's anti-forgery token (set as a cookie) or a secret of
        // the link that led here (an unsubscribe link's token).
        let posts = html.contains(r#"method="post""#);
        match (&viewer.user, posts) {
            (None, false) => policy::public(&mut response),
            _ => policy::private(&mut response),
        };
        let needs_token = html.contains(r#"name="csrf_token""#);
        if let Some(token) = viewer.new_csrf_cookie.as_ref().filter(|_| needs_token) {
            response.cookie(csrf_cookie(token, viewer.secure_cookies));
        }
        Ok(response.body(html))
    }
}
