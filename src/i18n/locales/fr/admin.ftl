# Setting up: consultations, roundtables, accounts and undelivered emails (staff and administrators).

# Shared
admin-breadcrumb = Fil d’Ariane
admin-correct-this = Veuillez corriger ce qui suit
admin-choose = Choisir…
admin-title = Titre
admin-slug = Nom dans l’adresse web
admin-status = Statut
admin-public-page = Page publique
admin-preview = Aperçu
admin-save-changes = Enregistrer les modifications
admin-content-language = Langue des textes
admin-remove = Retirer
admin-accounts = Comptes
admin-organisation = Organisation
admin-role = Rôle
admin-state = État

# Consultations (pages/admin/consultations.html, consultation_form.html)
admin-consultations-title = Consultations
admin-consultations-new = Nouvelle consultation
admin-consultations-caption = Toutes les consultations, brouillons compris, des plus récentes aux plus anciennes
admin-consultations-empty = Aucune consultation pour l’instant.
admin-all-consultations = Toutes les consultations
admin-consultation-slug-hint = Lettres minuscules, chiffres et traits d’union, comme dans /c/prague-cities-2019. Laissez vide pour le créer à partir du titre. Les anciennes adresses restent valables après une modification.
admin-consultation-summary = Résumé (un paragraphe, pour les listes et les flux)
admin-consultation-description = Description (Markdown)
admin-consultation-description-hint = Titres, listes, liens et tableaux sont autorisés. Utilisez « Aperçu » pour la voir telle qu’elle sera publiée.
admin-consultation-preview-heading = Aperçu de la description
admin-consultation-kind = Type d’événement
admin-consultation-venue = Lieu
admin-consultation-venue-hint = Ville et bâtiment, si l’événement a lieu en présentiel.
admin-consultation-online = A lieu (aussi) en ligne
admin-consultation-time-zone = Fuseau horaire de l’événement
admin-consultation-time-zone-hint = Les heures ci-dessous, et celles des pages publiques, sont exprimées dans ce fuseau.
admin-consultation-starts = Début
admin-consultation-ends = Fin
admin-consultation-comment-languages = Langues dans lesquelles les commentaires peuvent être rédigés
admin-consultation-organisers = Organisé par
admin-consultation-organisers-hint = Une organisation par ligne ; ajoutez son adresse web après une barre verticale : Nom | https://example.org
admin-consultation-partners = En partenariat avec
admin-consultation-partners-hint = Une organisation par ligne, comme ci-dessus.
admin-consultation-status-hint = Un brouillon n’est visible que par l’équipe. Ouverte : chacun peut lire et commenter. Close : chacun peut lire, personne ne peut commenter. Archivée : en lecture seule, définitivement.
admin-consultation-create = Créer la consultation
admin-consultation-roundtables = Tables rondes
admin-consultation-move-up = Monter
admin-consultation-move-down = Descendre
admin-consultation-move-up-label = Monter { $title }
admin-consultation-move-down-label = Descendre { $title }
admin-consultation-add-sub = Ajouter une sous-table ronde
admin-consultation-no-roundtable = Aucune table ronde pour l’instant.
admin-consultation-new-roundtable = Nouvelle table ronde

