"""The README's fresh-machine commands: the main job runs on the seed article."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def command(marker: str) -> str:
    """The command in the console block right after ``<!-- marker -->`` in README.md."""
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- {marker} -->\n```console\n(.+)\n```", readme)
    assert found is not None, f"README.md has no {marker}"
    return found.group(1)


def test_ci_runs_the_readme_test_command():
    """.ci/run takes the test command from the README, so the two cannot drift apart."""
    script = ROOT.joinpath(".ci", "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in script
    assert "pytest" in command("test-command")


def test_main_command_runs_on_a_fresh_copy(tmp_path):
    """The README's main-job command, run verbatim in a clean copy, prints the seed's events."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode().split("\0")
    copy = tmp_path / "newsevents"
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = copy / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    result = subprocess.run(
        ["bash", "-c", command("main-command")], cwd=copy, capture_output=True, text=True, timeout=600, check=False
    )
    assert 0 == result.returncode, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"PhoneCall", "PardonRequest", "Sentencing", "Airstrike"} <= {e["type"] for e in events}
    assert all(e["source"] == "seed-netanyahu-putin-2019-12-26" for e in events)
