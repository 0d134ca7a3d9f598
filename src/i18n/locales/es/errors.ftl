# Por qué se rechaza un valor o una solicitud (src/domain, src/services, src/web).
# Los mensajes de campo se muestran junto a su campo; los demás aparecen solos.

## Valores escritos en un campo
invalid-password-common = es demasiado fácil de adivinar: elija una menos común, por ejemplo unas cuantas palabras sin relación entre sí
invalid-password-short = debe tener al menos { $min } caracteres
invalid-password-long = debe tener como máximo { $max } caracteres
invalid-current-password = no es su contraseña actual
invalid-credentials = la dirección de correo electrónico o la contraseña no son correctas
invalid-account-deactivated = esta cuenta se ha desactivado; escriba a los organizadores si cree que se trata de un error
invalid-email = debe ser una dirección de correo electrónico como name@example.org
invalid-email-taken-meanwhile = otra cuenta ha tomado esta dirección mientras tanto
invalid-name-length = debe tener entre 1 y 100 caracteres
invalid-organisation-length = debe tener entre 1 y 200 caracteres (escriba «Ninguna» si habla a título personal)
invalid-organisation-type-missing = elija el tipo de organización en cuyo nombre habla
invalid-organisation-type = «{ $value }» no es un tipo de organización
invalid-country-missing = elija un país
invalid-country = «{ $value }» no es un código de país ISO 3166
invalid-choice = «{ $value }» no es una de las opciones
invalid-consent-missing = debe aceptar las condiciones para participar
invalid-token-name = debe tener entre 1 y 100 caracteres, por ejemplo «Script de informes»
invalid-alert-frequency = Elija una de las frecuencias de la lista.
invalid-boolean = debe ser true o false
invalid-unreadable = no se pudo leer: { $detail }

## Comentarios y moderación
invalid-comment-empty = Escriba su comentario antes de enviarlo.
invalid-comment-too-long = Su comentario tiene { $length } caracteres; el límite es { $limit }.
invalid-comment-question = La pregunta { $number } no es una de las preguntas abiertas de esta mesa redonda.
invalid-question-number = «{ $value }» no es un número de pregunta
invalid-comment-language = Escriba en uno de los idiomas de esta consulta: { $languages }.
invalid-reply-parent = El comentario al que responde no está publicado en esta mesa redonda.
invalid-reply-too-deep = Las respuestas pueden anidarse hasta { $max } niveles como máximo, y este hilo ya ha llegado a esa profundidad. Responda a un comentario anterior del hilo o publique un comentario nuevo.
invalid-control-character = El campo «{ $field }» contiene un carácter de control invisible ({ $code }) que no se puede guardar. Suele venir de un texto pegado desde otro programa: elimínelo y envíe de nuevo. No se ha guardado nada.
invalid-comment-period = el periodo de comentarios debe cerrarse después de abrirse
invalid-moderation-reason = Elija uno de los motivos de la lista.
invalid-note-too-long = Su nota tiene { $length } caracteres; el límite es { $limit }.
invalid-moderation-action = debe ser uno de estos valores: { $actions }
invalid-moderation-action-missing = Elija una decisión.
invalid-moderation-reason-unused = Un motivo solo acompaña a «Rechazar» o «Retirar la publicación»: elija una de esas decisiones o borre el motivo. No se ha decidido nada.
invalid-moderation-nothing-selected = Seleccione al menos un comentario.

## Configuración de consultas y mesas redondas
invalid-title-missing = Indique un título.
invalid-too-long = Debe tener menos de { $limit } caracteres (ahora tiene { $length }).
invalid-slug-length = El nombre en la dirección web debe tener entre 1 y { $max } caracteres.
invalid-slug-characters = El nombre en la dirección web solo puede contener letras minúsculas, cifras y guiones aislados entre ellas.
invalid-slug-reserved = «{ $slug }» corresponde a una página propia del sitio: elija otro nombre en la dirección web.
invalid-slug-taken = «{ $slug }» ya está en uso: elija otro nombre en la dirección web.
invalid-slug-exhausted = Elija un nombre en la dirección web: todos los que se pueden generar a partir de este título ya están en uso.
invalid-local-time = Indique una fecha y una hora como 2026-11-25 09:30.
invalid-skipped-time = { $time } no existe en { $zone }: en ese momento se adelantan los relojes.
invalid-end-before-start = El fin debe ser posterior al inicio.
invalid-time-zone = «{ $value }» no es una zona horaria IANA como Europe/Prague
invalid-time-zone-choice = Elija la zona horaria en la lista.
invalid-language-code = «{ $value }» no es un código de idioma como en, fr o es
invalid-language-choice = Elija inglés, francés o español.
invalid-event-kind = Elija el tipo de evento.
invalid-status = «{ $value }» no es ninguno de estos valores: draft, open, closed, archived
invalid-status-choice = Elija borrador, abierta, cerrada o archivada.
invalid-status-archived = Una consulta archivada permanece archivada.
invalid-status-backwards = Una consulta { $from ->
        [open] abierta
        [closed] cerrada
        [archived] archivada
       *[draft] en borrador
    } no puede volver { $to ->
        [open] a estar abierta
        [closed] a estar cerrada
        [archived] a estar archivada
       *[draft] a ser un borrador
    }.
