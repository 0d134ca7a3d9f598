views-online = En ligne
views-venue-and-online = { $venue } et en ligne
views-consultations = Consultations
views-open-now = Ouvertes en ce moment
views-coming-up = À venir
views-past = Consultations passées
views-comment-count = { $count ->
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
views-comment-count-new = { $count ->
    [one] { $count } commentaire
   *[other] { $count } commentaires
}, dont { $new } depuis votre dernière visite
views-period-opens = Ouverture des commentaires le { $at }
views-period-open-until = Commentaires ouverts jusqu’au { $at }
views-period-open = Commentaires ouverts
views-period-closed-on = Commentaires clos le { $at }
views-period-closed = Les commentaires sont clos
views-withdrawn-by-author = Ce commentaire a été retiré par son auteur ou son autrice.
views-not-published = Ce commentaire n’est pas publié.
views-awaiting-decision = En attente de la décision de la présidence : vous seul(e) et la présidence le voyez
views-hidden-after-reports = Masqué après des signalements, jusqu’à la décision de la présidence
views-status-not-published = Non publié
views-kind-conference = Conférence
views-kind-online_conference = Conférence en ligne
views-kind-workshop = Atelier
views-kind-workshop_series = Série d’ateliers
views-kind-forum = Forum
views-kind-consultation = Consultation
views-status-draft = Brouillon
views-status-open = Ouverte
views-status-closed = Clôturée
views-status-archived = Archivée
views-role-organiser = Organisé par
views-role-partner = En partenariat avec
views-role-patron = Sous le patronage de
views-moderation-pre = Les commentaires sont publiés après l’accord de la présidence
views-moderation-post = Les commentaires sont publiés aussitôt ; la présidence peut les retirer
views-resource-background_paper = Document de référence
views-resource-issues_paper = Note thématique
views-resource-publication = Publication
views-resource-organisation = Organisation
views-resource-other = Autre
views-orgtype-national_government = Gouvernement national
views-orgtype-local_authority = Collectivité locale ou régionale
views-orgtype-international_organisation = Organisation internationale
views-orgtype-civil_society = Organisation de la société civile ou ONG
views-orgtype-migrant_association = Association de migrants ou de la diaspora
views-orgtype-academia = Université ou recherche
views-orgtype-private_sector = Secteur privé
views-orgtype-media = Médias
views-orgtype-individual = Particulier
views-language-en = anglais
views-language-fr = français
views-language-es = espagnol
views-question-heading = Question { $number } : { $text }
views-across-questions = Ensemble des questions
views-gender-woman = Femme
views-gender-man = Homme
views-gender-another = Autre genre
views-gender-prefer_not_to_say = Préfère ne pas répondre
views-userrole-participant = Participant(e)
views-userrole-staff = Membre de l’équipe
views-userrole-admin = Administrateur(trice)
views-reason-off_topic = Hors sujet
views-reason-not_identified = Identification incorrecte
views-reason-duplicate = Doublon d’un autre commentaire
views-reason-abusive = Injurieux
views-reason-spam = Spam
views-reason-other = Autre motif
views-comment-pending = En attente de la décision de la présidence
views-comment-approved = Publié
views-comment-rejected = Non publié
views-comment-withdrawn = Retiré par son auteur ou son autrice
views-frequency-immediate = Aussitôt, puis au plus un courriel par quart d’heure
views-frequency-hourly = Un récapitulatif toutes les heures
views-frequency-daily = Un récapitulatif chaque jour
views-frequency-off = Jamais
views-topic-moderation = Commentaires qui attendent ma décision, en tant que président(e)
views-topic-decisions = Décisions de la présidence sur mes commentaires
views-topic-replies = Réponses publiées à mes commentaires
views-topic-citations = Publication de conclusions qui citent mes commentaires
views-language-de = allemand
views-language-cs = tchèque
views-language-ka = géorgien
views-language-ru = russe
views-language-tr = turc
views-language-ar = arabe
views-language-it = italien
views-language-nl = néerlandais
views-language-pt = portugais
views-waited-moment = moins d’une minute
views-waited-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
views-waited-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
views-waited-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
views-ago = il y a { $time }
views-outcome-draft = Brouillon
views-outcome-published = Publiées
views-point-synthesis = Synthèse
views-point-recommendation = Recommandations
