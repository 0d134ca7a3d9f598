common-error-prefix = Error:
common-language-switcher = Idioma
