#!/usr/bin/env python3
"""Generate a realistic Markdown corpus of knee-clinic copy, with claims at a known rate.

Standard library only; the same arguments always give the same bytes.

    bench/gen_corpus.py OUT --mb 10 --files 1000     # OUT/site/NN/page-NNNN.md, 10 MB in all
    bench/gen_corpus.py OUT --mb 10 --files 1        # OUT/corpus.md, one 10 MB file
    bench/gen_corpus.py OUT --bytes 20000 --files 1  # one 20 KB file
    bench/gen_corpus.py --prh > prh.yml              # a prh dictionary of claim phrases

Each document has YAML front matter (title, description), headings, paragraphs, bulleted and
numbered lists, links, emphasis, inline and fenced code, block quotes and tables. About one
prose sentence in RATE (`--claim-rate`, default 8) is an overclaim built from templates
(therapies × verbs × tissues, "FDA approved", "no side effects", "avoid knee replacement", …);
as many again are hedged or negated sentences that a good linter leaves alone; the rest are
neutral. Code blocks and link targets carry claim-like words too, as real pages do; they are
not prose and are not counted. `--manifest FILE` writes the counts as JSON.
"""

import argparse
import json
import os
import random
import sys

# --- vocabulary ---------------------------------------------------------------------------

# (subject, plural?) — what the page is selling.
THERAPIES = [
    ("stem cell injections", True),
    ("our stem cell therapy", False),
    ("PRP", False),
    ("platelet-rich plasma", False),
    ("amniotic injections", True),
    ("umbilical cord cell therapy", False),
    ("exosome treatment", False),
    ("bone marrow concentrate", False),
    ("our MSC injections", True),
    ("fat-derived stem cells", True),
    ("regenerative injections", True),
    ("the RegenaFlex protocol", False),
    ("Wharton's jelly injections", True),
    ("BMAC", False),
]
# (third-person singular, plural) — repair verbs.
REPAIR_VERBS = [
    ("regrows", "regrow"),
    ("regenerates", "regenerate"),
    ("rebuilds", "rebuild"),
    ("repairs", "repair"),
    ("restores", "restore"),
    ("heals", "heal"),
    ("reverses damage to", "reverse damage to"),
]
TISSUES = [
    "cartilage",
    "knee cartilage",
    "worn cartilage",
    "the meniscus",
    "torn menisci",
    "damaged ligaments",
    "the joint lining",
    "lost cartilage",
]
CONDITIONS = [
    "arthritis",
    "knee osteoarthritis",
    "osteoarthritis",
    "knee pain",
    "bone-on-bone knees",
    "cartilage damage",
    "meniscus tears",
]
SURGERIES = ["knee replacement", "knee surgery", "a total knee replacement", "arthroscopy"]

