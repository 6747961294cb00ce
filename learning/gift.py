"""Quiz questions in Moodle's GIFT format: `parse` reads them, `to_gift` writes them back.

Pure Python, no Django. Follows the GIFT documentation (docs.moodle.org/en/GIFT_format) and
what Moodle's importer (question/format/gift/format.php) does with it, for the four kinds a
Wegweiser quiz has:

    ::id:: Question {=right ~wrong#feedback ~%-50%costly mistake ####general feedback}
    ::id:: Several right {~%50%one ~%50%other ~%-100%wrong}      multiple, partial credit
    ::id:: Statement {T#shown for the wrong answer#shown for the right one}
    ::id:: Short answer {=accepted =%50%half right}

Differences from Moodle, all on purpose:
- The `::id::` is required and unique in a block: translations and learners' answers are
  matched by it. Moodle makes one up from the text.
- Questions may follow each other without a blank line: a question ends at the `}` closing
  its answers (the issue's example is written that way). Moodle needs the blank line.
- Matching (`->`), numerical (`{#...}`), essay (`{}`), description (no braces) and
  fill-the-gap questions (text after the answers) are refused with the line and a reason.
- A choice question with neither `=` nor a `~%n%` credit has no right answer and is refused;
  so are positive credits of a multiple-answer question that do not add up to 100 (±1, for
  three times 33.333), a short-answer credit below 0 and credits outside -100..100. A credit
  with decimals (`%33.33333%`, from Moodle exports) is rounded to a whole percent.
- Text before the first answer marker (`{foo}`, Moodle: a short answer "foo") is refused.
- Format prefixes `[markdown]`, `[plain]`, `[html]`, `[moodle]` are accepted and dropped:
  every text stays plain text (HTML is not interpreted, templates escape it).

Escapes: `\\=`, `\\~`, `\\#`, `\\{`, `\\}`, `\\:` stand for the character, `\\n` for a line
break, `\\\\` for a backslash; any other backslash stays as it is. Lines starting with `//`
and `$CATEGORY:` lines are ignored. Texts keep their inner line breaks (multi-line questions);
each line's indentation is dropped.

Linear in the size of the input: every step is one left-to-right scan, no backtracking regex.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

SINGLE, MULTIPLE, TRUE_FALSE, SHORT = "single", "multiple", "true_false", "short"
KINDS = (SINGLE, MULTIPLE, TRUE_FALSE, SHORT)
MAX_ID_LENGTH = 100
FORMATS = ("markdown", "plain", "html", "moodle")
_TRUE, _FALSE = ("T", "TRUE"), ("F", "FALSE")
_ESCAPES = {"=": "=", "~": "~", "#": "#", "{": "{", "}": "}", ":": ":", "n": "\n", "\\": "\\"}
_UNSUPPORTED = "questions are not supported in Wegweiser quizzes"


class GiftError(ValueError):
    """Broken or unsupported GIFT; `line` is 1-based in the text given to `parse`."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class Answer:
    text: str
    credit: int  # percent, -100..100
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # one of KINDS
    text: str
    answers: tuple[Answer, ...] = ()  # empty for true_false
    correct: bool | None = None  # true_false only
    feedback_wrong: str = ""  # true_false only
    feedback_right: str = ""  # true_false only
    explanation: str = ""  # general feedback, after ####
    line: int = field(default=0, compare=False)  # where the question starts; not compared


# --- reading ---------------------------------------------------------------------------


