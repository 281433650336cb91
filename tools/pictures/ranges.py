"""The joint ranges the rig allows: normal adult active ranges of motion, in degrees.

Sources: the American Academy of Orthopaedic Surgeons' normal values (AAOS, *Joint Motion:
Method of Measuring and Recording*, 1965; Greene & Heckman, 1994) as tabled in Norkin & White,
*Measurement of Joint Motion: A Guide to Goniometry*. Where the issue set a stricter or a
weight-bearing value, that one is used and said so. The spine's totals (thoracolumbar flexion 80,
extension 25, side bend 35, rotation 45: AAOS) are shared out over the rig's three segments,
most of the flexion low and most of the rotation in the thorax, as the vertebrae allow.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Range:
    """One joint angle's allowed interval: negative ``low`` is the opposite movement."""

    low: float
    high: float
    source: str

    def clamp(self, value: float) -> float:
        """``value`` held inside the range."""
        return min(self.high, max(self.low, value))

    def holds(self, value: float, slack: float = 0.5) -> bool:
        """Whether ``value`` is in the range (``slack`` degrees for rounding)."""
        return self.low - slack <= value <= self.high + slack


LEG = {
    "hip_flexion": Range(
        -20, 125, "flexion 120 AAOS, 125 with the knee bent; extension 20 (issue)"
    ),
    "hip_abduction": Range(-30, 45, "abduction 45, adduction 30 (AAOS)"),
    "hip_rotation": Range(
        -45,
        60,
        "internal 45 (AAOS); external 45 (AAOS) raised to 60, as measured with the hip "
        "flexed, which the seated figure-four needs",
    ),
    "knee_flexion": Range(0, 150, "0-150, never past straight (AAOS 135-150; issue)"),
    "ankle_flexion": Range(
        -50, 30, "plantarflexion 50 (AAOS); dorsiflexion 30 weight-bearing (issue)"
    ),
    "ankle_inversion": Range(-15, 35, "inversion 35, eversion 15 (AAOS)"),
    "toe_extension": Range(
        -30, 80, "MTP extension 70 (AAOS) to 80 passive in kneeling; flexion 30"
    ),
}
ARM = {
    "shoulder_flexion": Range(-60, 180, "flexion 180, extension 60 (AAOS)"),
    "shoulder_abduction": Range(-30, 180, "abduction 180 (AAOS); 30 across the body"),
    "shoulder_rotation": Range(-70, 90, "internal 70, external 90 (AAOS)"),
    "elbow_flexion": Range(0, 150, "0-150, never past straight (AAOS)"),
    "wrist_extension": Range(-80, 70, "extension 70, flexion 80 (AAOS)"),
}
SPINE = {
    "lumbar_flexion": Range(-15, 45, "share of thoracolumbar flexion 80 / extension 25 (AAOS)"),
    "thorax_flexion": Range(-5, 20, "share of thoracolumbar flexion 80 / extension 25 (AAOS)"),
    "upper_flexion": Range(-5, 15, "share of thoracolumbar flexion 80 / extension 25 (AAOS)"),
    "side_bend": Range(-35, 35, "thoracolumbar lateral flexion 35 (AAOS), shared out"),
    "rotation": Range(-45, 45, "thoracolumbar rotation 45 (AAOS), mostly thoracic"),
    "neck_flexion": Range(-45, 45, "cervical flexion 45, extension 45 (AAOS)"),
    "neck_rotation": Range(-60, 60, "cervical rotation 60 (AAOS)"),
}
