search-title = Buscar en los comentarios
search-nav = Buscar
search-label = Palabras que buscar
search-help = Una palabra encuentra todas sus formas («migrante» encuentra «migrantes»), con o sin tildes. Ponga «una frase» entre comillas para encontrarla palabra por palabra; ponga un signo menos delante de una palabra para dejar fuera lo que la contiene, por ejemplo: financiación -préstamos.
search-filters = Acotar la búsqueda
search-filters-narrow = Elija una consulta y busque para elegir una de sus mesas redondas, y luego una mesa redonda para elegir una de sus preguntas orientadoras.
search-consultation = Consulta
search-any-consultation = Todas las consultas
search-roundtable = Mesa redonda
search-any-roundtable = Todas las mesas redondas
search-question = Pregunta orientadora
search-any-question = Todas las preguntas orientadoras
search-organisation-type = Tipo de organización
search-any-organisation-type = Todos los tipos de organización
search-country = País
search-any-country = Todos los países
search-from = Escrito el o después del
search-to = Escrito el o antes del
search-date-hint = Año-mes-día, por ejemplo 2026-03-31.
search-submit = Buscar
search-results = Resultados
search-found = { $count ->
    [0] Ningún comentario coincide con su búsqueda.
    [one] Un comentario coincide con su búsqueda.
   *[other] { $count } comentarios coinciden con su búsqueda.
}
search-places = Consultas, mesas redondas y preguntas
search-comments = Comentarios
search-open-comment = Comentario de { $author }
search-paging-nav = Páginas de resultados
search-place-question = Pregunta orientadora { $number } de { $roundtable }
search-questions = { $count ->
    [one] Pregunta { $numbers }
   *[other] Preguntas { $numbers }
}
search-question-choice = { $number }. { $text }
search-box-label = Buscar en los comentarios de esta consulta
search-box-label-roundtable = Buscar en los comentarios de esta mesa redonda
search-box-all-questions = Todas las preguntas orientadoras
search-box-question-number = Pregunta { $number }
search-box-hint = «Una frase» entre comillas; -palabra para dejarla fuera.
search-box-more = Más criterios de búsqueda
