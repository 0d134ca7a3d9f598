# Las páginas públicas: plantilla base, inicio, consulta, mesa redonda,
# formulario de comentario, programa, recursos, conclusiones, página de error.

## Plantilla base (base.html)
pages-skip-to-content = Ir al contenido
pages-nav-site = Sitio
pages-consultations = Consultas
pages-moderation = Moderación
pages-nav-accounts = Cuentas
pages-nav-set-up = Configuración
pages-nav-emails = Correos
pages-nav-sign-out = Cerrar sesión
pages-nav-sign-in = Iniciar sesión
pages-nav-register = Registrarse
pages-verify-banner = Confirme su dirección de correo electrónico con el enlace que le hemos enviado: hasta entonces podrá leer, pero no participar.
pages-verify-send-again = Reenviar el enlace
pages-footer-about = Roundtable: consultas públicas. Cada comentario se publica con el nombre, la organización y el país de su autor, tras la revisión de la presidencia.

## Página de error
pages-error-status = Error { $status }.
pages-error-back = Volver a las consultas

## Página de inicio
pages-home-feed-title = Consultas en Roundtable
pages-home-lead = Conferencias, talleres y mesas redondas en línea: lea los antecedentes y las preguntas orientadoras y, a continuación, participe en su propio nombre.
pages-home-empty = Todavía no se ha publicado ninguna consulta.

## Páginas de consulta y de mesa redonda: elementos comunes
# Título de un enlace de canal: $title es el título de una consulta o de una mesa redonda.
pages-feed-title = Comentarios sobre «{ $title }»
pages-breadcrumb = Ruta de navegación
pages-fact-event = Evento
pages-fact-when = Fecha
pages-fact-where = Lugar
pages-fact-follow = Seguir
pages-fact-languages = Comentarios bienvenidos en
pages-save-in-calendar = Guardar en mi calendario
pages-comments-feed = Canal de comentarios publicados
pages-export-comments = Exportar los comentarios

## Página de consulta
# Sigue al enlace «Guardar en mi calendario».
pages-consultation-calendar-scope = (el evento, sus sesiones y sus plazos)
pages-consultation-about = Presentación
pages-consultation-roundtables = Mesas redondas

## Página de mesa redonda
pages-comments = Comentarios
pages-roundtable-chairs = { $count ->
    [one] Presidente/a
   *[other] Presidencia
}
pages-roundtable-background = Antecedentes
pages-roundtable-objectives = Objetivos
pages-roundtable-questions = Preguntas orientadoras
# Etiqueta junto a una pregunta orientadora que ya no se plantea.
pages-question-retired = retirada
pages-question-number = Pregunta { $number }
pages-outcome-heading = Conclusiones
pages-outcome-draft = borrador, visible solo para la presidencia y el equipo
# $date: «30 de noviembre de 2020, 23:59 CET».
pages-outcome-published = Publicadas el { $date } por la presidencia de la mesa redonda.
pages-outcome-none = La presidencia todavía no ha redactado las conclusiones.
pages-outcome-edit = Editar las conclusiones
pages-outcome-write = Redactar las conclusiones
pages-roundtable-children = Mesas redondas secundarias
pages-write-comment = Escribir un comentario
pages-moderation-queue = Cola de moderación
pages-audit-trail = Registro de auditoría
# Lo leen los lectores de pantalla antes de una respuesta; $level es 1 para una respuesta directa.
pages-comment-reply-level = Respuesta, nivel { $level }.
pages-comment-new = Nuevo
pages-comment-edited = (editado)
pages-comment-highlighted = Destacado por la presidencia
# $name: el autor del comentario al que se responde.
pages-comment-in-reply-to = En respuesta a { $name }
pages-comment-reply = Responder
# Lo leen los lectores de pantalla después de «Responder»: «Responder a Ana Pérez».
pages-comment-reply-to = a { $name }
pages-comment-edit = Editar
pages-comment-withdraw = Retirar
pages-comment-report = Denunciar
# Lo leen los lectores de pantalla después de «Denunciar»: «Denunciar este comentario de Ana Pérez».
pages-comment-report-by = este comentario de { $name }
pages-comment-moderate = Moderar
pages-comments-none = Todavía no se ha publicado ningún comentario.
pages-take-part = Participar
pages-take-part-intro-pre = La presidencia decide qué comentarios son pertinentes y los publica: el suyo será visible para los demás cuando la presidencia lo haya aprobado. Le rogamos que escriba en su propio nombre.
pages-take-part-intro-post = La presidencia decide qué comentarios son pertinentes y los publica. Le rogamos que escriba en su propio nombre.
pages-take-part-verify = Para participar, confirme su dirección de correo electrónico con el enlace que le hemos enviado.
# Una frase en torno a un enlace a la página de la cuenta: antes + enlace + después,
# sin espacio añadido entre ellos (los espacios se escriben {" "}; {""} es vacío).
pages-take-part-resend-button = Enviar el enlace de nuevo
# Una frase: [Inicie sesión] o [cree una cuenta] para comentar: …
pages-take-part-sign-in = Inicie sesión
pages-take-part-or = o
pages-take-part-create-account = cree una cuenta
pages-take-part-to-comment = para comentar: los comentarios se publican con el nombre, la organización y el país de su autor.

