-- Lake push's summary: the loads (other than $loads) some of whose rows the loads $loads replaced.
-- One part per table of the ledger's slices (mpp/store/ledger.py SLICE_KEYS).
SELECT count(DISTINCT load_id) AS replaced
FROM (
    SELECT load_id, superseded_by FROM service_visits
    UNION ALL SELECT load_id, superseded_by FROM site_visitors
    UNION ALL SELECT load_id, superseded_by FROM queue_outcomes
    UNION ALL SELECT load_id, superseded_by FROM skm_responses
    UNION ALL SELECT load_id, superseded_by FROM skm_summaries
    UNION ALL SELECT load_id, superseded_by FROM month_closures
)
WHERE list_contains($loads, superseded_by) AND NOT list_contains($loads, load_id)
