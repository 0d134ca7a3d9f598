# Comments: the comment form's own page, editing, replying, reporting and withdrawing one's own or others' comments.

# Shared
comments-preview = Aperçu
comments-cancel = Annuler
comments-choose = Choisir…
comments-your-comment = Votre commentaire

# The comment form's own page (pages/comments/comment.html)
comments-page-heading = Commenter « { $title } »
comments-page-crumb = Commenter
comments-page-moderation-pre = La présidence lit votre commentaire avant de le publier.
comments-page-moderation-post = Votre commentaire est publié aussitôt ; la présidence peut ensuite le retirer.
comments-page-sign-in = Connectez-vous pour commenter
comments-page-or = ou
comments-page-create-account = créez un compte
comments-page-sign-in-end = .
comments-page-back = Retour à « { $title } »

# Editing a comment (pages/comments/edit.html)
comments-edit-lead = Vous pouvez modifier votre commentaire tant qu’il attend la décision de la présidence.
comments-save-changes = Enregistrer les modifications

# Replying (pages/comments/reply.html)
comments-breadcrumb = Fil d’Ariane
comments-reply-crumb = Répondre
comments-in-the-thread = dans la discussion
comments-reply-note = Votre réponse porte sur les mêmes questions directrices que ce commentaire.
comments-reply-submit = Publier la réponse

# Reporting (pages/comments/report.html, reported.html)
comments-report-intro = Expliquez à la présidence pourquoi ce commentaire n’a pas sa place ici. C’est elle qui décide ; après les signalements de trois personnes, le commentaire est masqué en attendant sa décision.
comments-report-reason = Motif
comments-report-note = Informations utiles pour la présidence (facultatif)
comments-report-submit = Envoyer le signalement
comments-reported-lead = La présidence va examiner ce commentaire et décider s’il reste publié.
comments-back-to-roundtable = Retour à la table ronde

# Withdrawing (pages/comments/withdraw.html)
comments-withdraw-warning = Le retrait est définitif. Si d’autres personnes ont répondu, leurs réponses restent en place, sous la mention « retiré par son auteur ou son autrice ».
comments-withdraw-submit = Retirer mon commentaire
comments-withdraw-keep = Le conserver

# Page titles the handlers choose (src/web/comments)
comments-edit-title = Modifier votre commentaire
comments-withdraw-title = Retirer votre commentaire
comments-report-title = Signaler un commentaire
comments-reported-title = Merci de votre signalement
comments-reply-title = Répondre à { $name }
