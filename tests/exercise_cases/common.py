"""Bad input shared by many exercises."""

import math

import pandas as pd

BAD_NUMBER = [None, "72,5", (72, 5), "72.5", "veel", float("nan"), math.inf, True, [1, 2], {"a": 1}, pd.DataFrame({"a": [1, 2]})]
BAD_TEXT = [None, "", "   ", 3, 4.5, ["voorspellen"], True]
BAD_FUNCTION = [None, 3, "naam_van_functie", [print]]
