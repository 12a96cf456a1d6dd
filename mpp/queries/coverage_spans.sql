-- Per chosen site, the first and last month with data of one measure, and the earliest date an agency
-- joined it (a site set up with its roster is expected before its first file).
SELECT s.name AS site,
       CASE $measure WHEN 'visitors' THEN
           (SELECT min(month) FROM monthly_site_visitors WHERE site = s.name)
       ELSE (SELECT min(month) FROM monthly_agency_visits WHERE site = s.name) END AS first_month,
       CASE $measure WHEN 'visitors' THEN
           (SELECT max(month) FROM monthly_site_visitors WHERE site = s.name)
       ELSE (SELECT max(month) FROM monthly_agency_visits WHERE site = s.name) END AS last_month,
       (SELECT min(joined) FROM site_members m WHERE m.site_id = s.site_id) AS first_joined
FROM sites s
WHERE list_contains($sites, s.name);
