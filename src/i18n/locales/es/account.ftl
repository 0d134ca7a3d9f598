# Account pages: registering, signing in, passwords, the account page,
# confirming an address, unsubscribing.

# Shared by several account pages
account-email-address = Dirección de correo electrónico
account-password = Contraseña
account-new-password = Nueva contraseña
account-password-hint = Al menos 10 caracteres. Unas cuantas palabras sin relación entre sí forman una contraseña segura.
account-name = Nombre
account-organisation = Organización
account-organisation-type = Tipo de organización
account-country = País
account-choose = Seleccione…
account-gender-not-given = No indicado
account-confirm-password = Su contraseña, para confirmar
account-sign-in = Iniciar sesión

# Sign in (pages/account/sign_in.html)
account-forgot-password = ¿Ha olvidado su contraseña?
account-no-account = ¿Aún no tiene una cuenta?
account-no-account-link = Cree una

# Create an account (pages/account/register.html)
account-register-title = Crear una cuenta
account-register-lead = Los comentarios se publican con su nombre, su organización y su país, para que todos sepan quién ha dicho qué.
account-error-summary = { $count ->
    [one] Corrija este campo
   *[other] Corrija estos { $count } campos
}
account-how-you-sign-in = Sus datos de acceso
account-who-you-are = Quién es usted, tal como aparecerá junto a sus comentarios
account-organisation-hint = La organización en cuyo nombre habla, o «Ninguna» si habla a título personal.
account-gender-optional = Género (opcional)
account-gender-hint = Nunca se muestra con sus comentarios; solo se contabiliza en los totales, por ejemplo «16 mujeres, 9 hombres».
account-consent = Acepto las condiciones: mis comentarios se publican con mi nombre, mi organización y mi país, y los organizadores pueden citarlos en sus informes.
account-create-my-account = Crear mi cuenta
account-already-registered = ¿Ya tiene una cuenta?
account-already-registered-link = Inicie sesión

# Check your inbox (pages/account/check_inbox.html): "We have sent a message
# to <address>. Follow the link…"; "… or <sign in> and ask for a new link…"
account-check-inbox-sent-before = Hemos enviado un mensaje a
account-check-inbox-sent-after = . Siga el enlace que contiene para confirmar su dirección; es válido durante 48 horas.
account-check-inbox-nothing-before = ¿No ha recibido nada al cabo de unos minutos? Revise su carpeta de correo no deseado o
account-check-inbox-nothing-link = inicie sesión
account-check-inbox-nothing-after = y solicite un nuevo enlace en la página de su cuenta.

# A message after an action (pages/account/message.html)
account-back-to-consultations = Volver a las consultas

# Confirm an address (pages/account/verify.html)
account-verify-lead = Con un solo clic confirma que esta dirección es suya.
account-confirm-new-address = Confirmar mi nueva dirección
account-confirm-email-address = Confirmar mi dirección de correo electrónico

# Reset a password (pages/account/reset_request.html, reset_new.html)
account-reset-title = Restablecer su contraseña
account-reset-lead = Indique la dirección con la que creó su cuenta; le enviaremos un enlace para elegir una nueva contraseña.
account-send-link = Enviarme un enlace
account-reset-new-title = Elija una nueva contraseña
account-set-new-password = Guardar mi nueva contraseña

# Unsubscribe (pages/account/unsubscribe.html): "Switched off: <topic>. You
# can switch it back on from <your account page>."
account-unsubscribe-done = Correos desactivados: { $topic }. Puede volver a activarlos desde
account-unsubscribe-done-link = la página de su cuenta
account-unsubscribe-lead = Con un solo clic se desactiva este tipo de correo. Los correos sobre su propia cuenta (confirmación de una dirección, restablecimiento de una contraseña) seguirán llegándole.
account-unsubscribe-button = Dejar de recibir estos correos
account-unsubscribe-done-title = Ya no recibirá estos correos

