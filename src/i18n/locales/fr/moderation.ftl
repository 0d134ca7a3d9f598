# Moderation: the queue, one comment's page, decisions from an email link,
# the audit trail, the outcome editor and the export form.

# Shared
moderation-title = Modération
moderation-breadcrumb = Fil d’Ariane
moderation-consultation = Consultation
moderation-roundtable = Table ronde
moderation-correct-this = Veuillez corriger ce qui suit
moderation-choose = Choisir…
moderation-reason = Motif
moderation-note-to-author = Message à l’auteur ou à l’autrice (facultatif)
moderation-publish = Publier
moderation-reject = Refuser
moderation-unpublish = Retirer de la publication
moderation-dismiss-the-reports = Classer les signalements
moderation-status-label = Statut :
moderation-in-the-thread = dans la discussion
moderation-preview = Aperçu
moderation-save-changes = Enregistrer les modifications
moderation-cancel = Annuler
moderation-question-number = Question { $number }
moderation-question-choice = Question { $number } : { $text }
moderation-quoted = « { $text } »
moderation-reason-and-note = { $reason } : « { $note } »
moderation-when-and-note = { $when } : « { $note } »

# The queue (pages/moderation/queue.html)
moderation-queue-empty = Rien ne vous attend.
moderation-queue-empty-filtered = Rien ne vous attend ici.
moderation-queue-waiting = { $count ->
    [one] Un commentaire attend votre décision.
   *[other] { $count } commentaires attendent votre décision.
}
moderation-queue-bulk-legend = Décider pour les commentaires sélectionnés
moderation-queue-decision = Décision
moderation-queue-reject-option = Refuser (motif obligatoire)
moderation-queue-dismiss-option = Classer les signalements
moderation-queue-unpublish-option = Retirer de la publication (motif obligatoire)
moderation-queue-reason = Motif, pour un refus ou un retrait de publication
moderation-queue-note = Message aux auteurs et autrices (facultatif)
moderation-queue-apply = Appliquer aux commentaires sélectionnés
moderation-queue-select = Sélectionner
moderation-queue-waiting-for = en attente depuis { $time }
moderation-queue-reported = signalé
moderation-queue-and-hidden = et masqué
moderation-queue-general = Général
moderation-queue-reply-to = En réponse à { $author } : « { $excerpt } »
moderation-queue-reported-as = Signalé comme
moderation-queue-publish-whose = le commentaire de { $name }
moderation-queue-in-the-thread = Dans la discussion
moderation-queue-places-nav = Ce qui attend, par table ronde
moderation-queue-everything = Toutes les tables rondes
moderation-queue-order-label = Ordre
moderation-queue-order-oldest = Les plus anciens d’abord
moderation-queue-order-newest = Les plus récents d’abord
moderation-queue-position = Page { $current } sur { $total }
moderation-queue-paging-nav = Pages de la file
moderation-queue-previous = Précédente
moderation-queue-next = Suivante
moderation-queue-page = Page
moderation-queue-select-all = Tout sélectionner sur cette page
moderation-queue-more-pending = Changer ses questions…
moderation-queue-more-published = Mettre en avant ou changer ses questions…
moderation-queue-reject-summary = Refuser…
moderation-queue-unpublish-summary = Retirer de la publication…
moderation-queue-keys = Raccourcis clavier
moderation-queue-key-move = commentaire suivant ou précédent
moderation-queue-key-select = le sélectionner, ou non
moderation-queue-key-publish = le publier
moderation-queue-key-reject = le refuser ou le retirer de la publication : choisissez le motif, puis appuyez sur son bouton
moderation-trust-heading = Personnes de confiance
moderation-trust-intro = Les commentaires d’une personne de confiance sont publiés aussitôt, partout. Accordez votre confiance à une personne à partir de son commentaire ci-dessus :
moderation-trust-person = Faire confiance à { $name }
moderation-trust-person-organisation = Faire confiance à { $name } ({ $organisation })

# One comment (pages/moderation/item.html)
moderation-item-highlighted = mis en avant
moderation-item-reports = Signalements
moderation-item-decide = Décider
moderation-item-highlight = Mettre en avant dans le recueil
moderation-item-unhighlight = Ne plus mettre en avant
moderation-item-reject-legend = Refuser, avec un motif que l’auteur ou l’autrice lira
moderation-item-questions-legend = Les questions directrices auxquelles il répond
moderation-item-questions-hint = Aucune case cochée : un commentaire général.
moderation-item-save-questions = Enregistrer les questions
moderation-item-unpublish-legend = Retirer de la publication, avec un motif que l’auteur ou l’autrice lira
moderation-item-nothing-to-decide = Aucune décision ne s’applique à lui pour l’instant.

