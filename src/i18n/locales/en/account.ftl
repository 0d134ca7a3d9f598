# Account pages: registering, signing in, passwords, the account page,
# confirming an address, unsubscribing.

# Shared by several account pages
account-email-address = Email address
account-password = Password
account-new-password = New password
account-password-hint = At least 10 characters. A few unrelated words make a strong password.
account-name = Name
account-organisation = Organisation
account-organisation-type = Type of organisation
account-country = Country
account-choose = Choose…
account-gender-not-given = Not given
account-confirm-password = Your password, to confirm
account-sign-in = Sign in

# Sign in (pages/account/sign_in.html)
account-forgot-password = Forgot your password?
account-no-account = No account yet?
account-no-account-link = Create one

# Create an account (pages/account/register.html)
account-register-title = Create an account
account-register-lead = Comments are published under your name, organisation and country, so that everyone knows who said what.
account-error-summary = { $count ->
    [one] Please correct this field
   *[other] Please correct these { $count } fields
}
account-how-you-sign-in = How you sign in
account-who-you-are = Who you are, as shown beside your comments
account-organisation-hint = The organisation you speak for, or None if you speak for yourself.
account-gender-optional = Gender (optional)
account-gender-hint = Never shown with your comments; only counted in totals, such as "16 women, 9 men".
account-consent = I accept the terms: my comments are published with my name, organisation and country, and the organisers may quote them in their reports.
account-create-my-account = Create my account
account-already-registered = Already registered?
account-already-registered-link = Sign in

# Check your inbox (pages/account/check_inbox.html): "We have sent a message
# to <address>. Follow the link…"; "… or <sign in> and ask for a new link…"
account-check-inbox-sent-before = We have sent a message to
account-check-inbox-sent-after = . Follow the link in it to confirm your address; it works for 48 hours.
account-check-inbox-nothing-before = Nothing arrived after a few minutes? Look in your spam folder, or
account-check-inbox-nothing-link = sign in
account-check-inbox-nothing-after = and ask for a new link on your account page.

# A message after an action (pages/account/message.html)
account-back-to-consultations = Back to the consultations

# Confirm an address (pages/account/verify.html)
account-verify-lead = One click confirms that this address is yours.
account-confirm-new-address = Confirm my new address
account-confirm-email-address = Confirm my email address

# Reset a password (pages/account/reset_request.html, reset_new.html)
account-reset-title = Reset your password
account-reset-lead = Give the address you registered with; we will send a link to choose a new password.
account-send-link = Send me a link
account-reset-new-title = Choose a new password
account-set-new-password = Set my new password

# Unsubscribe (pages/account/unsubscribe.html): "Switched off: <topic>. You
# can switch it back on from <your account page>."
account-unsubscribe-done = Switched off: { $topic }. You can switch it back on from
account-unsubscribe-done-link = your account page
account-unsubscribe-lead = One click switches off this kind of email. Emails about your account itself (confirming an address, resetting a password) still come.
account-unsubscribe-button = Stop these emails
account-unsubscribe-done-title = You will not get these emails any more

# The account page (pages/account/account.html)
account-title = Your account
account-confirmed = confirmed
account-not-confirmed = not confirmed yet
account-role = Role
account-profile-heading = Profile
account-profile-intro = Shown beside the comments you post from now on. Comments already posted keep the identity they were posted under.
account-gender-counted = Gender (optional, only ever counted in totals)
account-save-profile = Save my profile
account-current-password = Current password
account-password-hint-short = At least 10 characters.
account-change-password = Change my password
account-email-intro = We send a link to the new address; your account moves there when you follow it.
account-new-email = New email address
account-change-email = Change my email address
account-emails-heading = Emails
account-moderation-alerts = As a chair, tell me about comments that wait for my decision
account-own-comments = About my own comments
account-save-emails = Save my email choices
# "A personal token lets a script … through the <JSON API>. Treat it like a password."
account-tokens-heading = API tokens
account-tokens-intro-before = A personal token lets a script post comments and moderate as you through the
account-tokens-intro-link = JSON API
account-tokens-intro-after = . Treat it like a password.
# After the token's name: "Report script, created 3 March 2025, 10:00 UTC, last used …"
account-token-created = created { $created }
account-token-last-used = last used { $used }
account-revoke = Revoke
account-token-name = Name of the new token
account-token-name-hint = What it is for, such as "Report script".
account-create-token = Create a token
account-sessions-heading = Sessions
account-sessions-intro = Signed in on a shared or lost device? End every session, here and elsewhere.
account-sign-out-everywhere = Sign out everywhere
account-data-heading = Your data
# "<Download everything we hold about you> (JSON: your profile and your comments)."
account-download-link = Download everything we hold about you
account-download-after = (JSON: your profile and your comments).
account-delete-heading = Delete your account
account-delete-intro = Your name, address, organisation and country are erased. Your comments stay, shown as by "Former participant", unless you withdraw them too.
account-withdraw-comments = Withdraw my comments as well
account-delete-button = Delete my account

# Page titles and notices the account handlers choose (src/web/account).
account-inbox = Check your inbox
account-reset-sent-detail = If { $email } belongs to an account, a link to choose a new password is on its way. It works for one hour.
account-new-inbox = Check the new inbox
account-new-inbox-detail = We sent a link to { $email }. Your account moves to that address when you follow it; until then nothing changes.
account-deleted = Your account is deleted
account-deleted-detail = Your personal data is erased. Comments you chose to keep are shown as by a former participant.
account-address-taken = Address taken
account-address-taken-detail = Another account uses this address now, so yours was not changed.
account-address-changed = Address changed
account-address-changed-detail = Your account now uses the new address; sign in with it from now on.
account-address-link-expired = Links work for 48 hours. Ask again from your account page.
account-password-changed = Password changed
account-password-changed-detail = Your new password is set and every session has ended. Sign in with the new password.
account-reset-link-expired = Reset links work for one hour. Ask for a new one.
account-address-confirmed = Address confirmed
account-address-confirmed-detail = Thank you: your email address is confirmed and you can take part.
account-confirm-link-expired = Links to confirm an address work for 48 hours. Sign in and ask for a new one on your account page.
account-link-expired = This link has expired
account-link-used = This link was already used
account-link-used-detail = Each link works once. If you still need one, ask for a new one.
account-link-unknown = Unknown link
account-link-unknown-detail = This link is not one we sent, or it was copied incompletely.
account-unsubscribe-broken = This link does not work
account-unsubscribe-broken-detail = It was copied incompletely. Sign in and choose your emails on your account page.
account-saved-profile = Your profile is saved. Comments you post from now on show it.
account-saved-password = Your password is changed. Your other sessions have ended.
account-saved-emails = Your email choices are saved.
account-saved-token = The token is revoked: it no longer works.
account-link-sent = A new link is on its way. It works for 48 hours.
account-confirm-address-title = Confirm your email address
account-confirm-new-address-title = Confirm your new email address
account-token-new = Your new API token is { $token } — copy it now: it is shown only this once. Send it as "Authorization: Bearer <token>".

account-consent-read-terms = Read the terms and privacy notice (opens in a new tab)
account-back-where-you-were = Back to where you were
