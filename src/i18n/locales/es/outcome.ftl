# The chairs' outcome: the editor's list of comments to cite
# (pages/outcome.html, assets/outcome-editor.js), the withdrawal's
# confirmation page (pages/outcome_withdraw.html), the confirmation after a
# change (pages/roundtable.html) and cited authors in the published outcome.

pages-outcome-lead-sources = Junto a cada pregunta figuran los comentarios publicados de la mesa redonda que la responden. Cite uno por su referencia, por ejemplo #c-2f9a01bc (bastan los cuatro primeros caracteres después de c- si identifican un único comentario): las conclusiones publicadas muestran el nombre de quien lo escribió, y se le avisa por correo electrónico.
pages-outcome-introduction-cites = La introducción también puede citar comentarios, por ejemplo los que figuran con los puntos sobre todas las preguntas.
# Headings of the list of comments beside each question's fields.
pages-outcome-sources-question = Comentarios sobre la pregunta { $number } ({ $count })
pages-outcome-sources-general = Comentarios sin pregunta concreta ({ $count })
pages-outcome-sources-hint = Primero los comentarios destacados, luego los más antiguos.
pages-outcome-sources-none = Todavía no hay ningún comentario publicado.
pages-outcome-source-highlighted = Destacado
pages-outcome-source-read = Leerlo (se abre en una pestaña nueva)
# Written by the script: {"{"}reference{"}"} and {"{"}field{"}"} are filled in there.
pages-outcome-cite = Citar
pages-outcome-cited = {"{"}reference{"}"} insertado en «{"{"}field{"}"}».
pages-outcome-filter = Filtrar estos comentarios
pages-outcome-filter-count = Comentarios mostrados: {"{"}shown{"}"} de {"{"}total{"}"}

# Withdrawing a published outcome
pages-outcome-withdraw-heading = Retirar de la publicación
pages-outcome-withdraw-lead = El público dejará de ver las conclusiones; la presidencia y el equipo seguirán viéndolas y podrán publicarlas de nuevo. Se le pedirá que lo confirme. Los cambios escritos arriba y no guardados no se conservan.
pages-outcome-withdraw-open = Volver a borrador…
pages-outcome-withdraw-title = ¿Volver a borrador las conclusiones de { $roundtable }?
pages-outcome-withdraw-explained = Las conclusiones vuelven a ser un borrador: el público deja de verlas en la página de la mesa redonda. La presidencia y el equipo siguen viéndolas y pueden publicarlas de nuevo.
pages-outcome-withdraw-back = Volver al editor de las conclusiones
pages-outcome-withdraw-keep = Mantenerlas publicadas

# The confirmation on the roundtable page after the outcome form.
pages-outcome-notice-draft-saved = Conclusiones de { $roundtable } guardadas como borrador: solo la presidencia y el equipo las ven.
pages-outcome-notice-changes-saved = Cambios guardados: las conclusiones publicadas de { $roundtable } están al día. Un texto modificado se publica como una nueva versión; las versiones anteriores siguen disponibles.
pages-outcome-notice-published = Conclusiones de { $roundtable } publicadas: todo el mundo las ve abajo, y se avisa por correo electrónico a las personas cuyos comentarios citan.
pages-outcome-notice-withdrawn = Conclusiones de { $roundtable } retiradas: vuelven a ser un borrador, visible solo para la presidencia y el equipo.

# A citation in the published outcome: who wrote the comment.
pages-outcome-cited-full = { $name } ({ $organisation }, { $country })
# $detail is their organisation or their country.
pages-outcome-cited-with = { $name } ({ $detail })

invalid-citation-malformed = { $reference } no es una referencia de comentario: escriba # seguido de la referencia que figura junto al comentario, por ejemplo #c-2f9a01bc.
conflict-outcome-not-published = Estas conclusiones no están publicadas: no hay nada que retirar.
