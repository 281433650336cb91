"""Reading pixels the same way on every Pillow version."""

from PIL import Image


def pixels(image: Image.Image) -> list[tuple[int, int, int, int]]:
    """Every pixel of ``image`` as RGBA, row by row."""
    data = image.convert("RGBA").tobytes()
    return [(data[i], data[i + 1], data[i + 2], data[i + 3]) for i in range(0, len(data), 4)]
