"""The tray menu as ``com.canonical.dbusmenu`` data: pure functions of the menu model.

Ids follow an item's place: the top-level item at index ``i`` is ``i + 1`` and child ``j`` of
item ``p`` is ``p * 100 + j + 1``, so an id keeps naming the same entry while labels and
enabled states change. Values are jeepney variants: ``(signature, value)``.
"""

from collections.abc import Iterable, Iterator
from typing import Any

from hamstray.desktop.tray.menu import Item

ROOT = 0
Variant = tuple[str, Any]
Properties = dict[str, Variant]
Node = tuple[int, Properties, list[Variant]]
NODE = "(ia{sv}av)"


def walk(items: tuple[Item, ...], parent: int = ROOT) -> Iterator[tuple[int, Item]]:
    """Every item with its id, depth first."""
    for index, item in enumerate(items):
        item_id = parent * 100 + index + 1
        yield item_id, item
        yield from walk(item.submenu, item_id)


def find(items: tuple[Item, ...], item_id: int) -> Item | None:
    """The item called ``item_id``, or None."""
    return next((item for found, item in walk(items) if found == item_id), None)


def properties(item: Item | None, names: Iterable[str] = ()) -> Properties:
    """The item's dbusmenu properties (the root's for None), only ``names`` when given."""
    if item is None:
        found: Properties = {"children-display": ("s", "submenu")}
    elif item.separator:
        found = {"type": ("s", "separator")}
    else:
        found = {
            "label": ("s", item.label.replace("_", "__")),  # a lone "_" marks a mnemonic
            "enabled": ("b", item.enabled),
        }
        if item.checked is not None:
            found["toggle-type"] = ("s", "checkmark")
            found["toggle-state"] = ("i", int(item.checked))
        if item.submenu:
            found["children-display"] = ("s", "submenu")
    wanted = set(names)
    return {k: v for k, v in found.items() if k in wanted} if wanted else found


def layout(
    items: tuple[Item, ...], parent: int = ROOT, depth: int = -1, names: Iterable[str] = ()
) -> Node:
    """``GetLayout``: the node ``parent`` with children ``depth`` levels down (-1: all)."""
    names = tuple(names)
    item = None if parent == ROOT else find(items, parent)
    if parent != ROOT and item is None:
        raise LookupError(f"no menu item {parent}")
    children = items if item is None else item.submenu
    nodes: list[Variant] = []
    if depth != 0:
        for index in range(len(children)):
            nodes.append((NODE, layout(items, parent * 100 + index + 1, depth - 1, names)))
    return (parent, properties(item, names), nodes)


def group_properties(
    items: tuple[Item, ...], ids: Iterable[int], names: Iterable[str] = ()
) -> list[tuple[int, Properties]]:
    """``GetGroupProperties``: the properties of ``ids`` (every item when empty)."""
    names = tuple(names)
    wanted = set(ids)
    return [
        (item_id, properties(item, names))
        for item_id, item in walk(items)
        if not wanted or item_id in wanted
    ]


def changes(
    old: tuple[Item, ...], new: tuple[Item, ...]
) -> tuple[bool, list[tuple[int, Properties]]]:
    """What a host must hear: (whether the layout changed, items whose properties changed)."""
    before = {item_id: properties(item) for item_id, item in walk(old)}
    after = {item_id: properties(item) for item_id, item in walk(new)}
    if before.keys() != after.keys() or any(before[i].keys() != after[i].keys() for i in after):
        return True, []  # entries or kinds of entry differ: the host reads the layout again
    return False, [(i, props) for i, props in after.items() if before[i] != props]
