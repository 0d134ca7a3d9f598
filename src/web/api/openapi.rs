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
        (name = "outcomes", description = "Published outcome versions with their fingerprints, and checking a fingerprint or a digest file"),
        (name = "following", description = "The caller's follow of a roundtable: emails when its deadline changes, its outcome is published, and (if asked) a daily digest"),
        (name = "search", description = "Comments, consultations, roundtables and guiding questions by their words"),
        (name = "report", description = "From comments to the report: coverage, relevance, themes, outcome versions (chairs and staff unless said otherwise)"),
    ),
    paths(
        super::reads::list_consultations,
        super::reads::get_consultation,
        super::reads::get_roundtable,
        super::reads::list_comments,
        super::writes::post_comment,
        super::writes::decide,
        super::search::search,
        super::coverage::get_coverage,
        super::versions::list_versions,
        super::versions::get_version,
        super::versions::verify_fingerprint,
        super::versions::verify_file,
        super::following::get_follow,
        super::following::put_follow,
        super::following::delete_follow,
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
        super::following::FollowDto,
        super::following::FollowRequestDto,
        super::search::SearchResultsDto,
        super::search::FoundCommentDto,
        super::search::FoundPlaceDto,
        super::search::FoundRoundtableDto,
        super::search::FoundAuthorDto,
        super::search::SlugTitleDto,
        super::coverage::CoverageDto,
        super::coverage::QuestionCoverageDto,
        super::coverage::HeardDto,
        super::coverage::GroupCountDto,
        super::versions::VersionListDto,
        super::versions::VersionSummaryDto,
        super::versions::VersionDto,
        super::versions::VerifiedDto,
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
