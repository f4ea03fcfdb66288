"""Which areas have roll-up aggregate rows (``RollupCell``/``RollupCount``): provinces and districts,
current or legacy, and the nation (area 0, ``models.NATION``). Communes are read from the raw values."""

CELL_LEVELS = ("province", "district")
