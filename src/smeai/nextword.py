"""A tiny next-word model: how generative AI makes text, small enough to read in one sitting.

The model counts, in a short text, which word follows which. To write, it looks at the last
word (or the last two words), picks a next word by chance in proportion to those counts, and
repeats. The *temperature* changes the chances: below 1 the likeliest word wins more often,
above 1 rare words get more of a chance. Large chatbots do the same thing at a vastly bigger
scale; like this model, they choose words that *fit*, not words that are checked to be *true*.

The model is plain Python and numpy, trained once per language on a text shipped with the
package (``smeai/data/nextword-<lang>.txt``) and cached; generating only samples.

Examples
--------
>>> from smeai.nextword import NextWordModel
>>> model = NextWordModel("The engineer comes today. The engineer calls first.")
>>> model.counts_after("the engineer")
[('comes', 1), ('calls', 1)]
>>> model.generate("the engineer", n_words=3, random_state=0).text
'The engineer calls first.'
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from .datasets._random import check_random_state

# words (with inner hyphens or apostrophes: cv-ketel, call-out), numbers, and punctuation marks
TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+(?:[.,]\d+)*|[.,!?;:]")
SENTENCE_END = frozenset(".!?")
PUNCTUATION = frozenset(".,!?;:")
START = "."  # the context at the start of a text: "after the end of a sentence"
MAX_CONTEXT = 2  # the model looks back one word (a bigram model) or two (a trigram model)


def tokenize(text: str) -> list[str]:
    """The words and punctuation marks of ``text``, in lower case."""
    return [token.lower() for token in TOKEN.findall(str(text))]


@dataclass
class Generation:
    """A generated text: the start words, the words the model added, and what it did not know."""

    start: list[str]
    added: list[str]
    unknown: list[str] = field(default_factory=list)  # start words the model never saw
    text: str = ""

    @property
    def tokens(self) -> list[str]:
        return self.start + self.added


class NextWordModel:
    """Counts of which word follows which one or two words in a text.

    Parameters
    ----------
    text : str
        The training text. Lines starting with ``#`` are comments and are skipped.
    """

    def __init__(self, text: str):
        lines = [line for line in str(text).splitlines() if not line.lstrip().startswith("#")]
        original = TOKEN.findall("\n".join(lines))
        tokens = [token.lower() for token in original]
        if not any(token not in PUNCTUATION for token in tokens):
            raise ValueError("the training text has no words")
        if tokens[-1] not in SENTENCE_END:
            tokens.append(".")
        self.tokens = tokens
        # how each word is usually written (Apeldoorn, Fatima, I), to write generated text back
        # (a capital at the start of a sentence says nothing, so those are not counted)
        forms: dict[str, Counter] = defaultdict(Counter)
        for i, form in enumerate(original):
            if i > 0 and original[i - 1] not in SENTENCE_END:
                forms[form.lower()][form] += 1
        self._casing = {word: counter.most_common(1)[0][0] for word, counter in forms.items()}
        # counts[k][context of k words] = Counter of next words, in the order they first appear
        self._counts: dict[int, dict[tuple, Counter]] = {k: defaultdict(Counter) for k in range(1, MAX_CONTEXT + 1)}
        padded = [START] + tokens
        for i in range(1, len(padded)):
            for k in range(1, MAX_CONTEXT + 1):
                if i - k >= 0:
                    self._counts[k][tuple(padded[i - k:i])][padded[i]] += 1
        self.vocabulary = frozenset(tokens)
        self._sentences = {tuple(s) for s in _sentences(tokens)}

    # -- what the model learned ----------------------------------------------------------------
    def _lookup(self, words: list[str], context: int) -> tuple[tuple, Counter]:
        """The longest context of at most ``context`` words that the model has seen (backing
        off to fewer words, and finally to a sentence start), with its next-word counts."""
        history = [START] + [w for w in words]
        for k in range(min(context, MAX_CONTEXT), 0, -1):
            key = tuple(history[-k:])
            if len(key) == k and key in self._counts[k]:
                return key, self._counts[k][key]
        return (START,), self._counts[1][(START,)]

    def counts_after(self, start: str | list[str], *, context: int = 1) -> list[tuple[str, int]]:
        """How often each word followed the last ``context`` words of ``start`` in the text,
        most frequent first (ties in the order the text has them). Empty if never seen."""
        words = tokenize(start) if isinstance(start, str) else list(start)
        _check_context(context)
        if not words:
            key = (START,)
        else:
            key = tuple(([START] + words)[-context:])
        counter = self._counts[len(key)].get(key)
        if counter is None:
            return []
        order = {word: i for i, word in enumerate(counter)}
        return sorted(counter.items(), key=lambda pair: (-pair[1], order[pair[0]]))

    def probabilities(self, start: str | list[str], *, temperature: float = 1.0, context: int = 1) -> list[tuple[str, float]]:
        """The chance of each next word after ``start``, most likely first.

        With temperature ``T`` a word seen ``n`` times gets weight ``n ** (1 / T)``: at 1 the
        chances are the plain shares of the counts; lower makes the likeliest word likelier,
        higher evens the chances out.
        """
        _check_temperature(temperature)
        _check_context(context)
        words = tokenize(start) if isinstance(start, str) else list(start)
        _, counter = self._lookup(words, context)
        return _with_temperature(counter, temperature)

    # -- writing ----------------------------------------------------------------------------------
    def generate(self, start: str = "", *, n_words: int = 20, temperature: float = 1.0, context: int = 1, random_state=None) -> Generation:
        """Add ``n_words`` words (punctuation marks count as words) after ``start``.

        Each next word is drawn at random with :meth:`probabilities`. The same
        ``random_state`` with the same settings gives the same text.
        """
        _check_temperature(temperature)
        _check_context(context)
        if isinstance(n_words, bool) or not isinstance(n_words, (int, np.integer)) or n_words < 0:
            raise ValueError(f"n_words must be a whole number of at least 0, not {n_words!r}")
        rng = check_random_state(random_state)
        start_tokens = tokenize(start)
        unknown = [w for w in start_tokens if w not in self.vocabulary]
        history = list(start_tokens)
        added: list[str] = []
        if history and history[-1] not in self.vocabulary and n_words:
            # after a word it never saw, the model knows nothing: it can only start a new sentence
            added.append(START)
            history.append(START)
        while len(added) < n_words:
            options = self._lookup(history, context)[1]
            choices = _with_temperature(options, temperature)
            pick = rng.choice(len(choices), p=[p for _, p in choices])
            added.append(choices[pick][0])
            history.append(added[-1])
        generation = Generation(start_tokens, added, unknown)
        generation.text = self.detokenize(generation.tokens)
        return generation

    def detokenize(self, tokens: list[str]) -> str:
        """Tokens back to readable text: usual capitals, a capital after a full stop, and
        punctuation against the word before it."""
        text = ""
        capital = True
        for token in tokens:
            word = self._casing.get(token, token)
            if capital and word[:1].isalpha():
                word = word[0].upper() + word[1:]
            if token in PUNCTUATION:
                text = text.rstrip() + word + " "
            else:
                text += word + " "
            if token in SENTENCE_END:
                capital = True
            elif token not in PUNCTUATION:
                capital = False
        return text.strip()

    def sentences_seen(self, tokens: list[str]) -> list[tuple[str, bool]]:
        """Each complete sentence in ``tokens``, and whether it stands word for word in the
        training text (a new sentence is stitched together from pieces)."""
        return [(self.detokenize(list(s)), tuple(s) in self._sentences) for s in _sentences(tokens) if s[-1] in SENTENCE_END]


def _sentences(tokens: list[str]) -> list[list[str]]:
    sentences, current = [], []
    for token in tokens:
        current.append(token)
        if token in SENTENCE_END:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def _with_temperature(counter: Counter, temperature: float) -> list[tuple[str, float]]:
    order = {word: i for i, word in enumerate(counter)}
    words = sorted(counter, key=lambda w: (-counter[w], order[w]))
    logs = np.array([math.log(counter[w]) for w in words]) / temperature
    weights = np.exp(logs - logs.max())
    weights /= weights.sum()
    return list(zip(words, weights.tolist()))


def _check_temperature(temperature) -> None:
    if isinstance(temperature, bool) or not isinstance(temperature, (int, float, np.number)) or not math.isfinite(temperature) or temperature <= 0:
        raise ValueError(f"temperature must be a number above 0, not {temperature!r}")


def _check_context(context) -> None:
    if context not in range(1, MAX_CONTEXT + 1) or isinstance(context, bool):
        raise ValueError(f"context must be 1 or {MAX_CONTEXT} words, not {context!r}")


def training_text(lang: str) -> str:
    """The short text shipped for ``lang`` ("nl" or "en"), comments included."""
    from importlib import resources

    if lang not in ("nl", "en"):
        raise ValueError(f"lang must be 'nl' or 'en', not {lang!r}")
    return (resources.files("smeai") / "data" / f"nextword-{lang}.txt").read_text(encoding="utf-8")


@cache
def load(lang: str) -> NextWordModel:
    """The model for ``lang``, trained once on the shipped text and then kept."""
    return NextWordModel(training_text(lang))
