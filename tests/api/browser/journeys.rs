//! Journeys as people make them on the demo's RT 3.2, on a 390 px phone and
//! at 1280 px, in English and French. Steps are small functions so that
//! #15's ("Comment on this question", registering and coming back,
//! replying, copying a reference) slot in between the ones that exist.

use super::checks::{assert_no_findings, report, Finding};
use super::journey::Journey;
use super::session::{Browser, Screen};
use super::tools::{tools_unless_ci, Tools};
use crate::helpers::{backends, Backend, TestApp, FORUM, RT_3_2};
use crate::people::PASSWORD;

const FORUM_TITLE: &str = "Global Forum Online Roundtables";
/// The first comment of RT 3.2 in the demo, by its chair.
const FIRST_COMMENT: &str = "Welcome to RT 3.2";
/// The first thread of RT 3.2 that answers question 2, in the demo.
const SECOND_QUESTION_COMMENT: &str = "Desde nuestro albergue en el norte de México";

/// #15: from the top of RT 3.2, the comment box in fewer Tab presses than this.
const COMMENT_BOX_WITHIN_TABS: u32 = 15;

/// The words of the interface a journey reads and clicks, per language.
struct Words {
    comments: &'static str,
    /// The language switcher's link, from English.
    language_link: Option<&'static str>,
    terms: &'static str,
    /// Question 2 in the navigation that reads the comments by question.
    reading_question_2: &'static str,
    comment_on_question_2: &'static str,
    sign_in_to_comment: &'static str,
    create_an_account: &'static str,
    email: &'static str,
    password: &'static str,
    name: &'static str,
    organisation: &'static str,
    organisation_type: &'static str,
    migrant_association: &'static str,
    country: &'static str,
    lebanon: &'static str,
    accept_the_terms: &'static str,
    create_my_account: &'static str,
    confirm_my_address: &'static str,
    back_where_you_were: &'static str,
    sign_in: &'static str,
    sign_out: &'static str,
    question_2_choice: &'static str,
    your_comment: &'static str,
    preview: &'static str,
    post_comment: &'static str,
    write_your_comment_first: &'static str,
    reply: &'static str,
    post_reply: &'static str,
    copy_reference: &'static str,
    reference_copied: (&'static str, &'static str),
    reference_not_copied: &'static str,
}

const ENGLISH: Words = Words {
    comments: "Comments",
    language_link: None,
    terms: "Terms and privacy",
    reading_question_2: "Question 2 (",
    comment_on_question_2: "Comment on this question 2",
    sign_in_to_comment: "Sign in to comment",
    create_an_account: "create an account",
    email: "Email address",
    password: "Password",
    name: "Name",
    organisation: "Organisation",
    organisation_type: "Type of organisation",
    migrant_association: "Migrant or diaspora association",
    country: "Country",
    lebanon: "Lebanon",
    accept_the_terms: "I accept the terms",
    create_my_account: "Create my account",
    confirm_my_address: "Confirm my email address",
    back_where_you_were: "Back to where you were",
    sign_in: "Sign in",
    sign_out: "Sign out",
    question_2_choice: "Question 2:",
    your_comment: "Your comment",
    preview: "Preview",
    post_comment: "Post comment",
    write_your_comment_first: "Write your comment before sending it.",
    reply: "Reply",
    post_reply: "Post reply",
    copy_reference: "Copy reference",
    reference_copied: ("Reference c-", " copied."),
    reference_not_copied: "The reference could not be copied",
};

