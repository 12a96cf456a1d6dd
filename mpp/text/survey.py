"""Interface text of the satisfaction page (Kepuasan) and the survey's labels (unsur, grades, respondent
groups): Indonesian first, English beside."""

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
    # the nine unsur of PermenPANRB 14/2017; the Indonesian names are also the headers files use
    "skm_unsur_U1": ("Persyaratan", "Requirements"),
    "skm_unsur_U2": ("Prosedur", "Procedure"),
    "skm_unsur_U3": ("Waktu", "Time"),
    "skm_unsur_U4": ("Biaya/Tarif", "Cost/Tariff"),
    "skm_unsur_U5": ("Produk", "Product"),
    "skm_unsur_U6": ("Kompetensi", "Competence"),
    "skm_unsur_U7": ("Perilaku", "Conduct"),
    "skm_unsur_U8": ("Sarana dan Prasarana", "Facilities"),
    "skm_unsur_U9": ("Penanganan Pengaduan", "Complaint handling"),
    # grades as the regulation names them
    "skm_grade_label_A": ("Sangat Baik", "Very good"),
    "skm_grade_label_B": ("Baik", "Good"),
    "skm_grade_label_C": ("Kurang Baik", "Poor"),
    "skm_grade_label_D": ("Tidak Baik", "Bad"),
    # respondent groups as survey forms print them (skm.group_label: the file's spelling, lower case,
    # runs of other characters as '_'); in Indonesian the file's own words are shown
    "skm_sex_laki_laki": ("Laki-laki", "Male"),
    "skm_sex_perempuan": ("Perempuan", "Female"),
    "skm_education_sd": ("SD", "Primary school (SD)"),
    "skm_education_sd_kebawah": ("SD Kebawah", "Primary school or less (SD)"),
    "skm_education_sd_ke_bawah": ("SD ke bawah", "Primary school or less (SD)"),
    "skm_education_smp": ("SMP", "Junior high school (SMP)"),
    "skm_education_sma": ("SMA", "Senior high school (SMA)"),
    "skm_education_smk": ("SMK", "Vocational high school (SMK)"),
    "skm_education_d3": ("D3", "Diploma (D3)"),
    "skm_education_s1": ("S1", "Bachelor's degree (S1)"),
    "skm_education_s2": ("S2", "Master's degree (S2)"),
    "skm_education_s2_keatas": ("S2 Keatas", "Master's degree or higher (S2)"),
    "skm_education_s2_ke_atas": ("S2 ke atas", "Master's degree or higher (S2)"),
    "skm_education_s3": ("S3", "Doctorate (S3)"),
    "skm_occupation_pns_tni_polri": ("PNS/TNI/POLRI", "Civil servant, military or police"),
    "skm_occupation_pegawai_swasta": ("Pegawai Swasta", "Private employee"),
    "skm_occupation_wiraswasta": ("Wiraswasta", "Self-employed"),
    "skm_occupation_pelajar_mahasiswa": ("Pelajar/Mahasiswa", "Student"),
    "skm_occupation_lainnya": ("Lainnya", "Other"),
}
