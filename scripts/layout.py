#!/usr/bin/env python3
"""Checks the source layout of the crate (see DESIGN.md, "Layers").

Reports, for the files under src/:
  1. lines of code per file: lines that are neither blank nor `///` / `//!` doc comments
     (plain `//` comments and `#[cfg(test)]` modules count), flagging files over the limit;
  2. cycles between files: file A uses something defined in file B (a `use` or a path
     `crate::...`, `super::...`, `self::...`, re-exports followed to the file that defines
     the item) and B, directly or through other files, uses A;
  3. uses against the layer order: a file of a lower layer using a higher one.

Usage: python3 scripts/layout.py [--limit N] [--all]
Exits with 1 when a file is over the limit, a cycle exists or a layer is used upwards.
The parsing is textual (it reads Rust well enough for this crate, not in general).
"""

import argparse
import pathlib
import re
import sys

# Bottom to top; a file may use its own layer and the layers before it. `interop` and
# `report` are both on top and do not use each other.
LAYERS = {"model": 0, "people": 1, "analysis": 2, "planning": 3, "interop": 4, "report": 4}

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip(text):
    """Removes comments and the contents of string and char literals, keeping offsets."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif m := re.match(r'b?r(#*)"', text[i:]):
            end = text.find('"' + m.group(1), i + m.end())
            end = n if end < 0 else end + 1 + len(m.group(1))
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append('"' + re.sub(r"[^\n]", " ", text[i + 1 : j]) + '"')
            i = j + 1
        elif c == "'" and (m := re.match(r"'(\\.[^']*|[^\\'])'", text[i:])):
            out.append(" " * m.end())
            i += m.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)


def module_of(path):
    parts = list(path.relative_to("src").with_suffix("").parts)
    if parts in (["lib"], ["main"]):
        return ()
    if parts[-1] == "mod":
        parts.pop()
    return tuple(parts)


def expand_use(tree, prefix=()):
    """`a::{b, c::{d as e}, f::*}` -> [(path, alias)]."""
    tree = tree.strip()
    if not tree:
        return []
    if tree.startswith("{"):
        inner, depth, start, items = tree[1:-1], 0, 0, []
        for k, ch in enumerate(inner):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "," and depth == 0:
                items.append(inner[start:k])
                start = k + 1
        items.append(inner[start:])
        return [u for it in items for u in expand_use(it, prefix)]
    head, sep, rest = tree.partition("::")
    if sep and not head.strip().startswith("{"):
        return expand_use(rest, prefix + (head.strip(),))
    m = re.match(rf"({IDENT}|\*)(?:\s+as\s+({IDENT}))?$", tree)
    if not m:
        return []
    name = m.group(1)
    if name == "self":
        return [(prefix, prefix[-1] if prefix else "self")]
    return [(prefix + (name,), m.group(2) or name)]


class Module:
    def __init__(self, path, file):
        self.path, self.file = path, file
        self.children = set()
        self.items = set()
        self.imports = {}  # name -> absolute-ish path tuple, resolved lazily
        self.globs = []
        self.uses = []  # (path, offset)


def parse(files):
    modules, texts = {}, {}
    for f in files:
        raw = f.read_text(encoding="utf-8")
        text = strip(raw)
        texts[f] = (raw, text)
        base = module_of(f)
        # Inline modules (`mod tests { ... }`): their spans, to know where `super` points.
        spans = []
        for m in re.finditer(rf"\bmod\s+({IDENT})\s*\{{", text):
            depth, j = 0, m.end() - 1
            while j < len(text):
                if text[j] == "{":
                    depth += 1
                elif text[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            spans.append((m.start(), j, m.group(1)))

        def mod_at(offset, base=base, spans=spans):
            path = base
            for s, e, name in spans:
                if s <= offset <= e:
                    path = path + (name,)
            return path

        def module(path, f=f):
            if path not in modules:
                modules[path] = Module(path, f)
            return modules[path]

        module(base).file = f
        for s, _, name in spans:
            parent = mod_at(s)
            module(parent).children.add(name)
            module(parent + (name,))
        for m in re.finditer(rf"\bmod\s+({IDENT})\s*;", text):
            module(mod_at(m.start())).children.add(m.group(1))
        item = rf"\b(?:fn|struct|enum|trait|type|const|static|union|macro_rules!)\s+({IDENT})"
        for m in re.finditer(item, text):
            module(mod_at(m.start())).items.add(m.group(1))
        for m in re.finditer(r"\buse\s+([^;]+);", text):
            here = module(mod_at(m.start()))
            for path, alias in expand_use(re.sub(r"\s+", " ", m.group(1))):
                if path and path[0] == "::":
                    continue
                if path and path[-1] == "*":
                    here.globs.append(path[:-1])
                else:
                    here.imports[alias] = path
                here.uses.append((path[:-1] if path and path[-1] == "*" else path, m.start()))
        for m in re.finditer(rf"(?<![A-Za-z0-9_:])(crate|super|self)((?:\s*::\s*{IDENT})+)", text):
            if re.match(r"\s*use\b", text[max(0, m.start() - 40) : m.start()].split(";")[-1]):
                pass  # part of a use declaration, already read
            segs = (m.group(1),) + tuple(re.findall(IDENT, m.group(2)))
            module(mod_at(m.start())).uses.append((segs, m.start()))
    return modules, texts


def resolve(modules, here, path, seen=None):
    """The module whose file defines what `path`, written in module `here`, names."""
    seen = seen or set()
    if (here, path) in seen or not path:
        return None
    seen.add((here, path))
    segs = list(path)
    if segs[0] == "crate":
        cur, segs = (), segs[1:]
    elif segs[0] in ("super", "self"):
        cur = here
        while segs and segs[0] in ("super", "self"):
            cur = cur[:-1] if segs.pop(0) == "super" else cur
    elif segs[0] in modules.get(here, Module(here, None)).children:
        cur = here
    elif segs[0] in modules.get(here, Module(here, None)).imports:
        target = modules[here].imports[segs[0]]
        if target == tuple(segs[:1]):
            return None  # an external crate (`use serde;`)
        return resolve(modules, here, target + tuple(segs[1:]), seen)
    else:
        return None  # std or an external crate
    for k, seg in enumerate(segs):
        mod = modules.get(cur)
        if mod is None:
            return None
        if seg in mod.children:
            cur = cur + (seg,)
            continue
        if seg in mod.items:
            return cur
        if seg in mod.imports:
            return resolve(modules, cur, mod.imports[seg] + tuple(segs[k + 1 :]), seen)
        for g in mod.globs:
            r = resolve(modules, cur, g + (seg,) + tuple(segs[k + 1 :]), seen)
            if r is not None:
                return r
        return cur
    return cur


def lines_of_code(raw):
    return sum(
        1
        for line in raw.splitlines()
        if line.strip() and not line.strip().startswith(("///", "//!"))
    )


def sccs(graph):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def layer(file):
    parts = file.relative_to("src").parts
    return parts[0] if len(parts) > 1 else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--all", action="store_true", help="list every file, not only those over")
    args = ap.parse_args()
    files = sorted(pathlib.Path("src").rglob("*.rs"))
    modules, texts = parse(files)
    problems = 0

    print(f"Lines of code per file (no blank lines, no /// or //! docs; limit {args.limit}):")
    counts = sorted(((lines_of_code(texts[f][0]), f) for f in files), reverse=True)
    for loc, f in counts:
        if loc > args.limit or args.all:
            print(f"  {loc:5} {f}{'   OVER' if loc > args.limit else ''}")
        problems += loc > args.limit
    print(f"  {sum(1 for c, _ in counts if c > args.limit)} of {len(files)} files over the limit")

    graph, why = {}, {}
    for mod in modules.values():
        for path, _ in mod.uses:
            target = resolve(modules, mod.path, path)
            if target is None or target not in modules:
                continue
            a, b = mod.file, modules[target].file
            if a != b and a.name not in ("lib.rs",):
                graph.setdefault(a, set()).add(b)
                why.setdefault((a, b), "::".join(path))
    print("\nCycles between files (each line: a file, and what it uses of the next):")
    cycles = [c for c in sccs(graph) if len(c) > 1]
    for comp in cycles:
        print("  cycle of " + ", ".join(str(f) for f in comp))
        for a in comp:
            for b in sorted(graph.get(a, ())):
                if b in comp:
                    print(f"    {a} -> {b}  ({why[(a, b)]})")
    print(f"  {len(cycles)} cycles")
    problems += len(cycles)

    print("\nUses against the layer order (model < people < analysis < planning < interop, report):")
    wrong = 0
    for a in sorted(graph):
        for b in sorted(graph[a]):
            la, lb = layer(a), layer(b)
            if la in LAYERS and lb in LAYERS and la != lb and LAYERS[lb] >= LAYERS[la]:
                print(f"  {a} ({la}) -> {b} ({lb})  ({why[(a, b)]})")
                wrong += 1
    print(f"  {wrong} uses against the order")
    problems += wrong
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
