-- Months an analyst closed ("tutup buku") or reopened, as the live ledger rows say, for one measure.
SELECT s.name AS site, c.day AS month, c.closed
FROM month_closures c
JOIN sites s USING (site_id)
WHERE c.superseded_by IS NULL AND list_contains($sites, s.name) AND c.measure = $measure
  AND c.day BETWEEN $start AND $end;
