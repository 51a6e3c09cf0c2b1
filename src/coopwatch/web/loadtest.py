"""`coopwatch bench serve`: a synthetic knowledge base (built once, cached), the real server in
its own process on loopback, and a bounded load of concurrent clients against a dossier page
and a filtered facts query; reports requests/s, p50/p95 latency and errors.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from coopwatch.labels import tiles
from coopwatch.model import (
    Document,
    EventMention,
    Evidence,
    Extraction,
    OrganizationMention,
    PartyMention,
    PersonMention,
    SectorMention,
    Sentence,
    TradeAtom,
)
from coopwatch.store import open_store

SECTORS = [
    "agricultural_machinery",
    "automotive_vehicles",
    "agriculture_food",
    "construction",
    "public_transport",
    "healthcare_pharma",
    "science_education",
    "logistics",
]
ORGS = [
    "MAZ",
    "BelAZ",
    "MTZ",
    "Gomselmash",
    "Amkodor",
    "Belshina",
    "Belkommunmash",
    "Integral",
    "Atlant",
    "Mogilevliftmash",
    "Bobruiskagromash",
    "Lidselmash",
]
FIRST = ["Ivan", "Pavel", "Sergey", "Olga", "Anna", "Dmitry", "Alexei", "Maria", "Yuri", "Igor"]
LAST = [
    "Petrov",
    "Smirnov",
    "Kozlov",
    "Orlov",
    "Volkov",
    "Sokolov",
    "Lebedev",
    "Novikov",
    "Morozov",
    "Pavlov",
    "Zaitsev",
    "Belov",
]
WORDS = (
    "tractors buses elevators tyres fertilizer milk timber engines bridges vaccines seeds "
    "lorries cranes harvesters textiles furniture software drones rails pumps"
).split()


class Writer:
    """Builds one synthetic article sentence by sentence, keeping evidence offsets."""

    def __init__(self) -> None:
        self.text = ""
        self.sentences: list[Sentence] = []

    def add(self, sentence: str, phrase: str | None = None) -> Evidence:
        start = len(self.text)
        self.sentences.append(
            Sentence(
                index=len(self.sentences), start=start, end=start + len(sentence), text=sentence
            )
        )
        self.text += sentence + " "
        at = sentence.find(phrase) if phrase else 0
        at = max(at, 0)
        length = len(phrase) if phrase and phrase in sentence else len(sentence)
        return Evidence(sentence=len(self.sentences) - 1, start=start + at, end=start + at + length)


def synthetic_article(
    i: int, rng: random.Random, regions: list[str]
) -> tuple[Document, Extraction]:
    """One made-up article about one region: figures, a person, an organization, an event."""
    region = rng.choices(regions, weights=[1 / (k + 1) for k in range(len(regions))])[0]
    name = tiles()[region].en
    published = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    year = str(published.year - 1)
    w = Writer()
    extraction = Extraction(doc=f"synthetic-{i}.txt", lang="en", published=published)
    truth = random.Random(f"{region}:{year}")  # what every outlet should report for the year
    value = round(truth.uniform(50, 2000), 1) * 1e6
    if rng.random() < 0.15:  # a rounded or garbled figure now and then
        value = round(value * rng.choice([0.9, 1.0, 1.1]), -7)
    ev = w.add(
        f"Trade between Belarus and {name} reached ${value / 1e6:.1f} million in {year}, "
        f"report {i} says.",
        f"${value / 1e6:.1f} million",
    )
    extraction.parties.append(
        PartyMention(
            code=region,
            start=w.text.index(name),
            sentence=0,
            end=w.text.index(name) + len(name),
            surface=name,
        )
    )
    extraction.trade.append(
        TradeAtom(
            flow="turnover",
            reporter="BY",
            partner=region,
            period=year,
            measure="value",
            value=value,
            currency="USD",
            evidence=ev,
        )
    )
    growth = round(truth.uniform(-20, 40), 1)
    ev = w.add(
        f"Exports of {rng.choice(WORDS)} and {rng.choice(WORDS)} grew by {growth}%.", f"{growth}%"
    )
    extraction.trade.append(
        TradeAtom(
            flow="export",
            reporter="BY",
            partner=region,
            period=year,
            measure="growth_pct",
            value=growth,
            evidence=ev,
        )
    )
    months = rng.randint(3, 11)
    part = f"{published.year}-01..{published.year}-{months:02d}"
    exports = round(random.Random(f"{region}:{part}").uniform(20, 900), 1) * 1e6
    ev = w.add(
        f"In {months} months exports to the region were ${exports / 1e6:.1f} million.",
        f"${exports / 1e6:.1f} million",
    )
    extraction.trade.append(
        TradeAtom(
            flow="export",
            reporter="BY",
            partner=region,
            period=part,
            measure="value",
            value=exports,
            currency="USD",
            evidence=ev,
        )
    )
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    org = rng.choice(ORGS)
    ev = w.add(f"Governor {person} met the head of {org} to discuss {rng.choice(WORDS)}.", person)
    extraction.persons.append(
        PersonMention(name=person, role=f"Governor of {name}", affiliation=region, evidence=ev)
    )
    ev_org = Evidence(
        sentence=ev.sentence,
        start=w.text.index(org, ev.start),
        end=w.text.index(org, ev.start) + len(org),
    )
    extraction.organizations.append(
        OrganizationMention(name=org, key=org.lower(), country="BY", evidence=ev_org)
    )
    extraction.events.append(
        EventMention(
            kind="meeting", date=published.isoformat(), participants=[person, org], evidence=ev
        )
    )
    extraction.sectors.append(SectorMention(sector=rng.choice(SECTORS), evidence=ev))
    extraction.partners.append(region)
    doc = Document(
        name=f"synthetic-{i}.txt",
        origin=f"synthetic:{i}",
        title=f"{name} and Belarus, report {i}",
        source=rng.choice(["BelTA", "Sputnik", "Regional Daily", "Minsk Herald"]),
        content_hash=hashlib.sha256(w.text.encode()).hexdigest(),
        raw_text=w.text,
        text=w.text,
        lang="en",
        published=published,
        sentences=w.sentences,
    )
    return doc, extraction


def build_database(path: Path, docs: int, seed: int = 7) -> None:
    """Write `docs` synthetic articles spread over ~40 regions into a new database."""
    rng = random.Random(seed)
    regions = rng.sample(sorted(tiles()), 40)
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    with open_store(partial) as store:
        for i in range(docs):
            store.add_document(*synthetic_article(i, rng, regions))
        store.connection.execute("ANALYZE")
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far; 0 where /proc is missing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(db: Path, port: int, result_cache: bool = True) -> subprocess.Popen[bytes]:
    """The real app under uvicorn in its own process (the load generator gets its own CPU)."""
    env = {**os.environ, "COOPWATCH_DB": str(db), "COOPWATCH_RESULT_CACHE": str(int(result_cache))}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "coopwatch.web.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/regions", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start within 30 s")


class Connection:
    """One keep-alive HTTP/1.1 connection on loopback: a lean client, so the latencies measured
    are the server's and not the load generator's own parsing (httpx costs ~2 ms a request)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """GET `path`, read the whole body; the status code (0 when the connection failed)."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
        status = int(head.split(" ", 2)[1])
        if "transfer-encoding: chunked" in head:
            while size := int((await self.reader.readline()).strip() or b"0", 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readline()
        else:
            length = head.split("content-length:", 1)[1].split("\r\n", 1)[0]
            await self.reader.readexactly(int(length))
        if "connection: close" in head:
            await self.close()
        return status

    async def close(self) -> None:
        """Close the connection (the next `get` opens a new one)."""
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def load(base: str, path: str, clients: int, requests: int, seconds: float) -> dict[str, Any]:
    """`clients` concurrent loops sharing a budget of `requests` (or `seconds`) on one path."""
    latencies: list[float] = []
    errors = 0
    budget = requests
    deadline = time.monotonic() + seconds
    host, port = base.removeprefix("http://").rsplit(":", 1)

    async def client(conn: Connection) -> None:
        nonlocal budget, errors
        while budget > 0 and time.monotonic() < deadline:
            budget -= 1
            started = time.perf_counter()
            try:
                ok = await asyncio.wait_for(conn.get(path), 30) == 200
            except (OSError, ValueError, IndexError, asyncio.IncompleteReadError, TimeoutError):
                ok = False
                await conn.close()
            latencies.append(time.perf_counter() - started)
            errors += 0 if ok else 1
        await conn.close()

    connections = [Connection(host, int(port)) for _ in range(clients)]
    first = time.perf_counter()
    await connections[0].get(path)  # the cold request: queries run, the result cache fills
    first_ms = (time.perf_counter() - first) * 1000
    client_cpu = time.process_time()
    started = time.perf_counter()
    await asyncio.gather(*(client(c) for c in connections))
    elapsed = time.perf_counter() - started
    client_cpu = time.process_time() - client_cpu
    ms = sorted(x * 1000 for x in latencies)
    return {
        "path": path,
        "requests": len(ms),
        "errors": errors,
        "seconds": round(elapsed, 2),
        "first_ms": first_ms,
        "rps": len(ms) / elapsed if elapsed else 0.0,
        "p50_ms": statistics.median(ms) if ms else 0.0,
        "p95_ms": ms[int(0.95 * (len(ms) - 1))] if ms else 0.0,
        "client_cpu_ms_per_request": 1000 * client_cpu / max(len(ms), 1),
    }


def run_load(base: str, path: str, clients: int, requests: int, seconds: float) -> dict[str, Any]:
    """`load` on its own event loop in its own thread (the caller may already run a loop)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, load(base, path, clients, requests, seconds)).result()


