# Moderation: the queue, one comment's page, decisions from an email link,
# the audit trail, the outcome editor and the export form.

# Shared
moderation-title = Moderación
moderation-breadcrumb = Ruta de navegación
moderation-consultation = Consulta
moderation-roundtable = Mesa redonda
moderation-correct-this = Corrija lo siguiente
moderation-choose = Seleccione…
moderation-reason = Motivo
moderation-note-to-author = Nota para el autor o la autora (opcional)
moderation-publish = Publicar
moderation-reject = Rechazar
moderation-unpublish = Retirar la publicación
moderation-dismiss-the-reports = Desestimar las denuncias
moderation-status-label = Estado:
moderation-in-the-thread = en el hilo
moderation-preview = Vista previa
moderation-save-changes = Guardar los cambios
moderation-cancel = Cancelar
moderation-question-number = Pregunta { $number }
moderation-question-choice = Pregunta { $number }: { $text }
moderation-quoted = «{ $text }»
moderation-reason-and-note = { $reason }: «{ $note }»
moderation-when-and-note = { $when }: «{ $note }»

# The queue (pages/moderation/queue.html)
moderation-queue-empty = No tiene nada pendiente.
moderation-queue-empty-filtered = No tiene nada pendiente aquí.
moderation-queue-waiting = { $count ->
    [one] Un comentario espera su decisión.
   *[other] { $count } comentarios esperan su decisión.
}
moderation-queue-bulk-legend = Decidir sobre los comentarios seleccionados
moderation-queue-decision = Decisión
moderation-queue-reject-option = Rechazar (indique un motivo)
moderation-queue-dismiss-option = Desestimar las denuncias
moderation-queue-unpublish-option = Retirar la publicación (indique un motivo)
moderation-queue-reason = Motivo, para rechazar o retirar la publicación
moderation-queue-note = Nota para los autores y autoras (opcional)
moderation-queue-apply = Aplicar a los comentarios seleccionados
moderation-queue-select = Seleccionar
moderation-queue-waiting-for = en espera desde hace { $time }
moderation-queue-reported = denunciado
moderation-queue-and-hidden = y oculto
moderation-queue-general = General
moderation-queue-reply-to = En respuesta a { $author }: «{ $excerpt }»
moderation-queue-reported-as = Denunciado como
moderation-queue-publish-whose = el comentario de { $name }
moderation-queue-in-the-thread = En el hilo
moderation-queue-places-nav = Lo pendiente, por mesa redonda
moderation-queue-everything = Todas las mesas redondas
moderation-queue-order-label = Orden
moderation-queue-order-oldest = Primero los más antiguos
moderation-queue-order-newest = Primero los más recientes
moderation-queue-position = Página { $current } de { $total }
moderation-queue-paging-nav = Páginas de la cola
moderation-queue-previous = Anterior
moderation-queue-next = Siguiente
moderation-queue-page = Página
moderation-queue-select-all = Seleccionar todo en esta página
moderation-queue-more-pending = Cambiar sus preguntas…
moderation-queue-more-published = Destacar o cambiar sus preguntas…
moderation-queue-reject-summary = Rechazar…
moderation-queue-unpublish-summary = Retirar la publicación…
moderation-queue-keys = Atajos de teclado
moderation-queue-key-move = comentario siguiente o anterior
moderation-queue-key-select = seleccionarlo, o no
moderation-queue-key-publish = publicarlo
moderation-queue-key-reject = rechazarlo o retirar su publicación: elija el motivo y pulse su botón
moderation-trust-heading = Personas de confianza
moderation-trust-intro = Los comentarios de una persona de confianza se publican de inmediato, en todas partes. Puede otorgar su confianza a alguien desde su comentario, más arriba:
moderation-trust-person = Confiar en { $name }
moderation-trust-person-organisation = Confiar en { $name } ({ $organisation })

# One comment (pages/moderation/item.html)
moderation-item-highlighted = destacado
moderation-item-reports = Denuncias
moderation-item-decide = Decidir
moderation-item-highlight = Destacar para la recopilación
moderation-item-unhighlight = Dejar de destacar
moderation-item-reject-legend = Rechazar, con un motivo que leerá el autor o la autora
moderation-item-questions-legend = Las preguntas orientadoras a las que responde
moderation-item-questions-hint = Ninguna marcada: un comentario general.
moderation-item-save-questions = Guardar las preguntas
moderation-item-unpublish-legend = Retirar la publicación, con un motivo que leerá el autor o la autora
moderation-item-nothing-to-decide = Ninguna decisión se le aplica por ahora.