invalid-organisation-url = «{ $value }» no es una dirección web que empiece por https://.
invalid-organisation-lines = Indique el nombre de cada organización en una línea distinta.
invalid-moderation-mode = Elija cómo se moderan los comentarios.
invalid-parent-choice = Elija en la lista la mesa redonda de la que forma parte.
invalid-parent-elsewhere = La mesa redonda de la que forma parte pertenece a otra consulta.
invalid-parent-nested = «{ $title }» ya es a su vez una submesa: las mesas redondas solo admiten un nivel de anidamiento.
invalid-parent-has-children = Esta mesa redonda tiene sus propias submesas: las mesas redondas solo admiten un nivel de anidamiento.
invalid-questions-too-many = Una mesa redonda tiene como máximo { $limit } preguntas orientadoras.
invalid-question-gone = Esta pregunta se ha eliminado mientras tanto: vuelva a cargar la página.
invalid-question-in-use = { $count ->
        [one] Un comentario responde
       *[other] { $count } comentarios responden
    } a esta pregunta: no se puede eliminar, solo retirar (en ese caso se mantiene en esos comentarios y en las exportaciones).
invalid-roundtable-choice = Elija la mesa redonda en la lista.
invalid-programme-start-missing = Indique la hora de inicio.
invalid-speaker-too-long = Cada línea de ponente debe tener menos de 200 caracteres.
invalid-resource-kind = Elija el tipo de recurso.
invalid-url-missing = Indique una dirección web que empiece por https://.

## Conclusiones y exportaciones
invalid-outcome-summary-long = La introducción debe tener menos de { $limit } caracteres.
invalid-outcome-section-long = Esta sección debe tener menos de { $limit } caracteres.
invalid-outcome-points = Una sección contiene como máximo { $limit } puntos; esta tiene { $count }.
invalid-outcome-empty = Redacte al menos un punto de síntesis o una recomendación antes de publicar.
invalid-citation-unknown = #{ $reference } no es un comentario publicado de esta mesa redonda: compruebe la referencia que figura junto al comentario.
invalid-citation-ambiguous = #{ $reference } corresponde a { $count } comentarios: indique una parte más larga de su referencia.
invalid-digest-format = «{ $value }» no es un formato: elija csv, xlsx, json, md o html.
invalid-date = Indique una fecha con el formato YYYY-MM-DD, por ejemplo 2020-11-25.
invalid-digest-question = Elija una pregunta por su número.
invalid-digest-dates = La fecha de fin es anterior a la fecha de inicio.

## Cuentas, para los administradores
invalid-last-admin = es la última cuenta de administrador activa
invalid-role = «{ $value }» no es un rol
invalid-own-role = no puede cambiar su propio rol: pídaselo a otro administrador o administradora
invalid-own-deactivation = no puede desactivar su propia cuenta
invalid-already-chair = ya preside esta mesa redonda
invalid-unknown-account = cuenta desconocida

## Los parámetros de consulta de la API
invalid-limit = debe ser un número entero entre 1 y { $max }, no «{ $value }»
invalid-cursor = no es un cursor devuelto por esta API
invalid-api-status = debe ser open, closed o archived, no «{ $value }»

## No hay nada en esta dirección
missing-account = No hay ninguna cuenta en esta dirección.
missing-comment = No hay ningún comentario en esta dirección.
missing-own-comment = No hay ningún comentario suyo en esta dirección.
missing-citable-comment = Ningún comentario publicado de esta mesa redonda lleva esa referencia: no hay nada que citar.
missing-published-comment = No hay ningún comentario publicado en esta dirección.
missing-consultation = No hay ninguna consulta en esta dirección.
missing-roundtable = No hay ninguna mesa redonda en esta dirección.
missing-dead-email = No hay ningún correo no entregado en esta dirección.
missing-token = No hay ningún token de API en esta dirección.
missing-file = No hay ningún archivo en esta dirección.
missing-api-resource = No hay ningún recurso de la API en esta dirección.
missing-language = No hay ningún idioma en esta dirección.
missing-page = No hay ninguna página en esta dirección.
missing-programme-item = No hay ningún punto del programa en esta dirección.
missing-resource = No hay ningún recurso en esta dirección.

