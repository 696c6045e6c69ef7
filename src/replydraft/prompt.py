"""Prompts: versioned Jinja templates under ``prompts/<version>/`` rendered into Chat Completions messages.

The customer's words are untrusted. They are fenced in tags the system prompt names as data, and any text
that would close or open one of those tags is neutralised so a message cannot step outside its fence.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError

if TYPE_CHECKING:
    from .case import Case
    from .findings import Finding

__all__ = ["DEFAULT_PROMPT_VERSION", "Prompt", "fence", "load_prompt", "prompt_versions"]

DEFAULT_PROMPT_VERSION = "v1"
_FENCE_TAG = re.compile(r"<(\s*/?\s*(?:customer_message|history|system|instructions?)\b)", re.I)


def prompts_dir() -> Path:
    """Where prompt versions live: ``$REPLYDRAFT_PROMPTS_DIR``, the wheel's copy, or the source checkout's."""
    override = os.environ.get("REPLYDRAFT_PROMPTS_DIR")
    if override:
        return Path(override)
    packaged = Path(__file__).parent / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "prompts"


def prompt_versions() -> list[str]:
    root = prompts_dir()
    return sorted(p.name for p in root.iterdir() if (p / "system.j2").is_file()) if root.is_dir() else []


def fence(text: str) -> str:
    """Neutralise tag-like text that could close the fence around untrusted customer text."""
    return _FENCE_TAG.sub(lambda m: "\u2039" + m.group(1), text)


@dataclass(frozen=True)
class Prompt:
    """One prompt version: renders the first messages for a case and the repair message after findings."""

    version: str
    templates: dict[str, Any]
    meta: dict[str, Any]
    #: Worked examples shown to the model as earlier turns: (example case, its JSON answer).
    examples: tuple[tuple[Case, str], ...] = ()

    def _user(self, case: Case) -> dict[str, str]:
        # Every text field is fenced, not only the message: customers set their own names, and helpdesk adapters
        # build the issue and remedies from ticket text, so none of them may open or close a fence either.
        remedies = [replace(r, description=fence(r.description), eta=r.eta and fence(r.eta)) for r in case.remedies]
        context = {
            "customer_name": fence(case.customer_name),
            "agent_name": case.agent_name and fence(case.agent_name),
            "company_name": case.company_name and fence(case.company_name),
            "channel": case.channel,
            "issue": fence(case.issue),
            "remedies": remedies,
            "history": case.history,
            "message": case.message,
        }
        return {"role": "user", "content": self.templates["user"].render(**context).strip()}

    def messages(self, case: Case) -> list[dict[str, str]]:
        system = _render_system(self.templates["system"], case.agent_name, case.company_name)
        messages = [{"role": "system", "content": system}]
        messages += [dict(turn) for turn in self._example_turns]
        messages.append(self._user(case))
        return messages

    @cached_property
    def _example_turns(self) -> list[dict[str, str]]:
        # Small models follow a worked example far better than a rule; it is shown as earlier turns. The same
        # for every case, so rendered once.
        turns: list[dict[str, str]] = []
        for example_case, answer in self.examples:
            turns += [self._user(example_case), {"role": "assistant", "content": answer}]
        return turns

    def repair_message(self, reply: str, findings: list[Finding] | list[dict[str, Any]]) -> dict[str, str]:
        items = []
        for f in findings:
            if isinstance(f, dict):
                items.append(f)
            else:
                items.append({"message": f.message, "quote": f.quote(reply)})
        content = self.templates["repair"].render(reply=reply or "(no usable answer)", findings=items)
        return {"role": "user", "content": content.strip()}


@lru_cache(maxsize=1024)
def _render_system(template: Any, agent_name: str | None, company_name: str | None) -> str:
    # The system prompt depends only on who signs: rendered once per agent and company, not once per draft.
    return str(template.render(agent_name=agent_name, company_name=company_name)).strip()


@cache
def load_prompt(version: str = DEFAULT_PROMPT_VERSION) -> Prompt:
    """Load prompt ``version`` (a folder name under the prompts directory)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    folder = prompts_dir() / version
    if not (folder / "system.j2").is_file():
        known = ", ".join(prompt_versions()) or "none"
        raise ConfigError(f"unknown prompt version {version!r} (available: {known})")
    env = Environment(
        loader=FileSystemLoader(str(folder)), undefined=StrictUndefined, keep_trailing_newline=False, autoescape=False
    )
    env.filters["fence"] = fence
    templates = {name: env.get_template(f"{name}.j2") for name in ("system", "user", "repair")}
    meta_file = folder / "meta.toml"
    meta = tomllib.loads(meta_file.read_text("utf-8")) if meta_file.is_file() else {}
    examples_file = folder / "examples.json"
    examples: list[tuple[Case, str]] = []
    if examples_file.is_file():
        from .case import Case

        for i, item in enumerate(json.loads(examples_file.read_text("utf-8"))):
            example_case = Case.from_dict(item["case"], source=f"{examples_file}[{i}]")
            examples.append((example_case, json.dumps(item["answer"], ensure_ascii=False)))
    return Prompt(version=meta.get("version", version), templates=templates, meta=meta, examples=tuple(examples))