def parse(text: str, first_line: int = 1) -> list[Question]:
    """The questions of a GIFT block; `first_line` is the number of its first line."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    questions: list[Question] = []
    seen: dict[str, int] = {}
    index = 0
    while index < len(lines):
        stripped = lines[index].strip()
        if not stripped or stripped.startswith(("//", "$CATEGORY:")):
            index += 1
            continue
        chunk, index = _read_chunk(lines, index, first_line)
        question = chunk.question()
        if question.id in seen:
            raise GiftError(question.line, f"the id '{_short(question.id)}' is already used "
                                           f"on line {seen[question.id]}")
        seen[question.id] = question.line
        questions.append(question)
    return questions


def _read_chunk(lines: list[str], start: int, first_line: int) -> tuple[_Chunk, int]:
    """The lines of the question starting at `start`, up to the `}` closing its answers."""
    chunk = _Chunk(first_line + start)
    index = start
    while True:
        if index == len(lines) or (index > start and not lines[index].strip()):
            if chunk.open_at is None:
                raise _no_answers(chunk.line)
            raise GiftError(chunk.line_at(chunk.open_at),
                            "the answers opened with { are not closed with }")
        stripped = lines[index].strip()
        number = first_line + index
        index += 1
        if index - 1 > start and stripped.startswith("//"):
            continue
        if index - 1 > start and chunk.open_at is None and stripped.startswith("::"):
            raise _no_answers(chunk.line)  # the next question starts: this one had no { }
        closed = chunk.add(stripped, number)
        if closed:
            return chunk, index


def _no_answers(line: int) -> GiftError:
    return GiftError(line, f"the question has no answers in {{ }}; descriptions {_UNSUPPORTED}")


class _Chunk:
    """One question's raw text (escapes still in place), its lines joined with newlines."""

    def __init__(self, line: int):
        self.line = line
        self.parts: list[str] = []
        self.starts: list[int] = []  # offset of each part in the joined text
        self.numbers: list[int] = []  # its line number
        self.size = 0
        self.open_at: int | None = None
        self.close_at: int | None = None

    def add(self, line: str, number: int) -> bool:
        """Append a line; True when it holds the closing `}`."""
        if self.parts:
            self.size += 1  # the newline joining it to the previous line
        base = self.size
        for position, char in _unescaped(line):
            if char == "{":
                if self.open_at is not None:
                    raise GiftError(number, "a second { inside the answers; write \\{ for a "
                                            "brace in text")
                self.open_at = base + position
            elif char == "}":
                if self.open_at is None:
                    raise GiftError(number, "} without an opening {; write \\} for a brace "
                                            "in text")
                if line[position + 1:].strip():
                    raise GiftError(number, f"text after the answers: fill-the-gap {_UNSUPPORTED}"
                                            "; put the answers { } at the end of the question")
                self.close_at = base + position
                break
        self.parts.append(line)
        self.starts.append(base)
        self.numbers.append(number)
        self.size += len(line)
        return self.close_at is not None

    def line_at(self, offset: int) -> int:
        return self.numbers[bisect.bisect_right(self.starts, offset) - 1]

    def question(self) -> Question:
        raw = "\n".join(self.parts)
        assert self.open_at is not None and self.close_at is not None
        ident, text = self._header(raw[:self.open_at])
        body = raw[self.open_at + 1:self.close_at]
        base = self.open_at + 1
        general = _last_unescaped(body, "####")
        explanation = ""
        if general is not None:
            explanation = _clean(body[general + 4:])
            body = body[:general]
        fields = _Answers(self, body, base).read()
        return Question(id=ident, text=text, explanation=explanation, line=self.line, **fields)

    def _header(self, header: str) -> tuple[str, str]:
        if not header.startswith("::"):
            raise GiftError(self.line, "the question has no id: start it with ::id:: "
                                       "(translations are matched by id)")
        end = _find_unescaped(header, "::", 2)
        if end is None:
            raise GiftError(self.line, "the id opened with :: is not closed with ::")
        ident = _unescape(header[2:end]).strip()
        if not ident:
            raise GiftError(self.line, "the id between :: and :: is empty")
        if "\n" in ident or len(ident) > MAX_ID_LENGTH:
            raise GiftError(self.line, f"the id must be one line of at most {MAX_ID_LENGTH} "
                                       "characters")
        text = _clean(header[end + 2:])
        if not text:
            raise GiftError(self.line, f"the question '{_short(ident)}' has no text")
        return ident, text


