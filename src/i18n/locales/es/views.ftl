views-online = En línea
views-venue-and-online = { $venue } y en línea
views-consultations = Consultas
views-open-now = Abiertas ahora
views-coming-up = Próximamente
views-past = Consultas anteriores
views-comment-count = { $count ->
    [one] { $count } comentario
   *[other] { $count } comentarios
}
views-comment-count-new = { $count ->
    [one] { $count } comentario
   *[other] { $count } comentarios
}, { $new ->
    [one] { $new } nuevo
   *[other] { $new } nuevos
} desde su última visita
views-period-opens = Los comentarios se abren el { $at }
views-period-open-until = Abierto a comentarios hasta el { $at }
views-period-open = Abierto a comentarios
views-period-closed-on = Comentarios cerrados el { $at }
views-period-closed = Los comentarios están cerrados
views-withdrawn-by-author = Su autor o autora retiró este comentario.
views-not-published = Este comentario no está publicado.
views-awaiting-decision = A la espera de la decisión de la presidencia: solo usted y la presidencia lo ven
views-hidden-after-reports = Oculto tras denuncias de lectores, hasta que la presidencia decida
views-status-not-published = No publicado
views-kind-conference = Conferencia
views-kind-online_conference = Conferencia en línea
views-kind-workshop = Taller
views-kind-workshop_series = Serie de talleres
views-kind-forum = Foro
views-kind-consultation = Consulta
views-status-draft = Borrador
views-status-open = Abierta
views-status-closed = Cerrada
views-status-archived = Archivada
views-role-organiser = Organizado por
views-role-partner = En colaboración con
views-role-patron = Bajo los auspicios de
views-moderation-pre = Los comentarios se publican después de que la presidencia los apruebe
views-moderation-post = Los comentarios se publican de inmediato; la presidencia puede retirarlos
views-resource-background_paper = Documento de referencia
views-resource-issues_paper = Nota temática
views-resource-publication = Publicación
views-resource-organisation = Organización
views-resource-other = Otro
views-orgtype-national_government = Gobierno nacional
views-orgtype-local_authority = Autoridad local o regional
views-orgtype-international_organisation = Organización internacional
views-orgtype-civil_society = Organización de la sociedad civil u ONG
views-orgtype-migrant_association = Asociación de migrantes o de la diáspora
views-orgtype-academia = Universidad o investigación
views-orgtype-private_sector = Sector privado
views-orgtype-media = Medios de comunicación
views-orgtype-individual = Particular
views-language-en = inglés
views-language-fr = francés
views-language-es = español
views-question-heading = Pregunta { $number }: { $text }
views-across-questions = Todas las preguntas
views-gender-woman = Mujer
views-gender-man = Hombre
views-gender-another = Otro género
views-gender-prefer_not_to_say = Prefiero no decirlo
views-userrole-participant = Participante
views-userrole-staff = Equipo
views-userrole-admin = Administrador/a
views-reason-off_topic = Fuera de tema
views-reason-not_identified = Autor no identificado correctamente
views-reason-duplicate = Duplica otro comentario
views-reason-abusive = Abusivo
views-reason-spam = Spam
views-reason-other = Otro motivo
views-comment-pending = A la espera de la decisión de la presidencia
views-comment-approved = Publicado
views-comment-rejected = No publicado
views-comment-withdrawn = Retirado por su autor o autora
views-frequency-immediate = De inmediato; después, como máximo un correo cada 15 minutos
views-frequency-hourly = Un resumen cada hora
views-frequency-daily = Un resumen cada día
views-frequency-off = Nunca
views-topic-moderation = Comentarios que esperan mi decisión, como presidente/a
views-topic-decisions = Decisiones de la presidencia sobre mis comentarios
views-topic-replies = Respuestas publicadas a mis comentarios
views-topic-citations = Conclusiones publicadas que citan mis comentarios
views-language-de = alemán
views-language-cs = checo
views-language-ka = georgiano
views-language-ru = ruso
views-language-tr = turco
views-language-ar = árabe
views-language-it = italiano
views-language-nl = neerlandés
views-language-pt = portugués
views-waited-moment = menos de un minuto
views-waited-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
views-waited-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
views-waited-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
views-ago = hace { $time }
views-outcome-draft = Borrador
views-outcome-published = Publicadas
views-point-synthesis = Síntesis
views-point-recommendation = Recomendaciones
