coverage-title = Couverture de { $roundtable }
coverage-link = Couverture : ce qui parvient au rapport, qui est entendu
coverage-nav = Couverture
coverage-lead = Comment les commentaires publiés parviennent au rapport, question par question, et quelles voix ils portent. Les chiffres sont calculés à l’instant, pendant la période de commentaires et après.
coverage-open-editor = Ouvrir l’éditeur des conclusions
coverage-figures-caption = Commentaires par question directrice
coverage-col-question = Question
coverage-col-published = Publiés
coverage-col-retained = Retenus
coverage-col-cited = Cités dans les conclusions
coverage-question = Question { $number }
coverage-no-question = Sans question
coverage-on-question = sur la question { $number }
coverage-on-no-question = hors des questions directrices
coverage-awaiting-heading = { $count ->
    [0] Commentaires retenus pas encore cités
    [one] Un commentaire retenu pas encore cité
   *[other] { $count } commentaires retenus pas encore cités
}
coverage-awaiting-none = Chaque commentaire retenu ici est cité dans les conclusions.
coverage-awaiting-total = { $count ->
    [0] Chaque commentaire retenu est cité dans les conclusions.
    [one] Un commentaire retenu n’est pas encore cité
   *[other] { $count } commentaires retenus ne sont pas encore cités
}
coverage-cite = Citer dans les conclusions
coverage-gaps-heading = Pas encore entendus
coverage-gaps-none = Chaque région du monde et chaque type d’organisation a commenté ici.
coverage-not-heard-region = Aucun commentaire encore de { $region } { $place }
coverage-not-heard-kinds = Aucun commentaire encore { $place } de : { $kinds }
coverage-heard-heading = Qui est entendu
coverage-heard-people = { $commenters ->
    [one] Une personne a commenté
   *[other] { $commenters } personnes ont commenté
} ; les conclusions en citent { $cited ->
    [0] aucune pour l’instant
    [one] une
   *[other] { $cited }
}.
coverage-by-region = Par région du monde (M49 des Nations unies)
coverage-by-kind = Par type d’organisation
coverage-by-country = Par pays
coverage-col-group = Groupe
coverage-col-commenters = Personnes ayant commenté
coverage-col-cited-authors = Auteurs cités
coverage-nobody-yet = Personne pour l’instant.
coverage-gender-heading = Par genre
coverage-gender-withheld = Non affiché : trop peu de personnes ont indiqué un genre, ou les chiffres révéleraient le genre d’une personne.
coverage-gender-other = Autre ou non indiqué
coverage-region-africa = l’Afrique
coverage-region-americas = les Amériques
coverage-region-asia = l’Asie
coverage-region-europe = l’Europe
coverage-region-oceania = l’Océanie
coverage-cite-question = la synthèse de la question { $number }
coverage-cite-general = la synthèse générale
coverage-cite-added = Le commentaire #{ $reference } est ajouté comme nouveau point à { $section }. Rédigez le point autour de lui, puis enregistrez ou publiez.
coverage-cite-already = Le commentaire #{ $reference } est déjà cité dans { $section }.
