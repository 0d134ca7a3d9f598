# Why a value or a request is refused (src/domain, src/services, src/web).
# Field messages are shown next to their field; the others stand alone.

## Values typed into a field
invalid-password-common = est trop facile à deviner : choisissez-en un moins courant, par exemple quelques mots sans rapport entre eux
invalid-password-short = doit comporter au moins { $min } caractères
invalid-password-long = doit comporter au plus { $max } caractères
invalid-current-password = n’est pas votre mot de passe actuel
invalid-credentials = l’adresse électronique ou le mot de passe est incorrect
invalid-account-deactivated = ce compte a été désactivé ; écrivez aux organisateurs si vous pensez qu’il s’agit d’une erreur
invalid-email = doit être une adresse électronique, par exemple name@example.org
invalid-email-taken-meanwhile = un autre compte a pris cette adresse entre-temps
invalid-name-length = doit comporter de 1 à 100 caractères
invalid-organisation-length = doit comporter de 1 à 200 caractères (indiquez « Aucune » si vous parlez en votre nom propre)
invalid-organisation-type-missing = choisissez le type d’organisation au nom de laquelle vous vous exprimez
invalid-organisation-type = « { $value } » n’est pas un type d’organisation
invalid-country-missing = choisissez un pays
invalid-country = « { $value } » n’est pas un code de pays ISO 3166
invalid-choice = « { $value } » ne fait pas partie des choix proposés
invalid-consent-missing = vous devez accepter les conditions pour participer
invalid-token-name = doit comporter de 1 à 100 caractères, par exemple « Script de rapport »
invalid-alert-frequency = Choisissez l’une des fréquences proposées.
invalid-boolean = doit valoir true ou false
invalid-unreadable = illisible : { $detail }

## Comments and moderation
invalid-comment-empty = Rédigez votre commentaire avant de l’envoyer.
invalid-comment-too-long = Votre commentaire compte { $length } caractères ; la limite est de { $limit }.
invalid-comment-question = La question { $number } ne fait pas partie des questions ouvertes de cette table ronde.
invalid-question-number = « { $value } » n’est pas un numéro de question
invalid-comment-language = Écrivez dans l’une des langues de cette consultation : { $languages }.
invalid-reply-parent = Le commentaire auquel vous répondez n’est pas publié dans cette table ronde.
invalid-reply-too-deep = Les réponses peuvent s’imbriquer sur { $max } niveaux au plus, et ce fil a atteint cette profondeur. Répondez à un commentaire plus haut dans le fil, ou publiez un nouveau commentaire.
invalid-control-character = Le champ « { $field } » contient un caractère de contrôle invisible ({ $code }) qui ne peut pas être enregistré. Il vient souvent d’un texte collé depuis un autre programme : supprimez-le et envoyez à nouveau. Rien n’a été enregistré.
invalid-comment-period = la période de commentaires doit se clore après son ouverture
invalid-moderation-reason = Choisissez l’un des motifs proposés.
invalid-note-too-long = Votre message compte { $length } caractères ; la limite est de { $limit }.
invalid-moderation-action = doit être l’une des valeurs suivantes : { $actions }
invalid-moderation-action-missing = Choisissez une décision.
invalid-moderation-reason-unused = Un motif ne va qu’avec « Refuser » ou « Retirer de la publication » : choisissez l’une de ces décisions, ou effacez le motif. Rien n’a été décidé.
invalid-moderation-nothing-selected = Sélectionnez au moins un commentaire.

## Setting up consultations and roundtables
invalid-title-missing = Indiquez un titre.
invalid-too-long = Ne dépassez pas { $limit } caractères ({ $length } actuellement).
invalid-slug-length = Le nom dans l’adresse web doit comporter de 1 à { $max } caractères.
invalid-slug-characters = Le nom dans l’adresse web ne peut contenir que des lettres minuscules et des chiffres, séparés au besoin par un seul trait d’union.
invalid-slug-reserved = « { $slug } » désigne déjà une page du site : choisissez un autre nom dans l’adresse web.
invalid-slug-taken = « { $slug } » est déjà utilisé : choisissez un autre nom dans l’adresse web.
invalid-slug-exhausted = Choisissez un nom dans l’adresse web : tous ceux qui peuvent être formés à partir de ce titre sont déjà pris.
invalid-local-time = Indiquez une date et une heure, par exemple 2026-11-25 09:30.
invalid-skipped-time = { $time } n’existe pas dans le fuseau { $zone } : les horloges passent directement par-dessus lors du changement d’heure.
invalid-end-before-start = La fin doit être postérieure au début.
invalid-time-zone = « { $value } » n’est pas un fuseau horaire IANA, comme Europe/Prague
invalid-time-zone-choice = Choisissez le fuseau horaire dans la liste.
invalid-language-code = « { $value } » n’est pas un code de langue, comme en, fr ou es
invalid-language-choice = Choisissez l’anglais, le français ou l’espagnol.
invalid-event-kind = Choisissez le type d’événement.
invalid-status = « { $value } » ne fait pas partie des statuts draft, open, closed et archived
invalid-status-choice = Choisissez brouillon, ouverte, close ou archivée.
invalid-status-archived = Une consultation archivée le reste.
invalid-status-backwards = Une consultation { $from ->
        [open] ouverte
        [closed] close
        [archived] archivée
       *[draft] à l’état de brouillon
    } ne peut pas redevenir { $to ->
        [open] ouverte
        [closed] close
        [archived] archivée
       *[draft] un brouillon
    }.
