-- Every site with its description, the parent MPP of a Mini MPP outlet, its opening day and channels.
SELECT s.name, s.kind, s.kabupaten_kota, s.kecamatan, s.province, s.timezone,
       s.working_days_per_week, p.name AS parent, s.opened, s.channels
FROM sites s LEFT JOIN sites p ON p.site_id = s.parent_site_id
-- The office's default site first, then MPPs before Mini MPP outlets.
ORDER BY s.name = (SELECT value FROM settings WHERE key = 'default_site') DESC,
         s.kind = 'mpp' DESC, s.name;
