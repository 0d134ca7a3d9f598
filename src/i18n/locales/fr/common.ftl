common-error-prefix = Erreur :
common-language-switcher = Langue
