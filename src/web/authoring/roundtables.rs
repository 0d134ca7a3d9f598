//! Roundtables: the form that creates or edits one with its guiding
//! questions, the order of roundtables, and their chairs.

use super::ask_first_view;
use super::clearinghouse::RemoveView;
use super::done::notice;
use super::form::{choices, see_other, shown_again, translated, Choice, Typed};
use crate::domain::authoring::{
    question_field, QuestionAction, RoundtableInput, LANGUAGES, MAX_QUESTIONS,
};
use crate::domain::roundtable::ModerationMode;
use crate::domain::user::SignedInUser;
use crate::services::authoring::{
    self, FormAnswer, QuestionChange, RoundtableAnswer, RoundtableEditor, RoundtableForm,
};
use crate::text::{render_document, SafeHtml};
use crate::web::error::WebError;
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToAuthor};
use crate::web::state::AppState;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Serialize;

const FIELDS: &[&str] = &[
    "code",
    "title",
    "slug",
    "parent",
    "summary",
    "background",
    "objectives",
    "moderation_mode",
    "comments_open_at",
    "comments_close_at",
    "deadline_reason",
    "grace_hours",
    "starts_at",
    "ends_at",
    "venue",
    "content_language",
    "new_questions",
];

#[derive(Serialize)]
struct QuestionRow {
    field: &'static str,
    id: String,
    number: usize,
    /// Where it goes, as typed (its number until then).
    position: String,
    text: String,
    retired: bool,
    uses: i64,
    action: &'static str,
}

#[derive(Serialize)]
struct PersonLine {
    id: String,
    name: String,
    organisation: String,
    email: Option<String>,
}

#[derive(Serialize)]
struct RoundtableFormView {
    title: String,
    consultation: String,
    consultation_title: String,
    zone: String,
    action: String,
    existing: Option<String>,
    #[serde(flatten)]
    typed: Typed,
    parents: Vec<Choice>,
    modes: Vec<Choice>,
    languages: Vec<Choice>,
    questions: Vec<QuestionRow>,
    chairs: Vec<PersonLine>,
    search: String,
    found: Vec<PersonLine>,
    preview: Option<(SafeHtml, SafeHtml)>,
    problem: Option<String>,
    /// What the last change did, in words.
    notice: Option<String>,
}

fn typed_of(input: &RoundtableInput) -> Typed {
    let mut typed = Typed::default();
    for (name, value) in [
        ("code", &input.code),
        ("title", &input.title),
        ("slug", &input.slug),
        ("parent", &input.parent),
        ("summary", &input.summary),
        ("background", &input.background),
        ("objectives", &input.objectives),
        ("moderation_mode", &input.moderation_mode),
        ("comments_open_at", &input.comments_open_at),
        ("comments_close_at", &input.comments_close_at),
        ("deadline_reason", &input.deadline_reason),
        ("grace_hours", &input.grace_hours),
        ("starts_at", &input.starts_at),
        ("ends_at", &input.ends_at),
        ("venue", &input.venue),
        ("content_language", &input.content_language),
    ] {
        typed.values.insert(name.into(), value.clone());
    }
    typed
}

impl RoundtableFormView {
    fn new(editor: &RoundtableEditor, typed: Typed, lang: crate::i18n::Language) -> Self {
        let c = &editor.consultation;
        let base = format!("/admin/consultations/{}/roundtables", c.slug);
        Self {
            title: match &editor.roundtable {
                Some(r) => crate::i18n::text(
                    lang,
                    "admin-edit-title",
                    &[("title", r.full_title().into())],
                ),
                None => crate::i18n::text(lang, "admin-new-roundtable-title", &[]),
            },
            consultation: c.slug.to_string(),
            consultation_title: c.title.clone(),
            zone: c.time_zone.name().into(),
            action: match &editor.roundtable {
                Some(r) => format!("{base}/{}", r.slug),
                None => format!("{base}/new"),
            },
            existing: editor.roundtable.as_ref().map(|r| r.slug.to_string()),
            typed,
            parents: editor
                .parents
                .iter()
                .map(|r| Choice {
                    value: r.slug.to_string(),
                    label: r.full_title(),
                })
                .collect(),
            modes: translated(
                lang,
                "moderation",
                ModerationMode::ALL.iter().map(|m| m.code()),
            ),
            languages: choices(LANGUAGES),
            questions: editor
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| QuestionRow {
                    field: question_field(i + 1),
                    id: q.question.id.to_string(),
                    number: i + 1,
                    position: (i + 1).to_string(),
                    text: q.question.text.clone(),
                    retired: q.question.retired,
                    uses: q.uses,
                    action: "keep",
                })
                .collect(),
            chairs: editor
                .chairs
                .iter()
                .map(|chair| PersonLine {
                    id: chair.user_id.to_string(),
                    name: chair.affiliation.display_name.clone(),
                    organisation: chair.affiliation.organisation.clone(),
                    email: None,
                })
                .collect(),
            search: String::new(),
            found: vec![],
            preview: None,
            problem: None,
            notice: None,
        }
    }

    /// The question rows as the form sent them.
    fn with_typed_questions(mut self, form: &FormPairs) -> Self {
        for (i, row) in self.questions.iter_mut().enumerate() {
            let field = question_field(i + 1);
            row.text = form.get(field).to_owned();
            row.position = form.get(&format!("{field}_position")).to_owned();
            row.action = match form.get(&format!("{field}_action")) {
                "retire" => "retire",
                "remove" => "remove",
                _ => "keep",
            };
        }
        self
    }
}

