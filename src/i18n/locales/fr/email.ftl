# Emails, in the recipient's language. Each email has a subject, a plain-text
# body and an HTML body. Messages ending in -text carry a link for the plain
# text; messages ending in -link are the words of the same link in HTML.
# Where HTML shows a roundtable in bold, the sentence is split around it:
# "<before> <roundtable> <after>".

# Shared by several emails
email-hello = Bonjour { $name },
# An excerpt of a comment quoted in the plain text
email-quoted = « { $text } »
email-chair-of = La présidence de
email-reason-label = Motif :
email-chair-note-label = Note de la présidence :
email-copy-link = Vous pouvez aussi copier ce lien dans votre navigateur : { $link }
email-links-confirm = Chaque lien ouvre une page qui vous demande de confirmer ; rien ne se passe tant que vous ne l’avez pas fait. Les liens restent valables { $expires }.
email-publish-link = Publier
email-reject-link = Rejeter en indiquant un motif
email-stop-these-text = Ne plus recevoir ces courriels : { $link }
email-stop-these-link = Ne plus recevoir ces courriels
email-stop-decisions-text = Ne plus recevoir de courriels sur les décisions concernant vos commentaires : { $link }
email-stop-decisions-link = Ne plus recevoir de courriels sur les décisions concernant vos commentaires

# Someone tried to register an address that has an account (account_exists)
email-account-exists-subject = Tentative de création d’un compte Roundtable avec votre adresse
email-account-exists-intro = Quelqu’un, peut-être vous-même, a tenté de créer un compte Roundtable avec cette adresse électronique. Comme vous en avez déjà un, rien n’a été modifié.
email-account-exists-sign-in-text = Pour vous connecter : { $link }
email-account-exists-sign-in-link = Se connecter à Roundtable
email-account-exists-not-you = Si ce n’était pas vous, vous n’avez rien à faire.

# Confirm the address of a new account (verify_email)
email-verify-subject = Confirmez votre adresse électronique pour Roundtable
email-verify-intro = Merci de confirmer qu’il s’agit bien de votre adresse électronique, afin de pouvoir participer aux consultations sur Roundtable :
email-verify-button = Confirmer mon adresse électronique
email-verify-expiry = Le lien ne peut servir qu’une fois et reste valable { $expires }. Si vous n’avez pas créé de compte, ne tenez pas compte de ce message : rien ne sera publié en votre nom.

# Confirm a new address for an account (confirm_new_email)
email-confirm-new-subject = Confirmez votre nouvelle adresse électronique pour Roundtable
email-confirm-new-intro = Pour transférer votre compte Roundtable vers cette adresse, suivez ce lien :
email-confirm-new-button = Confirmer ma nouvelle adresse
email-confirm-new-expiry = Le lien ne peut servir qu’une fois et reste valable { $expires }. D’ici là, votre compte conserve son adresse actuelle. Si vous n’êtes pas à l’origine de cette demande, ne tenez pas compte de ce message.

# Sent to the old address after a change (email_changed)
email-email-changed-subject = L’adresse électronique de votre compte Roundtable a changé
email-email-changed-intro = L’adresse électronique de votre compte Roundtable a été modifiée : cette adresse-ci ne permet plus de vous connecter. Si vous n’êtes pas à l’origine de ce changement, réinitialisez votre mot de passe depuis la nouvelle adresse ou écrivez sans attendre aux organisateurs.
email-email-changed-account-text = Votre compte : { $link }
email-email-changed-account-link = Votre compte

# Reset a password (reset_password)
email-reset-subject = Choisissez un nouveau mot de passe Roundtable
email-reset-intro = Quelqu’un, probablement vous-même, a demandé la réinitialisation du mot de passe de votre compte Roundtable.
email-reset-choose-text = Pour en choisir un nouveau :
email-reset-button = Choisir un nouveau mot de passe
email-reset-expiry = Le lien ne peut servir qu’une fois et reste valable { $expires }. Si vous n’avez rien demandé, ne tenez pas compte de ce message : votre mot de passe reste inchangé.

# A chair published a comment (comment_published)
email-comment-published-subject = Votre commentaire dans { $roundtable } a été publié
email-comment-published-intro-after = ({ $consultation }) a publié votre commentaire :
email-comment-published-see-text = Le voir dans son fil de discussion : { $link }
email-comment-published-see-link = Le voir dans son fil de discussion

# A chair rejected a comment (comment_rejected): "You can post a new comment
# <on the roundtable> while it is open."
email-comment-rejected-subject = Votre commentaire dans { $roundtable } n’a pas été publié
email-comment-rejected-intro-after = ({ $consultation }) a décidé de ne pas publier votre commentaire.
email-comment-rejected-reuse = Votre commentaire, pour que vous puissiez le réutiliser :
email-comment-rejected-new-text = Vous pouvez publier un nouveau commentaire sur la table ronde tant qu’elle est ouverte : { $link }
email-comment-rejected-new-before = Vous pouvez publier un nouveau commentaire
email-comment-rejected-new-link = sur la table ronde
email-comment-rejected-new-after = tant qu’elle est ouverte.

# A chair unpublished a comment (comment_unpublished)
email-comment-unpublished-subject = Votre commentaire dans { $roundtable } n’est plus publié
email-comment-unpublished-intro-after = ({ $consultation }) a retiré la publication de votre commentaire. Il n’apparaît plus sur la table ronde.
email-comment-unpublished-yours = Votre commentaire :

