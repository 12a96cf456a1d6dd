-- The latest month with data, per measure, for the chosen sites: the figures of the monthly views,
-- read from the fact tables with the sites filtered first, so a call does not aggregate every site's
-- whole history (the sidebar asks it on every page, for hundreds of sites in a province's store).
WITH chosen AS (
    SELECT site_id FROM sites WHERE list_contains($sites, name)
)
SELECT
    (SELECT CAST(date_trunc('month', max(v.day)) AS DATE)
     FROM site_visitors v
     WHERE v.superseded_by IS NULL AND v.site_id IN (SELECT site_id FROM chosen)) AS visitors,
    (SELECT CAST(date_trunc('month', max(v.day)) AS DATE)
     FROM service_visits v
     JOIN agencies a USING (agency_id)
     WHERE v.superseded_by IS NULL AND v.site_id IN (SELECT site_id FROM chosen)) AS service_visits;