const FRENCH: Words = Words {
    comments: "Commentaires",
    language_link: Some("Français"),
    terms: "Conditions et confidentialité",
    reading_question_2: "Question 2 (",
    comment_on_question_2: "Commenter cette question 2",
    sign_in_to_comment: "Connectez-vous pour commenter",
    create_an_account: "créez un compte",
    email: "Adresse électronique",
    password: "Mot de passe",
    name: "Nom",
    organisation: "Organisation",
    organisation_type: "Type d’organisation",
    migrant_association: "Association de migrants ou de la diaspora",
    country: "Pays",
    lebanon: "Liban",
    accept_the_terms: "J’accepte les conditions",
    create_my_account: "Créer mon compte",
    confirm_my_address: "Confirmer mon adresse électronique",
    back_where_you_were: "Revenir où vous étiez",
    sign_in: "Se connecter",
    sign_out: "Se déconnecter",
    question_2_choice: "Question 2",
    your_comment: "Votre commentaire",
    preview: "Aperçu",
    post_comment: "Envoyer le commentaire",
    write_your_comment_first: "Rédigez votre commentaire avant de l’envoyer.",
    reply: "Répondre",
    post_reply: "Publier la réponse",
    copy_reference: "Copier la référence",
    reference_copied: ("Référence c-", " copiée."),
    reference_not_copied: "La référence n’a pas pu être copiée",
};

const SPANISH: Words = Words {
    comments: "Comentarios",
    language_link: Some("Español"),
    terms: "Condiciones y privacidad",
    reading_question_2: "Pregunta 2 (",
    comment_on_question_2: "Comentar esta pregunta 2",
    sign_in_to_comment: "Inicie sesión para comentar",
    create_an_account: "cree una cuenta",
    email: "Dirección de correo electrónico",
    password: "Contraseña",
    name: "Nombre",
    organisation: "Organización",
    organisation_type: "Tipo de organización",
    migrant_association: "Asociación de migrantes o de la diáspora",
    country: "País",
    lebanon: "Líbano",
    accept_the_terms: "Acepto las condiciones",
    create_my_account: "Crear mi cuenta",
    confirm_my_address: "Confirmar mi dirección de correo electrónico",
    back_where_you_were: "Volver a donde estaba",
    sign_in: "Iniciar sesión",
    sign_out: "Cerrar sesión",
    question_2_choice: "Pregunta 2:",
    your_comment: "Su comentario",
    preview: "Vista previa",
    post_comment: "Enviar el comentario",
    write_your_comment_first: "Escriba su comentario antes de enviarlo.",
    reply: "Responder",
    post_reply: "Publicar la respuesta",
    copy_reference: "Copiar la referencia",
    reference_copied: ("Referencia c-", " copiada."),
    reference_not_copied: "No se pudo copiar la referencia",
};

/// From the home page to RT 3.2's comments, by links.
async fn reads_rt_3_2(person: &mut Journey<'_>, words: &Words) {
    person.opens("/").await;
    if let Some(language) = words.language_link {
        person.follows_link(language).await;
    }
    person.follows_link(FORUM_TITLE).await;
    person.follows_link("RT 3.2").await;
    person.reads(words.comments).await;
    person.reads(FIRST_COMMENT).await;
    person.follows_link(words.terms).await;
}

/// Signs in from RT 3.2's "Sign in to comment" and is back on RT 3.2.
async fn signs_in_from_rt_3_2(person: &mut Journey<'_>, email: &str) {
    person.opens(&format!("/c/{FORUM}/{RT_3_2}")).await;
    person.follows_link("Sign in to comment").await;
    enters_password(person, email, &ENGLISH).await;
    person.reads("Post comment").await;
}

async fn enters_password(person: &mut Journey<'_>, email: &str, words: &Words) {
    person.types_into(words.email, email).await;
    person.types_into(words.password, PASSWORD).await;
    person.presses(words.sign_in).await;
    person.reads(words.sign_out).await;
}

/// An empty comment (the mistake is in view, with the focus), a preview
/// (in view, with the focus), then the comment posted.
async fn posts_a_comment(person: &mut Journey<'_>, text: &str, words: &Words) {
    person.presses(words.post_comment).await;
    person.sees_focus_on(words.write_your_comment_first).await;
    person.types_into(words.your_comment, text).await;
    person.presses(words.preview).await;
    person.sees_focus_on(text).await;
    person.presses(words.post_comment).await;
    person.reads(text).await;
}

