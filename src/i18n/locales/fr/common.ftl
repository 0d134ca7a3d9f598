common-error-prefix = Erreur :
common-language-switcher = Langue
common-language-switcher-footer = Langue (pied de page)
