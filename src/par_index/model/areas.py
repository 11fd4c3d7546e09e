"""The reform areas (lĩnh vực CCHC) shared by reports, plans and frameworks.

The eight provincial PAR INDEX domains (QĐ 876/QĐ-BNV 2022, QĐ 892/QĐ-BNV 2024; docs/sources.md);
periodic reports list the first seven under sections I and II (581/BNV-CCHC outline).
"""

from __future__ import annotations

import enum

__all__ = ["ReformArea"]


class ReformArea(enum.StrEnum):
    """A reform area; the value is a stable English identifier."""

    DIRECTION = "direction"
    INSTITUTIONS = "institutions"
    PROCEDURES = "procedures"
    APPARATUS = "apparatus"
    CIVIL_SERVICE = "civil_service"
    PUBLIC_FINANCE = "public_finance"
    DIGITAL_GOVERNMENT = "digital_government"
    IMPACT = "impact"

    @property
    def name_vi(self) -> str:
        """The Vietnamese name as reports and frameworks print it."""
        return _VI[self]

    @property
    def name_en(self) -> str:
        """An English name."""
        return _EN[self]


_VI = {
    ReformArea.DIRECTION: "Công tác chỉ đạo, điều hành cải cách hành chính",
    ReformArea.INSTITUTIONS: "Cải cách thể chế",
    ReformArea.PROCEDURES: "Cải cách thủ tục hành chính",
    ReformArea.APPARATUS: "Cải cách tổ chức bộ máy hành chính nhà nước",
    ReformArea.CIVIL_SERVICE: "Cải cách chế độ công vụ",
    ReformArea.PUBLIC_FINANCE: "Cải cách tài chính công",
    ReformArea.DIGITAL_GOVERNMENT: "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    ReformArea.IMPACT: (
        "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội"
    ),
}

_EN = {
    ReformArea.DIRECTION: "Direction and steering of administrative reform",
    ReformArea.INSTITUTIONS: "Institutional reform",
    ReformArea.PROCEDURES: "Administrative procedure reform",
    ReformArea.APPARATUS: "Reform of the state administrative apparatus",
    ReformArea.CIVIL_SERVICE: "Civil service reform",
    ReformArea.PUBLIC_FINANCE: "Public finance reform",
    ReformArea.DIGITAL_GOVERNMENT: "E-government and digital government",
    ReformArea.IMPACT: "Impact on citizens, organisations and socio-economic development",
}
