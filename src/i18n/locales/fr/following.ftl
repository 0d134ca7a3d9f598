# Commentaires tardifs, changements d’échéance et abonnements (ticket 19).
views-period-late-until = Échéance passée : les commentaires tardifs sont reçus jusqu’au { $at }
invalid-grace-hours = Indiquez le délai de grâce en heures entières, de 0 à { $max }, et non « { $value } »
invalid-deadline-reason-missing = Indiquez pourquoi l’échéance des commentaires change : les abonnés en sont informés
missing-late-comment = Ce commentaire n’a pas été publié en retard.
unauthorized-follow = Connectez-vous pour suivre une table ronde.
late-grace-hours = Délai de grâce après l’échéance (heures, facultatif)
late-grace-hours-hint = Les commentaires publiés pendant ces heures sont marqués « en retard » et la présidence décide s’ils entrent dans le rapport. 0 ou vide : aucun.
follow-deadline-reason = Pourquoi l’échéance des commentaires change
follow-deadline-reason-hint = Obligatoire si vous changez l’échéance : la raison est affichée sur la page de la table ronde et envoyée à ses abonnés.
late-grace-line = Les commentaires se closent le { $at } ; ceux publiés dans les { $hours } heures suivantes sont marqués « en retard » et la présidence décide s’ils entrent dans le rapport.
late-deadline-extended = Échéance prolongée le { $on } jusqu’au { $to } : { $reason }
late-deadline-brought-forward = Échéance avancée le { $on } au { $to } : { $reason }
late-deadline-set = Échéance fixée le { $on } au { $to } : { $reason }
late-deadline-removed = Échéance supprimée le { $on } : { $reason }
late-badge = En retard
late-decision-undecided = En retard — pas encore décidé
late-decision-included = En retard — inclus par la présidence
late-decision-left_out = En retard — hors du rapport
late-include-button = Inclure dans le rapport
late-leave-out-button = Laisser hors du rapport
late-done-included-title = Inclus dans le rapport
late-done-included-detail = Le commentaire tardif { $reference } entre désormais dans le rapport.
late-done-left-out-title = Laissé hors du rapport
late-done-left-out-detail = Le commentaire tardif { $reference } reste hors du rapport. Vous pourrez changer d’avis.
late-filter = Commentaires tardifs seulement
late-filter-all = Tous les commentaires en attente
late-digest-section = Commentaires tardifs hors du rapport
follow-now = Vous suivez cette table ronde : vous recevez un courriel quand son échéance change ou que sa synthèse est publiée.
follow-now-with-digest = Vous suivez cette table ronde, avec un courriel quotidien des nouveaux commentaires publiés.
follow-button = Suivre cette table ronde
follow-stop-button = Ne plus suivre
follow-add-digest-button = Recevoir aussi un courriel quotidien des nouveaux commentaires
follow-digest-option = Recevoir aussi un courriel quotidien des nouveaux commentaires
follow-done-following-title = Vous suivez cette table ronde
follow-done-following-detail = Vous recevrez un courriel quand son échéance change et quand sa synthèse est publiée.
follow-done-digest-title = Vous suivez cette table ronde
follow-done-digest-detail = Vous recevrez un courriel quand son échéance change, quand sa synthèse est publiée, et une fois par jour quand de nouveaux commentaires sont publiés.
follow-done-stopped-title = Vous ne suivez plus cette table ronde
follow-done-stopped-detail = Vous ne recevrez plus de courriels à son sujet. Y commenter de nouveau n’y change rien.
follow-unsubscribed-topic = les courriels sur { $roundtable }, que vous ne suivez plus
follow-no-deadline = pas d’échéance
follow-deadline-subject-extended = L’échéance des commentaires de { $roundtable } est prolongée
follow-deadline-subject-brought-forward = L’échéance des commentaires de { $roundtable } est avancée
follow-deadline-subject-set = { $roundtable } a désormais une échéance pour les commentaires
follow-deadline-subject-removed = { $roundtable } n’a plus d’échéance pour les commentaires
follow-deadline-intro = L’échéance des commentaires de { $roundtable }, que vous suivez, a changé.
follow-deadline-from-to = { $previous } → { $new }
follow-deadline-reason-line = Raison : { $reason }
follow-stop-text = Ne plus suivre { $roundtable } : { $link }
follow-stop-link = Ne plus suivre { $roundtable }
follow-outcome-subject = La version { $version } de la synthèse de { $roundtable } est publiée
follow-outcome-read-text = La lire, avec les changements depuis la version précédente : { $link }
follow-outcome-read-link = La lire, avec les changements depuis la version précédente
follow-digest-subject = { $count ->
    [one] 1 nouveau commentaire dans { $roundtable }
   *[other] { $count } nouveaux commentaires dans { $roundtable }
}
follow-digest-intro = { $count ->
    [one] Un nouveau commentaire a été publié dans { $roundtable }, que vous suivez :
   *[other] { $count } nouveaux commentaires ont été publiés dans { $roundtable }, que vous suivez :
}
follow-digest-more = { $count ->
    [one] et 1 autre sur la page de la table ronde.
   *[other] et { $count } autres sur la page de la table ronde.
}
follow-digest-read = Lire
account-following-heading = Tables rondes que vous suivez
account-following-none = Vous ne suivez aucune table ronde.
account-following-digest = avec un courriel quotidien
