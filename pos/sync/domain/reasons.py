"""Why the head office refused a record, in words for a manager: English and Thai.

The reasons are :class:`pos.sync.wire.RejectReason`; a reason this counter does
not know (a newer head office) is shown as it came.  ``sync status`` prints the
English with the Thai; the app's sync line shows the Thai with the English.
"""

from __future__ import annotations

from pos.sync.wire import RESENDABLE_REASONS, RejectReason

_WORDS: dict[str, tuple[str, str]] = {
    RejectReason.CONFLICT: (
        "stored earlier with other content",
        "สำนักงานใหญ่มีรายการนี้แล้วแต่เนื้อหาต่างกัน",
    ),
    RejectReason.INVALID_PAYLOAD: ("a field is not valid", "ข้อมูลบางช่องไม่ถูกต้อง"),
    RejectReason.UNKNOWN_KIND: (
        "the head office does not know this kind of record yet",
        "สำนักงานใหญ่ยังไม่รู้จักรายการประเภทนี้",
    ),
    RejectReason.INVALID_ENVELOPE: (
        "the record's id, kind, terminal or time is malformed",
        "รหัส ประเภท เครื่อง หรือเวลาของรายการไม่ถูกต้อง",
    ),
    RejectReason.NOT_OWN: (
        "it names another terminal than this counter's token",
        "รายการระบุเครื่องอื่น ไม่ใช่เครื่องนี้",
    ),
    RejectReason.NUMBER_REUSED: (
        "the head office has another record of this terminal with that number",
        "เลขที่เอกสารนี้ของเครื่องนี้มีที่สำนักงานใหญ่แล้ว",
    ),
    RejectReason.ID_REUSED: (
        "an id inside it belongs to another record",
        "รหัสภายในรายการซ้ำกับรายการอื่น",
    ),
    RejectReason.SERVER_FAULT: (
        "the head office failed storing it; it is sent again at the next sync",
        "สำนักงานใหญ่บันทึกไม่สำเร็จ จะส่งใหม่ในการซิงก์ครั้งถัดไป",
    ),
}


def reason_english(reason: str) -> str:
    return _WORDS.get(reason, (reason, reason))[0]


def reason_thai(reason: str) -> str:
    return _WORDS.get(reason, (reason, reason))[1]


def resendable(reason: str) -> bool:
    """Whether the counter sends a record refused so again by itself (in a later run)."""
    return reason in RESENDABLE_REASONS
