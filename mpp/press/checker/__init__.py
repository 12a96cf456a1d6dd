"""The draft checker: read a draft, find its claims, check each against the store, report."""
