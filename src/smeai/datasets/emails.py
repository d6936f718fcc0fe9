"""Module 06: e-mails from customers of an installation company with a webshop, in Dutch and English.

Every e-mail is composed from templates: a greeting, one to three sentences typical of its
category (a question, a complaint, an order, an invoice matter), sometimes a side remark that
uses the words of another category (a mixed signal), a closing and a name. Names, order numbers,
invoice numbers, products, places and amounts in euros are filled in at random; a few letters
are typed wrong. The company, De Warmtebron in Apeldoorn, and all people are made up.
"""

from __future__ import annotations

import re

import numpy as np

from ._random import check_option, check_random_state

CATEGORIES = ("question", "complaint", "order", "invoice")
LANGUAGES = ("nl", "en")

_NL = {
    "first": ["Sanne", "Mohamed", "Priya", "Kees", "Fenna", "Yusuf", "Lotte", "Ahmed", "Anouk", "Daan", "Esra", "Ruud",
              "Mirjam", "Joyce", "Wim", "Noor", "Bram", "Fatma", "Gerrit", "Inge", "Jeroen", "Marloes", "Hanneke", "Sven"],
    "last": ["de Vries", "El Amrani", "Ramdin", "Jansen", "Bakker", "Demir", "Visser", "Bouzid", "Smit", "Mulder", "Yilmaz",
             "Kramer", "de Boer", "Pinas", "Postma", "Hendriks", "van Dijk", "Meijer", "Kok", "Brouwer", "Veenstra", "Dekker"],
    "products": ["cv-ketel", "warmtepomp", "thermostaat", "boiler", "airco", "vloerverwarming", "omvormer", "radiator",
                 "mengkraan", "zonneboiler"],
    "heaters": ["cv-ketel", "warmtepomp", "hybride warmtepomp", "boiler"],
    "shop": ["cv-filter", "radiatorknop", "thermostaat", "ontluchtingssleutel", "rookmelder", "koolmonoxidemelder",
             "douchekop", "expansievat", "thermostaatkraan", "pomp voor de vloerverwarming"],
    "places": ["Apeldoorn", "Deventer", "Zutphen", "Epe", "Twello", "Voorst", "Hattem", "Ugchelen", "Beekbergen", "Loenen", "Vaassen"],
    "weekdays": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"],
    "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    "greetings": ["Beste medewerker,", "Geachte heer, mevrouw,", "Hallo,", "Goedemiddag,", "Goedemorgen,", "Beste mensen van De Warmtebron,",
                  "Hoi,", "Beste Fatima,", "Geachte klantenservice,"],
    "closings": ["Met vriendelijke groet,", "Groet,", "Alvast bedankt.\nGroeten,", "Ik hoor graag van u.\nMet vriendelijke groet,",
                 "Bij voorbaat dank,", "Vriendelijke groeten,", "Groetjes,"],
    "subjects": {
        "question": ["Vraag over {product}", "Informatie", "Vraagje", "Levertijd {product}?", "Advies gevraagd", "Onderhoud {product}",
                     "Subsidie?", "Vraag", "Openingstijden"],
        "complaint": ["Klacht", "Slechte service", "{product} kapot", "Nog steeds niet opgelost!", "Ontevreden", "Klacht over monteur",
                      "Beschadigd pakket", "Weer hetzelfde probleem"],
        "order": ["Bestelling", "Nieuwe bestelling", "Bestelling {shop}", "Bestelling {order}", "Graag bestellen", "Order webwinkel",
                  "Offerte akkoord", "Reservering {shop}"],
        "invoice": ["Factuur {invoice}", "Betaling", "Vraag over factuur {invoice}", "Herinnering onterecht", "Creditnota",
                    "Factuur klopt niet", "Betalen in termijnen"],
    },
    "urgent_subjects": ["SPOED: geen verwarming", "Dringend! Lekkage", "Geen warm water", "Spoed"],
    "sentences": {
        "question": [
            "Kunt u mij vertellen hoe lang de levertijd is van een {product}?",
            "Ik wil graag weten of u ook in {place} werkt.",
            "Hoe vaak moet een {product} een onderhoudsbeurt krijgen?",
            "Geeft u ook advies over subsidie voor een {product}?",
            "Wat zijn uw openingstijden op zaterdag?",
            "Is een {product} geschikt voor een oud huis uit de jaren dertig?",
            "Kan ik een afspraak maken voor een adviesgesprek bij mij thuis?",
            "Werkt de {product} ook samen met mijn slimme meter?",
            "Heeft u een handleiding van de {product}? Ik kan hem niet meer vinden.",
            "Hoeveel kost het ongeveer om een {product} te laten plaatsen?",
            "Ik heb een vraag over mijn bestelling {order}: wanneer wordt die geleverd?",
            "Is het verstandig om eerst de isolatie te verbeteren en daarna pas een {heater} te nemen?",
            "Hoe lang gaat een {product} gemiddeld mee?",
            "Mag ik zelf de {product} ontluchten, of moet een monteur dat doen?",
        ],
        "complaint": [
            "De {product} die u vorige week heeft geplaatst, doet het nu al niet meer.",
            "Ik ben erg ontevreden over de service.",
            "De monteur zou op {weekday} komen, maar er is niemand gekomen.",
            "Het pakket met de {shop} kwam beschadigd aan.",
            "Niemand belt mij terug, terwijl ik al drie keer heb gebeld.",
            "De {product} maakt sinds de reparatie een hard, piepend geluid.",
            "Dit is de tweede keer dat het misgaat. Ik wil dat dit nu wordt opgelost.",
            "Mijn bestelling {order} is na twee weken nog steeds niet geleverd. Dit is echt slecht.",
            "De monteur heeft modder op de vloer achtergelaten en is zonder iets te zeggen vertrokken.",
            "Ik ben het niet eens met de manier waarop mijn klacht is behandeld.",
            "De {product} werkt slecht en de monteur kon het probleem niet vinden.",
            "Ik voel me niet serieus genomen door uw medewerkers.",
        ],
        "order": [
            "Ik wil graag {qty} stuks bestellen van de {shop}.",
            "Kunt u een {shop} voor mij reserveren? Ik haal hem {weekday} op.",
            "Graag bestel ik de {shop} uit uw webwinkel, artikelnummer {sku}.",
            "Wilt u de bestelling bezorgen op ons adres in {place}?",
            "Ik wil mijn bestelling {order} aanvullen met een {shop}.",
            "Is de {shop} op voorraad? Dan bestel ik er direct {qty}.",
            "Hierbij ga ik akkoord met de offerte. U mag de {product} bestellen en plaatsen.",
            "Ik wil bestelling {order} graag wijzigen: in plaats van een {shop} wil ik er {qty}.",
            "Voor ons kantoor bestellen we {qty} keer de {shop}. Levering graag voor {weekday}.",
            "Kunt u de {shop} naar mijn werkadres sturen? Ik betaal bij het ophalen.",
            "Ik heb net in de webwinkel besteld, maar ik wil er nog een {shop} bij.",
        ],
        "invoice": [
            "Op factuur {invoice} staat een bedrag van {amount}, maar de offerte was lager.",
            "Ik heb factuur {invoice} al betaald op {date}. Toch kreeg ik een herinnering.",
            "Kunt u de factuur op naam van mijn bedrijf zetten? Ons KvK-nummer stuur ik mee.",
            "Ik heb de factuur voor de klus van {date} nog niet ontvangen.",
            "Mag ik het bedrag van {amount} in termijnen betalen?",
            "Het btw-bedrag op factuur {invoice} lijkt niet te kloppen.",
            "Wilt u een creditfactuur sturen voor de teruggestuurde {shop}?",
            "Op welk rekeningnummer kan ik het bedrag van {amount} overmaken?",
            "De factuur is twee keer verstuurd. Welke moet ik betalen?",
            "Ik heb een vraag over factuur {invoice}: waarom staan er drie uur arbeid op?",
            "Er staat {fee} op de rekening voor het voorrijden. Dat lijkt me te veel.",
            "Kunt u factuur {invoice} opnieuw sturen? Ik kan de bijlage niet openen.",
        ],
    },
    "urgent": [
        "We hebben al {days} dagen geen warm water.",
        "Het huis is koud en de verwarming doet het niet. We hebben een baby.",
        "Er lekt water onder de {heater}, het loopt over de vloer.",
        "Ik ruik een gaslucht bij de ketel. Wat moet ik doen?",
        "De {heater} geeft een foutcode en valt steeds uit. Mijn moeder van 85 zit in de kou.",
        "De {heater} die ik bij u heb besteld en laten plaatsen, doet het niet. We zitten in de kou.",
        "De factuur heb ik al betaald, maar de {heater} werkt nog steeds niet. We hebben geen warm water.",
    ],
    "generic_subjects": ["Re: uw e-mail", "Contact", "Hallo", "Mijn adres in {place}", "Bericht van {first}", "Vraag en opmerking",
                         "Fwd: De Warmtebron", "Even iets anders"],
    "neutral": ["Ik woon in {place}.", "U kunt mij bellen op 06-{phone}.", "Mijn klantnummer is K{customer}.",
                "Ik ben overdag thuis.", "Ik wacht op uw antwoord.", "Dank u wel voor de moeite."],
    # sentences that fit two categories: a person could sort them either way
    "shared": {
        ("question", "complaint"): ["Wanneer komt de monteur nu eigenlijk?", "Mijn bestelling {order} is nog niet binnen. Hoe kan dat?",
                                    "Waarom heeft niemand mij teruggebeld?"],
        ("question", "order"): ["Heeft u de {shop} op voorraad?", "Kan ik de {shop} ook in de winkel ophalen?",
                                "Hoe lang duurt het voordat een {shop} geleverd wordt?"],
        ("question", "invoice"): ["Hoe kan ik het beste betalen?", "Moet ik de factuur van {date} nog betalen?",
                                  "Kan ik met een creditcard betalen?"],
        ("complaint", "invoice"): ["De rekening is veel hoger dan afgesproken. Daar ben ik niet blij mee.",
                                   "Ik heb een herinnering gekregen, terwijl ik al lang betaald heb. Erg vervelend.",
                                   "Er staan uren op de factuur die de monteur niet heeft gewerkt."],
        ("complaint", "order"): ["Ik heb de verkeerde {shop} gekregen.", "Er ontbreekt een {shop} in het pakket."],
        ("order", "invoice"): ["Kunt u de bestelling op rekening leveren? De factuur graag op naam van ons bedrijf.",
                               "Ik betaal de bestelling liever achteraf, via een factuur."],
    },
    "asides": {
        "question": ["Trouwens, ik heb nog een vraag over de levertijd.", "Kunt u mij ook vertellen wat uw openingstijden zijn?",
                     "Mag ik nog iets vragen over onderhoud?"],
        "complaint": ["Vorige keer ging de bezorging mis, dus let u goed op.", "Ik was niet blij met de vorige monteur.",
                      "Eerlijk gezegd ben ik over het vorige bezoek niet tevreden."],
        "order": ["Ik heb eerder bij u besteld in de webwinkel.", "Mijn vorige bestelling was snel geleverd.",
                  "Misschien bestel ik later nog een {shop}."],
        "invoice": ["De vorige factuur heb ik al betaald.", "Stuur de factuur graag naar mijn e-mailadres.",
                    "Het bedrag van de vorige rekening klopte wel."],
    },
}

