"""What `import newsevents` loads, and the import graph of the model layer (#10)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "newsevents"

#: Loaded only when used: the codecs and lxml, the parser, dates, plugin discovery, Hypothesis.
LAZY = (
    "lxml",
    "lxml.etree",
    "newsevents.newsml",
    "newsevents.ninjs",
    "newsevents.json",
    "newsevents.parsing",
    "newsevents.dates",
    "newsevents.table",
    "newsevents.strategies",
    "importlib.metadata",
    "hypothesis",
)


def _loaded_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out))


#: What a short parse needs only when its on-disk caches are cold (or something fails): TOML and
#: plugin discovery build the caches, logging reports failures, importlib.resources reads other packages.
COLD_ONLY = ("tomllib", "importlib.metadata", "importlib.resources", "logging", "tempfile", "traceback")


def test_a_parse_with_warm_caches_imports_only_what_it_uses(tmp_path):
    """The second process to parse reads patterns, plugins and places from the cache: no TOML, no metadata scan."""
    code = "import newsevents; newsevents.parse('Ana Silva phoned Hans Weber in Paris on Tuesday.')"
    script = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    env = {**os.environ, "NEWSEVENTS_CACHE_DIR": str(tmp_path)}

    def loaded() -> set[str]:
        run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
        return set(json.loads(run.stdout))

    assert {"tomllib", "importlib.metadata"} <= loaded()  # cold: the caches are built
    assert set() == loaded() & set(COLD_ONLY)


def test_import_loads_no_codec_parser_metadata_or_hypothesis():
    """`import newsevents` loads the model and the registry, and none of the modules in LAZY."""
    loaded = _loaded_after("import newsevents")
    assert set() == loaded & set(LAZY)
    assert {"newsevents.model", "newsevents.events", "newsevents.registry"} <= loaded


def test_lazy_names_load_on_first_use():
    """The everyday names still work from the package: each loads its module when first used."""
    loaded = _loaded_after(
        "import newsevents as ne\n"
        "e = ne.from_json(ne.to_json(ne.Airstrike()))\n"
        "assert ne.from_newsml(ne.to_newsml(e)) == [e]\n"
        "assert ne.dates.resolve('in 2019', None) == ne.PartialDate(2019)\n"
        "assert callable(ne.parse)"
    )
    assert {
        "newsevents.json",
        "newsevents.newsml",
        "lxml.etree",
        "newsevents.dates",
        "newsevents.parsing",
    } <= (loaded)
    assert "hypothesis" not in loaded


@pytest.mark.parametrize("name", ["from_json", "to_json", "from_dict", "to_dict", "json_schema"])
def test_lazy_names_are_the_module_functions(name):
    """A name taken from the package is the function of its module."""
    import newsevents
    from newsevents import json as nj

    assert getattr(nj, name) is getattr(newsevents, name)
    assert name in dir(newsevents)


def test_unknown_names_are_attribute_errors():
    """The module __getattr__ refuses names it does not know, as a module would."""
    import newsevents

    with pytest.raises(AttributeError, match="no_such_name"):
        newsevents.no_such_name


# --------------------------------------------------------------------------- the model layer

MODEL_LAYER = (
    "_text",
    "_package_data",
    "errors",
    "_fields",
    "identity",
    "model",
    "_columns",
    "_disk_cache",
    "registry",
    "_foreign",
    "events",
)


def _imports(module: str) -> tuple[set[str], set[str]]:
    """The newsevents modules ``module`` imports at module level, and those it imports inside functions."""
    tree = ast.parse((SRC / f"{module}.py").read_text(encoding="utf-8"))
    top: set[str] = set()
    local: set[str] = set()

    def names(node: ast.AST) -> set[str]:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsevents"):
            found = {node.module}
            if node.module == "newsevents":
                found = {f"newsevents.{alias.name}" for alias in node.names}
            return found
        if isinstance(node, ast.Import):
            return {alias.name for alias in node.names if alias.name.startswith("newsevents")}
        return set()

    for node in tree.body:
        top |= names(node)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                local |= names(inner)
    return top, local


def test_the_model_layer_imports_nothing_above_it():
    """model, events, registry, errors and what they stand on import no codec, parser, ninjs or table."""
    allowed = {f"newsevents.{name}" for name in MODEL_LAYER}
    for module in MODEL_LAYER:
        top, local = _imports(module)
        assert top <= allowed, (module, top - allowed)
        assert set() == local, (module, local)


def test_the_model_layer_has_no_import_cycle():
    """Each model-layer module imports only modules listed before it in MODEL_LAYER."""
    for index, module in enumerate(MODEL_LAYER):
        top, _ = _imports(module)
        earlier = {f"newsevents.{name}" for name in MODEL_LAYER[:index]}
        assert top <= earlier, (module, top - earlier)



def test_the_command_line_loads_process_pools_only_for_batches(tmp_path):
    """`newsevents parse` of one article starts no worker processes, so it does not import them."""
    article = tmp_path / "article.txt"
    article.write_text("Ana Silva phoned Hans Weber on Tuesday.\n", encoding="utf-8")
    script = (
        "import json, sys\n"
        "import newsevents.cli\n"
        f"code = newsevents.cli.main(['parse', {str(article)!r}])\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
        "sys.exit(code)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "newsevents.parsing" in loaded
    assert {"concurrent.futures.process", "multiprocessing"}.isdisjoint(loaded)
