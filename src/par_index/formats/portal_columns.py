"""The column titles of dossier exports: the portal's field names and their Vietnamese titles.

Exports from one-stop systems name their columns either by the National Public Service
Portal's field names (``MaHoSo``, ``NgayTiepNhan``...) or by Vietnamese titles ("Mã hồ sơ",
"Ngày tiếp nhận"...), in any letter case. :func:`canonical_column` maps a title to the field
name the readers use; titles are compared after Unicode NFC normalisation, case folding and
collapsing of spaces, and both spellings of tone marks (``hoá``/``hóa``) are listed.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = ["ATTRIBUTE_COLUMNS", "TITLES", "canonical_column", "normalise_title"]

#: Columns read as text attributes that figures can be grouped by: the field (lĩnh vực) of
#: the procedure, by code or by name, and the level (cấp) of the handling unit.
ATTRIBUTE_COLUMNS: Final = {"MaLinhVuc": "field", "TenLinhVuc": "field", "CapDonVi": "level"}

#: Vietnamese titles (and other names seen in exports) by portal field name.
TITLES: Final[dict[str, tuple[str, ...]]] = {
    "MaHoSo": ("Mã hồ sơ", "Số hồ sơ", "Mã HS"),
    "MaTTHC": ("Mã TTHC", "Mã thủ tục", "Mã thủ tục hành chính"),
    "MaDonVi": ("Mã đơn vị", "Mã cơ quan"),
    "KenhThucHien": ("Kênh thực hiện", "Kênh nộp", "Hình thức nộp"),
    "TrangThaiHoSo": ("Trạng thái hồ sơ", "Trạng thái", "Mã trạng thái"),
    "NgayNopHoSo": ("Ngày nộp hồ sơ", "Ngày nộp"),
    "NgayTiepNhan": ("Ngày tiếp nhận", "Ngày tiếp nhận hồ sơ"),
    "NgayHenTra": ("Ngày hẹn trả", "Ngày hẹn trả kết quả"),
    "NgayKetThucXuLy": ("Ngày kết thúc xử lý", "Ngày kết thúc", "Ngày xử lý xong"),
    "NgayTraKetQua": ("Ngày trả kết quả",),
    "NgayYeuCauBoSung": ("Ngày yêu cầu bổ sung",),
    "NgayHoanThanhBoSung": ("Ngày hoàn thành bổ sung",),
    "ThanhToanTrucTuyen": ("Thanh toán trực tuyến",),
    "SoHoa": ("Số hóa", "Số hoá", "Số hóa hồ sơ", "Số hoá hồ sơ"),
    "KetQuaDienTu": ("Kết quả điện tử", "Có kết quả điện tử"),
    "TaiSuDungDuLieu": (
        "Tái sử dụng dữ liệu",
        "Tái sử dụng dữ liệu số hóa",
        "Tái sử dụng dữ liệu số hoá",
    ),
    "MaLinhVuc": ("Mã lĩnh vực",),
    "TenLinhVuc": ("Lĩnh vực", "Tên lĩnh vực"),
    "CapDonVi": ("Cấp", "Cấp đơn vị", "Cấp thực hiện"),
    "STT": ("Số thứ tự", "TT"),
    "TenTTHC": ("Tên thủ tục", "Tên TTHC", "Tên thủ tục hành chính"),
    "TenDonVi": ("Tên đơn vị", "Tên cơ quan"),
    "ChuHoSo": ("Chủ hồ sơ", "Người nộp", "Tên người nộp"),
    "TrichYeuHoSo": ("Trích yếu", "Trích yếu hồ sơ"),
    "SoDienThoai": ("Số điện thoại",),
    "DiaChi": ("Địa chỉ",),
    "GhiChu": ("Ghi chú",),
}

_SPACES = re.compile(r"\s+")


def normalise_title(title: str) -> str:
    """A column title as compared: NFC, case folded, spaces collapsed, no byte-order mark."""
    text = unicodedata.normalize("NFC", title.replace("\ufeff", ""))
    return _SPACES.sub(" ", text).strip().casefold()


_BY_TITLE: Final = {
    normalise_title(title): field for field, titles in TITLES.items() for title in (field, *titles)
}


def canonical_column(title: str) -> str | None:
    """The portal field name of a column title, None for a title not known.

    >>> canonical_column("Mã hồ sơ"), canonical_column(" NGAYTIEPNHAN "), canonical_column("x")
    ('MaHoSo', 'NgayTiepNhan', None)
    """
    return _BY_TITLE.get(normalise_title(title))