_EN = {
    "first": ["Emma", "Tom", "Anna", "James", "Sofia", "Liam", "Grace", "Daniel", "Olivia", "Lucas", "Hannah", "Ravi",
              "Chloe", "Marco", "Ewa", "Samuel"],
    "last": ["Clarke", "Walsh", "Kowalski", "O'Brien", "Rossi", "Murphy", "Chen", "Novak", "Brown", "Martin", "Schmidt", "Patel",
             "Fischer", "Taylor", "Nowak", "Evans"],
    "products": ["boiler", "heat pump", "thermostat", "water heater", "air conditioner", "underfloor heating", "inverter",
                 "radiator", "mixer tap", "solar water heater"],
    "heaters": ["boiler", "heat pump", "hybrid heat pump", "water heater"],
    "shop": ["boiler filter", "radiator valve", "thermostat", "bleed key", "smoke alarm", "carbon monoxide alarm", "shower head",
             "expansion vessel", "thermostatic valve", "pump for the underfloor heating"],
    "places": ["Apeldoorn", "Deventer", "Zutphen", "Epe", "Twello", "Voorst", "Hattem", "Ugchelen", "Beekbergen", "Loenen", "Vaassen"],
    "weekdays": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "greetings": ["Dear Sir or Madam,", "Hello,", "Hi,", "Good afternoon,", "Good morning,", "Dear De Warmtebron team,", "Dear Fatima,",
                  "Dear customer service,"],
    "closings": ["Kind regards,", "Best regards,", "Thanks in advance.\nRegards,", "I look forward to hearing from you.\nKind regards,",
                 "Many thanks,", "Best wishes,", "Cheers,"],
    "subjects": {
        "question": ["Question about {product}", "Information", "Quick question", "Delivery time {product}?", "Advice needed",
                     "Maintenance {product}", "Subsidy?", "Question", "Opening hours"],
        "complaint": ["Complaint", "Poor service", "{product} broken", "Still not solved!", "Unhappy", "Complaint about engineer",
                      "Damaged parcel", "Same problem again"],
        "order": ["Order", "New order", "Order {shop}", "Order {order}", "I would like to order", "Webshop order", "Quote accepted",
                  "Reservation {shop}"],
        "invoice": ["Invoice {invoice}", "Payment", "Question about invoice {invoice}", "Reminder sent by mistake", "Credit note",
                    "Invoice is wrong", "Paying in instalments"],
    },
    "urgent_subjects": ["URGENT: no heating", "Urgent! Leak", "No hot water", "Urgent"],
    "sentences": {
        "question": [
            "Could you tell me the delivery time of a {product}?",
            "I would like to know if you also work in {place}.",
            "How often does a {product} need a service?",
            "Do you also give advice about a subsidy for a {product}?",
            "What are your opening hours on Saturday?",
            "Is a {product} suitable for an old house from the thirties?",
            "Can I make an appointment for advice at my home?",
            "Does the {product} work with my smart meter?",
            "Do you have a manual for the {product}? I cannot find it any more.",
            "Roughly how much does it cost to have a {product} fitted?",
            "I have a question about my order {order}: when will it be delivered?",
            "Is it wise to improve the insulation first and only then get a {heater}?",
            "How long does a {product} usually last?",
            "May I bleed the {product} myself, or should an engineer do that?",
        ],
        "complaint": [
            "The {product} you fitted last week has already stopped working.",
            "I am very unhappy with the service.",
            "The engineer was supposed to come on {weekday}, but nobody came.",
            "The parcel with the {shop} arrived damaged.",
            "Nobody calls me back, although I have called three times.",
            "Since the repair the {product} makes a loud, squeaking noise.",
            "This is the second time it goes wrong. I want this solved now.",
            "My order {order} has still not been delivered after two weeks. This is really bad.",
            "The engineer left mud on the floor and went away without a word.",
            "I do not agree with the way my complaint was handled.",
            "The {product} works badly and the engineer could not find the problem.",
            "I do not feel taken seriously by your staff.",
        ],
        "order": [
            "I would like to order {qty} pieces of the {shop}.",
            "Could you reserve a {shop} for me? I will collect it on {weekday}.",
            "I would like to order the {shop} from your webshop, item number {sku}.",
            "Could you deliver the order to our address in {place}?",
            "I would like to add a {shop} to my order {order}.",
            "Is the {shop} in stock? Then I will order {qty} straight away.",
            "I hereby accept the quote. You may order and fit the {product}.",
            "I would like to change order {order}: instead of one {shop} I want {qty}.",
            "For our office we are ordering the {shop} {qty} times. Please deliver before {weekday}.",
            "Could you send the {shop} to my work address? I will pay on collection.",
            "I have just ordered in the webshop, but I would like to add a {shop}.",
        ],
        "invoice": [
            "Invoice {invoice} shows an amount of {amount}, but the quote was lower.",
            "I already paid invoice {invoice} on {date}. Still I got a reminder.",
            "Could you put the invoice in the name of my company? I will send our Chamber of Commerce number.",
            "I have not yet received the invoice for the job of {date}.",
            "May I pay the amount of {amount} in instalments?",
            "The VAT amount on invoice {invoice} does not seem right.",
            "Could you send a credit note for the {shop} I returned?",
            "To which account number can I transfer the amount of {amount}?",
            "The invoice was sent twice. Which one should I pay?",
            "I have a question about invoice {invoice}: why does it show three hours of labour?",
            "The bill shows {fee} for the call-out. That seems too much to me.",
            "Could you send invoice {invoice} again? I cannot open the attachment.",
        ],
    },
    "urgent": [
        "We have had no hot water for {days} days.",
        "The house is cold and the heating does not work. We have a baby.",
        "Water is leaking under the {heater} and running across the floor.",
        "I smell gas near the boiler. What should I do?",
        "The {heater} shows an error code and keeps switching off. My mother of 85 is in the cold.",
        "The {heater} I ordered from you and had fitted does not work. We are sitting in the cold.",
        "I have paid the invoice, but the {heater} still does not work. We have no hot water.",
    ],
    "generic_subjects": ["Re: your e-mail", "Contact", "Hello", "My address in {place}", "Message from {first}", "Question and remark",
                         "Fwd: De Warmtebron", "Something else"],
    "neutral": ["I live in {place}.", "You can call me on 06-{phone}.", "My customer number is K{customer}.",
                "I am at home during the day.", "I am waiting for your reply.", "Thank you for your trouble."],
    # sentences that fit two categories: a person could sort them either way
    "shared": {
        ("question", "complaint"): ["When is the engineer actually coming?", "My order {order} has not arrived yet. How is that possible?",
                                    "Why has nobody called me back?"],
        ("question", "order"): ["Do you have the {shop} in stock?", "Can I also collect the {shop} in the shop?",
                                "How long does it take before a {shop} is delivered?"],
        ("question", "invoice"): ["What is the best way to pay?", "Do I still have to pay the invoice of {date}?",
                                  "Can I pay by credit card?"],
        ("complaint", "invoice"): ["The bill is much higher than agreed. I am not happy about that.",
                                   "I got a reminder, although I paid long ago. Very annoying.",
                                   "The invoice shows hours that the engineer did not work."],
        ("complaint", "order"): ["I received the wrong {shop}.", "A {shop} is missing from the parcel."],
        ("order", "invoice"): ["Could you deliver the order on account? Please put the invoice in the name of our company.",
                               "I would rather pay for the order afterwards, with an invoice."],
    },
    "asides": {
        "question": ["By the way, I also have a question about the delivery time.", "Could you also tell me your opening hours?",
                     "May I ask something else about maintenance?"],
        "complaint": ["Last time the delivery went wrong, so please take care.", "I was not happy with the previous engineer.",
                      "To be honest I am not satisfied with the last visit."],
        "order": ["I have ordered from your webshop before.", "My previous order was delivered quickly.",
                  "Maybe I will order another {shop} later."],
        "invoice": ["I have already paid the previous invoice.", "Please send the invoice to my e-mail address.",
                    "The amount of the previous bill was correct."],
    },
}

