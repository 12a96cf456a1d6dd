"""Reference data: the canonical agencies, the sites, and which agencies are members of a site."""
