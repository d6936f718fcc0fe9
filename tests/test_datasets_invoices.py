"""make_invoices: shapes, determinism, and the late payers' profile that module 04 teaches."""

import numpy as np
import pandas as pd
import pytest

from smeai.datasets.invoices import PAYMENT_TERMS, SECTORS, make_invoices

COLUMNS = ["invoice_id", "customer", "town", "sector", "amount_eur", "payment_term_days", "month",
           "invoices_before", "late_before", "avg_days_late_before", "paid_late"]


@pytest.fixture(scope="module")
def many():
    """Enough invoices that the profile stands out clearly above the noise."""
    return make_invoices(n_samples=20_000, random_state=0)


def test_shape_columns_types_and_ranges():
    invoices = make_invoices(n_samples=300, random_state=1)
    assert invoices.shape == (300, 11)
    assert list(invoices.columns) == COLUMNS
    assert invoices.paid_late.dtype == bool
    assert set(invoices.sector) <= set(SECTORS)
    assert set(invoices.payment_term_days) <= set(PAYMENT_TERMS)
    assert invoices.month.between(1, 12).all() and invoices.month.is_monotonic_increasing
    assert invoices.amount_eur.between(25, 25_000).all()
    assert (invoices.amount_eur.round(2) == invoices.amount_eur).all()  # whole cents
    assert (invoices.late_before <= invoices.invoices_before).all() and (invoices.late_before >= 0).all()
    assert (invoices.avg_days_late_before >= 0).all()
    assert invoices.invoice_id.is_unique and invoices.invoice_id.iloc[0] == "F24-0001"
    for column in ("payment_term_days", "month", "invoices_before", "late_before"):
        assert pd.api.types.is_integer_dtype(invoices[column]), column


def test_one_invoice_and_the_default_size():
    assert make_invoices(n_samples=1, random_state=0).shape == (1, 11)
    assert len(make_invoices(random_state=0)) == 1000


def test_same_seed_same_data_other_seed_other_data():
    assert make_invoices(n_samples=200, random_state=3).equals(make_invoices(n_samples=200, random_state=3))
    assert not make_invoices(n_samples=200, random_state=3).equals(make_invoices(n_samples=200, random_state=4))
    first = make_invoices(n_samples=50, random_state=np.random.default_rng(7))
    assert first.equals(make_invoices(n_samples=50, random_state=np.random.default_rng(7)))


def test_customers_come_back_with_the_same_sector_and_term():
    invoices = make_invoices(n_samples=2000, n_customers=100, random_state=2)
    per_customer = invoices.groupby(["customer", "town"])
    assert per_customer.ngroups <= 100
    # a customer (name and town) has one sector and one payment term; a few names repeat by chance
    assert (per_customer.sector.nunique() == 1).mean() > 0.95
    assert (per_customer.payment_term_days.nunique() == 1).mean() > 0.95


def test_about_one_invoice_in_four_is_paid_late(many):
    assert 0.20 <= many.paid_late.mean() <= 0.32


def test_history_is_the_strongest_sign(many):
    late_before = many.late_before >= 1
    again = many.paid_late[late_before].mean()
    never = many.paid_late[~late_before & (many.invoices_before > 0)].mean()
    assert again > 2 * never  # late before, late again: much more often
    # the share of earlier invoices paid late says even more than "ever late"
    share = many.late_before / many.invoices_before.replace(0, np.nan)
    mostly_late = many.paid_late[share >= 0.5].mean()
    assert mostly_late > again + 0.1
    # and the more days late, the more often late again
    days = many[many.invoices_before > 0].groupby(pd.qcut(many.avg_days_late_before[many.invoices_before > 0].rank(method="first"), 4)).paid_late.mean()
    assert days.is_monotonic_increasing


def test_new_customers_have_no_history(many):
    new = many[many.invoices_before == 0]
    assert 0.10 <= len(new) / len(many) <= 0.20
    assert (new.late_before == 0).all() and (new.avg_days_late_before == 0).all()


def test_sector_term_amount_and_month_matter(many):
    sector = many.groupby("sector").paid_late.mean()
    assert min(sector.hospitality, sector.construction) > max(sector.retail, sector.care) + 0.05
    assert sector.idxmin() == "services"
    term = many.groupby("payment_term_days").paid_late.mean()
    assert term[14] > term[30] > term[60]
    month = many.groupby("month").paid_late.mean()
    busy = month[[12, 7, 8]].mean()
    quiet = month[[2, 3, 4, 5, 6, 9, 10, 11]].mean()
    assert busy > quiet + 0.05
    big = many.paid_late[many.amount_eur >= 2500].mean()
    small = many.paid_late[many.amount_eur < 500].mean()
    assert big > small + 0.05


def test_a_model_on_all_columns_beats_the_simple_rule():
    """What module 04 relies on: the rule "late before, late again" is a fair first try, and a
    model that also uses sector, term, amount and month does better on unseen invoices."""
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    train = make_invoices(n_samples=4000, random_state=10)
    test = make_invoices(n_samples=2000, random_state=11)
    columns = ColumnTransformer([
        ("c", OneHotEncoder(handle_unknown="ignore"), ["sector", "payment_term_days", "month"]),
        ("n", StandardScaler(), ["amount_eur", "invoices_before", "late_before", "avg_days_late_before"]),
    ])
    model = make_pipeline(columns, LogisticRegression(max_iter=1000)).fit(train, train.paid_late)
    model_auc = roc_auc_score(test.paid_late, model.predict_proba(test)[:, 1])
    rule_auc = roc_auc_score(test.paid_late, test.late_before >= 1)
    assert 0.6 < rule_auc < model_auc - 0.05
    assert model_auc < 0.95  # there is noise: nobody can foresee every late payment


@pytest.mark.parametrize("kwargs", [
    {"n_samples": 0}, {"n_samples": 2.5}, {"n_samples": True}, {"n_customers": 0},
    {"n_customers": "many"}, {"random_state": "seed"},
])
def test_bad_options_are_refused(kwargs):
    with pytest.raises(ValueError):
        make_invoices(**kwargs)