_VOCAB = {"nl": _NL, "en": _EN}
_WORD = re.compile(r"[^\W\d_]{4,}")


def make_emails(n_samples: int = 200, *, english_share: float = 0.3, mixed_signals: float = 0.2, typo_rate: float = 0.02,
                random_state=None):
    """Customer e-mails to an installation company with a webshop, in Dutch and English.

    De Warmtebron in Apeldoorn fits and services boilers and heat pumps and sells parts in a
    webshop. Its info mailbox gets four kinds of e-mail: questions, complaints, orders and
    invoice matters, in equal numbers. Each e-mail has a subject, a greeting, one to three
    sentences typical of its category, a closing and the sender's name, with names, order and
    invoice numbers, products, places and amounts in euros filled in. About a third of the
    complaints are urgent (no heating, a leak, a smell of gas).

    Two kinds of noise make sorting realistic but not perfect: ``mixed_signals`` of the
    e-mails get a side remark with words of another category ("the previous invoice I have
    already paid" in an order), and some sentences themselves borrow words of another category
    ("I have a question about invoice F-250412" is an invoice matter). ``typo_rate`` of the
    longer words are typed wrong.

    Parameters
    ----------
    n_samples : int, default=200
        Number of e-mails. The four categories differ in number by at most one.
    english_share : float, default=0.3
        Share of e-mails written in English (the rest is Dutch).
    mixed_signals : float, default=0.2
        Share of e-mails with a side remark that uses the words of another category.
    typo_rate : float, default=0.02
        Share of words of four letters or more with a typing error (a swapped, dropped or
        doubled letter).
    random_state : None, int or numpy.random.Generator, default=None
        Seed for reproducible e-mails.

    Returns
    -------
    pandas.DataFrame
        One row per e-mail, columns ``sender`` (str), ``subject`` (str), ``body`` (str, with
        line breaks), ``language`` ("nl" or "en"), ``category`` ("question", "complaint",
        "order" or "invoice") and ``urgent`` (bool, True only for some complaints).

    Examples
    --------
    >>> from smeai.datasets.emails import make_emails
    >>> emails = make_emails(n_samples=8, random_state=0)
    >>> emails.shape
    (8, 6)
    >>> list(emails.columns)
    ['sender', 'subject', 'body', 'language', 'category', 'urgent']
    >>> sorted(emails.category.value_counts().to_dict().items())
    [('complaint', 2), ('invoice', 2), ('order', 2), ('question', 2)]
    """
    import pandas as pd

    n_samples = check_option(n_samples, "n_samples", whole=True, low=1)
    english_share = check_option(english_share, "english_share", low=0, high=1)
    mixed_signals = check_option(mixed_signals, "mixed_signals", low=0, high=1)
    typo_rate = check_option(typo_rate, "typo_rate", low=0, high=0.3)
    rng = check_random_state(random_state)

    categories = np.resize(np.array(CATEGORIES), n_samples)
    rng.shuffle(categories)
    rows = [_email(str(category), rng, english_share, mixed_signals, typo_rate) for category in categories]
    return pd.DataFrame(rows, columns=["sender", "subject", "body", "language", "category", "urgent"])


