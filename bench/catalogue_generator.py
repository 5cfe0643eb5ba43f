"""A generator of large synthetic catalogues in the import CSV format (Thai and English names).

``python -m bench.catalogue_generator 100000 out.csv`` writes one; the benchmarks
call :func:`write_catalogue`.  Names are built from real Sisaket OTOP words so
that Thai search sees realistic text; barcodes are valid GS1 885 EAN-13 codes;
about 5% of goods are weighed and 10% have no barcode (in-store codes assigned).
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from pos.catalogue.domain.barcodes import with_check_digit
from pos.catalogue.domain.csv_format import COLUMNS

GOODS = [
    ("ผ้าไหมมัดหมี่", "Mudmee silk", "textile", "cloth"),
    ("ผ้าฝ้ายทอมือ", "Hand-woven cotton", "textile", "cloth"),
    ("ผ้าขาวม้า", "Loincloth", "textile", "cloth"),
    ("กระเป๋าผ้าแส่ว", "Saew embroidered bag", "textile", "piece"),
    ("เสื้อผ้าฝ้าย", "Cotton shirt", "textile", "garment"),
    ("หอมแดงเจียว", "Fried shallots", "food", "jar"),
    ("กระเทียมดำ", "Black garlic", "food", "jar"),
    ("น้ำพริกเผา", "Chilli paste", "food", "jar"),
    ("ทุเรียนทอด", "Durian chips", "food", "bag"),
    ("ข้าวหอมมะลิ", "Jasmine rice", "food", "bag"),
    ("กาแฟโรบัสต้า", "Robusta coffee", "beverage", "bag"),
    ("ชาใบหม่อน", "Mulberry tea", "beverage", "box"),
    ("น้ำกระเจี๊ยบ", "Roselle juice", "beverage", "bottle"),
    ("ยาหม่องสมุนไพร", "Herbal balm", "herbal", "jar"),
    ("สบู่สมุนไพร", "Herbal soap", "herbal", "bar"),
    ("ลูกประคบ", "Herbal compress", "herbal", "piece"),
    ("ตะกร้าหวาย", "Rattan basket", "household", "basket"),
    ("กระติบข้าว", "Sticky-rice basket", "household", "basket"),
    ("เสื่อกก", "Reed mat", "household", "piece"),
]
PATTERNS = [
    ("ลายลูกแก้ว", "Luk Kaew pattern"),
    ("ลายดอกลำดวน", "Lamduan pattern"),
    ("ลายกนก", "Kanok pattern"),
    ("ลายนาค", "Naga pattern"),
    ("ลายขอ", "Hook pattern"),
    ("สูตรดั้งเดิม", "traditional recipe"),
    ("รสเผ็ด", "spicy"),
    ("ออร์แกนิก", "organic"),
]
COLOURS = [
    ("สีม่วงเปลือกมังคุด", "mangosteen purple"),
    ("สีเขียวมรกต", "emerald"),
    ("สีแดงครั่ง", "lac red"),
    ("สีครามธรรมชาติ", "natural indigo"),
    ("สีทอง", "gold"),
    ("", ""),
]
WEIGHED = [
    ("หอมแดงศรีสะเกษ", "Sisaket red shallots"),
    ("กระเทียมศรีสะเกษ", "Sisaket garlic"),
    ("ทุเรียนภูเขาไฟ", "Volcanic durian"),
]
DISTRICTS = ["กันทรลักษ์", "ขุขันธ์", "ยางชุมน้อย", "ราษีไศล", "อุทุมพรพิสัย", "ศรีรัตนะ", "ขุนหาญ"]


def catalogue_rows(count: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    producers = [f"กลุ่มวิสาหกิจชุมชน{d} {n}" for d in DISTRICTS for n in range(1, 30)]
    rows = []
    for index in range(1, count + 1):
        if rng.random() < 0.05:
            rows.append(_weighed_row(rng, index, producers))
            continue
        name_th, name_en, category, unit = rng.choice(GOODS)
        pattern_th, pattern_en = rng.choice(PATTERNS)
        colour_th, colour_en = rng.choice(COLOURS)
        barcode = "" if rng.random() < 0.10 else with_check_digit(f"885{index:09d}")
        rows.append(
            [
                barcode,
                f"SKU-{index:07d}",
                f"{name_th}{pattern_th} {colour_th} รุ่น {index}".replace("  ", " "),
                f"{name_en}, {pattern_en} {colour_en} no. {index}".replace("  ", " "),
                category,
                rng.choice(producers),
                f"{rng.randint(20, 4500)}.{rng.choice(['00', '50'])}",
                unit,
                "no",
                "yes",
                str(rng.randint(0, 5)),
                str(rng.randint(0, 200)),
            ]
        )
    return rows


def _weighed_row(rng: random.Random, index: int, producers: list[str]) -> list[str]:
    name_th, name_en = rng.choice(WEIGHED)
    return [
        "",
        f"SKU-{index:07d}",
        f"{name_th} คัดพิเศษ รุ่น {index}",
        f"{name_en}, graded no. {index}",
        "food",
        rng.choice(producers),
        f"{rng.randint(60, 250)}.00",
        "kg",
        "yes",
        "no",
        "5",
        f"{rng.randint(0, 90)}.{rng.randint(0, 999):03d}",
    ]


def write_catalogue(path: Path, count: int, seed: int = 7) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(catalogue_rows(count, seed))
    return path


if __name__ == "__main__":
    write_catalogue(Path(sys.argv[2]), int(sys.argv[1]))