invalid-organisation-url = « { $value } » n’est pas une adresse web commençant par https://.
invalid-organisation-lines = Indiquez le nom de chaque organisation sur une ligne distincte.
invalid-moderation-mode = Choisissez le mode de modération des commentaires.
invalid-parent-choice = Choisissez la table ronde parente dans la liste.
invalid-parent-elsewhere = La table ronde parente appartient à une autre consultation.
invalid-parent-nested = « { $title } » est elle-même une sous-table ronde : les tables rondes ne s’imbriquent que sur un niveau.
invalid-parent-has-children = Cette table ronde a elle-même des sous-tables rondes : les tables rondes ne s’imbriquent que sur un niveau.
invalid-questions-too-many = Une table ronde compte au plus { $limit } questions directrices.
invalid-question-gone = Cette question a été supprimée entre-temps : rechargez la page.
invalid-question-in-use = { $count ->
        [one] Un commentaire répond
       *[other] { $count } commentaires répondent
    } à cette question : elle ne peut pas être supprimée, seulement retirée (elle reste alors attachée à ces commentaires et dans les exports).
invalid-roundtable-choice = Choisissez la table ronde dans la liste.
invalid-programme-start-missing = Indiquez l’heure de début.
invalid-speaker-too-long = Limitez chaque ligne d’intervenant à moins de 200 caractères.
invalid-resource-kind = Choisissez le type de ressource.
invalid-url-missing = Indiquez une adresse web commençant par https://.

## Outcomes and exports
invalid-outcome-summary-long = L’introduction doit faire moins de { $limit } caractères.
invalid-outcome-section-long = Cette section doit faire moins de { $limit } caractères.
invalid-outcome-points = Une section compte au plus { $limit } points ; celle-ci en a { $count }.
invalid-outcome-empty = Rédigez au moins un point de synthèse ou une recommandation avant de publier.
invalid-citation-unknown = #{ $reference } n’est pas un commentaire publié de cette table ronde : vérifiez la référence indiquée à côté du commentaire.
invalid-citation-ambiguous = #{ $reference } correspond à { $count } commentaires : indiquez une plus grande partie de sa référence.
invalid-digest-format = « { $value } » n’est pas un format : choisissez csv, xlsx, json, md ou html.
invalid-date = Indiquez une date au format YYYY-MM-DD, par exemple 2020-11-25.
invalid-digest-question = Choisissez une question par son numéro.
invalid-digest-dates = La date de fin précède la date de début.

## Accounts, for administrators
invalid-last-admin = c’est le dernier compte d’administration actif
invalid-role = « { $value } » n’est pas un rôle
invalid-own-role = vous ne pouvez pas changer votre propre rôle : adressez-vous à un autre administrateur ou une autre administratrice
invalid-own-deactivation = vous ne pouvez pas désactiver votre propre compte
invalid-already-chair = préside déjà cette table ronde
invalid-unknown-account = compte inconnu

## The API's query parameters
invalid-limit = doit être un nombre entier de 1 à { $max }, et non « { $value } »
invalid-cursor = n’est pas un curseur renvoyé par cette API
invalid-api-status = doit valoir open, closed ou archived, et non « { $value } »

## Nothing at this address
missing-account = Il n’y a pas de compte à cette adresse.
missing-comment = Il n’y a pas de commentaire à cette adresse.
missing-own-comment = Il n’y a pas de commentaire de votre part à cette adresse.
missing-citable-comment = Aucun commentaire publié de cette table ronde ne porte cette référence : rien à citer.
missing-published-comment = Il n’y a pas de commentaire publié à cette adresse.
missing-consultation = Il n’y a pas de consultation à cette adresse.
missing-roundtable = Il n’y a pas de table ronde à cette adresse.
missing-dead-email = Il n’y a pas d’e-mail non distribué à cette adresse.
missing-token = Il n’y a pas de jeton d’API à cette adresse.
missing-file = Il n’y a pas de fichier à cette adresse.
missing-api-resource = Il n’y a pas de ressource d’API à cette adresse.
missing-language = Il n’y a pas de langue à cette adresse.
missing-page = Il n’y a pas de page à cette adresse.
missing-programme-item = Il n’y a pas d’élément de programme à cette adresse.
missing-resource = Il n’y a pas de ressource à cette adresse.