def _pick(rng, options):
    return options[int(rng.integers(len(options)))]


def _amount(rng, lang: str) -> str:
    low, high = ((45, 400), (400, 2500), (2500, 12000))[int(rng.integers(3))]
    return _euros(round(float(rng.uniform(low, high)), 2), lang)


def _euros(value: float, lang: str) -> str:
    """``€ 1.249,50`` in Dutch, ``€1,249.50`` in English."""
    text = f"{value:,.2f}"
    if lang == "nl":
        return "€ " + text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return "€" + text


def _slots(rng, lang: str) -> dict:
    vocab = _VOCAB[lang]
    day, month = int(rng.integers(1, 29)), _pick(rng, vocab["months"])
    return {
        "product": _pick(rng, vocab["products"]),
        "shop": _pick(rng, vocab["shop"]),
        "place": _pick(rng, vocab["places"]),
        "weekday": _pick(rng, vocab["weekdays"]),
        "order": f"WB-{int(rng.integers(10000, 99999))}",
        "invoice": f"F-{int(rng.integers(24, 26))}{int(rng.integers(1, 9999)):04d}",
        "sku": str(int(rng.integers(100000, 999999))),
        "heater": _pick(rng, vocab["heaters"]),
        "amount": _amount(rng, lang),
        "fee": _euros(float(rng.integers(60, 150)), lang),
        "date": f"{day} {month}",
        "qty": str(int(rng.integers(2, 7))),
        "phone": f"{int(rng.integers(10000000, 99999999))}",
        "customer": f"{int(rng.integers(1000, 9999))}",
        "first": _pick(rng, vocab["first"]),
        "days": str(int(rng.integers(2, 5))),
    }


