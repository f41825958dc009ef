"""Triage suggestions for petitions: field (three best), level and answering agency.

Pure Python and scikit-learn, no Django models. The model learns from a unit's own past
decisions (`Example`) plus the built-in starting vocabulary (`vocabulary.py`); staff
confirm or correct, the corrections become examples and later suggestions improve.

How a suggestion is made (all on folded text, so "sổ đỏ" and "so do" are the same):

- features: TF-IDF over word 1–2-grams and char_wb 2–5-grams;
- field: a linear SVM (margins → softmax scores) trained on the past examples and on
  the vocabulary phrases (each phrase alone and in small bundles of phrases of one
  field, as synthetic texts), mixed with a keyword score (vocabulary phrases found in
  the text, longer phrases counting more; the unit's decisions re-point a phrase) and
  with the nearest past examples, which weigh more the closer they are — so a
  correction of a near-identical text wins at once;
- level: a logistic regression over the past examples' levels and the level cue
  phrases (the latter weigh little: they are explicit mentions only); a unit that has
  decided no level yet gets a level only when the text mentions one ("Bộ Y tế",
  "tỉnh lộ", "UBND xã"...), otherwise "";
- agency: the nearest past examples that name an agency, plus how often each agency
  answered the fields suggested; nothing when no example names an agency.

`evaluate` measures all of it by k-fold cross-validation.
"""

from __future__ import annotations

import pickle
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.svm import LinearSVC

from dialogue.lib.text import fold
from dialogue.petitions.vocabulary import FIELD_CODES, FIELD_PHRASES, LEVEL_CODES, LEVEL_PHRASES

FALLBACK_FIELD = "khac"
_FORMAT = "doithoai-triage-1"
_WORD_PATTERN = r"(?u)\b\w+\b"
_WORD = re.compile(_WORD_PATTERN)


@dataclass(frozen=True)
class Example:
    """One past decision: the petition's text and what staff confirmed (blank = unknown)."""

    text: str
    field: str = ""
    level: str = ""
    agency: str = ""  # any label, e.g. the answering unit's id as a string


@dataclass(frozen=True)
class Suggestion:
    fields: list[tuple[str, float]]  # three best codes with their scores, best first
    level: str  # "" when nothing is known about levels
    level_score: float
    agencies: list[tuple[str, float]]  # best first; empty when no example names an agency


@dataclass(frozen=True)
class Params:
    """The knobs. Chosen by 5-fold cross-validation on the published petitions, trying a
    few values of each around these; every variant tried scored within a row or two."""

    c_field: float = 0.3  # linear SVM, its margins turned into scores by a softmax
    temperature: float = 3.0
    c_level: float = 3.0  # logistic regression
    level_vocabulary_weight: float = 0.3  # weight of a level cue phrase as a training text
    char_ngrams: tuple[int, int] = (2, 5)
    example_weight: float = 3.0  # a past decision weighs this many vocabulary phrases
    bundles_per_field: int = 40  # synthetic texts of `bundle_size` phrases of one field
    bundle_size: int = 3
    keyword_weight: float = 0.35  # share of the keyword score in the field mix
    keyword_learning: float = 1.0  # a past decision's vote for the phrases in its text
    neighbour_weight: float = 0.5  # share of the nearest past examples, times their similarity
    neighbours: int = 5
    agencies: int = 3
    seed: int = 0


def past_decisions() -> list[Example]:
    """Confirmed triage decisions to learn from besides the vocabulary.

    Filled by the petitions app once it stores confirmed triage decisions (it may
    replace this hook or pass them to `Suggester.train` directly); returns [] here so
    this module stays free of Django models.
    """
    return []


# ---------------------------------------------------------------- helpers


def _words(folded: str) -> list[str]:
    return _WORD.findall(folded)


