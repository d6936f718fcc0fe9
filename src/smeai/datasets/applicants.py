"""Module 08: applicants for technician jobs at an installation company, with the invitations
that recruiters gave in past years. Those past decisions were unfair to one group, and a
postcode area lets a model pick that up without ever seeing the group."""

from __future__ import annotations


import numpy as np

from ._random import check_option, check_random_state

FEATURES = ("experience_years", "diploma_level", "test_score", "postcode_area")
# Where applicants live, per group: group B lives more often in postcode areas 3 and 4. The
# area says nothing about how good a technician someone is; it only follows the group.
_AREA_SHARES = {
    "A": np.array([0.40, 0.40, 0.10, 0.10]),
    "B": np.array([0.05, 0.05, 0.45, 0.45]),
}
_UNIFORM_AREAS = np.full(4, 0.25)


def make_applicants(
    n_samples: int = 600,
    *,
    group_b_share: float = 0.4,
    bias: float = 1.2,
    proxy_strength: float = 1.0,
    noise: float = 0.6,
    random_state=None,
):
    """Applicants for technician jobs, with the past decision to invite them or not.

    An installation company screens applicants for jobs as a technician (heat pumps, solar
    panels). Each row is one applicant: years of experience, the level of the vocational
    diploma (mbo 2, 3 or 4), the score on a technical knowledge test and the postcode area
    (1 to 4) where they live. How suitable someone is depends on the first three only, in the
    same way for everybody, and both groups are equally suitable on average.

    The recruiters of past years invited fewer applicants from group B than from group A with
    the same qualities: ``bias`` lowers group B's chances in those past decisions. Nobody wrote
    this down as a rule. Group B lives more often in postcode areas 3 and 4, so the postcode
    area is a *proxy*: a model that learns from the past decisions can use the area to copy
    the unfairness, even when it never sees the group.

    The groups are called ``"A"`` and ``"B"`` on purpose. In real life such a group may be
    people of a certain origin, sex or age (grounds on which the law forbids unequal
    treatment); neutral labels keep the lesson on the pattern, not on any group of people.

    Parameters
    ----------
    n_samples : int, default=600
        Number of applicants.
    group_b_share : float, default=0.4
        Share of applicants in group B, in (0, 1).
    bias : float, default=1.2
        How much the past decisions held group B back, in standard deviations of the
        suitability score; 0 means the past decisions treated both groups alike.
    proxy_strength : float, default=1.0
        How closely the postcode area follows the group: 0 means both groups live everywhere
        alike (the area is no proxy), 1 means group B lives mostly in areas 3 and 4.
    noise : float, default=0.6
        Spread of the recruiters' judgement around the suitability score (human noise),
        in standard deviations; also the noise on who turns out suitable.
    random_state : None, int or numpy.random.Generator, default=None
        Seed for reproducible data.

    Returns
    -------
    pandas.DataFrame
        One row per applicant, with columns

        - ``experience_years`` (float, 0–20): relevant work experience in years;
        - ``diploma_level`` (int, 2–4): level of the mbo diploma;
        - ``test_score`` (int, 0–100): score on the technical knowledge test;
        - ``postcode_area`` (int, 1–4): the postcode area where the applicant lives;
        - ``group`` (str, ``"A"`` or ``"B"``): only for measuring fairness, never an input;
        - ``suitable`` (bool): turned out suitable for the job (known here because the data
          is made up; in real life you rarely know this for rejected applicants);
        - ``invited`` (bool): the past decision: invited for an interview.

    Examples
    --------
    >>> from smeai.datasets.applicants import make_applicants
    >>> applicants = make_applicants(n_samples=200, random_state=0)
    >>> applicants.shape
    (200, 7)
    >>> rates = applicants.groupby("group").invited.mean()
    >>> bool(rates["B"] < rates["A"])
    True
    """
    import pandas as pd

    n_samples = check_option(n_samples, "n_samples", whole=True, low=1)
    group_b_share = check_option(group_b_share, "group_b_share", low=0, high=1, closed="neither")
    bias = check_option(bias, "bias", low=0, high=5)
    proxy_strength = check_option(proxy_strength, "proxy_strength", low=0, high=1)
    noise = check_option(noise, "noise", low=0, high=3)
    rng = check_random_state(random_state)

    is_b = rng.random(n_samples) < group_b_share
    group = np.where(is_b, "B", "A")
    # where people live: a mix of the group's own pattern and "everyone everywhere alike"
    area = np.empty(n_samples, dtype=int)
    for label, members in (("A", ~is_b), ("B", is_b)):
        shares = proxy_strength * _AREA_SHARES[label] + (1 - proxy_strength) * _UNIFORM_AREAS
        area[members] = rng.choice(np.arange(1, 5), size=int(members.sum()), p=shares)

    # the qualities: the same distributions in both groups
    experience = rng.gamma(2.0, 2.5, n_samples).clip(0, 20).round(1)
    diploma = rng.choice([2, 3, 4], size=n_samples, p=[0.25, 0.45, 0.30])
    test = rng.normal(65, 14, n_samples).clip(0, 100).round(0).astype(int)
    merit = (
        0.8 * (np.minimum(experience, 12) - 4.4) / 3.0
        + 0.6 * (diploma - 3.05) / 0.74
        + 1.0 * (test - 65) / 14
    ) / 1.4  # about mean 0 and spread 1

    suitable = merit + noise * rng.normal(size=n_samples) > 0.0
    # past decisions: the same qualities, the recruiters' noise, and the bias against group B
    judged = merit + noise * rng.normal(size=n_samples) - bias * is_b
    invited = judged > 0.25

    return pd.DataFrame(
        {
            "experience_years": experience,
            "diploma_level": diploma,
            "test_score": test,
            "postcode_area": area,
            "group": group,
            "suitable": suitable,
            "invited": invited,
        }
    )
