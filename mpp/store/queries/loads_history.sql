-- The load ledger, newest first.
SELECT load_id, loaded_at, loaded_by, file_name, layout, measure, site, period_from, period_to,
       rows, total, status, sha256, original_withheld
FROM loads
ORDER BY load_id DESC;