class _Answers:
    """The part between { and } (without the general feedback): kind and answers."""

    def __init__(self, chunk: _Chunk, body: str, base: int):
        self.chunk, self.body, self.base = chunk, body, base
        self.line = chunk.line_at(base - 1)  # the line of the {

    def read(self) -> dict:
        body = self.body.strip()
        if not body:
            raise GiftError(self.line, f"empty answers {{}}: essay {_UNSUPPORTED}")
        if body.startswith("#"):
            raise GiftError(self.line, f"{{#...}}: numerical {_UNSUPPORTED}")
        first_hash = _find_unescaped(body, "#", 0)
        head = body if first_hash is None else body[:first_hash].strip()
        if head in _TRUE + _FALSE:
            return self._true_false(body, head)
        markers = [(at, char) for at, char in _unescaped(self.body) if char in "=~"]
        if not markers or self.body[:markers[0][0]].strip():
            if head.upper() in _TRUE + _FALSE:
                raise GiftError(self.line, "write true/false answers as T, TRUE, F or FALSE "
                                           "in capital letters")
            raise GiftError(self.line, "text before the first answer: start each answer with "
                                       "= (right) or ~ (wrong)")
        kinds = {char for _, char in markers}
        if "~" not in kinds and "->" in self.body:
            raise GiftError(self.line, f"matching {_UNSUPPORTED}")
        ends = [at for at, _ in markers[1:]] + [len(self.body)]
        answers = [self._answer(char, at, end)
                   for (at, char), end in zip(markers, ends, strict=True)]
        if "~" not in kinds:
            return self._short(answers)
        weighted = any(weighted for _, weighted, _ in answers)
        if "=" not in kinds and weighted:
            return self._multiple(answers)
        return self._single(answers)

    def _true_false(self, body: str, head: str) -> dict:
        hashes = [at for at, char in _unescaped(body) if char == "#"][:2] + [len(body)]
        wrong = _clean(body[hashes[0] + 1:hashes[1]]) if len(hashes) > 1 else ""
        right = _clean(body[hashes[1] + 1:]) if len(hashes) > 2 else ""
        return {"kind": TRUE_FALSE, "correct": head in _TRUE,
                "feedback_wrong": wrong, "feedback_right": right}

    def _answer(self, marker: str, at: int, end: int) -> tuple[Answer, bool, int]:
        line = self.chunk.line_at(self.base + at)
        raw = self.body[at + 1:end].strip()
        credit, weighted = (100 if marker == "=" else 0), False
        if raw.startswith("%"):
            close = raw.find("%", 1, 12)
            credit = _credit(raw[1:close] if close > 0 else "", line)
            raw, weighted = raw[close + 1:], True
        hash_at = _find_unescaped(raw, "#", 0)
        text = _clean(raw if hash_at is None else raw[:hash_at])
        if not text:
            raise GiftError(line, "an answer has no text")
        feedback = "" if hash_at is None else _clean(raw[hash_at + 1:])
        return Answer(text, credit, feedback), weighted, line

    def _short(self, answers: list) -> dict:
        for answer, _, line in answers:
            if answer.credit < 0:
                raise GiftError(line, "a short answer's credit must be between 0 and 100")
        if not any(answer.credit == 100 for answer, _, _ in answers):
            raise GiftError(self.line, "a short-answer question needs an answer worth 100% "
                                       "(= without a %credit%)")
        return {"kind": SHORT, "answers": tuple(answer for answer, _, _ in answers)}

    def _single(self, answers: list) -> dict:
        self._at_least_two(answers)
        if not any(answer.credit == 100 for answer, _, _ in answers):
            raise GiftError(self.line, "the single-choice question has no right answer: mark it "
                                       "with = (or give several answers ~%n% credits that add "
                                       "up to 100)")
        return {"kind": SINGLE, "answers": tuple(answer for answer, _, _ in answers)}

    def _multiple(self, answers: list) -> dict:
        self._at_least_two(answers)
        total = sum(answer.credit for answer, _, _ in answers if answer.credit > 0)
        if abs(total - 100) > 1:
            raise GiftError(self.line, f"the positive credits of the answers add up to {total}%, "
                                       "not 100%")
        return {"kind": MULTIPLE, "answers": tuple(answer for answer, _, _ in answers)}

    def _at_least_two(self, answers: list) -> None:
        if len(answers) < 2:
            raise GiftError(self.line, "a choice question needs at least two answers")


