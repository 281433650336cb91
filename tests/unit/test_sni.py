"""The StatusNotifierItem's data as pure functions: the dbusmenu layout and the icon pixmaps."""

from jeepney import DBusAddress, Parser, new_method_call, new_method_return

from hamstray.desktop.tray import dbusmenu, icons, menu, sni_item
from hamstray.engine import timing
from hamstray.engine.model import View
from hamstray.engine.phase import Phase
from hamstray.store.assets import stretches

STRETCH = stretches()[0]
EXTRAS = menu.Extras(snooze_s=300, breaks_today=6, stretches_today=4, autostart=True)


def view(phase: Phase, standing: bool = False, snoozes_left: int = 2) -> View:
    """A view of ``phase`` as the engine would make it (snoozing allowed when a break is due)."""
    return View(
        phase,
        progress=3,
        sitting_s=450.0,
        next_break_in=600.0,
        snoozes_left=snoozes_left,
        can_snooze=phase in timing.SNOOZABLE and snoozes_left > 0,
        stretch=STRETCH,
        paused_until=None,
        standing=standing,
    )


def items(phase: Phase, standing: bool = False) -> tuple[menu.Item, ...]:
    return menu.items(view(phase, standing), EXTRAS)


def labels(node: dbusmenu.Node) -> list[str]:
    return [child[1][1].get("label", ("s", "-"))[1] for child in node[2]]


def test_the_layout_is_the_menu_model_with_ids_by_place() -> None:
    model = items(Phase.DUE)
    root = dbusmenu.layout(model)
    assert root[0] == dbusmenu.ROOT
    assert root[1] == {"children-display": ("s", "submenu")}
    assert labels(root) == [i.label if not i.separator else "-" for i in model]
    assert [child[1][0] for child in root[2]] == list(range(1, len(model) + 1))
    assert all(child[0] == "(ia{sv}av)" for child in root[2])
    pause = root[2][4][1]
    assert pause[1]["children-display"] == ("s", "submenu")
    assert [c[1][0] for c in pause[2]] == [501, 502, 503, 504]
    assert labels(pause) == ["30 min", "1 hour", "2 hours", "Until tomorrow"]


def test_separators_checks_and_disabled_items_have_their_properties() -> None:
    model = items(Phase.SITTING, standing=True)
    by_label = {i.label: dbusmenu.properties(i) for i in model}
    assert by_label["-"] == {"type": ("s", "separator")}
    assert by_label["I'm standing"]["toggle-type"] == ("s", "checkmark")
    assert by_label["I'm standing"]["toggle-state"] == ("i", 1)
    assert by_label["Start at login"]["toggle-state"] == ("i", 1)
    assert by_label["Snooze 5 min (2 left)"]["enabled"] == ("b", False)  # nothing due
    assert by_label["Today: 6 breaks · 4 stretches"]["enabled"] == ("b", False)


def test_depth_and_property_names_limit_the_layout() -> None:
    model = items(Phase.DUE)
    shallow = dbusmenu.layout(model, depth=1)
    assert all(child[1][2] == [] for child in shallow[2])
    only_labels = dbusmenu.layout(model, names=["label"])
    assert all(set(child[1][1]) <= {"label"} for child in only_labels[2])
    submenu = dbusmenu.layout(model, parent=5)
    assert labels(submenu)[0] == "30 min"


def test_ids_find_their_item_and_group_properties_pick_them() -> None:
    model = items(Phase.DUE)
    assert dbusmenu.find(model, 2) == model[1]
    assert dbusmenu.find(model, 502) == model[4].submenu[1]
    assert dbusmenu.find(model, 9999) is None
    assert [i for i, _ in dbusmenu.group_properties(model, [1, 502])] == [1, 502]
    assert len(dbusmenu.group_properties(model, [])) == len(list(dbusmenu.walk(model)))


def test_changes_name_the_items_that_changed_or_a_new_layout() -> None:
    due, snoozed = items(Phase.DUE), menu.items(view(Phase.SNOOZED, snoozes_left=1), EXTRAS)
    layout_changed, updated = dbusmenu.changes(due, snoozed)
    assert not layout_changed
    assert [(i, p["label"][1]) for i, p in updated] == [
        (1, "Snoozed: break in 10 min"),
        (3, "Snooze 5 min (1 left)"),
    ]
    assert dbusmenu.changes(due, due) == (False, [])
    paused = menu.items(view(Phase.PAUSED), EXTRAS)
    assert dbusmenu.changes(due, paused) == (True, [])  # Pause… became Resume


def test_the_layout_serialises_as_the_dbusmenu_signature() -> None:
    """What GetLayout returns goes on the wire as u(ia{sv}av) (jeepney checks every value)."""
    call = new_method_call(DBusAddress("/MenuBar", bus_name=":1.1"), "GetLayout")
    call.header.serial = 1
    reply = new_method_return(call, "u(ia{sv}av)", (7, dbusmenu.layout(items(Phase.DUE))))
    wire = reply.serialise(serial=2)
    parser = Parser()
    parser.add_data(wire)
    revision, (root_id, _, children) = parser.get_next_message().body
    assert (revision, root_id, len(children)) == (7, 0, len(items(Phase.DUE)))


def test_pixmaps_are_argb_big_endian_at_each_size() -> None:
    found = sni_item.pixmaps(Phase.DUE, 0, False)
    assert [(w, h) for w, h, _ in found] == [(s, s) for s in sni_item.SIZES]
    width, _, data = found[-1]
    assert len(data) == width * width * 4
    centre = (width // 2 * width + width // 4) * 4  # inside the orange disc, left of the mark
    drawn = icons.draw(Phase.DUE, 0, width).convert("RGBA").getpixel((width // 4, width // 2))
    red, green, blue, alpha = drawn
    assert tuple(data[centre : centre + 4]) == (alpha, red, green, blue)


def test_the_item_properties_follow_the_view() -> None:
    due = sni_item.item_properties(view(Phase.DUE))
    assert due["Status"] == ("s", "NeedsAttention")
    assert due["ItemIsMenu"] == ("b", False)
    assert due["Menu"] == ("o", sni_item.MENU_PATH)
    assert due["ToolTip"][1][3] == f"Time for a break · {STRETCH.name}"
    sitting = sni_item.item_properties(view(Phase.SITTING))
    assert sitting["Status"] == ("s", "Active")
    assert sitting["IconPixmap"] != due["IconPixmap"]


def test_a_new_icon_is_announced_as_both_icon_and_attention_icon() -> None:
    """GNOME's AppIndicator extension re-reads AttentionIconPixmap only on NewAttentionIcon:
    without it the due icon never turned orange there (issue 18, bug 1)."""
    signals = [member for member, *_ in sni_item.item_signals(view(Phase.SITTING), view(Phase.DUE))]
    assert signals == ["NewIcon", "NewAttentionIcon", "NewToolTip", "NewStatus"]
    back = sni_item.item_signals(view(Phase.DUE), view(Phase.SNOOZED))
    assert ("NewStatus", "s", ("Active",)) in back
    assert sni_item.item_signals(view(Phase.DUE), view(Phase.DUE)) == []
