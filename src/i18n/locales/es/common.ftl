common-error-prefix = Error:
common-language-switcher = Idioma
common-language-switcher-footer = Idioma (pie de página)
