"""The shared store with its data files in object storage (s3://), against a real S3 server here.

moto's server (a PyPI package, requirements-dev.txt) runs as a child process on 127.0.0.1 and checks
every request's signature against the access keys it issued, like S3 or MinIO: a wrong secret is
refused. The catalog is a throwaway PostgreSQL database (tests/lake.py). Without moto the tests are
skipped, saying so; under CI=true that is a failure instead, as for PostgreSQL.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest

from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE
from mpp.store import db, lake
from tests import lake as lake_fixtures
from tests import layout_files as lf

try:  # moto's dependency, there wherever moto is; the fixture below says what is missing
    import boto3
except ImportError:
    boto3 = None

postgres = lake_fixtures.postgres  # the fixture, for this module

BUCKET = "mpp-provinsi"
DATA = f"s3://{BUCKET}/lake/"
PASER = "MPP Kabupaten Paser"
RECAP = {"Disdukcapil": [100, 200, 300], "Samsat": [10, 20, 30]}
MISSING = "moto not installed: pip install -r requirements-dev.txt (or `python3 tasks.py test`)"
# Every environment variable the store reads for S3, cleared before each test sets its own.
S3_VARIABLES = (
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_S3",
    "MPP_S3_URL_STYLE",
)


@dataclass
class S3Server:
    endpoint: str  # http://127.0.0.1:PORT
    key_id: str
    secret: str

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=self.key_id,
            aws_secret_access_key=self.secret,
            region_name="us-east-1",
        )

    def object_keys(self) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=BUCKET)
        return [item["Key"] for item in listing.get("Contents", [])]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, server: subprocess.Popen, log: Path) -> None:
    """Until the server accepts connections (a bare TCP connect: an HTTP request would count as one
    of the unauthenticated actions below)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"moto_server stopped: {log.read_text()[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("moto_server did not start within 60 s")


@pytest.fixture(scope="module")
def s3(tmp_path_factory) -> Iterator[S3Server]:
    """moto's S3 server with signature checks on: the first three requests (unauthenticated) make
    an IAM user allowed all of S3 and its access key; every request after them must be signed with
    that key, as on a real store."""
    if boto3 is None or importlib.util.find_spec("moto") is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI: {MISSING}")
        pytest.skip(MISSING)
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"  # a line per request: a pipe would fill
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            env={**os.environ, "INITIAL_NO_AUTH_ACTION_COUNT": "3"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(port, server, log)
        endpoint = f"http://127.0.0.1:{port}"
        iam = boto3.client(
            "iam",
            endpoint_url=endpoint,
            aws_access_key_id="x",
            aws_secret_access_key="x",
            region_name="us-east-1",
        )
        iam.create_user(UserName="dpmptsp")
        policy = {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}],
        }
        iam.put_user_policy(UserName="dpmptsp", PolicyName="lake", PolicyDocument=json.dumps(policy))
        key = iam.create_access_key(UserName="dpmptsp")["AccessKey"]
        found = S3Server(endpoint, key["AccessKeyId"], key["SecretAccessKey"])
        found.client().create_bucket(Bucket=BUCKET)
        yield found
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def use_s3(monkeypatch: pytest.MonkeyPatch, server: S3Server, secret: str | None = None) -> None:
    """The environment an office's machine has: the key pair, the region, the store's endpoint."""
    for name in S3_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", server.key_id)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", secret or server.secret)
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL", server.endpoint)  # http: no TLS; path-style URLs
    monkeypatch.setenv("MPP_DATA_PATH", DATA)


@pytest.fixture(scope="module")
def s3_lake(postgres, s3) -> Iterator[str]:
    """A lake made from nothing with its files in the bucket, as `mpp init` makes it (the schema and
    the seed lists, about a minute and a half against moto: every commit writes objects over HTTP),
    then one recap loaded into it. Made once for the module."""
    spec = postgres.spec()
    with pytest.MonkeyPatch.context() as monkeypatch:
        use_s3(monkeypatch, s3)
        with db.connect(spec) as con:
            loaded = ingest(con, "paser_2024.xlsx", lf.yearly_recap(RECAP), Options(actor=COMMAND_LINE))
            assert loaded.outcome == "added", loaded.problems
        yield spec


