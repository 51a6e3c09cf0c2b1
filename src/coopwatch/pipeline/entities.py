"""People and organizations of a document: the two entity stages (see people.py and
organizations.py for how each is found)."""

from coopwatch.pipeline.organizations import tag_organizations
from coopwatch.pipeline.people import tag_people

__all__ = ["tag_organizations", "tag_people"]
