"""Chinese labels for the fields and values of an audit event, for every page a person reads.

Labels come from the models themselves: a key that names a field of the event's model is shown
with the field's `verbose_name`, and its values with the field's `choices` labels. A key that is
not a field (a derived figure such as a count, or a proposal stored on another row) is declared
once by its app with `define_key()`, optionally borrowing the value labels of a model field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models


@dataclass(frozen=True)
class _Key:
    label_zh: str
    like: str | None


_KEYS: dict[tuple[str, str], _Key] = {}
# Object types whose model moved to another app: events logged under the old name read as the new.
_MOVED: dict[str, str] = {}


def define_key(object_type: str, key: str, label_zh: str, *, like: str | None = None) -> str:
    """Declare the label of a payload key that is not a field of `object_type`'s model; `like`
    names the field whose choices label its values."""
    _KEYS[(object_type, key)] = _Key(label_zh, like)
    return key


def define_moved(old_object_type: str, new_object_type: str) -> None:
    """Declare that events logged as `old_object_type` concern the model now `new_object_type`."""
    _MOVED[old_object_type] = new_object_type


def _model(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def _field(model: type[models.Model] | None, name: str | None) -> Any:
    if model is None or name is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _field_label(field: Any) -> str | None:
    verbose = getattr(field, "verbose_name", None)
    if verbose is not None:
        return str(verbose)
    related = getattr(field, "related_model", None)  # a reverse relation: name its rows
    return str(related._meta.verbose_name_plural) if related is not None else None


def _value(field: Any, value: Any) -> Any:
    if isinstance(value, bool):
        return "是" if value else "否"
    choices = dict(getattr(field, "flatchoices", None) or ())
    if value is not None and value in choices:
        return str(choices[value])
    return value


def labelled(object_type: str, key: str, before: Any, after: Any) -> tuple[str, Any, Any]:
    """(label, before, after) of one changed key, in Chinese where the model says how."""
    object_type = _MOVED.get(object_type, object_type)
    model = _model(object_type)
    declared = _KEYS.get((object_type, key))
    field = _field(model, key)
    label = declared.label_zh if declared else _field_label(field) if field is not None else None
    values_from = _field(model, declared.like) if declared else field
    return (label or key, _value(values_from, before), _value(values_from, after))
