# Marks for the report: relevance and themes (chairs and staff only).
marks-heading = For the report
marks-page-title = Comment { $reference } for the report
marks-relevance-legend = Is this comment retained for the report?
marks-relevance-now = { $relevance ->
    [retained] Retained for the report.
    [not_retained] Not retained for the report.
   *[undecided] Not decided yet.
}
marks-relevance-published-only = { $relevance ->
    [retained] Marked as retained, but it does not count while it is not published: only published comments can be retained for the report.
    [not_retained] Marked as not retained. Only published comments can be retained for the report.
   *[undecided] Only published comments can be retained for the report.
}
marks-retain = Retained for the report
marks-not-retain = Not retained
marks-themes-heading = Themes
marks-themes-none = No theme yet.
marks-theme-remove = Remove
marks-theme-remove-which = the theme “{ $theme }”
marks-theme-add = Add a theme
marks-theme-add-hint = Choose one of this roundtable's themes or type a new one (up to 60 characters).
marks-theme-add-button = Add the theme
marks-themes-page-link = All themes of this roundtable
marks-themes-title = Themes of { $roundtable }
marks-themes-crumb = Themes
marks-themes-lead = Themes are seen by the roundtable's chairs and staff only.
marks-themes-empty = No theme yet. Add one under a comment in the moderation queue.
marks-theme-count = { $count ->
    [one] one comment
   *[other] { $count } comments
}
marks-theme-rename-label = New name for “{ $theme }”
marks-theme-rename = Rename
marks-theme-merge-label = Merge “{ $theme }” into
marks-theme-merge = Merge…
marks-merge-title = Merge “{ $theme }” into “{ $into }”?
marks-merge-explain = { $count ->
    [one] The comment tagged “{ $theme }” will carry “{ $into }”, and the theme “{ $theme }” will disappear. This cannot be undone.
   *[other] The { $count } comments tagged “{ $theme }” will carry “{ $into }”, and the theme “{ $theme }” will disappear. This cannot be undone.
}
marks-merge-confirm = Merge “{ $theme }” into “{ $into }”
marks-merge-cancel = Cancel
marks-confirmation = { $what ->
    [retained] Comment { $reference } retained for the report.
    [not_retained] Comment { $reference } not retained for the report.
    [theme_added] Theme “{ $theme }” added to comment { $reference }.
    [theme_removed] Theme “{ $theme }” removed from comment { $reference }.
    [renamed] Theme “{ $theme }” renamed “{ $into }”.
    [merged] Theme “{ $theme }” merged into “{ $into }”.
   *[other] Saved.
}
invalid-relevance-missing = Choose whether the comment is retained for the report.
invalid-relevance = Choose “retained” or “not retained”.
invalid-relevance-not-published = Only published comments can be retained for the report; this one is not published.
invalid-relevance-filter = Choose “retained”, “not retained” or “undecided”.
invalid-theme-empty = Type a theme.
invalid-theme-control = A theme cannot hold control characters.
invalid-theme-too-long = This theme is { $length } characters long; the limit is { $limit }.
invalid-theme-taken = The theme “{ $label }” exists already: merge this theme into it instead.
invalid-theme-unknown = Choose one of this roundtable's themes.
invalid-theme-merge-itself = A theme cannot be merged into itself.
invalid-theme-merge-choose = Choose the theme to merge it into.
invalid-marks-filter-staff = Only chairs and staff filter by theme or relevance.
missing-theme = This roundtable has no such theme.
missing-comment-theme = This comment does not carry this theme.
forbidden-themes = Only the roundtable's chairs and staff see and change its themes.
marks-filter-theme = Theme
marks-filter-theme-hint = For chairs and staff: only comments with this theme.
marks-filter-relevance = For the report
marks-filter-any = Any comment
marks-filter-choice = { $relevance ->
    [retained] Retained for the report
    [not_retained] Not retained
   *[undecided] Not decided yet
}
marks-queue-filter = Filter by theme or relevance
marks-queue-filter-apply = Filter the queue
marks-link = For the report