fn input_of(form: &FormPairs) -> RoundtableInput {
    let get = |name: &str| form.get(name).to_owned();
    RoundtableInput {
        code: get("code"),
        title: get("title"),
        slug: get("slug"),
        parent: get("parent"),
        summary: get("summary"),
        background: get("background"),
        objectives: get("objectives"),
        moderation_mode: get("moderation_mode"),
        comments_open_at: get("comments_open_at"),
        comments_close_at: get("comments_close_at"),
        deadline_reason: get("deadline_reason"),
        grace_hours: get("grace_hours"),
        starts_at: get("starts_at"),
        ends_at: get("ends_at"),
        venue: get("venue"),
        content_language: get("content_language"),
    }
}

/// The question rows the form sent, in the form's order.
fn question_changes(form: &FormPairs, rows: usize) -> Vec<QuestionChange> {
    (1..=rows)
        .map(|n| {
            let field = question_field(n);
            QuestionChange {
                id: form.get(&format!("{field}_id")).to_owned(),
                text: form.get(field).to_owned(),
                position: form.get(&format!("{field}_position")).trim().parse().ok(),
                action: QuestionAction::parse(form.get(&format!("{field}_action"))),
            }
        })
        .filter(|c| !c.id.is_empty())
        .collect()
}

/// The roundtable form as sent, with every question row it may hold,
/// however many the roundtable has now.
fn form_of(form: &FormPairs) -> RoundtableForm {
    RoundtableForm {
        input: input_of(form),
        changes: question_changes(form, MAX_QUESTIONS),
        added: form.get("new_questions").to_owned(),
    }
}

async fn editor(
    state: &web::Data<AppState>,
    user: SignedInUser,
    consultation: String,
    roundtable: Option<String>,
) -> Result<RoundtableEditor, WebError> {
    state
        .db(move |conn| {
            authoring::roundtable_editor(conn, &user, &consultation, roundtable.as_deref())
        })
        .await
}

pub(super) async fn new_form(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToAuthor>,
    path: web::Path<String>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let editor = editor(&state, user, path.into_inner(), None).await?;
    let query = FormPairs::parse(request.query_string().as_bytes());
    let mut input = editor.input.clone();
    input.parent = query.get("parent").to_owned();
    let view = RoundtableFormView::new(&editor, typed_of(&input), viewer.language);
    state.render("pages/admin/roundtable_form.html", &view, &viewer)
}

pub(super) async fn edit_form(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToAuthor>,
    path: web::Path<(String, String)>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    let editor = editor(&state, user.clone(), consultation, Some(roundtable)).await?;
    let mut view = RoundtableFormView::new(&editor, typed_of(&editor.input), viewer.language);
    let query = FormPairs::parse(request.query_string().as_bytes());
    let title = editor.roundtable.as_ref().map(|r| r.full_title());
    view.notice = notice(
        query.get("done"),
        &title.unwrap_or_default(),
        viewer.language,
    );
    let search = query.get("people").to_owned();
    if !search.is_empty() {
        let s = search.clone();
        let found = state
            .db(move |conn| authoring::search_people(conn, &user, &s))
            .await?;
        view.found = found
            .into_iter()
            .map(|a| PersonLine {
                id: a.id,
                name: a.display_name,
                organisation: a.organisation,
                email: Some(a.email),
            })
            .collect();
        view.search = search;
    }
    state.render("pages/admin/roundtable_form.html", &view, &viewer)
}

pub(super) async fn create(
    state: web::Data<AppState>,
    author: SignedIn<ToAuthor>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    save(state, author, path.into_inner(), None, body).await
}

pub(super) async fn update(
    state: web::Data<AppState>,
    author: SignedIn<ToAuthor>,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    save(state, author, consultation, Some(roundtable), body).await
}

