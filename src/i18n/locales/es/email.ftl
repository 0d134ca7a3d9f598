# Emails, in the recipient's language. Each email has a subject, a plain-text
# body and an HTML body. Messages ending in -text carry a link for the plain
# text; messages ending in -link are the words of the same link in HTML.
# Where HTML shows a roundtable in bold, the sentence is split around it:
# "<before> <roundtable> <after>".

# Shared by several emails
email-hello = Hola, { $name }:
# An excerpt of a comment quoted in the plain text
email-quoted = «{ $text }»
email-chair-of = La presidencia de
email-reason-label = Motivo:
email-chair-note-label = Nota de la presidencia:
email-copy-link = O copie este enlace en su navegador: { $link }
email-links-confirm = Cada enlace abre una página que le pide confirmación; no ocurre nada hasta que usted confirme. Los enlaces son válidos durante { $expires }.
email-publish-link = Publicar
email-reject-link = Rechazar indicando un motivo
email-stop-these-text = Dejar de recibir estos correos: { $link }
email-stop-these-link = Dejar de recibir estos correos
email-stop-decisions-text = Dejar de recibir correos sobre las decisiones relativas a sus comentarios: { $link }
email-stop-decisions-link = Dejar de recibir correos sobre las decisiones relativas a sus comentarios

# Someone tried to register an address that has an account (account_exists)
email-account-exists-subject = Alguien intentó registrar su dirección en Roundtable
email-account-exists-intro = Alguien, quizá usted, intentó crear una cuenta de Roundtable con esta dirección de correo electrónico. Como ya tiene una, no se ha modificado nada.
email-account-exists-sign-in-text = Para iniciar sesión: { $link }
email-account-exists-sign-in-link = Iniciar sesión en Roundtable
email-account-exists-not-you = Si no fue usted, no tiene que hacer nada.

# Confirm the address of a new account (verify_email)
email-verify-subject = Confirme su dirección de correo electrónico para Roundtable
email-verify-intro = Confirme que esta es su dirección de correo electrónico para poder participar en las consultas de Roundtable:
email-verify-button = Confirmar mi dirección de correo electrónico
email-verify-expiry = El enlace solo puede usarse una vez y es válido durante { $expires }. Si no ha creado ninguna cuenta, ignore este mensaje: no se publicará nada en su nombre.

# Confirm a new address for an account (confirm_new_email)
email-confirm-new-subject = Confirme su nueva dirección de correo electrónico para Roundtable
email-confirm-new-intro = Para trasladar su cuenta de Roundtable a esta dirección, siga este enlace:
email-confirm-new-button = Confirmar mi nueva dirección
email-confirm-new-expiry = El enlace solo puede usarse una vez y es válido durante { $expires }. Hasta entonces, su cuenta conserva su dirección actual. Si no lo ha solicitado, ignore este mensaje.

# Sent to the old address after a change (email_changed)
email-email-changed-subject = Su cuenta de Roundtable tiene una nueva dirección de correo electrónico
email-email-changed-intro = Se ha cambiado la dirección de correo electrónico de su cuenta de Roundtable y esta dirección ya no permite iniciar sesión. Si no ha sido usted, restablezca su contraseña desde la nueva dirección o escriba de inmediato a los organizadores.
email-email-changed-account-text = Su cuenta: { $link }
email-email-changed-account-link = Su cuenta

# Reset a password (reset_password)
email-reset-subject = Elija una nueva contraseña de Roundtable
email-reset-intro = Alguien, probablemente usted, ha solicitado restablecer la contraseña de su cuenta de Roundtable.
email-reset-choose-text = Para elegir una nueva:
email-reset-button = Elegir una nueva contraseña
email-reset-expiry = El enlace solo puede usarse una vez y es válido durante { $expires }. Si no lo ha solicitado, ignore este mensaje: su contraseña no cambiará.

# A chair published a comment (comment_published)
email-comment-published-subject = Se ha publicado su comentario en { $roundtable }
email-comment-published-intro-after = ({ $consultation }) ha publicado su comentario:
email-comment-published-see-text = Véalo en su hilo de conversación: { $link }
email-comment-published-see-link = Verlo en su hilo de conversación

# A chair rejected a comment (comment_rejected): "You can post a new comment
# <on the roundtable> while it is open."
email-comment-rejected-subject = Su comentario en { $roundtable } no se ha publicado
email-comment-rejected-intro-after = ({ $consultation }) ha decidido no publicar su comentario.
email-comment-rejected-reuse = Su comentario, para que pueda reutilizarlo:
email-comment-rejected-new-text = Puede publicar un nuevo comentario en la mesa redonda mientras esté abierta: { $link }
email-comment-rejected-new-before = Puede publicar un nuevo comentario
email-comment-rejected-new-link = en la mesa redonda
email-comment-rejected-new-after = mientras esté abierta.

# A chair unpublished a comment (comment_unpublished)
email-comment-unpublished-subject = Su comentario en { $roundtable } ya no está publicado
email-comment-unpublished-intro-after = ({ $consultation }) ha retirado la publicación de su comentario. Ya no aparece en la mesa redonda.
email-comment-unpublished-yours = Su comentario:

# A reply to a comment was published (reply_published)
email-reply-subject = { $replier } ha respondido a su comentario en { $roundtable }
email-reply-intro-before = { $replier } ha respondido a su comentario en
email-reply-intro-after = :
email-reply-read-text = Lea la respuesta en su hilo de conversación: { $link }
email-reply-read-link = Leer la respuesta en su hilo de conversación
email-reply-stop-text = Dejar de recibir correos sobre las respuestas a sus comentarios: { $link }
email-reply-stop-link = Dejar de recibir correos sobre las respuestas a sus comentarios

