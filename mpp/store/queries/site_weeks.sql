-- Working days per week of each chosen site.
SELECT name, working_days_per_week FROM sites WHERE list_contains($sites, name);