/// Opens RT 3.2 (switching language first), reads question 2's comments,
/// presses "Comment on this question", registers and confirms the address
/// from the email, then goes back to where they were.
async fn registers_from_rt_3_2(
    person: &mut Journey<'_>,
    app: &TestApp,
    email: &str,
    words: &Words,
) {
    person.opens(&format!("/c/{FORUM}/{RT_3_2}")).await;
    if let Some(language) = words.language_link {
        person.follows_link(language).await;
    }
    person.follows_link(words.reading_question_2).await;
    person.reads(SECOND_QUESTION_COMMENT).await;
    person.follows_link(words.comment_on_question_2).await;
    person.follows_link(words.create_an_account).await;
    person.types_into(words.email, email).await;
    person.types_into(words.password, PASSWORD).await;
    person.types_into(words.name, "Nadia Haddad").await;
    person
        .types_into(words.organisation, "Welcome Kitchen")
        .await;
    person
        .chooses(words.organisation_type, words.migrant_association)
        .await;
    person.chooses(words.country, words.lebanon).await;
    person.ticks(words.accept_the_terms).await;
    person.presses(words.create_my_account).await;
    person.reads(email).await;
    let link = verification_link(&app.deliver_mail().await, email);
    person.opens(&link).await;
    person.presses(words.confirm_my_address).await;
    person.follows_link(words.back_where_you_were).await;
}

/// The address of the verification link in the last email to `email`.
fn verification_link(mails: &[roundtable::mail::SentEmail], email: &str) -> String {
    let mail = mails
        .iter()
        .rev()
        .find(|m| m.recipient.contains(email))
        .expect("a verification email");
    let start = mail
        .body_text
        .find("/verify-email?token=")
        .expect("a verification link");
    mail.body_text[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

/// Copies the first comment's reference, as a chair citing it would. The
/// headless browser may refuse the clipboard: either way the page says so.
async fn copies_a_reference(person: &mut Journey<'_>, words: &Words) {
    let said = person.presses_in_place(words.copy_reference).await;
    let (before, after) = words.reference_copied;
    assert!(
        (said.starts_with(before) && said.ends_with(after))
            || said.starts_with(words.reference_not_copied),
        "the page says what happened: “{said}”"
    );
}

/// Replies to the first comment of RT 3.2.
async fn replies_to_the_first_comment(person: &mut Journey<'_>, text: &str, words: &Words) {
    person.follows_link(words.reply).await;
    person.reads(FIRST_COMMENT).await;
    person.types_into(words.your_comment, text).await;
    person.presses(words.post_reply).await;
    person.reads(text).await;
}

async fn reading_journey(tools: &Tools, screen: Screen, words: &Words, name: &str) -> Vec<Finding> {
    let browser = Browser::open(tools, screen).await;
    // Reading touches the database no differently on PostgreSQL.
    let app = TestApp::with_demo().spawn(Backend::Sqlite).await;
    let mut visitor = Journey::begin(name, &browser, tools, &app).await;
    reads_rt_3_2(&mut visitor, words).await;
    visitor.end()
}

fn finish(findings: &[Finding]) {
    if !findings.is_empty() {
        eprintln!("{}", report(findings));
    }
    assert_no_findings(findings);
}

#[tokio::test]
async fn a_visitor_on_a_phone_reads_rt_3_2() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let findings = reading_journey(&tools, Screen::Phone, &ENGLISH, "a visitor reads RT 3.2").await;
    finish(&findings);
}

#[tokio::test]
async fn a_visitor_at_1280_px_reads_rt_3_2_in_french() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let findings = reading_journey(
        &tools,
        Screen::Desktop,
        &FRENCH,
        "a visitor reads RT 3.2 in French",
    )
    .await;
    finish(&findings);
}

#[tokio::test]
async fn a_visitor_on_a_phone_reads_rt_3_2_in_spanish() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let findings = reading_journey(
        &tools,
        Screen::Phone,
        &SPANISH,
        "a visitor reads RT 3.2 in Spanish",
    )
    .await;
    finish(&findings);
}