CLAIMS = [
    "{Subj} {repair} {tissue}.",
    "{Subj} {repair} {tissue} in just one visit.",
    "In our clinic, {subj} {repair} {tissue} naturally.",
    "{Subj} {cure} {condition}.",
    "{Subj} can cure your {condition} for good.",
    "{Subj} {is} FDA approved for {condition}.",
    "Our {product} is FDA-approved and completely safe.",
    "{Subj} {has} no side effects.",
    "There are no side effects and no risks with {subj}.",
    "{Subj} {is} 100% safe for every patient.",
    "With {subj}, you can avoid {surgery}.",
    "{Subj} will help you avoid {surgery} altogether.",
    "Skip {surgery}: {subj} {repair} {tissue} instead.",
    "{pct}% of our patients are pain-free after one injection.",
    "{pct}% of patients never need {surgery} again.",
    "Results are guaranteed, or your money back.",
    "We guarantee relief from {condition}.",
    "Most patients feel results within {hours} hours.",
    "You will walk pain-free within {days} days.",
    "The results are permanent.",
    "{Subj} {gives} permanent relief from {condition}.",
    "{Subj} {is} clinically proven to regenerate {tissue}.",
    "Science has proven that {subj} {repair} {tissue}.",
    "{Subj} {is} a miracle breakthrough for {condition}.",
    "This revolutionary treatment {repair} {tissue}.",
    "{Subj} {works} for everyone, at any age.",
    "{Subj} {works} for every patient with {condition}.",
    "{Subj} {is} far more effective than cortisone shots.",
    "{Subj} {is} better than {surgery}.",
    "{Subj} will soon replace {surgery} entirely.",
    "Mouse studies prove that {subj} {repair} {tissue} in people.",
    "Without treatment, your knee will need {surgery} within a year.",
    "Thousands of happy patients prove that {subj} {works}.",
]
HEDGED = [
    "{Subj} may help some patients with {condition}.",
    "Early studies suggest {subj} might ease symptoms for some people.",
    "{Subj} {is} not a cure for {condition}.",
    "{Subj} {is} not FDA approved for {condition}.",
    "Ask your doctor whether {subj} could be right for you.",
    "Results vary, and some patients feel no change at all.",
    "There is no good evidence that {subj} {repair_bare} {tissue}.",
    "Can {subj} {repair_bare} {tissue}?",
    "The FDA warns about clinics that claim to cure {condition}.",
    "Researchers are studying whether {subj} could one day {repair_bare} {tissue}.",
    "Like any injection, {subj} can cause side effects such as swelling.",
    "Some people still need {surgery} later.",
]
NEUTRAL = [
    "The knee joint connects the thigh bone to the shin bone.",
    "Cartilage is a smooth tissue that covers the ends of the bones.",
    "Our clinic is open Monday to Friday from {open} am to {close} pm.",
    "Parking is available behind the building on {street} Street.",
    "Please bring a list of your current medications to the first visit.",
    "{Doctor} has treated sports injuries for {years} years.",
    "A physical exam and an X-ray help us understand your knee.",
    "Most appointments take about {mins} minutes.",
    "We accept most major insurance plans, but injections are often not covered.",
    "Walking, cycling and swimming are gentle on the knees.",
    "Losing a little weight can reduce the load on your knee joints.",
    "Physical therapy strengthens the muscles that support the knee.",
    "The procedure is done under local anaesthetic in our office.",
    "You can drive home after the appointment in most cases.",
    "Ice and rest can help with swelling after activity.",
    "Call our front desk at 555-{phone} to book a consultation.",
    "Our team includes {n} nurses and {m} physicians.",
    "The meniscus is a C-shaped pad of cartilage between the bones.",
    "Osteoarthritis is the most common form of arthritis in the knee.",
    "Many people with knee pain live active lives.",
    "We will review your imaging and your goals with you.",
    "Wear loose clothing so that the knee is easy to reach.",
    "Follow-up visits are usually scheduled after {weeks} weeks.",
    "Read our guide to preparing for your visit below.",
    "{Doctor} trained at {school} and completed a fellowship in sports medicine.",
    "Our {city} office has step-free access and a lift.",
    "Tell us if you take blood thinners or have had an infection recently.",
    "The cost depends on the product and the number of sessions.",
]
DOCTORS = ["Dr. Patel", "Dr. Nguyen", "Dr. Okafor", "Dr. Lindqvist", "Dr. Moreau", "Dr. Alvarez"]
SCHOOLS = ["State University", "the Medical College", "Northfield University", "St. Mary's"]
CITIES = ["Denver", "Austin", "Leeds", "Toronto", "Phoenix", "Brisbane", "Tampa"]
STREETS = ["Maple", "Oak", "Elm", "Cedar", "Harbor", "Mill"]
PRODUCTS = ["stem cell product", "amniotic allograft", "exosome serum", "cord tissue injection"]
HEADINGS = [
    "How it works", "What to expect", "Frequently asked questions", "About our clinic",
    "Your first visit", "Recovery", "Costs and insurance", "Patient stories", "The science",
    "Is it right for me?", "Meet the team", "Risks and side effects", "Knee anatomy",
    "Treatment options", "Before your appointment", "Aftercare",
]
TITLE_TOPICS = [
    "Stem cell therapy for knee pain", "PRP injections explained", "Living with knee arthritis",
    "Regenerative medicine at our clinic", "What is the meniscus?", "Knee pain without surgery",
    "Amniotic injections: what to know", "Exosomes and your knees", "Our approach to knee care",
]
LINK_TEXT = ["our FAQ", "this guide", "the study", "book a visit", "read more", "our pricing page"]
CODE_LANGS = ["yaml", "json", "html", "sh", "js"]
# Not prose: a linter must skip these, a grep does not.
CODE_SNIPPETS = [
    'title: "Stem cells cure arthritis"\ncta: "Book now"\nshow_banner: true',
    '{"headline": "PRP regrows cartilage", "price": 1200, "guarantee": true}',
    '<div class="hero">\n  <h1>{{ page.title }}</h1>\n</div>',
    "npm run build && rsync -av public/ server:/var/www/clinic",
    "const claim = 'no side effects'; // legacy banner text, do not show",
    "curl -s https://example.org/api/appointments?day=monday | jq .",
]