/// The background and objectives as the page will show them.
fn previews(input: &RoundtableInput) -> (SafeHtml, SafeHtml) {
    (
        render_document(&input.background),
        render_document(&input.objectives),
    )
}

/// Where the roundtable form is sent: the roundtable's page, or "new".
fn action_of(consultation: &str, roundtable: Option<&str>) -> String {
    let roundtable = roundtable.unwrap_or("new");
    format!("/admin/consultations/{consultation}/roundtables/{roundtable}")
}

/// Saves the form, or shows it again: previewed, with its mistakes, or
/// with why it cannot be saved (409).
async fn save(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToAuthor>,
    consultation: String,
    roundtable: Option<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let sent = form_of(&form);
    // "back" comes from the page that asks first: the form again, as typed.
    let (intent, confirmed) = (form.get("intent"), form.get("confirmed") == "yes");
    let shown = (intent == "preview").then(|| previews(&sent.input));
    let preview = intent == "preview" || intent == "back";
    let (c, now, r) = (consultation.clone(), Utc::now(), roundtable.clone());
    let answer = state
        .db(move |conn| {
            let (place, typed) = ((c.as_str(), r.as_deref()), (&sent, confirmed));
            authoring::roundtable_form(conn, &user, place, typed, preview, now)
        })
        .await?;
    let again = match answer {
        RoundtableAnswer::AskFirst(asked) => {
            let action = action_of(&consultation, roundtable.as_deref());
            return ask_first_view::render(&state, &viewer, (&asked, &form), action);
        }
        RoundtableAnswer::Form(answer) => match *answer {
            FormAnswer::Saved(slug) => {
                let page = action_of(&consultation, Some(slug.as_str()));
                return Ok(see_other(format!("{page}?done=saved")));
            }
            FormAnswer::Again(again) => again,
        },
    };
    let (lang, typed) = (viewer.language, Typed::from_form(&form, FIELDS));
    let mut view = RoundtableFormView::new(&again.editor, typed, lang).with_typed_questions(&form);
    view.preview = shown;
    let status;
    (status, view.problem) = shown_again(&again, &mut view.typed, lang);
    state.render_with_status(status, "pages/admin/roundtable_form.html", &view, &viewer)
}

pub(super) async fn move_roundtable(
    state: web::Data<AppState>,
    SignedIn { user: actor, .. }: SignedIn<ToAuthor>,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let (consultation, roundtable) = path.into_inner();
    let up = form.get("direction") == "up";
    let c = consultation.clone();
    state
        .db(move |conn| authoring::move_roundtable(conn, &actor, &c, &roundtable, up, Utc::now()))
        .await?;
    Ok(see_other(format!(
        "/admin/consultations/{consultation}?done=moved#roundtables"
    )))
}

pub(super) async fn chairs(
    state: web::Data<AppState>,
    SignedIn { user: actor, .. }: SignedIn<ToAuthor>,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let (consultation, roundtable) = path.into_inner();
    let add = form.get("action") != "remove";
    let user = form.get("user").to_owned();
    let (c, r) = (consultation.clone(), roundtable.clone());
    state
        .db(move |conn| authoring::set_chair(conn, &actor, &c, &r, &user, add, Utc::now()))
        .await?;
    let done = if add { "chair-added" } else { "chair-removed" };
    Ok(see_other(format!(
        "/admin/consultations/{consultation}/roundtables/{roundtable}?done={done}#chairs"
    )))
}

/// "Remove this chair?", on a page of its own that names them.
pub(super) async fn confirm_remove_chair(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToAuthor>,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable, chair) = path.into_inner();
    let editor = editor(&state, user, consultation.clone(), Some(roundtable.clone())).await?;
    let found = editor
        .chairs
        .iter()
        .find(|c| c.user_id.to_string() == chair);
    let person = found.ok_or(WebError::NotFound("missing-account"))?;
    let title = editor.roundtable.as_ref().map(|r| r.full_title());
    let lang = viewer.language;
    let page = format!("/admin/consultations/{consultation}/roundtables/{roundtable}");
    let view = RemoveView {
        title: crate::i18n::text(
            lang,
            "admin-remove-chair-title",
            &[("roundtable", title.unwrap_or_default().into())],
        ),
        entry: person
            .affiliation
            .identity_with(|c| crate::i18n::labels::country(c, lang)),
        consequence: crate::i18n::text(lang, "admin-remove-chair-consequence", &[]),
        action: format!("{page}/chairs"),
        fields: vec![("user", chair), ("action", "remove".to_owned())],
        back: format!("{page}#chairs"),
    };
    state.render("pages/admin/confirm_remove.html", &view, &viewer)
}
