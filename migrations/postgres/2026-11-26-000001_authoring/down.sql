DROP INDEX slug_redirects_by_slug;
DROP TABLE slug_redirects;
