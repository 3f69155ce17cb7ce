"""The plugin manager: the registry that calls the plugins' hooks and keeps what they register,
and `load_registry`, which fills it from the plugins `discovery` finds.

Three origins, one code path per origin and no special case for the tool's own plugins:

- ``built-in``: every ``*.py`` module in ``bundled("plugins")``, loaded by `load_folder`, the
  same function that loads a user's ``--plugins-dir DIR``;
- ``folder``: the modules of each ``--plugins-dir DIR`` (one ``.py`` file, one plugin, named
  after the file: ``my_scorer.py`` is the plugin ``my-scorer``);
- ``package``: installed distributions, through the ``cxmaturity`` entry-point group (the
  plugin is called by its entry-point name); ``CXMATURITY_LOAD_PLUGINS`` allow-lists them.

Each hook of each plugin is called on its own, with a ``register`` callback bound to that
plugin, so that everything registered is attributed to its plugin and a plugin that fails is
left out alone. Every call into a plugin (its import, each hook) goes through `Registry.run`:
a time limit, ``sys.exit()`` caught, prints kept off stdout (`plugin_calls`). Failures are
recorded (one line each) and the registry keeps working; under ``strict`` the first failure
raises `PluginError`. Everything the registry hands out is sorted
by name, so nothing depends on the order plugins were loaded or called in.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

import pluggy

from cxmaturity.errors import CxError, PluginError
from cxmaturity.formats.bundled import bundled
from cxmaturity.plugin_host import calls as plugin_calls
from cxmaturity.plugin_host import hookspecs
from cxmaturity.plugin_host.controls import CONTROLS
from cxmaturity.plugin_host.discovery import (  # noqa: F401 -- also the manager's names
    ENTRY_POINT_GROUP,
    _import_file,
    blocked_names,
    load_folder,
    load_packages,
)
from cxmaturity.plugin_host.plugin_info import (  # noqa: F401 -- also the manager's names
    Failure,
    PluginInfo,
    one_line,
    plugin_name,
)
from cxmaturity.plugin_host.registration import (  # noqa: F401 -- also the manager's names
    DIMENSION_ID,
    HOOKS,
    SCORER_NAME,
    Rejected,
    check_hooks,
    hook_arguments,
    key_of,
    label,
    sort_key,
    validate,
)

Kind = Literal["scorers", "questionnaires", "cohorts", "playbooks"]

# Built-ins claim names first, then the user's folders, then installed packages: a
# third-party plugin can never displace a built-in questionnaire by sorting before it.
_ORIGIN_RANK = {"built-in": 0, "folder": 1, "package": 2}


def _registered(kind: str, doc: str) -> property:
    """A read-only list of what the plugins registered of `kind`, sorted (see `Registry._kind`)."""
    return property(lambda self: self._kind(kind), doc=doc)


class Registry:
    """Everything the plugins registered, attributed to its plugin and sorted by name.

    The hooks of a kind are called the first time that kind is asked for (so that listing
    questionnaires does not parse cohort files). ``warnings`` holds one line per failure.
    """

    def __init__(
        self,
        pm: pluggy.PluginManager,
        strict: bool = False,
        block: Iterable[str] = (),
        traceback: bool = False,
    ):
        self.pm = pm
        self.strict = strict
        self.traceback = traceback
        self.blocked = set(block)
        self._blocked_seen: set[str] = set()
        self._tracebacks: dict[str, str] = {}
        self._plugins: dict[str, PluginInfo] = {}
        self._items: dict[str, dict[str, Any]] = {}
        self._owners: dict[str, dict[str, str]] = {}
        self._warnings: list[str] = []
        self._sources: dict[str, dict[str, Path]] = {}  # kind → key → the file it came from
        #: Seconds each plugin call may take (None: no limit); see `plugin_calls`.
        self.timeout = plugin_calls.timeout()

    # --- what plugins registered -----------------------------------------------------

    scorers = _registered("scorers", "Every valid scorer (`cxmaturity.Scorer` instances), sorted by name.")
    questionnaires = _registered(
        "questionnaires", "Every questionnaire (`cxmaturity.Questionnaire`), sorted by id then version."
    )
    cohort_files = _registered(
        "cohorts", "Every cohort file (`cxmaturity.CohortFile`), sorted by id, ``--cohorts`` files too."
    )
    playbooks = _registered("playbooks", "Every playbook (`cxmaturity.Playbook`), sorted by id.")

    def owner(self, kind: str, item: Any) -> str | None:
        """The plugin that registered `item` (an object, or its name: ``key_of``), or None.

        `kind` is ``scorers``, ``questionnaires``, ``cohorts`` (or ``cohort_files``) or
        ``playbooks``. For a questionnaire, a bare id names its latest version.
        """
        kind = "cohorts" if kind == "cohort_files" else kind
        self._kind(kind)
        owners = self._owners[kind]
        key = item if isinstance(item, str) else key_of(kind, item)
        if kind == "questionnaires" and "@" not in key:
            versions = [k for k in owners if k.split("@")[0] == key]
            key = max(versions, key=lambda k: int(k.split("@")[1]), default=key)
        return owners.get(key)

    # --- plugins and their health ----------------------------------------------------

    @property
    def plugins(self) -> list[PluginInfo]:
        """Every plugin found (loaded or not), sorted by name, every hook called."""
        for kind in HOOKS:
            self._kind(kind)
        return sorted(self._plugins.values(), key=lambda p: p.name)

    def plugin(self, name: str) -> PluginInfo | None:
        """The plugin called `name` (every hook called), or None."""
        for kind in HOOKS:
            self._kind(kind)
        return self._plugins.get(name)

    @property
    def statuses(self) -> list:
        """A `PluginStatus` per plugin (name, version, origin, error), sorted by name."""
        return [p.status() for p in self.plugins]

    @property
    def warnings(self) -> list[str]:
        """One line per failure so far, in the order met (no duplicates)."""
        return list(self._warnings)

    def fail(self, plugin: str, message: str, exc: BaseException | None = None) -> None:
        """Record that `plugin` failed (``message`` says where and why); raise under strict.

        `exc` (by default the exception being handled, if any) adds where in the plugin's code
        it happened (``at file:line``), and its traceback when tracebacks are asked for."""
        from cxmaturity.plugin_host.checks import formatted, location

        info = self._plugins.get(plugin)
        exc = exc if exc is not None else sys.exc_info()[1]
        if exc is not None:
            where = location(exc, info.source if info else "", info.module if info else None)
            message = f"{message} (at {where})" if where else message
        line = f"plugin '{plugin}' {message}"
        if exc is not None and self.traceback:
            self._tracebacks[line] = formatted(exc)
        if info is not None and message not in info.errors:
            info.errors.append(message)
        self._warn(line)

    def run(self, plugin: str, where: str, fn: Callable[..., Any], *args: Any) -> tuple[Any, str | None]:
        """``fn(*args)`` as `plugin`'s code (`where`: ``in score (x)``, ``at import``…): under the
        time limit, its prints kept off stdout, `SystemExit` caught. Returns (result, None), or
        (None, the reason it failed in one line); what it printed becomes a warning (fatal
        under strict)."""
        return self.run_each([(plugin, where, lambda: fn(*args))])[0]

    def run_each(self, calls: list[tuple[str, str, Callable[[], Any]]]) -> list[tuple[Any, str | None]]:
        """`run` for several calls (plugin, where, fn) in one batch, in order, each under the
        time limit: what scoring uses, so that a run costs one thread switch, not one a call."""
        outcomes = plugin_calls.call_each([fn for _, _, fn in calls], limit=self.timeout)
        out = []
        for (plugin, where, _), outcome in zip(calls, outcomes, strict=True):
            printed = "".join(outcome.printed)
            if printed.strip():
                shown = " ".join(printed.split())
                shown = shown if len(shown) <= 80 else shown[:79] + "…"
                self._warn(f"plugin '{plugin}' printed to stdout {where} (kept off the output): {shown!r}")
            if outcome.error is None:
                out.append((outcome.result, None))
            elif isinstance(outcome.error, KeyboardInterrupt):
                raise outcome.error
            else:
                out.append((None, Failure(one_line(outcome.error), outcome.error)))
        return out

    def traceback_of(self, line: str) -> str | None:
        """The traceback behind a warning line, when tracebacks are asked for (``--traceback``)."""
        return self._tracebacks.get(line)

    def blocks(self, name: str) -> bool:
        """Whether the plugin `name` is blocked (``--block``, ``CXMATURITY_BLOCK_PLUGINS``)."""
        if name in self.blocked:
            self._blocked_seen.add(name)
            return True
        return False

    def _warn(self, line: str, fatal: bool = True) -> None:
        if line not in self._warnings:
            self._warnings.append(line)
        if fatal and self.strict:
            error = PluginError(line)
            error.traceback = self._tracebacks.get(line)
            raise error

    # --- loading -----------------------------------------------------------------------

    def add(self, info: PluginInfo) -> None:
        """Register a plugin module with the plugin manager, or record why it cannot be."""
        if info.name in self._plugins:
            first = self._plugins[info.name]
            if first.origin == "folder" and info.origin == "package":
                # A development copy in --plugins-dir stands in for the installed plugin.
                self._warn(f"plugin '{info.name}' from {info.source} is shadowed by the copy in "
                           f"--plugins-dir {first.source}", fatal=False)
                return
            # Keep the first one under its name; the second is reported, never silently lost.
            self._warn(
                f"plugin '{info.name}' from {info.source} not loaded: the name is taken by "
                f"the {first.origin} plugin from {first.source}"
            )
            return
        self._plugins[info.name] = info
        if info.module is None:
            return
        from cxmaturity.plugin_host.api_version import api_problem

        problem = api_problem(info.module) or check_hooks(info.module)
        if problem:
            info.module = None
            self.fail(info.name, f"failed to load: {problem}")
            return
        try:
            self.pm.register(info.module, name=info.name)
        except Exception as exc:  # pluggy rejects an implementation it cannot call
            info.module = None
            self.fail(info.name, f"failed to load: {one_line(exc)}")
            return
        info.hooks = sorted(c.name for c in self.pm.get_hookcallers(info.module) or [])
        from cxmaturity.plugin_host.checks import unmarked_hooks

        for problem in unmarked_hooks(info.module):
            self.fail(info.name, problem)

    def _call_order(self, hook: str):
        caller = getattr(self.pm.hook, hook)
        impls = caller.get_hookimpls()
        rank = {name: (_ORIGIN_RANK[p.origin], name) for name, p in self._plugins.items()}
        return sorted(impls, key=lambda impl: rank.get(impl.plugin_name, (9, impl.plugin_name)))

    def _kind(self, kind: str) -> list:
        if kind not in self._items:
            self._items[kind] = {}
            self._owners[kind] = {}
            for impl in self._call_order(HOOKS[kind]):
                self._call(kind, impl)
            if kind == "questionnaires":
                self._resolve_extensions()
        items = self._items[kind]
        return [items[k] for k in sorted(items, key=sort_key(kind))]

    def _call(self, kind: str, impl) -> None:
        """Call one plugin's hook; keep what it registered only if the whole call succeeded."""
        name = impl.plugin_name
        hook = HOOKS[kind]
        staged: dict[str, Any] = {}
        sources: dict[str, Path] = {}  # key → the file it came from, to locate wrong references

        def register(item: Any) -> None:
            obj = validate(kind, item)
            key = key_of(kind, obj)
            holder = self._owners[kind].get(key)
            if holder is not None and self._shadows(holder, name):
                self._warn(f"{label(kind)} '{key}' of plugin '{name}' is shadowed by plugin "
                           f"'{holder}' from --plugins-dir", fatal=False)
                return
            if holder is not None or key in staged:
                holder = holder or name
                raise Rejected(f"{label(kind)} '{key}' is already registered by plugin '{holder}'")
            staged[key] = obj
            if isinstance(item, (str, os.PathLike)):
                sources[key] = Path(item)

        kwargs = hook_arguments(hook, register=register, registry=self)
        _, error = self.run(name, f"in {hook}", impl.function, *[kwargs[arg] for arg in impl.argnames])
        if error is not None:  # isolation: any failure of a plugin's hook leaves it out
            self.fail(name, f"failed in {hook}: {error}", getattr(error, "exc", None))
            return
        self._items[kind].update(staged)
        self._sources.setdefault(kind, {}).update(sources)
        for key in staged:
            self._owners[kind][key] = name
        info = self._plugins.get(name)
        if info is not None:
            info.registered.setdefault(kind, []).extend(sorted(staged, key=sort_key(kind)))
        from cxmaturity.plugin_host.references import check_references

        for line in check_references(self, kind, name, staged, sources):
            self._warn(line)  # kept, but said; fatal under strict

    def _shadows(self, holder: str, plugin: str) -> bool:
        """Whether what `holder` registered stands in for the same of `plugin`: a development
        copy (``--plugins-dir``) over an installed plugin."""
        first, second = self._plugins.get(holder), self._plugins.get(plugin)
        return bool(first and second and first.origin == "folder" and second.origin == "package")

    def _resolve_extensions(self) -> None:
        # A questionnaire that extends another is kept merged onto its base, which is found
        # among the registered ones by id and version; one that cannot be is left out.
        from cxmaturity.formats.extension import resolve_registered

        items, failures = resolve_registered(self._items["questionnaires"], self._sources.get("questionnaires", {}))
        self._items["questionnaires"] = items
        for key, message in failures:
            plugin = self._owners["questionnaires"].pop(key, None) or "?"
            info = self._plugins.get(plugin)
            if info is not None and key in info.registered.get("questionnaires", []):
                info.registered["questionnaires"].remove(key)
            self.fail(plugin, f"failed in register_questionnaires: {message}")

    def add_cohort_file(self, cohort_file, path: str) -> None:
        """A cohort file given by the user (``--cohorts FILE``), already loaded and checked,
        added beside the plugins' own. A file or cohort id that clashes is a user error."""
        self._kind("cohorts")  # the plugins' cohort files first, so that a clash is found
        holder = self._owners["cohorts"].get(cohort_file.id)
        if holder is not None:
            raise CxError(
                f"{path}: cohort file '{cohort_file.id}' is already registered "
                f"by plugin '{holder}'"
            )
        # Placements name a cohort by its id alone, so ids must not clash across files.
        for other in self._items["cohorts"].values():
            clash = sorted({c.id for c in cohort_file.cohorts} & {c.id for c in other.cohorts})
            if clash:
                raise CxError(
                    f"{path}: cohort '{clash[0]}' is already defined in cohort file '{other.id}'"
                )
        self._items["cohorts"][cohort_file.id] = cohort_file
        self._owners["cohorts"][cohort_file.id] = "--cohorts"


