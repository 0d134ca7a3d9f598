# Comments: the comment form's own page, editing, replying, reporting and withdrawing one's own or others' comments.

# Shared
comments-preview = Vista previa
comments-cancel = Cancelar
comments-choose = Seleccione…
comments-your-comment = Su comentario

# The comment form's own page (pages/comments/comment.html)
comments-page-heading = Comentar «{ $title }»
comments-page-crumb = Comentar
comments-page-moderation-pre = La presidencia lee su comentario antes de publicarlo.
comments-page-moderation-post = Su comentario se publica de inmediato; la presidencia puede retirarlo después.
comments-page-sign-in = Inicie sesión para comentar
comments-page-or = o
comments-page-create-account = cree una cuenta
comments-page-sign-in-end = .
comments-page-back = Volver a «{ $title }»

# Editing a comment (pages/comments/edit.html)
comments-edit-lead = Puede modificar su comentario mientras espera la decisión de la presidencia.
comments-save-changes = Guardar los cambios

# Replying (pages/comments/reply.html)
comments-breadcrumb = Ruta de navegación
comments-reply-crumb = Responder
comments-in-the-thread = en el hilo
comments-reply-note = Su respuesta trata las mismas preguntas orientadoras que este comentario.
comments-reply-submit = Publicar la respuesta

# Reporting (pages/comments/report.html, reported.html)
comments-report-intro = Explique a la presidencia por qué este comentario no debería estar aquí. La decisión es suya; tras las denuncias de tres personas, el comentario queda oculto hasta que decida.
comments-report-reason = Motivo
comments-report-note = Lo que la presidencia debería saber (opcional)
comments-report-submit = Enviar la denuncia
comments-reported-lead = La presidencia examinará este comentario y decidirá si sigue publicado.
comments-back-to-roundtable = Volver a la mesa redonda

# Withdrawing (pages/comments/withdraw.html)
comments-withdraw-warning = La retirada no se puede deshacer. Si otras personas respondieron, sus respuestas se mantienen en su sitio, con la mención «retirado por su autor o autora».
comments-withdraw-submit = Retirar mi comentario
comments-withdraw-keep = Conservarlo

# Page titles the handlers choose (src/web/comments)
comments-edit-title = Editar su comentario
comments-withdraw-title = Retirar su comentario
comments-report-title = Denunciar un comentario
comments-reported-title = Gracias por su denuncia
comments-reply-title = Responder a { $name }
