-- Numbers that grow with every committed change to what pages and the
-- public API show. Each instance keeps caches of visitors' answers (and of
-- what every post reads) and uses an entry only while the number is the one
-- it was made at. The triggers below bump them inside the changing
-- transaction, so no writer (an instance, a command, an operator's SQL) can
-- forget to.
--   'content': anything shown, comments and outcomes included;
--   'setup':   consultations, roundtables, their questions, programme,
--              chairs and people, which every post reads and comments do
--              not change.
CREATE TABLE content_versions (
    scope TEXT PRIMARY KEY NOT NULL CHECK (scope IN ('content', 'setup')),
    version BIGINT NOT NULL
);
INSERT INTO content_versions (scope, version) VALUES ('content', 1);
INSERT INTO content_versions (scope, version) VALUES ('setup', 1);

CREATE TRIGGER users_insert_bumps_content AFTER INSERT ON users
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER users_update_bumps_content AFTER UPDATE ON users
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER users_delete_bumps_content AFTER DELETE ON users
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER terms_versions_insert_bumps_content AFTER INSERT ON terms_versions
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER terms_versions_update_bumps_content AFTER UPDATE ON terms_versions
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER terms_versions_delete_bumps_content AFTER DELETE ON terms_versions
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER consultations_insert_bumps_content AFTER INSERT ON consultations
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER consultations_update_bumps_content AFTER UPDATE ON consultations
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER consultations_delete_bumps_content AFTER DELETE ON consultations
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER consultation_organisations_insert_bumps_content AFTER INSERT ON consultation_organisations
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER consultation_organisations_update_bumps_content AFTER UPDATE ON consultation_organisations
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER consultation_organisations_delete_bumps_content AFTER DELETE ON consultation_organisations
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER roundtables_insert_bumps_content AFTER INSERT ON roundtables
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER roundtables_update_bumps_content AFTER UPDATE ON roundtables
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER roundtables_delete_bumps_content AFTER DELETE ON roundtables
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER guiding_questions_insert_bumps_content AFTER INSERT ON guiding_questions
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER guiding_questions_update_bumps_content AFTER UPDATE ON guiding_questions
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER guiding_questions_delete_bumps_content AFTER DELETE ON guiding_questions
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER programme_items_insert_bumps_content AFTER INSERT ON programme_items
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER programme_items_update_bumps_content AFTER UPDATE ON programme_items
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER programme_items_delete_bumps_content AFTER DELETE ON programme_items
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER chair_assignments_insert_bumps_content AFTER INSERT ON chair_assignments
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER chair_assignments_update_bumps_content AFTER UPDATE ON chair_assignments
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER chair_assignments_delete_bumps_content AFTER DELETE ON chair_assignments
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER resources_insert_bumps_content AFTER INSERT ON resources
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER resources_update_bumps_content AFTER UPDATE ON resources
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER resources_delete_bumps_content AFTER DELETE ON resources
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER slug_redirects_insert_bumps_content AFTER INSERT ON slug_redirects
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER slug_redirects_update_bumps_content AFTER UPDATE ON slug_redirects
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER slug_redirects_delete_bumps_content AFTER DELETE ON slug_redirects
BEGIN
    UPDATE content_versions SET version = version + 1;
END;

CREATE TRIGGER comments_insert_bumps_content AFTER INSERT ON comments
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER comments_update_bumps_content AFTER UPDATE ON comments
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER comments_delete_bumps_content AFTER DELETE ON comments
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER comment_guiding_questions_insert_bumps_content AFTER INSERT ON comment_guiding_questions
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER comment_guiding_questions_update_bumps_content AFTER UPDATE ON comment_guiding_questions
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER comment_guiding_questions_delete_bumps_content AFTER DELETE ON comment_guiding_questions
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER moderation_events_insert_bumps_content AFTER INSERT ON moderation_events
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER moderation_events_update_bumps_content AFTER UPDATE ON moderation_events
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER moderation_events_delete_bumps_content AFTER DELETE ON moderation_events
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER comment_reports_insert_bumps_content AFTER INSERT ON comment_reports
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER comment_reports_update_bumps_content AFTER UPDATE ON comment_reports
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER comment_reports_delete_bumps_content AFTER DELETE ON comment_reports
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER roundtable_outcomes_insert_bumps_content AFTER INSERT ON roundtable_outcomes
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER roundtable_outcomes_update_bumps_content AFTER UPDATE ON roundtable_outcomes
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER roundtable_outcomes_delete_bumps_content AFTER DELETE ON roundtable_outcomes
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER outcome_points_insert_bumps_content AFTER INSERT ON outcome_points
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER outcome_points_update_bumps_content AFTER UPDATE ON outcome_points
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER outcome_points_delete_bumps_content AFTER DELETE ON outcome_points
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER outcome_citations_insert_bumps_content AFTER INSERT ON outcome_citations
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER outcome_citations_update_bumps_content AFTER UPDATE ON outcome_citations
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER outcome_citations_delete_bumps_content AFTER DELETE ON outcome_citations
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER outcome_summary_citations_insert_bumps_content AFTER INSERT ON outcome_summary_citations
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER outcome_summary_citations_update_bumps_content AFTER UPDATE ON outcome_summary_citations
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;

CREATE TRIGGER outcome_summary_citations_delete_bumps_content AFTER DELETE ON outcome_summary_citations
BEGIN
    UPDATE content_versions SET version = version + 1 WHERE scope = 'content';
END;