## Primero hay que iniciar sesión
unauthorized-moderation = Inicie sesión para moderar: la cola está reservada a la presidencia y al equipo.
unauthorized-outcome = Inicie sesión: la presidencia de la mesa redonda redacta sus conclusiones.
unauthorized-authoring = Inicie sesión: el equipo es quien configura las consultas.
unauthorized-export = Inicie sesión: las exportaciones están reservadas al equipo y a la presidencia de la mesa redonda.
unauthorized-comment = Inicie sesión para participar: los comentarios se publican con el nombre de su autor o autora.
unauthorized-api = Inicie sesión o envíe un token personal de API, que puede crear en la página de su cuenta, en la forma «Authorization: Bearer <token>».
unauthorized-bearer-format = El encabezado Authorization debe tener la forma «Bearer <token>».
unauthorized-token-unknown = Este token de API es desconocido o ha sido revocado.

## No permitido
forbidden-csrf = Este formulario ha caducado o no procede de este sitio. Vuelva atrás, recargue la página y envíelo de nuevo.
forbidden-api-csrf = Con una cookie de sesión, envíe el token antifalsificación de la página en el encabezado X-CSRF-Token.
forbidden-unconfirmed = Confirme antes su dirección de correo electrónico: siga el enlace que le hemos enviado.
forbidden-moderation = Solo la presidencia y el equipo moderan los comentarios.
forbidden-not-chair = Usted no preside la mesa redonda de este comentario.
forbidden-audit = Solo el equipo puede consultar el registro de auditoría.
forbidden-trust = Solo el equipo puede marcar a participantes como personas de confianza.
forbidden-authoring = Solo el equipo configura las consultas.
forbidden-outcome = Solo la presidencia de la mesa redonda y el equipo redactan sus conclusiones.
forbidden-export = Solo el equipo y la presidencia de la mesa redonda pueden exportar sus comentarios.
forbidden-export-unpublished = Solo el equipo puede incluir comentarios no publicados.
forbidden-accounts = Solo los administradores gestionan las cuentas.
forbidden-email-queue = Solo el equipo puede ver la cola de correos.

## La solicitud llegó demasiado tarde: algo cambió antes
conflict-archived = Esta consulta está archivada: es de solo lectura.
conflict-archived-outcome = Esta consulta está archivada: sus conclusiones son de solo lectura.
conflict-outcome-exists = La mesa redonda ya tiene conclusiones.
conflict-outcome-saved-since = { $who } guardó estas conclusiones ({ $when }) después de que usted las abriera. Su texto sigue en el formulario: abra la mesa redonda en otra pestaña para comparar y vuelva a guardar para sustituir la versión guardada.
conflict-outcome-saved-meanwhile = Otra persona guardó estas conclusiones después de que usted las abriera. Su texto sigue en el formulario: abra la mesa redonda en otra pestaña para comparar y vuelva a guardar para sustituir la versión guardada.
conflict-comment-decided = La presidencia ya ha tomado una decisión sobre este comentario, por lo que ya no se puede editar.
conflict-comment-decided-meanwhile = La presidencia tomó una decisión sobre este comentario mientras usted lo editaba.
conflict-report-own = Este es su propio comentario: retírelo en lugar de denunciarlo.
conflict-report-twice = Ya ha denunciado este comentario; la presidencia lo examinará.
conflict-edited-since = Su autor o autora modificó el comentario después de que usted lo leyera: vuelva a leerlo antes de decidir.
conflict-not-possible = No es posible: { $why }.
conflict-already-decided = Decisión ya tomada: el estado del comentario es ahora «{ $status }».
conflict-already-decided-by = Decisión ya tomada: { $who } { $action ->
        [published] publicó
        [rejected] rechazó
        [unpublished] retiró la publicación de
        [highlighted] destacó
        [highlight_removed] dejó de destacar
        [retagged] cambió las preguntas de
        [reports_dismissed] desestimó las denuncias sobre
        [withdrawn] retiró
       *[other] tomó una decisión sobre
    } este comentario el { $at }; su estado es ahora «{ $status }».
not-applicable-withdrawn = su autor o autora ha retirado este comentario
not-applicable-highlight = solo se puede destacar un comentario publicado