# Deciding from an email link (pages/moderation/email_action.html, link_problem.html)
moderation-email-publish-title = ¿Publicar este comentario?
moderation-email-reject-title = ¿Rechazar este comentario?
moderation-email-reason = Motivo, que leerá el autor o la autora
moderation-reject-comment = Rechazar el comentario
moderation-publish-comment = Publicar el comentario
moderation-email-nothing-happens = No ocurrirá nada hasta que pulse el botón.
moderation-email-see-thread = Verlo en su hilo
moderation-link-open-queue = Abrir la cola de moderación
moderation-link-sign-in-first = (inicie sesión antes si se le pide).

# After a bulk decision (pages/moderation/decided.html)
moderation-back-to-queue = Volver a la cola de moderación

# The audit trail (pages/moderation/audit.html)
moderation-audit-crumb = Registro de auditoría
moderation-audit-lead = Cada envío, modificación, denuncia y decisión sobre los comentarios de esta mesa redonda, del más reciente al más antiguo.
moderation-audit-when = Fecha
moderation-audit-comment = Comentario
moderation-audit-who = Persona
moderation-audit-what = Acción
moderation-audit-reason-note = Motivo y nota
moderation-audit-empty = Todavía no ha ocurrido nada aquí.

# The outcome editor (pages/outcome.html)
moderation-outcome-back = Volver a { $title }
moderation-outcome-lead-write = Redacte la síntesis y las recomendaciones de la mesa redonda por pregunta orientadora, un punto numerado por elemento de la lista.
# Followed by a name and a date
moderation-outcome-last-saved = guardado por última vez por { $who }
moderation-outcome-updates-published = al guardar los cambios se actualizan las conclusiones publicadas
moderation-outcome-conflict = Otra persona guardó cambios mientras tanto
moderation-outcome-introduction = Introducción
moderation-outcome-introduction-hint = (opcional, en Markdown)
moderation-outcome-list-hint = Una lista numerada: cada elemento es un punto.
moderation-outcome-save-draft = Guardar el borrador
moderation-outcome-withdraw = Volver a borrador
moderation-outcome-publish = Publicar las conclusiones

# Exporting comments (pages/export.html)
moderation-export-crumb = Exportar
moderation-export-lead-roundtable = Los comentarios de esta mesa redonda: como tabla (una fila por comentario), como datos estructurados o como materia prima del informe de la reunión, con las conclusiones de la presidencia, los comentarios destacados y las cifras de participación.
moderation-export-lead-consultation = Los comentarios de todas las mesas redondas que puede exportar: como tabla (una fila por comentario), como datos estructurados o como materia prima del informe de la reunión, con las conclusiones de la presidencia, los comentarios destacados y las cifras de participación.
moderation-export-format = Formato
moderation-export-which = Qué comentarios (todos los criterios son opcionales)
moderation-export-from = Publicados desde el
moderation-export-until = Publicados hasta el
moderation-export-question = Pregunta orientadora
moderation-export-all-questions = Todas las preguntas
moderation-export-organisation-type = Tipo de organización
moderation-export-all-types = Todos los tipos
moderation-export-country = País
moderation-export-all-countries = Todos los países
moderation-export-include-unpublished = Incluir también los comentarios pendientes, no publicados o retirados, con su estado (el nombre del archivo lo indica)
moderation-export-download = Descargar