## Sign in first
unauthorized-moderation = Connectez-vous pour modérer : la file de modération est réservée à la présidence et à l’équipe.
unauthorized-outcome = Connectez-vous : c’est la présidence de la table ronde qui en rédige les conclusions.
unauthorized-authoring = Connectez-vous : la mise en place des consultations est réservée à l’équipe.
unauthorized-export = Connectez-vous : les exports sont réservés à l’équipe et à la présidence de la table ronde.
unauthorized-comment = Connectez-vous pour participer : les commentaires sont publiés sous le nom de leur auteur ou autrice.
unauthorized-api = Connectez-vous, ou envoyez un jeton d’API personnel, créé depuis la page de votre compte, sous la forme « Authorization: Bearer <token> ».
unauthorized-bearer-format = L’en-tête Authorization doit avoir la forme « Bearer <token> ».
unauthorized-token-unknown = Ce jeton d’API est inconnu ou a été révoqué.

## Not allowed
forbidden-csrf = Ce formulaire a expiré ou ne provient pas de ce site. Revenez en arrière, rechargez la page et envoyez-le de nouveau.
forbidden-api-csrf = Avec un cookie de session, envoyez le jeton anti-falsification de la page dans l’en-tête X-CSRF-Token.
forbidden-unconfirmed = Confirmez d’abord votre adresse électronique : suivez le lien que nous vous avons envoyé.
forbidden-moderation = Seules la présidence et l’équipe peuvent modérer les commentaires.
forbidden-not-chair = Vous ne présidez pas la table ronde de ce commentaire.
forbidden-audit = Seule l’équipe peut consulter le journal d’audit.
forbidden-trust = Seule l’équipe peut désigner des personnes de confiance.
forbidden-authoring = Seule l’équipe peut mettre en place des consultations.
forbidden-outcome = Seules la présidence de la table ronde et l’équipe peuvent en rédiger les conclusions.
forbidden-export = Seules l’équipe et la présidence de la table ronde peuvent en exporter les commentaires.
forbidden-export-unpublished = Seule l’équipe peut inclure des commentaires non publiés.
forbidden-accounts = Seuls les administrateurs et administratrices peuvent gérer les comptes.
forbidden-email-queue = Seule l’équipe peut consulter la file des e-mails.

## The request came too late: something changed first
conflict-archived = Cette consultation est archivée : elle est en lecture seule.
conflict-archived-outcome = Cette consultation est archivée : ses conclusions sont en lecture seule.
conflict-outcome-exists = La table ronde a déjà des conclusions.
conflict-outcome-saved-since = { $who } a enregistré ces conclusions ({ $when }) après que vous les avez ouvertes. Votre texte se trouve toujours dans le formulaire : ouvrez la table ronde dans un autre onglet pour comparer, puis enregistrez de nouveau pour remplacer sa version.
conflict-outcome-saved-meanwhile = Quelqu’un a enregistré ces conclusions après que vous les avez ouvertes. Votre texte se trouve toujours dans le formulaire : ouvrez la table ronde dans un autre onglet pour comparer, puis enregistrez de nouveau pour remplacer sa version.
conflict-comment-decided = La présidence a déjà statué sur ce commentaire : il ne peut plus être modifié.
conflict-comment-decided-meanwhile = La présidence a statué sur ce commentaire pendant que vous le modifiiez.
conflict-report-own = C’est votre propre commentaire : retirez-le plutôt que de le signaler.
conflict-report-twice = Vous avez déjà signalé ce commentaire ; la présidence va l’examiner.
conflict-edited-since = Son auteur ou son autrice a modifié le commentaire depuis que vous l’avez lu : relisez-le avant de décider.
conflict-not-possible = Impossible : { $why }.
conflict-already-decided = Déjà décidé : le statut du commentaire est désormais « { $status } ».
conflict-already-decided-by = Déjà décidé : { $who } { $action ->
        [published] a publié
        [rejected] a refusé
        [unpublished] a retiré de la publication
        [highlighted] a mis en avant
        [highlight_removed] a retiré la mise en avant de
        [retagged] a changé les questions de
        [reports_dismissed] a classé les signalements visant
        [withdrawn] a retiré
       *[other] a statué sur
    } ce commentaire le { $at } ; son statut est désormais « { $status } ».
not-applicable-withdrawn = son auteur ou son autrice a retiré ce commentaire
not-applicable-highlight = seul un commentaire publié peut être mis en avant

