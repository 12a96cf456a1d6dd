"""The only Streamlit-aware shared code: pages call `ui.page_setup`, `ui.sidebar`, `ui.read`,
`ui.t`, `ui.table`, `ui.chart`, ... and stay thin. The core (mpp/, loaders/) never imports this."""

from ui.auth import change_password_form, current_user, require_role
from ui.base import file_uploader, flash, lang, measure_label, read, show_flash, store_path, t, write
from ui.charts import chart, plotly
from ui.column_mapping import column_mapping
from ui.events import event_section
from ui.navigation import navigation
from ui.page import (
    Selection,
    card_row,
    choose_site,
    demo_notice,
    figures_page,
    new_click,
    page_setup,
    pick,
    sidebar,
    site_names,
)
from ui.press import copy_button, findings_of
from ui.report import letterhead_form, report_files, report_sections
from ui.review import agency_changes, coverage_badges, excluded_sites, provisional_notice
from ui.rollup import coverage_section, rollup_section
from ui.saved_mappings import saved_mappings
from ui.site_picker import area_name, sites_grouped, sites_of_area
from ui.tables import agency_table, loads_table, show_table, table, undo_preview_table
from ui.text import plain, plain_all
from ui.uploads import (
    draft_text,
    forget_gone,
    forget_previews,
    load_files,
    load_result,
    preview_uploads,
    ready_to_load,
    upload_options,
    upload_report,
)

__all__ = [
    "Selection",
    "agency_table",
    "change_password_form",
    "chart",
    "current_user",
    "demo_notice",
    "draft_text",
    "figures_page",
    "flash",
    "forget_gone",
    "forget_previews",
    "lang",
    "letterhead_form",
    "load_files",
    "load_result",
    "loads_table",
    "measure_label",
    "navigation",
    "page_setup",
    "plain",
    "plain_all",
    "plotly",
    "preview_uploads",
    "read",
    "ready_to_load",
    "report_files",
    "report_sections",
    "require_role",
    "show_flash",
    "show_table",
    "sidebar",
    "site_names",
    "store_path",
    "t",
    "table",
    "undo_preview_table",
    "upload_options",
    "upload_report",
    "write",
]
__all__ += ["column_mapping", "saved_mappings"]  # issue 13: column mappings on the upload page
__all__ += ["card_row", "choose_site", "new_click", "pick"]  # issue 14
__all__ += ["agency_changes", "coverage_badges", "excluded_sites", "provisional_notice"]  # issue 11
__all__ += ["copy_button", "file_uploader", "findings_of"]  # issue 14
__all__ += ["event_section"]  # issue 15
__all__ += [
    "area_name",
    "coverage_section",
    "rollup_section",
    "sites_grouped",
    "sites_of_area",
]  # issue 16: regions
