# Setting up: consultations, roundtables, accounts and undelivered emails (staff and administrators).

# Shared
admin-breadcrumb = Ruta de navegación
admin-correct-this = Corrija lo siguiente
admin-choose = Seleccione…
admin-title = Título
admin-slug = Nombre en la dirección web
admin-status = Estado
admin-public-page = Página pública
admin-preview = Vista previa
admin-save-changes = Guardar los cambios
admin-content-language = Idioma de los textos
admin-remove = Quitar
admin-accounts = Cuentas
admin-organisation = Organización
admin-role = Rol
admin-state = Estado

# Consultations (pages/admin/consultations.html, consultation_form.html)
admin-consultations-title = Consultas
admin-consultations-new = Nueva consulta
admin-consultations-caption = Todas las consultas, borradores incluidos, de la más reciente a la más antigua
admin-consultations-empty = Todavía no hay ninguna consulta.
admin-all-consultations = Todas las consultas
admin-consultation-slug-hint = Letras minúsculas, cifras y guiones, como en /c/prague-cities-2019. Déjelo vacío para generarlo a partir del título. Las direcciones anteriores siguen funcionando después de un cambio.
admin-consultation-summary = Resumen (un párrafo, para listas y canales de noticias)
admin-consultation-description = Descripción (Markdown)
admin-consultation-description-hint = Se admiten títulos, listas, enlaces y tablas. Use «Vista previa» para verla tal como se publicará.
admin-consultation-preview-heading = Vista previa de la descripción
admin-consultation-kind = Tipo de evento
admin-consultation-venue = Lugar
admin-consultation-venue-hint = Ciudad y edificio, si el evento es presencial.
admin-consultation-online = Se celebra (también) en línea
admin-consultation-time-zone = Zona horaria del evento
admin-consultation-time-zone-hint = Las horas que figuran a continuación, y las de las páginas públicas, están en esta zona horaria.
admin-consultation-starts = Inicio
admin-consultation-ends = Fin
admin-consultation-comment-languages = Idiomas en los que pueden redactarse los comentarios
admin-consultation-organisers = Organizado por
admin-consultation-organisers-hint = Una organización por línea; añada su dirección web tras una barra vertical: Nombre | https://example.org
admin-consultation-partners = En colaboración con
admin-consultation-partners-hint = Una organización por línea, como arriba.
admin-consultation-status-hint = Un borrador solo lo ve el equipo. Abierta: se puede leer y comentar. Cerrada: se puede leer, pero no comentar. Archivada: solo lectura, de forma definitiva.
admin-consultation-create = Crear la consulta
admin-consultation-roundtables = Mesas redondas
admin-consultation-move-up = Subir
admin-consultation-move-down = Bajar
admin-consultation-move-up-label = Subir { $title }
admin-consultation-move-down-label = Bajar { $title }
admin-consultation-add-sub = Añadir una submesa
admin-consultation-no-roundtable = Todavía no hay ninguna mesa redonda.
admin-consultation-new-roundtable = Nueva mesa redonda

# A roundtable (pages/admin/roundtable_form.html)
admin-roundtable-code = Código
admin-roundtable-code-hint = Opcional, por ejemplo RT 3.2.
admin-roundtable-slug-hint = Déjelo vacío para generarlo a partir del título. Las direcciones anteriores siguen funcionando después de un cambio.
admin-roundtable-parent = Forma parte de
admin-roundtable-no-parent = Ninguna: mesa redonda independiente
admin-roundtable-summary = Resumen
admin-roundtable-background-markdown = Contexto (Markdown)
admin-roundtable-objectives-markdown = Objetivos (Markdown)
admin-roundtable-background = Contexto
admin-roundtable-objectives = Objetivos
admin-roundtable-moderation = Moderación
admin-roundtable-times-zone = Las horas están en la zona horaria de la consulta, { $zone }.
admin-roundtable-comments-open = Apertura de los comentarios
admin-roundtable-comments-open-hint = Vacío: abiertos en cuanto se abra la consulta.
admin-roundtable-comments-close = Cierre de los comentarios
admin-roundtable-comments-close-hint = Vacío: abiertos hasta que se cierre la consulta.
admin-roundtable-starts = Inicio de la sesión
admin-roundtable-ends = Fin de la sesión
admin-roundtable-venue = Sala o lugar
admin-roundtable-language-as-consultation = El de la consulta
admin-roundtable-questions = Preguntas orientadoras
admin-roundtable-question-number = Pregunta { $number }
admin-roundtable-question-retired = (retirada)
admin-roundtable-question-uses = { $count ->
    [one] { $count } comentario
   *[other] { $count } comentarios
}
admin-roundtable-question-place = Posición
admin-roundtable-question-keep = Conservar
admin-roundtable-question-keep-retired = Mantener retirada
admin-roundtable-question-retire = Retirar (se mantiene en sus comentarios y en las exportaciones)
admin-roundtable-question-remove = Eliminar
admin-roundtable-add-questions = Añadir preguntas
admin-roundtable-add-questions-hint = Una pregunta por línea; se añaden después de las demás.
admin-roundtable-create = Crear la mesa redonda
admin-roundtable-chairs = Presidencia
admin-roundtable-no-chair = Todavía no hay presidencia: los comentarios esperan la decisión del equipo hasta que se designe un presidente o una presidenta.
admin-roundtable-find-person = Buscar a una persona por nombre, organización o correo electrónico
admin-roundtable-search = Buscar
admin-roundtable-make-chair = Nombrar presidente/a
admin-roundtable-nobody-matches = Nadie coincide con «{ $search }».

