coverage-title = Coverage of { $roundtable }
coverage-link = Coverage: what reaches the report, who is heard
coverage-nav = Coverage
coverage-lead = How the published comments reach the report, question by question, and whose voices they carry. Figures are counted now, while comments come in and after.
coverage-open-editor = Open the outcome editor
coverage-figures-caption = Comments by guiding question
coverage-col-question = Question
coverage-col-published = Published
coverage-col-retained = Retained
coverage-col-cited = Cited in the outcome
coverage-question = Question { $number }
coverage-no-question = Not tied to a question
coverage-on-question = on question { $number }
coverage-on-no-question = outside the guiding questions
coverage-awaiting-heading = { $count ->
    [0] Retained comments not cited yet
    [one] One retained comment not cited yet
   *[other] { $count } retained comments not cited yet
}
coverage-awaiting-none = Every retained comment here is cited in the outcome.
coverage-awaiting-total = { $count ->
    [0] Every retained comment is cited in the outcome.
    [one] One retained comment is not cited yet
   *[other] { $count } retained comments are not cited yet
}
coverage-cite = Cite in the outcome
coverage-gaps-heading = Not heard yet
coverage-gaps-none = Every world region and every kind of organisation has commented here.
coverage-not-heard-region = No comment yet from { $region } { $place }
coverage-not-heard-kinds = No comment yet { $place } from: { $kinds }
coverage-heard-heading = Who is heard
coverage-heard-people = { $commenters ->
    [one] One person commented
   *[other] { $commenters } people commented
}; the outcome cites { $cited ->
    [0] none of them yet
    [one] one of them
   *[other] { $cited } of them
}.
coverage-by-region = By world region (UN M49)
coverage-by-kind = By kind of organisation
coverage-by-country = By country
coverage-col-group = Group
coverage-col-commenters = People who commented
coverage-col-cited-authors = Authors cited
coverage-nobody-yet = Nobody yet.
coverage-gender-heading = By gender
coverage-gender-withheld = Not shown: too few people gave a gender, or the figures would tell one person's gender.
coverage-gender-other = Other or not given
coverage-region-africa = Africa
coverage-region-americas = the Americas
coverage-region-asia = Asia
coverage-region-europe = Europe
coverage-region-oceania = Oceania
coverage-cite-question = the synthesis of question { $number }
coverage-cite-general = the synthesis across the questions
coverage-cite-added = Comment #{ $reference } is added as a new point to { $section }. Write the point around it, then save or publish.
coverage-cite-already = Comment #{ $reference } is already cited in { $section }.
