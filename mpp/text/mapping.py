"""Interface text of column mappings (issue 13): teaching the columns of a sheet no layout
recognises, the preview before loading, and the saved mappings of a site."""

MAPPING_TEXT: dict[str, tuple[str, str]] = {
    "mapping_used": ("dipetakan dengan '{name}'", "mapped with '{name}'"),
    # The problem codes of column mappings in words (as mpp/text/problems.py names the others)
    "problem_pemetaan_tidak_sah": ("Berkas pemetaan tidak sah", "Invalid mapping file"),
    "problem_pemetaan_tidak_lengkap": ("Pemetaan belum lengkap", "Incomplete mapping"),
    "problem_kolom_pemetaan_tidak_ada": ("Kolom pemetaan tidak ada", "Mapped column missing"),
    "mapping_not_found": (
        "Tidak ada pemetaan kolom '{name}' untuk {site}.",
        "There is no column mapping '{name}' for {site}.",
    ),
    "mapping_name_taken": (
        "Nama '{name}' sudah dipakai pemetaan kolom lain untuk {site}; pilih nama lain.",
        "The name '{name}' is already used by another column mapping of {site}; choose another.",
    ),
}
