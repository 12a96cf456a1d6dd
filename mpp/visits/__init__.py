"""The visit figures: totals, growth, trends, channels, sites, agencies, coverage, the month in review."""
