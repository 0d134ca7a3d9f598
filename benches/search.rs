//! Search at the size of a large consultation: 100,000 comments in English,
//! French and Spanish spread over the demo forum's roundtables, then a set
//! of typical searches (words, a phrase, an excluded word, accents left out,
//! filters, a chair's and staff's view), each timed through the service a
//! page of results comes from. Prints the median and 90th percentile per
//! search and over all of them, per backend.
//!
//! Also the cost of indexing when a comment is posted: the index writes of
//! a comment (terms made, row and full-text entry written), timed alone,
//! against a post's own transaction (comment, question tags, audit row and
//! index entry, committed). The share printed is an upper bound of what
//! the index adds to a post: a real post also reads the roundtable, checks
//! limits, queues alerts and answers over HTTP.
//!
//! Run: `cargo bench --bench search`. Environment:
//! - ROUNDTABLE_BENCH_COMMENTS: how many comments (default 100000);
//! - ROUNDTABLE_BENCH_POSTGRES: a PostgreSQL server URL such as
//!   postgres://postgres@127.0.0.1:5432 to measure it as well (a database is
//!   created and dropped);
//! - ROUNDTABLE_BENCH_ONLY=postgres: PostgreSQL alone;
//! - ROUNDTABLE_BENCH_KEEP=1: keep the databases and print where they are.

#[path = "load/database.rs"]
mod database;
// Only its participants are used here.
#[allow(dead_code)]
#[path = "load/seed.rs"]
mod seed;

use anyhow::{Context, Result};
use chrono::{Duration as Days, Utc};
use database::Backend;
use roundtable::config::{DatabaseTarget, DatabaseTimeouts};
use roundtable::db::queries::{comments, search as index};
use roundtable::db::{
    build_pool, maintenance_connection, run_migrations, write_transaction, AnyConnection,
};
use roundtable::domain::affiliation::{Affiliation, Country, OrganisationType};
use roundtable::domain::comment::{CommentStatus, NewComment, ThreadPosition};
use roundtable::domain::ids::UserId;
use roundtable::domain::ids::{CommentId, RoundtableId};
use roundtable::domain::user::Actor;
use roundtable::services::comments::{post_comment, CommentInput};
use roundtable::services::emails::EmailContext;
use roundtable::services::search::{self, SearchInput};
use roundtable::services::{demo, roundtables};
use roundtable::text::render_comment;
use std::time::{Duration, Instant};

const CONSULTATION: &str = "global-forum-online-roundtables";
const ROUNDTABLES: [&str; 3] = ["rt-3", "rt-3-1", "rt-3-2"];
const REPEATS: usize = 9;
const POSTS_TIMED: usize = 1_000;
/// Open and pre-moderated in the demo, with a chair to alert.
const POSTED_TO: &str = "rt-3-1";

fn main() -> Result<()> {
    if cfg!(debug_assertions) {
        println!("note: a debug build; run `cargo bench --bench search` for release figures");
    }
    let count: usize = std::env::var("ROUNDTABLE_BENCH_COMMENTS")
        .ok()
        .map(|v| {
            v.trim()
                .parse()
                .context("ROUNDTABLE_BENCH_COMMENTS: a number")
        })
        .transpose()?
        .unwrap_or(100_000);
    let only = std::env::var("ROUNDTABLE_BENCH_ONLY").unwrap_or_default();
    let mut backends = Vec::new();
    if only != "postgres" {
        backends.push(Backend::Sqlite);
    }
    if let Some(server) = std::env::var("ROUNDTABLE_BENCH_POSTGRES")
        .ok()
        .filter(|v| !v.trim().is_empty())
    {
        backends.push(Backend::Postgres(
            server.trim().trim_end_matches('/').to_owned(),
        ));
    }
    let scratch = tempfile::tempdir()?;
    println!("Search over {count} comments; each search {REPEATS} times, medians in ms.");
    for backend in &backends {
        run(backend, scratch.path(), count)?;
    }
    Ok(())
}

