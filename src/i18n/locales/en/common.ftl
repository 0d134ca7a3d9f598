# Shared by every page: the layout, form helpers, language switcher.
common-error-prefix = Error:
common-language-switcher = Language
common-language-switcher-footer = Language (page footer)
