search-title = Search comments
search-nav = Search
search-label = Words to look for
search-help = Words find every form of themselves ("migrant" finds "migrants"), with or without accents. Put "a phrase" in quotation marks to find it word for word; put a minus sign before a word to leave out what contains it, as in: funding -loans.
search-filters = Narrow the search
search-filters-narrow = Choose a consultation and search to pick one of its roundtables, then a roundtable to pick one of its guiding questions.
search-consultation = Consultation
search-any-consultation = Any consultation
search-roundtable = Roundtable
search-any-roundtable = Any roundtable
search-question = Guiding question
search-any-question = Any guiding question
search-organisation-type = Type of organisation
search-any-organisation-type = Any type of organisation
search-country = Country
search-any-country = Any country
search-from = Written on or after
search-to = Written on or before
search-date-hint = Year-month-day, for example 2026-03-31.
search-submit = Search
search-results = Results
search-found = { $count ->
    [0] No comment matches your search.
    [one] One comment matches your search.
   *[other] { $count } comments match your search.
}
search-places = Consultations, roundtables and questions
search-comments = Comments
search-open-comment = Comment by { $author }
search-paging-nav = Pages of results
search-place-question = Guiding question { $number } of { $roundtable }
search-questions = { $count ->
    [one] Question { $numbers }
   *[other] Questions { $numbers }
}
search-question-choice = { $number }. { $text }
search-box-label = Search the comments of this consultation
search-box-label-roundtable = Search the comments of this roundtable
search-box-all-questions = All guiding questions
search-box-question-number = Question { $number }
search-box-hint = "A phrase" in quotation marks; -word to leave out.
search-box-more = More ways to search
