"""What comes next on a record with a life cycle, and who does it: every workflow page shows
"Bước tiếp theo: … — do … thực hiện" (``includes/next_step.html``), or, once the flow is over, what it
ended with. Each module's dispatcher builds one with its ``next_step(obj)``."""

from dataclasses import dataclass


@dataclass(frozen=True)
class NextStep:
    what: str = ""
    who: str = ""
    done: str = ""
