"""Interface text of column mappings (issue 13): teaching the columns of a sheet no layout
recognises, the preview before loading, and the saved mappings of a site."""

MAPPING_TEXT: dict[str, tuple[str, str]] = {
    "mapping_used": ("dipetakan dengan '{name}'", "mapped with '{name}'"),
}
