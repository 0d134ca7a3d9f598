# Comentarios tardíos, cambios de plazo y seguimiento (incidencia 19).
views-period-late-until = Plazo vencido: se aceptan comentarios tardíos hasta el { $at }
invalid-grace-hours = Indique el periodo de gracia en horas enteras, de 0 a { $max }, no «{ $value }»
invalid-deadline-reason-missing = Indique por qué cambia el plazo de comentarios: se informa a quienes siguen la mesa
missing-late-comment = Este comentario no se publicó fuera de plazo.
unauthorized-follow = Inicie sesión para seguir una mesa redonda.
late-grace-hours = Periodo de gracia tras el plazo (horas, opcional)
late-grace-hours-hint = Los comentarios publicados en esas horas se marcan como tardíos y la presidencia decide si entran en el informe. 0 o vacío: ninguno.
follow-deadline-reason = Por qué cambia el plazo de comentarios
follow-deadline-reason-hint = Obligatorio si cambia el plazo: se muestra en la página de la mesa redonda y se envía a quienes la siguen.
late-grace-line = Los comentarios se cierran el { $at }; los publicados en las { $hours } horas siguientes se marcan como tardíos y la presidencia decide si entran en el informe.
late-deadline-extended = Plazo ampliado el { $on } hasta el { $to }: { $reason }
late-deadline-brought-forward = Plazo adelantado el { $on } al { $to }: { $reason }
late-deadline-set = Plazo fijado el { $on } al { $to }: { $reason }
late-deadline-removed = Plazo suprimido el { $on }: { $reason }
late-badge = Tardío
late-decision-undecided = Tardío — sin decidir todavía
late-decision-included = Tardío — incluido por la presidencia
late-decision-left_out = Tardío — fuera del informe
late-include-button = Incluir en el informe
late-leave-out-button = Dejar fuera del informe
late-done-included-title = Incluido en el informe
late-done-included-detail = El comentario tardío { $reference } entra ahora en el informe.
late-done-left-out-title = Fuera del informe
late-done-left-out-detail = El comentario tardío { $reference } queda fuera del informe. Puede cambiarlo más adelante.
late-filter = Solo comentarios tardíos
late-filter-all = Todos los comentarios pendientes
late-digest-section = Comentarios tardíos fuera del informe
follow-now = Sigue esta mesa redonda: recibirá un correo cuando cambie su plazo o se publique su resultado.
follow-now-with-digest = Sigue esta mesa redonda, con un correo diario de los nuevos comentarios publicados.
follow-button = Seguir esta mesa redonda
follow-stop-button = Dejar de seguir
follow-add-digest-button = Recibir también un correo diario de los nuevos comentarios
follow-digest-option = Recibir también un correo diario de los nuevos comentarios
follow-done-following-title = Sigue esta mesa redonda
follow-done-following-detail = Recibirá un correo cuando cambie su plazo de comentarios y cuando se publique su resultado.
follow-done-digest-title = Sigue esta mesa redonda
follow-done-digest-detail = Recibirá un correo cuando cambie su plazo de comentarios, cuando se publique su resultado y una vez al día cuando se publiquen nuevos comentarios.
follow-done-stopped-title = Ya no sigue esta mesa redonda
follow-done-stopped-detail = No recibirá más correos sobre ella. Volver a comentar no cambia esto.
follow-unsubscribed-topic = los correos sobre { $roundtable }, que ya no sigue
follow-no-deadline = sin plazo
follow-deadline-subject-extended = Se amplía el plazo de comentarios de { $roundtable }
follow-deadline-subject-brought-forward = Se adelanta el plazo de comentarios de { $roundtable }
follow-deadline-subject-set = { $roundtable } tiene ahora un plazo de comentarios
follow-deadline-subject-removed = { $roundtable } ya no tiene plazo de comentarios
follow-deadline-intro = El plazo de comentarios de { $roundtable }, que usted sigue, ha cambiado.
follow-deadline-from-to = { $previous } → { $new }
follow-deadline-reason-line = Motivo: { $reason }
follow-stop-text = Dejar de seguir { $roundtable }: { $link }
follow-stop-link = Dejar de seguir { $roundtable }
follow-outcome-subject = Se publica la versión { $version } del resultado de { $roundtable }
follow-outcome-read-text = Léala, con los cambios desde la versión anterior: { $link }
follow-outcome-read-link = Léala, con los cambios desde la versión anterior
follow-digest-subject = { $count ->
    [one] 1 comentario nuevo en { $roundtable }
   *[other] { $count } comentarios nuevos en { $roundtable }
}
follow-digest-intro = { $count ->
    [one] Se publicó un comentario nuevo en { $roundtable }, que usted sigue:
   *[other] Se publicaron { $count } comentarios nuevos en { $roundtable }, que usted sigue:
}
follow-digest-more = { $count ->
    [one] y 1 más en la página de la mesa redonda.
   *[other] y { $count } más en la página de la mesa redonda.
}
follow-digest-read = Leer
account-following-heading = Mesas redondas que sigue
account-following-none = No sigue ninguna mesa redonda.
account-following-digest = con un correo diario
