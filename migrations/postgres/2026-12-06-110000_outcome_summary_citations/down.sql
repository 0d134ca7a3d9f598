DROP TABLE outcome_summary_citations;
