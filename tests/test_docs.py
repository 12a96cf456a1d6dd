"""The README says what the code does: every command and option it shows exists in the command lines'
argparse parsers, every command and option of those parsers is shown in the README, its table of
public views names the views and columns the store creates (mpp/store/schema/views.sql), and the
files, functions and packages it names exist."""

from __future__ import annotations

import argparse
import importlib
import re
import shlex

from loaders.__main__ import parser as loaders_parser
from mpp.__main__ import parser as mpp_parser
from tests.live_server import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
PARSERS = {"mpp": mpp_parser(), "loaders": loaders_parser()}
INVOCATION = re.compile(r"python3? -m (mpp|loaders)\b(.*)")


# argparse has no public way to list a parser's subcommands and options: its _actions are read here.
def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(found[0].choices) if found else {}


def leaves(program: str) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every runnable command of a program by its words: ('site', 'add') -> its parser."""
    found, todo = {}, [((), PARSERS[program])]
    while todo:
        words, parser = todo.pop()
        children = subcommands(parser)
        todo += [((*words, name), child) for name, child in children.items()]
        if not children:
            found[words] = parser
    return found


def options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for a in parser._actions for o in a.option_strings if o.startswith("--") and o != "--help"}


def shown_lines() -> list[str]:
    """The README's command lines: code-block lines (with `\\` continuations joined) and inline code."""
    blocks = re.findall(r"```[^\n]*\n(.*?)```", README, flags=re.S)
    lines = [line for block in blocks for line in block.replace("\\\n", " ").splitlines()]
    prose = re.sub(r"```.*?```", "", README, flags=re.S)
    return lines + [span.replace("\n", " ") for span in re.findall(r"`([^`]+)`", prose)]


def invocations() -> list[tuple[str, list[str]]]:
    """(program, words after `python -m program`) of every command line the README shows; a comment,
    `&&` or a pipe ends it and [brackets] mark what is optional."""
    found = []
    for line in shown_lines():
        for program, rest in INVOCATION.findall(line):
            rest = re.split(r"\s(?:#|&&|\||;)|`", rest)[0].replace("[", " ").replace("]", " ")
            words = shlex.split(rest, posix=True)
            found += [(program, words)] if words else []  # a bare `python -m mpp` names the program
    return found


def command_of(program: str, words: list[str]) -> tuple[str, ...]:
    """The command a README line runs: its first words that name subcommands."""
    command: tuple[str, ...] = ()
    parser = PARSERS[program]
    for word in words:
        children = subcommands(parser)
        if word not in children:
            break
        command, parser = (*command, word), children[word]
    return command


def test_the_readme_shows_command_lines_of_both_programs():
    assert {program for program, _ in invocations()} == {"mpp", "loaders"}


def test_every_command_and_option_in_the_readme_exists():
    wrong = []
    for program, words in invocations():
        command = command_of(program, words)
        parser = leaves(program).get(command)
        if parser is None:
            wrong.append(f"python -m {program} {' '.join(words)}: no such command")
            continue
        unknown = {w.split("=")[0] for w in words if w.startswith("--")} - options(parser)
        wrong += [f"python -m {program} {' '.join(command)} has no option {o}" for o in sorted(unknown)]
    assert not wrong, "\n".join(wrong)


# Options every command takes (mpp/store/options.py): shown once per program, not on every command.
EVERY_COMMAND = {"--data-path"}


def test_every_command_and_option_is_in_the_readme():
    shown: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for program, words in invocations():
        key = (program, command_of(program, words))
        shown.setdefault(key, set()).update(w.split("=")[0] for w in words if w.startswith("--"))
        shown.setdefault((program, ()), set()).update(EVERY_COMMAND & set(shown[key]))
    missing = [f"python -m {p} {o}" for p in PARSERS for o in sorted(EVERY_COMMAND - shown[(p, ())])]
    for program in PARSERS:
        for command, parser in leaves(program).items():
            name = f"python -m {program} {' '.join(command)}"
            if (program, command) not in shown:
                missing.append(f"{name}: no command line in the README")
                continue
            hidden = options(parser) - shown[(program, command)] - EVERY_COMMAND
            missing += [f"{name} {o}" for o in sorted(hidden)]
    assert not missing, "not shown in any README command line:\n" + "\n".join(missing)


def readme_views() -> dict[str, list[tuple[str, str | None]]]:
    """The public views table: view -> [(column, type or None)], `u1..u9` spelt out."""
    section = README.split("Public views", 1)[1].split("\n\n", 2)[1]
    views = {}
    for row in section.splitlines()[2:]:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        columns = []
        for column in re.sub(r"\(.*?\)", "", cells[1].strip("`")).split(","):
            name, *kind = column.split()
            if name == "u1..u9":
                columns += [(f"u{i}", None) for i in range(1, 10)]
            else:
                columns.append((name, kind[0] if kind else None))
        views[cells[0].strip("`")] = columns
    return views


def test_the_public_views_table_matches_the_store(store):
    created = {
        view: [
            (column, kind)
            for column, kind, *_ in store.execute(f'DESCRIBE "{view}"').fetchall()  # names from DuckDB
        ]
        for (view,) in store.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
    }
    documented = readme_views()
    assert sorted(documented) == sorted(created)
    for view, columns in documented.items():
        assert [name for name, _ in columns] == [name for name, _ in created[view]], view
        types = dict(created[view])
        assert all(kind is None or kind == types[name] for name, kind in columns), view


def inline_code() -> set[str]:
    return set(re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", README, flags=re.S)))


def test_every_file_the_readme_names_exists():
    named = {c for c in inline_code() if re.fullmatch(r"(mpp|loaders|ui|tests|bench)/[\w./-]+", c)}
    assert len(named) >= 5
    assert not [path for path in sorted(named) if not (ROOT / path).exists()]


def resolved(name: str) -> object:
    """mpp.store.ledger.undo -> the function, importing submodules on the way; None when missing."""
    words = name.split(".")
    target: object = importlib.import_module(words[0])
    for depth, word in enumerate(words[1:], 2):
        if not hasattr(target, word):
            try:
                importlib.import_module(".".join(words[:depth]))  # a module its package does not import
            except ModuleNotFoundError:
                return None
        target = getattr(target, word, None)
    return target


def test_every_function_the_readme_names_exists():
    named = {c for c in inline_code() if re.fullmatch(r"(mpp|loaders|ui)(\.\w+)+", c)}
    assert len(named) >= 5
    assert not [name for name in sorted(named) if resolved(name) is None]


def test_the_code_map_names_every_package_and_top_module_of_mpp():
    code_map = README.split("## Layout of the code", 1)[1].split("```", 2)[1]
    packages = {f"{p.parent.name}/" for p in (ROOT / "mpp").glob("*/__init__.py")}
    modules = {p.name for p in (ROOT / "mpp").glob("*.py") if p.name != "__init__.py"}
    assert not [
        name for name in sorted(packages | modules) if not re.search(rf"\s{re.escape(name)}\s", code_map)
    ]