class Writer:
    """Builds sentences and blocks from one seeded random stream, and counts them."""

    def __init__(self, rng, claim_rate):
        self.rng = rng
        self.claim_rate = claim_rate
        self.counts = {"sentences": 0, "claims": 0, "hedged": 0, "neutral": 0}

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def fill(self, template):
        subj, plural = self.pick(THERAPIES)
        repair3, repair_bare = self.pick(REPAIR_VERBS)
        values = {
            "subj": subj,
            "Subj": subj[0].upper() + subj[1:],
            "repair": repair_bare if plural else repair3,
            "repair_bare": repair_bare,
            "cure": "cure" if plural else "cures",
            "is": "are" if plural else "is",
            "has": "have" if plural else "has",
            "gives": "give" if plural else "gives",
            "works": "work" if plural else "works",
            "tissue": self.pick(TISSUES),
            "condition": self.pick(CONDITIONS),
            "surgery": self.pick(SURGERIES),
            "product": self.pick(PRODUCTS),
            "pct": self.rng.choice([87, 90, 92, 95, 98, 99]),
            "hours": self.rng.choice([24, 48, 72]),
            "days": self.rng.choice([2, 3, 5, 7]),
            "open": self.rng.choice([7, 8, 9]),
            "close": self.rng.choice([4, 5, 6]),
            "street": self.pick(STREETS),
            "Doctor": self.pick(DOCTORS),
            "years": self.rng.randint(5, 30),
            "mins": self.rng.choice([20, 30, 45, 60]),
            "phone": self.rng.randint(1000, 9999),
            "n": self.rng.randint(2, 9),
            "m": self.rng.randint(2, 6),
            "weeks": self.rng.choice([2, 4, 6, 8]),
            "school": self.pick(SCHOOLS),
            "city": self.pick(CITIES),
        }
        return template.format(**values)

    def sentence(self):
        """One prose sentence: a claim with probability 1/rate, hedged with 1/rate, else neutral."""
        self.counts["sentences"] += 1
        roll = self.rng.randrange(self.claim_rate)
        if roll == 0:
            self.counts["claims"] += 1
            text = self.fill(self.pick(CLAIMS))
        elif roll == 1:
            self.counts["hedged"] += 1
            text = self.fill(self.pick(HEDGED))
        else:
            self.counts["neutral"] += 1
            text = self.fill(self.pick(NEUTRAL))
        return self.decorate(text)

    def decorate(self, text):
        """Emphasis, inline code or a link on some sentences, as copy has."""
        roll = self.rng.random()
        words = text.split(" ")
        if roll < 0.08 and len(words) > 3:
            i = self.rng.randrange(1, len(words) - 1)
            words[i] = f"**{words[i]}**"
        elif roll < 0.14 and len(words) > 3:
            i = self.rng.randrange(1, len(words) - 1)
            words[i] = f"*{words[i]}*"
        elif roll < 0.18:
            code = self.pick(["dosage", "intake-form", "faq.md"])
            return f"{text[:-1]} (see `{code}`){text[-1]}"
        elif roll < 0.25:
            link = self.pick(LINK_TEXT)
            slug = link.replace(" ", "-")
            return text[:-1] + f", see [{link}](https://example.org/{slug}?ref=cure-arthritis)."
        return " ".join(words)

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 6)))

    def block(self):
        """One Markdown block (with its trailing blank line)."""
        roll = self.rng.random()
        if roll < 0.45:
            return self.paragraph() + "\n\n"
        if roll < 0.55:
            return f"## {self.pick(HEADINGS)}\n\n"
        if roll < 0.63:
            return "".join(f"- {self.sentence()}\n" for _ in range(self.rng.randint(2, 5))) + "\n"
        if roll < 0.68:
            return "".join(
                f"{i}. {self.sentence()}\n" for i in range(1, self.rng.randint(3, 6))
            ) + "\n"
        if roll < 0.76:
            name = self.pick(["Maria", "John", "Aiko", "Sam", "Priya", "Tom"])
            return f"> {self.sentence()} {self.sentence()}\n>\n> — {name}, patient\n\n"
        if roll < 0.83:
            rows = [
                "| Option | Sessions | Notes |",
                "|---|---:|---|",
            ]
            for _ in range(self.rng.randint(2, 4)):
                subj, _plural = self.pick(THERAPIES)
                rows.append(f"| {subj} | {self.rng.randint(1, 4)} | {self.sentence()} |")
            return "\n".join(rows) + "\n\n"
        if roll < 0.90:
            lang = self.pick(CODE_LANGS)
            return f"```{lang}\n{self.pick(CODE_SNIPPETS)}\n```\n\n"
        if roll < 0.95:
            return f"### {self.pick(HEADINGS)}\n\n{self.paragraph()}\n\n"
        return f"Questions? Email `{self.pick(['info', 'care', 'desk'])}@example.org` or {self.sentence()}\n\n"

    def front_matter(self, index):
        title = f"{self.pick(TITLE_TOPICS)} ({self.pick(CITIES)} {index})"
        description = self.sentence().replace('"', "'")
        return (
            f'---\ntitle: "{title}"\ndescription: "{description}"\n'
            f"date: 2026-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}\n"
            f"tags: [knee, {self.pick(['prp', 'stem-cells', 'arthritis', 'meniscus'])}]\n---\n\n"
            f"# {title}\n\n"
        )

    def document(self, index, target):
        parts = [self.front_matter(index)]
        size = len(parts[0].encode())
        while size < target:
            block = self.block()
            parts.append(block)
            size += len(block.encode())
        return "".join(parts)