# Deciding from an email link (pages/moderation/email_action.html, link_problem.html)
moderation-email-publish-title = Publier ce commentaire ?
moderation-email-reject-title = Refuser ce commentaire ?
moderation-email-reason = Motif, que l’auteur ou l’autrice lira
moderation-reject-comment = Refuser le commentaire
moderation-publish-comment = Publier le commentaire
moderation-email-nothing-happens = Rien ne se passe tant que vous n’appuyez pas sur le bouton.
moderation-email-see-thread = Le voir dans sa discussion
moderation-link-open-queue = Ouvrir la file de modération
moderation-link-sign-in-first = (connectez-vous d’abord si cela vous est demandé).

# After a bulk decision (pages/moderation/decided.html)
moderation-back-to-queue = Retour à la file de modération

# The audit trail (pages/moderation/audit.html)
moderation-audit-crumb = Journal d’audit
moderation-audit-lead = Chaque envoi, modification, signalement et décision concernant les commentaires de cette table ronde, du plus récent au plus ancien.
moderation-audit-when = Date
moderation-audit-comment = Commentaire
moderation-audit-who = Personne
moderation-audit-what = Action
moderation-audit-reason-note = Motif et message
moderation-audit-empty = Il ne s’est encore rien passé ici.

# The outcome editor (pages/outcome.html)
moderation-outcome-back = Retour à { $title }
moderation-outcome-lead-write = Rédigez la synthèse et les recommandations de la table ronde pour chaque question directrice, un point numéroté par élément de liste.
# Followed by a name and a date
moderation-outcome-last-saved = dernier enregistrement par { $who }
moderation-outcome-updates-published = enregistrer les modifications met à jour les conclusions publiées
moderation-outcome-conflict = Enregistré entre-temps par quelqu’un d’autre
moderation-outcome-introduction = Introduction
moderation-outcome-introduction-hint = (facultative, en Markdown)
moderation-outcome-list-hint = Une liste numérotée : chaque élément est un point.
moderation-outcome-save-draft = Enregistrer le brouillon
moderation-outcome-withdraw = Repasser en brouillon
moderation-outcome-publish = Publier les conclusions

# Exporting comments (pages/export.html)
moderation-export-crumb = Exporter
moderation-export-lead-roundtable = Les commentaires de cette table ronde : sous forme de tableau (une ligne par commentaire), de données structurées, ou de matière première pour le compte rendu de la réunion, avec les conclusions de la présidence, les commentaires mis en avant et les chiffres de participation.
moderation-export-lead-consultation = Les commentaires de toutes les tables rondes que vous pouvez exporter : sous forme de tableau (une ligne par commentaire), de données structurées, ou de matière première pour le compte rendu de la réunion, avec les conclusions de la présidence, les commentaires mis en avant et les chiffres de participation.
moderation-export-format = Format
moderation-export-which = Quels commentaires (tous les critères sont facultatifs)
moderation-export-from = Publiés à partir du
moderation-export-until = Publiés jusqu’au
moderation-export-question = Question directrice
moderation-export-all-questions = Toutes les questions
moderation-export-organisation-type = Type d’organisation
moderation-export-all-types = Tous les types
moderation-export-country = Pays
moderation-export-all-countries = Tous les pays
moderation-export-include-unpublished = Inclure aussi les commentaires en attente, non publiés ou retirés, avec leur statut (le nom du fichier l’indique)
moderation-export-download = Télécharger

