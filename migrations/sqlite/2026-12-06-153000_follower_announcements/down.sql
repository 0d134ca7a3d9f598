DROP TABLE IF EXISTS follower_announcements;
