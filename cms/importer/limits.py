"""What one content file may hold (docs/content-format.md, "Limits"). Each limit follows the
model field it fills or what a reader can use; the largest demo file (12 KB, 114 lines,
longest line 548 characters) stays far below all of them."""

# Python-Markdown needs up to 11 ms per KB (emphasis, code spans; measured in
# benchmarks/RESULTS.md): 256 KB, 20 times the longest demo file, stays under 3 s.
MAX_FILE_BYTES = 256 * 1024
MAX_FRONT_MATTER_CHARS = 16_000  # a long translated guide needs about 2,000
MAX_LINES = 10_000  # Python-Markdown spends ~70 µs per block: 10,000 lines stay under a second
# Python-Markdown's emphasis and link patterns rescan a paragraph from each opener: 10,000
# characters can take 0.2 s, 5,000 less than a quarter of that. The longest demo paragraph
# has 548 characters.
MAX_PARAGRAPH_CHARS = 5_000

MAX_SLUG = 80  # the last part of an address people read and type (Page.slug allows 255)
MAX_TITLE = 120  # GlossaryTerm.term; a longer page title does not fit a phone's heading
MAX_SUMMARY = 400  # BasePage.summary and GlossaryTerm.definition (admin form limit)
MAX_FUNDER = 200  # FundingProgrammePage.funder
MAX_URL = 200  # URLField's default max_length (programme_url)
MAX_HEADING = 200  # section headings, block titles, step titles, questions
MAX_SHORT_TEXT = 500  # checklist items, contact lines, descriptions, legal references
MAX_EMAIL = 254  # EmailValidator's limit
MAX_PHONE = 40  # Organisation.phone

MAX_ORDER = 999  # `order`: a guide's place in its topic (a topic has a few dozen at most)
MAX_AMOUNT = 2_147_483_647  # PositiveIntegerField's upper bound on every database
FRONT_MATTER_LISTS = {  # key: most entries
    "legal_references": 20,
    "related": 10,
    "guides": 10,
    "glossary": 30,
    "region": 50,  # "bundesweit", Länder, districts: a programme for many districts names its Land
    "eligible": 4,  # every organisation type
}
MAX_LIST_ITEMS = 100  # Markdown list items in a row, checklist items, steps, questions
MAX_NESTING = 4  # lists and quotes inside each other; deeper ones Python-Markdown recurses on
MAX_BRACKET_NESTING = 3  # [text [with [brackets]]]
MAX_HTML_TAGS = 200  # raw HTML tags per file: each can deepen the HTML cleaner's work
MAX_HTML_DEPTH = 20  # elements inside each other in one block's cleaned HTML
