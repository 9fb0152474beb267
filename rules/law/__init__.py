"""The law: the vocabulary, accounts, dated parameters, the rulebook and the engine,
the questions and what follows from the answers. Pure Python: nothing here imports
Django (tests/rules/test_pure_python.py walks the package)."""
