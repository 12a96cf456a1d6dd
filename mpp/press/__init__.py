"""Press statements: the statement text, and the checker of a draft against the store."""
