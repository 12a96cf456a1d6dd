-- Lake push's summary: every site of the file being pushed (attached as `office`) with its service
-- visits in the file and in the lake, both from the public view.
SELECT s.name AS site,
       coalesce(f.visits, 0) AS visits_file,
       coalesce(l.visits, 0) AS visits_lake
FROM office.sites s
LEFT JOIN (SELECT site, sum(visits) AS visits FROM office.monthly_agency_visits GROUP BY site) f
       ON f.site = s.name
LEFT JOIN (SELECT site, sum(visits) AS visits FROM monthly_agency_visits GROUP BY site) l
       ON l.site = s.name
ORDER BY s.name
