"""Every stretch's picture, by id: the desk, standing and floor tables together."""

from tools.pictures.picture import Picture
from tools.pictures.poses import desk, floor, standing

PICTURES: dict[str, Picture] = {
    p.id: p for p in (*desk.PICTURES, *standing.PICTURES, *floor.PICTURES)
}