def _credit(number: str, line: int) -> int:
    digits = number[1:] if number.startswith("-") else number
    whole, _, fraction = digits.partition(".")
    if not (whole.isdigit() and whole.isascii()) or (fraction and not
                                                     (fraction.isdigit() and fraction.isascii())):
        raise GiftError(line, "an answer's credit must be a number of percent like %50% or "
                              "%-100%")
    value = Decimal(number)
    if abs(value) > 100:
        raise GiftError(line, f"the credit {_short(number)}% is outside -100..100")
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _unescaped(text: str):
    """(position, character) of every character not escaped by a backslash."""
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char == "\\":
            position += 2
            continue
        yield position, char
        position += 1


def _find_unescaped(text: str, needle: str, start: int) -> int | None:
    for position, char in _unescaped(text):
        if position >= start and char == needle[0] and text.startswith(needle, position):
            return position
    return None


def _last_unescaped(text: str, needle: str) -> int | None:
    found = None
    for position, char in _unescaped(text):
        if char == needle[0] and text.startswith(needle, position):
            found = position
    return found


def _unescape(text: str) -> str:
    out, position, length = [], 0, len(text)
    while position < length:
        char = text[position]
        if char == "\\" and position + 1 < length and text[position + 1] in _ESCAPES:
            out.append(_ESCAPES[text[position + 1]])
            position += 2
            continue
        out.append(char)
        position += 1
    return "".join(out)


def _clean(raw: str) -> str:
    """A text as written (escapes in place) -> plain text: no format prefix, trimmed."""
    return _unescape(_strip_format(raw.strip())).strip()


def _strip_format(text: str) -> str:
    if text.startswith("["):
        end = text.find("]", 1, 12)
        if end > 0 and text[1:end] in FORMATS:
            return text[end + 1:].strip()
    return text


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


# --- writing ---------------------------------------------------------------------------


def to_gift(questions) -> str:
    """GIFT for `questions`, one question after another with a blank line between them."""
    return "".join(_write(question) + "\n\n" for question in questions)[:-1]


def _write(question: Question) -> str:
    head = f"::{_escape(question.id)}:: {_text(question.text)}"
    general = f"####{_text(question.explanation)}" if question.explanation else ""
    if question.kind == TRUE_FALSE:
        answer = "TRUE" if question.correct else "FALSE"
        if question.feedback_wrong or question.feedback_right:
            answer += f"#{_text(question.feedback_wrong)}"
        if question.feedback_right:
            answer += f"#{_text(question.feedback_right)}"
        return f"{head} {{{answer}{general}}}"
    lines = [head + " {"]
    for answer in question.answers:
        lines.append(_marker(question.kind, answer) + _text(answer.text)
                     + (f"#{_text(answer.feedback)}" if answer.feedback else ""))
    if general:
        lines.append(general)
    lines.append("}")
    return "\n".join(lines)


def _marker(kind: str, answer: Answer) -> str:
    plain = not answer.text.startswith("%")  # else the credit must be written out
    if kind == SHORT:
        return "=" if answer.credit == 100 and plain else f"=%{answer.credit}%"
    if kind == SINGLE and answer.credit == 100:
        return "=" if plain else "=%100%"
    return "~" if answer.credit == 0 and plain else f"~%{answer.credit}%"


def _escape(text: str) -> str:
    out = []
    for char in text:
        if char == "\n":
            out.append("\\n")
        elif char == "\r":
            continue
        elif char in "\\=~#{}:":
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def _text(text: str) -> str:
    """Escaped; a text that itself starts like a format prefix is protected by `[plain]`."""
    escaped = _escape(text)
    return f"[plain]{escaped}" if _strip_format(escaped) != escaped else escaped