# A roundtable (pages/admin/roundtable_form.html)
admin-roundtable-code = Code
admin-roundtable-code-hint = Facultatif, par exemple RT 3.2.
admin-roundtable-slug-hint = Laissez vide pour le créer à partir du titre. Les anciennes adresses restent valables après une modification.
admin-roundtable-parent = Fait partie de
admin-roundtable-no-parent = Aucune : table ronde indépendante
admin-roundtable-summary = Résumé
admin-roundtable-background-markdown = Contexte (Markdown)
admin-roundtable-objectives-markdown = Objectifs (Markdown)
admin-roundtable-background = Contexte
admin-roundtable-objectives = Objectifs
admin-roundtable-moderation = Modération
admin-roundtable-times-zone = Les heures sont exprimées dans le fuseau de la consultation, { $zone }.
admin-roundtable-comments-open = Ouverture des commentaires
admin-roundtable-comments-open-hint = Vide : ouverts dès l’ouverture de la consultation.
admin-roundtable-comments-close = Clôture des commentaires
admin-roundtable-comments-close-hint = Vide : ouverts jusqu’à la clôture de la consultation.
admin-roundtable-starts = Début de la séance
admin-roundtable-ends = Fin de la séance
admin-roundtable-venue = Salle ou lieu
admin-roundtable-language-as-consultation = Comme la consultation
admin-roundtable-questions = Questions directrices
admin-roundtable-question-number = Question { $number }
admin-roundtable-question-retired = (retirée)
admin-roundtable-question-uses = { $count ->
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
admin-roundtable-question-place = Position
admin-roundtable-question-keep = Conserver
admin-roundtable-question-keep-retired = Laisser retirée
admin-roundtable-question-retire = Retirer (reste attachée à ses commentaires et dans les exports)
admin-roundtable-question-remove = Supprimer
admin-roundtable-add-questions = Ajouter des questions
admin-roundtable-add-questions-hint = Une question par ligne ; elles s’ajoutent après les autres.
admin-roundtable-create = Créer la table ronde
admin-roundtable-chairs = Présidence
admin-roundtable-no-chair = Pas encore de présidence : les commentaires attendent la décision de l’équipe jusqu’à la désignation d’un président ou d’une présidente.
admin-roundtable-find-person = Trouver une personne par son nom, son organisation ou son adresse e-mail
admin-roundtable-search = Rechercher
admin-roundtable-make-chair = Confier la présidence
admin-roundtable-nobody-matches = Personne ne correspond à « { $search } ».

# One account (pages/admin/user.html)
admin-user-email = Adresse e-mail
admin-user-email-confirmed = confirmée
admin-user-email-not-confirmed = non confirmée
admin-user-deactivated = Désactivé : ne peut ni se connecter ni publier
admin-user-active = Actif
admin-user-change-role = Changer le rôle
# Heading over the roundtables this person chairs
admin-user-chairs = Tables rondes présidées
admin-user-chairs-none = Ne préside aucune table ronde.
admin-user-make-chair-of = Confier la présidence de
admin-user-choose-roundtable = Choisir une table ronde…
admin-user-assign = Attribuer
admin-user-access = Accès
admin-user-reactivate = Réactiver le compte
admin-user-deactivate-note = Un compte désactivé ne peut plus se connecter ni publier ; ses commentaires restent en place.
admin-user-deactivate = Désactiver le compte

# Accounts (pages/admin/users.html)
admin-users-search = Nom, organisation ou adresse e-mail
admin-users-any-role = Tous
admin-users-address = Adresse
admin-users-any-address = Toutes
admin-users-address-confirmed = Confirmée
admin-users-address-not-confirmed = Non confirmée
admin-users-filter = Filtrer
admin-users-caption = Comptes, des plus récents aux plus anciens
admin-users-name = Nom
admin-users-email = E-mail
admin-users-state-deactivated = désactivé
admin-users-state-confirmed = confirmé
admin-users-state-not-confirmed = non confirmé
admin-users-limit = 50 comptes au plus sont affichés ; affinez la recherche pour en trouver d’autres.
admin-users-empty = Aucun compte ne correspond.

# Undelivered emails (pages/admin/emails.html)
admin-emails-title = E-mails non distribués
admin-emails-lead = E-mails dont tous les envois ont échoué. Corrigez la cause (souvent la configuration du serveur de messagerie), puis renvoyez-les.
admin-emails-caption = E-mails non distribués, des plus récents aux plus anciens
admin-emails-queued = Mise en file
admin-emails-kind = Type
admin-emails-to = Destinataire
admin-emails-subject = Objet
admin-emails-tries = Tentatives
admin-emails-last-error = Dernière erreur
admin-emails-action = Action
admin-emails-retry = Réessayer
admin-emails-empty = Tous les e-mails ont été distribués.
admin-consultation-patrons-label = Sous le patronage de
admin-consultation-patrons-hint = Une organisation par ligne, comme ci-dessus.
# The programme and resources of a consultation
admin-programme-heading = Programme
admin-programme-none = Aucun point au programme pour l’instant.
admin-programme-add = Ajouter au programme
admin-programme-starts = Début
admin-programme-ends = Fin
admin-programme-title = Titre
admin-programme-description = Description
admin-programme-speakers = Intervenants
admin-programme-speakers-hint = Un par ligne, par exemple « Nom, Organisation ».
admin-entry-roundtable = Pour
admin-entry-whole-consultation = L’ensemble de la consultation
admin-resources-heading = Ressources
admin-resources-none = Aucune ressource pour l’instant.
admin-resources-add = Ajouter une ressource
admin-resources-kind = Type
admin-resources-title = Titre
admin-resources-url = Adresse web
admin-resources-description = Description
admin-account-title = Compte de { $name }
admin-edit-title = Modifier { $title }
admin-new-consultation-title = Nouvelle consultation
admin-new-roundtable-title = Nouvelle table ronde
admin-entry-edit = Modifier
admin-entry-save = Enregistrer les modifications
admin-entry-cancel = Annuler
admin-programme-edit = Modifier l’élément du programme
admin-resources-edit = Modifier la ressource
admin-done-saved = « { $title } » est enregistré.
admin-done-programme-saved = Le programme de « { $title } » est enregistré.
admin-done-programme-removed = L’élément est retiré du programme de « { $title } ».
admin-done-resource-saved = Les ressources de « { $title } » sont enregistrées.
admin-done-resource-removed = La ressource est retirée de « { $title } ».
admin-done-moved = Les tables rondes de « { $title } » sont dans leur nouvel ordre.
admin-done-chair-added = La présidence est ajoutée à « { $title } ».
admin-done-chair-removed = La présidence est retirée de « { $title } ».
admin-remove-programme-title = Retirer cet élément du programme ?
admin-remove-resource-title = Retirer cette ressource ?
admin-remove-cannot-undo = Ce retrait est définitif : il faudrait tout saisir à nouveau.
admin-remove-keep = Non, ne pas retirer
