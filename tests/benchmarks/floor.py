"""The floor: a bare pystray icon with a three-item menu, nothing else."""

import pystray
from PIL import Image, ImageDraw

image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
ImageDraw.Draw(image).ellipse((4, 4, 60, 60), fill=(24, 150, 136, 255))
icon = pystray.Icon(
    "floor",
    image,
    "floor",
    pystray.Menu(
        pystray.MenuItem("One", lambda: None, default=True),
        pystray.MenuItem("Two", lambda: None),
        pystray.MenuItem("Quit", lambda i: i.stop()),
    ),
)
icon.run()
