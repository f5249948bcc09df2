"""README.md documents the command line the parser defines, and shows nothing it does not define.

Commands and flags are read from the parser itself (its subparsers and their actions), not from
the help text. README command lines are the ``toolkit ...`` commands in its shell code blocks and
inline code spans.
"""

import argparse
import re
import shlex
from pathlib import Path

import pytest

from toolkit.cli.main import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"
FENCED = re.compile(r"^```([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
INLINE = re.compile(r"`([^`\n]+(?:\n[^`\n]+)?)`")
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")
COMMAND_WORD = re.compile(r"[a-z][a-z-]*")
SEPARATORS = {"&&", "||", ";", "|"}


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def long_flags(parser: argparse.ArgumentParser) -> set[str]:
    return {s for action in parser._actions for s in action.option_strings if s.startswith("--")}


def code_lines(markdown: str) -> list[str]:
    """Lines of the code blocks (not Python ones; a trailing backslash joins the next line) and
    the inline code spans outside code blocks."""
    lines = []
    for info, body in FENCED.findall(markdown):
        if info.strip() != "python":
            lines.extend(body.replace("\\\n", " ").splitlines())
    prose = FENCED.sub("", markdown)
    lines.extend(span.replace("\n", " ") for span in INLINE.findall(prose))
    return lines


def toolkit_commands(line: str) -> list[list[str]]:
    """The words after each ``toolkit`` command in ``line``, one list a command.

    ``toolkit`` is a command where it starts the line or follows ``&&``, ``;`` or ``|``; a path
    ending in ``/toolkit`` is one anywhere. A quoted word that holds a command
    (``--system-cmd "toolkit quotes ..."``) is read too.
    """
    try:
        words = shlex.split(line, comments=True)
    except ValueError:  # an unbalanced quote in prose
        words = line.split()
    commands = []
    for i, word in enumerate(words):
        if " " in word:
            commands.extend(toolkit_commands(word))
        elif word.endswith("/toolkit") or (
                word == "toolkit" and (i == 0 or words[i - 1] in SEPARATORS)):
            rest = []
            for following in words[i + 1:]:
                if following in SEPARATORS:
                    break
                rest.append(following)
            commands.append(rest)
    return commands


def readme_commands() -> list[tuple[str | None, list[str]]]:
    """(subcommand or None for top-level options, its words) for every README command line.

    A span whose first word is not a command word (``toolkit report: error: ...`` quotes a
    message; ``toolkit COMMAND`` is a placeholder) is not a command line.
    """
    found = []
    for line in code_lines(README.read_text(encoding="utf-8")):
        for words in toolkit_commands(line):
            if not words or words[0].startswith("-"):
                found.append((None, words))
            elif COMMAND_WORD.fullmatch(words[0]):
                found.append((words[0], words[1:]))
    return found


PARSER = build_parser()
COMMANDS = subcommands(PARSER)


def test_readme_has_command_lines():
    shown = {command for command, _ in readme_commands()}
    assert {"corpus", "quotes", "speakers", "report"} <= shown


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_shown_in_a_readme_command_line(command):
    shown = {name for name, _ in readme_commands()}
    assert command in shown, f"README shows no `toolkit {command} ...` command line"


@pytest.mark.parametrize("command", [None, *sorted(COMMANDS)])
def test_every_long_flag_appears_in_readme(command):
    documented = set(FLAG.findall(README.read_text(encoding="utf-8")))
    parser = PARSER if command is None else COMMANDS[command]
    missing = sorted(long_flags(parser) - documented)
    assert not missing, f"README does not mention {missing} of `toolkit {command or ''}`"


def test_every_readme_command_line_uses_real_commands_and_flags():
    wrong = []
    for command, words in readme_commands():
        if command is not None and command not in COMMANDS:
            wrong.append(f"toolkit {command}: no such command")
            continue
        parser = PARSER if command is None else COMMANDS[command]
        known = long_flags(parser)
        for word in words:
            wrong.extend(f"toolkit {command or ''} {flag}: no such option"
                         for flag in FLAG.findall(word) if flag not in known)
    assert not wrong, "\n".join(wrong)


def test_the_command_line_reader_finds_commands_and_their_flags():
    line = ('python eval.py --polnear x --system-cmd ".venv/bin/toolkit quotes --paths-from -"'
            " && toolkit kwic data 'a b' --window 3 && cd /srv/discourse-toolkit  # --no-flag")
    assert toolkit_commands("Description=Discourse toolkit daily report") == []
    assert toolkit_commands(line) == [["quotes", "--paths-from", "-"],
                                         ["kwic", "data", "a b", "--window", "3"]]
    markdown = ("Run `toolkit COMMAND --help`.\n\n```bash\ntoolkit corpus x \\\n    --no-body\n"
                "toolkit --help\n```\n\n```python\nimport toolkit\n```\n")
    assert code_lines(markdown) == ["toolkit corpus x      --no-body", "toolkit --help",
                                    "toolkit COMMAND --help"]
