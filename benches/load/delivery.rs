//! After the POST run: is every acknowledged comment stored, and has every
//! stored one reached its chair, by the server's own outbox worker, in an
//! email the SMTP sink received?
//!
//! A chair on "at once" gets the first waiting comment at once, then at
//! most one email per 15 minutes with everything that arrived meanwhile
//! (listing 50, counting the rest). The benchmark cannot wait a quarter of
//! an hour: once the worker has sent all that is due, it makes the held
//! batch due now (the one thing written behind the application's back) and
//! waits for the worker to send it.

use crate::seed::PostTarget;
use crate::smtp_server::{ReceivedMail, SmtpServer};
use anyhow::Result;
use chrono::Utc;
use diesel::sql_types::{BigInt, Text};
use diesel::RunQueryDsl;
use roundtable::db::queries::{comments, outbox};
use roundtable::db::{AnyConnection, Pool};
use roundtable::domain::comment::CommentStatus;
use std::collections::HashSet;
use std::time::{Duration, Instant};

/// How long the worker may take over what is due, then over the held batch.
const PATIENCE: Duration = Duration::from_secs(60);

/// References of the pending comments of the roundtable.
pub fn pending(conn: &mut AnyConnection, target: &PostTarget) -> Result<HashSet<String>> {
    Ok(comments::for_roundtable(conn, target.roundtable)?
        .into_iter()
        .filter(|c| c.status == CommentStatus::Pending)
        .map(|c| c.reference)
        .collect())
}

/// The pending comments once the requests wrk left in flight have ended:
/// the same twice in a row, half a second apart.
fn settled_pending(conn: &mut AnyConnection, target: &PostTarget) -> Result<HashSet<String>> {
    let started = Instant::now();
    let mut last = pending(conn, target)?;
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = pending(conn, target)?;
        if now == last || started.elapsed() > PATIENCE {
            return Ok(now);
        }
        last = now;
    }
}

pub struct Report {
    pub lines: Vec<String>,
    pub ok: bool,
}

pub fn verify(
    pool: &Pool,
    target: &PostTarget,
    pending_before: &HashSet<String>,
    acknowledged: &[String],
    smtp: &SmtpServer,
) -> Result<Report> {
    let conn = &mut *pool.get()?;
    let mut problems = Vec::new();
    let mut lines = Vec::new();

    let stored: HashSet<String> = settled_pending(conn, target)?
        .difference(pending_before)
        .cloned()
        .collect();
    let acknowledged_set: HashSet<&String> = acknowledged.iter().collect();
    let lost = acknowledged_set
        .iter()
        .filter(|r| !stored.contains(r.as_str()))
        .count();
    let unacknowledged = stored
        .iter()
        .filter(|r| !acknowledged_set.contains(r))
        .count();
    lines.push(format!(
        "posting: {} acknowledged (201), {} stored pending; acknowledged but not stored: {lost}; \
         stored but not acknowledged (in flight when wrk stopped): {unacknowledged}",
        acknowledged.len(),
        stored.len()
    ));
    if lost > 0 || acknowledged_set.len() != acknowledged.len() {
        problems.push("acknowledged comments missing or acknowledged twice");
    }

    let due_sent = wait_for(conn, "the emails due", |c| {
        c.sending == 0 && c.oldest_unsent.is_none_or(|t| t.and_utc() > Utc::now())
    })?;
    let held = hurry_held_batches(conn)?;
    let drained = wait_for(conn, "the held chair alert", |c| {
        c.pending == 0 && c.sending == 0
    })?;
    let counts = outbox::counts(conn)?;
    lines.push(format!(
        "outbox: due emails sent {}, {held} held batch(es) made due, drained {} \
         (pending {}, dead {}, sent {})",
        yes(due_sent),
        yes(drained),
        counts.pending,
        counts.dead,
        counts.sent
    ));
    if !drained || counts.dead > 0 {
        problems.push("the outbox did not drain");
    }

    let alerts = ChairAlerts::read(&smtp.received(), target);
    lines.push(format!(
        "chair alerts received by the SMTP sink: {} email(s) announcing {} comment(s), \
         {} listed by reference{}",
        alerts.emails,
        alerts.announced,
        alerts.listed.len(),
        if alerts.unread_counts > 0 {
            format!(
                "; {} email(s) whose count of the rest could not be read",
                alerts.unread_counts
            )
        } else {
            String::new()
        }
    ));
    if alerts.announced != stored.len() || alerts.unread_counts > 0 {
        problems.push("the alerts do not announce every stored comment");
    }
    if alerts.duplicates > 0 || !alerts.listed.is_subset(&stored) {
        problems.push("the alerts list a comment twice, or one not stored");
    }

    let unsent = pending_without_sent_alert(conn, target)?;
    lines.push(format!(
        "database: pending comments that are in no sent chair alert: {unsent}"
    ));
    if unsent > 0 {
        problems.push("stored comments whose alert was not sent");
    }

    let ok = problems.is_empty();
    lines.push(match ok {
        true => "delivery check: OK".to_owned(),
        false => format!("delivery check: FAILED ({})", problems.join("; ")),
    });
    Ok(Report { lines, ok })
}

