"""Import arrows run one way (issue 8 §3), read from the source with ``ast`` (nothing is imported):

- ``core`` imports nothing from ``places`` or ``orgs`` (the foundation does not know the scope's
  models); modules plug into it through registries;
- a ``queries/`` module never imports a ``domain/`` module (pure helpers live where both can use them).

The arrows that still point the wrong way are listed in ``KNOWN_*`` with where they are: the list may
only shrink. A new wrong arrow fails naming the file and the import."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "danvan"

# core -> orgs/places: none left (the dashboard, the shell context, /api/v1/me and the demo commands
# live in orgs). The set stays so that the test reads the same as KNOWN_QUERIES.
KNOWN_CORE: set[tuple[str, str]] = set()
# queries -> domain: none left (pure rules live in reports/rules/, voice/clocks.py, democracy's rules).
KNOWN_QUERIES: set[tuple[str, str]] = set()


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def sources(pattern: str):
    return [p for p in sorted(ROOT.glob(pattern)) if "migrations" not in p.parts]


def test_core_imports_nothing_from_places_or_orgs():
    found = {(str(p.relative_to(ROOT)), m) for p in sources("core/**/*.py") for m in imports(p)
             if m.startswith(("danvan.orgs", "danvan.places"))}
    assert found - KNOWN_CORE == set(), "core must not import places/orgs (use a registry)"
    assert KNOWN_CORE - found == set(), "an arrow was removed: delete it from KNOWN_CORE"


def test_queries_never_import_domain():
    found = {(str(p.relative_to(ROOT)), m) for p in sources("*/queries/**/*.py") for m in imports(p)
             if ".domain" in m}
    assert found - KNOWN_QUERIES == set(), "a queries/ module must not import domain/"
    assert KNOWN_QUERIES - found == set(), "an arrow was removed: delete it from KNOWN_QUERIES"


def test_the_list_mechanism_knows_no_module():
    """``core/lists.py`` is what every module plugs into: it imports only Django, openpyxl and core."""
    found = {m for m in imports(ROOT / "core" / "lists.py") if m.startswith("danvan.")}
    assert {m for m in found if not m.startswith("danvan.core")} == set()


def private_imports(path: Path, app: str) -> set[str]:
    """``module.name`` for every ``_name`` that ``path`` (a module of ``app``) imports from another app."""
    return {f"{node.module}.{alias.name}" for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("danvan.")
            and node.module.split(".")[1] != app
            for alias in node.names if alias.name.startswith("_") and not alias.name.startswith("__")}


def test_no_app_reaches_into_another_apps_private_names():
    """A ``_name`` is its module's own business: what another app needs is made public (a shared
    helper such as ``core.forms.scoped_choices``)."""
    found = {f"{p.relative_to(ROOT)}: {name}" for p in sources("**/*.py")
             for name in private_imports(p, p.relative_to(ROOT).parts[0])}
    assert found == set()


def test_the_private_name_reader_sees_them(tmp_path):
    """Positive control: a private name imported from another app is found, one from the same app is not."""
    source = tmp_path / "forms.py"
    source.write_text("from danvan.meetings.interfaces.forms import _scoped\nfrom danvan.awards.models import _own\n")
    assert private_imports(source, "awards") == {"danvan.meetings.interfaces.forms._scoped"}


def test_the_arrow_reader_sees_imports_inside_functions(tmp_path):
    """Positive control: an import inside a function is found."""
    source = tmp_path / "x.py"
    source.write_text("def f():\n    from danvan.orgs.scope import restrict\n    import danvan.places.models\n")
    assert imports(source) == {"danvan.orgs.scope", "danvan.places.models"}


def test_no_module_level_gettext_freezes_a_label():
    """A label made at import time with ``gettext`` is frozen in the language of the first request
    (breadcrumbs stayed Vietnamese for a user who chose English): module-level labels use ``gettext_lazy``."""
    frozen = []
    for path in sources("**/*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        eager = any(isinstance(n, ast.ImportFrom) and n.module == "django.utils.translation"
                    and any(a.name == "gettext" and a.asname == "_" for a in n.names) for n in tree.body)
        if not eager:
            continue
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(
                    isinstance(c, ast.Call) and getattr(c.func, "id", None) == "_" for c in ast.walk(node.value)):
                frozen.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert frozen == []
