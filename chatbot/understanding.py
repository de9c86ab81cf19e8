"""Understand a typed answer: understood when clear, unclear (with the closest options) when not.

Never guesses: an answer that could mean two things is UNCLEAR, and the app asks again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process, utils

from .content import ContentPack
from .engine import AnswerValue
from .models import UNSURE, Question, QuestionKind


class Status(StrEnum):
    UNDERSTOOD = "understood"
    UNCLEAR = "unclear"
    OUT_OF_RANGE = "out_of_range"


@dataclass(frozen=True)
class Interpretation:
    """What a typed answer was understood as, how sure, and why."""

    status: Status
    value: AnswerValue | None
    confidence: float
    reason: str
    suggestions: tuple[str, ...] = ()
    """Answer values closest to what was typed, for "Did you mean ...?"."""


def normalise(text: str) -> str:
    """NFKC, lower case, punctuation and control characters to spaces, spaces folded."""
    return utils.default_process(unicodedata.normalize("NFKC", text))


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_CUTOFF = 85.0


class Understanding:
    """Interprets typed answers for one content pack."""

    def __init__(self, pack: ContentPack) -> None:
        self.pack = pack
        self._vocab: dict[tuple[str, str], dict[str, str]] = {}
        for lang in pack.languages:
            for question in pack.questions:
                self._vocab[(lang, question.id)] = self._build_vocab(question, lang)

    def _build_vocab(self, question: Question, lang: str) -> dict[str, str]:
        """phrase -> answer value, for one question in one language."""
        words = self.pack.words[lang]
        vocab: dict[str, str] = {}
        if question.kind is QuestionKind.YES_NO:
            for value in question.answer_values():
                for phrase in words.answers.get(value, []):  # type: ignore[call-overload]
                    vocab[normalise(phrase)] = value
                vocab[normalise(self.pack.text(f"answer_{value}", lang))] = value
        for choice in question.choices:
            vocab[normalise(choice.label[lang])] = choice.id
            for phrase in words.choices.get(question.id, {}).get(choice.id, []):
                vocab[normalise(phrase)] = choice.id
            if choice.id == UNSURE:
                for phrase in words.answers.get("unsure", []):
                    vocab.setdefault(normalise(phrase), UNSURE)
        vocab.pop("", None)
        return vocab

    def interpret(self, question: Question, text: str, lang: str) -> Interpretation:
        """Interpret `text` as an answer to `question` in language `lang`."""
        said = normalise(text)
        if not said:
            return Interpretation(Status.UNCLEAR, None, 0.0, "empty answer")
        if question.kind in (QuestionKind.NUMBER, QuestionKind.DURATION):
            return self._number(question, said, lang)
        vocab = self._vocab[(lang, question.id)]
        if said in vocab:
            return self._single_or_set(question, vocab[said], 1.0, f'"{said}" is a known answer')
        matches = process.extract(said, vocab.keys(), scorer=fuzz.WRatio, limit=5)
        suggestions = tuple(dict.fromkeys(vocab[m[0]] for m in matches))[:3]
        if matches and matches[0][1] >= _CUTOFF:
            best_value = vocab[matches[0][0]]
            rivals = [m for m in matches[1:] if vocab[m[0]] != best_value and m[1] >= matches[0][1] - 5]
            if not rivals:
                return self._single_or_set(
                    question, best_value, matches[0][1] / 100, f'close to "{matches[0][0]}"'
                )
        return Interpretation(Status.UNCLEAR, None, 0.0, "no known answer is close enough", suggestions)

    @staticmethod
    def _single_or_set(question: Question, value: str, confidence: float, reason: str) -> Interpretation:
        result: AnswerValue = frozenset({value}) if question.kind is QuestionKind.MULTI else value
        return Interpretation(Status.UNDERSTOOD, result, confidence, reason)

    def _number(self, question: Question, said: str, lang: str) -> Interpretation:
        if question.allow_unsure and said in {normalise(w) for w in self.pack.words[lang].answers["unsure"]}:
            return Interpretation(Status.UNDERSTOOD, UNSURE, 1.0, "not sure")
        numbers = _NUMBER.findall(said)
        if len(numbers) != 1:
            return Interpretation(Status.UNCLEAR, None, 0.0, "expected one number")
        value = float(numbers[0])
        if question.kind is QuestionKind.DURATION and re.search(r"\b(year|years|yr|yrs)\b", said):
            value *= 12
        assert question.min is not None and question.max is not None
        if not question.min <= value <= question.max:
            return Interpretation(Status.OUT_OF_RANGE, value, 1.0, "outside the question's bounds")
        return Interpretation(Status.UNDERSTOOD, value, 1.0, "a number")
