"""Whether Tk windows can open, and the one sentence with the fix when they cannot (issue 18,
bug 10; issue 21 §3)."""

from hamstray.ui import tk_display

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
UBUNTU = "ID=ubuntu\nID_LIKE=debian\n"
FEDORA = "ID=fedora\n"
MINT = 'ID=linuxmint\nID_LIKE="ubuntu debian"\n'


def problem(env, has_tk=True, reaches=True, release=DEBIAN, system=True):  # type: ignore[no-untyped-def]
    return tk_display.problem(
        env, "linux", lambda: has_tk, lambda display: reaches, lambda: release, system
    )


def test_without_tkinter_the_fix_is_the_distributions_package() -> None:
    assert problem({"DISPLAY": ":0"}, has_tk=False) == (
        "the guide window needs Tk, and this Python has no tkinter: sudo apt install python3-tk."
    )
    assert problem({"DISPLAY": ":0"}, has_tk=False, release=FEDORA).endswith(
        "sudo dnf install python3-tkinter."
    )
    assert problem({"DISPLAY": ":0"}, has_tk=False, release=MINT).endswith(
        "sudo apt install python3-tk."
    )


def test_a_python_of_its_own_without_tk_is_not_sent_to_apt() -> None:
    found = problem({"DISPLAY": ":0"}, has_tk=False, system=False)
    assert "apt" not in found
    assert "a Python built with Tk" in found


def test_wayland_without_xwayland_says_so() -> None:
    found = problem({"WAYLAND_DISPLAY": "wayland-0"})
    assert found == (
        "the guide window needs an X display, and this Wayland session has no Xwayland "
        "(DISPLAY is not set): enable Xwayland in your compositor."
    )


def test_an_x_display_that_cannot_be_reached_is_named() -> None:
    assert problem({"DISPLAY": ":7"}, reaches=False) == (
        "the guide window cannot reach the X display :7."
    )


def test_tk_with_a_display_is_fine_and_elsewhere_tk_needs_no_display() -> None:
    assert problem({"DISPLAY": ":0"}) is None
    windows = tk_display.problem({}, "win32", lambda: True, lambda d: False, lambda: "")
    assert windows is None