fn run(backend: &Backend, scratch: &std::path::Path, count: usize) -> Result<()> {
    let (_, database) = backend.fresh(scratch, "search")?;
    let target = match backend {
        Backend::Sqlite => DatabaseTarget::Sqlite(database.url.clone().into()),
        Backend::Postgres(_) => DatabaseTarget::Postgres(database.url.clone()),
    };
    let timeouts = DatabaseTimeouts::default();
    run_migrations(&mut maintenance_connection(&target, timeouts)?)?;
    let pool = build_pool(&target, timeouts)?;
    let mut conn = pool.get()?;
    demo::load(&mut conn, Utc::now(), false).context("loading the demo")?;
    let places: Vec<RoundtableId> = ROUNDTABLES
        .iter()
        .map(|slug| {
            Ok(
                roundtables::roundtable_detail(&mut conn, CONSULTATION, slug)?
                    .roundtable
                    .id,
            )
        })
        .collect::<Result<_>>()?;
    let seeding = Instant::now();
    seed(&mut conn, &places, count)?;
    println!(
        "\n{}: seeded {count} comments in {:.0} s ({} indexed)",
        backend.name(),
        seeding.elapsed().as_secs_f64(),
        index::indexed_count(&mut conn)?
    );
    if let AnyConnection::Postgresql(_) = &mut *conn {
        use diesel::connection::SimpleConnection;
        conn.batch_execute("ANALYZE")?;
    }
    time_searches(&mut conn)?;
    let rebuilding = Instant::now();
    let indexed = search::rebuild_index(&mut conn).map_err(|e| anyhow::anyhow!("rebuild: {e}"))?;
    println!(
        "rebuild (`roundtable reindex`): {indexed} comments in {:.1} s",
        rebuilding.elapsed().as_secs_f64()
    );
    time_indexing(&mut conn)?;
    if std::env::var_os("ROUNDTABLE_BENCH_KEEP").is_some() {
        println!("kept: {}", database.url);
        std::mem::forget(database);
    }
    Ok(())
}