def generate(out, total_bytes, files, seed, claim_rate):
    counts = {"sentences": 0, "claims": 0, "hedged": 0, "neutral": 0}
    written = 0
    if files == 1:
        os.makedirs(out, exist_ok=True)
        paths = [os.path.join(out, "corpus.md")]
    else:
        paths = [
            os.path.join(out, "site", f"{i // 100:02d}", f"page-{i:04d}.md") for i in range(files)
        ]
    for i, path in enumerate(paths):
        # A stream per file: any one file can be regenerated alone and stays the same.
        writer = Writer(random.Random(f"{seed}:{total_bytes}:{files}:{i}"), claim_rate)
        # What is left, shared among the files left: a file that overshoots makes the next
        # ones smaller, so the total lands within a block of the size asked for.
        target = max(1, (total_bytes - written) // (files - i))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if files == 1:
            # One big file: one front matter, then sections until the size is reached.
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                head = writer.front_matter(0)
                f.write(head)
                size = len(head.encode())
                chunk = []
                while size < target:
                    block = writer.block()
                    chunk.append(block)
                    size += len(block.encode())
                    if len(chunk) >= 4096:
                        f.write("".join(chunk))
                        chunk = []
                f.write("".join(chunk))
            written += size
        else:
            text = writer.document(i, target)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            written += len(text.encode())
        for key, value in writer.counts.items():
            counts[key] += value
    return {"bytes": written, "files": files, "seed": seed, "claim_rate": claim_rate, **counts}


def prh_dictionary():
    """A prh (textlint-rule-prh) dictionary: the claim phrases a grep can find, with rewrites."""
    entries = [
        ("no side effects", "few reported side effects"),
        ("FDA approved", "not FDA approved for this use"),
        ("FDA-approved", "not FDA approved for this use"),
        ("avoid knee replacement", "possibly delay knee replacement"),
        ("avoid knee surgery", "possibly delay knee surgery"),
        ("clinically proven", "being studied"),
        ("guaranteed", "possible"),
        ("guarantee", "hope for"),
        ("miracle", "new"),
        ("breakthrough", "new option"),
        ("revolutionary", "new"),
        ("permanent relief", "relief for some"),
        ("results are permanent", "results vary"),
        ("pain-free", "in less pain"),
        ("100% safe", "generally well tolerated"),
        ("works for everyone", "helps some people"),
        ("works for every patient", "helps some patients"),
        ("far more effective", "sometimes used instead of"),
        ("will soon replace", "may one day complement"),
    ]
    for verb3, verb in REPAIR_VERBS:
        for tissue in ("cartilage", "the meniscus", "menisci", "ligaments"):
            entries.append((f"{verb3} {tissue}", f"may ease symptoms of damaged {tissue}"))
            entries.append((f"{verb} {tissue}", f"may ease symptoms of damaged {tissue}"))
    for condition in ("arthritis", "osteoarthritis", "knee osteoarthritis", "knee pain"):
        entries.append((f"cures {condition}", f"may ease {condition}"))
        entries.append((f"cure {condition}", f"ease {condition}"))
        entries.append((f"cure your {condition}", f"ease your {condition}"))
    lines = ["version: 1", "rules:"]
    seen = set()
    for phrase, expected in entries:
        if phrase in seen:
            continue
        seen.add(phrase)
        # prh patterns as regexes: case-insensitive, whole words.
        escaped = "".join("\\" + c if c in r"\/.*+?()[]{}|^$" else c for c in phrase)
        lines.append(f'  - expected: "{expected}"')
        lines.append(f"    pattern: /\\b{escaped}\\b/i")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", help="output folder")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--mb", type=float, help="total size in MB (10^6 bytes)")
    size.add_argument("--bytes", type=int, help="total size in bytes")
    parser.add_argument("--files", type=int, default=1, help="number of files (default 1)")
    parser.add_argument("--seed", default="11", help="random seed (default 11)")
    parser.add_argument("--claim-rate", type=int, default=8, help="1 claim in N sentences")
    parser.add_argument("--manifest", help="write the counts as JSON to this file")
    parser.add_argument("--prh", action="store_true", help="print a prh dictionary and exit")
    args = parser.parse_args()
    if args.prh:
        sys.stdout.write(prh_dictionary())
        return
    if not args.out or (args.mb is None and args.bytes is None):
        parser.error("OUT and --mb or --bytes are required")
    total = args.bytes if args.bytes is not None else int(args.mb * 1_000_000)
    if args.files < 1 or args.claim_rate < 2:
        parser.error("--files must be ≥ 1 and --claim-rate ≥ 2")
    manifest = generate(args.out, total, args.files, args.seed, args.claim_rate)
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=2)
            f.write("\n")
    print(
        f"{args.out}: {manifest['bytes']:,} bytes in {args.files} file(s), "
        f"{manifest['sentences']:,} sentences, {manifest['claims']:,} claims, "
        f"{manifest['hedged']:,} hedged",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
