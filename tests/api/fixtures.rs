//! Data beyond the demo, stored through the library's own storage layer.

use chrono::{Duration, Utc};
use roundtable::db::queries::{comments, consultations};
use roundtable::db::AnyConnection;
use roundtable::domain::affiliation::{Affiliation, Country, OrganisationType};
use roundtable::domain::comment::{CommentStatus, NewComment, ThreadPosition};
use roundtable::domain::consultation::*;
use roundtable::domain::ids::{CommentId, ConsultationId, RoundtableId};
use roundtable::domain::slug::Slug;
use roundtable::services::roundtables;
use roundtable::text::{render_comment, render_document};

pub fn roundtable_id(
    conn: &mut AnyConnection,
    consultation: &str,
    roundtable: &str,
) -> RoundtableId {
    roundtables::roundtable_detail(conn, consultation, roundtable)
        .expect("the roundtable exists")
        .roundtable
        .id
}

pub fn author(name: &str) -> Affiliation {
    Affiliation {
        display_name: name.into(),
        organisation: "Test Association".into(),
        organisation_type: Some(OrganisationType::MigrantAssociation),
        country: Some(Country::parse("country", "SN").unwrap()),
    }
}

/// Stores a comment now-ish (ids must sort after the demo's) and returns its
/// id and thread position, for replies.
pub fn add_comment(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    parent: Option<&(CommentId, ThreadPosition)>,
    status: CommentStatus,
    name: &str,
    body: &str,
) -> (CommentId, ThreadPosition) {
    let id = CommentId::generate();
    let position = match parent {
        Some((_, parent_position)) => ThreadPosition::reply(parent_position, id)
            .expect("fixture threads stay within the depth limit"),
        None => ThreadPosition::top_level(id),
    };
    comments::insert(
        conn,
        &NewComment {
            id,
            roundtable_id: roundtable,
            parent_id: parent.map(|(parent_id, _)| *parent_id),
            position: position.clone(),
            author_id: None,
            author: author(name),
            body_markdown: body.into(),
            body_html: render_comment(body),
            language: None,
            status,
            highlighted: false,
            created_at: Utc::now(),
            question_ids: vec![],
        },
    )
    .expect("the comment is stored");
    (id, position)
}

pub fn add_consultation(
    conn: &mut AnyConnection,
    slug: &str,
    title: &str,
    status: ConsultationStatus,
) {
    let now = Utc::now();
    let consultation = Consultation {
        id: ConsultationId::generate(),
        slug: Slug::parse("slug", slug).unwrap(),
        title: title.into(),
        summary: "A test consultation.".into(),
        description_html: render_document("Some *background*."),
        kind: ConsultationKind::Workshop,
        venue: Some("Tbilisi".into()),
        online: false,
        starts_at: Some(now + Duration::days(10)),
        ends_at: Some(now + Duration::days(11)),
        time_zone: "Asia/Tbilisi".parse().unwrap(),
        languages: vec!["en".into()],
        content_language: "en".into(),
        status,
    };
    consultations::insert(conn, &consultation, "Some *background*.", &[], now)
        .expect("the consultation is stored");
}
