"""A real JupyterHub class, end to end (slow: about 3 minutes on a busy 2-core machine; Linux, root).

JupyterHub runs with the trainer guide's own config (docs/hub/jupyterhub_config.py) on
127.0.0.1, with configurable-http-proxy and the LocalProcessSpawner, so every user's server runs
as that user's own local account. nbgrader's exchange lives in a temporary folder.

1. the trainer (a local account) releases m01 from a copy of assessments/;
2. two learners, each with their own API token, start their server through the hub's REST API,
   see m01 in the Assignments list (and no formgrader), fetch it, answer (anna right, bram wrong),
   save it and submit it, through nbgrader's own server extension, running as themselves;
3. the trainer collects, runs ``smeai grade``, ``smeai feedback`` and ``nbgrader release_feedback``;
4. each learner fetches their feedback, finds their own score in it, and cannot read the other's.

Accounts, home folders, processes and folder rights are undone afterwards, also on failure. In
CI, and everywhere else, the test fails (never skips) when the machine cannot run it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import nbgrader
import pytest
import requests

import smeai
from smeai.lab import jupyter_config_dir

from tests.hub.system import CannotRun, Machine, free_port, missing_requirements
from tests.test_nbgrader_pipeline import PARTIAL_ANSWERS, REFLECTION_TEXT, cells_by_id, solution_source, visible_text

pytestmark = [pytest.mark.slow, pytest.mark.hub]

REPO = Path(__file__).resolve().parents[2]
HUB_CONFIG = REPO / "docs" / "hub" / "jupyterhub_config.py"
ASSIGNMENT, NOTEBOOK = "m01", "m01-wat-is-ai"
COURSE_ID = "smeai-hubtest"
TRAINER, ANNA, BRAM = "smeai-trainer", "smeai-anna", "smeai-bram"
SCORES = {ANNA: "6.0 / 9.0", BRAM: "1.0 / 9.0"}  # all autograded points; q1 only (reflection waits)
TIMINGS: dict[str, float] = {}


def command(text: str) -> list[str]:
    """A trainer guide command line as argv (the guide test finds these strings here)."""
    return text.split()


class Hub:
    """HTTP calls to the hub and to user servers behind its proxy, each with a token."""

    def __init__(self, url: str):
        self.url = url

    def call(self, method: str, path: str, token: str, follow: bool = False, **kwargs) -> requests.Response:
        return requests.request(method, self.url + path, headers={"Authorization": f"token {token}"},
                                timeout=60, allow_redirects=follow, **kwargs)

    def api(self, method: str, path: str, token: str, expect: tuple[int, ...] = (200, 201), **kwargs):
        response = self.call(method, "/hub/api" + path, token, **kwargs)
        assert response.status_code in expect, (method, path, response.status_code, response.text)
        return response.json() if response.text else None

    def request_server(self, name: str, token: str) -> None:
        """Ask the hub to start the user's server (it starts in the background)."""
        self.api("POST", f"/users/{name}/server", token, expect=(201, 202))

    def wait_for_server(self, name: str, token: str) -> None:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            server = self.api("GET", f"/users/{name}", token).get("servers", {}).get("", {})
            if server.get("ready"):
                return
            time.sleep(0.5)
        raise AssertionError(f"the server of {name} did not start within 180 s")

    def assignments(self, name: str, token: str, action: str | None = None) -> dict:
        """nbgrader's Assignments tab: the list, or fetch/submit/fetch_feedback and then the list."""
        if action is None:
            response = self.call("GET", f"/user/{name}/assignments", token, params={"course_id": COURSE_ID})
        else:
            response = self.call("POST", f"/user/{name}/assignments/{action}", token,
                                 json={"course_id": COURSE_ID, "assignment_id": ASSIGNMENT})
        assert response.status_code == 200, (name, action, response.status_code, response.text)
        listing = response.json()
        assert listing.get("success") is True, (name, action, listing)
        return {(a["assignment_id"], a["status"]): a for a in listing["value"]}

    def contents(self, name: str, token: str, path: str, **kwargs):
        response = self.call(kwargs.pop("method", "GET"), f"/user/{name}/api/contents/{path}", token, **kwargs)
        assert response.status_code in (200, 201), (name, path, response.status_code, response.text)
        return response.json()


