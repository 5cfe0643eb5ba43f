"""A manager's approval at the till: choose the name, type the PIN, in the question panel.

Used by returns, voids and "no sale".  The PIN is checked by the till first
(:meth:`pos.till.services.session.TillSession.approve`: the shared lock-out of
:mod:`pos.staff.services.pin_check` — five wrong PINs lock that manager out — and
each refusal audited), then the action
runs with a :class:`pos.sale.services.returns_and_voids.ManagerApproval`, which its service
checks again before writing anything.  The manager logged in, if any, is
offered first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from pos.sale.services.returns_and_voids import ManagerApproval
from pos.staff.domain.users import User
from pos.till.domain.rules import TillError
from pos.till.services.session import TillSession
from ui.messages import problem_text
from ui.panels import EntryPanel

Approved = Callable[[ManagerApproval], str | None]  # the action: an error text, or None when done


def ask_manager_approval(entry: EntryPanel, till: TillSession, hint: str, act: Approved) -> None:
    managers = [user for user in till.users() if user.is_manager]
    at_till = till.user.user_id if till.user is not None else None
    managers.sort(key=lambda manager: manager.user_id != at_till)

    def answer(pin: str, manager: User | None) -> str | None:
        if manager is None or manager.user_id is None:
            return QCoreApplication.translate("ManagerApproval", "Choose the manager who approves.")
        try:
            till.approve(manager.user_id, pin)
        except TillError as error:
            return problem_text(error)
        return act(ManagerApproval(manager.user_id, pin))

    prompt = QCoreApplication.translate("ManagerApproval", "Manager approval needed")
    entry.ask(prompt, hint, answer, kind="pin", managers=managers)
