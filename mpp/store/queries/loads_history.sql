-- The load ledger, newest first; a survey load's respondents beside it (its total counts no visits).
SELECT load_id, loaded_at, loaded_by, file_name, layout, measure, site, period_from, period_to,
       rows, total, status, sha256, original_withheld,
       (SELECT count(*) FROM skm_responses r WHERE r.load_id = l.load_id) AS respondents
FROM loads l
ORDER BY load_id DESC;
