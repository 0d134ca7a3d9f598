//! Written by hand for both backends (see migrations/): only types that the
//! multi-backend connection shares.

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        email_normalized -> Text,
        display_name -> Text,
        organisation -> Text,
        organisation_type -> Nullable<Text>,
        country_code -> Nullable<Text>,
        gender -> Nullable<Text>,
        role -> Text,
        trusted -> Bool,
        preferred_language -> Nullable<Text>,
        password_hash -> Nullable<Text>,
        verified_at -> Nullable<Timestamp>,
        consented_at -> Nullable<Timestamp>,
        deactivated_at -> Nullable<Timestamp>,
        erased_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        moderation_alerts -> Text,
        consented_terms_version -> Nullable<Integer>,
    }
}

diesel::table! {
    terms_versions (version) {
        version -> Integer,
        body_markdown -> Text,
        body_html -> Text,
        published_at -> Timestamp,
        published_by -> Nullable<Text>,
    }
}

diesel::table! {
    consultations (id) {
        id -> Text,
        slug -> Text,
        title -> Text,
        summary -> Text,
        description_markdown -> Text,
        description_html -> Text,
        kind -> Text,
        venue -> Nullable<Text>,
        online -> Bool,
        starts_at -> Nullable<Timestamp>,
        ends_at -> Nullable<Timestamp>,
        time_zone -> Text,
        languages -> Text,
        content_language -> Text,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    consultation_organisations (id) {
        id -> Text,
        consultation_id -> Text,
        role -> Text,
        name -> Text,
        url -> Nullable<Text>,
        position -> Integer,
    }
}

diesel::table! {
    roundtables (id) {
        id -> Text,
        consultation_id -> Text,
        parent_id -> Nullable<Text>,
        code -> Nullable<Text>,
        slug -> Text,
        title -> Text,
        summary -> Text,
        background_markdown -> Text,
        background_html -> Text,
        objectives_markdown -> Text,
        objectives_html -> Text,
        position -> Integer,
        moderation_mode -> Text,
        comments_open_at -> Nullable<Timestamp>,
        comments_close_at -> Nullable<Timestamp>,
        starts_at -> Nullable<Timestamp>,
        ends_at -> Nullable<Timestamp>,
        venue -> Nullable<Text>,
        content_language -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        grace_minutes -> Nullable<Integer>,
    }
}

diesel::table! {
    guiding_questions (id) {
        id -> Text,
        roundtable_id -> Text,
        position -> Integer,
        text -> Text,
        retired_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    programme_items (id) {
        id -> Text,
        consultation_id -> Text,
        roundtable_id -> Nullable<Text>,
        starts_at -> Timestamp,
        ends_at -> Nullable<Timestamp>,
        title -> Text,
        description -> Text,
        speakers -> Text,
        position -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    chair_assignments (id) {
        id -> Text,
        roundtable_id -> Text,
        user_id -> Text,
        assigned_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    comments (id) {
        id -> Text,
        reference -> Text,
        roundtable_id -> Text,
        parent_id -> Nullable<Text>,
        author_id -> Nullable<Text>,
        author_name -> Text,
        author_organisation -> Text,
        author_organisation_type -> Nullable<Text>,
        author_country_code -> Nullable<Text>,
        body_markdown -> Text,
        body_html -> Text,
        language -> Nullable<Text>,
        status -> Text,
        highlighted -> Bool,
        hidden_by_reports -> Bool,
        path -> Text,
        depth -> Integer,
        decision_reason -> Nullable<Text>,
        decision_note -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        edited_at -> Nullable<Timestamp>,
        revision -> Integer,
    }
}

// The search index: the terms of each comment (see the search migration;
// each backend adds its own full-text structure over `terms`).
diesel::table! {
    search_documents (id) {
        id -> BigInt,
        comment_id -> Text,
        language -> Text,
        terms -> Text,
    }
}

diesel::table! {
    comment_guiding_questions (comment_id, guiding_question_id) {
        comment_id -> Text,
        guiding_question_id -> Text,
    }
}

diesel::table! {
    moderation_events (id) {
        id -> Text,
        comment_id -> Text,
        actor_id -> Nullable<Text>,
        action -> Text,
        from_status -> Nullable<Text>,
        to_status -> Nullable<Text>,
        reason_code -> Nullable<Text>,
        note -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    comment_reports (id) {
        id -> Text,
        comment_id -> Text,
        reporter_id -> Nullable<Text>,
        reason -> Text,
        note -> Nullable<Text>,
        created_at -> Timestamp,
        resolved_at -> Nullable<Timestamp>,
        resolved_by -> Nullable<Text>,
        resolution -> Nullable<Text>,
    }
}

diesel::table! {
    email_outbox (id) {
        id -> Text,
        kind -> Text,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        headers_json -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        dedup_key -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_batches (id) {
        id -> Text,
        user_id -> Text,
        kind -> Text,
        follows -> Text,
        send_at -> Timestamp,
        created_at -> Timestamp,
        composed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_batch_items (batch_id, comment_id, action) {
        batch_id -> Text,
        comment_id -> Text,
        action -> Text,
        reason -> Nullable<Text>,
        note -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    resources (id) {
        id -> Text,
        consultation_id -> Text,
        roundtable_id -> Nullable<Text>,
        kind -> Text,
        title -> Text,
        url -> Text,
        description -> Text,
        position -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    roundtable_outcomes (id) {
        id -> Text,
        roundtable_id -> Text,
        summary_markdown -> Text,
        summary_html -> Text,
        status -> Text,
        published_at -> Nullable<Timestamp>,
        updated_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        revision -> Integer,
    }
}

diesel::table! {
    outcome_points (id) {
        id -> Text,
        outcome_id -> Text,
        guiding_question_id -> Nullable<Text>,
        kind -> Text,
        position -> Integer,
        body_markdown -> Text,
        body_html -> Text,
    }
}

diesel::table! {
    outcome_citations (outcome_point_id, comment_id) {
        outcome_point_id -> Text,
        comment_id -> Text,
    }
}

diesel::table! {
    outcome_summary_citations (outcome_id, comment_id) {
        outcome_id -> Text,
        comment_id -> Text,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        actor_id -> Nullable<Text>,
        entity_type -> Text,
        entity_id -> Text,
        action -> Text,
        details_json -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        csrf_token -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    one_time_tokens (id) {
        id -> Text,
        user_id -> Text,
        purpose -> Text,
        new_email -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    rate_limit_hits (id) {
        id -> Text,
        bucket -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    email_opt_outs (user_id, topic) {
        user_id -> Text,
        topic -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Text,
        user_id -> Text,
        name -> Text,
        token_digest -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    roundtable_visits (user_id, roundtable_id) {
        user_id -> Text,
        roundtable_id -> Text,
        last_seen_at -> Timestamp,
    }
}

diesel::table! {
    site_secrets (name) {
        name -> Text,
        value -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    slug_redirects (id) {
        id -> Text,
        old_slug -> Text,
        consultation_id -> Text,
        roundtable_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    comment_relevance (comment_id) {
        comment_id -> Text,
        retained -> Bool,
        decided_by -> Nullable<Text>,
        decided_at -> Timestamp,
    }
}

diesel::table! {
    themes (id) {
        id -> Text,
        roundtable_id -> Text,
        label -> Text,
        label_key -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    comment_themes (comment_id, theme_id) {
        comment_id -> Text,
        theme_id -> Text,
        tagged_by -> Nullable<Text>,
        tagged_at -> Timestamp,
    }
}

diesel::table! {
    late_comments (comment_id) {
        comment_id -> Text,
        deadline -> Timestamp,
        included -> Nullable<Bool>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    deadline_changes (id) {
        id -> Text,
        roundtable_id -> Text,
        previous_close_at -> Nullable<Timestamp>,
        new_close_at -> Nullable<Timestamp>,
        reason -> Text,
        changed_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    roundtable_followers (user_id, roundtable_id) {
        user_id -> Text,
        roundtable_id -> Text,
        following -> Bool,
        daily_digest -> Bool,
        digest_sent_until -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    outcome_revisions (id) {
        id -> Text,
        outcome_id -> Text,
        revision -> Integer,
        version -> Nullable<Integer>,
        content_json -> Text,
        fingerprint -> Nullable<Text>,
        saved_by -> Nullable<Text>,
        saved_at -> Timestamp,
        published_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    digest_files (id) {
        id -> Text,
        consultation_id -> Nullable<Text>,
        roundtable_id -> Nullable<Text>,
        format -> Text,
        fingerprint -> Text,
        file_sha256 -> Text,
        comment_count -> Integer,
        generated_by -> Nullable<Text>,
        generated_at -> Timestamp,
    }
}

diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(email_opt_outs -> users (user_id));
diesel::joinable!(one_time_tokens -> users (user_id));
diesel::joinable!(consultation_organisations -> consultations (consultation_id));
diesel::joinable!(roundtables -> consultations (consultation_id));
diesel::joinable!(guiding_questions -> roundtables (roundtable_id));
diesel::joinable!(programme_items -> consultations (consultation_id));
diesel::joinable!(chair_assignments -> roundtables (roundtable_id));
diesel::joinable!(comments -> roundtables (roundtable_id));
diesel::joinable!(comment_guiding_questions -> comments (comment_id));
diesel::joinable!(comment_guiding_questions -> guiding_questions (guiding_question_id));
diesel::joinable!(moderation_events -> comments (comment_id));
diesel::joinable!(comment_reports -> comments (comment_id));
diesel::joinable!(resources -> consultations (consultation_id));
diesel::joinable!(outcome_points -> roundtable_outcomes (outcome_id));
diesel::joinable!(outcome_citations -> outcome_points (outcome_point_id));
diesel::joinable!(outcome_citations -> comments (comment_id));
diesel::joinable!(outcome_summary_citations -> roundtable_outcomes (outcome_id));
diesel::joinable!(outcome_summary_citations -> comments (comment_id));
diesel::joinable!(roundtable_outcomes -> users (updated_by));
diesel::joinable!(slug_redirects -> consultations (consultation_id));
diesel::joinable!(email_batches -> email_outbox (id));
diesel::joinable!(email_batches -> users (user_id));
diesel::joinable!(email_batch_items -> email_batches (batch_id));
diesel::joinable!(email_batch_items -> comments (comment_id));
diesel::joinable!(search_documents -> comments (comment_id));
diesel::joinable!(comment_relevance -> comments (comment_id));
diesel::joinable!(themes -> roundtables (roundtable_id));
diesel::joinable!(comment_themes -> comments (comment_id));
diesel::joinable!(comment_themes -> themes (theme_id));
diesel::joinable!(late_comments -> comments (comment_id));
diesel::joinable!(deadline_changes -> roundtables (roundtable_id));
diesel::joinable!(roundtable_followers -> roundtables (roundtable_id));
diesel::joinable!(roundtable_followers -> users (user_id));
diesel::joinable!(outcome_revisions -> roundtable_outcomes (outcome_id));
diesel::joinable!(follower_announcements -> roundtables (roundtable_id));

diesel::table! {
    follower_announcements (id) {
        id -> Text,
        roundtable_id -> Text,
        kind -> Text,
        subject_key -> Text,
        details_json -> Text,
        created_at -> Timestamp,
        announced_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    content_versions (scope) {
        scope -> Text,
        version -> BigInt,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    users,
    consultations,
    consultation_organisations,
    roundtables,
    guiding_questions,
    programme_items,
    chair_assignments,
    comments,
    comment_guiding_questions,
    moderation_events,
    comment_reports,
    email_outbox,
    email_batches,
    email_batch_items,
    resources,
    roundtable_outcomes,
    outcome_points,
    outcome_citations,
    outcome_summary_citations,
    audit_log,
    sessions,
    one_time_tokens,
    rate_limit_hits,
    email_opt_outs,
    api_tokens,
    roundtable_visits,
    site_secrets,
    slug_redirects,
    terms_versions,
    search_documents,
    comment_relevance,
    themes,
    comment_themes,
    late_comments,
    deadline_changes,
    roundtable_followers,
    outcome_revisions,
    digest_files,
    follower_announcements,
);