def figures(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, date], int]:
    rows = con.execute(
        "SELECT agency, month, visits FROM monthly_agency_visits WHERE site = ?", [PASER]
    ).fetchall()
    return {(agency, month): visits for agency, month, visits in rows}


def catalog_dump(postgres: lake_fixtures.Cluster, spec: str) -> str:
    """Every row of every table in the lake's PostgreSQL database, as text."""
    done = subprocess.run(
        [str(postgres.bin / "pg_dump"), "--data-only", "-d", spec.removeprefix(lake.PREFIX)],
        check=True,
        user=postgres.user,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.stdout


@pytest.mark.slow
def test_a_lake_in_object_storage_keeps_its_figures_in_the_bucket(s3_lake, s3, monkeypatch):
    use_s3(monkeypatch, s3)
    with db.connect(s3_lake, read_only=True) as con:
        assert figures(con)[("Disdukcapil", date(2024, 2, 1))] == 200
        assert sum(figures(con).values()) == 660
        # the catalog records the bucket as the data path, and the files are there
        path = con.execute(
            f"SELECT value FROM {lake.CATALOG}.ducklake_metadata WHERE key = 'data_path'"
        ).fetchall()
        assert path == [(DATA,)]
    parquet = [key for key in s3.object_keys() if key.endswith(".parquet")]
    assert parquet and all(key.startswith("lake/") for key in parquet)
    assert any("monthly_agency" in key or "visits" in key for key in parquet), parquet[:20]


@pytest.mark.slow
def test_the_credentials_are_in_no_catalog_row_and_in_no_file(s3_lake, s3, postgres, monkeypatch):
    use_s3(monkeypatch, s3)
    with db.connect(s3_lake, read_only=True) as con:
        secrets = con.execute("SELECT name, persistent, storage FROM duckdb_secrets()").fetchall()
        assert secrets == [("mpp_s3", False, "memory")]  # a temporary secret, in memory only
        assert s3.secret not in str(con.execute("SELECT secret_string FROM duckdb_secrets()").fetchall())
    dump = catalog_dump(postgres, s3_lake)
    assert DATA in dump and "ducklake_data_file" in dump  # the dump does hold the catalog's rows
    assert s3.secret not in dump
    assert s3.key_id not in dump
    stored = Path.home() / ".duckdb" / "stored_secrets"
    assert not stored.exists() or not any(stored.glob("mpp_s3*"))


@pytest.mark.slow
def test_a_wrong_secret_is_refused_and_the_message_does_not_show_it(s3_lake, s3, monkeypatch):
    wrong = "SalahRahasia/" + s3.secret[::-1]
    use_s3(monkeypatch, s3, secret=wrong)
    # A process keeps its lake open (with the secret it was opened with): another office's
    # process, started with the wrong key, opens it anew.
    db.close_lakes()
    with pytest.raises(Exception) as refused, db.connect(s3_lake, read_only=True) as con:
        figures(con)
    told = "".join(traceback.format_exception(refused.value))
    assert "403" in told, told
    assert wrong not in told and s3.secret not in told and s3.key_id not in told, told


def test_an_s3_data_path_without_credentials_names_the_missing_variables(monkeypatch):
    for name in S3_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAKANTORPASER")
    with pytest.raises(lake.LakeUnavailable) as refused:
        lake.open_lake("ducklake:postgres:dbname=mpp", data=DATA)
    assert "AWS_SECRET_ACCESS_KEY" in str(refused.value)
    assert "AKIAKANTORPASER" not in str(refused.value)


@pytest.mark.slow
def test_the_command_line_reads_the_bucket_given_with_data_path(s3_lake, s3, monkeypatch):
    use_s3(monkeypatch, s3)
    env = {name: value for name, value in os.environ.items() if name != "MPP_DATA_PATH"}
    command = [
        "summary",
        "--db",
        s3_lake,
        "--data-path",
        DATA,
        "--site",
        PASER,
        "--through",
        "2024-03",
        "--json",
    ]
    done = subprocess.run(
        [sys.executable, "-m", "mpp", *command],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["service_visits_to_date"] == 660
    assert s3.secret not in done.stdout + done.stderr
