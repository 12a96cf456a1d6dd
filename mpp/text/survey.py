"""Interface text of the satisfaction page (Kepuasan): Indonesian first, English beside."""

SKM_TEXT = {
    "satisfaction": ("Kepuasan (SKM)", "Satisfaction (SKM)"),
    "skm_no_data": (
        "Belum ada data survei kepuasan (SKM). Unggah jawaban responden (U1..U9) atau tabel hasil IKM.",
        "No satisfaction survey (SKM) data yet. Upload respondents' "
        "answers (U1..U9) or a published IKM table.",
    ),
    "skm_period": ("Periode survei", "Survey period"),
    "skm_index": ("IKM {period}", "IKM {period}"),
    "skm_grade": ("Mutu pelayanan", "Service quality"),
    "skm_respondents": ("Responden", "Respondents"),
    "skm_priority": ("Prioritas perbaikan", "Priority to improve"),
    "skm_priority_note": (
        "Unsur dengan nilai rata-rata (NRR) terendah.",
        "The unsur with the lowest mean answer (NRR).",
    ),
    "skm_source_answers": (
        "Dihitung dari jawaban {n} responden: NRR per unsur = rata-rata jawaban "
        "(1-4); IKM = rata-rata NRR x 25, bobot 1/9 tepat (PermenPANRB 14/2017).",
        "Computed from {n} respondents' answers: NRR per unsur = mean answer (1-4); "
        "IKM = mean NRR x 25 with exact 1/9 weights (PermenPANRB 14/2017).",
    ),
    "skm_source_published": (
        "Nilai sebagaimana diterbitkan kantor ({items} butir); mutu menurut batas PermenPANRB 14/2017.",
        "Figures as the office published them ({items} items); grade by the PermenPANRB 14/2017 bounds.",
    ),
    "skm_grade_bounds": (
        "Batas mutu (inklusif): A 88,31-100,00; B 76,61-88,30; C 65,00-76,60; "
        "D 25,00-64,99. Mutu ditentukan dari nilai yang dibulatkan 2 desimal.",
        "Grade bounds (inclusive): A 88.31-100.00; B 76.61-88.30; C 65.00-76.60; "
        "D 25.00-64.99, decided on the index rounded to 2 decimals.",
    ),
    "skm_nrr_chart": ("Nilai rata-rata (NRR) per unsur, {period}", "Mean answer (NRR) per unsur, {period}"),
    "skm_items_chart": (
        "Nilai butir sebagaimana diterbitkan, {period}",
        "Item values as published, {period}",
    ),
    "skm_trend_chart": ("IKM per periode", "IKM per period"),
    "skm_agency_chart": ("IKM per instansi, {period}", "IKM per agency, {period}"),
    "skm_unit_chart": ("IKM per unit, {period}", "IKM per unit, {period}"),
    "skm_demographics": ("Menurut responden", "By respondent"),
    "skm_group": ("Kelompok", "Group"),
    "skm_dimension_sex": ("Jenis kelamin", "Sex"),
    "skm_dimension_age_band": ("Usia", "Age"),
    "skm_dimension_education": ("Pendidikan", "Education"),
    "skm_dimension_occupation": ("Pekerjaan", "Occupation"),
    "skm_rows_skm_responden": ("Responden", "Respondents"),
    "skm_rows_skm_ringkasan": ("Nilai indeks", "Index values"),
    "skm_grade_disagrees": (
        "Mutu tercetak berbeda dengan batas PermenPANRB pada: {rows}.",
        "The printed grade differs from the PermenPANRB bounds for: {rows}.",
    ),
}