# Text the moderation handlers build (src/web/moderation).
moderation-item-title = Commentaire de { $name }
moderation-audit-title = Journal d’audit – { $roundtable }
moderation-record-first = Premier commentaire
moderation-record-before = Auparavant : { $published } { $published ->
    [one] publié
   *[other] publiés
}, { $rejected } { $rejected ->
    [one] non publié
   *[other] non publiés
}
moderation-someone = Quelqu’un
moderation-former-participant = Ancien(ne) participant(e)
moderation-already-decided-by = Décision déjà prise : { $who } { $action ->
    [published] l’a publié
    [rejected] l’a refusé
    [unpublished] l’a retiré de la publication
    [highlighted] l’a mis en avant
    [highlight_removed] a retiré sa mise en avant
    [retagged] a modifié ses questions
    [reports_dismissed] a classé ses signalements
    [withdrawn] l’a retiré
   *[other] a statué sur ce commentaire
} le { $at }.
moderation-already-decided = Décision déjà prise : son statut est désormais « { $status } ».
moderation-not-possible = Impossible : { $why }.
moderation-no-such-comment = Aucun commentaire ne porte cette référence.
moderation-edited-since = Son auteur ou son autrice l’a modifié depuis que vous l’avez lu : lisez le nouveau texte avant de décider.
moderation-not-yours = Cette décision ne vous revient pas : vous ne présidez pas sa table ronde.
# The confirmation of a decision on the queue, and the lines of the page
# after a decision. { $whose } is moderation-confirm-whose.
moderation-confirm-whose = { $count ->
    [0] commentaire général signé { $name }
    [one] commentaire signé { $name } sur la question { $questions }
   *[other] commentaire signé { $name } sur les questions { $questions }
}
moderation-confirm-one = { $action ->
    [publish] Vous avez publié le { $whose }.
    [reject] Vous avez refusé le { $whose }.
    [unpublish] Vous avez retiré de la publication le { $whose }.
    [highlight] Vous avez mis en avant le { $whose } dans le recueil.
    [unhighlight] Vous ne mettez plus en avant le { $whose }.
    [retag] Vous avez changé les questions du { $whose }.
    [dismiss_reports] Vous avez classé les signalements du { $whose } ; il est de nouveau visible.
   *[other] Vous avez pris une décision sur le { $whose }.
}
moderation-confirm-many = { $action ->
    [publish] Vous avez publié { $count } commentaires, signés { $names }.
    [reject] Vous avez refusé { $count } commentaires, signés { $names }.
    [unpublish] Vous avez retiré de la publication { $count } commentaires, signés { $names }.
    [highlight] Vous avez mis en avant { $count } commentaires, signés { $names }.
    [unhighlight] Vous ne mettez plus en avant { $count } commentaires, signés { $names }.
    [retag] Vous avez changé les questions de { $count } commentaires, signés { $names }.
    [dismiss_reports] Vous avez classé les signalements sur { $count } commentaires, signés { $names }.
   *[other] Vous avez pris une décision sur { $count } commentaires, signés { $names }.
}
moderation-confirm-name-count = { $name } ({ $count })
moderation-confirm-names-and = { $first } et { $last }
moderation-confirm-names-others = { $first } et { $others ->
    [one] une autre personne
   *[other] { $others } autres personnes
}
moderation-report-line = Pour le { $whose } : { $what }
moderation-audit-action = { $action ->
    [submitted] soumis
    [published] publié
    [rejected] refusé
    [unpublished] retiré de la publication
    [highlighted] mis en avant
    [highlight_removed] mise en avant retirée
    [retagged] questions modifiées
    [reports_dismissed] signalements classés
    [withdrawn] retiré par son auteur ou son autrice
    [posted] envoyé
    [edited] modifié
    [reported] signalé
    [retained] retenu pour le rapport
    [not_retained] non retenu pour le rapport
    [theme_added] thème ajouté
    [theme_removed] thème retiré
    [late_included] admis dans le rapport (en retard)
    [late_left_out] laissé hors du rapport (en retard)
   *[other] { $action }
}
moderation-link-expired-detail = Les liens des courriels de modération restent valables 7 jours. Le commentaire se trouve toujours dans votre file de modération.
moderation-link-broken-detail = Il a été copié de façon incomplète, ou vous ne présidez plus cette table ronde. Ouvrez plutôt votre file de modération.
moderation-outcome-title = Conclusions de { $roundtable }
moderation-outcome-not-written = Pas encore rédigées
moderation-outcome-former-account = un ancien compte
moderation-export-title = Exporter les commentaires de { $consultation }
moderation-export-format-choice = { $format ->
    [csv] CSV : une ligne par commentaire, pour les tableurs
    [xlsx] Classeur Excel (XLSX) : une ligne par commentaire
    [json] JSON : structuré par table ronde, question et discussion
    [md] Markdown : la matière première du compte rendu de la réunion
   *[html] HTML imprimable : la matière première du compte rendu, au format A4
}

# Possible duplicates of a waiting comment, and the search box of the queue.
moderation-duplicates-title = Doublons possibles
moderation-duplicate-likeness = { $percent } % de mots en commun
moderation-duplicate-note = Doublon de { $reference }
moderation-duplicate-reject = Refuser comme doublon de { $reference }
moderation-search-label = Rechercher dans les commentaires
moderation-search-button = Rechercher
moderation-export-query = Seulement les commentaires avec ces mots
moderation-export-query-hint = Des mots, "une expression exacte" entre guillemets, -mot pour en exclure un. Laissez vide pour tous les commentaires.
