-- The comments an outcome's introduction cites: they are checked, linked
-- and told to their authors like the citations of its points.
CREATE TABLE outcome_summary_citations (
    outcome_id TEXT NOT NULL REFERENCES roundtable_outcomes (id) ON DELETE CASCADE,
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    PRIMARY KEY (outcome_id, comment_id)
);
CREATE INDEX outcome_summary_citations_by_comment ON outcome_summary_citations (comment_id);
