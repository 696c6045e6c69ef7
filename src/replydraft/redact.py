"""Redaction: customer data is replaced by placeholders before the model sees a case, and restored in the draft.

A *redactor* finds spans of one kind of data (e-mail addresses, phone numbers, ...) in a text. Redactors are
plugins: the built-in ones live in ``replydraft_guardrails.redact_pii`` and a company adds its own (order ids,
account numbers) through the ``register_redactors(register)`` hook. For each draft a :class:`Redaction` maps every
value found to a placeholder such as ``[EMAIL_1]`` (the same value always gets the same placeholder), so the prompt,
the repair messages and anything recorded from them hold placeholders only; the reply built from the model's answer
has them restored before guardrails and people see it.

A redactor that raises stops the draft (fail closed): an unredacted case must never reach the model because a
plugin broke.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from .errors import PluginError

if TYPE_CHECKING:
    from .case import Case
    from .findings import Finding
    from .plugins import PluginHost

__all__ = ["PatternRedactor", "Redaction", "Redactor", "collect_redactors", "validate_redactor"]

_ID = re.compile(r"^[a-z][a-z0-9-]{0,63}$")
_LABEL = re.compile(r"^[A-Z][A-Z0-9]{0,23}$")
# Placeholders as the model may echo them: brackets kept, case and an inner space forgiven ("[email 1]").
_PLACEHOLDER = re.compile(r"\[\s*([A-Za-z][A-Za-z0-9]{0,23})[_ ](\d{1,4})\s*\]")


@runtime_checkable
class Redactor(Protocol):
    """Finds one kind of sensitive data. ``label`` names the placeholder: ``EMAIL`` gives ``[EMAIL_1]``."""

    id: str
    label: str

    def find(self, text: str) -> Iterable[tuple[int, int]]:
        """Return ``(start, end)`` character spans of ``text`` to replace."""
        ...


class PatternRedactor:
    """A redactor from a regular expression, with an optional ``validate(match_text) -> bool`` to cut false hits.

    ``group`` picks the capture group to replace (0, the whole match, by default), so context can be matched
    without being redacted: ``PatternRedactor("order-id", "ORDER", r"order\\s*#?\\s*(\\d{5,})", group=1)``.
    ``prefilter(text) -> bool`` is a cheap test that must pass before the pattern runs (say ``"@" in text``):
    every field of every case goes through every redactor, and most texts hold none of what is looked for.
    ``spans(text)`` replaces the pattern's own ``finditer`` when a faster search finds the same ``(start, end)``
    spans; the pattern stays the definition.
    """

    def __init__(
        self,
        id: str,
        label: str,
        pattern: str | re.Pattern[str],
        *,
        validate: Callable[[str], bool] | None = None,
        group: int = 0,
        flags: int = 0,
        prefilter: Callable[[str], bool] | None = None,
        spans: Callable[[str], Iterable[tuple[int, int]]] | None = None,
    ) -> None:
        self.id = id
        self.label = label
        self.pattern = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        self.validate = validate
        self.group = group
        self.prefilter = prefilter
        self.spans = spans

    def find(self, text: str) -> list[tuple[int, int]]:
        # A list, not a generator: every field of every case passes through every redactor, mostly finding nothing.
        if self.prefilter is not None and not self.prefilter(text):
            return []
        if self.spans is not None:
            spans = self.spans(text)
        else:
            spans = (match.span(self.group) for match in self.pattern.finditer(text))
        valid = self.validate
        return [(s, e) for s, e in spans if s < e and (valid is None or valid(text[s:e]))]

    def __repr__(self) -> str:
        return f"<Redactor {self.id}>"


def validate_redactor(obj: Any) -> str | None:
    """Why ``obj`` cannot be registered as a redactor, or ``None`` if it can."""
    rid = getattr(obj, "id", None)
    if not isinstance(rid, str) or not _ID.match(rid):
        return f"redactor id {rid!r} must be lowercase letters, digits and dashes"
    label = getattr(obj, "label", None)
    if not isinstance(label, str) or not _LABEL.match(label):
        return f"redactor {rid!r} has label {label!r}; expected up to 24 capital letters and digits, e.g. ORDER"
    if not callable(getattr(obj, "find", None)):
        return f"redactor {rid!r} has no find(text) method"
    return None


def collect_redactors(host: PluginHost) -> list[Any]:
    """Every redactor the loaded plugins register, in plugin order; problems are added to ``host.problems``."""
    from .plugins import PluginProblem

    found: dict[str, Any] = {}
    current: list[str] = [""]

    def register(redactor: Any) -> None:
        problem = validate_redactor(redactor)
        if problem is None and redactor.id in found:
            problem = f"redactor id {redactor.id!r} is already registered; ignored"
        if problem:
            host.problems.append(PluginProblem(current[0], host.sources.get(current[0], "?"), problem))
            return
        found[redactor.id] = redactor

    caller = host.pm.hook.register_redactors
    for impl in reversed(caller.get_hookimpls()):
        current[0] = impl.plugin_name
        try:
            impl.function(register=register)
        except Exception as exc:
            host.problems.append(
                PluginProblem(impl.plugin_name, host.sources.get(impl.plugin_name, "?"), _exc_name(exc))
            )
    return list(found.values())


def _key(match: re.Match[str]) -> str:
    """The canonical form of a placeholder however the model wrote it: ``[email 1]`` -> ``[EMAIL_1]``."""
    return f"[{match.group(1).upper()}_{match.group(2)}]"


def _exc_name(exc: BaseException) -> str:
    # The exception's message may quote the text being redacted: only its type is safe to show.
    return f"{exc.__class__.__name__} while registering redactors"


class Redaction:
    """The placeholders of one draft: ``redact`` text bound for the model, ``restore`` text coming back."""

    def __init__(self, redactors: Iterable[Any] = ()) -> None:
        self.redactors = list(redactors)
        self._placeholder: dict[str, str] = {}  # value -> placeholder
        self._value: dict[str, str] = {}  # placeholder (upper case) -> value
        self._counts: dict[str, int] = {}
        self._reserved: set[str] = set()

    @property
    def enabled(self) -> bool:
        return bool(self.redactors)

    @property
    def values(self) -> dict[str, str]:
        """Placeholder -> original value, for everything redacted so far."""
        return dict(self._value)

    def _spans(self, text: str) -> list[tuple[int, int, str]]:
        spans: list[tuple[int, int, str]] = []
        size = len(text)
        for redactor in self.redactors:
            try:
                found = redactor.find(text)
                if not found:  # the usual answer; a generator is never falsy, so it is always read
                    continue
                found = [(int(s), int(e)) for s, e in found]
            except Exception as exc:
                raise PluginError(
                    f"redactor {getattr(redactor, 'id', '?')!r} failed ({exc.__class__.__name__}); "
                    "the case was not sent to the model"
                ) from None
            spans += [(s, e, redactor.label) for s, e in found if 0 <= s < e <= size]
        if len(spans) < 2:
            return spans
        # Earliest first, then longest: of two overlapping finds the wider one wins.
        spans.sort(key=lambda span: (span[0], span[0] - span[1]))
        kept: list[tuple[int, int, str]] = []
        for span in spans:
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
        return kept

    def _name(self, value: str, label: str) -> str:
        if value in self._placeholder:
            return self._placeholder[value]
        while True:
            self._counts[label] = self._counts.get(label, 0) + 1
            placeholder = f"[{label}_{self._counts[label]}]"
            # A customer could type a placeholder themselves; never hand out one that already appears.
            if placeholder.upper() not in self._reserved:
                break
        self._placeholder[value] = placeholder
        self._value[placeholder.upper()] = value
        return placeholder

    def redact(self, text: str) -> str:
        """``text`` with every span a redactor finds (and every value seen before) replaced by its placeholder."""
        if not self.redactors or not text:
            return text
        if "[" in text:
            self._reserved.update(_key(m) for m in _PLACEHOLDER.finditer(text))
        out: list[str] = []
        pos = 0
        for start, end, label in self._spans(text):
            out.append(text[pos:start])
            out.append(self._name(text[start:end], label))
            pos = end
        out.append(text[pos:])
        result = "".join(out)
        # A value found in one field is hidden wherever it appears, even where its redactor's context is missing.
        for value in sorted(self._placeholder, key=len, reverse=True):
            if value in result:
                result = result.replace(value, self._placeholder[value])
        return result

    def restore(self, text: str) -> str:
        """``text`` with each placeholder handed out by :meth:`redact` replaced by the original value."""
        if not self._value or not text:
            return text

        def back(match: re.Match[str]) -> str:
            return self._value.get(_key(match), match.group(0))

        return _PLACEHOLDER.sub(back, text)

    def hide(self, text: str | None) -> str | None:
        """``text`` with every value redacted so far replaced by its placeholder (no new detection)."""
        if not text or not self._placeholder:
            return text
        for value in sorted(self._placeholder, key=len, reverse=True):
            text = text.replace(value, self._placeholder[value])
        return text

    def finding(self, finding: Finding) -> Finding:
        """A finding whose message and suggestion do not copy redacted data (a guardrail may quote the case)."""
        message, suggestion = self.hide(finding.message), self.hide(finding.suggestion)
        if message == finding.message and suggestion == finding.suggestion:
            return finding
        return dataclasses.replace(finding, message=message or "", suggestion=suggestion)

    def message(self, message: dict[str, str]) -> dict[str, str]:
        """A chat message with its content redacted."""
        return {**message, "content": self.redact(message.get("content") or "")}

    def case(self, case: Case) -> Case:
        """A copy of ``case`` whose text bound for the model is redacted. The customer's name is kept."""
        if not self.redactors:
            return case
        # Reserve placeholders the customer typed anywhere in the case before any is handed out.
        texts = [case.message, case.issue, *(text for _, text in case.history)]
        texts += [f"{r.description} {r.eta or ''}" for r in case.remedies]
        self._reserved.update(_key(m) for text in texts if "[" in text for m in _PLACEHOLDER.finditer(text))
        return dataclasses.replace(
            case,
            message=self.redact(case.message),
            issue=self.redact(case.issue),
            history=tuple((who, self.redact(text)) for who, text in case.history),
            remedies=tuple(
                dataclasses.replace(r, description=self.redact(r.description), eta=self.redact(r.eta or "") or None)
                for r in case.remedies
            ),
            # The raw document holds everything unredacted (e-mail, phone, metadata): it must not travel along.
            raw={},
        )
