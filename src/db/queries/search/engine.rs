//! Each backend's full-text query, built from a parsed `SearchQuery`:
//! SQLite's FTS5 (one column per stemming) and PostgreSQL's `tsvector`
//! (one GIN index; each language's comments matched with that language's
//! stems). Words are quoted here and nowhere else; what a person typed is
//! never passed through.

use crate::db::{AnyConnection, StorageError};
use crate::domain::search::{IndexLanguage, SearchQuery, Term};
use chrono::NaiveDateTime;
use diesel::backend::Backend;
use diesel::query_builder::{BoxedSqlQuery, SqlQuery};
use diesel::sql_types::{BigInt, Double, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};

/// Whose search it is.
#[derive(Debug, Clone, Copy)]
pub enum Visibility<'a> {
    /// Published comments of public consultations.
    Public,
    /// Also the waiting comments of these roundtables (a chair's).
    Chair(&'a [String]),
    /// Every comment but withdrawn ones (staff).
    Everything,
}

/// Filters that combine with the words; ids, codes and times already checked.
#[derive(Debug, Clone, Copy, Default)]
pub struct CommentFilter<'a> {
    pub consultation: Option<&'a str>,
    pub roundtable: Option<&'a str>,
    pub question: Option<&'a str>,
    pub organisation_type: Option<&'a str>,
    pub country: Option<&'a str>,
    /// Written at or after.
    pub from: Option<NaiveDateTime>,
    /// Written before.
    pub until: Option<NaiveDateTime>,
}

#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = Text)]
    comment_id: String,
    #[diesel(sql_type = Double)]
    score: f64,
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
    let postgres = matches!(conn, AnyConnection::Postgresql(_));
    let (mut sql, score, direction) = if postgres {
        let mut sql = Sql::new(Placeholder::Numbered);
        let score = sql.postgres_from(query);
        (sql, score, "DESC")
    } else {
        let mut sql = Sql::new(Placeholder::Question);
        let score = sql.sqlite_from(query);
        (sql, score, "ASC")
    };
    sql.conditions(filter, visibility);
    let count_sql = format!("SELECT COUNT(*) AS n {}", sql.text);
    let counted = sql.binds.len();
    let mut page_sql = format!(
        "SELECT c.id AS comment_id, CAST({score} AS DOUBLE PRECISION) AS score {} \
         ORDER BY score {direction}, c.id DESC",
        sql.text
    );
    if let Some((offset, limit)) = page {
        let limit = sql.value(Bind::Int(limit));
        let offset = sql.value(Bind::Int(offset));
        page_sql.push_str(&format!(" LIMIT {limit} OFFSET {offset}"));
    }
    let (counts, found): (Vec<Count>, Vec<Found>) = match conn {
        AnyConnection::Sqlite(c) => (
            bound::<diesel::sqlite::Sqlite>(&count_sql, &sql.binds[..counted]).load(c)?,
            bound::<diesel::sqlite::Sqlite>(&page_sql, &sql.binds).load(c)?,
        ),
        AnyConnection::Postgresql(c) => (
            bound::<diesel::pg::Pg>(&count_sql, &sql.binds[..counted]).load(c)?,
            bound::<diesel::pg::Pg>(&page_sql, &sql.binds).load(c)?,
        ),
    };
    let total = counts.first().map_or(0, |c| c.n);
    Ok((
        found.into_iter().map(|f| (f.comment_id, f.score)).collect(),
        total,
    ))
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

    /// Starts the clause; returns the score's expression (lower is better).
    fn sqlite_from(&mut self, query: &SearchQuery) -> String {
        let matched = self.value(Bind::Text(fts5_expression(query)));
        self.text = format!(
            "FROM comment_fts \
             JOIN search_documents d ON d.id = comment_fts.rowid \
             JOIN comments c ON c.id = d.comment_id \
             JOIN roundtables r ON r.id = c.roundtable_id \
             JOIN consultations k ON k.id = r.consultation_id \
             WHERE comment_fts MATCH {matched}"
        );
        "bm25(comment_fts)".into()
    }

    /// Starts the clause; returns the score's expression (higher is better).
    fn postgres_from(&mut self, query: &SearchQuery) -> String {
        let mut matches = Vec::new();
        let mut ranks = String::from("CASE d.language");
        for language in IndexLanguage::ALL {
            let q = self.value(Bind::Text(tsquery_text(query, language)));
            let code = language.code();
            matches.push(format!(
                "(d.language = '{code}' AND d.vector @@ to_tsquery('simple', {q}))"
            ));
            ranks.push_str(&format!(
                " WHEN '{code}' THEN ts_rank_cd(d.vector, to_tsquery('simple', {q}))"
            ));
        }
        ranks.push_str(" END");
        self.text = format!(
            "FROM search_documents d \
             JOIN comments c ON c.id = d.comment_id \
             JOIN roundtables r ON r.id = c.roundtable_id \
             JOIN consultations k ON k.id = r.consultation_id \
             WHERE ({})",
            matches.join(" OR ")
        );
        ranks
    }

    fn conditions(&mut self, filter: CommentFilter, visibility: Visibility) {
        let mut sql = std::mem::take(&mut self.text);
        let public = "(c.status = 'approved' AND NOT c.hidden_by_reports AND k.status <> 'draft')";
        match visibility {
            Visibility::Public => sql.push_str(&format!(" AND {public}")),
            Visibility::Everything => sql.push_str(" AND c.status <> 'withdrawn'"),
            Visibility::Chair(roundtables) => {
                let mut chaired = Vec::new();
                for id in roundtables {
                    chaired.push(self.value(Bind::Text(id.clone())));
                }
                if chaired.is_empty() {
                    sql.push_str(&format!(" AND {public}"));
                } else {
                    sql.push_str(&format!(
                        " AND ({public} OR (c.status IN ('approved', 'pending') \
                         AND c.roundtable_id IN ({})))",
                        chaired.join(", ")
                    ));
                }
            }
        }
        let texts = [
            ("k.id", filter.consultation),
            ("r.id", filter.roundtable),
            ("c.author_organisation_type", filter.organisation_type),
            ("c.author_country_code", filter.country),
        ];
        for (column, wanted) in texts {
            if let Some(wanted) = wanted {
                let v = self.value(Bind::Text(wanted.to_owned()));
                sql.push_str(&format!(" AND {column} = {v}"));
            }
        }
        if let Some(question) = filter.question {
            let v = self.value(Bind::Text(question.to_owned()));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM comment_guiding_questions t \
                 WHERE t.comment_id = c.id AND t.guiding_question_id = {v})"
            ));
        }
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
    let lexeme = |word: &String| format!("'{}'", word.replace(['\'', '\\'], ""));
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
        let query = SearchQuery::parse("q", r#"a" OR "b NEAR(c) col:d' -"x y""#);
        let query = query.unwrap_or_else(|_| SearchQuery::parse("q", "a OR b").unwrap());
        let fts = fts5_expression(&query);
        assert!(fts.starts_with("en : (("), "{fts}");
        for language in IndexLanguage::ALL {
            let ts = tsquery_text(&query, language);
            assert!(!ts.contains("''"), "{ts}");
        }
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
        assert_eq!(ts, "('integracion' <-> 'migrantes') & !('coches')");
    }
}
