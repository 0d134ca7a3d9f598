# Account pages: registering, signing in, passwords, the account page,
# confirming an address, unsubscribing.

# Shared by several account pages
account-email-address = Adresse électronique
account-password = Mot de passe
account-new-password = Nouveau mot de passe
account-password-hint = Au moins 10 caractères. Quelques mots sans rapport entre eux font un mot de passe solide.
account-name = Nom
account-organisation = Organisation
account-organisation-type = Type d’organisation
account-country = Pays
account-choose = Choisir…
account-gender-not-given = Non précisé
account-confirm-password = Votre mot de passe, pour confirmer
account-sign-in = Se connecter

# Sign in (pages/account/sign_in.html)
account-forgot-password = Mot de passe oublié ?
account-no-account = Pas encore de compte ?
account-no-account-link = Créez-en un

# Create an account (pages/account/register.html)
account-register-title = Créer un compte
account-register-lead = Les commentaires sont publiés sous votre nom, avec votre organisation et votre pays, afin que chacun sache qui a dit quoi.
account-error-summary = { $count ->
    [one] Veuillez corriger ce champ
   *[other] Veuillez corriger ces { $count } champs
}
account-how-you-sign-in = Vos identifiants de connexion
account-who-you-are = Qui vous êtes, tel qu’affiché à côté de vos commentaires
account-organisation-hint = L’organisation au nom de laquelle vous vous exprimez, ou « Aucune » si vous parlez en votre nom propre.
account-gender-optional = Genre (facultatif)
account-gender-hint = Jamais affiché avec vos commentaires ; uniquement comptabilisé dans les totaux, par exemple « 16 femmes, 9 hommes ».
account-consent = J’accepte les conditions : mes commentaires sont publiés avec mon nom, mon organisation et mon pays, et les organisateurs peuvent les citer dans leurs rapports.
account-create-my-account = Créer mon compte
account-already-registered = Vous avez déjà un compte ?
account-already-registered-link = Connectez-vous

# Check your inbox (pages/account/check_inbox.html): "We have sent a message
# to <address>. Follow the link…"; "… or <sign in> and ask for a new link…"
account-check-inbox-sent-before = Nous avons envoyé un message à
account-check-inbox-sent-after = . Suivez le lien qu’il contient pour confirmer votre adresse ; il reste valable 48 heures.
account-check-inbox-nothing-before = Rien reçu après quelques minutes ? Regardez dans votre dossier de courrier indésirable ou
account-check-inbox-nothing-link = connectez-vous
account-check-inbox-nothing-after = et demandez un nouveau lien depuis la page de votre compte.

# A message after an action (pages/account/message.html)
account-back-to-consultations = Retour aux consultations

# Confirm an address (pages/account/verify.html)
account-verify-lead = Un clic suffit pour confirmer que cette adresse est bien la vôtre.
account-confirm-new-address = Confirmer ma nouvelle adresse
account-confirm-email-address = Confirmer mon adresse électronique

# Reset a password (pages/account/reset_request.html, reset_new.html)
account-reset-title = Réinitialiser votre mot de passe
account-reset-lead = Indiquez l’adresse avec laquelle vous avez créé votre compte ; nous vous enverrons un lien pour choisir un nouveau mot de passe.
account-send-link = M’envoyer un lien
account-reset-new-title = Choisissez un nouveau mot de passe
account-set-new-password = Enregistrer mon nouveau mot de passe

# Unsubscribe (pages/account/unsubscribe.html): "Switched off: <topic>. You
# can switch it back on from <your account page>."
account-unsubscribe-done = Courriels désactivés : { $topic }. Vous pouvez les réactiver depuis
account-unsubscribe-done-link = la page de votre compte
account-unsubscribe-lead = Un clic suffit pour désactiver ce type de courriel. Les courriels qui concernent votre compte lui-même (confirmation d’une adresse, réinitialisation d’un mot de passe) continueront de vous parvenir.
account-unsubscribe-button = Ne plus recevoir ces courriels
account-unsubscribe-done-title = Vous ne recevrez plus ces courriels

