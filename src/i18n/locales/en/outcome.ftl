# The chairs' outcome: the editor's list of comments to cite
# (pages/outcome.html, assets/outcome-editor.js), the withdrawal's
# confirmation page (pages/outcome_withdraw.html), the confirmation after a
# change (pages/roundtable.html) and cited authors in the published outcome.

pages-outcome-lead-sources = Beside each question are the roundtable's published comments that answer it. Cite one by its reference, such as #c-2f9a01bc (the first four characters after c- are enough when they name one comment): the published outcome shows the name of its author, who is told by email.
pages-outcome-introduction-cites = The introduction may cite comments too, such as those listed with the points across the questions.
# Headings of the list of comments beside each question's fields.
pages-outcome-sources-question = Comments on question { $number } ({ $count })
pages-outcome-sources-general = Comments on no particular question ({ $count })
pages-outcome-sources-hint = Highlighted comments first, then the oldest.
pages-outcome-sources-none = No published comment yet.
pages-outcome-source-highlighted = Highlighted
pages-outcome-source-read = Read it (opens in a new tab)
# Written by the script: {"{"}reference{"}"} and {"{"}field{"}"} are filled in there.
pages-outcome-cite = Cite
pages-outcome-cited = {"{"}reference{"}"} inserted into “{"{"}field{"}"}”.
pages-outcome-filter = Filter these comments
pages-outcome-filter-count = Comments shown: {"{"}shown{"}"} of {"{"}total{"}"}

# Withdrawing a published outcome
pages-outcome-withdraw-heading = Withdraw from publication
pages-outcome-withdraw-lead = Readers will no longer see the outcome; chairs and staff still will, and can publish it again. You will be asked to confirm. Changes typed above and not saved are not kept.
pages-outcome-withdraw-open = Withdraw to draft…
pages-outcome-withdraw-title = Withdraw the outcome of { $roundtable }?
pages-outcome-withdraw-explained = The outcome becomes a draft again: readers no longer see it on the roundtable page. Chairs and staff still see it and can publish it again.
pages-outcome-withdraw-back = Back to the outcome editor
pages-outcome-withdraw-keep = Keep it published

# The confirmation on the roundtable page after the outcome form.
pages-outcome-notice-draft-saved = Outcome of { $roundtable } saved as a draft: only chairs and staff see it.
pages-outcome-notice-changes-saved = Changes saved: the published outcome of { $roundtable } is up to date. A changed text is published as a new version; earlier versions stay readable.
pages-outcome-notice-published = Outcome of { $roundtable } published: everyone sees it below, and the authors it cites are told by email.
pages-outcome-notice-withdrawn = Outcome of { $roundtable } withdrawn: it is a draft again, seen only by chairs and staff.

# A citation in the published outcome: who wrote the comment.
pages-outcome-cited-full = { $name } ({ $organisation }, { $country })
# $detail is their organisation or their country.
pages-outcome-cited-with = { $name } ({ $detail })

invalid-citation-malformed = { $reference } is not a comment reference: write # and the reference shown beside the comment, such as #c-2f9a01bc.
conflict-outcome-not-published = This outcome is not published: there is nothing to withdraw.
