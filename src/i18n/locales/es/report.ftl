# Marcas para el informe: pertinencia y temas (solo presidencias y equipo).
marks-heading = Para el informe
marks-page-title = Comentario { $reference } para el informe
marks-relevance-legend = ¿Se retiene este comentario para el informe?
marks-relevance-now = { $relevance ->
    [retained] Retenido para el informe.
    [not_retained] No retenido para el informe.
   *[undecided] Aún sin decidir.
}
marks-relevance-published-only = { $relevance ->
    [retained] Marcado como retenido, pero no cuenta mientras no esté publicado: solo los comentarios publicados pueden retenerse para el informe.
    [not_retained] Marcado como no retenido. Solo los comentarios publicados pueden retenerse para el informe.
   *[undecided] Solo los comentarios publicados pueden retenerse para el informe.
}
marks-retain = Retenido para el informe
marks-not-retain = No retenido
marks-themes-heading = Temas
marks-themes-none = Todavía sin tema.
marks-theme-remove = Quitar
marks-theme-remove-which = el tema «{ $theme }»
marks-theme-add = Añadir un tema
marks-theme-add-hint = Elija uno de los temas de esta mesa redonda o escriba uno nuevo (60 caracteres como máximo).
marks-theme-add-button = Añadir el tema
marks-themes-page-link = Todos los temas de esta mesa redonda
marks-themes-title = Temas de { $roundtable }
marks-themes-crumb = Temas
marks-themes-lead = Solo las presidencias de la mesa redonda y el equipo ven los temas.
marks-themes-empty = Todavía no hay temas. Añada uno bajo un comentario en la cola de moderación.
marks-theme-count = { $count ->
    [one] un comentario
   *[other] { $count } comentarios
}
marks-theme-rename-label = Nuevo nombre para «{ $theme }»
marks-theme-rename = Cambiar el nombre
marks-theme-merge-label = Fusionar «{ $theme }» con
marks-theme-merge = Fusionar…
marks-merge-title = ¿Fusionar «{ $theme }» con «{ $into }»?
marks-merge-explain = { $count ->
    [one] El comentario marcado «{ $theme }» llevará «{ $into }», y el tema «{ $theme }» desaparecerá. No se puede deshacer.
   *[other] Los { $count } comentarios marcados «{ $theme }» llevarán «{ $into }», y el tema «{ $theme }» desaparecerá. No se puede deshacer.
}
marks-merge-confirm = Fusionar «{ $theme }» con «{ $into }»
marks-merge-cancel = Cancelar
marks-confirmation = { $what ->
    [retained] Comentario { $reference } retenido para el informe.
    [not_retained] Comentario { $reference } no retenido para el informe.
    [theme_added] Tema «{ $theme }» añadido al comentario { $reference }.
    [theme_removed] Tema «{ $theme }» quitado del comentario { $reference }.
    [renamed] Tema «{ $theme }» renombrado «{ $into }».
    [merged] Tema «{ $theme }» fusionado con «{ $into }».
   *[other] Guardado.
}
invalid-relevance-missing = Indique si el comentario se retiene para el informe.
invalid-relevance = Elija «retenido» o «no retenido».
invalid-relevance-not-published = Solo los comentarios publicados pueden retenerse para el informe; este no está publicado.
invalid-relevance-filter = Elija «retenido», «no retenido» o «sin decidir».
invalid-theme-empty = Escriba un tema.
invalid-theme-control = Un tema no puede contener caracteres de control.
invalid-theme-too-long = Este tema tiene { $length } caracteres; el límite es { $limit }.
invalid-theme-taken = El tema «{ $label }» ya existe: fusione este tema con él.
invalid-theme-unknown = Elija uno de los temas de esta mesa redonda.
invalid-theme-merge-itself = Un tema no puede fusionarse consigo mismo.
invalid-theme-merge-choose = Elija el tema con el que fusionarlo.
invalid-marks-filter-staff = Solo las presidencias y el equipo filtran por tema o pertinencia.
missing-theme = Esta mesa redonda no tiene ese tema.
missing-comment-theme = Este comentario no lleva ese tema.
forbidden-themes = Solo las presidencias de la mesa redonda y el equipo ven y cambian sus temas.
marks-filter-theme = Tema
marks-filter-theme-hint = Para presidencias y equipo: solo los comentarios con este tema.
marks-filter-relevance = Para el informe
marks-filter-any = Cualquier comentario
marks-filter-choice = { $relevance ->
    [retained] Retenidos para el informe
    [not_retained] No retenidos
   *[undecided] Aún sin decidir
}
marks-queue-filter = Filtrar por tema o pertinencia
marks-queue-filter-apply = Filtrar la cola
marks-link = Para el informe