def load_registry(
    plugins_dirs: Iterable[Path] = (),
    strict: bool = False,
    block: Iterable[str] | None = None,
    traceback: bool | None = None,
) -> Registry:
    """The registry of every plugin: built-ins, then each of `plugins_dirs`, then installed
    packages. With `strict`, the first plugin failure raises `PluginError`. The user's own
    cohort files are added from outside (`workspace.open_registry`). `block`: plugin names to
    leave out, whatever their origin (added to ``CXMATURITY_BLOCK_PLUGINS``); `traceback`: keep
    each failure's traceback (None: ``CXMATURITY_TRACEBACK`` or ``--traceback`` decides).

    Where two plugins have the same name, the first loaded keeps it: built-ins, then the
    folders in the order given, then installed packages; the others are reported and left
    out, except that a ``--plugins-dir`` copy stands in for an installed plugin (a notice, not
    an error). Where two plugins register the same item, the same order decides."""
    from cxmaturity.plugin_host.checks import traceback_wanted

    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    if traceback is None:
        traceback = traceback_wanted() or bool((CONTROLS.get() or {}).get("traceback"))
    registry = Registry(pm, strict=strict, block=blocked_names(block),
                        traceback=traceback)
    dirs = [Path(d) for d in plugins_dirs]
    for d in dirs:
        if not d.is_dir():
            raise CxError(f"--plugins-dir {d}: not a folder")
    builtin = bundled("plugins")
    if builtin.is_dir():
        load_folder(builtin, "built-in", registry)
    for d in dirs:
        load_folder(d, "folder", registry)
    load_packages(registry)
    for name in sorted(registry.blocked - registry._blocked_seen):
        registry._warn(f"the block-list names '{name}', which matches no plugin", fatal=False)
    return registry
