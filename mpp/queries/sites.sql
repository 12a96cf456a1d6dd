-- Every site with its description and the parent MPP of a Mini MPP outlet.
SELECT s.name, s.kind, s.kabupaten_kota, s.kecamatan, s.province, s.timezone,
       s.working_days_per_week, p.name AS parent
FROM sites s LEFT JOIN sites p ON p.site_id = s.parent_site_id
ORDER BY s.kind, s.name;
