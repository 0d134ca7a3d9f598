# Marques pour le rapport : pertinence et thèmes (présidents et équipe seulement).
marks-heading = Pour le rapport
marks-page-title = Commentaire { $reference } pour le rapport
marks-relevance-legend = Ce commentaire est-il retenu pour le rapport ?
marks-relevance-now = { $relevance ->
    [retained] Retenu pour le rapport.
    [not_retained] Non retenu pour le rapport.
   *[undecided] Pas encore décidé.
}
marks-relevance-published-only = { $relevance ->
    [retained] Marqué comme retenu, mais il ne compte pas tant qu'il n'est pas publié : seuls les commentaires publiés peuvent être retenus pour le rapport.
    [not_retained] Marqué comme non retenu. Seuls les commentaires publiés peuvent être retenus pour le rapport.
   *[undecided] Seuls les commentaires publiés peuvent être retenus pour le rapport.
}
marks-retain = Retenu pour le rapport
marks-not-retain = Non retenu
marks-themes-heading = Thèmes
marks-themes-none = Aucun thème pour l'instant.
marks-theme-remove = Retirer
marks-theme-remove-which = le thème « { $theme } »
marks-theme-add = Ajouter un thème
marks-theme-add-hint = Choisissez un des thèmes de cette table ronde ou saisissez-en un nouveau (60 caractères au plus).
marks-theme-add-button = Ajouter le thème
marks-themes-page-link = Tous les thèmes de cette table ronde
marks-themes-title = Thèmes de { $roundtable }
marks-themes-crumb = Thèmes
marks-themes-lead = Seuls les présidents de la table ronde et l'équipe voient les thèmes.
marks-themes-empty = Aucun thème pour l'instant. Ajoutez-en un sous un commentaire dans la file de modération.
marks-theme-count = { $count ->
    [one] un commentaire
   *[other] { $count } commentaires
}
marks-theme-rename-label = Nouveau nom pour « { $theme } »
marks-theme-rename = Renommer
marks-theme-merge-label = Fusionner « { $theme } » dans
marks-theme-merge = Fusionner…
marks-merge-title = Fusionner « { $theme } » dans « { $into } » ?
marks-merge-explain = { $count ->
    [one] Le commentaire marqué « { $theme } » portera « { $into } », et le thème « { $theme } » disparaîtra. Cette action est définitive.
   *[other] Les { $count } commentaires marqués « { $theme } » porteront « { $into } », et le thème « { $theme } » disparaîtra. Cette action est définitive.
}
marks-merge-confirm = Fusionner « { $theme } » dans « { $into } »
marks-merge-cancel = Annuler
marks-confirmation = { $what ->
    [retained] Commentaire { $reference } retenu pour le rapport.
    [not_retained] Commentaire { $reference } non retenu pour le rapport.
    [theme_added] Thème « { $theme } » ajouté au commentaire { $reference }.
    [theme_removed] Thème « { $theme } » retiré du commentaire { $reference }.
    [renamed] Thème « { $theme } » renommé « { $into } ».
    [merged] Thème « { $theme } » fusionné dans « { $into } ».
   *[other] Enregistré.
}
invalid-relevance-missing = Indiquez si le commentaire est retenu pour le rapport.
invalid-relevance = Choisissez « retenu » ou « non retenu ».
invalid-relevance-not-published = Seuls les commentaires publiés peuvent être retenus pour le rapport ; celui-ci n'est pas publié.
invalid-relevance-filter = Choisissez « retenu », « non retenu » ou « non décidé ».
invalid-theme-empty = Saisissez un thème.
invalid-theme-control = Un thème ne peut pas contenir de caractères de contrôle.
invalid-theme-too-long = Ce thème compte { $length } caractères ; la limite est de { $limit }.
invalid-theme-taken = Le thème « { $label } » existe déjà : fusionnez plutôt ce thème dans celui-ci.
invalid-theme-unknown = Choisissez un des thèmes de cette table ronde.
invalid-theme-merge-itself = Un thème ne peut pas être fusionné dans lui-même.
invalid-theme-merge-choose = Choisissez le thème dans lequel le fusionner.
invalid-marks-filter-staff = Seuls les présidents et l'équipe filtrent par thème ou par pertinence.
missing-theme = Cette table ronde n'a pas ce thème.
missing-comment-theme = Ce commentaire ne porte pas ce thème.
forbidden-themes = Seuls les présidents de la table ronde et l'équipe voient et modifient ses thèmes.
marks-filter-theme = Thème
marks-filter-theme-hint = Pour les présidents et l'équipe : seulement les commentaires portant ce thème.
marks-filter-relevance = Pour le rapport
marks-filter-any = Tous les commentaires
marks-filter-choice = { $relevance ->
    [retained] Retenus pour le rapport
    [not_retained] Non retenus
   *[undecided] Pas encore décidés
}
marks-queue-filter = Filtrer par thème ou par pertinence
marks-queue-filter-apply = Filtrer la file
marks-link = Pour le rapport