## Títulos y detalles de las respuestas de error
problem-not-found = No encontrado
problem-invalid-parameter = Parámetro no válido
problem-invalid-content = Contenido no válido
problem-forbidden = Acceso denegado
problem-unauthorized = Es necesario iniciar sesión
problem-conflict = Conflicto
problem-too-many = Demasiados intentos
problem-too-large = Solicitud demasiado grande
problem-too-large-detail = La solicitud supera los { $kilobytes } KB que acepta este sitio. No se ha guardado nada: acorte el texto y envíelo de nuevo.
problem-unavailable = Servicio no disponible
problem-internal = Error interno
problem-error = Error
problem-too-many-seconds = Demasiados intentos en poco tiempo. Vuelva a intentarlo dentro de { $count } segundos.
problem-too-many-minutes = Demasiados intentos en poco tiempo. Vuelva a intentarlo dentro de { $count ->
        [one] un minuto
       *[other] { $count } minutos
    }.
problem-too-many-hours = Demasiados intentos en poco tiempo. Vuelva a intentarlo dentro de { $count ->
        [one] una hora
       *[other] { $count } horas
    }.
problem-unavailable-detail = El servicio no puede acceder a su base de datos en este momento. Vuelva a intentarlo dentro de un minuto.
problem-busy-detail = Se están preparando demasiadas exportaciones en este momento. Vuelva a intentarlo en un minuto.
problem-internal-detail = Algo ha fallado por nuestra parte. El error ha quedado registrado; vuelva a intentarlo más tarde.
problem-nothing-here = No hay nada en esta dirección.
problem-method = Esta dirección no acepta este tipo de solicitud.
problem-method-not-allowed = Método no permitido
problem-method-allowed = Esta dirección no acepta solicitudes { $method }; acepta { $allowed }.
problem-not-understood = No se ha podido entender la solicitud.
not-applicable-archived = su consulta está archivada: las decisiones que se toman en ella son definitivas
invalid-comment-question-gone = Entretanto se ha retirado una de las preguntas que eligió: vuelva a elegir.

unauthorized-terms = Inicie sesión: el equipo edita las condiciones y el aviso de privacidad.
forbidden-terms = Solo el equipo edita las condiciones y el aviso de privacidad.
invalid-terms-empty = Escriba las condiciones antes de publicarlas.
invalid-terms-intent = Elija Vista previa o Publicar.
conflict-terms-published = Otra persona publicó otra versión en el mismo momento. No se publicó nada; su texto se conserva aquí: publíquelo de nuevo para reemplazar el suyo.

invalid-order = '{ $value }' no es un orden de los comentarios: indique oldest o newest.
invalid-page = '{ $value }' no es un número de página: indique un número entero a partir de 1.
missing-comments-page = Esta mesa redonda tiene menos páginas de comentarios: vuelva a la primera página.
invalid-reading-question = '{ $value }' no es una pregunta de esta mesa redonda: indique el número de una pregunta, o general.
invalid-comment-reference = '{ $value }' no es una referencia de comentario: las referencias se escriben como c-2f9a01bc.
invalid-search-empty = Escriba una palabra o una «frase entre comillas» para buscar.
invalid-search-too-long = Su búsqueda tiene { $length } caracteres; el límite es { $limit }.
invalid-search-unclosed-quote = Unas comillas no están cerradas: ponga unas a cada lado de la frase.
invalid-search-no-words = Añada al menos una palabra que buscar; una palabra con un signo menos delante solo se excluye.
invalid-search-consultation = No existe esa consulta.
invalid-search-roundtable = Esa mesa redonda no existe en esta consulta.
invalid-search-question = Esta mesa redonda no tiene esa pregunta orientadora.
invalid-search-date = «{ $value }» no es una fecha: escríbala año-mes-día, por ejemplo 2026-03-31.
invalid-search-dates-reversed = La fecha final es anterior a la fecha inicial.
invalid-search-too-many = Esta búsqueda encuentra más de { $limit } comentarios en una misma mesa redonda: añada una palabra, una frase o un filtro para acotarla.
invalid-search-word-too-long = Una palabra de su búsqueda tiene más de { $limit } letras: ninguna palabra de un comentario es tan larga.

## Outcome versions and /verify
missing-outcome-version = No hay ninguna versión publicada de estas conclusiones en esta dirección.
invalid-fingerprint-empty = Escriba una huella, o envíe un archivo más abajo.
invalid-fingerprint-not-hex = Una huella se escribe «sha256:» seguido de 64 caracteres del 0 al 9 y de la a a la f.
invalid-fingerprint-length = Una huella tiene 64 caracteres después de «sha256:»: compruebe que la ha copiado entera.
invalid-verify-file-missing = Elija un archivo de resumen para comprobarlo.
invalid-verify-file-empty = El archivo elegido está vacío.
invalid-verify-file-too-large = El archivo supera { $limit } MB: ningún archivo de resumen de este sitio es tan grande.