# The account page (pages/account/account.html)
account-title = Votre compte
account-confirmed = confirmée
account-not-confirmed = pas encore confirmée
account-role = Rôle
account-profile-heading = Profil
account-profile-intro = Affiché à côté des commentaires que vous publierez désormais. Les commentaires déjà publiés conservent l’identité sous laquelle ils l’ont été.
account-gender-counted = Genre (facultatif, uniquement comptabilisé dans les totaux)
account-save-profile = Enregistrer mon profil
account-current-password = Mot de passe actuel
account-password-hint-short = Au moins 10 caractères.
account-change-password = Changer mon mot de passe
account-email-intro = Nous envoyons un lien à la nouvelle adresse ; votre compte y est transféré lorsque vous suivez ce lien.
account-new-email = Nouvelle adresse électronique
account-change-email = Changer mon adresse électronique
account-emails-heading = Courriels
account-moderation-alerts = En tant que président(e), me prévenir des commentaires qui attendent ma décision
account-own-comments = Sur mes propres commentaires
account-save-emails = Enregistrer mes préférences de courriel
# "A personal token lets a script … through the <JSON API>. Treat it like a password."
account-tokens-heading = Jetons d’API
account-tokens-intro-before = Un jeton personnel permet à un script de publier des commentaires et de modérer en votre nom par l’intermédiaire de
account-tokens-intro-link = l’API JSON
account-tokens-intro-after = . Traitez-le comme un mot de passe.
# After the token's name: "Report script, created 3 March 2025, 10:00 UTC, last used …"
account-token-created = créé le { $created }
account-token-last-used = dernière utilisation le { $used }
account-revoke = Révoquer
account-token-name = Nom du nouveau jeton
account-token-name-hint = Son usage, par exemple « Script de rapport ».
account-create-token = Créer un jeton
account-sessions-heading = Sessions
account-sessions-intro = Vous vous êtes connecté(e) sur un appareil partagé ou perdu ? Fermez toutes vos sessions, ici et ailleurs.
account-sign-out-everywhere = Se déconnecter partout
account-data-heading = Vos données
# "<Download everything we hold about you> (JSON: your profile and your comments)."
account-download-link = Télécharger toutes les données que nous détenons sur vous
account-download-after = (JSON : votre profil et vos commentaires).
account-delete-heading = Supprimer votre compte
account-delete-intro = Votre nom, votre adresse, votre organisation et votre pays sont effacés. Vos commentaires restent en ligne, attribués à un ancien participant ou une ancienne participante, sauf si vous les retirez également.
account-withdraw-comments = Retirer également mes commentaires
account-delete-button = Supprimer mon compte

# Page titles and notices the account handlers choose (src/web/account).
account-inbox = Consultez votre boîte de réception
account-reset-sent-detail = Si { $email } correspond à un compte, un lien permettant de choisir un nouveau mot de passe y a été envoyé. Il reste valable une heure.
account-new-inbox = Consultez votre nouvelle boîte de réception
account-new-inbox-detail = Nous avons envoyé un lien à { $email }. Votre compte sera transféré vers cette adresse lorsque vous suivrez ce lien ; d’ici là, rien ne change.
account-deleted = Votre compte a été supprimé
account-deleted-detail = Vos données personnelles ont été effacées. Les commentaires que vous avez choisi de conserver sont désormais attribués à un ancien participant ou une ancienne participante.
account-address-taken = Adresse déjà utilisée
account-address-taken-detail = Un autre compte utilise désormais cette adresse ; la vôtre n’a donc pas été modifiée.
account-address-changed = Adresse modifiée
account-address-changed-detail = Votre compte utilise maintenant la nouvelle adresse : c’est avec elle que vous vous connecterez désormais.
account-address-link-expired = Les liens restent valables 48 heures. Demandez-en un nouveau depuis la page de votre compte.
account-password-changed = Mot de passe modifié
account-password-changed-detail = Votre nouveau mot de passe est enregistré et toutes vos sessions ont été fermées. Connectez-vous avec le nouveau mot de passe.
account-reset-link-expired = Les liens de réinitialisation restent valables une heure. Demandez-en un nouveau.
account-address-confirmed = Adresse confirmée
account-address-confirmed-detail = Merci : votre adresse électronique est confirmée et vous pouvez participer.
account-confirm-link-expired = Les liens de confirmation d’adresse restent valables 48 heures. Connectez-vous et demandez-en un nouveau depuis la page de votre compte.
account-link-expired = Ce lien a expiré
account-link-used = Ce lien a déjà été utilisé
account-link-used-detail = Chaque lien ne sert qu’une fois. Si vous en avez encore besoin, demandez-en un nouveau.
account-link-unknown = Lien inconnu
account-link-unknown-detail = Ce lien ne fait pas partie de ceux que nous avons envoyés, ou il a été copié de façon incomplète.
account-unsubscribe-broken = Ce lien ne fonctionne pas
account-unsubscribe-broken-detail = Il a été copié de façon incomplète. Connectez-vous et choisissez vos courriels depuis la page de votre compte.
account-saved-profile = Votre profil est enregistré. Les commentaires que vous publierez désormais l’afficheront.
account-saved-password = Votre mot de passe est changé. Vos autres sessions sont fermées.
account-saved-emails = Vos choix de courriels sont enregistrés.
account-saved-token = Le jeton est révoqué : il ne fonctionne plus.
account-link-sent = Un nouveau lien est en route. Il reste valable 48 heures.
account-confirm-address-title = Confirmez votre adresse électronique
account-confirm-new-address-title = Confirmez votre nouvelle adresse électronique
account-token-new = Votre nouveau jeton d’API est { $token } — copiez-le maintenant : il n’est affiché qu’une seule fois. Envoyez-le sous la forme « Authorization: Bearer <jeton> ».

account-consent-read-terms = Lire les conditions et la politique de confidentialité (nouvel onglet)
account-back-where-you-were = Revenir où vous étiez
