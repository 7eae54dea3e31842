"""Inserting many rows without building a model instance per row.

`bulk_create` prepares every field of every instance through the field's own machinery (about
5 µs a value: a start's 100 frozen questions × 24 columns, an import's 20,000 questions × 20),
and on PostgreSQL sends them as one array per column that psycopg dumps element by element.
Here the caller gives plain values for the columns it sets; the rest get their field's default,
JSON columns are dumped once, and the rows go in with COPY on PostgreSQL (its bulk-load path)
or one prepared INSERT run per row (executemany) on SQLite. No model signals, no save(): callers
validate first (qbank.services.questions_create_bulk) and insert only what passed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import DateTimeField, DecimalField, Field, JSONField, Model
from django.db.models.expressions import RawSQL
from django.utils import timezone

Convert = Callable[[Any], Any]


def insert_values(model: type[Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert `rows` (values in the order of `columns`, attribute names such as "question_id")
    into `model`'s table; every other column gets its field's default. Returns the row count."""
    fields = _fields(model, columns)
    rest = [f for f in model._meta.concrete_fields if f.attname not in columns and not _is_auto(f)]
    defaults = [_converter(f)(_default(f)) for f in rest]
    convert = [_converter(f) for f in fields]
    names = [str(f.column) for f in fields] + [str(f.column) for f in rest]
    prepared = ([c(v) for c, v in zip(convert, row, strict=True)] + defaults for row in rows)
    table = connection.ops.quote_name(model._meta.db_table)
    quoted = ", ".join(connection.ops.quote_name(n) for n in names)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for values in prepared:
                    copy.write_row(values)
                    count += 1
        else:
            batch = list(prepared)
            count = len(batch)
            placeholders = ", ".join(["%s"] * len(names))
            cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})", batch)
    return count


def insert_objects(model: type[Model], objs: Sequence[Model]) -> int:
    """Insert unsaved, validated instances with their primary keys already set (next_ids):
    every concrete field read straight off each instance, auto_now(_add) fields set to now."""
    fields = [f for f in model._meta.concrete_fields]
    now = timezone.now()
    stamped = {f.attname for f in fields if isinstance(f, DateTimeField) and (f.auto_now or f.auto_now_add)}
    names = [f.attname for f in fields]
    rows = ([getattr(obj, n) or now if n in stamped else getattr(obj, n) for n in names] for obj in objs)
    count = insert_values(model, names, rows)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
    return count


def value_list(values: Iterable[int] | Iterable[str]) -> RawSQL:
    """`values` as one bound parameter, for `field__in=`: Django binds an IN list value by
    value (~5 µs of Python each, and psycopg parses a statement with thousands of
    placeholders), so a few hundred ids or thousands of fingerprints cost more than the query.
    SQLite reads a JSON array, PostgreSQL an array."""
    items = list(values)
    if connection.vendor == "postgresql":
        kind = "bigint" if items and isinstance(items[0], int) else "text"
        return RawSQL(f"SELECT unnest(%s::{kind}[])", (items,))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(items),))


def next_ids(model: type[Model], count: int) -> list[int]:
    """`count` fresh primary keys, for rows inserted with insert_objects whose ids other rows
    refer to (a question's options): from the table's sequence on PostgreSQL; on SQLite the
    next ones after the highest ever used, which is safe only under the write lock a
    transaction takes at BEGIN (IMMEDIATE), so call it inside one."""
    if not count:
        return []
    table = model._meta.db_table
    pk = model._meta.pk
    assert pk is not None
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        if not connection.in_atomic_block:
            raise RuntimeError("next_ids on SQLite must run inside a transaction (it holds the write lock)")
        quoted = connection.ops.quote_name(table)
        # AUTOINCREMENT tables never reuse an id: sqlite_sequence remembers the highest ever used.
        cursor.execute(
            f"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0),"
            f" COALESCE((SELECT MAX({connection.ops.quote_name(str(pk.column))}) FROM {quoted}), 0))",
            [table],
        )
        last = cursor.fetchone()[0]
        return list(range(last + 1, last + 1 + count))


def _fields(model: type[Model], columns: Sequence[str]) -> list[Field[Any, Any]]:
    by_attname = {f.attname: f for f in model._meta.concrete_fields}
    return [by_attname[name] for name in columns]


def _is_auto(field: Field[Any, Any]) -> bool:
    return bool(field.primary_key and field.get_internal_type() in ("AutoField", "BigAutoField"))


def _default(field: Field[Any, Any]) -> Any:
    if isinstance(field, DateTimeField) and (field.auto_now or field.auto_now_add):
        return timezone.now()
    return field.get_default()


def _converter(field: Field[Any, Any]) -> Convert:
    """Python value → what the driver takes for this column, without the field's per-value
    machinery: JSON is dumped here (NULL stays NULL), datetimes and decimals go through the
    backend's adapters (SQLite stores them as text), the rest as they are."""
    if isinstance(field, JSONField):
        return _json
    if isinstance(field, DateTimeField):
        adapt_dt = connection.ops.adapt_datetimefield_value
        return lambda v: None if v is None else adapt_dt(v)
    if isinstance(field, DecimalField):
        adapt_dec = connection.ops.adapt_decimalfield_value
        digits, places = field.max_digits, field.decimal_places
        return lambda v: None if v is None else adapt_dec(v, digits, places)
    return _same


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value)


def _same(value: Any) -> Any:
    return value
