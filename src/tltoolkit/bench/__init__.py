"""Benchmark support: synthetic inventories and the build benchmark (`scripts/bench`).

Nothing in the site build imports this package; it exists for `scripts/bench`,
`scripts/bench-explorer` and the tests that check the build scales.
"""
