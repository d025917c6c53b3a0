#!/usr/bin/env python3
# check-model-content.py — reads the shipped models as an editor would: fair wording, one glossary, real references
# TAP: absence-phrased practices, glossary terms in every language, references, weights explained, supersedes maps.
"""Usage:
  check-model-content.py DATADIR            every check over DATADIR/frameworks/*.json (TAP)
  check-model-content.py --part DATADIR FILE  the checks that apply to one domain (a writer's draft)
"""

import glob
import json
import os
import re
import sys

# An English practice that names an absence cannot be answered "fully" by a
# body that has moved past it, so the gate rule would hold that body at 0.
ABSENCE = [
    r"\bbut\b[^.;]*\b(not|no|never)\b",
    r"\bwithout (a|an|any)\b",
    r"\bthere (is|are) no\b",
    r"\bno (regular|defined|formal|documented|dedicated|systematic|central)\b",
    r"\bnot yet\b",
    r"\bin the absence of\b",
    r"\beven (though|if|where) (no|there is no|it is not)\b",
    r"\b(is|are) lacking\b",
    r"\blacks?\b",
    r"\babsent\b",
]

# Outside the cooperation domain a practice must not need anyone outside the
# body: a body barred from sharing by classification rules still reaches 5.
SHARING = [
    r"\bpeers?\b",
    r"\bOIC\b",
    r"\binternational\b",
    r"\bother (government )?(bodies|organizations|agencies)\b",
    r"\bpeer (bodies|organizations)\b",
    r"\bshar(e|es|ed|ing)\b[^.;]*\bwith\b[^.;]*\b(bodies|organizations|partners|community|communities|sector)\b",
]

LANGS = ("en", "ar", "fr")


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Glossary:
    def __init__(self, path):
        data = load_json(path)
        self.terms = data["terms"]
        self.patterns = []  # (form length, regex, term)
        for term in self.terms:
            forms = set(term.get("forms", {}).get("en", [])) | {term["en"]}
            for form in forms:
                # Acronyms are matched as written ("AI", not "ai").
                flags = 0 if sum(c.isupper() for c in form) >= 2 else re.IGNORECASE
                regex = re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", flags)
                self.patterns.append((len(form), regex, term))
        self.patterns.sort(key=lambda p: -p[0])

    @staticmethod
    def _forms(term, lang):
        return [term[lang]] + list(term.get("forms", {}).get(lang, []))

    @staticmethod
    def _contains(text, form, lang):
        if lang == "fr" and sum(c.isupper() for c in form) < 2:
            return form.lower() in text.lower()
        return form in text

    def terms_in(self, english):
        """The terms an English text uses; a longer term's words are not read again."""
        taken = []
        found = []
        for _, regex, term in self.patterns:
            for m in regex.finditer(english):
                if any(m.start() < end and start < m.end() for start, end in taken):
                    continue
                taken.append((m.start(), m.end()))
                if term not in found:
                    found.append(term)
        return found

    def check(self, text, where, problems):
        en = text.get("en", "")
        for term in self.terms_in(en):
            for lang in ("ar", "fr"):
                other = text.get(lang)
                if other is None:
                    continue
                if not any(self._contains(other, f, lang) for f in self._forms(term, lang)):
                    problems.append(f"{where}.{lang}: the English uses \u201c{term['en']}\u201d; "
                                    f"write \u201c{term[lang]}\u201d (glossary '{term['id']}')")
        for term in self.terms:
            for lang, words in term.get("avoid", {}).items():
                other = text.get(lang, "")
                for word in words:
                    if lang == "fr":
                        hit = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", other, re.IGNORECASE)
                    else:
                        hit = word in other
                    if hit:
                        problems.append(f"{where}.{lang}: \u201c{word}\u201d is a variant; "
                                        f"the glossary's word is \u201c{term[lang]}\u201d ('{term['id']}')")


