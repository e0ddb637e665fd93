"""Benchmarks of factcheck at newsroom scale: a synthetic corpus generator and a runner.

``python -m bench`` measures ingest, linking, the store, the TUI and exports (see
`bench.run`); ``python -m bench.corpus OUT --size N`` writes a corpus (see `bench.corpus`).
"""
