# Les pages publiques : gabarit, accueil, consultation, table ronde,
# formulaire de commentaire, programme, ressources, conclusions, page d’erreur.

## Gabarit (base.html)
pages-skip-to-content = Aller au contenu
pages-nav-site = Site
pages-consultations = Consultations
pages-moderation = Modération
pages-nav-accounts = Comptes
pages-nav-set-up = Configuration
pages-nav-emails = E-mails
pages-nav-sign-out = Se déconnecter
pages-nav-sign-in = Se connecter
pages-nav-register = Créer un compte
pages-verify-banner = Veuillez confirmer votre adresse e-mail à l’aide du lien que nous vous avons envoyé : d’ici là, vous pouvez lire les contributions, mais pas participer.
pages-verify-send-again = Renvoyer le lien
pages-footer-about = Roundtable : consultations publiques. Chaque commentaire est publié sous le nom, l’organisation et le pays de son auteur, après examen par la présidence.

## Page d’erreur
pages-error-status = Erreur { $status }.
pages-error-back = Retour aux consultations

## Accueil
pages-home-feed-title = Consultations sur Roundtable
pages-home-lead = Conférences, ateliers et tables rondes en ligne : prenez connaissance du contexte et des questions directrices, puis participez en votre nom propre.
pages-home-empty = Aucune consultation n’a encore été publiée.

## Pages de consultation et de table ronde : éléments communs
# Titre d’un lien de flux : $title est le titre d’une consultation ou d’une table ronde.
pages-feed-title = Commentaires sur « { $title } »
pages-breadcrumb = Fil d’Ariane
pages-fact-event = Événement
pages-fact-when = Date
pages-fact-where = Lieu
pages-fact-follow = Suivre
pages-fact-languages = Commentaires bienvenus en
pages-save-in-calendar = Enregistrer dans mon agenda
pages-comments-feed = Flux des commentaires publiés
pages-export-comments = Exporter les commentaires

## Page de consultation
# Suit le lien « Enregistrer dans mon agenda ».
pages-consultation-calendar-scope = (l’événement, ses sessions et ses échéances)
pages-consultation-about = Présentation
pages-consultation-roundtables = Tables rondes

## Page de table ronde
pages-comments = Commentaires
pages-roundtable-chairs = { $count ->
    [one] Président(e)
   *[other] Présidence
}
pages-roundtable-background = Contexte
pages-roundtable-objectives = Objectifs
pages-roundtable-questions = Questions directrices
# Étiquette à côté d’une question directrice qui n’est plus posée.
pages-question-retired = retirée
pages-question-number = Question { $number }
pages-outcome-heading = Conclusions
pages-outcome-draft = brouillon, visible uniquement par la présidence et l’équipe
# $date : « 30 novembre 2020, 23:59 CET ».
pages-outcome-published = Publiées le { $date } par la présidence de la table ronde.
pages-outcome-none = La présidence n’a pas encore rédigé les conclusions.
pages-outcome-edit = Modifier les conclusions
pages-outcome-write = Rédiger les conclusions
pages-roundtable-children = Sous-tables rondes
pages-write-comment = Écrire un commentaire
pages-moderation-queue = File de modération
pages-audit-trail = Journal d’audit
# Lu par les lecteurs d’écran avant une réponse ; $level vaut 1 pour une réponse directe.
pages-comment-reply-level = Réponse, niveau { $level }.
pages-comment-new = Nouveau
pages-comment-edited = (modifié)
pages-comment-highlighted = Mis en avant par la présidence
# $name : l’auteur du commentaire auquel on répond.
pages-comment-in-reply-to = En réponse à { $name }
pages-comment-reply = Répondre
# Lu par les lecteurs d’écran après « Répondre » : « Répondre à Ana Pérez ».
pages-comment-reply-to = à { $name }
pages-comment-edit = Modifier
pages-comment-withdraw = Retirer
pages-comment-report = Signaler
# Lu par les lecteurs d’écran après « Signaler » : « Signaler ce commentaire publié par Ana Pérez ».
pages-comment-report-by = ce commentaire publié par { $name }
pages-comment-moderate = Modérer
pages-comments-none = Aucun commentaire n’a encore été publié.
pages-take-part = Participer
pages-take-part-intro-pre = La présidence décide quels commentaires sont pertinents et les publie : le vôtre sera visible par les autres participants une fois approuvé par la présidence. Merci d’écrire en votre nom propre.
pages-take-part-intro-post = La présidence décide quels commentaires sont pertinents et les publie. Merci d’écrire en votre nom propre.
pages-take-part-verify = Pour participer, confirmez votre adresse e-mail à l’aide du lien que nous vous avons envoyé.
# Une phrase autour d’un lien vers la page du compte : avant + lien + après, sans
# espace ajoutée entre eux (écrire les espaces {" "} ; {""} est vide).
pages-take-part-resend-button = Renvoyer le lien
# Une phrase : [Connectez-vous] ou [créez un compte] pour commenter : …
pages-take-part-sign-in = Connectez-vous
pages-take-part-or = ou
pages-take-part-create-account = créez un compte
pages-take-part-to-comment = pour commenter : les commentaires sont publiés sous le nom, l’organisation et le pays de leur auteur.

