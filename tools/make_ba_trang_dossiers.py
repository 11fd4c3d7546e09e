"""Write a SYNTHETIC dossier set built to match the counts of Ba Trang's 2023 report.

The report (data/examples/ba-trang-2023-h1.md) states: 253 dossiers received, 245 returned
early or on time, 7 late, 1 in progress, 34 submitted online, for the six months to
14/6/2023. It publishes no dossier list, so this script makes one that reproduces those
counts: reception days, time limits and procedures are invented (procedure codes 9.0000xx do
not exist), and nothing here is a record of real dossiers. It exists so that the measures can
be shown and tested against the report's printed figures.

Run: ``python tools/make_ba_trang_dossiers.py``
"""

from __future__ import annotations

import csv
import json
import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

from par_index.calendar.work_calendar import default_calendar

DATA = Path(__file__).resolve().parents[1] / "src" / "par_index" / "data" / "examples"
CAL = default_calendar()

# (code, name, working days, online level, fee-bearing, paper result); all invented.
PROCEDURES = [
    ("9.000001", "Chứng thực bản sao từ bản chính (ví dụ)", 1, "partial", True, True),
    ("9.000002", "Đăng ký khai sinh (ví dụ)", 1, "full", False, True),
    ("9.000003", "Xác nhận tình trạng hôn nhân (ví dụ)", 3, "full", True, True),
    ("9.000004", "Đăng ký kết hôn (ví dụ)", 5, "partial", False, True),
]
FIRST, LAST = date(2022, 12, 15), date(2023, 6, 14)


def moment(d: date, hour: int, minute: int = 0) -> str:
    return datetime.combine(d, time(hour, minute)).strftime("%d/%m/%Y %H:%M")


def main() -> None:
    rng = random.Random(20230605)
    days = [FIRST + timedelta(days=i) for i in range((LAST - FIRST).days + 1)]
    working = [d for d in days if CAL.is_working_day(d)]
    # 245 early or on time, 7 late, 1 in progress: 253 received; 34 of them online.
    kinds = ["timely"] * 245 + ["late"] * 7
    rng.shuffle(kinds)
    online = set(rng.sample(range(252), 34 - 1)) | {252}  # the in-progress one is online too
    rows = []
    for i, kind in enumerate(kinds):
        code, _, limit, _, fee, _ = PROCEDURES[rng.randrange(len(PROCEDURES))]
        # Leave room before the cut-off so that every one of these has ended by 14/6/2023.
        received = rng.choice(working[: -(limit + 8)])
        due = CAL.add_working_days(received, limit)
        if kind == "timely":
            end = received if rng.random() < 0.7 else due  # most finish the same day
        else:
            end = CAL.add_working_days(due, rng.randint(1, 3))  # slow approval on the software
        channel = 2 if i in online else 1
        rows.append(
            {
                "MaHoSo": f"H51.BT-{received:%y%m%d}-{i + 1:04d}",
                "MaTTHC": code,
                "MaDonVi": "UBND-BATRANG",
                "KenhThucHien": str(channel),
                "TrangThaiHoSo": "10",
                "NgayNopHoSo": moment(received, 7, 45) if channel == 2 else "",
                "NgayTiepNhan": moment(received, 8, 0),
                "NgayHenTra": due.strftime("%d/%m/%Y"),
                "NgayKetThucXuLy": moment(end, 16, 0),
                "NgayTraKetQua": moment(end, 16, 30),
                "ThanhToanTrucTuyen": "1" if channel == 2 and fee and rng.random() < 0.3 else "0",
                "SoHoa": "1" if rng.random() < 0.6 else "0",
                "KetQuaDienTu": "1" if channel == 2 else "0",
                "TaiSuDungDuLieu": "0",
            }
        )
    received = date(2023, 6, 13)
    rows.append(
        {
            "MaHoSo": f"H51.BT-{received:%y%m%d}-0253",
            "MaTTHC": "9.000004",
            "MaDonVi": "UBND-BATRANG",
            "KenhThucHien": "2",
            "TrangThaiHoSo": "4",
            "NgayNopHoSo": moment(received, 7, 30),
            "NgayTiepNhan": moment(received, 8, 0),
            "NgayHenTra": CAL.add_working_days(received, 5).strftime("%d/%m/%Y"),
            "NgayKetThucXuLy": "",
            "NgayTraKetQua": "",
            "ThanhToanTrucTuyen": "0",
            "SoHoa": "1",
            "KetQuaDienTu": "0",
            "TaiSuDungDuLieu": "0",
        }
    )
    rows.sort(
        key=lambda r: (
            r["NgayTiepNhan"][6:10],
            r["NgayTiepNhan"][3:5],
            r["NgayTiepNhan"][:2],
            r["MaHoSo"],
        )
    )
    with (DATA / "ba-trang-2023-h1.synthetic-dossiers.csv").open(
        "w", newline="", encoding="utf-8"
    ) as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    procedures = {
        "procedures": [
            {
                "code": code,
                "name": name,
                "level": "commune",
                "time_limit": {"amount": str(limit), "unit": "working_days"},
                "online_level": level,
                "fee_bearing": fee,
                "paper_result": paper,
                "cutoff": None,
            }
            for code, name, limit, level, fee, paper in PROCEDURES
        ]
    }
    (DATA / "ba-trang-2023-h1.synthetic-procedures.json").write_text(
        json.dumps(procedures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
