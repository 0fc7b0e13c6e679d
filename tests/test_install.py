"""templint as users get it: a wheel in a fresh venv, and the pre-commit hook in a git repo."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BAD = "Hi {{1}}, your order shipped. Use code SAVE20 for 20% off your next order!\n"
GOOD = "Hi {{1}}, your order {{2}} has shipped and will arrive on {{3}}.\n"


def run(
    cmd: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    res = run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)], ROOT
    )
    assert res.returncode == 0, res.stderr
    return next(out.glob("templint-*.whl"))


def test_wheel_says_the_api_is_typed(wheel: Path) -> None:
    # without the PEP 561 marker, mypy and pyright treat every templint call as untyped
    # ("missing library stubs or py.typed marker") and check nothing a program passes
    import zipfile

    assert "linter/py.typed" in zipfile.ZipFile(wheel).namelist()


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_finds_rules_and_model(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    assert run([sys.executable, "-m", "venv", str(venv)], tmp_path).returncode == 0
    py = venv / "bin" / "python"
    # Dependencies come from this environment's site-packages (no second download of spaCy
    # and scikit-learn); templint itself only from the wheel.
    site = Path(
        run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path
        ).stdout.strip()
    )
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    res = run([str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], tmp_path)
    assert res.returncode == 0, res.stderr
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "offer.txt").write_text(BAD)
    where = run([str(py), "-c", "import linter, sys; print(linter.__file__)"], work).stdout
    assert where.startswith(str(venv)), f"linter imported from {where}, not the wheel"
    templint = str(venv / "bin" / "templint")
    res = run([templint, "lint", "--isolated", "offer.txt"], work)
    assert res.returncode == 1, res.stdout + res.stderr
    assert "TPL101" in res.stdout and "TPL102" in res.stdout
    listed = run([templint, "rules"], work).stdout
    assert "TPL101" in listed and "TPL501" in listed
    assert run(
        [templint, "lint", "--isolated", "--select", "TPL5", "offer.txt"], work
    ).returncode in (0, 1)


def _git_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = tmp_path / "repo"
    (repo / "whatsapp").mkdir(parents=True)
    (repo / "templates" / "emails").mkdir(parents=True)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        # The hook runs `templint` from PATH: this environment's, i.e. this checkout.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    assert run(["git", "init", "-q"], repo, env).returncode == 0
    (repo / "whatsapp" / "good.txt").write_text(GOOD)
    (repo / "whatsapp" / "bad.txt").write_text(BAD)
    # none of these is a WhatsApp template: the hook must not look at them
    (repo / "notes.txt").write_text(BAD)
    (repo / "templates" / "emails" / "welcome.txt").write_text("{% if promo %}" + BAD)
    (repo / "whatsapp" / "README.md").write_text("How we write our templates: " + BAD)
    return repo, env


def _pre_commit() -> Path:
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    return pre_commit


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_hook_blocks_bad_and_passes_good(tmp_path: Path) -> None:
    """Our .pre-commit-hooks.yaml, validated by pre-commit itself and run by pre-commit.

    The hook keeps its own id, entry, files and types; only `language` becomes `system`, so
    pre-commit uses the templint on PATH instead of building a second environment with spaCy
    and scikit-learn (minutes per run; the wheel test above covers installation).
    """
    from pre_commit.clientlib import load_manifest

    pre_commit = _pre_commit()
    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "templint" and hook["language"] == "python"
    repo, env = _git_repo(tmp_path)
    local = {k: hook[k] for k in ("id", "name", "entry", "files", "exclude", "types")}
    local["require_serial"] = hook["require_serial"]
    config = {"repos": [{"repo": "local", "hooks": [{**local, "language": "system"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(json.dumps(config))
    run(["git", "add", "."], repo, env)

    good = run([str(pre_commit), "run", "templint", "--files", "whatsapp/good.txt"], repo, env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    bad = run([str(pre_commit), "run", "templint", "--files", "whatsapp/bad.txt"], repo, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "TPL101" in bad.stdout
    assert "whatsapp/bad.txt:1:" in bad.stdout
    # A commit runs the hook on staged files: blocked while bad.txt is staged; notes.txt, the
    # e-mail template and the folder's README are never linted.
    assert run([str(pre_commit), "install"], repo, env).returncode == 0
    commit = run(["git", "commit", "-q", "-m", "drafts"], repo, env)
    said = commit.stdout + commit.stderr  # git prints hook output on stderr
    assert commit.returncode != 0 and "TPL101" in said
    assert "whatsapp/bad.txt" in said
    assert not any(f in said for f in ("notes.txt", "welcome.txt", "README.md"))
    run(["git", "rm", "-q", "--cached", "whatsapp/bad.txt"], repo, env)
    commit = run(["git", "commit", "-q", "-m", "good drafts only"], repo, env)
    assert commit.returncode == 0, commit.stdout + commit.stderr
    # Two staged copies of one body, first and last of 12 files (pre-commit would split so
    # many over the cores): one process sees both (require_serial), as lint would
    copy = "Hi {{1}}, your parcel {{2}} is ready for pickup."
    (repo / "whatsapp" / "a_copy.txt").write_text(copy)
    (repo / "whatsapp" / "z_copy.txt").write_text(copy)
    for k in range(10):
        (repo / "whatsapp" / f"m_{k}.txt").write_text(f"Hi {{{{1}}}}, locker {k} is ready.")
    run(["git", "add", "whatsapp"], repo, env)
    commit = run(["git", "commit", "-q", "-m", "copies"], repo, env)
    said = commit.stdout + commit.stderr
    assert commit.returncode != 0 and "TPL401" in said, said


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.skipif(
    not os.environ.get("TEMPLINT_SLOW_TESTS"),
    reason="builds pre-commit's own environment with all dependencies (minutes); "
    "set TEMPLINT_SLOW_TESTS=1",
)
def test_pre_commit_try_repo_installs_the_hook(tmp_path: Path) -> None:
    pre_commit = _pre_commit()
    repo, env = _git_repo(tmp_path)
    run(["git", "add", "."], repo, env)
    bad = run(
        [str(pre_commit), "try-repo", str(ROOT), "templint", "--files", "whatsapp/bad.txt"],
        repo,
        env,
    )
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "TPL101" in bad.stdout
