"""Who may do what: local accounts, roles, and signed login tokens."""