fn yes(done: bool) -> &'static str {
    if done {
        "yes"
    } else {
        "NO (gave up after a minute)"
    }
}

fn wait_for(
    conn: &mut AnyConnection,
    what: &str,
    done: impl Fn(&outbox::OutboxCounts) -> bool,
) -> Result<bool> {
    let started = Instant::now();
    loop {
        if done(&outbox::counts(conn)?) {
            return Ok(true);
        }
        if started.elapsed() > PATIENCE {
            eprintln!("waited a minute for {what}");
            return Ok(false);
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Makes the email batches held back on purpose due now, as if their
/// quarter of an hour had passed.
fn hurry_held_batches(conn: &mut AnyConnection) -> Result<usize> {
    Ok(diesel::sql_query(
        "UPDATE email_outbox SET next_attempt_at = created_at \
         WHERE status = 'pending' AND attempts = 0 AND id IN (SELECT id FROM email_batches)",
    )
    .execute(conn)?)
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Pending comments of the roundtable that are no item of a sent email.
fn pending_without_sent_alert(conn: &mut AnyConnection, target: &PostTarget) -> Result<i64> {
    let count: Count = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM comments c \
         WHERE c.roundtable_id = $1 AND c.status = $2 AND NOT EXISTS ( \
           SELECT 1 FROM email_batch_items i JOIN email_outbox o ON o.id = i.batch_id \
           WHERE i.comment_id = c.id AND o.status = 'sent')",
    )
    .bind::<Text, _>(target.roundtable.to_string())
    .bind::<Text, _>(CommentStatus::Pending.code())
    .get_result(conn)?;
    Ok(count.n)
}

/// What the chairs' emails in the sink say.
struct ChairAlerts {
    emails: usize,
    /// Comments listed (each by its queue link) plus those counted as "And
    /// N more" after the listed ones.
    announced: usize,
    listed: HashSet<String>,
    duplicates: usize,
    /// Emails listing a full page whose "And N more" line was not found
    /// (the count is read from the English wording).
    unread_counts: usize,
}

/// The most comments one alert lists by reference (LISTED_ITEMS).
const LISTED_PER_EMAIL: usize = 50;

impl ChairAlerts {
    fn read(mails: &[ReceivedMail], target: &PostTarget) -> Self {
        let mut alerts = ChairAlerts {
            emails: 0,
            announced: 0,
            listed: HashSet::new(),
            duplicates: 0,
            unread_counts: 0,
        };
        let to_a_chair = |mail: &&ReceivedMail| {
            mail.to.iter().any(|to| {
                target
                    .chairs
                    .iter()
                    .any(|chair| to.to_lowercase().contains(&chair.email.to_lowercase()))
            })
        };
        for mail in mails.iter().filter(to_a_chair) {
            let text = mail.part("text/plain").unwrap_or_default();
            let listed: HashSet<String> = queue_links(&text).collect();
            let more = text
                .lines()
                .filter_map(|line| line.trim().strip_prefix("And "))
                .find_map(|rest| {
                    rest.split(' ')
                        .next()?
                        .replace(',', "")
                        .parse::<usize>()
                        .ok()
                });
            if more.is_none() && listed.len() >= LISTED_PER_EMAIL {
                alerts.unread_counts += 1;
            }
            alerts.emails += 1;
            alerts.announced += listed.len() + more.unwrap_or(0);
            for reference in listed {
                if !alerts.listed.insert(reference) {
                    alerts.duplicates += 1;
                }
            }
        }
        alerts
    }
}

/// The comments an email names by their queue link (".../moderation/c-…").
fn queue_links(text: &str) -> impl Iterator<Item = String> + '_ {
    text.match_indices("/moderation/c-").map(|(at, _)| {
        text[at + "/moderation/".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect()
    })
}