def texts_of(node, path):
    """Every translatable text below node, with its JSON path."""
    if isinstance(node, dict):
        if "en" in node and all(isinstance(v, str) for v in node.values()):
            yield path, node
            return
        for key, value in node.items():
            if key in ("references", "supersedes"):
                continue
            yield from texts_of(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from texts_of(value, f"{path}[{i}]")


def load_references(datadir):
    refs = {}
    for path in glob.glob(os.path.join(datadir, "references", "*.json")):
        data = load_json(path)
        refs[data["id"]] = {entry["id"] for entry in data["entries"]}
    return refs


def check_domain(domain, where, glossary, refs, strict, problems):
    """Every per-domain rule; returns the number of practices read."""
    count = 0
    for path, text in texts_of(domain, where):
        missing = [lang for lang in LANGS if not text.get(lang, "").strip()]
        if missing:
            problems.append(f"{path}: no {', '.join(missing)} text")
        glossary.check(text, path, problems)
        if strict:
            if "'" in text.get("fr", ""):
                problems.append(f"{path}.fr: straight apostrophe; French takes \u2019")
            if "\u0627\u064b" in text.get("ar", ""):
                problems.append(f"{path}.ar: tanween written on the alif (\u0627\u064b); "
                                f"write it on the letter before (\u064b\u0627)")
    for ci, cap in enumerate(domain.get("capabilities", [])):
        cpath = f"{where}.capabilities[{ci}]"
        if cap.get("weight", 1) != 1 and "weight_reason" not in cap:
            problems.append(f"{cpath} ({cap['id']}): weight {cap['weight']} needs a weight_reason")
        levels = set()
        for pi, practice in enumerate(cap.get("practices", [])):
            count += 1
            ppath = f"{cpath}.practices[{pi}]"
            pid = practice.get("id", "?")
            levels.add(practice.get("level"))
            en = practice.get("text", {}).get("en", "")
            for pattern in ABSENCE:
                if re.search(pattern, en, re.IGNORECASE):
                    problems.append(f"{pid}: absence-phrased practice ({pattern}): {en}")
                    break
            if strict and domain.get("id") != "COP":
                for pattern in SHARING:
                    if re.search(pattern, en):
                        problems.append(f"{pid}: needs someone outside the body ({pattern}) "
                                        f"outside the cooperation domain: {en}")
                        break
            for member in ("guidance", "evidence"):
                if member not in practice:
                    problems.append(f"{pid}: no {member}")
            if practice.get("weight", 1) != 1 and "weight_reason" not in practice:
                problems.append(f"{pid}: weight {practice['weight']} needs a weight_reason")
            references = practice.get("references", {})
            if strict and not any(references.values()):
                problems.append(f"{pid}: no references")
            for scheme, ids in references.items():
                if scheme not in refs:
                    problems.append(f"{pid}: unknown reference scheme {scheme}")
                    continue
                for ref in ids:
                    if ref not in refs[scheme]:
                        problems.append(f"{pid}: {scheme} has no {ref}")
        if strict and levels != {1, 2, 3, 4, 5}:
            problems.append(f"{cap.get('id')}: levels {sorted(levels)}; every level 1-5 needs a practice")
    return count


def practice_ids(framework):
    return [p["id"] for d in framework["domains"] for c in d["capabilities"] for p in c["practices"]]


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def result(self, name, problems):
        self.n += 1
        if problems:
            self.failed += 1
            print(f"not ok {self.n} - {name}")
            for line in problems[:200]:
                print(f"# {line}")
            if len(problems) > 200:
                print(f"# … and {len(problems) - 200} more")
        else:
            print(f"ok {self.n} - {name}")


def main_all(datadir):
    glossary = Glossary(os.path.join(datadir, "glossary.json"))
    refs = load_references(datadir)
    tap = Tap()
    frameworks = {}
    for path in sorted(glob.glob(os.path.join(datadir, "frameworks", "*.json"))):
        fw = load_json(path)
        frameworks[(fw["id"], fw["version"])] = (os.path.basename(path), fw)

    tap.result("glossary has at least 60 terms in en, ar and fr",
               [] if len(glossary.terms) >= 60 and all(t.get(l) for t in glossary.terms for l in LANGS)
               else [f"{len(glossary.terms)} terms"])
    tap.result("reference data: NIST CSF 2.0 and ISO/IEC 27001:2022 present",
               [s for s in ("nist-csf-2.0", "iso-27001-2022") if s not in refs])

    for (fid, version), (name, fw) in sorted(frameworks.items()):
        # Models from 2.0 on are held to the whole editorial standard; 1.0.0 stays
        # loadable as bodies answered it, but its translations follow the glossary too.
        strict = not version.startswith("1.")
        per_check = {"absence": [], "glossary": [], "references": [], "structure": []}
        problems = []
        n = 0
        for di, domain in enumerate(fw["domains"]):
            n += check_domain(domain, f"domains[{di}]", glossary, refs, strict, problems)
        for path, text in texts_of({k: v for k, v in fw.items() if k != "domains"}, ""):
            glossary.check(text, path, problems)
        for line in problems:
            if "absence-phrased" in line or "outside the body" in line:
                per_check["absence"].append(line)
            elif "glossary" in line or "variant" in line or "apostrophe" in line or "tanween" in line:
                per_check["glossary"].append(line)
            elif "reference" in line or " has no " in line:
                per_check["references"].append(line)
            else:
                per_check["structure"].append(line)
        if not strict:
            # 1.0.0's wording stays as bodies answered it; the absence lint and the
            # stricter typography apply from 2.0.0 on.
            per_check["absence"] = []
        for check, lines in per_check.items():
            tap.result(f"{name} ({version}): {check}", lines)
        if strict:
            domains = len(fw["domains"])
            caps = sum(len(d["capabilities"]) for d in fw["domains"])
            tap.result(f"{name}: at least 10 domains, 40 capabilities, 260 practices "
                       f"({domains}, {caps}, {n})",
                       [] if domains >= 10 and caps >= 40 and n >= 260 else ["too small"])

        superseded = fw.get("supersedes")
        if superseded is not None:
            old = frameworks.get((fid, superseded["version"]))
            lines = []
            if old is None:
                lines.append(f"supersedes {superseded['version']}, which is not shipped")
            else:
                new_ids = set(practice_ids(fw))
                old_ids = practice_ids(old[1])
                mapping = superseded["map"]
                for pid in old_ids:
                    if pid not in mapping:
                        lines.append(f"{pid} of {superseded['version']} is not in the map")
                for pid, targets in mapping.items():
                    if pid not in old_ids:
                        lines.append(f"map names {pid}, which {superseded['version']} does not have")
                    for target in targets:
                        if target not in new_ids:
                            lines.append(f"map sends {pid} to {target}, which {version} does not have")
                mapped = sum(1 for t in mapping.values() if t)
                if mapped < len(old_ids) * 0.8:
                    lines.append(f"only {mapped} of {len(old_ids)} practices have a successor")
            tap.result(f"{name}: supersedes map covers every practice of {superseded['version']}", lines)

    print(f"1..{tap.n}")
    return 1 if tap.failed else 0


def main_part(datadir, path):
    glossary = Glossary(os.path.join(datadir, "glossary.json"))
    refs = load_references(datadir)
    problems = []
    domain = load_json(path)
    n = check_domain(domain, domain.get("id", "domain"), glossary, refs, True, problems)
    for line in problems:
        print(line)
    print(f"{n} practices, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--part":
        sys.exit(main_part(sys.argv[2], sys.argv[3]))
    if len(sys.argv) == 2:
        sys.exit(main_all(sys.argv[1]))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
