"""Rows read with one plain SQL statement, converted as the ORM converts them.

A request's hot reads (the signed-in user, the attempt a hand-in closes, its 100 questions) cost
~0.5–1 ms of CPU each through the ORM, the query built and compiled afresh every time; as SQL,
with the column list and the converters the ORM would apply (SQLite's datetimes, decimals and
booleans; JSON decoded) worked out once per process, a tenth of it. Same tables, same values:
callers write only the WHERE clause — a constant string, the values as parameters, since each
distinct statement is kept for the life of the process.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from django.db import connections, router
from django.db.models import Field, Model

Converter = Callable[[Any, Any, Any], Any]


def values(
    model: type[Model], columns: Sequence[str], where: str, params: Sequence[Any], *, suffix: str = ""
) -> list[tuple[Any, ...]]:
    """`columns` (attribute names, "pk" for the primary key) of the rows matching `where`, as
    values_list gives them. `suffix` follows the WHERE clause (ORDER BY, FOR UPDATE)."""
    alias = router.db_for_read(model)
    sql, converters = _statement(model, alias, tuple(columns), where, suffix)
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not converters:
        return [tuple(row) for row in rows]
    converted = []
    for row in rows:
        items = list(row)
        for i, column, convert in converters:
            items[i] = convert(items[i], column, connection)
        converted.append(tuple(items))
    return converted


def instance(model: type[Model], where: str, params: Sequence[Any], *, suffix: str = "") -> Any:
    """The model instance of the first row matching `where` (every concrete field loaded), or
    None; as `Model.objects.filter(...).first()` without the query built."""
    alias = router.db_for_read(model)
    fields = tuple(f.attname for f in model._meta.concrete_fields)
    found = values(model, fields, where, params, suffix=suffix)
    return model.from_db(alias, list(fields), list(found[0])) if found else None


def _field(model: type[Model], name: str) -> Field[Any, Any]:
    """The concrete field `name` (an attribute name, or "pk") of the model."""
    field = model._meta.pk if name == "pk" else model._meta.get_field(name)
    if not isinstance(field, Field) or not field.concrete:
        raise ValueError(f"{model.__name__}.{name} is not a column")
    return field


@cache
def _statement(
    model: type[Model], alias: str, columns: tuple[str, ...], where: str, suffix: str
) -> tuple[str, list[tuple[int, Any, Converter]]]:
    connection = connections[alias]
    meta = model._meta
    fields = [_field(model, name) for name in columns]
    table = meta.db_table
    quote = connection.ops.quote_name
    sql = f"SELECT {', '.join(quote(str(f.column)) for f in fields)} FROM {quote(table)} WHERE {where}"
    if suffix:
        sql += f" {suffix}"
    converters = []
    for i, field in enumerate(fields):
        column = field.get_col(table)
        for convert in connection.ops.get_db_converters(column) + field.get_db_converters(connection):
            converters.append((i, column, convert))
    return sql, converters
