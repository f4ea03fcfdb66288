"""Pure rules of grassroots democracy, read by both ``domain/`` and ``queries/`` (so queries need not
import domain): the derived state of an obligation (``state``), periods (``periods``), working days
with public holidays (``calendar``)."""