# An outcome cites the recipient's comments (comment_cited)
email-comment-cited-subject = Las conclusiones de { $roundtable } citan { $count ->
    [one] su comentario
   *[other] sus comentarios
}
email-comment-cited-intro-before = La presidencia de
email-comment-cited-intro-after = ({ $consultation }) ha publicado las conclusiones de la mesa redonda, que citan { $count ->
    [one] su comentario
   *[other] los siguientes comentarios suyos
}:
email-comment-cited-read-text = Lea la síntesis y las recomendaciones: { $link }
email-comment-cited-read-link = Leer la síntesis y las recomendaciones
email-comment-cited-thanks = Gracias por su participación.
email-comment-cited-stop-text = Dejar de recibir correos cuando unas conclusiones citen sus comentarios: { $link }
email-comment-cited-stop-link = Dejar de recibir correos cuando unas conclusiones citen sus comentarios

# To a chair: one comment waits for a decision (comment_waiting)
email-comment-waiting-subject = Un comentario espera su decisión en { $roundtable }
email-comment-waiting-intro-before = Un nuevo comentario espera su decisión en
email-comment-waiting-intro-after = ({ $consultation }).
email-from-label = De:
email-answers-label = Responde a:
email-in-reply-to-label = En respuesta a:
email-comment-waiting-publish-text = Publicarlo: { $link }
email-comment-waiting-reject-text = Rechazarlo (indicando un motivo): { $link }
email-comment-waiting-queue-text = Verlo en su cola de moderación: { $link }
email-comment-waiting-queue-link = Verlo en su cola de moderación
email-comment-waiting-why = Recibe este correo porque preside esta mesa redonda.

# To a chair: the hourly or daily summary (moderation_summary). "And 3 more
# in <your queue>."
email-moderation-summary-subject = { $count ->
    [one] Un comentario espera
   *[other] { $count } comentarios esperan
} su decisión
email-moderation-summary-intro = Han llegado nuevos comentarios { $period }. { $count ->
    [one] Un comentario espera
   *[other] { $count } comentarios esperan
} su decisión (del más antiguo al más reciente):
email-moderation-summary-publish-text = Publicar: { $link }
email-moderation-summary-reject-text = Rechazar: { $link }
email-moderation-summary-queue-text = En la cola: { $link }
email-moderation-summary-queue-link = En la cola
email-moderation-summary-more-text = { $count ->
    [one] Y uno más en su cola de moderación: { $link }
   *[other] Y { $count } más en su cola de moderación: { $link }
}
email-moderation-summary-more-before = { $count ->
    [one] Y uno más en
   *[other] Y { $count } más en
}
email-moderation-summary-more-link = su cola de moderación
email-moderation-summary-why = Recibe este resumen porque preside mesas redondas.

# To a chair on "at once": several comments waiting, gathered in one email
# (comments_waiting). "And 3 more in <your queue>."
email-comments-waiting-subject = { $count ->
    [one] Un nuevo comentario espera
   *[other] { $count } nuevos comentarios esperan
} su decisión
email-comments-waiting-intro = { $count ->
    [one] Un nuevo comentario espera
   *[other] { $count } nuevos comentarios esperan
} su decisión, por orden de llegada:
email-comments-waiting-publish-text = Publicar: { $link }
email-comments-waiting-reject-text = Rechazar: { $link }
email-comments-waiting-queue-text = En la cola: { $link }
email-comments-waiting-queue-link = En la cola
email-comments-waiting-more-text = { $count ->
    [one] Y uno más en su cola de moderación: { $link }
   *[other] Y { $count } más en su cola de moderación: { $link }
}
email-comments-waiting-more-before = { $count ->
    [one] Y uno más en
   *[other] Y { $count } más en
}
email-comments-waiting-more-link = su cola de moderación
email-comments-waiting-why = Recibe estos correos porque preside mesas redondas: de inmediato para un primer comentario y, después, como máximo uno cada 15 minutos con todo lo que haya llegado entretanto.

# To an author: several decisions on their comments within a minute, in one
# email (decisions_made). Each item says what was decided.
email-decisions-subject = { $count ->
    [one] La presidencia ha tomado una decisión sobre uno de sus comentarios
   *[other] La presidencia ha tomado decisiones sobre { $count } de sus comentarios
}
email-decisions-intro = { $count ->
    [one] La presidencia ha tomado una decisión sobre uno de sus comentarios:
   *[other] La presidencia ha tomado decisiones sobre { $count } de sus comentarios:
}
email-decisions-published = Publicado
email-decisions-rejected = No publicado
email-decisions-unpublished = Retirado de la publicación, ya no aparece
email-decisions-see-text = Véalo en su hilo de conversación: { $link }
email-decisions-see-link = Verlo en su hilo de conversación
email-decisions-more = { $count ->
    [one] Y una decisión más.
   *[other] Y { $count } decisiones más.
}

# Not used by the templates: the Rust code fills in { $expires } ("48 hours")
# and { $period } ("in the last hour") with these, in the recipient's language.
email-expires-hours = { $count ->
    [one] una hora
   *[other] { $count } horas
}
email-expires-days = { $count ->
    [one] un día
   *[other] { $count } días
}
email-period-last-hour = en la última hora
email-period-yesterday = ayer
email-questions-line = { $count ->
    [0] General
    [one] Pregunta { $numbers }
   *[other] Preguntas { $numbers }
}
