-- The first month with data, per measure, for the chosen sites.
SELECT
    (SELECT min(month) FROM monthly_site_visitors WHERE list_contains($sites, site)) AS visitors,
    (SELECT min(month) FROM monthly_agency_visits WHERE list_contains($sites, site)) AS service_visits;
