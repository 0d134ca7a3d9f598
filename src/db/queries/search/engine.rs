//! Each backend's full-text query, built from a parsed `SearchQuery`:
//! SQLite's FTS5 (one column per stemming) and PostgreSQL's `tsvector`
//! (one GIN index; each language's comments matched with that language's
//! stems). Words are quoted here and nowhere else; what a person typed is
//! never passed through.

use super::meta::{meta_condition, CommentFilter, Meta, Visibility};
use crate::db::{AnyConnection, StorageError};
use crate::domain::search::{IndexLanguage, SearchQuery, Term};
use chrono::NaiveDateTime;
use diesel::backend::Backend;
use diesel::query_builder::{BoxedSqlQuery, SqlQuery};
use diesel::sql_types::{BigInt, Double, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};

#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = Text)]
    comment_id: String,
    #[diesel(sql_type = Double)]
    score: f64,
}

#[derive(QueryableByName)]
struct FoundCounted {
    #[diesel(sql_type = Text)]
    comment_id: String,
    #[diesel(sql_type = Double)]
    score: f64,
    #[diesel(sql_type = BigInt)]
    total: i64,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

enum Bind {
    Text(String),
    Time(NaiveDateTime),
    Int(i64),
}

/// A page of the comments that answer the query, best first, as (id,
/// score), and how many answer in all. `page` is (offset, limit); None
/// means all of them (the digest's filter).
pub fn matching_comments(
    conn: &mut AnyConnection,
    query: &SearchQuery,
    filter: CommentFilter,
    visibility: Visibility,
    page: Option<(i64, i64)>,
) -> Result<(Vec<(String, f64)>, i64), StorageError> {
    let drafts = match visibility {
        Visibility::Everything | Visibility::AllStatuses => Vec::new(),
        _ => draft_consultations(conn)?,
    };
    let meta = meta_condition(filter, visibility, &drafts);
    match conn {
        AnyConnection::Sqlite(c) => sqlite_matches(c, query, &meta, filter, page),
        AnyConnection::Postgresql(c) => postgres_matches(c, query, &meta, filter, page),
    }
}

/// FTS5 counts its matches on its own (no row is read), then ranks them
/// and the page's keys alone are joined to their comments' ids.
fn sqlite_matches(
    conn: &mut diesel::SqliteConnection,
    query: &SearchQuery,
    meta: &Meta,
    filter: CommentFilter,
    page: Option<(i64, i64)>,
) -> Result<(Vec<(String, f64)>, i64), StorageError> {
    let mut sql = Sql::new(Placeholder::Question);
    let score = sql.sqlite_from(query, meta);
    sql.dates(filter);
    let count_sql = format!("SELECT COUNT(*) AS n {}", sql.text);
    let counted = sql.binds.len();
    let mut ranked = format!(
        "SELECT comment_fts.rowid AS key, {score} AS score {} ORDER BY score ASC, key DESC",
        sql.text
    );
    if let Some((offset, limit)) = page {
        let limit = sql.value(Bind::Int(limit));
        let offset = sql.value(Bind::Int(offset));
        ranked.push_str(&format!(" LIMIT {limit} OFFSET {offset}"));
    }
    let page_sql = format!(
        "SELECT d.comment_id AS comment_id, CAST(ranked.score AS DOUBLE PRECISION) AS score \
         FROM ({ranked}) ranked JOIN search_documents d ON d.id = ranked.key \
         ORDER BY ranked.score ASC, ranked.key DESC"
    );
    type Db = diesel::sqlite::Sqlite;
    let counts: Vec<Count> = bound::<Db>(&count_sql, &sql.binds[..counted]).load(conn)?;
    let found: Vec<Found> = bound::<Db>(&page_sql, &sql.binds).load(conn)?;
    let total = counts.first().map_or(0, |c| c.n);
    Ok((
        found.into_iter().map(|f| (f.comment_id, f.score)).collect(),
        total,
    ))
}

/// One statement: the queries made once, the matches ranked and counted
/// together; a separate count only for a page past the end.
fn postgres_matches(
    conn: &mut diesel::PgConnection,
    query: &SearchQuery,
    meta: &Meta,
    filter: CommentFilter,
    page: Option<(i64, i64)>,
) -> Result<(Vec<(String, f64)>, i64), StorageError> {
    let mut sql = Sql::new(Placeholder::Numbered);
    let (queries, score) = sql.postgres_from(query, meta);
    sql.dates(filter);
    let count_sql = format!("{queries} SELECT COUNT(*) AS n {}", sql.text);
    let counted = sql.binds.len();
    // Ranked first into narrow rows: counting over the wide ones (each
    // with its vector) would spill them to disk.
    let mut page_sql = format!(
        "{queries}, ranked AS MATERIALIZED (SELECT d.id, d.comment_id, {score} AS score {}) \
         SELECT comment_id, CAST(score AS DOUBLE PRECISION) AS score, COUNT(*) OVER () AS total \
         FROM ranked ORDER BY score DESC, id DESC",
        sql.text
    );
    if let Some((offset, limit)) = page {
        let limit = sql.value(Bind::Int(limit));
        let offset = sql.value(Bind::Int(offset));
        page_sql.push_str(&format!(" LIMIT {limit} OFFSET {offset}"));
    }
    type Db = diesel::pg::Pg;
    let found: Vec<FoundCounted> = bound::<Db>(&page_sql, &sql.binds).load(conn)?;
    let total = match found.first() {
        Some(first) => first.total,
        None if page.is_some_and(|(offset, _)| offset > 0) => {
            let counts: Vec<Count> = bound::<Db>(&count_sql, &sql.binds[..counted]).load(conn)?;
            counts.first().map_or(0, |c| c.n)
        }
        None => 0,
    };
    Ok((
        found.into_iter().map(|f| (f.comment_id, f.score)).collect(),
        total,
    ))
}

fn draft_consultations(conn: &mut AnyConnection) -> Result<Vec<String>, StorageError> {
    use crate::db::schema::consultations;
    use diesel::prelude::*;
    Ok(consultations::table
        .filter(consultations::status.eq("draft"))
        .select(consultations::id)
        .load(conn)?)
}

fn bound<'a, DB>(sql: &str, binds: &[Bind]) -> BoxedSqlQuery<'a, DB, SqlQuery>
where
    DB: Backend
        + diesel::sql_types::HasSqlType<Text>
        + diesel::sql_types::HasSqlType<Timestamp>
        + diesel::sql_types::HasSqlType<BigInt>
        + 'static,
    String: diesel::serialize::ToSql<Text, DB>,
    NaiveDateTime: diesel::serialize::ToSql<Timestamp, DB>,
    i64: diesel::serialize::ToSql<BigInt, DB>,
{
    let mut query = diesel::sql_query(sql.to_owned()).into_boxed::<'a, DB>();
    for bind in binds {
        query = match bind {
            Bind::Text(s) => query.bind::<Text, _>(s.clone()),
            Bind::Time(t) => query.bind::<Timestamp, _>(*t),
            Bind::Int(i) => query.bind::<BigInt, _>(*i),
        };
    }
    query
}

#[derive(Clone, Copy)]
enum Placeholder {
    Question,
    Numbered,
}

/// The FROM and WHERE clauses with their values, in placeholder order.
struct Sql {
    style: Placeholder,
    text: String,
    binds: Vec<Bind>,
}

impl Sql {
    fn new(style: Placeholder) -> Self {
        Self {
            style,
            text: String::new(),
            binds: Vec::new(),
        }
    }

