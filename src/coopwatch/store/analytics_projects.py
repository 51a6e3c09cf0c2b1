"""Projects as analysts follow them: one project per identity (`ProjectMention.key`: what, who,
where), its status history ordered by publication date, each step with its article and
sentence. Statuses are shown as reported: a step that names an earlier stage than one already
reported is kept and marked, never dropped or reordered.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from coopwatch.store.analytics import FACT_SELECT, fact_row

STAGES = ("proposed", "under_discussion", "agreed", "signed", "in_progress", "delivered")
_KEY = "json_extract(f.data, '$.key')"  # indexed for project facts (schema migration 4)
_ORDER = " ORDER BY d.published IS NULL, d.published, f.document_id, s.idx, f.id"


def project_identity(data: dict[str, Any]) -> str:
    """The key a project fact is grouped by; facts stored without one stand alone by their text.

    >>> project_identity({"key": "project:assembly:maz:RU-VLG", "description": "x"})
    'project:assembly:maz:RU-VLG'
    >>> project_identity({"description": "MAZ buses"})
    'text:maz buses'
    """
    key = data.get("key")
    return str(key) if key else "text:" + str(data.get("description") or "").strip().lower()


def group_projects(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Project facts (oldest first) grouped into projects, the most recently reported first."""
    projects: dict[str, dict[str, Any]] = {}
    for fact in facts:
        data = fact["data"]
        key = project_identity(data)
        project = projects.setdefault(key, _new_project(key, data))
        for field in ("organizations", "regions"):
            project[field] = list(dict.fromkeys(project[field] + list(data.get(field) or [])))
        if project["region"] and project["region"] not in project["regions"]:
            project["regions"].insert(0, project["region"])
        project["sector"] = project["sector"] or data.get("sector")
        project["quantity"] = data.get("quantity") or project["quantity"]
        copy_of = _same_story_step(project["history"], fact)
        if copy_of is not None:  # a syndicated copy repeats a step, it is not a new one
            copy_of["copies"].append(fact["link"])
        else:
            project["history"].append(_step(fact, project["history"]))
    for project in projects.values():
        _summarise(project)
    return sorted(projects.values(), key=lambda p: (p["last_published"] or "", len(p["history"])),
                  reverse=True)


def _new_project(key: str, data: dict[str, Any]) -> dict[str, Any]:
    text = str(data.get("description") or "").strip()
    region = key.rsplit(":", 1)[-1] if key.startswith("project:") else "-"
    return {"key": key, "title": data.get("title") or text, "description": data.get("title")
            or text, "text": text, "region": None if region == "-" else region,
            "organizations": [], "regions": [], "sector": None, "quantity": None, "history": []}


def _step(fact: dict[str, Any], before: list[dict[str, Any]]) -> dict[str, Any]:
    """One reported status: the article, its date and sentence, and whether it steps back."""
    status = fact["data"].get("status")
    reached = max((_rank(s["status"]) for s in before), default=-1)
    return {
        "status": status, "published": fact["published"], "document_id": fact["document_id"],
        "title": fact["title"], "lang": fact["lang"], "source": fact["source"],
        "link": fact["link"], "sentence": fact["sentence"], "story_id": fact["story_id"],
        "copies": [],
        "sentence_text": fact["sentence_text"] or fact["data"].get("description"),
        "quantity": fact["data"].get("quantity"),
        "earlier_stage": status is not None and _rank(status) < reached,
    }


def _same_story_step(history: list[dict[str, Any]], fact: dict[str, Any]
                     ) -> dict[str, Any] | None:
    """The step a copy of the same story already reported with the same status and words."""
    text = " ".join(str(fact["sentence_text"] or "").split())
    return next((s for s in history if s["story_id"] == fact["story_id"]
                 and s["document_id"] != fact["document_id"]
                 and s["status"] == fact["data"].get("status")
                 and " ".join(str(s["sentence_text"] or "").split()) == text), None)


def _rank(status: str | None) -> int:
    return STAGES.index(status) if status in STAGES else -1


def _summarise(project: dict[str, Any]) -> None:
    """Latest reported status, furthest stage reached, first and last dates, articles."""
    history = project["history"]
    reported = [s["status"] for s in history if s["status"]]
    project["status"] = reported[-1] if reported else None
    project["furthest"] = max(reported, key=_rank) if reported else None
    dates = [s["published"] for s in history if s["published"]]
    project["first_published"] = dates[0] if dates else None
    project["last_published"] = dates[-1] if dates else None
    project["documents"] = len({s["document_id"] for s in history})


def project_facts(conn: sqlite3.Connection, where: str, params: dict[str, Any]
                  ) -> list[dict[str, Any]]:
    """Project facts matching `where` (on facts f), oldest first, as the pages show facts."""
    rows = conn.execute(
        FACT_SELECT + f" WHERE f.kind = 'project' AND ({where})" + _ORDER + " LIMIT 5000", params
    ).fetchall()
    return [fact_row(r) for r in rows]


def projects_with_keys(conn: sqlite3.Connection, facts: list[dict[str, Any]]
                       ) -> list[dict[str, Any]]:
    """The given facts plus every other fact of the same projects (their whole history)."""
    keys = sorted({str(f["data"]["key"]) for f in facts if f["data"].get("key")})
    seen = {f["id"] for f in facts}
    more = project_facts(conn, f"{_KEY} IN (SELECT value FROM json_each(:keys))",
                         {"keys": json.dumps(keys)}) if keys else []
    merged = facts + [f for f in more if f["id"] not in seen]
    return sorted(merged, key=lambda f: (f["published"] is None, f["published"] or "",
                                         f["document_id"], f["sentence"] or 0, f["id"]))


def all_projects(conn: sqlite3.Connection, region: str | None = None) -> list[dict[str, Any]]:
    """Every project (or one region's: named in a step, or the region of its key)."""
    if not region:
        return group_projects(project_facts(conn, "1", {}))
    facts = project_facts(
        conn, "f.partner = :code OR EXISTS (SELECT 1 FROM json_each(f.data, '$.regions')"
        " WHERE value = :code) OR " + _KEY + " LIKE :tail", {"code": region, "tail": f"%:{region}"})
    return group_projects(projects_with_keys(conn, facts))


def entity_projects(conn: sqlite3.Connection, entity_id: int) -> list[dict[str, Any]]:
    """Projects an organization, person or region takes part in (its project relations)."""
    facts = project_facts(
        conn, "f.id IN (SELECT fact_id FROM relations WHERE kind = 'project_party'"
        " AND (subject_id = :id OR object_id = :id))", {"id": entity_id})
    return group_projects(projects_with_keys(conn, facts))
