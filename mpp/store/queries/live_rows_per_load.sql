-- Live fact rows per load (lake push: which loads a push replaced). One part per table of the
-- ledger's slices (mpp/store/ledger.py SLICE_KEYS).
SELECT load_id, count(*) AS live
FROM (
    SELECT load_id FROM service_visits WHERE superseded_by IS NULL
    UNION ALL SELECT load_id FROM site_visitors WHERE superseded_by IS NULL
    UNION ALL SELECT load_id FROM queue_outcomes WHERE superseded_by IS NULL
    UNION ALL SELECT load_id FROM skm_responses WHERE superseded_by IS NULL
    UNION ALL SELECT load_id FROM skm_summaries WHERE superseded_by IS NULL
    UNION ALL SELECT load_id FROM month_closures WHERE superseded_by IS NULL
)
GROUP BY load_id