def run_bench(
    docs: int,
    clients: int,
    requests: int,
    seconds: float,
    cache: Path | None = None,
    progress: bool = True,
    result_cache: bool = True,
) -> dict[str, Any]:
    """Build or reuse the synthetic database, serve it, load it, report."""
    folder = cache or Path(tempfile.gettempdir()) / "coopwatch-bench"
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"serve-{docs}-v2.db"  # bump when the synthetic articles change
    started = time.perf_counter()
    if not db.exists():
        if progress:
            print(f"building {db} ({docs} synthetic articles)…", file=sys.stderr)
        build_database(db, docs)
    build_seconds = time.perf_counter() - started
    with open_store(db) as store:
        conn = store.connection
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        facts = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
        region = conn.execute(
            "SELECT partner FROM facts WHERE kind = 'trade' GROUP BY partner"
            " ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    port = free_port()
    server = start_server(db, port, result_cache)
    paths = {
        "dossier": f"/regions/{region}",
        "facts": f"/api/facts?region={region}&flow=export&measure=value&sort=-published&size=50",
    }
    results = {}
    try:
        for name, path in paths.items():
            before = cpu_seconds(server.pid)
            result = run_load(f"http://127.0.0.1:{port}", path, clients, requests, seconds)
            used = cpu_seconds(server.pid) - before
            result["server_cpu_ms_per_request"] = 1000 * used / max(result["requests"] + 1, 1)
            results[name] = result
    finally:
        server.terminate()
        server.wait(timeout=10)
    load_average = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {
        "database": str(db),
        "load_average": load_average,  # the machine's 1-minute load when the run ended
        "documents": documents,
        "facts": facts,
        "clients": clients,
        "result_cache": result_cache,
        "build_seconds": build_seconds,
        "endpoints": results,
    }