    fn value(&mut self, bind: Bind) -> String {
        self.binds.push(bind);
        match self.style {
            Placeholder::Question => "?".into(),
            Placeholder::Numbered => format!("${}", self.binds.len()),
        }
    }

    /// Starts the clause; returns the score's expression (lower is
    /// better). The filter words' column weighs nothing in the ranking.
    fn sqlite_from(&mut self, query: &SearchQuery, meta: &Meta) -> String {
        let matched = format!("({}) AND {}", fts5_expression(query), meta.fts5());
        let matched = self.value(Bind::Text(matched));
        self.text = format!("FROM comment_fts WHERE comment_fts MATCH {matched}");
        "bm25(comment_fts, 1.0, 1.0, 1.0, 1.0, 0.0)".into()
    }

    /// Starts the clause; returns the statement's queries (made once, in
    /// a WITH) and the score's expression (higher is better). Weights
    /// {D, C, B, A}: the filter words (D) weigh nothing in the ranking.
    fn postgres_from(&mut self, query: &SearchQuery, meta: &Meta) -> (String, String) {
        let meta = meta.tsquery();
        let mut made = Vec::new();
        let mut matches = Vec::new();
        let mut ranks = String::from("CASE d.language");
        for language in IndexLanguage::ALL {
            let text = format!("({}) & {meta}", tsquery_text(query, language));
            let q = self.value(Bind::Text(text));
            let code = language.code();
            made.push(format!("CAST({q} AS tsquery) AS {code}"));
            matches.push(format!("(d.language = '{code}' AND d.vector @@ q.{code})"));
            ranks.push_str(&format!(" WHEN '{code}' THEN q.{code}"));
        }
        ranks.push_str(" END");
        self.text = format!(
            "FROM q CROSS JOIN search_documents d WHERE ({})",
            matches.join(" OR ")
        );
        (
            format!("WITH q AS MATERIALIZED (SELECT {})", made.join(", ")),
            format!("ts_rank('{{0, 0, 0, 1}}', d.vector, {ranks})"),
        )
    }