# A reply to a comment was published (reply_published)
email-reply-subject = { $replier } a répondu à votre commentaire dans { $roundtable }
email-reply-intro-before = { $replier } a répondu à votre commentaire dans
email-reply-intro-after = {" "}:
email-reply-read-text = Lire la réponse dans son fil de discussion : { $link }
email-reply-read-link = Lire la réponse dans son fil de discussion
email-reply-stop-text = Ne plus recevoir de courriels sur les réponses à vos commentaires : { $link }
email-reply-stop-link = Ne plus recevoir de courriels sur les réponses à vos commentaires

# An outcome cites the recipient's comments (comment_cited)
email-comment-cited-subject = Les conclusions de { $roundtable } citent { $count ->
    [one] votre commentaire
   *[other] vos commentaires
}
email-comment-cited-intro-before = La présidence de
email-comment-cited-intro-after = ({ $consultation }) a publié les conclusions de la table ronde, qui citent { $count ->
    [one] votre commentaire
   *[other] plusieurs de vos commentaires
} :
email-comment-cited-read-text = Lire la synthèse et les recommandations : { $link }
email-comment-cited-read-link = Lire la synthèse et les recommandations
email-comment-cited-thanks = Merci de votre participation.
email-comment-cited-stop-text = Ne plus recevoir de courriels lorsque des conclusions citent vos commentaires : { $link }
email-comment-cited-stop-link = Ne plus recevoir de courriels lorsque des conclusions citent vos commentaires

# To a chair: one comment waits for a decision (comment_waiting)
email-comment-waiting-subject = Un commentaire attend votre décision dans { $roundtable }
email-comment-waiting-intro-before = Un nouveau commentaire attend votre décision dans
email-comment-waiting-intro-after = ({ $consultation }).
email-from-label = De :
email-answers-label = Répond à :
email-in-reply-to-label = En réponse à :
email-comment-waiting-publish-text = Le publier : { $link }
email-comment-waiting-reject-text = Le rejeter (en indiquant un motif) : { $link }
email-comment-waiting-queue-text = Le voir dans votre file de modération : { $link }
email-comment-waiting-queue-link = Le voir dans votre file de modération
email-comment-waiting-why = Vous recevez ce courriel parce que vous présidez cette table ronde.

# To a chair: the hourly or daily summary (moderation_summary). "And 3 more
# in <your queue>."
email-moderation-summary-subject = { $count ->
    [one] Un commentaire attend
   *[other] { $count } commentaires attendent
} votre décision
email-moderation-summary-intro = De nouveaux commentaires sont arrivés { $period }. { $count ->
    [one] Un commentaire attend
   *[other] { $count } commentaires attendent
} votre décision (du plus ancien au plus récent) :
email-moderation-summary-publish-text = Publier : { $link }
email-moderation-summary-reject-text = Rejeter : { $link }
email-moderation-summary-queue-text = Dans la file : { $link }
email-moderation-summary-queue-link = Dans la file
email-moderation-summary-more-text = { $count ->
    [one] Et un autre dans votre file de modération : { $link }
   *[other] Et { $count } autres dans votre file de modération : { $link }
}
email-moderation-summary-more-before = { $count ->
    [one] Et un autre dans
   *[other] Et { $count } autres dans
}
email-moderation-summary-more-link = votre file de modération
email-moderation-summary-why = Vous recevez ce récapitulatif parce que vous présidez des tables rondes.

# To a chair on "at once": several comments waiting, gathered in one email
# (comments_waiting). "And 3 more in <your queue>."
email-comments-waiting-subject = { $count ->
    [one] Un nouveau commentaire attend
   *[other] { $count } nouveaux commentaires attendent
} votre décision
email-comments-waiting-intro = { $count ->
    [one] Un nouveau commentaire attend
   *[other] { $count } nouveaux commentaires attendent
} votre décision, dans leur ordre d’arrivée :
email-comments-waiting-publish-text = Publier : { $link }
email-comments-waiting-reject-text = Rejeter : { $link }
email-comments-waiting-queue-text = Dans la file : { $link }
email-comments-waiting-queue-link = Dans la file
email-comments-waiting-more-text = { $count ->
    [one] Et un autre dans votre file de modération : { $link }
   *[other] Et { $count } autres dans votre file de modération : { $link }
}
email-comments-waiting-more-before = { $count ->
    [one] Et un autre dans
   *[other] Et { $count } autres dans
}
email-comments-waiting-more-link = votre file de modération
email-comments-waiting-why = Vous recevez ces courriels parce que vous présidez des tables rondes : aussitôt pour un premier commentaire, puis au plus un par quart d’heure avec tout ce qui est arrivé entre-temps.

# To an author: several decisions on their comments within a minute, in one
# email (decisions_made). Each item says what was decided.
email-decisions-subject = { $count ->
    [one] La présidence a statué sur l’un de vos commentaires
   *[other] La présidence a statué sur { $count } de vos commentaires
}
email-decisions-intro = { $count ->
    [one] La présidence a statué sur l’un de vos commentaires :
   *[other] La présidence a statué sur { $count } de vos commentaires :
}
email-decisions-published = Publié
email-decisions-rejected = Non publié
email-decisions-unpublished = Retiré de la publication, il n’apparaît plus
email-decisions-see-text = Le voir dans son fil de discussion : { $link }
email-decisions-see-link = Le voir dans son fil de discussion
email-decisions-more = { $count ->
    [one] Et une autre décision.
   *[other] Et { $count } autres décisions.
}

# Not used by the templates: the Rust code fills in { $expires } ("48 hours")
# and { $period } ("in the last hour") with these, in the recipient's language.
email-expires-hours = { $count ->
    [one] une heure
   *[other] { $count } heures
}
email-expires-days = { $count ->
    [one] un jour
   *[other] { $count } jours
}
email-period-last-hour = au cours de la dernière heure
email-period-yesterday = hier
email-questions-line = { $count ->
    [0] Général
    [one] Question { $numbers }
   *[other] Questions { $numbers }
}
