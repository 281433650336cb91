"""Every stretch's picture, by id: the chair, moving, standing, floor and lying tables."""

from tools.pictures.picture import Picture
from tools.pictures.poses import desk, floor, kneeling, lying, moving, standing

PICTURES: dict[str, Picture] = {
    p.id: p
    for p in (
        *desk.PICTURES,
        *moving.PICTURES,
        *standing.PICTURES,
        *floor.PICTURES,
        *kneeling.PICTURES,
        *lying.PICTURES,
    )
}
