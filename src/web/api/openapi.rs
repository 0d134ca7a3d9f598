use super::dto::*;
use crate::web::error::{InvalidParam, Problem};
use actix_web::HttpResponse;
use utoipa::OpenApi;

/// Generated from the handlers' annotations and the response types, so it
/// cannot drift from what the API does.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Roundtable API",
        version = "1",
        description = "Public consultations, roundtables and their published comments; posting comments and moderating them with a session (plus X-CSRF-Token) or a personal API token (Authorization: Bearer). Every refusal is an RFC 9457 problem body (`application/problem+json`). A method a path does not take is answered 405 with an `Allow` header."
    ),
    tags(
        (name = "consultations", description = "Public consultations and their roundtables"),
        (name = "comments", description = "Published comments, and posting one"),
        (name = "moderation", description = "Chairs' decisions on comments"),
        (name = "report", description = "Chairs' and staff's marks for the meeting report: relevance and themes"),
        (name = "search", description = "Comments, consultations, roundtables and guiding questions by their words"),
    ),
    paths(
        super::reads::list_consultations,
        super::reads::get_consultation,
        super::reads::get_roundtable,
        super::reads::list_comments,
        super::writes::post_comment,
        super::writes::decide,
        super::search::search,
        super::marks::list_themes,
        super::marks::get_marks,
        super::marks::put_relevance,
        super::marks::add_theme,
        super::marks::remove_theme
    ),
    components(schemas(
        ConsultationListDto,
        ConsultationSummaryDto,
        ConsultationDto,
        OrganisationDto,
        RoundtableSummaryDto,
        RoundtableDto,
        GuidingQuestionDto,
        ProgrammeItemDto,
        PersonDto,
        ResourceDto,
        CommentThreadsDto,
        CommentNodeDto,
        LinksDto,
        super::writes::NewCommentDto,
        super::writes::PostedCommentDto,
        super::writes::DecisionDto,
        super::writes::DecidedDto,
        super::search::SearchResultsDto,
        super::search::FoundCommentDto,
        super::search::FoundPlaceDto,
        super::search::FoundRoundtableDto,
        super::search::FoundAuthorDto,
        super::search::SlugTitleDto,
        super::marks::ThemeDto,
        super::marks::ThemeCountDto,
        super::marks::ThemeListDto,
        super::marks::CommentMarksDto,
        super::marks::RelevanceDto,
        super::marks::NewThemeDto,
        Problem,
        InvalidParam
    ))
)]
pub struct ApiDoc;

pub async fn serve() -> HttpResponse {
    crate::web::page_cache::policy::public(&mut HttpResponse::Ok()).json(ApiDoc::openapi())
}
