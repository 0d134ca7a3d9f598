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

-- Deferred to the commit, and once per transaction and scope. The rows are
-- locked in one order ('content' before 'setup') and last of all the
-- writer's locks, so two writers never wait for each other in opposite
-- orders (a deadlock); a transaction that changes a thousand rows bumps
-- each number once.
CREATE FUNCTION bump_content_version() RETURNS trigger AS $$
DECLARE
    flag TEXT := 'roundtable.bumped_' || TG_ARGV[0];
BEGIN
    IF current_setting(flag, true) = 'yes' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config(flag, 'yes', true);
    PERFORM 1 FROM content_versions
        WHERE TG_ARGV[0] = 'setup' OR scope = 'content'
        ORDER BY scope FOR UPDATE;
    UPDATE content_versions SET version = version + 1
        WHERE TG_ARGV[0] = 'setup' OR scope = 'content';
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER users_bumps_content AFTER INSERT OR UPDATE OR DELETE ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('setup');

CREATE CONSTRAINT TRIGGER terms_versions_bumps_content AFTER INSERT OR UPDATE OR DELETE ON terms_versions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('setup');

CREATE CONSTRAINT TRIGGER consultations_bumps_content AFTER INSERT OR UPDATE OR DELETE ON consultations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('setup');

CREATE CONSTRAINT TRIGGER consultation_organisations_bumps_content AFTER INSERT OR UPDATE OR DELETE ON consultation_organisations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('setup');

CREATE CONSTRAINT TRIGGER roundtables_bumps_content AFTER INSERT OR UPDATE OR DELETE ON roundtables
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('setup');

CREATE CONSTRAINT TRIGGER guiding_questions_bumps_content AFTER INSERT OR UPDATE OR DELETE ON guiding_questions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('setup');

CREATE CONSTRAINT TRIGGER programme_items_bumps_content AFTER INSERT OR UPDATE OR DELETE ON programme_items
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('setup');

CREATE CONSTRAINT TRIGGER chair_assignments_bumps_content AFTER INSERT OR UPDATE OR DELETE ON chair_assignments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('setup');

CREATE CONSTRAINT TRIGGER resources_bumps_content AFTER INSERT OR UPDATE OR DELETE ON resources
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('setup');

CREATE CONSTRAINT TRIGGER slug_redirects_bumps_content AFTER INSERT OR UPDATE OR DELETE ON slug_redirects
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('setup');

CREATE CONSTRAINT TRIGGER comments_bumps_content AFTER INSERT OR UPDATE OR DELETE ON comments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

CREATE CONSTRAINT TRIGGER comment_guiding_questions_bumps_content AFTER INSERT OR UPDATE OR DELETE ON comment_guiding_questions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

CREATE CONSTRAINT TRIGGER moderation_events_bumps_content AFTER INSERT OR UPDATE OR DELETE ON moderation_events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

CREATE CONSTRAINT TRIGGER comment_reports_bumps_content AFTER INSERT OR UPDATE OR DELETE ON comment_reports
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

CREATE CONSTRAINT TRIGGER roundtable_outcomes_bumps_content AFTER INSERT OR UPDATE OR DELETE ON roundtable_outcomes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

CREATE CONSTRAINT TRIGGER outcome_points_bumps_content AFTER INSERT OR UPDATE OR DELETE ON outcome_points
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

CREATE CONSTRAINT TRIGGER outcome_citations_bumps_content AFTER INSERT OR UPDATE OR DELETE ON outcome_citations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');

CREATE CONSTRAINT TRIGGER outcome_summary_citations_bumps_content AFTER INSERT OR UPDATE OR DELETE ON outcome_summary_citations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_version('content');
