search-title = Rechercher dans les commentaires
search-nav = Rechercher
search-label = Mots à chercher
search-help = Un mot trouve toutes ses formes (« migrant » trouve « migrants »), avec ou sans accents. Mettez « une expression » entre guillemets pour la trouver mot pour mot ; mettez un signe moins devant un mot pour écarter ce qui le contient, par exemple : financement -prêts.
search-filters = Affiner la recherche
search-filters-narrow = Choisissez une consultation et lancez la recherche pour choisir l’une de ses tables rondes, puis une table ronde pour choisir l’une de ses questions directrices.
search-consultation = Consultation
search-any-consultation = Toutes les consultations
search-roundtable = Table ronde
search-any-roundtable = Toutes les tables rondes
search-question = Question directrice
search-any-question = Toutes les questions directrices
search-organisation-type = Type d’organisation
search-any-organisation-type = Tous les types d’organisation
search-country = Pays
search-any-country = Tous les pays
search-from = Écrit le ou après le
search-to = Écrit le ou avant le
search-date-hint = Année-mois-jour, par exemple 2026-03-31.
search-submit = Rechercher
search-results = Résultats
search-found = { $count ->
    [0] Aucun commentaire ne correspond à votre recherche.
    [one] Un commentaire correspond à votre recherche.
   *[other] { $count } commentaires correspondent à votre recherche.
}
search-places = Consultations, tables rondes et questions
search-comments = Commentaires
search-open-comment = Commentaire de { $author }
search-paging-nav = Pages de résultats
search-place-question = Question directrice { $number } de { $roundtable }
search-questions = { $count ->
    [one] Question { $numbers }
   *[other] Questions { $numbers }
}
search-question-choice = { $number }. { $text }
search-box-label = Rechercher dans les commentaires de cette consultation
search-box-label-roundtable = Rechercher dans les commentaires de cette table ronde
search-box-all-questions = Toutes les questions directrices
search-box-question-number = Question { $number }
search-box-hint = « Une expression » entre guillemets ; -mot pour l’écarter.
search-box-more = Plus de critères de recherche
