"""The office's letterhead on the report: its name, address and logo, kept in the store's `settings`
table (key/value, migration 001) so that every report, from the page or the schedule, carries the same
one. An admin edits it on the Laporan page; the core checks the role itself.

The logo is kept as a data URI (PNG or JPEG only: an SVG could carry script and links into the HTML
the PDF is printed from) and at most MAX_LOGO_BYTES, a letterhead's logo being a small picture.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import duckdb

from mpp.access.accounts import User, require
from mpp.store import db

KEYS = {"name": "letterhead_name", "address": "letterhead_address", "logo": "letterhead_logo"}
MAX_LOGO_BYTES = 512 * 1024
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
MAX_TEXT = 300  # characters of a name or an address line block


class LetterheadRefused(ValueError):
    """A logo that is not a PNG or JPEG, or too large; a name or address too long."""


@dataclass(frozen=True)
class Letterhead:
    name: str = ""
    address: str = ""
    logo: str = ""  # data:image/png;base64,... or empty

    @property
    def empty(self) -> bool:
        return not (self.name or self.address or self.logo)


def letterhead(con: duckdb.DuckDBPyConnection) -> Letterhead:
    rows = dict(
        con.execute("SELECT key, value FROM settings WHERE key IN (?, ?, ?)", list(KEYS.values())).fetchall()
    )
    return Letterhead(**{field: rows.get(key, "") for field, key in KEYS.items()})


def logo_uri(data: bytes) -> str:
    """The logo as a data URI; refused unless it is a PNG or JPEG of at most MAX_LOGO_BYTES."""
    if len(data) > MAX_LOGO_BYTES:
        raise LetterheadRefused(
            f"Logo terlalu besar ({len(data) // 1024} KB; paling besar {MAX_LOGO_BYTES // 1024} KB). "
            f"/ Logo too large."
        )
    kind = next((mime for magic, mime in LOGO_TYPES.items() if data.startswith(magic)), None)
    if kind is None:
        raise LetterheadRefused("Logo harus berkas PNG atau JPEG. / The logo must be a PNG or JPEG file.")
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def set_letterhead(
    con: duckdb.DuckDBPyConnection,
    actor: User | None,
    name: str,
    address: str,
    logo: bytes | None = None,
    remove_logo: bool = False,
) -> Letterhead:
    """Save the letterhead (admins only); a logo of None keeps the one there, unless `remove_logo`."""
    require(actor, "admin")
    if len(name) > MAX_TEXT or len(address) > MAX_TEXT:
        raise LetterheadRefused(
            f"Nama dan alamat paling panjang {MAX_TEXT} karakter. / Name and address: {MAX_TEXT} characters at most."
        )
    values = {"name": name.strip(), "address": address.strip()}
    if logo is not None:
        values["logo"] = logo_uri(logo)
    elif remove_logo:
        values["logo"] = ""
    with db.transaction(con):  # the whole letterhead or none of it: never a new name over an old logo
        for field, value in values.items():
            db.set_setting(con, KEYS[field], value)
    return letterhead(con)
