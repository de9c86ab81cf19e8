"""How the models are declared: frozen dataclasses, with limits beside their types, that pydantic checks.

    @model
    class Choice:
        id: Annotated[str, Pattern(r"^[a-z][a-z0-9_]*$", "lower_case")]
        exclusive: bool = False

    @model
    class Question:
        within_months: Annotated[float, MoreThan(0)] | None = None

The content, settings and dialog models are plain dataclasses, so a start that reads the content pack
from its cache (content_cache.py) and has no settings file never imports pydantic: that is about 75 ms
and 11 MiB of a 0.3 s start. pydantic checks a file only when it is read (`content.parse`). It reads the
limits through `__get_pydantic_core_schema__`, its hook for markers it does not know: each adds to the
schema pydantic built for the type the one keyword that `pydantic.Field(...)` would have set.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(dataclasses.field,))
def model(cls: type[T]) -> type[T]:
    """Make `cls` a model: immutable, built from keywords (as pydantic builds it, so fields with defaults
    may come before fields without, in the order a file reads best), and a key it does not have is an
    error when pydantic checks a file (`__pydantic_config__`, read by pydantic for dataclasses).

    Immutable as `dataclass(frozen=True)` makes it, and compared and shown as a dataclass is, but with
    functions shared by every model: a dataclass writes and compiles its own __init__, __repr__ and
    __eq__ for each class, and frozen=True three more (__setattr__, __delattr__, __hash__). Only
    __init__ differs from class to class; sharing the rest saves about 7 ms of a start that imports
    twenty models. Unhashable, as the pydantic models were in practice (their lists and dicts cannot be
    hashed)."""
    cls.__pydantic_config__ = {"extra": "forbid"}  # type: ignore[attr-defined]
    cls.__setattr__ = _set_once  # type: ignore[assignment]
    cls.__delattr__ = _never_delete  # type: ignore[assignment]
    cls.__repr__ = _repr  # type: ignore[assignment]
    cls.__eq__ = _equal  # type: ignore[assignment]
    cls.__hash__ = None  # type: ignore[assignment]
    return dataclasses.dataclass(kw_only=True, repr=False, eq=False)(cls)


def _set_once(self: object, name: str, value: object) -> None:
    """Each field is set once, by __init__; pydantic and pickle fill __dict__ without calling this."""
    if name not in self.__dataclass_fields__ or name in self.__dict__:  # type: ignore[attr-defined]
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _repr(self: object) -> str:
    fields = dataclasses.fields(self)  # type: ignore[arg-type]
    shown = ", ".join(f"{field.name}={getattr(self, field.name)!r}" for field in fields if field.repr)
    return f"{type(self).__qualname__}({shown})"


def _equal(self: object, other: object) -> bool:
    """Equal when of the same class with equal fields, as a dataclass's own __eq__ compares them."""
    if other.__class__ is not self.__class__:
        return NotImplemented
    names = [field.name for field in dataclasses.fields(self) if field.compare]  # type: ignore[arg-type]
    return [getattr(self, name) for name in names] == [getattr(other, name) for name in names]


def _never_delete(self: object, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


class _Limit:
    keyword: str

    def __init__(self, value: object) -> None:
        self.value = value

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
        return {**handler(source), self.keyword: self.value}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.value!r})"


class Pattern(_Limit):
    """A string must match this regular expression, which `means` says in words for the person who
    edits the file ("4 to 12 digits"): pydantic's own message shows the expression itself."""

    keyword = "pattern"

    def __init__(self, value: str, means: str) -> None:
        super().__init__(value)
        PATTERN_MEANINGS[value] = means


PATTERN_MEANINGS: dict[str, str] = {}
"""What each `Pattern`'s regular expression asks for, in words."""


class MinLength(_Limit):
    """A string, list or dict must have at least this many characters (items)."""

    keyword = "min_length"


class MoreThan(_Limit):
    """A number must be more than this."""

    keyword = "gt"


NON_EMPTY = MinLength(1)
