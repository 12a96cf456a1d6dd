"""The demo data set rebuilt from the seed articles: visits and the satisfaction survey."""
