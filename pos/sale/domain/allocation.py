"""Which tender paid for which line: the allocation that makes refunds by tender exact.

A sale's tenders are spread over its lines so that every line's total and
every tender's amount add up to the satang.  Tenders that may only pay for
some lines (a government scheme does not pay for its excluded goods) are
placed first, through a small maximum flow, so that a feasible split is found
whenever one exists; then the other tenders share what is left of each line in
proportion.  A refund later takes each returned line's money back from the
tenders that paid for it (see :mod:`pos.sale.domain.credit_notes`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from pos.sale.domain.cart import allocate_proportionally


class AllocationError(ValueError):
    """Restricted tenders cannot be placed on the lines they may pay for."""

    def __init__(self, tender_index: int, payable_satang: int):
        self.tender_index = tender_index
        self.payable_satang = payable_satang
        super().__init__(f"tender {tender_index} can pay for at most {payable_satang} satang")


def allocate(
    line_amounts: Sequence[int],
    tender_amounts: Sequence[int],
    may_pay: Sequence[frozenset[int] | None],
) -> list[list[int]]:
    """``result[line][tender]`` in satang; ``may_pay[t]``: the lines tender t may pay (None: any).

    The tenders must add up to the lines.  Raises :class:`AllocationError`
    naming a restricted tender that cannot be placed.
    """
    if sum(line_amounts) != sum(tender_amounts) or min(tender_amounts, default=0) < 0:
        raise ValueError("tenders must be non-negative and add up to the lines")
    result = [[0] * len(tender_amounts) for _ in line_amounts]
    remaining = list(line_amounts)
    restricted = [t for t, lines in enumerate(may_pay) if lines is not None]
    for tender, group, amount in _place_restricted(line_amounts, tender_amounts, may_pay):
        _spread(result, remaining, tender, amount, group)
    free = [t for t in range(len(tender_amounts)) if t not in restricted]
    every_line = list(range(len(line_amounts)))
    for tender in free:
        _spread(result, remaining, tender, tender_amounts[tender], every_line)
    return result


def _spread(
    result: list[list[int]], remaining: list[int], tender: int, amount: int, lines: list[int]
) -> None:
    """Put ``amount`` on ``lines`` in proportion to what each still lacks (never more)."""
    shares = allocate_proportionally(amount, [remaining[line] for line in lines])
    for line, share in zip(lines, shares, strict=True):
        result[line][tender] += share
        remaining[line] -= share


def _place_restricted(
    line_amounts: Sequence[int],
    tender_amounts: Sequence[int],
    may_pay: Sequence[frozenset[int] | None],
) -> list[tuple[int, list[int], int]]:
    """(tender, lines of a group, amount) placing every restricted tender, by maximum flow.

    Lines are grouped by the set of restricted tenders that may pay them, so the
    flow network stays tiny whatever the number of lines.
    """
    restricted = [t for t, lines in enumerate(may_pay) if lines is not None]
    if not restricted:  # the usual sale: no scheme tender
        return []
    groups: dict[frozenset[int], list[int]] = {}
    for line in range(len(line_amounts)):
        payers = frozenset(t for t in restricted if line in (may_pay[t] or ()))
        if payers:
            groups.setdefault(payers, []).append(line)
    keys = list(groups)
    capacity_of_group = [sum(line_amounts[line] for line in groups[key]) for key in keys]
    flows = _max_flow(
        [tender_amounts[t] for t in restricted],
        capacity_of_group,
        [[t in key for key in keys] for t in restricted],
    )
    placed = []
    for row, tender in enumerate(restricted):
        if sum(flows[row]) < tender_amounts[tender]:
            payable = sum(
                c for c, key in zip(capacity_of_group, keys, strict=True) if tender in key
            )
            raise AllocationError(tender, payable)
        placed += [(tender, groups[key], f) for key, f in zip(keys, flows[row], strict=True) if f]
    return placed


def _max_flow(supply: list[int], capacity: list[int], edge: list[list[bool]]) -> list[list[int]]:
    """Edmonds-Karp on source → suppliers → groups → sink; ``flow[supplier][group]``."""
    flow = [[0] * len(capacity) for _ in supply]
    sent, used = [0] * len(supply), [0] * len(capacity)
    while True:
        path = _augmenting_path(supply, capacity, edge, flow, sent, used)
        if path is None:
            return flow
        steps, amount = path
        for supplier, group, forward in steps:
            flow[supplier][group] += amount if forward else -amount
        first, last = steps[0][0], steps[-1][1]
        sent[first] += amount
        used[last] += amount


def _augmenting_path(
    supply: list[int],
    capacity: list[int],
    edge: list[list[bool]],
    flow: list[list[int]],
    sent: list[int],
    used: list[int],
) -> tuple[list[tuple[int, int, bool]], int] | None:
    """A shortest path with spare capacity, as (supplier, group, forward) steps, and its amount."""
    start = [s for s in range(len(supply)) if sent[s] < supply[s]]
    came_from: dict[tuple[str, int], tuple[str, int] | None] = {("s", s): None for s in start}
    queue = deque(("s", s) for s in start)
    while queue:
        kind, node = queue.popleft()
        if kind == "g" and used[node] < capacity[node]:
            return _path_back(came_from, node, supply, capacity, flow, sent, used)
        for nxt in _neighbours(kind, node, edge, flow):
            if nxt not in came_from:
                came_from[nxt] = (kind, node)
                queue.append(nxt)
    return None


def _neighbours(
    kind: str, node: int, edge: list[list[bool]], flow: list[list[int]]
) -> list[tuple[str, int]]:
    if kind == "s":  # forward along any allowed edge (its capacity is unlimited)
        return [("g", g) for g, allowed in enumerate(edge[node]) if allowed]
    return [("s", s) for s in range(len(edge)) if flow[s][node] > 0]  # undo some flow


def _path_back(
    came_from: dict[tuple[str, int], tuple[str, int] | None],
    group: int,
    supply: list[int],
    capacity: list[int],
    flow: list[list[int]],
    sent: list[int],
    used: list[int],
) -> tuple[list[tuple[int, int, bool]], int]:
    steps: list[tuple[int, int, bool]] = []
    amount = capacity[group] - used[group]
    node: tuple[str, int] | None = ("g", group)
    while node is not None and came_from[node] is not None:
        previous = came_from[node]
        assert previous is not None
        if node[0] == "g":
            steps.append((previous[1], node[1], True))
        else:
            steps.append((node[1], previous[1], False))
            amount = min(amount, flow[node[1]][previous[1]])
        node = previous
    assert node is not None
    amount = min(amount, supply[node[1]] - sent[node[1]])
    steps.reverse()
    return steps, amount
