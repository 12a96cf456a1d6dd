"""Reference data: the canonical agencies, the sites, which agencies are members of a site, what
ticket statuses mean, and the words column headers carry (header_words)."""
