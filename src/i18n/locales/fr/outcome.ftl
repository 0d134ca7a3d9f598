# The chairs' outcome: the editor's list of comments to cite
# (pages/outcome.html, assets/outcome-editor.js), the withdrawal's
# confirmation page (pages/outcome_withdraw.html), the confirmation after a
# change (pages/roundtable.html) and cited authors in the published outcome.

pages-outcome-lead-sources = À côté de chaque question figurent les commentaires publiés de la table ronde qui y répondent. Citez-en un par sa référence, par exemple #c-2f9a01bc (les quatre premiers caractères après c- suffisent s’ils ne désignent qu’un seul commentaire) : les conclusions publiées donnent le nom de la personne qui l’a écrit, et celle-ci est avertie par courriel.
pages-outcome-introduction-cites = L’introduction peut elle aussi citer des commentaires, par exemple ceux listés avec les points sur l’ensemble des questions.
# Headings of the list of comments beside each question's fields.
pages-outcome-sources-question = Commentaires sur la question { $number } ({ $count })
pages-outcome-sources-general = Commentaires sans question particulière ({ $count })
pages-outcome-sources-hint = Les commentaires mis en avant d’abord, puis les plus anciens.
pages-outcome-sources-none = Aucun commentaire publié pour l’instant.
pages-outcome-source-highlighted = Mis en avant
pages-outcome-source-read = Le lire (nouvel onglet)
# Written by the script: {"{"}reference{"}"} and {"{"}field{"}"} are filled in there.
pages-outcome-cite = Citer
pages-outcome-cited = {"{"}reference{"}"} inséré dans « {"{"}field{"}"} ».
pages-outcome-filter = Filtrer ces commentaires
pages-outcome-filter-count = Commentaires affichés : {"{"}shown{"}"} sur {"{"}total{"}"}

# Withdrawing a published outcome
pages-outcome-withdraw-heading = Retirer de la publication
pages-outcome-withdraw-lead = Le public ne verra plus les conclusions ; la présidence et l’équipe les verront toujours et pourront les publier de nouveau. Une confirmation vous sera demandée. Les modifications saisies plus haut et non enregistrées ne sont pas conservées.
pages-outcome-withdraw-open = Repasser en brouillon…
pages-outcome-withdraw-title = Repasser en brouillon les conclusions de { $roundtable } ?
pages-outcome-withdraw-explained = Les conclusions redeviennent un brouillon : le public ne les voit plus sur la page de la table ronde. La présidence et l’équipe les voient toujours et peuvent les publier de nouveau.
pages-outcome-withdraw-back = Retour à l’éditeur des conclusions
pages-outcome-withdraw-keep = Les laisser publiées

# The confirmation on the roundtable page after the outcome form.
pages-outcome-notice-draft-saved = Conclusions de { $roundtable } enregistrées comme brouillon : seules la présidence et l’équipe les voient.
pages-outcome-notice-changes-saved = Modifications enregistrées : les conclusions publiées de { $roundtable } sont à jour. Un texte modifié est publié comme nouvelle version ; les versions précédentes restent consultables.
pages-outcome-notice-published = Conclusions de { $roundtable } publiées : tout le monde les voit ci-dessous, et les personnes dont elles citent un commentaire sont averties par courriel.
pages-outcome-notice-withdrawn = Conclusions de { $roundtable } retirées : elles redeviennent un brouillon, visible seulement par la présidence et l’équipe.

# A citation in the published outcome: who wrote the comment.
pages-outcome-cited-full = { $name } ({ $organisation }, { $country })
# $detail is their organisation or their country.
pages-outcome-cited-with = { $name } ({ $detail })

invalid-citation-malformed = { $reference } n’est pas une référence de commentaire : écrivez # suivi de la référence affichée à côté du commentaire, par exemple #c-2f9a01bc.
conflict-outcome-not-published = Ces conclusions ne sont pas publiées : il n’y a rien à retirer.
