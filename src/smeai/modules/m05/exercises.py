"""Module 05's exercises and quiz: groups of webshop customers with k-means, and what to do
with them. The answers come from :mod:`.model`; nothing here loads a widget or a figure."""

from ...exercises.checks import Choice, Close, FunctionCases, Outcome, Property
from ...exercises.core import Exercise
from ...i18n import t
from ...quiz import Question
from .model import K_VALUES, MIN_GROUP_SIZE, N_CUSTOMERS, customers, group_sizes

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "QUIZ", "ASKED_K", "most_groups"]

ASKED_K = 4  # q1 reads group 1 at k = 4, all three columns, scaled


def _group1(k: int = ASKED_K, scaled: bool = True) -> int:
    return group_sizes(k, scaled=scaled)[0]


def most_groups() -> int:
    """The answer of q4: the largest k for which every group has at least ``MIN_GROUP_SIZE``."""
    return max(k for k in K_VALUES if min(group_sizes(k)) >= MIN_GROUP_SIZE)


# -- the numbers the hints and solutions state, from the model -------------------------------------

def _group1_fields() -> dict:
    return {"group1": str(_group1())}


def _ranges_fields() -> dict:
    data = customers()
    return {"orders_min": int(data.orders.min()), "orders_max": int(data.orders.max()),
            "recency_max": int(data.recency_days.max()), "spend_floor": int(data.monetary_eur.max() // 1000 * 1000)}


def _most_groups_fields() -> dict:
    k = most_groups()
    return {"k": str(k), "next_k": k + 1, "next_smallest": min(group_sizes(k + 1))}


def _is_group1_at_other_k(x: float) -> bool:
    return any(abs(x - _group1(k)) < 0.5 for k in K_VALUES if k != ASKED_K)


def _is_other_group_at_k4(x: float) -> bool:
    return any(abs(x - size) < 0.5 for size in group_sizes(ASKED_K)[1:])


# q1: read off the explorer how many customers are in group 1 (highest spend) at k = 4
q1 = Exercise(
    "m05.q1",
    Close(
        _group1,
        tol=0.5,
        mistakes=[
            (lambda x: abs(x - _group1(scaled=False)) < 0.5, ".unscaled"),
            (_is_group1_at_other_k, ".other_k"),
            (_is_other_group_at_k4, ".other_group"),
            (lambda x: abs(x - 100 * _group1() / N_CUSTOMERS) < 0.05, ".percent"),
            (N_CUSTOMERS, ".everyone"),
        ],
    ),
    fields=_group1_fields,
)

_COLUMNS = {
    "recency_days": ["recency", "dagen", "dagen sinds laatste bestelling", "dagen sinds de laatste bestelling", "days", "days since last order", "days since the last order"],
    "orders": ["frequency", "bestellingen", "aantal bestellingen", "bestelling", "orders", "order", "number of orders"],
    "monetary_eur": ["monetary", "besteding", "bestedingen", "euro", "euros", "geld", "omzet", "spend", "spending", "money", "monetary eur"],
}

# q2: switch scaling off; which column then hardly counts? (orders: its numbers are the smallest)
q2 = Exercise("m05.q2", Choice(correct="orders", options=_COLUMNS), fields=_ranges_fields)

# q3: finish the scaling rule: (value - average) / spread. The trainer's extra cases (other
# averages and spreads, so a rule with the example's average typed in fails) live in the
# assignment's hidden test cell, never here.
q3 = Exercise(
    "m05.q3",
    FunctionCases(
        cases=[((200, 100, 50), 2.0), ((100, 100, 50), 0.0), ((25, 100, 50), -1.5)],
        describe=lambda args: t("m05.q3.case", value=args[0], average=args[1], spread=args[2]),
    ),
)


def _good_k(k: float) -> Outcome:
    if k != int(k):
        return Outcome(False, ".not_whole", {"given": k})
    k = int(k)
    if k == 1:
        return Outcome(False, ".one_group", {"given": k})
    if k not in K_VALUES:
        return Outcome(False, ".out_of_range", {"given": k, "low": K_VALUES[0], "high": K_VALUES[-1]})
    sizes = group_sizes(k)
    smallest = min(sizes)
    if smallest < MIN_GROUP_SIZE:
        return Outcome(False, ".too_small", {"given": k, "group": sizes.index(smallest) + 1, "size": smallest, "minimum": MIN_GROUP_SIZE})
    if any(min(group_sizes(bigger)) >= MIN_GROUP_SIZE for bigger in K_VALUES if bigger > k):
        return Outcome(False, ".more_possible", {"given": k, "minimum": MIN_GROUP_SIZE})
    return Outcome(True, ".good", {"given": k, "smallest": smallest, "minimum": MIN_GROUP_SIZE})


# q4: the most groups such that every group has at least 40 customers (a choice, not a fact)
q4 = Exercise("m05.q4", Property(_good_k), fields=_most_groups_fields)

_KINDS = {
    "loyal": ["trouw", "trouwe klant", "trouwe klanten", "vaste klant", "vaste klanten", "grote klant", "grote klanten", "vaste grote klanten", "loyal", "loyal customer", "loyal customers", "big spender", "big spenders", "loyal big spenders"],
    "new": ["nieuw", "nieuwe klant", "nieuwe klanten", "new", "new customer", "new customers", "newcomer", "newcomers"],
    "sleeping": ["slapend", "slapende klant", "slapende klanten", "slaper", "slapers", "sleeping", "sleeping customer", "sleeping customers", "dormant", "sleeper", "sleepers"],
    "bargain": ["koopjesjager", "koopjesjagers", "koopjes", "bargain", "bargain hunter", "bargain hunters", "bargain hunting"],
}

# q5: name group 2 at k = 4 from its averages (many orders, little per order: bargain hunters)
q5 = Exercise("m05.q5", Choice(correct="bargain", options=_KINDS))

_ACTIONS = {
    "thank": ["bedanken", "bedankje", "bedank", "thank", "thank you", "thanks"],
    "welcome": ["welkom", "welkomstmail", "welcome", "welcome mail", "welcome e-mail"],
    "winback": ["terugwinnen", "terug winnen", "wakker maken", "we missen je", "win back", "winback", "wake up", "we miss you"],
    "sale": ["aanbieding", "aanbiedingen", "korting", "uitverkoop", "sale", "offer", "offers", "discount"],
    "remove": ["verwijderen", "weghalen", "schrappen", "remove", "delete"],
}

# q6: which action suits the sleeping customers? (win them back)
q6 = Exercise("m05.q6", Choice(correct="winback", options=_ACTIONS))

QUIZ = (
    Question("m05.quiz1", correct=0),  # what k-means does
    Question("m05.quiz2", correct=1),  # why scale
    Question("m05.quiz3", correct=2),  # k = 4 or k = 5: which is true?
    Question("m05.quiz4", correct=1),  # GDPR: purpose limitation and the right to object
    Question("m05.quiz5", correct=0),  # a segment is no reason to treat people worse
)