def _typo(match, rng, rate):
    word = match.group(0)
    if rng.random() >= rate:
        return word
    i = int(rng.integers(1, len(word) - 1))
    kind = int(rng.integers(3))
    if kind == 0:  # two letters swapped
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:  # a letter dropped
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]  # a letter doubled


def _email(category: str, rng, english_share: float, mixed_signals: float, typo_rate: float) -> tuple:
    lang = "en" if rng.random() < english_share else "nl"
    vocab = _VOCAB[lang]
    slots = _slots(rng, lang)
    sender = f"{_pick(rng, vocab['first'])} {_pick(rng, vocab['last'])}"

    pool = list(vocab["sentences"][category])
    for pair, shared in vocab["shared"].items():
        if category in pair:
            pool += shared
    count = int(rng.choice([1, 1, 2, 2, 3]))
    chosen = [pool[i] for i in rng.choice(len(pool), size=count, replace=False)]
    urgent = category == "complaint" and rng.random() < 0.35
    if urgent:
        chosen.insert(0, _pick(rng, vocab["urgent"]))
    if rng.random() < mixed_signals:
        # a side remark, or a whole sentence, with the words of another category
        other = _pick(rng, [c for c in CATEGORIES if c != category])
        remark = _pick(rng, vocab["asides"][other] if rng.random() < 0.5 else vocab["sentences"][other])
        chosen.insert(int(rng.integers(len(chosen) + 1)), remark)
    if rng.random() < 0.4:
        chosen.insert(int(rng.integers(len(chosen) + 1)), _pick(rng, vocab["neutral"]))
    sentences = " ".join(sentence.format(**slots) for sentence in chosen)
    if typo_rate:
        sentences = _WORD.sub(lambda m: _typo(m, rng, typo_rate), sentences)

    if urgent and rng.random() < 0.6:
        subjects = vocab["urgent_subjects"]
    else:
        subjects = vocab["generic_subjects"] if rng.random() < 0.3 else vocab["subjects"][category]
    subject = _pick(rng, subjects).format(**slots)
    subject = subject[0].upper() + subject[1:]
    body = f"{_pick(rng, vocab['greetings'])}\n\n{sentences}\n\n{_pick(rng, vocab['closings'])}\n{sender}"
    return sender, subject, body, lang, category, bool(urgent)
