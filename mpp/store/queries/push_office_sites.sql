-- Lake push: every site of the file being pushed (attached as `office`), as the lake gets it: its
-- parent MPP by name (ids differ between the stores), a parent before its Mini MPP outlets so the
-- parent exists in the lake when an outlet is created.
SELECT s.site_id, s.name, s.kind, s.kabupaten_kota, s.kecamatan, s.province, s.timezone,
       s.working_days_per_week, p.name AS parent, s.opened, s.channels
FROM office.sites s
LEFT JOIN office.sites p ON p.site_id = s.parent_site_id
ORDER BY s.parent_site_id IS NOT NULL, s.site_id