# One account (pages/admin/user.html)
admin-user-email = Correo electrónico
admin-user-email-confirmed = confirmado
admin-user-email-not-confirmed = sin confirmar
admin-user-deactivated = Desactivada: no puede iniciar sesión ni publicar
admin-user-active = Activa
admin-user-change-role = Cambiar el rol
# Heading over the roundtables this person chairs
admin-user-chairs = Mesas redondas que preside
admin-user-chairs-none = No preside ninguna mesa redonda.
admin-user-make-chair-of = Nombrar presidente/a de
admin-user-choose-roundtable = Seleccione una mesa redonda…
admin-user-assign = Asignar
admin-user-access = Acceso
admin-user-reactivate = Reactivar la cuenta
admin-user-deactivate-note = Una cuenta desactivada ya no puede iniciar sesión ni publicar; sus comentarios se conservan.
admin-user-deactivate = Desactivar la cuenta

# Accounts (pages/admin/users.html)
admin-users-search = Nombre, organización o correo electrónico
admin-users-any-role = Cualquiera
admin-users-address = Dirección
admin-users-any-address = Cualquiera
admin-users-address-confirmed = Confirmada
admin-users-address-not-confirmed = Sin confirmar
admin-users-filter = Filtrar
admin-users-caption = Cuentas, de la más reciente a la más antigua
admin-users-name = Nombre
admin-users-email = Correo electrónico
admin-users-state-deactivated = desactivada
admin-users-state-confirmed = confirmada
admin-users-state-not-confirmed = sin confirmar
admin-users-limit = Se muestran 50 cuentas como máximo; afine la búsqueda para encontrar otras.
admin-users-empty = Ninguna cuenta coincide.

# Undelivered emails (pages/admin/emails.html)
admin-emails-title = Correos no entregados
admin-emails-lead = Correos cuyos intentos de envío han fallado todos. Corrija la causa (a menudo la configuración del servidor de correo) y vuelva a enviarlos.
admin-emails-caption = Correos no entregados, del más reciente al más antiguo
admin-emails-queued = En cola desde
admin-emails-kind = Tipo
admin-emails-to = Destinatario
admin-emails-subject = Asunto
admin-emails-tries = Intentos
admin-emails-last-error = Último error
admin-emails-action = Acción
admin-emails-retry = Reintentar
admin-emails-empty = Se entregaron todos los correos.
admin-consultation-patrons-label = Bajo los auspicios de
admin-consultation-patrons-hint = Una organización por línea, como arriba.
# The programme and resources of a consultation
admin-programme-heading = Programa
admin-programme-none = Todavía no hay ningún punto en el programa.
admin-programme-add = Añadir al programa
admin-programme-starts = Comienza
admin-programme-ends = Termina
admin-programme-title = Título
admin-programme-description = Descripción
admin-programme-speakers = Ponentes
admin-programme-speakers-hint = Uno por línea, por ejemplo «Nombre, Organización».
admin-entry-roundtable = Para
admin-entry-whole-consultation = Toda la consulta
admin-resources-heading = Recursos
admin-resources-none = Todavía no hay ningún recurso.
admin-resources-add = Añadir un recurso
admin-resources-kind = Tipo
admin-resources-title = Título
admin-resources-url = Dirección web
admin-resources-description = Descripción
admin-account-title = Cuenta de { $name }
admin-edit-title = Editar { $title }
admin-new-consultation-title = Nueva consulta
admin-new-roundtable-title = Nueva mesa redonda
admin-entry-edit = Editar
admin-entry-save = Guardar los cambios
admin-entry-cancel = Cancelar
admin-programme-edit = Editar el punto del programa
admin-resources-edit = Editar el recurso
admin-done-saved = «{ $title }» se ha guardado.
admin-done-programme-saved = El programa de «{ $title }» se ha guardado.
admin-done-programme-removed = El elemento se ha quitado del programa de «{ $title }».
admin-done-resource-saved = Los recursos de «{ $title }» se han guardado.
admin-done-resource-removed = El recurso se ha quitado de «{ $title }».
admin-done-moved = Las mesas redondas de «{ $title }» están en su nuevo orden.
admin-done-chair-added = La presidencia se ha añadido a «{ $title }».
admin-done-chair-removed = La presidencia se ha quitado de «{ $title }».
admin-remove-programme-title = ¿Quitar este elemento del programa?
admin-remove-resource-title = ¿Quitar este recurso?
admin-remove-cannot-undo = No se puede recuperar: habría que introducirlo de nuevo.
admin-remove-keep = No, conservarlo