def wait_for(hub_url: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"jupyterhub exited {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            if requests.get(hub_url + "/hub/api/", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"jupyterhub did not answer within {seconds} s:\n{log.read_text()[-4000:]}")


def answered(release: dict, right: bool) -> dict:
    """The released notebook with anna's right answers or bram's wrong ones, as a learner types them."""
    nb = nbformat.from_dict(release)
    cells = cells_by_id(nb)
    if right:
        source = cells_by_id(nbformat.read(REPO / "assessments" / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb", 4))
        for grade_id, cell in cells.items():
            if cell.metadata["nbgrader"].get("solution"):
                cell.source = REFLECTION_TEXT if grade_id == "reflection" else solution_source(source[grade_id].source)
    else:
        for grade_id, (starter, typed) in PARTIAL_ANSWERS.items():
            assert starter in cells[grade_id].source, (grade_id, cells[grade_id].source)
            cells[grade_id].source = cells[grade_id].source.replace(starter, typed)
    return nb


def step(name: str, started: float) -> float:
    now = time.monotonic()
    TIMINGS[name] = round(now - started, 1)
    return now


@pytest.fixture(scope="module")
def hub_class():
    missing = missing_requirements()
    if missing:
        # fail, never skip: a hub class that was not tested must not look like one that passed
        pytest.fail("the JupyterHub class test needs " + ", ".join(missing) + " (bash .ci/run installs the tools; run as root)")

    machine = Machine()
    base = Path(tempfile.mkdtemp(prefix="smeai-hub-"))
    machine.folders.append(base)
    proxy_pid = base / "hub" / "proxy.pid"
    record: dict = {"base": base}
    try:
        yield from _run_class(machine, base, record)
    except CannotRun as error:
        pytest.fail(f"the JupyterHub class test cannot run here: {error}")
    except BaseException:
        if record.get("log") and record["log"].is_file():  # the hub's own account of what went wrong
            print("\n--- jupyterhub.log (end) ---\n" + record["log"].read_text(errors="replace")[-6000:])
        raise
    finally:
        problems = machine.cleanup(proxy_pid)
        print("\nhub class timings (s):", json.dumps(TIMINGS))
        assert problems == [], problems


def _run_class(machine: Machine, base: Path, record: dict):
    t0 = started = time.monotonic()
    # -- the machine: three accounts, the exchange, the class's nbgrader settings ---------------
    base.chmod(0o711)  # users pass through to the exchange; they cannot list the folder
    trainer, anna, bram = (machine.add_account(n) for n in (TRAINER, ANNA, BRAM))
    exchange = base / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)  # as nbgrader's documentation says (the guide, section 9)
    settings = base / "nbgrader"  # stands in for /etc/jupyter: the class's nbgrader_config.py
    settings.mkdir()
    (settings / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.course_id = {COURSE_ID!r}\nc.Exchange.root = {str(exchange)!r}\n")
    settings.chmod(0o755)
    # the hub's Python, smeai (a clone's src/ when installed editable) and nbgrader, for every user
    for path in (Path(sys.executable), Path(smeai.__file__), Path(nbgrader.__file__), Path(jupyter_config_dir()),
                 HUB_CONFIG, settings, exchange):
        machine.let_everybody_reach(path)

    # the trainer's course root: a copy of assessments/ with m01, the class's own course_id
    course = trainer.home / "klas"
    shutil.copytree(REPO / "assessments", course, ignore=lambda folder, names: [
        n for n in names if Path(folder).name == "source" and n != ASSIGNMENT
        or n in ("release", "submitted", "autograded", "feedback", "gradebook.db", ".nbgrader.log", "smeai-grading")])
    config = course / "nbgrader_config.py"
    text = config.read_text()
    assert 'course_id = "smeai"' in text, "the kit's course_id line changed: update this test and guide section 1"
    config.write_text(text.replace('course_id = "smeai"', f"course_id = {COURSE_ID!r}"))
    (trainer.home / ".jupyter").mkdir()
    (trainer.home / ".jupyter" / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.root = {str(course)!r}\n")
    subprocess.run(["chown", "-R", f"{trainer.uid}:{trainer.gid}", str(trainer.home)], check=True)
    trainer_env = trainer.env(JUPYTER_CONFIG_PATH=str(settings), SMEAI_LANG="nl")

    def as_trainer(text: str) -> str:
        result = machine.run_as(trainer, command(text), cwd=course, env=trainer_env)
        return result.stdout + result.stderr

    started = step("accounts and folders", started)

    # -- the hub, with the guide's config; command-line settings win over the file -------------
    state = base / "hub"
    state.mkdir(mode=0o700)
    port, api_port, hub_port = free_port(), free_port(), free_port()
    hub_url = f"http://127.0.0.1:{port}"
    argv = [sys.executable, "-m", "jupyterhub", "-f", str(HUB_CONFIG),
            f"--JupyterHub.bind_url={hub_url}", f"--JupyterHub.hub_bind_url=http://127.0.0.1:{hub_port}",
            f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{api_port}",
            f"--ConfigurableHTTPProxy.pid_file={state / 'proxy.pid'}",
            f"--JupyterHub.db_url=sqlite:///{state / 'jupyterhub.sqlite'}",
            f"--JupyterHub.cookie_secret_file={state / 'cookie_secret'}",
            # a busy CI machine may need longer than the guide's 60 s to start three servers at once
            "--Spawner.start_timeout=150", "--Spawner.http_timeout=150"]
    env = {**os.environ, "SMEAI_TRAINERS": TRAINER,
           # every learner: smeai's learner configuration and the class's nbgrader settings
           "SMEAI_JUPYTER_CONFIG_PATH": os.pathsep.join([str(jupyter_config_dir()), str(settings)])}
    env.pop("JUPYTER_CONFIG_PATH", None)
    token_run = subprocess.run([*argv[:3], "token", *argv[3:], TRAINER], cwd=state, env=env,
                               capture_output=True, text=True, timeout=120)
    assert token_run.returncode == 0, token_run.stderr
    admin = token_run.stdout.strip().splitlines()[-1]
    log = state / "jupyterhub.log"
    record["log"] = log
    process = machine.start(argv, cwd=state, env=env, log=log)
    wait_for(hub_url, process, log)
    hub = Hub(hub_url)
    record["hub"] = hub
    started = step("hub up", started)

    # the learners' accounts on the hub, each with a token of their own; every server (the
    # trainer's too, for formgrader) starts in the background while the trainer releases
    hub.api("POST", "/users", admin, json={"usernames": [ANNA, BRAM]}, expect=(201,))
    tokens = {name: hub.api("POST", f"/users/{name}/tokens", admin, json={"note": "hub class test"})["token"]
              for name in (ANNA, BRAM)}
    record["tokens"] = tokens
    for name, token in (*tokens.items(), (TRAINER, admin)):
        hub.request_server(name, token)

    # -- 1. the trainer releases m01 ----------------------------------------------------------
    as_trainer("nbgrader generate_assignment m01")
    as_trainer("nbgrader release_assignment m01")
    started = step("release", started)

    # -- 2. learners: server, Assignments list, fetch, answer, submit --------------------------
    for name, right in ((ANNA, True), (BRAM, False)):
        token = tokens[name]
        hub.wait_for_server(name, token)
        record.setdefault("listed", {})[name] = hub.assignments(name, token)
        hub.assignments(name, token, "fetch")
        nb = hub.contents(name, token, f"{ASSIGNMENT}/{NOTEBOOK}.ipynb")["content"]
        hub.contents(name, token, f"{ASSIGNMENT}/{NOTEBOOK}.ipynb", method="PUT",
                     json={"type": "notebook", "format": "json", "content": answered(nb, right)})
        record.setdefault("after_submit", {})[name] = hub.assignments(name, token, "submit")
    started = step("learners: start, fetch, answer, submit", started)

    # -- 3. the trainer collects, grades, writes and releases feedback ---------------------------
    record["collect"] = as_trainer("nbgrader collect m01")
    record["grade"] = as_trainer("smeai grade m01")
    print("\n--- smeai grade, as the trainer ---\n" + record["grade"])
    record["feedback"] = as_trainer("smeai feedback m01")
    record["release_feedback"] = as_trainer("nbgrader release_feedback m01")
    started = step("trainer: collect, grade, feedback, release", started)

    # -- 4. learners fetch their feedback --------------------------------------------------------
    record["feedback_pages"] = {}
    for name in (ANNA, BRAM):
        hub.assignments(name, tokens[name], "fetch_feedback")
        (stamp,) = [e["name"] for e in hub.contents(name, tokens[name], f"{ASSIGNMENT}/feedback")["content"]]
        path = f"{ASSIGNMENT}/feedback/{stamp}/{NOTEBOOK}.html"
        record["feedback_pages"][name] = (path, hub.contents(name, tokens[name], path)["content"])
    started = step("learners: fetch feedback", started)

    # the trainer's own server, for the control: formgrader is there for the trainer
    hub.wait_for_server(TRAINER, admin)
    record["admin"] = admin
    record["machine"] = machine
    record["accounts"] = {a.name: a for a in (trainer, anna, bram)}
    record["exchange"] = exchange
    step("trainer's server", started)
    TIMINGS["total before checks"] = round(time.monotonic() - t0, 1)
    yield record


# -- the class, as the learners and the trainer see it --------------------------------------------

def test_learners_see_the_released_assignment_and_their_submission(hub_class):
    for name in (ANNA, BRAM):
        assert (ASSIGNMENT, "released") in hub_class["listed"][name]
        assert (ASSIGNMENT, "submitted") in hub_class["after_submit"][name]
    assert "Collecting submission" in hub_class["collect"] or "collect" in hub_class["collect"].lower()


def test_smeai_grade_grades_both_learners_from_the_exchange(hub_class):
    out = hub_class["grade"]
    assert re.search(rf"{ANNA}\s+6 / 9\s+needs manual grading: written answers", out), out
    assert re.search(rf"{BRAM}\s+1 / 9\s+graded", out), out


@pytest.mark.parametrize("name", [ANNA, BRAM])
def test_each_learner_finds_their_own_score_in_their_feedback(hub_class, name):
    path, page = hub_class["feedback_pages"][name]
    text = visible_text(page)
    assert f"Score: {SCORES[name]}" in text, text[:2000]
    other = BRAM if name == ANNA else ANNA
    assert f"Score: {SCORES[other]}" not in text
    assert "BEGIN HIDDEN TESTS" not in text and "hidden=True" not in text


def test_a_learner_cannot_read_the_other_learners_feedback(hub_class):
    hub, tokens, machine = hub_class["hub"], hub_class["tokens"], hub_class["machine"]
    anna, bram = hub_class["accounts"][ANNA], hub_class["accounts"][BRAM]
    # through the hub: anna's token opens nothing on bram's server
    bram_path = hub_class["feedback_pages"][BRAM][0]
    response = hub.call("GET", f"/user/{BRAM}/api/contents/{bram_path}", tokens[ANNA])
    assert response.status_code in (403, 404) or response.status_code == 302, response.status_code
    assert "Score" not in response.text
    # on the machine: bram's home is closed, and the exchange's feedback folder cannot be listed
    probe = ("import sys\ntry:\n    open(sys.argv[1]).read()\nexcept PermissionError:\n    print('denied')\n"
             "try:\n    import os; os.listdir(sys.argv[2])\nexcept PermissionError:\n    print('denied')\n")
    feedback_folder = hub_class["exchange"] / COURSE_ID / "feedback"
    result = machine.run_as(anna, [sys.executable, "-c", probe, str(bram.home / bram_path), str(feedback_folder)],
                            cwd=anna.home, env=anna.env())
    assert result.stdout.split() == ["denied", "denied"], result
    # control: bram reads his own page as himself
    result = machine.run_as(bram, [sys.executable, "-c", "import sys; print(len(open(sys.argv[1]).read()) > 0)",
                                   str(bram.home / bram_path)], cwd=bram.home, env=bram.env())
    assert result.stdout.strip() == "True"


def page_config(html: str) -> dict:
    match = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, html[:1000]
    return json.loads(match.group(1))


def test_a_learners_server_shows_the_assignment_list_and_not_formgrader(hub_class):
    hub, token = hub_class["hub"], hub_class["tokens"][ANNA]
    assert hub.call("GET", f"/user/{ANNA}/assignments", token, params={"course_id": COURSE_ID}).status_code == 200
    assert hub.call("GET", f"/user/{ANNA}/formgrader", token, follow=True).status_code == 404
    lab = hub.call("GET", f"/user/{ANNA}/lab", token)
    assert lab.status_code == 200
    disabled = page_config(lab.text)["disabledExtensions"]
    assert "@jupyter/nbgrader:formgrader" in disabled and "@jupyter/nbgrader:create-assignment" in disabled
    assert not any("assignment-list" in name for name in disabled), disabled


def test_the_trainers_server_has_formgrader_in_its_own_tab(hub_class):
    # control for the test above: the same checks see formgrader where the guide says it is
    hub, admin = hub_class["hub"], hub_class["admin"]
    formgrader = hub.call("GET", f"/user/{TRAINER}/formgrader", admin, follow=True)
    assert formgrader.status_code == 200 and "manage assignments" in formgrader.text.lower(), formgrader.url
    disabled = page_config(hub.call("GET", f"/user/{TRAINER}/lab", admin).text)["disabledExtensions"]
    assert "@jupyter/nbgrader:formgrader" not in disabled, disabled


def test_a_learners_token_cannot_start_or_open_another_learners_server(hub_class):
    hub, tokens = hub_class["hub"], hub_class["tokens"]
    assert hub.call("POST", f"/hub/api/users/{BRAM}/server", tokens[ANNA]).status_code in (403, 404)
    assert hub.call("GET", f"/user/{TRAINER}/formgrader", tokens[ANNA]).status_code in (302, 403, 404)