## Titles and details of error answers
problem-not-found = Introuvable
problem-invalid-parameter = Paramètre non valide
problem-invalid-content = Contenu non valide
problem-forbidden = Accès refusé
problem-unauthorized = Connexion requise
problem-conflict = Conflit
problem-too-many = Trop de tentatives
problem-too-large = Requête trop volumineuse
problem-too-large-detail = La requête dépasse les { $kilobytes } Ko que ce site accepte. Rien n’a été enregistré : raccourcissez le texte et envoyez-le à nouveau.
problem-unavailable = Service indisponible
problem-internal = Erreur interne
problem-error = Erreur
problem-too-many-seconds = Trop de tentatives en peu de temps. Veuillez réessayer dans { $count } secondes.
problem-too-many-minutes = Trop de tentatives en peu de temps. Veuillez réessayer dans { $count ->
        [one] une minute
       *[other] { $count } minutes
    }.
problem-too-many-hours = Trop de tentatives en peu de temps. Veuillez réessayer dans { $count ->
        [one] une heure
       *[other] { $count } heures
    }.
problem-unavailable-detail = Le service ne parvient pas à joindre sa base de données pour le moment. Veuillez réessayer dans une minute.
problem-busy-detail = Trop d’exports sont en préparation en ce moment. Réessayez dans une minute.
problem-internal-detail = Un problème est survenu de notre côté. Il a été consigné ; veuillez réessayer plus tard.
problem-nothing-here = Il n’y a rien à cette adresse.
problem-method = Cette adresse n’accepte pas ce type de requête.
problem-method-not-allowed = Méthode non autorisée
problem-method-allowed = Cette adresse n’accepte pas les requêtes { $method } ; elle accepte { $allowed }.
problem-not-understood = La requête n’a pas pu être comprise.
not-applicable-archived = sa consultation est archivée : les décisions y sont définitives
invalid-comment-question-gone = Une question que vous aviez choisie a été retirée entre-temps : veuillez choisir à nouveau.

unauthorized-terms = Connectez-vous : l’équipe modifie les conditions et la politique de confidentialité.
forbidden-terms = Seule l’équipe modifie les conditions et la politique de confidentialité.
invalid-terms-empty = Écrivez les conditions avant de les publier.
invalid-terms-intent = Choisissez Aperçu ou Publier.
conflict-terms-published = Quelqu’un a publié une autre version au même moment. Rien n’a été publié ; votre texte est conservé ici : publiez-le de nouveau pour remplacer le sien.

invalid-order = « { $value } » n’est pas un ordre des commentaires : indiquez oldest ou newest.
invalid-page = « { $value } » n’est pas un numéro de page : indiquez un nombre entier à partir de 1.
missing-comments-page = Cette table ronde a moins de pages de commentaires : revenez à la première page.
invalid-reading-question = « { $value } » n’est pas une question de cette table ronde : indiquez le numéro d’une question, ou general.
invalid-comment-reference = « { $value } » n’est pas une référence de commentaire : une référence s’écrit comme c-2f9a01bc.
invalid-search-empty = Saisissez un mot ou une « expression entre guillemets » à rechercher.
invalid-search-too-long = Votre recherche compte { $length } caractères ; la limite est de { $limit }.
invalid-search-unclosed-quote = Un guillemet n’est pas fermé : mettez-en un à chaque bout de l’expression.
invalid-search-no-words = Ajoutez au moins un mot à rechercher ; un mot précédé d’un signe moins est seulement exclu.
invalid-search-consultation = Cette consultation n’existe pas.
invalid-search-roundtable = Cette table ronde n’existe pas dans cette consultation.
invalid-search-question = Cette table ronde n’a pas cette question directrice.
invalid-search-date = « { $value } » n’est pas une date : écrivez-la année-mois-jour, par exemple 2026-03-31.
invalid-search-dates-reversed = La date de fin précède la date de début.
invalid-search-too-many = Cette recherche trouve plus de { $limit } commentaires dans une même table ronde : ajoutez un mot, une expression ou un filtre pour la préciser.
invalid-search-word-too-long = Un mot de votre recherche dépasse { $limit } lettres : aucun mot d’un commentaire n’est aussi long.

## Outcome versions and /verify
missing-outcome-version = Il n’y a pas de version publiée de ces conclusions à cette adresse.
invalid-fingerprint-empty = Saisissez une empreinte, ou envoyez un fichier ci-dessous.
invalid-fingerprint-not-hex = Une empreinte s’écrit « sha256: » suivi de 64 caractères de 0 à 9 et de a à f.
invalid-fingerprint-length = Une empreinte compte 64 caractères après « sha256: » : vérifiez que vous l’avez copiée en entier.
invalid-verify-file-missing = Choisissez un fichier de synthèse à vérifier.
invalid-verify-file-empty = Le fichier choisi est vide.
invalid-verify-file-too-large = Le fichier dépasse { $limit } Mo : aucun fichier de synthèse de ce site n’est aussi gros.