class _Keywords:
    """Vocabulary phrases found in a text → a score per label.

    A phrase found counts its number of syllables (longer phrases are more specific),
    shared among the labels it points to. It starts by pointing to the label(s) the
    vocabulary lists it under; every past decision whose text contains it adds a vote
    for that decision's label (`learn`), so a unit that files "loa truyền thanh" under
    party work soon has the phrase pointing there. Matching is on whole folded words.
    """

    def __init__(self, phrases: dict[str, Sequence[str]]):
        self.votes: dict[str, dict[str, float]] = defaultdict(dict)
        for label, items in phrases.items():
            for phrase in items:
                key = " ".join(_words(fold(phrase)))
                if key:
                    self.votes[key][label] = 1.0
        self.longest = max((len(k.split()) for k in self.votes), default=0)

    def found(self, folded_text: str) -> set[str]:
        words = _words(folded_text)
        result = set()
        for size in range(1, self.longest + 1):
            for i in range(len(words) - size + 1):
                key = " ".join(words[i : i + size])
                if key in self.votes:
                    result.add(key)
        return result

    def learn(self, folded_text: str, label: str, weight: float) -> None:
        for key in self.found(folded_text):
            self.votes[key][label] = self.votes[key].get(label, 0.0) + weight

    def scores(self, folded_text: str) -> dict[str, float]:
        result: dict[str, float] = defaultdict(float)
        for key in sorted(self.found(folded_text)):
            votes = self.votes[key]
            total = sum(votes.values())
            size = len(key.split())
            for label, vote in votes.items():
                result[label] += size * vote / total
        return dict(result)


def _normalise(scores: dict[str, float]) -> dict[str, float]:
    total = sum(v for v in scores.values() if v > 0)
    return {k: v / total for k, v in scores.items() if v > 0} if total > 0 else {}


def _mix(parts: list[tuple[float, dict[str, float]]]) -> dict[str, float]:
    """Weighted sum of score tables; a table with nothing in it gives its weight to the rest."""
    total = sum(weight for weight, scores in parts if scores)
    mixed: dict[str, float] = defaultdict(float)
    for weight, scores in parts:
        for code, value in scores.items():
            mixed[code] += weight * value / total
    return dict(mixed)


def _vectoriser(char_ngrams: tuple[int, int]) -> tuple[TfidfVectorizer, TfidfVectorizer]:
    word = TfidfVectorizer(analyzer="word", token_pattern=_WORD_PATTERN, ngram_range=(1, 2), sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=char_ngrams, sublinear_tf=True)
    return word, chars


class _Linear:
    """A linear model over weighted texts → a score per label summing to 1.

    `temperature` set: a linear SVM (fast on the thousand-odd vocabulary texts) whose
    margins go through a softmax; otherwise a logistic regression. One label: always it.
    """

    def __init__(self, matrix, labels: list[str], weights: list[float], c: float, seed: int, temperature=None):
        self.classes = sorted(set(labels))
        self.model = None
        self.temperature = temperature
        if len(self.classes) > 1:
            if temperature:
                self.model = LinearSVC(C=c, random_state=seed)
            else:
                self.model = LogisticRegression(C=c, solver="newton-cg", max_iter=1000, random_state=seed)
            self.model.fit(matrix, labels, sample_weight=np.asarray(weights, dtype=float))
            self.classes = [str(c) for c in self.model.classes_]

    def proba(self, row) -> dict[str, float]:
        if not self.classes:
            return {}
        if self.model is None:
            return {self.classes[0]: 1.0}
        if not self.temperature:
            return dict(zip(self.classes, self.model.predict_proba(row)[0].tolist(), strict=True))
        margins = np.atleast_1d(self.model.decision_function(row)[0])
        if len(self.classes) == 2:  # one margin for the second class
            margins = np.array([-margins[0], margins[0]]) / 2
        z = np.exp(self.temperature * (margins - margins.max()))
        return dict(zip(self.classes, (z / z.sum()).tolist(), strict=True))


# ---------------------------------------------------------------- the suggester