# Text the moderation handlers build (src/web/moderation).
moderation-item-title = Comentario de { $name }
moderation-audit-title = Registro de auditoría – { $roundtable }
moderation-record-first = Primer comentario
moderation-record-before = Antes: { $published } { $published ->
    [one] publicado
   *[other] publicados
}, { $rejected } no { $rejected ->
    [one] publicado
   *[other] publicados
}
moderation-someone = Alguien
moderation-former-participant = Antiguo participante
moderation-already-decided-by = Ya se ha decidido: { $who } { $action ->
    [published] lo publicó
    [rejected] lo rechazó
    [unpublished] retiró su publicación
    [highlighted] lo destacó
    [highlight_removed] dejó de destacarlo
    [retagged] cambió sus preguntas
    [reports_dismissed] desestimó sus denuncias
    [withdrawn] lo retiró
   *[other] tomó una decisión sobre él
} el { $at }.
moderation-already-decided = Ya se ha decidido: su estado actual es «{ $status }».
moderation-not-possible = No es posible: { $why }.
moderation-no-such-comment = Ningún comentario tiene esta referencia.
moderation-edited-since = Su autor o autora lo ha modificado después de que usted lo leyera: lea el nuevo texto antes de decidir.
moderation-not-yours = No le corresponde decidir: usted no preside la mesa redonda de este comentario.
# The confirmation of a decision on the queue, and the lines of the page
# after a decision. { $whose } is moderation-confirm-whose.
moderation-confirm-whose = { $count ->
    [0] comentario general de { $name }
    [one] comentario de { $name } sobre la pregunta { $questions }
   *[other] comentario de { $name } sobre las preguntas { $questions }
}
moderation-confirm-one = { $action ->
    [publish] Ha publicado el { $whose }.
    [reject] Ha rechazado el { $whose }.
    [unpublish] Ha retirado la publicación del { $whose }.
    [highlight] Ha destacado el { $whose } para la recopilación.
    [unhighlight] Ha dejado de destacar el { $whose }.
    [retag] Ha cambiado las preguntas del { $whose }.
    [dismiss_reports] Ha desestimado las denuncias sobre el { $whose }; vuelve a mostrarse.
   *[other] Ha tomado una decisión sobre el { $whose }.
}
moderation-confirm-many = { $action ->
    [publish] Ha publicado { $count } comentarios, de { $names }.
    [reject] Ha rechazado { $count } comentarios, de { $names }.
    [unpublish] Ha retirado la publicación de { $count } comentarios, de { $names }.
    [highlight] Ha destacado { $count } comentarios, de { $names }.
    [unhighlight] Ha dejado de destacar { $count } comentarios, de { $names }.
    [retag] Ha cambiado las preguntas de { $count } comentarios, de { $names }.
    [dismiss_reports] Ha desestimado las denuncias sobre { $count } comentarios, de { $names }.
   *[other] Ha tomado una decisión sobre { $count } comentarios, de { $names }.
}
moderation-confirm-name-count = { $name } ({ $count })
moderation-confirm-names-and = { $first } y { $last }
moderation-confirm-names-others = { $first } y { $others ->
    [one] una persona más
   *[other] { $others } personas más
}
moderation-report-line = Sobre el { $whose }: { $what }
moderation-audit-action = { $action ->
    [submitted] enviado
    [published] publicado
    [rejected] rechazado
    [unpublished] publicación retirada
    [highlighted] destacado
    [highlight_removed] ya no destacado
    [retagged] preguntas cambiadas
    [reports_dismissed] denuncias desestimadas
    [withdrawn] retirado
    [posted] enviado
    [edited] modificado
    [reported] denunciado
    [retained] retenido para el informe
    [not_retained] no retenido para el informe
    [theme_added] tema añadido
    [theme_removed] tema quitado
    [late_included] admitido en el informe (tardío)
    [late_left_out] dejado fuera del informe (tardío)
   *[other] { $action }
}
moderation-link-expired-detail = Los enlaces de los correos de moderación son válidos durante 7 días. El comentario sigue en su cola de moderación.
moderation-link-broken-detail = Se copió de forma incompleta, o usted ya no preside esta mesa redonda. Abra directamente su cola de moderación.
moderation-outcome-title = Conclusiones de { $roundtable }
moderation-outcome-not-written = Todavía sin redactar
moderation-outcome-former-account = una cuenta ya eliminada
moderation-export-title = Exportar los comentarios de { $consultation }
moderation-export-format-choice = { $format ->
    [csv] CSV: una fila por comentario, para hojas de cálculo
    [xlsx] Libro de Excel (XLSX): una fila por comentario
    [json] JSON: organizado por mesa redonda, pregunta e hilo
    [md] Markdown: la materia prima del informe de la reunión
   *[html] HTML imprimible: la materia prima del informe, en formato A4
}

# Possible duplicates of a waiting comment, and the search box of the queue.
moderation-duplicates-title = Posibles duplicados
moderation-duplicate-likeness = { $percent } % de palabras en común
moderation-duplicate-note = Duplicado de { $reference }
moderation-duplicate-reject = Rechazar como duplicado de { $reference }
moderation-search-label = Buscar en los comentarios
moderation-search-button = Buscar
moderation-export-query = Solo los comentarios con estas palabras
moderation-export-query-hint = Palabras, "una frase exacta" entre comillas, -palabra para excluir una. Déjelo vacío para todos los comentarios.
