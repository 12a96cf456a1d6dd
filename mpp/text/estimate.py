"""Words of the year-end estimate (mpp/visits/estimate.py): its prose, the card on Tren dan Puncak, why
there is none, and what the draft checker says of an estimate in a draft."""

ESTIMATE_TEXT = {
    "estimate_text": (
        "diperkirakan {range} {measure} hingga Desember {year}",
        "an estimated {range} {measure} by December {year}",
    ),
    "estimate_basis": (
        "dari {basis} dan pola musiman {years}",
        "from {basis} and the seasonal pattern of {years}",
    ),
    "estimate_card": ("Perkiraan hingga Desember {year}", "Estimate to December {year}"),
    "estimate_card_help": (
        "Perkiraan, bukan data: bulan lengkap tahun ini dibagi bagian yang biasanya dicapai bulan-bulan "
        "itu pada tahun lengkap sebelumnya (pola musiman). Rentangnya mencakup pola tiap tahun sebelumnya "
        "dan naik-turunnya bulan tahun ini (nominal 90 persen). Bulan sementara tidak dipakai.",
        "An estimate, not data: this year's complete months divided by the share those months usually "
        "make of a complete earlier year (the seasonal pattern). The range covers each earlier year's "
        "pattern and how this year's months vary (nominally 90 percent). Provisional months are not used.",
    ),
    "estimate_caption": (
        "Perkiraan, bukan data: {text} ({basis}).",
        "An estimate, not data: {text} ({basis}).",
    ),
    "estimate_card_basis": ("{basis} · pola {years}", "{basis} · pattern {years}"),
    "estimate_actual": (
        "Realisasi {year}: {value} {measure}.",
        "Actual {year}: {value} {measure}.",
    ),
    "estimate_excluded": (
        "Perkiraan atas {kept}; tidak termasuk {excluded}.",
        "Estimate over {kept}; left out: {excluded}.",
    ),
    "excluded_no_earlier_year": (
        "tidak ada tahun lengkap sebelum {period} untuk pola musiman",
        "no complete year before {period} for the seasonal pattern",
    ),
    "estimate_none_no_data": (
        "Perkiraan akhir tahun {year} belum dapat dibuat: tidak ada data {measure}.",
        "No year-end estimate for {year}: there are no {measure} data.",
    ),
    "estimate_none_no_complete_month": (
        "Perkiraan akhir tahun {year} belum dapat dibuat: belum ada bulan lengkap tahun ini.",
        "No year-end estimate for {year}: no month of the year is complete yet.",
    ),
    "estimate_none_too_few_months": (
        "Perkiraan akhir tahun {year} belum dapat dibuat: baru {basis} yang lengkap; perkiraan "
        "dibuat mulai {months} bulan lengkap.",
        "No year-end estimate for {year}: only {basis} is complete; an estimate needs {months} "
        "complete months.",
    ),
    "estimate_none_no_earlier_year": (
        "Perkiraan akhir tahun {year} belum dapat dibuat: belum ada tahun lengkap sebelumnya untuk "
        "pola musiman.",
        "No year-end estimate for {year}: there is no complete earlier year for the seasonal pattern.",
    ),
    "estimate_none_year_complete": (
        "Tahun {year} sudah lengkap: {actual} {measure}; tidak perlu perkiraan.",
        "{year} is complete: {actual} {measure}; no estimate is needed.",
    ),
    "statement_estimate": (
        "Berdasarkan data {basis} dan pola musiman {years}, {site} diperkirakan menerima {range} "
        "{measure} hingga Desember {year}; angka ini perkiraan, bukan data.",
        "Based on {basis} and the seasonal pattern of {years}, {site} is estimated to reach {range} "
        "{measure} by December {year}; this is an estimate, not data.",
    ),
    "cause_outside_estimate": ("di luar rentang perkiraan", "outside the estimate's range"),
    "cause_estimate_as_fact": ("perkiraan ditulis sebagai fakta", "an estimate stated as fact"),
    "estimate_check_correct": (
        "perkiraan {range} {measure} hingga Desember {year} ({basis})",
        "an estimate of {range} {measure} by December {year} ({basis})",
    ),
    "estimate_check_inside": ("dalam rentang perkiraan.", "within the estimate's range."),
    "estimate_check_outside": (
        "{stated} di luar rentang perkiraan {range}.",
        "{stated} lies outside the estimate's range {range}.",
    ),
    "estimate_check_as_fact": (
        "{month} belum ada datanya ({measure} tercatat hingga {latest}); angka untuk bulan yang belum "
        "dilaporkan hanya dapat ditulis sebagai perkiraan, mis. «{estimate}».",
        "{month} has no data yet ({measure} recorded to {latest}); a figure for months not yet "
        "reported may only be written as an estimate, e.g. «{estimate}».",
    ),
    "estimate_check_as_fact_none": (
        "{month} belum ada datanya ({measure} tercatat hingga {latest}); angka untuk bulan yang belum "
        "dilaporkan bukan data. {reason}",
        "{month} has no data yet ({measure} recorded to {latest}); a figure for months not yet "
        "reported is not data. {reason}",
    ),
    "estimate_check_agency": (
        "perkiraan per instansi tidak dihitung; tidak diperiksa.",
        "estimates per agency are not made; not checked.",
    ),
    "estimate_check_month": (
        "hanya perkiraan total hingga Desember yang dihitung; tidak diperiksa.",
        "only the estimate of the total to December is made; not checked.",
    ),
}
