"""Form data the Wagtail page editor posts for a guide (one text block)."""

import json


def guide_form(title, slug, text="Zwei Mitglieder prüfen die Kasse.", action="action-submit"):
    data = {
        "title": title,
        "slug": slug,
        "summary": "Eine kurze Zusammenfassung.",
        "body-count": "1",
        "body-0-type": "text",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-value": json.dumps({"blocks": [{
            "key": "a", "text": text, "type": "unstyled", "depth": 0,
            "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}),
        "legal_references-count": "0",
        "related_links-TOTAL_FORMS": "0", "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0", "related_links-MAX_NUM_FORMS": "1000",
        "glossary_links-TOTAL_FORMS": "0", "glossary_links-INITIAL_FORMS": "0",
        "glossary_links-MIN_NUM_FORMS": "0", "glossary_links-MAX_NUM_FORMS": "1000",
    }
    if action:
        data[action] = "1"
    return data
