"""Load scripts (benchmarks, not tests: pytest collects only test_*.py): simulated trainees
sitting a paper against a running server (`python -m tests.load --help`)."""
