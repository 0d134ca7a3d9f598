coverage-title = Cobertura de { $roundtable }
coverage-link = Cobertura: qué llega al informe, quién es escuchado
coverage-nav = Cobertura
coverage-lead = Cómo llegan al informe los comentarios publicados, pregunta por pregunta, y qué voces recogen. Las cifras se calculan en el momento, durante el periodo de comentarios y después.
coverage-open-editor = Abrir el editor de conclusiones
coverage-figures-caption = Comentarios por pregunta orientadora
coverage-col-question = Pregunta
coverage-col-published = Publicados
coverage-col-retained = Retenidos
coverage-col-cited = Citados en las conclusiones
coverage-question = Pregunta { $number }
coverage-no-question = Sin pregunta
coverage-on-question = sobre la pregunta { $number }
coverage-on-no-question = fuera de las preguntas orientadoras
coverage-awaiting-heading = { $count ->
    [0] Comentarios retenidos aún sin citar
    [one] Un comentario retenido aún sin citar
   *[other] { $count } comentarios retenidos aún sin citar
}
coverage-awaiting-none = Todos los comentarios retenidos aquí están citados en las conclusiones.
coverage-awaiting-total = { $count ->
    [0] Todos los comentarios retenidos están citados en las conclusiones.
    [one] Un comentario retenido aún no está citado
   *[other] { $count } comentarios retenidos aún no están citados
}
coverage-cite = Citar en las conclusiones
coverage-gaps-heading = Aún sin escuchar
coverage-gaps-none = Todas las regiones del mundo y todos los tipos de organización han comentado aquí.
coverage-not-heard-region = Aún ningún comentario de { $region } { $place }
coverage-not-heard-kinds = Aún ningún comentario { $place } de: { $kinds }
coverage-heard-heading = Quién es escuchado
coverage-heard-people = { $commenters ->
    [one] Una persona comentó
   *[other] { $commenters } personas comentaron
}; las conclusiones citan { $cited ->
    [0] a ninguna por ahora
    [one] a una
   *[other] a { $cited }
}.
coverage-by-region = Por región del mundo (M49 de las Naciones Unidas)
coverage-by-kind = Por tipo de organización
coverage-by-country = Por país
coverage-col-group = Grupo
coverage-col-commenters = Personas que comentaron
coverage-col-cited-authors = Autores citados
coverage-nobody-yet = Nadie por ahora.
coverage-gender-heading = Por género
coverage-gender-withheld = No se muestra: muy pocas personas indicaron un género, o las cifras revelarían el género de una persona.
coverage-gender-other = Otro o no indicado
coverage-region-africa = África
coverage-region-americas = las Américas
coverage-region-asia = Asia
coverage-region-europe = Europa
coverage-region-oceania = Oceanía
coverage-cite-question = la síntesis de la pregunta { $number }
coverage-cite-general = la síntesis general
coverage-cite-added = El comentario #{ $reference } se añade como nuevo punto a { $section }. Redacte el punto en torno a él y luego guarde o publique.
coverage-cite-already = El comentario #{ $reference } ya está citado en { $section }.
