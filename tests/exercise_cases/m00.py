import numpy as np

from .common import BAD_NUMBER

CASES = {
    "m00.q1": ([480, 480.0, np.int64(480), 4 * 120], [(124, "m00.q1.added"), (120, "m00.q1.unchanged"), (500, "check.number_too_high"), (400, "check.number_too_low")]),
}
BAD_INPUT = {"m00.q1": BAD_NUMBER}