    /// The dates a comment was written between, read from the comment
    /// itself (joined only then, after the text and filter words matched).
    fn dates(&mut self, filter: CommentFilter) {
        if filter.from.is_none() && filter.until.is_none() {
            return;
        }
        let mut sql = std::mem::take(&mut self.text);
        let join = match self.style {
            Placeholder::Question => {
                " CROSS JOIN search_documents dd ON dd.id = comment_fts.rowid \
                 CROSS JOIN comments c ON c.id = dd.comment_id"
            }
            Placeholder::Numbered => " JOIN comments c ON c.id = d.comment_id",
        };
        let at = sql.find(" WHERE ").unwrap_or(sql.len());
        sql.insert_str(at, join);
        if let Some(from) = filter.from {
            let v = self.value(Bind::Time(from));
            sql.push_str(&format!(" AND c.created_at >= {v}"));
        }
        if let Some(until) = filter.until {
            let v = self.value(Bind::Time(until));
            sql.push_str(&format!(" AND c.created_at < {v}"));
        }
        self.text = sql;
    }
}

/// FTS5: `en : (...) OR fr : (...) OR ...`, each word a quoted string.
fn fts5_expression(query: &SearchQuery) -> String {
    let quoted = |term: &Term| format!("\"{}\"", term.join(" ").replace('"', ""));
    IndexLanguage::ALL
        .into_iter()
        .map(|language| {
            let (required, excluded) = query.stemmed(language);
            let all: Vec<String> = required.iter().map(quoted).collect();
            let mut expression = format!("({})", all.join(" AND "));
            if !excluded.is_empty() {
                let none: Vec<String> = excluded.iter().map(quoted).collect();
                expression = format!("{expression} NOT ({})", none.join(" OR "));
            }
            format!("{} : ({expression})", language.code())
        })
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// PostgreSQL: `'a' & ('b' <-> 'c') & !'d'`, each word a quoted lexeme.
fn tsquery_text(query: &SearchQuery, language: IndexLanguage) -> String {
    let lexeme = |word: &String| format!("'{}':A", word.replace(['\'', '\\'], ""));
    let group = |term: &Term| {
        let words: Vec<String> = term.iter().map(lexeme).collect();
        format!("({})", words.join(" <-> "))
    };
    let (required, excluded) = query.stemmed(language);
    let mut parts: Vec<String> = required.iter().map(group).collect();
    parts.extend(excluded.iter().map(|t| format!("!{}", group(t))));
    parts.join(" & ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_syntax_never_reaches_the_engines() {
        let query = SearchQuery::parse("q", r#"a* OR NEAR(b) col:c' ^d -"x) y""#).unwrap();
        let fts = fts5_expression(&query);
        assert!(
            fts.ends_with(
                r#"other : (("a" AND "or" AND "near b" AND "col c" AND "d") NOT ("x y"))"#
            ),
            "{fts}"
        );
        assert_eq!(
            tsquery_text(&query, IndexLanguage::Other),
            "('a':A) & ('or':A) & ('near':A <-> 'b':A) & ('col':A <-> 'c':A) & ('d':A) & !('x':A <-> 'y':A)"
        );
    }

    #[test]
    fn each_language_gets_its_own_stems() {
        let query = SearchQuery::parse("q", "\"integración migrantes\" -coches").unwrap();
        let fts = fts5_expression(&query);
        assert!(
            fts.contains("es : ((\"integracion migrant\") NOT (\"coch\"))"),
            "{fts}"
        );
        let ts = tsquery_text(&query, IndexLanguage::Other);
        assert_eq!(ts, "('integracion':A <-> 'migrantes':A) & !('coches':A)");
    }
}
