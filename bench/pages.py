"""Page rendering: an `Article` written out the way a scraper saves a news page.

Four layouts, after the habits of Indonesian and English news sites: ``portal`` (login box,
"Reporter / Editor" byline block, date line, doubled photo caption, "Iklan" and "Scroll Untuk
Melanjutkan" inside the body, "Baca juga" links, a wire credit line, "Pilihan Editor" and a
"Berita terkait" block of teasers with "13 jam lalu"), ``regional`` (one line per paragraph,
"Penulis: X | Editor: Y"), ``blog`` (notification and search widgets, "Last Updated" stamp,
initials at the end) and ``english`` (bylines, "Advertisement", "Read more:", "Reporting by",
"Related stories" with "2 days ago"). Teasers quote other stories, numbers included, so a tool
that lets them into passages will be seen to.
"""

from __future__ import annotations

import random

from bench import wording
from bench.stories import Article, teaser_pool

LOGIN_BOX = (
    "Lupa Kata Sandi? Klik di Sini", "atau Masuk melalui", "Belum Memiliki Akun Daftar di Sini",
    "", "atau Daftar melalui", "Sudah Memiliki Akun Masuk di Sini", "Konfirmasi Email",
    "Kami telah mengirimkan link aktivasi melalui email ke {email}.",
    "Jika Anda tidak menerima email,\nKirimkan Lagi Sekarang",
)
AGO_ID = ("13 jam lalu", "1 hari lalu", "2 hari lalu", "45 menit lalu", "4 hari lalu")
AGO_EN = ("2 hours ago", "1 day ago", "3 days ago", "30 minutes ago")


def render_page(article: Article, seed: int | str) -> str:
    """The scraped page of ``article``."""
    rng = random.Random(f"{seed}:page:{article.number}")
    layout = article.outlet.layout
    if layout == "wire":
        layout = "english" if article.language == "en" else "portal"
    if layout == "portal":
        lines = _portal(article, seed, rng)
    elif layout == "regional":
        lines = _regional(article, seed, rng)
    elif layout == "blog":
        lines = _blog(article, rng)
    else:
        lines = _english(article, seed, rng)
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.2:
        text = text.replace(" - ", "\u00a0- ", 1)  # scraped pages keep non-breaking spaces
    return text


def _paragraphs(article: Article) -> list[str]:
    out = []
    for i, paragraph in enumerate(article.paragraphs):
        text = " ".join(s.text for s in paragraph)
        out.append(article.dateline + text if i == 0 else text)
    return out


def _teasers(seed: int | str, language: str, rng: random.Random, k: int) -> list[tuple[str, str]]:
    return rng.sample(teaser_pool(seed, language), k)


def _caption(article: Article, rng: random.Random) -> str:
    day = wording.event_date(article.published.date(), article.language, rng)
    who = f"{rng.choice(('Agus', 'Rina', 'Dedi', 'Wulan'))} {rng.choice(('Setiawan', 'Lubis'))}"
    if article.language == "id":
        return f"Suasana di {article.place}, {day}. ANTARA FOTO/{who}"
    return f"People gather in {article.place}, Indonesia, {day}. REUTERS/{who}"


def _portal(article: Article, seed: int | str, rng: random.Random) -> list[str]:
    lines: list[str] = []
    if rng.random() < 0.4:
        email = f"{rng.choice(('rudi', 'sari', 'pembaca'))}{rng.randint(1, 99)}@mail.example"
        for line in LOGIN_BOX:
            lines += [line.format(email=email), ""]
    lines += [article.title, ""]
    for role, label in (("reporter", "Reporter"), ("editor", "Editor")):
        lines += [label, ""]
        if role in article.byline:
            lines += [article.byline[role], ""]
    lines += [wording.published_line(article.published, "id", "portal", rng), ""]
    caption = _caption(article, rng)
    lines += ["image-gnews", caption, caption, "Iklan", ""]
    body = _paragraphs(article)
    teasers = _teasers(seed, "id", rng, 6)
    for i, paragraph in enumerate(body):
        lines += [paragraph, ""]
        if i == 2:
            lines += ["Iklan", "Scroll Untuk Melanjutkan", ""]
        if i == 4 and rng.random() < 0.6:
            lines += [f"Baca juga: {teasers[5][0]}", ""]
    if article.credits:
        lines += [" | ".join(c.upper() for c in article.credits), ""]
    lines += [f"Pilihan Editor: {teasers[4][0]}", "", "Berita terkait", ""]
    for (title, summary), ago in zip(teasers[:3], rng.sample(AGO_ID, 3), strict=True):
        lines += [title, "", ago, "", title, "", summary, "", "Baca Selengkapnya", ""]
    return lines


def _regional(article: Article, seed: int | str, rng: random.Random) -> list[str]:
    teasers = _teasers(seed, "id", rng, 3)
    author = article.byline.get("reporter", "Redaksi")
    editor = article.byline.get("editor", "Redaksi")
    lines = [rng.choice(("Regional", "Nasional", "Peristiwa", "Daerah")), article.title,
             article.paragraphs[0][0].text,
             f"Penulis: {author} | Editor: {editor}",
             wording.published_line(article.published, "id", "regional", rng), article.title]
    for i, paragraph in enumerate(_paragraphs(article)):
        lines.append(paragraph)
        if i in (1, 4):
            lines.append(f"Baca juga: {teasers[1 + (i == 4)][0]}")
    if article.credits:
        lines.append(f"Sumber: {article.credits[0]}")
    lines += ["", "Artikel ini telah tayang di " + article.outlet.domain.lower(), "",
              "Komentar", "Isi komentar sepenuhnya adalah tanggung jawab pengguna."]
    return lines


def _blog(article: Article, rng: random.Random) -> list[str]:
    lines = ["Notification", "", "\u00d7", "", "Kategori Berita", "", "Cari Berita", "",
             "Iklan", "", "Iklan", "", article.title, "",
             wording.published_line(article.published, "id", "blog", rng), "", ""]
    for paragraph in _paragraphs(article):
        lines += [paragraph, "", ""]
    initials = "".join(w[0] for w in article.byline.get("reporter", "Redaksi X").split())
    lines[-3] += f" [{initials.upper()}]"
    lines += ["\u00d7"]
    return lines


def _english(article: Article, seed: int | str, rng: random.Random) -> list[str]:
    teasers = _teasers(seed, "en", rng, 4)
    lines = ["Advertisement", "", article.title, ""]
    if "author" in article.byline:
        lines += [f"By {article.byline['author']}", ""]
    lines += [wording.published_line(article.published, "en", "english", rng),
              f"Updated {rng.choice(AGO_EN)}", "", _caption(article, rng), ""]
    for i, paragraph in enumerate(_paragraphs(article)):
        lines += [paragraph, ""]
        if i == 1:
            lines += ["Advertisement \u00b7 Scroll to continue", ""]
        if i == 3:
            lines += [f"Read more: {teasers[3][0]}", ""]
    if "reporter" in article.byline:
        lines += [f"Reporting by {article.byline['reporter']}; Editing by "
                  f"{article.byline.get('editor', 'Desk')}", ""]
    elif article.credits:
        lines += [f"({article.credits[0]})", ""]
    lines += ["Related stories", ""]
    for (title, summary), ago in zip(teasers[:3], rng.sample(AGO_EN, 3), strict=True):
        lines += [title, summary, ago, ""]
    return lines