# The account page (pages/account/account.html)
account-title = Su cuenta
account-confirmed = confirmada
account-not-confirmed = aún sin confirmar
account-role = Rol
account-profile-heading = Perfil
account-profile-intro = Se muestra junto a los comentarios que publique a partir de ahora. Los comentarios ya publicados conservan la identidad con la que se publicaron.
account-gender-counted = Género (opcional; solo se contabiliza en los totales)
account-save-profile = Guardar mi perfil
account-current-password = Contraseña actual
account-password-hint-short = Al menos 10 caracteres.
account-change-password = Cambiar mi contraseña
account-email-intro = Enviamos un enlace a la nueva dirección; su cuenta se traslada a ella cuando usted sigue ese enlace.
account-new-email = Nueva dirección de correo electrónico
account-change-email = Cambiar mi dirección de correo electrónico
account-emails-heading = Correos electrónicos
account-moderation-alerts = Como presidente/a, avisarme de los comentarios que esperan mi decisión
account-own-comments = Sobre mis propios comentarios
account-save-emails = Guardar mis preferencias de correo
# "A personal token lets a script … through the <JSON API>. Treat it like a password."
account-tokens-heading = Tokens de API
account-tokens-intro-before = Un token personal permite que un script publique comentarios y modere en su nombre a través de la
account-tokens-intro-link = API JSON
account-tokens-intro-after = . Trátelo como una contraseña.
# After the token's name: "Report script, created 3 March 2025, 10:00 UTC, last used …"
account-token-created = creado el { $created }
account-token-last-used = último uso el { $used }
account-revoke = Revocar
account-token-name = Nombre del nuevo token
account-token-name-hint = Para qué sirve, por ejemplo «Script de informes».
account-create-token = Crear un token
account-sessions-heading = Sesiones
account-sessions-intro = ¿Ha iniciado sesión en un dispositivo compartido o perdido? Cierre todas sus sesiones, aquí y en cualquier otro lugar.
account-sign-out-everywhere = Cerrar sesión en todas partes
account-data-heading = Sus datos
# "<Download everything we hold about you> (JSON: your profile and your comments)."
account-download-link = Descargar todos los datos que conservamos sobre usted
account-download-after = (JSON: su perfil y sus comentarios).
account-delete-heading = Eliminar su cuenta
account-delete-intro = Se borran su nombre, su dirección, su organización y su país. Sus comentarios se mantienen, atribuidos a un antiguo participante, salvo que también los retire.
account-withdraw-comments = Retirar también mis comentarios
account-delete-button = Eliminar mi cuenta

# Títulos de página y avisos que eligen los controladores de cuenta (src/web/account).
account-inbox = Revise su bandeja de entrada
account-reset-sent-detail = Si { $email } corresponde a una cuenta, le hemos enviado un enlace para elegir una nueva contraseña. Es válido durante una hora.
account-new-inbox = Revise la bandeja de entrada de la nueva dirección
account-new-inbox-detail = Hemos enviado un enlace a { $email }. Su cuenta se trasladará a esa dirección cuando usted siga el enlace; hasta entonces, no cambia nada.
account-deleted = Su cuenta se ha eliminado
account-deleted-detail = Sus datos personales se han borrado. Los comentarios que decidió conservar se muestran atribuidos a un antiguo participante.
account-address-taken = Dirección ya en uso
account-address-taken-detail = Otra cuenta utiliza ahora esta dirección, por lo que la suya no se ha modificado.
account-address-changed = Dirección cambiada
account-address-changed-detail = Su cuenta utiliza ahora la nueva dirección; a partir de ahora, inicie sesión con ella.
account-address-link-expired = Los enlaces son válidos durante 48 horas. Solicite uno nuevo desde la página de su cuenta.
account-password-changed = Contraseña cambiada
account-password-changed-detail = Su nueva contraseña se ha guardado y se han cerrado todas sus sesiones. Inicie sesión con la nueva contraseña.
account-reset-link-expired = Los enlaces de restablecimiento son válidos durante una hora. Solicite uno nuevo.
account-address-confirmed = Dirección confirmada
account-address-confirmed-detail = Gracias: su dirección de correo electrónico está confirmada y ya puede participar.
account-confirm-link-expired = Los enlaces para confirmar una dirección son válidos durante 48 horas. Inicie sesión y solicite uno nuevo en la página de su cuenta.
account-link-expired = Este enlace ha caducado
account-link-used = Este enlace ya se ha utilizado
account-link-used-detail = Cada enlace solo funciona una vez. Si todavía lo necesita, solicite uno nuevo.
account-link-unknown = Enlace desconocido
account-link-unknown-detail = Este enlace no es uno de los que hemos enviado, o se copió de forma incompleta.
account-unsubscribe-broken = Este enlace no funciona
account-unsubscribe-broken-detail = Se copió de forma incompleta. Inicie sesión y elija qué correos desea recibir en la página de su cuenta.
account-saved-profile = Su perfil se ha guardado. Los comentarios que publique a partir de ahora lo mostrarán.
account-saved-password = Su contraseña se ha cambiado. Sus demás sesiones se han cerrado.
account-saved-emails = Sus preferencias de correo se han guardado.
account-saved-token = El token se ha revocado: ya no funciona.
account-link-sent = Le hemos enviado un nuevo enlace. Es válido durante 48 horas.
account-confirm-address-title = Confirme su dirección de correo electrónico
account-confirm-new-address-title = Confirme su nueva dirección de correo electrónico
account-token-new = Su nuevo token de API es { $token }: cópielo ahora, solo se muestra esta vez. Envíelo como «Authorization: Bearer <token>».

account-consent-read-terms = Leer las condiciones y el aviso de privacidad (se abre en una pestaña nueva)
account-back-where-you-were = Volver a donde estaba