#[tokio::test]
async fn a_participant_on_a_phone_signs_in_and_comments_on_rt_3_2() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let browser = Browser::open(&tools, Screen::Phone).await;
    let mut findings = Vec::new();
    // Posting writes: both backends.
    for app in TestApp::with_demo().spawn_each().await {
        let participant = app.with_participant("Amina Diallo").await;
        let mut amina = Journey::begin("a participant comments", &browser, &tools, &app).await;
        signs_in_from_rt_3_2(&mut amina, &participant.email).await;
        let text = "Our city funds interpreters for every consultation.";
        posts_a_comment(&mut amina, text, &ENGLISH).await;
        findings.extend(amina.end());
        app.deliver_mail().await;
    }
    finish(&findings);
}

/// The whole journey of a newcomer, on a phone, in one language, on the
/// backend preferred if this run covers it (else SQLite).
async fn registers_then_comments_and_replies(preferred: Backend, words: &Words, name: &str) {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let browser = Browser::open(&tools, Screen::Phone).await;
    let backend = backends()
        .into_iter()
        .find(|covered| *covered == preferred)
        .unwrap_or(Backend::Sqlite);
    let app = TestApp::with_demo().spawn(backend).await;
    let mut nadia = Journey::begin(name, &browser, &tools, &app).await;
    registers_from_rt_3_2(&mut nadia, &app, "nadia@example.org", words).await;
    // Back on the comment page for question 2, not signed in yet: signing
    // in comes back there too, with question 2 ticked.
    nadia.follows_link(words.sign_in_to_comment).await;
    enters_password(&mut nadia, "nadia@example.org", words).await;
    nadia.sees_ticked(words.question_2_choice).await;
    posts_a_comment(&mut nadia, "Our kitchen hires newcomers as cooks.", words).await;
    replies_to_the_first_comment(&mut nadia, "We can host the next meeting.", words).await;
    copies_a_reference(&mut nadia, words).await;
    let findings = nadia.end();
    app.deliver_mail().await;
    finish(&findings);
}

#[tokio::test]
async fn a_visitor_on_a_phone_registers_then_comments_and_replies() {
    let name = "a visitor registers and comments";
    registers_then_comments_and_replies(Backend::Sqlite, &ENGLISH, name).await;
}

/// The same in French, on PostgreSQL when the suite has it.
#[tokio::test]
async fn a_visitor_on_a_phone_registers_then_comments_and_replies_in_french() {
    let name = "a visitor registers and comments in French";
    registers_then_comments_and_replies(Backend::Postgres, &FRENCH, name).await;
}

/// Keyboard only, signed in: from the top of RT 3.2, Tab to "Comment",
/// Enter, then Tab until the comment box has the focus. #15 wants fewer
/// than 15 Tab presses in all.
#[tokio::test]
async fn tab_presses_from_the_top_of_rt_3_2_to_the_comment_box() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let browser = Browser::open(&tools, Screen::Desktop).await;
    let app = TestApp::with_demo().spawn(Backend::Sqlite).await;
    let participant = app.with_participant("Amina Diallo").await;
    let mut amina = Journey::begin("Tab to the comment box", &browser, &tools, &app)
        .await
        .without_checks();
    signs_in_from_rt_3_2(&mut amina, &participant.email).await;
    amina.opens(&format!("/c/{FORUM}/{RT_3_2}")).await;
    let to_the_button = amina
        .tabs_to_link_and_follows("Comment", COMMENT_BOX_WITHIN_TABS)
        .await
        .expect("the Comment button can be reached with Tab");
    let to_the_box = amina
        .tabs_to("Your comment", COMMENT_BOX_WITHIN_TABS)
        .await
        .expect("the comment box can be reached with Tab");
    let presses = to_the_button + to_the_box;
    eprintln!("Tab presses from the top of RT 3.2 to the comment box: {to_the_button} to Comment, then {to_the_box}");
    assert!(
        presses < COMMENT_BOX_WITHIN_TABS,
        "{presses} Tab presses; #15 wants fewer than {COMMENT_BOX_WITHIN_TABS}"
    );
}