## Formulario de comentario (partials/comment_form.html)
# Título del resumen de errores; $count es el número de errores.
pages-form-correct = { $count ->
    [one] Corrija este punto
   *[other] Corrija estos puntos
}
pages-form-questions-legend = ¿A qué preguntas orientadoras responde su comentario?
pages-form-questions-hint = No marque ninguna si se trata de un comentario general.
# Texto de una casilla: $text es la pregunta orientadora.
pages-form-question-choice = Pregunta { $number }: { $text }
pages-form-body-label = Su comentario
pages-form-body-hint = Markdown: *cursiva*, **negrita**, listas, > citas, [enlaces](https://example.org). Hasta 10 000 caracteres. Se publicará con su nombre, su organización y su país.
pages-form-preview = Vista previa
pages-form-post-comment = Enviar el comentario

## Programa, recursos, conclusiones (partials)
pages-programme = Programa
pages-programme-speakers = Ponentes
# $zone: nombre de una zona horaria, por ejemplo «Europe/Prague».
pages-programme-time-zone = Horas indicadas en la zona horaria { $zone }.
pages-resources = Recursos
pages-outcome-synthesis = Síntesis
pages-outcome-recommendations = Recomendaciones
pages-form-language-label = Idioma de su comentario

terms-title = Condiciones y privacidad
terms-version-published = Versión { $version }, publicada el { $date }.
terms-version-shipped = El texto que trae Roundtable; los organizadores no lo han reemplazado.
terms-public-page = La página pública
terms-editor-title = Condiciones y aviso de privacidad
terms-editor-lead = Publicar crea una versión nueva: quienes se registren a partir de ahora la aceptan; los demás conservan la versión que aceptaron.
terms-editor-body = El texto, en Markdown
terms-editor-body-hint = Los títulos empiezan con ##; una línea en blanco empieza un párrafo nuevo.
terms-preview-heading = Vista previa: aún no se ha publicado nada
terms-publish = Publicar esta versión
terms-published = La versión { $version } está publicada. Quienes se registren a partir de ahora la aceptan.

pages-action-comment = Comentar
pages-action-sign-in-to-comment = Inicie sesión para comentar
pages-action-register = Crear una cuenta
pages-question-comments = { $count ->
    [0] Aún no hay comentarios
    [one] 1 comentario
   *[other] { $count } comentarios
}
pages-question-comment-on = Comentar esta pregunta
pages-comment-reference-title = La referencia del comentario, para citarlo; el enlace es su dirección permanente

pages-order-label = Orden
pages-order-oldest = Primero los más antiguos
pages-order-newest = Primero los más recientes
pages-paging-nav = Páginas de comentarios
pages-paging-page = Página
pages-paging-position = Página { $current } de { $total }
pages-paging-previous = Página anterior
pages-paging-next = Página siguiente
pages-reading-nav = Leer por pregunta
pages-reading-all = Todos
pages-reading-general = General
pages-reading-threads = { $count ->
    [one] hilo
   *[other] hilos
}

pages-copy-reference = Copiar la referencia
pages-reference-copied = Referencia {"{"}reference{"}"} copiada.
pages-reference-not-copied = No se pudo copiar la referencia: selecciónela para copiarla.
pages-comment-not-shown = El comentario { $reference } no se muestra aquí: se retiró, o no está publicado (o todavía no).
