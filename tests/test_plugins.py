"""An installed plugin's event type and recogniser work in every command, in --jobs workers and on Dask."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

PLUGIN = '''
import re

import attrs
import newsevents as ne
from newsevents.parsing import register_recogniser
from newsevents.parsing.article import evidence_for


@ne.register
@attrs.frozen(kw_only=True)
class Protest(ne.Event):
    """A street protest."""

    crowd: ne.Count | None = None


@register_recogniser(Protest)
def find_protests(article):
    for sentence in article.sentences:
        if re.search(r"\\bprotest(ers|ed)?\\b", sentence.text, re.IGNORECASE):
            yield Protest(evidence=evidence_for(sentence, "protest_plugin.keyword"))
'''


@pytest.fixture(scope="module")
def plugin_env(tmp_path_factory):
    """A folder on PYTHONPATH holding a plugin module and its entry-point metadata."""
    root = tmp_path_factory.mktemp("plugin")
    (root / "protest_plugin.py").write_text(textwrap.dedent(PLUGIN))
    dist = root / "protest_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: protest-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[newsevents.event_types]\nprotest = protest_plugin\n")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    return env


def cli(env, *args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "newsevents", *args],
        input=stdin, capture_output=True, text=True, env=env, check=False,
    )


def test_types_lists_the_plugin(plugin_env):
    """newsevents types knows the plugin's type without any import by the user."""
    result = cli(plugin_env, "types")
    assert 0 == result.returncode, result.stderr
    assert "Protest" in result.stdout


def test_parse_with_jobs_runs_the_plugin_recogniser(plugin_env, tmp_path):
    """Worker processes load the plugin too: --jobs 2 finds its events, in order."""
    records = tmp_path / "articles.jsonl"
    records.write_text(
        "\n".join(
            json.dumps({"id": f"a{i}", "text": "Thousands of protesters marched on Sunday.", "published": "2020-01-06"})
            for i in range(6)
        )
        + "\n"
    )
    result = cli(plugin_env, "parse", "--from", "jsonl", "--jobs", "2", str(records))
    assert 0 == result.returncode, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [f"a{i}" for i in range(6)] == [e["source"] for e in events]
    assert {"Protest"} == {e["type"] for e in events}


def test_convert_and_validate_the_plugin_type(plugin_env, tmp_path):
    """convert writes the plugin's events as valid NewsML-G2 and reads them back."""
    source = tmp_path / "protest.json"
    source.write_text(json.dumps({"type": "Protest", "crowd": {"value": 1000, "qualifier": "order"}}))
    xml = cli(plugin_env, "convert", "--to", "newsml", str(source))
    assert 0 == xml.returncode, xml.stderr
    target = tmp_path / "protest.xml"
    target.write_text(xml.stdout)
    assert 0 == cli(plugin_env, "validate", str(target)).returncode
    back = cli(plugin_env, "convert", "--to", "json", str(target))
    assert {"value": 1000, "qualifier": "order"} == json.loads(back.stdout)[0]["crowd"]


def test_dask_workers_load_the_plugin(plugin_env, tmp_path):
    """Dask worker processes find the plugin's events through the entry point."""
    pytest.importorskip("distributed")
    records = tmp_path / "articles.jsonl"
    records.write_text(json.dumps({"id": "x", "text": "Protesters gathered.", "published": None}) + "\n")
    script = textwrap.dedent(
        f"""
        import distributed
        from newsevents import dask as nd

        if __name__ == "__main__":
            with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                          dashboard_address=None) as cluster, distributed.Client(cluster):
                print(sorted(e["type"] for e in nd.parse(nd.read_jsonl({str(records)!r})).compute()))
        """
    )
    path = tmp_path / "run_dask.py"
    path.write_text(script)
    result = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, env=plugin_env, check=False, timeout=300
    )
    assert 0 == result.returncode, result.stderr[-2000:]
    assert "['Protest']" == result.stdout.strip().splitlines()[-1]