class Suggester:
    def __init__(self):
        raise TypeError("use Suggester.train(examples)")

    @classmethod
    def train(
        cls, examples: Iterable[Example], *, use_vocabulary: bool = True, params: Params | None = None
    ) -> Suggester:
        self = cls.__new__(cls)
        p = self.params = params or Params()
        self.use_vocabulary = use_vocabulary
        examples = [e for e in examples if fold(e.text)]
        folded = [fold(e.text) for e in examples]

        # Synthetic texts from the vocabulary: each phrase, and bundles of a field's phrases.
        field_texts: list[str] = []
        field_labels: list[str] = []
        field_weights: list[float] = []
        level_texts: list[str] = []
        level_labels: list[str] = []
        level_weights: list[float] = []
        if use_vocabulary:
            rng = np.random.RandomState(p.seed)
            for code, phrases in FIELD_PHRASES.items():
                items = [fold(x) for x in phrases]
                field_texts += items
                field_labels += [code] * len(items)
                field_weights += [1.0] * len(items)
                for _ in range(p.bundles_per_field):
                    picked = rng.choice(len(items), size=min(p.bundle_size, len(items)), replace=False)
                    field_texts.append(" ".join(items[i] for i in picked))
                    field_labels.append(code)
                    field_weights.append(1.0)
            if p.level_vocabulary_weight:
                for code, phrases in LEVEL_PHRASES.items():
                    items = [fold(x) for x in phrases]
                    level_texts += items
                    level_labels += [code] * len(items)
                    level_weights += [p.level_vocabulary_weight] * len(items)
        for text, example in zip(folded, examples, strict=True):
            if example.field:
                field_texts.append(text)
                field_labels.append(example.field)
                field_weights.append(p.example_weight)
            if example.level:
                level_texts.append(text)
                level_labels.append(example.level)
                level_weights.append(p.example_weight)

        self.word, self.chars = _vectoriser(p.char_ngrams)
        corpus = field_texts + level_texts + folded
        if corpus:
            self.word.fit(corpus)
            self.chars.fit(corpus)
            self.fitted = True
        else:
            self.fitted = False

        self.field_model = _Linear(
            self._matrix(field_texts), field_labels, field_weights, p.c_field, p.seed, temperature=p.temperature
        )
        self.level_model = _Linear(self._matrix(level_texts), level_labels, level_weights, p.c_level, p.seed)
        self.keywords = _Keywords(FIELD_PHRASES) if use_vocabulary else None
        # Until the unit has decided levels, only an explicit mention suggests one.
        self.level_cues = _Keywords(LEVEL_PHRASES) if use_vocabulary else None
        self.levels_learned = any(e.level for e in examples)
        if self.keywords is not None and p.keyword_learning:
            for text, example in zip(folded, examples, strict=True):
                if example.field:
                    self.keywords.learn(text, example.field, p.keyword_learning)

        # Past examples for the neighbour votes and the agency suggestion.
        self.example_matrix = self._matrix(folded)
        self.example_fields = [e.field for e in examples]
        self.example_agencies = [e.agency.strip() for e in examples]
        per_field: dict[str, Counter] = defaultdict(Counter)
        for e in examples:
            if e.field and e.agency.strip():
                per_field[e.field][e.agency.strip()] += 1
        self.agency_by_field = {f: dict(c) for f, c in per_field.items()}

        # A fixed order for ties and padding: the unit's most frequent fields first, then
        # the built-in order, then fields an administrator added.
        counts = Counter(e.field for e in examples if e.field)
        order = {code: i for i, code in enumerate(FIELD_CODES)}
        known = set(FIELD_CODES) | set(counts)
        self.field_order = sorted(known, key=lambda c: (-counts[c], order.get(c, len(order)), c))
        level_counts = Counter(e.level for e in examples if e.level)
        self.level_prior = min(level_counts, key=lambda c: (-level_counts[c], c)) if level_counts else ""
        return self

    def _matrix(self, texts: list[str]):
        if not texts or not self.fitted:
            return sparse.csr_matrix((len(texts), 1))
        return sparse.hstack([self.word.transform(texts), self.chars.transform(texts)]).tocsr()

    # ------------------------------------------------------------ suggest

    def suggest(self, text: str) -> Suggestion:
        folded = fold(text or "")
        if not folded or not self.fitted:
            rest = [c for c in self.field_order if c != FALLBACK_FIELD][:2]
            return Suggestion(
                fields=[(FALLBACK_FIELD, 1.0)] + [(c, 0.0) for c in rest],
                level=self.level_prior,
                level_score=0.0,
                agencies=[],
            )
        row = self._matrix([folded])
        fields = self._field_scores(folded, row)
        ranked = sorted(self.field_order, key=lambda c: -fields.get(c, 0.0))[:3]
        if self.levels_learned or self.level_cues is None:
            level_scores = self.level_model.proba(row)
        else:
            cues = self.level_cues.scores(folded)
            # A mention is a hint, not a decision: two syllables of cue score 0.5.
            strength = sum(cues.values()) / (sum(cues.values()) + 2.0)
            level_scores = {level: share * strength for level, share in _normalise(cues).items()}
        if level_scores:
            level = max(sorted(level_scores), key=lambda c: level_scores[c])
            level_score = level_scores[level]
        else:
            level, level_score = "", 0.0
        return Suggestion(
            fields=[(c, round(float(fields.get(c, 0.0)), 4)) for c in ranked],
            level=level,
            level_score=round(float(level_score), 4),
            agencies=self._agencies(row, fields),
        )

    def _similarities(self, row) -> np.ndarray:
        if self.example_matrix.shape[0] == 0:
            return np.zeros(0)
        # Each half of the feature vector is L2-normalised: halve the dot product for a cosine.
        return np.asarray((self.example_matrix @ row.T).todense()).ravel() / 2.0

    def _field_scores(self, folded: str, row) -> dict[str, float]:
        p = self.params
        parts: list[tuple[float, dict[str, float]]] = [(1.0, self.field_model.proba(row))]
        if self.keywords is not None:
            parts.append((p.keyword_weight, _normalise(self.keywords.scores(folded))))
        sims = self._similarities(row)
        votes: dict[str, float] = defaultdict(float)
        best = 0.0
        for i in np.argsort(-sims, kind="stable")[: p.neighbours]:
            if sims[i] > 0 and self.example_fields[i]:
                votes[self.example_fields[i]] += float(sims[i]) ** 2
                best = max(best, float(sims[i]))
        parts.append((p.neighbour_weight * best, _normalise(votes)))
        return _mix(parts)

    def _agencies(self, row, fields: dict[str, float]) -> list[tuple[str, float]]:
        if not any(self.example_agencies):
            return []
        sims = self._similarities(row)
        scores: dict[str, float] = defaultdict(float)
        near: dict[str, float] = defaultdict(float)
        for i in np.argsort(-sims, kind="stable")[: max(self.params.neighbours, 10)]:
            if sims[i] > 0 and self.example_agencies[i]:
                near[self.example_agencies[i]] += float(sims[i])
        for agency, value in _normalise(near).items():
            scores[agency] += 0.6 * value
        for code, weight in fields.items():
            for agency, value in _normalise(self.agency_by_field.get(code, {})).items():
                scores[agency] += 0.4 * weight * value
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[: self.params.agencies]
        return [(agency, round(value, 4)) for agency, value in ranked if value > 0]

    # ------------------------------------------------------------ cache

    def to_bytes(self) -> bytes:
        return pickle.dumps((_FORMAT, self), protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_bytes(cls, data: bytes) -> Suggester:
        """Load a model cached by `to_bytes` — only ever our own cache, never user input."""
        tag, model = pickle.loads(data)  # noqa: S301 — trusted: written by to_bytes
        if tag != _FORMAT or not isinstance(model, cls):
            raise ValueError("not a triage model of this version")
        return model


# ---------------------------------------------------------------- evaluation


def evaluate(
    examples: Iterable[Example],
    *,
    folds: int = 5,
    seed: int = 0,
    use_vocabulary: bool = True,
    params: Params | None = None,
) -> dict:
    """k-fold cross-validation, stratified by field (plain k-fold when no field allows it).

    Each fold trains on the other folds only and is scored on its own rows: field top-1
    and top-3 over rows with a field, level top-1 over rows with a level.
    """
    rows = [e for e in examples if fold(e.text)]
    labels = [e.field or "?" for e in rows]
    folds = max(2, min(folds, len(rows)))
    with warnings.catch_warnings():
        # Fields rarer than the fold count cannot be spread over every fold; fine.
        warnings.simplefilter("ignore", UserWarning)
        try:
            splits = list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(rows, labels))
        except ValueError:  # every field rarer than the fold count
            splits = list(KFold(n_splits=folds, shuffle=True, random_state=seed).split(rows))
    top1 = top3 = n_field = level_hits = n_level = 0
    for train_idx, test_idx in splits:
        model = Suggester.train([rows[i] for i in train_idx], use_vocabulary=use_vocabulary, params=params)
        for i in test_idx:
            example = rows[i]
            suggestion = model.suggest(example.text)
            codes = [c for c, _ in suggestion.fields]
            if example.field:
                n_field += 1
                top1 += codes[0] == example.field
                top3 += example.field in codes
            if example.level:
                n_level += 1
                level_hits += suggestion.level == example.level
    return {
        "field_top1": top1 / n_field if n_field else 0.0,
        "field_top3": top3 / n_field if n_field else 0.0,
        "level_top1": level_hits / n_level if n_level else 0.0,
        "n": len(rows),
        "n_level": n_level,
        "folds": folds,
    }


def load_jsonl_examples(lines: Iterable[str]) -> list[Example]:
    """Examples from JSON lines with "text" and optional "field", "level", "agency"."""
    import json

    result = []
    for line in lines:
        if line.strip():
            row = json.loads(line)
            result.append(
                Example(
                    text=str(row.get("text") or ""),
                    field=str(row.get("field") or ""),
                    level=str(row.get("level") or ""),
                    agency=str(row.get("agency") or ""),
                )
            )
    return result


__all__ = [
    "FIELD_CODES",
    "LEVEL_CODES",
    "Example",
    "Params",
    "Suggester",
    "Suggestion",
    "evaluate",
    "load_jsonl_examples",
    "past_decisions",
]