fn time_searches(conn: &mut AnyConnection) -> Result<()> {
    let staff = Actor {
        id: UserId::generate(),
        staff: true,
    };
    let searches: Vec<(&str, Option<Actor>, SearchInput)> = vec![
        ("the most common topic word", None, input("migrants")),
        ("one word", None, input("housing")),
        ("two words", None, input("language courses")),
        ("a phrase", None, input("\"public transport\"")),
        ("a word, one excluded", None, input("funding -municipal")),
        (
            "French, accents left out",
            None,
            input("integration des refugies"),
        ),
        ("Spanish, accents left out", None, input("educacion")),
        ("a rare word", None, input("kaleidoscope")),
        (
            "in one roundtable",
            None,
            SearchInput {
                consultation: CONSULTATION.into(),
                roundtable: "rt-3-2".into(),
                ..input("housing")
            },
        ),
        (
            "by country and dates",
            None,
            SearchInput {
                country: "SN".into(),
                from: (Utc::now() - Days::days(30)).date_naive().to_string(),
                ..input("employment")
            },
        ),
        (
            "page 5",
            None,
            SearchInput {
                page: 5,
                ..input("migrants")
            },
        ),
        ("staff: every status", Some(staff), input("housing")),
    ];
    let mut all = Vec::new();
    println!(
        "{:<28} {:>8} {:>8} {:>9}",
        "search", "median", "p90", "found"
    );
    for (name, who, wanted) in &searches {
        let mut times = Vec::new();
        let mut found = 0;
        for _ in 0..REPEATS {
            let started = Instant::now();
            let results =
                search::search(conn, *who, wanted).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            times.push(started.elapsed());
            found = results.total;
        }
        times.sort();
        println!(
            "{name:<28} {:>8.1} {:>8.1} {found:>9}",
            ms(times[REPEATS / 2]),
            ms(times[REPEATS * 9 / 10])
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "{:<28} {:>8.1} {:>8.1}   (target: median < 50 ms)",
        "ALL SEARCHES",
        ms(all[all.len() / 2]),
        ms(all[all.len() * 9 / 10])
    );
    Ok(())
}

/// Posts timed through the use case itself (`post_comment`: the roundtable
/// from the setup cache, limits, the transaction with its index entry,
/// the chair's alert queued), then the index writes of as many comments
/// timed alone (inside one transaction, so without a commit each).
fn time_indexing(conn: &mut AnyConnection) -> Result<()> {
    let authors = seed::participants(conn, POSTS_TIMED)?;
    let mut words = Words::new(7);
    let bodies: Vec<(&str, String)> = (0..POSTS_TIMED).map(|_| words.body()).collect();
    let templates = roundtable::templates::Templates::load()?;
    let base_url: url::Url = "http://127.0.0.1/".parse()?;
    let signer = roundtable::domain::signed_link::LinkSigner::new(b"search benchmark");
    let setup = roundtables::SetupCache::default();
    let started = Instant::now();
    let mut ids = Vec::with_capacity(POSTS_TIMED);
    for (author, (language, body)) in authors.iter().zip(&bodies) {
        let ctx = EmailContext {
            templates: &templates,
            base_url: &base_url,
            signer: &signer,
            language: roundtable::i18n::Language::En,
        };
        let input = CommentInput {
            body: body.clone(),
            questions: vec![],
            parent: None,
            language: Some((*language).to_owned()),
        };
        let posted = post_comment(
            conn,
            ctx,
            &setup,
            author,
            (CONSULTATION, POSTED_TO),
            &input,
            Utc::now(),
        )
        .map_err(|e| anyhow::anyhow!("posting: {e}"))?;
        ids.push(posted.reference);
    }
    let posting = started.elapsed();
    let ids: Vec<String> = ids
        .iter()
        .map(|reference| {
            let found = comments::find_by_reference(conn, reference)?;
            Ok(found.context("a posted comment")?.comment.id.to_string())
        })
        .collect::<Result<_>>()?;
    // Their entries out again (not timed), to time writing them as a post does.
    let listed: Vec<String> = ids.iter().map(|id| format!("'{id}'")).collect();
    diesel::connection::SimpleConnection::batch_execute(
        &mut *conn,
        &format!(
            "DELETE FROM search_documents WHERE comment_id IN ({})",
            listed.join(", ")
        ),
    )?;
    let started = Instant::now();
    write_transaction(conn, |conn| {
        for (id, (language, body)) in ids.iter().zip(&bodies) {
            index::index_new_comment(conn, id, body, Some(language))?;
        }
        Ok::<_, roundtable::db::StorageError>(())
    })?;
    let indexing = started.elapsed();
    let started = Instant::now();
    for (language, body) in &bodies {
        let language = roundtable::domain::search::IndexLanguage::of(Some(language));
        std::hint::black_box(roundtable::domain::search::index_terms(
            &roundtable::text::plain_text(body),
            language,
        ));
    }
    let terms = started.elapsed().as_secs_f64() / POSTS_TIMED as f64;
    let per_post = posting.as_secs_f64() / POSTS_TIMED as f64;
    let per_index = indexing.as_secs_f64() / POSTS_TIMED as f64;
    println!(
        "posting: {:.2} ms a post (post_comment, {POSTS_TIMED} posts), of which indexing {:.3} ms \
         (making the terms {:.3} ms, writing them {:.3} ms): {:.1} % over the rest (target: < 10 %)",
        per_post * 1e3,
        per_index * 1e3,
        terms * 1e3,
        (per_index - terms) * 1e3,
        100.0 * per_index / (per_post - per_index).max(f64::EPSILON)
    );
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn input(q: &str) -> SearchInput {
    SearchInput {
        q: q.into(),
        page: 1,
        ..SearchInput::default()
    }
}

fn seed(conn: &mut AnyConnection, places: &[RoundtableId], count: usize) -> Result<()> {
    let mut words = Words::new(42);
    let mut written = 0;
    while written < count {
        let batch = (count - written).min(2_000);
        write_transaction(conn, |conn| {
            for n in written..written + batch {
                let (language, body) = words.body();
                let mut comment = new_comment(places[n % places.len()], language, &body, n);
                if n % 10 == 9 {
                    comment.status = CommentStatus::Pending;
                }
                comment.created_at = Utc::now() - Days::minutes((count - n) as i64);
                comments::insert(conn, &comment)?;
            }
            Ok::<_, roundtable::db::StorageError>(())
        })?;
        written += batch;
    }
    Ok(())
}

fn new_comment(roundtable: RoundtableId, language: &str, body: &str, n: usize) -> NewComment {
    let id = CommentId::generate();
    const COUNTRIES: [&str; 6] = ["SN", "GE", "FR", "MX", "PH", "DE"];
    NewComment {
        id,
        roundtable_id: roundtable,
        parent_id: None,
        position: ThreadPosition::top_level(id),
        author_id: None,
        author: Affiliation {
            display_name: format!("Participant {}", n % 997),
            organisation: "Bench Association".into(),
            organisation_type: Some(OrganisationType::CivilSociety),
            country: Country::parse("country", COUNTRIES[n % COUNTRIES.len()]).ok(),
        },
        body_html: render_comment(body),
        body_markdown: body.to_owned(),
        language: Some(language.to_owned()),
        status: CommentStatus::Approved,
        highlighted: false,
        created_at: Utc::now(),
        question_ids: vec![],
    }
}

/// Comments of 30 to 90 words in English, French or Spanish, with words
/// drawn as in real text (Zipf's law: the word of rank r about 1/r as
/// often as the most frequent) from a vocabulary of 20,000 per language:
/// function words first, the consultation's topic words spread from rank
/// 20 (as common as "migrants" in a migration forum) to about 5,000 (as
/// rare as "kaleidoscope"), made-up words in between.
struct Words {
    state: u64,
    vocabularies: Vec<(&'static str, Vec<String>)>,
}

const VOCABULARY: usize = 20_000;
const EN_FUNCTION: &str =
    "the of and to in that for is on with as are be this it by more not we should";
const EN_TOPIC: &str = "migrants integration housing language courses public transport funding municipal employment refugees education schools health services local authorities support access work rights families children women community volunteers training skills jobs budget city council national policy participation dialogue consultation recognition qualifications discrimination interpreters procedures waiting permits residence citizenship mentoring childcare libraries sport loneliness trust media elections neighbourhood mosque church festival football theatre bakery tailoring welding nursing kaleidoscope";
const FR_FUNCTION: &str =
    "le la les de des et à en que pour est dans un une sur pas plus nous il faut";
const FR_TOPIC: &str = "migrants intégration logement cours langue transports publics financement municipal emploi réfugiés éducation écoles santé services autorités locales soutien accès travail droits familles enfants femmes communauté bénévoles formation compétences budget ville conseil politique nationale participation dialogue reconnaissance qualifications discrimination interprètes procédures attente permis résidence citoyenneté tutorat garde bibliothèques sport solitude confiance médias élections quartier mosquée église festival football théâtre boulangerie couture soudure soins";
const ES_FUNCTION: &str = "el la los las de y en que para es con por un una más no se debe";
const ES_TOPIC: &str = "migrantes integración vivienda cursos idioma transporte público financiación municipal empleo refugiados educación escuelas salud servicios autoridades locales apoyo acceso trabajo derechos familias niños mujeres comunidad voluntarios formación habilidades presupuesto ciudad consejo política nacional participación diálogo reconocimiento títulos discriminación intérpretes trámites espera permisos residencia ciudadanía tutoría guardería bibliotecas deporte soledad confianza medios elecciones barrio mezquita iglesia festival fútbol teatro panadería costura soldadura enfermería";

fn vocabulary(function: &str, topic: &str) -> Vec<String> {
    let mut words: Vec<Option<String>> = vec![None; VOCABULARY];
    for (rank, word) in function.split(' ').enumerate() {
        words[rank] = Some(word.to_owned());
    }
    for (i, word) in topic.split(' ').enumerate() {
        let mut rank = 20 + i * i;
        while words[rank].is_some() {
            rank += 1;
        }
        words[rank] = Some(word.to_owned());
    }
    const SYLLABLES: [&str; 16] = [
        "ba", "ko", "ti", "ne", "ru", "sa", "lo", "mi", "de", "fu", "ga", "pe", "zo", "vi", "ha",
        "ju",
    ];
    let mut made = 0usize;
    words
        .into_iter()
        .map(|word| {
            word.unwrap_or_else(|| {
                made += 1;
                let (mut n, mut invented) = (made + 16, String::new());
                while n > 0 {
                    invented.push_str(SYLLABLES[n % 16]);
                    n /= 16;
                }
                invented
            })
        })
        .collect()
}

impl Words {
    fn new(seed: u64) -> Self {
        Self {
            state: seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407),
            vocabularies: vec![
                ("en", vocabulary(EN_FUNCTION, EN_TOPIC)),
                ("fr", vocabulary(FR_FUNCTION, FR_TOPIC)),
                ("es", vocabulary(ES_FUNCTION, ES_TOPIC)),
            ],
        }
    }

    fn next(&mut self) -> u64 {
        // xorshift64*: repeatable, and enough for picking words.
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(2685821657736338717)
    }

    fn body(&mut self) -> (&'static str, String) {
        let which = match self.next() % 10 {
            0..=5 => 0,
            6..=7 => 1,
            _ => 2,
        };
        let length = 30 + (self.next() % 61) as usize;
        let mut body = String::new();
        for n in 0..length {
            // Log-uniform ranks: P(r) is about proportional to 1/r.
            let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
            let rank = ((VOCABULARY as f64 + 1.0).powf(u) as usize).clamp(1, VOCABULARY) - 1;
            if n > 0 {
                body.push_str(if n % 12 == 0 { ". " } else { " " });
            }
            body.push_str(&self.vocabularies[which].1[rank]);
        }
        body.push('.');
        (self.vocabularies[which].0, body)
    }
}