## Formulaire de commentaire (partials/comment_form.html)
# Titre du récapitulatif des erreurs ; $count est le nombre d’erreurs.
pages-form-correct = { $count ->
    [one] Veuillez corriger ce point
   *[other] Veuillez corriger ces points
}
pages-form-questions-legend = À quelles questions directrices votre commentaire répond-il ?
pages-form-questions-hint = Ne cochez aucune case s’il s’agit d’un commentaire général.
# Libellé d’une case à cocher : $text est la question directrice.
pages-form-question-choice = Question { $number } : { $text }
pages-form-body-label = Votre commentaire
pages-form-body-hint = Markdown : *italique*, **gras**, listes, > citations, [liens](https://example.org). Jusqu’à 10 000 caractères. Publié sous votre nom, votre organisation et votre pays.
pages-form-preview = Aperçu
pages-form-post-comment = Envoyer le commentaire

## Programme, ressources, conclusions (partials)
pages-programme = Programme
pages-programme-speakers = Intervenants
# $zone : nom d’un fuseau horaire, par exemple « Europe/Prague ».
pages-programme-time-zone = Horaires indiqués dans le fuseau horaire { $zone }.
pages-resources = Ressources
pages-outcome-synthesis = Synthèse
pages-outcome-recommendations = Recommandations
pages-form-language-label = Langue de votre commentaire

terms-title = Conditions et confidentialité
terms-version-published = Version { $version }, publiée le { $date }.
terms-version-shipped = Le texte fourni avec Roundtable ; les organisateurs ne l’ont pas remplacé.
terms-public-page = La page publique
terms-editor-title = Conditions et politique de confidentialité
terms-editor-lead = Publier crée une nouvelle version : les personnes qui s’inscrivent désormais l’acceptent ; les autres gardent la version qu’elles ont acceptée.
terms-editor-body = Le texte, en Markdown
terms-editor-body-hint = Les titres commencent par ## ; une ligne vide commence un nouveau paragraphe.
terms-preview-heading = Aperçu : rien n’est encore publié
terms-publish = Publier cette version
terms-published = La version { $version } est publiée. Les personnes qui s’inscrivent désormais l’acceptent.

pages-action-comment = Commenter
pages-action-sign-in-to-comment = Se connecter pour commenter
pages-action-register = Créer un compte
pages-question-comments = { $count ->
    [0] Pas encore de commentaire
    [one] 1 commentaire
   *[other] { $count } commentaires
}
pages-question-comment-on = Commenter cette question
pages-comment-reference-title = La référence du commentaire, pour le citer ; le lien est son adresse permanente

pages-order-label = Ordre
pages-order-oldest = Les plus anciens d’abord
pages-order-newest = Les plus récents d’abord
pages-paging-nav = Pages de commentaires
pages-paging-page = Page
pages-paging-position = Page { $current } sur { $total }
pages-paging-previous = Page précédente
pages-paging-next = Page suivante
pages-reading-nav = Lire par question
pages-reading-all = Tous
pages-reading-general = Général
pages-reading-threads = { $count ->
    [one] fil
   *[other] fils
}

pages-copy-reference = Copier la référence
pages-reference-copied = Référence {"{"}reference{"}"} copiée.
pages-reference-not-copied = La référence n’a pas pu être copiée : sélectionnez-la pour la copier.
pages-comment-not-shown = Le commentaire { $reference } n’est pas affiché ici : il a été retiré, ou il n’est pas publié (ou pas encore).
