"""Pure rules of reports, shared by ``domain/`` (actions) and ``queries/`` (reads), which may not
import ``domain/``: periods (bounds, labels, the periods around one, reading one without writing),
the levels of areas that have roll-up aggregates, and the checking of report values. Nothing here
writes."""
