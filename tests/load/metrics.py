"""What the generator measured: latency per endpoint, errors, and the figures printed at the end."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclass
class Recorder:
    """Milliseconds per endpoint, with when each request ended (for rates over a window)."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    ended: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[tuple[str, str]] = field(default_factory=Counter)

    def ok(self, endpoint: str, started: float) -> None:
        now = time.monotonic()
        self.latencies[endpoint].append((now - started) * 1000)
        self.ended[endpoint].append(now)

    def error(self, endpoint: str, what: str, started: float) -> None:
        self.ok(endpoint, started)  # a failure took time too; it counts in the latencies
        self.errors[(endpoint, what)] += 1

    def rate(self, endpoint: str) -> float:
        """Requests per second over the span in which this endpoint's requests ended."""
        ended = self.ended.get(endpoint, [])
        if len(ended) < 2:
            return float("nan")
        return (len(ended) - 1) / max(1e-9, max(ended) - min(ended))

    def summary(self, endpoint: str) -> tuple[int, float, float, float, float]:
        values = self.latencies.get(endpoint, [])
        return (
            len(values),
            percentile(values, 0.50),
            percentile(values, 0.95),
            percentile(values, 0.99),
            max(values) if values else float("nan"),
        )

    def print_table(self, endpoints: list[str]) -> None:
        heads = ["requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"]
        print(f"  {'endpoint':<9}" + " ".join(f"{h:>8}" for h in heads))
        for name in endpoints:
            count, p50, p95, p99, top = self.summary(name)
            if count:
                print(
                    f"  {name:<9} {count:>7} {self.rate(name):>8.1f} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f}"
                    f" {top:>8.1f}"
                )
        if self.errors:
            for (name, what), count in sorted(self.errors.items()):
                print(f"  error   {name:<8} {what:<40} × {count}")
        else:
            print("  errors: none")
