"""CLEAN stage: raw lines → lines fit to parse.

Folds full-width and compatibility characters (NFKC, which also maps Kangxi radicals and
CJK-compatibility ideographs to ordinary ones), removes stray pinyin glosses such as
"服務(wù)", drops scraper page furniture, and re-joins paragraphs that a document site cut
into numbered page fragments ("2、户效劳人员进行…").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from . import rules
from .boundaries import BOUNDARY, INSTRUCTIONS, program_line
from .bulleted_options import bulleted_options
from .key_above_options import key_above_options
from .keyed_table import keyed_table
from .listed_options import listed_options
from .marked_options import marked_options
from .marker_records import marker_records
from .model import Image, Line
from .moodle_review import moodle_review
from .option_end_keys import letter_keyed_options
from .sigils import sigil_records
from .tagged_fields import tagged_records

# Pinyin glosses that scrapers leave after a character: 服務(wù), 繼續(xù). At least one
# tone-marked vowel is required so "(CRM)" or "(a)" stay.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")

# Page furniture of Chinese document-sharing sites. Each rule names a convention, not a paper.
FURNITURE = [
    re.compile(r"^.{0,80}_第\s*\d+\s*[页頁]$"),  # "试题及答案_第3页"
    re.compile(r"^第\s*\d+\s*[页頁]\s*[/／]\s*共\s*\d+\s*[页頁]$"),  # "第1页 / 共20页"
    re.compile(r"^[-—–\s]*第\s*\d{1,4}\s*[页頁][-—–\s]*$"),  # "第 2 页", "- 第3页 -": a page's mark
    re.compile(
        r"^.{0,30}第\s*\d+\s*[页頁]\s*[/／,，(（]?\s*共\s*\d+\s*[页頁].{0,10}$"
    ),  # "姓名学号第2页共3页", "…第5页（共7页）"
    re.compile(r"^[-•·]?\s*(?:格式|大小|文档页数|文檔頁數|页数|頁數)\s*[:：]"),  # file facts box
    re.compile(r"^(?:上传人|上傳人|文档编号|文檔編號)[:：]"),
    re.compile(
        r"(?:下载|下載)本?(?:文档|文檔)|付[费費](?:下载|下載)|(?:阅读|閱讀)全文|(?:点击|點擊)查看更多"
    ),
    re.compile(r"已(?:阅读|閱讀)\d+[页頁]"),
    re.compile(
        r"^(?:版权说明|版權說明|文档简介|文檔簡介|温馨提示|溫馨提示|资源描述|資源描述|评论|評論|提交评论|提交評論)"
    ),
    re.compile(r"^\d+/\d+$"),  # comment box counter "0/150"
    # an exam board's page header: "代號：50140 - 50540", "頁次：4－1", a line of its codes
    re.compile(r"^(?:代號|代号|頁次|页次)\s*[:：]\s*\d"),
    re.compile(r"^\d{4,6}(?:\s*[-、,，]\s*\d{4,6})+$"),
    re.compile(r"^[•·]\s*\d+\s*[.、]"),  # the site's numbered notice bullets
    re.compile(r"^(?:相关资源|相關資源|相关搜索|相關搜索|相关主题|相關主題|文本预览|文本預覽)$"),
    re.compile(r"^(?:当前位置|當前位置)[:：]"),
    # ("本站" as a word, never inside "基本站", "日本站")
    re.compile(
        r"(?<![\u3400-\u9fff])本站|本站(?:所有|提供|资源|資源|声明|聲明|不保|会员|會員|仅|僅|内容|內容|文档|文檔)"
        r"|文库|文庫|文档之家|文檔之家|版权所有|版權所有|经营许可证|經營許可證|ICP备"
    ),
    re.compile(r"^返回\s+下载|举报$|舉報$"),
    re.compile(r"^本页仅为文字内容"),
    re.compile(r"^《.{1,60}》由会员分享"),
    # 问卷星-style exports: a picture's address and an "选项:" caption are not question text
    re.compile(r"^(?:图片|图像|image)\s*[:：]\s*https?://", re.I),
    re.compile(r"^[【\[]?(?:选项|選項|备选项|备选答案)[】\]]?\s*[:：]?$"),
    # the score boxes of a printed paper: "得 分 | 评阅人", "题 号 一 二 三 总分", "分 值 10 20"
    re.compile(r"^(?:(?:得\s*分|评阅人|评卷人|阅卷人|评分人|核分人|复核人|总\s*分人?|分\s*值)[\s\d.]*)+$"),
    re.compile(r"^题\s*号(?:\s*[一二三四五六七八九十]+)+(?:\s*总\s*分人?)*$"),
    # record separators between questions: lines of - = * ─ ~ (not _, a blank to fill)
    re.compile(r"^(?:[-=*~─━—·•]\s*){3,}$"),
    # score lines and header blocks of learning-platform exports: "2.0分", "+ 2.0 分", "得分: 0.0分",
    # "题量: 20"; a quiz tool's "+2" over each question
    re.compile(
        r"^(?:本题|实际)?(?:(?:得分|分数|分值|score)\s*[:：]?\s*\d+(?:\.\d+)?\s*分?"
        r"|[(（]?\s*(?:[+＋]?\s*\d+(?:\.\d+)?\s*分|[+＋]\s*\d+(?:\.\d+)?)\s*[)）]?)$"
    ),
    re.compile(r"^(?:题量|满分|作答时间|提交时间|交卷时间|答题时长|考试时间)\s*[:：]"),
    # a paper's header fields: "科目:1.計算機原理 2.網路概論" (its numbers name subjects, not
    # questions), "類別:資訊   節次:第二節", "课程名称：客户关系管理"
    re.compile(r"^(?:考试|考試)?(?:科目|课程名称|課程名稱)\s*[:：]"),
    re.compile(r"^(?:.{0,40}\s)?(?:节次|節次)\s*[:：]"),
    # a school's header over a paper or its key: "哈尔滨工业大学（深圳）2022年秋季学期",
    # "XX大学2019—2020学年第一学期" (alone on its line: a title, never a question's text)
    re.compile(
        r"^\S{2,20}(?:大学|大學|学院|學院|学校|學校)(?:[(（]\S{1,8}[)）])?\s*\d{4}.{0,16}(?:学期|學期|学年|學年)\s*$"
    ),
    # an online judge's verdict on the trainee's answer (PTA): "答案正确： 3分", "部分正确： 2分"
    re.compile(r"^(?:答案正确|答案错误|部分正确)\s*[:：]?\s*\d+(?:\.\d+)?\s*分$"),
    re.compile(r"^(?:回答正确|回答错误|回答部分正确)$"),  # (its verdict alone: never a key)
    # a graded paper's score box: "得分： 分⇥系统自动批改于2016年5月17日 9点45分"
    re.compile(r"^(?:得分\s*[:：]\s*[\d.]*\s*分?\s*)?系统自动批改"),
    # 中国大学MOOC: "得分/总分" over each question's score "2.00/2.00" (the score's decimals: never
    # an option's "1/3")
    re.compile(r"^得分\s*/\s*总分$|^\d{1,3}\.\d{1,2}\s*/\s*\d{1,3}\.\d{1,2}$"),
    re.compile(r"^(?:AI\s*讲解|AI\s*解析|查看解析|收起解析|展开解析)$"),  # the export's buttons
    # closing pleasantries of Q&A dumps
    re.compile(r"^希望以上.{0,20}(?:帮助|幫助)|^以上(?:答案|内容)仅供参考"),
    # survey greetings of questionnaire exports
    re.compile(r"^(?:您好|你好).{0,40}(?:问卷|問卷|调查|調查)"),
]

# "N、" page-fragment counters that a site puts before each page's text.
PAGE_FRAGMENT = re.compile(r"^(\d{1,3})、")
MIN_FRAGMENT_CHARS = 150


def clean_lines(lines: list[Line], furniture: list[Line] | None = None) -> list[Line]:
    """Folded lines fit to parse; page furniture goes to `furniture` when given (the coverage)."""
    kept: list[tuple[Line, Line]] = []  # (source line, folded line)
    dropped: list[Line] = []
    # (a quiz review page's own lines and a keyed table's header are furniture)
    reviewed = moodle_review(keyed_table(lines, dropped), dropped)
    for line in marker_records(
        sigil_records(
            tagged_records(
                listed_options(
                    key_above_options(marked_options(letter_keyed_options(bulleted_options(reviewed))))
                )
            )
        ),
        dropped,
    ):
        if line.text.isspace() or not line.text:
            continue  # (a third of most papers' lines: fold would make them "" at some cost)
        text = fold(line.text)
        if not text:
            continue
        if is_furniture(text):
            dropped.append(line)
            continue
        # (most lines fold to themselves: no copy for those; no stage after the reader changes a Line)
        folded = line if text == line.text else with_text(line, text)
        if text[0] != line.text[0] and not line.depth and QUESTION_BULLET.match(line.text):
            folded = replace(folded, glyph=True)  # "●某活动的工期…": a plain text's question, bulleted
        kept.append((line, folded))
    repeated = repeated_lines([folded for _, folded in kept])
    aside = vertical_text([folded for _, folded in kept]) | contents_lines([folded for _, folded in kept])
    gone = [i in aside or folded.text in repeated for i, (_, folded) in enumerate(kept)]
    dropped.extend(source for (source, _), out in zip(kept, gone, strict=True) if out)
    if furniture is not None:
        furniture.extend(dropped)
    left = [folded for (_, folded), out in zip(kept, gone, strict=True) if not out]
    return join_lone_labels(
        join_label_values(join_split_boxes(join_page_fragments(join_vertical_words(left))))
    )


# "A" alone on its line over its option's text, "B" alone over the next: a quiz page copied with
# each choice's letter apart from its text. Read as "A. …" when "B" follows "A"'s text so.
LONE_LABEL = re.compile(r"^\s*([A-H])\s*$")
NUMBERED_TEXT = re.compile(r"^\s*\d{1,4}\s*[.、．)）]")  # (a key's "A" over the next question: no option)


def join_lone_labels(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    expected, at = "A", 0
    while at < len(lines):
        label = LONE_LABEL.match(lines[at].text)
        text = lines[at + 1].text if at + 1 < len(lines) else ""
        opens = label is not None and label.group(1) == expected and _labelled_text(text)
        if opens and expected == "A":  # (under a line that asks: a program's lines over the
            # options leave the labels to the segmenter, which reads them under the question)
            follows = LONE_LABEL.match(lines[at + 2].text) if at + 2 < len(lines) else None
            asked = at > 0 and _asks_above(lines[at - 1].text)
            opens = asked and follows is not None and follows.group(1) == "B"
        if opens:
            out.append(glued(lines[at], lines[at + 1], f"{expected}. {text.strip()}"))
            expected, at = chr(ord(expected) + 1), at + 2
            continue
        out.append(lines[at])
        expected, at = "A", at + 1
    return out


def _asks_above(text: str) -> bool:
    return rules.asks_in_words(text) or rules.BLANK.search(text) is not None


def _labelled_text(text: str) -> bool:
    return bool(text.strip()) and LONE_LABEL.match(text) is None and NUMBERED_TEXT.match(text) is None


# "●" opening a plain text's line: a bulleted question (软考 papers bullet every question; the
# glyph itself is dropped as Markdown's bullets are)
QUESTION_BULLET = re.compile(r"\s*[●◆■]\s*\S")


# Text printed vertically, one character a line: a printed paper's binding margin
# ("装订线内不要答题…") as its text layer reads. A key of 对/错 or letters, one a line, is no such run.
VERTICAL_RUN = 5
NOT_VERTICAL = set("对错對錯√×✓✗ABCDEFGH")


def vertical_text(lines: list[Line]) -> set[int]:
    """Indexes of lines in runs of VERTICAL_RUN or more holding one character each."""
    found: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, Line(text="end", lineno=0)]):
        if len(line.text) == 1:
            run.append(i)
            continue
        if len(run) >= VERTICAL_RUN and len({lines[j].text for j in run} - NOT_VERTICAL) >= 3:
            found.update(run)
        run = []
    return found


# A table of contents: "目录" alone, then entries each ending in its page number, the numbers
# never falling ("(1)简介2", "第一章 客户服务……5"). Navigation, not questions: furniture.
CONTENTS_TITLE = re.compile(r"\s*(?:目\s*[录錄次]|contents|table of contents)\s*", re.IGNORECASE)
CONTENTS_NOTE = re.compile(r"\s*(?:页[数码次]|頁[數碼次]|page)\s*", re.IGNORECASE)  # the page column's head
CONTENTS_ENTRY = re.compile(r"\S.*?\D(?:[.．·…_\s]*)(\d{1,4})\s*")
MIN_CONTENTS = 3


def contents_lines(lines: list[Line]) -> set[int]:
    """Indexes of a table of contents' lines (its title, its page column's head and entries)."""
    found: set[int] = set()
    for at, line in enumerate(lines):
        if not CONTENTS_TITLE.fullmatch(line.text):
            continue
        end = at + 1
        if end < len(lines) and CONTENTS_NOTE.fullmatch(lines[end].text):
            end += 1
        pages: list[int] = []
        while end < len(lines) and (entry := CONTENTS_ENTRY.fullmatch(lines[end].text)):
            page = int(entry.group(1))
            if pages and page < pages[-1]:
                break
            pages.append(page)
            end += 1
        if len(pages) >= MIN_CONTENTS:
            found.update(range(at, end))
    return found


def join_vertical_words(lines: list[Line]) -> list[Line]:
    """ "注" "意" "事" "項" a character a line (a box's narrow title column, as a PDF reads it):
    joined when they spell the title of a paper's instructions, which then head its rules."""
    out: list[Line] = []
    at = 0
    while at < len(lines):
        if len(lines[at].text.strip()) != 1:  # (nearly every line: no word starts here)
            out.append(lines[at])
            at += 1
            continue
        end = at
        while end < len(lines) and end - at < VERTICAL_WORD and len(lines[end].text.strip()) == 1:
            end += 1
        word = "".join(line.text.strip() for line in lines[at:end])
        if end - at >= 2 and INSTRUCTIONS.fullmatch(word):
            out.append(with_text(lines[at], word))
            at = end
        else:
            out.append(lines[at])
            at += 1
    return out


VERTICAL_WORD = 4


# An answer's label alone on its line, the answer on the next: "**正确答案：**" / "D 西南".
# (Only a key's letters or a judgement follow: a label before other text may head a key part.)
LABEL_ALONE = re.compile(r"^(?:正确答案|参考答案|标准答案|答案)\s*[:：]$")
# Without its colon the label alone may title a key part ("参考答案"): only "答案"/"正确答案" over
# one whole answer (a key's distinct letters, or a judgement) is that question's answer.
# ("试题答案" over "（12）C": a question site's label, the exam's blank number before the key)
BARE_LABEL_ALONE = re.compile(r"^(?:正确答案|答案|试题答案|試題答案)$")
WHOLE_ANSWER = re.compile(r"^(?:[(（]\d{1,3}[)）]\s*)?(A?B?C?D?E?F?G?H?|[√×✓✗]|对|错|正确|错误)$")
ANSWER_VALUE = re.compile(r"^(?:[A-H]{1,8}(?![A-Za-z])|[√×✓✗]|对|错|正确|错误)")


# "标准答案：A" under "答案：" left empty: a form's field its filler left blank, then the key
LABELLED_VALUE = re.compile(r"^(?:正确答案|参考答案|标准答案|答案)\s*[:：]\s*\S")


def join_label_values(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        if out and LABEL_ALONE.match(out[-1].text) and ANSWER_VALUE.match(line.text):
            out[-1] = glued(out[-1], line, out[-1].text + line.text)
        elif out and LABEL_ALONE.match(out[-1].text) and LABELLED_VALUE.match(line.text):
            out[-1] = glued(out[-1], line, line.text)  # (the empty field dropped: alone, it opened a key)
        elif out and BARE_LABEL_ALONE.match(out[-1].text) and (whole := WHOLE_ANSWER.match(line.text)):
            if whole.group(1):
                out[-1] = glued(out[-1], line, out[-1].text + ":" + whole.group(1))
            else:
                out.append(line)
        else:
            out.append(line)
    return out


def with_text(line: Line, text: str, images: list[Image] | None = None) -> Line:
    """The line reading `text`, every other field kept (a constructor call: dataclasses.replace
    costs three times as much, and every line of a paper passes here)."""
    return Line(
        text=text,
        lineno=line.lineno,
        images=line.images if images is None else images,
        joined=line.joined,
        depth=line.depth,
        heading=line.heading,
        code=line.code,
        bullet=line.bullet,
        quote=line.quote,
        bold=line.bold or (text != line.text and BOLD_QUESTION.match(line.text.strip()) is not None),
        outline=line.outline,
        glyph=line.glyph,
    )


def glued(head: Line, line: Line, text: str) -> Line:
    """`head` and the line after it as one line reading `text`, keeping both line numbers."""
    return Line(
        text=text, lineno=head.lineno, images=head.images + line.images, joined=[*head.joined, line.lineno]
    )


# A judgement box that text extraction cut in two: "(      √" then ")13.将金属…".
OPEN_BOX = re.compile(r"^[(（]\s*([√×✓✗✔✘❌对错])$")
CLOSE_BOX = re.compile(r"^[)）]")


def join_split_boxes(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        box = OPEN_BOX.match(out[-1].text) if out else None
        if box and CLOSE_BOX.match(line.text):
            out[-1] = glued(out[-1], line, f"({box.group(1)})" + line.text[1:])
        else:
            out.append(line)
    return out


# A running header or footer left in extracted text: the same line again and again, far apart.
REPEAT_MIN = 3
REPEAT_MIN_CHARS = 6
REPEAT_MIN_GAP = 8  # lines between two of its appearances, typically (a short page may be shorter)


def repeated_lines(lines: list[Line]) -> set[str]:
    """Lines printed at least three times, each far from the last, that ask nothing themselves.

    Question material repeats too ("B.错误", "下列说法正确的是( )", "**答案:A**"); a line holding
    any marker of the rule table (a number, a label, an answer), a question word or a blank
    never counts.
    """
    seen: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if len(line.text) >= REPEAT_MIN_CHARS and not line.code:  # (a program repeats its own lines)
            seen.setdefault(line.text, []).append(index)
    out = set()
    for text, places in seen.items():
        if len(places) < REPEAT_MIN:
            continue
        gaps = sorted(b - a for a, b in zip(places, places[1:], strict=False))
        if gaps[len(gaps) // 2] >= REPEAT_MIN_GAP and not _asks(text, len(places)):
            out.add(text)
    return out | _numbered_running_lines(lines)


# "丙級學科測試題目 39" … "丙級學科測試題目 41", "40 烘焙食品" … "42 烘焙食品": a running header
# that carries its page's number, so no two of its lines are the same text (the number set off
# by spaces alone: "4 . 单选题" and "4、…" number questions)
PAGE_NUMBERED = re.compile(
    r"^\s*(?:(\d{1,4})[ \t\u3000]+([^\s\d.、．,，:：)）].*?)|([^\s\d].*?)[ \t\u3000]+(\d{1,4}))\s*$"
)
PAGE_WORDS_MIN = 4  # letters of the header's words (not a matrix's row "1 0 −1 2", nor "(10)")
LETTER = re.compile(rf"[{rules.CJK}A-Za-z]")
# A question's own furniture, repeated: its type and points ("4 单选(3分)若定义" … "9 单选(3分)若定义")
QUESTION_TAG = re.compile(r"\d\s*分|[单單多]选|[单單多]選|判断|判斷|填空|简答|簡答|问答|問答|选择|選擇")
PAGE_STEP = 2  # a header's page number rises by one a page, or two (odd pages and even ones differ)
# Headings number their parts the same way ("Chapter 2" … "Chapter 3", "单元 4"): never a header
NUMBERED_HEADING = re.compile(
    r"^(?:chapter|part|unit|section|lesson|module|case|week|day|test|quiz|exercise|第|章|节|節|单元|單元"
    r"|部分|案例|练习|練習|专题|專題|模块|模塊)",
    re.IGNORECASE,
)


def _numbered_running_lines(lines: list[Line]) -> set[str]:
    """Lines of the same words beside a page number that rises a page or two each time they come
    back, far apart, at least twice, the words asking nothing."""
    seen: dict[tuple[bool, str], list[tuple[int, int, str]]] = {}
    for index, line in enumerate(lines):
        m = PAGE_NUMBERED.match(line.text) if not line.code else None
        if m is None:
            continue
        words = (m.group(2) or m.group(3)).strip()
        tagged = QUESTION_TAG.search(words) or NUMBERED_HEADING.match(words)
        if len(LETTER.findall(words)) >= PAGE_WORDS_MIN and not tagged:
            number = int(m.group(1) or m.group(4))
            seen.setdefault((m.group(1) is not None, words), []).append((index, number, line.text))
    out: set[str] = set()
    for (_, words), places in seen.items():
        if len(places) < 2 or _asks(words, len(places)):
            continue
        if all(
            0 < b[1] - a[1] <= PAGE_STEP and b[0] - a[0] >= REPEAT_MIN_GAP
            for a, b in zip(places, places[1:], strict=False)
        ):
            out.update(text for _, _, text in places)
    return out


# Running headers and footers are short titles; a long repeated line is a question printed twice,
# unless it comes back page after page (a bank's full title as its running header).
REPEAT_MAX_CHARS = 40
REPEAT_LONG_MAX_CHARS = 80
REPEAT_LONG_MIN = 5
# Words of answers and keys: "解答：答案选择C。", "**正确**", "TRUE" repeat after many questions.
TASK_BOX = re.compile(r"^(?:\[\s*[xX√✓✔]?\s*\]\s|[(（]\s*[xX]?\s*[)）])")
ANSWER_WORDS = re.compile(r"答|正确|错误|對|错|对|true|false|[√×✓✗]|\*\*", re.I)


def _asks(text: str, times: int) -> bool:
    longest = REPEAT_LONG_MAX_CHARS if times >= REPEAT_LONG_MIN else REPEAT_MAX_CHARS
    return bool(
        len(text) > longest
        or "\t" in text  # a table's header row, repeated under each table
        or ANSWER_WORDS.search(text)
        or _marked(text, times)
        or rules.JUDGEMENT.match(text)
        or rules.QUESTION_WORDS.search(text)
        or rules.BLANK.search(text)
        or rules.BARE_HEADING.match(text)
        or rules.CASE_PART.match(text)  # "【问题2】(4分)": asked in each case, answered under its key
        or TASK_BOX.match(text)  # "[ ] 毛泽东", "(x)以上都是": an option of a task list, unlabelled
        or rules.STARRED_OPTION.match(text)  # "*中央军事委员会": a key among unlabelled options
        or program_line(text, 0)  # "#include <GL/glut.h>", "main()": every question's program
        or PROMPT_END.search(text) is not None  # "The output of //1 is: (1%)": each question's blank
    )


PROMPT_END = re.compile(r"[:：]\s*(?:[(（][^)）]{0,10}[)）])?\s*$")  # (a page's header ends on no colon)


def _marked(text: str, times: int) -> bool:
    """Whether the line holds a marker of the rule table; a chapter's name coming back page after
    page is none ("第11章：知识产权  作者：…  来源：…": a book's running header)."""
    kinds = [m.lastgroup for m in BOUNDARY.finditer(text)]
    return any(kind != "heading_chapter" or times < REPEAT_LONG_MIN for kind in kinds)


# NFKC would turn circled option labels ①②③ into digits; they are kept aside.
CIRCLED = rules.CIRCLED
_PROTECT = str.maketrans({c: chr(0xE000 + i) for i, c in enumerate(CIRCLED)})
_RESTORE = str.maketrans({chr(0xE000 + i): c for i, c in enumerate(CIRCLED)})
# Markdown block syntax: headings, list bullets, quotes.
# "**C.0.49**", "**A 微笑**  B 争辩", "**(C) 上帝**": the key in bold; the label stays outside, for
# the segmenter.
BOLD_OPTION = re.compile(
    r"(?<!\S)\*\*((?:[(（][A-H][)）]|[A-H](?=\s*[.、．:)）]|\s))\s*[.、．:)）]?\s*)([^*]+?)\*\*(?!\*)"
)
# "*a. Listen", "*B) 倾听", "★B.客户": an option starred as the key (Respondus-style quiz text,
# English banks, Chinese banks)
STARRED_OPTION = re.compile(r"^(?:\*(?!\*)|★(?!★))\s?(?=[(（]?[A-Ha-h][.)）、．:]\s*\S)")
# "==========参考答案==========", "----- 第二部分 -----": a title framed by runs of a separator
BANNER = re.compile(r"^([-=*~─━])\1{2,}\s*([^-=*~─━\s](?:.*?[^-=*~─━\s])?)\s*\1{3,}$")
BANNER_STARTS = frozenset(c * 3 for c in "-=*~─━")
# "…它的源文件名是？**答案：C**": the key set in bold after the question, on its line; unbolded so
# the key is read where it stands (the bold marks a label, not an option's text).
BOLD_KEY_AFTER = re.compile(
    r"(?<=\S)\s*\*\*((?:正确|正確|参考|參考|标准|標準)?答案\s*[:：]\s*[^*\n]{1,60}?|Answer\s*:\s*[^*\n]{1,60}?)\*\*",
    re.I,
)
# "…能作为Java程序标识符的是**A**": the key's letters in bold ending the question's line, where
# a paper prints them in the brackets ("…的是（A）"); given those brackets to be read so.
BOLD_LETTERS_ENDING = re.compile(rf"(?<=[{rules.CJK}，。：:？?）)\s])\s*\*\*([A-H]{{1,8}})\*\*\s*$")
# "…的是（）。**D. 插入排序**", "…实现（）功能。**C. 域名解析**", "…结果是（）**14302012**": the key in
# bold ending the line of a question with one empty pair of brackets, which it fills (the key
# of a lettered option is its letter)
BOLD_KEY_ENDING = re.compile(r"\s*\*\*(?:([A-H])\s*[.、．]\s*)?([^*]{1,60}?)\*\*\s*$")
EMPTY_BRACKETS = re.compile(r"(?<![A-Za-z0-9_])[(（]\s*[)）]")  # (not a program's call: "new Sub()")


def _bold_key_into_brackets(text: str) -> str:
    key = BOLD_KEY_ENDING.search(text)
    if key is None or len(EMPTY_BRACKETS.findall(text, 0, key.start())) != 1:
        return text
    return EMPTY_BRACKETS.sub(f"（{key.group(1) or key.group(2)}）", text[: key.start()])


CODE_FENCE = re.compile(r"^\s*(?:```|~~~)[\w-]*\s*$")
# HTML that Markdown banks use for structure: a folded answer, line breaks.
HTML_SUMMARY = re.compile(r"<summary[^>]*>\s*(.*?)\s*</summary>", re.I)
SUMMARY_KEY = re.compile(r"答案|解析")  # "查看答案", "点击查看答案与解析": the folded part holds the key
# "点击查看", "展开", "Show answer": a fold that only says to open it holds the answer under a question
SUMMARY_REVEALS = re.compile(
    r"^\W*(?:点击|點擊|查看|展开|展開|显示|顯示|打开|打開|show|click|reveal|expand|view|see|answer|solution)",
    re.I,
)


def _summary(m: re.Match[str]) -> str:
    word = SUMMARY_KEY.search(m.group(1))
    if word is None and SUMMARY_REVEALS.match(m.group(1)):
        return "【答案】"
    return f"【{word.group(0) if word else m.group(1)}】"


# "**答案**：B": a label set in bold, its colon outside the emphasis.
BOLD_FIELD = re.compile(
    r"^\*\*([^*]{1,8}?)\*\*(?=\s*[:：])|^\*\*([^*]{1,16}?[:：])\*\*(?=\s*\S)"
)  # (or "**Answer:** B")
# "*Answer*: B", "_答案_：B": the same label in italics.
ITALIC_FIELD = re.compile(r"^([*_])([^*_\s][^*_]{0,11}?)\1(?=\s*[:：])")
# "**正确答案**找到接口", "**答案解析**根据…": exports whose bold is the only mark between a field's
# label and its text; the colon is put back so the label reads as one.
BOLD_FIELD_UNCOLONED = re.compile(
    r"^\*\*((?:正确|正確|参考|參考|标准|標準|我的)?答案|(?:答案)?解析|知识点|知識點|考点|考點)\*\*(?=\s*[^\s:：])"
)
# "（D）忽略这些异常数据"⇥C": a spreadsheet's quoted cell pasted into Word, its key in the next
# cell; the closing quote is the cell's, not the option's
QUOTED_CELL_END = re.compile(r"[\"”]\t(?=\s*(?:[A-H]{1,8}|[对错√×])\s*$)")
# "**1.**[单选]", "**12、** 题干": a question's number set in bold before its text.
BOLD_NUMBER = re.compile(r"^\*\*(\d{1,4}\s*[.、．])\*\*(?=\s*\S)")
# "- **(A)** 发展不平衡", "**B.** 倾听": an option's label set in bold, its text after (a key in
# bold holds the text too: "**C. 0.49**")
BOLD_OPTION_LABEL = re.compile(r"^\*\*([(（][A-H][)）]|[A-H]\s*[.、．:：)）])\*\*(?=\s*[^\s*])")
# Markdown's highlight ("==…==", Obsidian and Typora notes), set apart by spaces ("a==b" is code)
MARKDOWN_HIGHLIGHT = re.compile(r"(?<!\S)==(?=[^\s=])([^=\n]*[^\s=])==(?!\S)")
# Text coloured or highlighted in an exported page marks the key, as bold does: "**…**".
HTML_COLOURED = re.compile(
    r"<(font|span)\b[^>]*\bcolor\s*[:=][^>]*>([^<]+)</\1>|<(mark)\b[^>]*>([^<]+)</mark>", re.I
)
# "生产经营单位应当<a>ABCD</a>。": an app's data marking the key where the blank is (never "<b>A</b>.
# 上帝", a label set in bold)
HTML_KEY_IN_BLANK = re.compile(r"<(a|u|b|strong|em)>\s*([A-H]{1,8})\s*</\1>(?!\s*[.．、:：)）])")
HTML_TAG = re.compile(r"</?(?:details|summary|p|div|span|br|b|strong|font|u|em|i)\b[^>]*>", re.I)
# "3/473单选题": an app's progress header is the question's number and type.
PROGRESS_HEADER = re.compile(
    r"^(\d{1,5})\s*/\s*\d{1,5}\s*(?=(?:单选|多选|判断|填空|简答|问答|不定项)[题題]?\s*$)"
)
# "单选题 1/10": the same header with the type first (钉钉, 考试宝) → "1.单选题".
PROGRESS_HEADER_TYPE_FIRST = re.compile(
    r"^((?:单选|多选|判断|填空|简答|问答|不定项)[题題]?)\s*(\d{1,5})\s*/\s*\d{1,5}$"
)
# 中国大学MOOC's quiz pages: "1单选(2分)" heads question 1 (→ "1.单选题 (2分)"), and the key
# line says how the trainee did: "正确答案：A、B你错选为A", "…B你选对了".
MOOC_HEADER = re.compile(
    r"^(\d{1,4})\s*(单选|多选|判断|填空|简答|问答)\s*(?=[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$)"
)
MOOC_VERDICT = re.compile(r"(?<=[A-H√×对错])\s*你(?:选对了|错选为\s*[A-H、,，\s]*|没(?:有)?选择任何选项)\s*$")
# "得 分 | 评阅人 | 二、判断题…": a printed paper's score boxes in the row of a section heading.
SCORE_BOX_CELLS = re.compile(r"^(?:(?:得\s*分|评阅人|评卷人|阅卷人|评分人|核分人)\s*\t\s*)+")
# An export's field label before a numbered question, and the form's "required" star: "题目: *1、…"
# ("题目：" before an unnumbered one on its line is read by the segmenter: it may open the question;
# "*70" alone is a starred option, the key: see rules.STARRED_OPTION).
FIELD_LABEL = re.compile(
    r"^(?:(?:题目|题干)\s*[:：]\s*)?\*\s*(?=\d{1,4}\s*[.、．:：)）]\s*\S)|^(?:题目|题干|选项|备选项|选项内容)\s*[:：]?$"
    r"|^(?:Choices?|Options?)\s*[:：]?$"  # ("| Choice | |", a table's header over its options)
    # "选项：A.耐心倾听 B.推诿责任": a record's options field, its label before the first option
    r"|^(?:选项|备选项|选项内容)\s*[:：]\s*(?=[(（]?A\s*[.、．:：)）])"
)
# "选项A：倾听": a record's option field, named by its letter
OPTION_FIELD = re.compile(r"^(?:备|備)?(?:选项|選項)\s*([A-H])\s*[:：.、．]\s*")
# A field label or a question number set in bold on a line of its own: "**题目：**", "**Q001**".
BOLD_LABEL = re.compile(r"^\*\*([^*]{1,12}[:：]|Q\d{1,5})\*\*$")
# A numbered question set wholly in bold: "**1. 客户是？**" (the emphasis is no key here).
# "**Q2. …?** *(NORCET 8 Prelims)*": the exam it came from in italics after it, a source note, not
# its text
BOLD_QUESTION = re.compile(
    r"^\*\*((?:\d{1,4}\s*[.、．]|(?:Q|问|問)\s*[:：]|Q\d{1,4}\s*[.、．:：])[^*]+)\*\*"  # "**Q：…？**"
    r"\s*(?:\*[(（][^()（）*]{1,40}[)）]\*)?\s*$"
)
# "**C**\t**IEEE802.5**": an options table's row marked whole (bold or coloured): the label cell
# is a label, the option's text keeps the mark that makes it the key.
BOLD_LABEL_CELL = re.compile(
    r"^\*\*([A-Ha-h][.、．:：)）]?)\*\*(?=\t|\s*[.、．:：)）])"
)  # (or "**A**. 为民服务", "**a)**")
MARKDOWN_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def markdown_table_row(text: str) -> str:
    """ "| 1 | 服务要及时。 | √ |" → cells joined by tabs, as Word tables reach us; the rule row
    under the header is no text."""
    if MARKDOWN_TABLE_RULE.match(text):
        return ""
    return "\t".join(cell.strip() for cell in text.strip().strip("|").split("|"))


# An option as a table row: a mark column ("*" on the key's row), the label, the text.
OPTION_ROW = re.compile(r"^ *([*√✓✔xX]?) *\t\s*([A-Ha-h])\s*[.、．)）]\s*\t\s*(\S.*)$")


def marked_option_row(text: str) -> str:
    """ "*\tc.\tthe Robinson family" → "[x] C. the Robinson family": read as a ticked option."""
    row = OPTION_ROW.match(text)
    if row is None:
        return text
    mark, label, option = row.groups()
    return f"[{'x' if mark else ' '}] {label.upper()}. {option.strip()}"


# and bullet glyphs, Word's symbol-font ones too: a PDF or .docx gives Wingdings' "➢" as U+F0D8,
# its "✓" bullet as U+F0FC (private-use code points; a space follows a bullet, where the same
# code point in the Symbol font, "¬" of "¬p", is followed by its operand); "·" then spaces is Word's
# bullet copied as text ("·        A、…"), where a name's "·" has no space after it
MARKDOWN_PREFIX = re.compile(r"^(?:#{1,6}\s+|[-*+]\s+|>\s*|[●•◆■▪◇□○➢➤►❖]\s*|[\uf020-\uf0ff·]\s+)")


# PDF fonts map many simplified characters to the CJK Radicals Supplement, which NFKC leaves
# alone (it folds only the Kangxi radicals): "题⼲⽐较⻓" must read "题干比较长".
RADICALS = str.maketrans(
    "⻅⻆⻈⻉⻋⻐⻓⻔⻙⻚⻛⻜⻠⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳⺠⻄⻘⻝⻣⻤",
    "见角讠贝车钅长门韦页风飞饣马鱼鸟卤麦黄黾齐齿龙龟民西青食骨鬼",
)


# "&A. 黄轨", "&nbsp;B. 蓝轨": what an export left of an HTML entity before an option's label.
ENTITY_BEFORE_LABEL = re.compile(r"^&(?:nbsp;|emsp;|ensp;)?\s*(?=[A-H]\s*[.、．:)）])")


# Pictographs decorating a line's ends in Markdown banks: "## 第 1 题 🟢" (its difficulty), "### 📖 解析",
# and a tick that only adorns a key's label, "✅ 正确答案：B" (one after an option's text is its key).
EMOJI_ENDS = re.compile(
    r"^[\U0001F300-\U0001FAFF\ufe0f\s]+|[\s\U0001F300-\U0001FAFF\ufe0f]+$"
    r"|^✅\ufe0f?\s*(?=(?:正确|正確|参考|參考|标准|標準)?答案)"
)
# "(1)13-9=____": an arithmetic item's number opening its line, the sum straight after it (a
# space keeps the number apart from the digits, as "(1) 13-9" would have it).
BRACKETED_NUMBER_BEFORE_DIGIT = re.compile(r"^(\(\s?\d{1,2}\s?\))(?=\d+\s*[-+×÷*/=<>])")
# "Question 12", "**QUESTION 3**", "Problem 4:", a quiz's "Question 1 of 20" alone on a line, or
# "Question 1: What is…" opening one: English banks' number header; so the same vendors'
# translations ("Câu 3", "Pregunta 3").
ENGLISH_NUMBER_HEADER = re.compile(
    r"^(?:\*\*)?(?:question|problem|câu|pregunta|questão|frage)\s*(\d{1,4})\s*"
    r"(?:(?:of|/)\s*\d{1,4}\s*)?"  # ("Question 1 of 20")
    r"(?:[:.]?(?:\*\*)?$|(?:[:：]|\.(?!\d))(?:\*\*)?\s*(?=\S))",  # ("**Question 1.** What…", not "1.5")
    re.I,
)
# "Answers", "Answer Key", "Answers and Explanations", "Solutions" alone on a line: an English
# paper's key part, read as the 参考答案 it is; so the same vendors' papers translated
# (Respostas/Gabarito, Respuestas, Réponses, Lösungen), and bilingual ones ("Answer Key 答案").
# ("Answer:" alone labels the answer under it, as "答案：" does.)
ENGLISH_KEY_HEADING = re.compile(
    r"^(?:\*\*|#+\s*)?(?!answer\s*:)(?:answers?(?:\s+key)?(?:\s+(?:and|&)\s+explanations?)?|solutions"
    r"|respostas|gabarito|respuestas|réponses|lösungen)\s*:?"
    r"(?:\s*[/|]?\s*[(（]?(?:参考|參考)?(?:答案|解答)[)）]?)?(?:\*\*)?$",
    re.I,
)
# "复核模式 ID: 1 正确答案: B", "题目ID：1024": an exam system's record number opening a line.
RECORD_ID = re.compile(r"^[^\s:：]{0,8}\s*ID\s*[:：]\s*\d{1,12}\s*")
# "81. (单选题) QID: 6927423 (ParentID: 6246746)": record ids ending a question's number header
# (courseware exports); the stem is on the lines under it.
RECORD_IDS_AFTER_NUMBER = re.compile(r"(?<=\S)(?:\s*[(（]?\s*[A-Za-z]{0,8}ID\s*[:：]\s*\d{1,12}\s*[)）]?)+$")
# A question-number header of app exports: "【第 1 题】", "[第1题]", with the stem after it or not,
# and the record id some print beside it ("【第 1 题】 (ID: 1024)", left empty by others).
NUMBER_HEADER = re.compile(
    r"^[【\[]\s*(第\s*\d{1,5}\s*[题題])\s*[】\]]\s*(?:[(（]\s*[A-Za-z]{0,8}\s*ID\s*[:：]\s*[\w-]*\s*[)）]\s*)?"
)


_CIRCLED_RE = re.compile(f"[{CIRCLED}]")
_RADICAL_RE = re.compile("[\u2e80-\u2eff]")


# Invisible format characters: zero-width spaces and joiners, direction marks, soft hyphens.
# Platforms (中国大学MOOC, 学堂在线) salt copied text with them to trace it; "5\u200c下面…"
# must read "5下面…".
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


# "1️⃣" (a digit, the keycap mark, an emoji selector): phone-typed lists number their statements so,
# as papers do with "①"
KEYCAP = re.compile("([1-9])\ufe0f?\u20e3\ufe0f?")


# "{correctAnswer='B'}", "correct_answer: \"B\"," (a quiz's data as a program prints or holds it): the key
ANSWER_FIELD = re.compile(
    r"^\{?\s*[\"']?correct_?[Aa]nswer[\"']?\s*[:=]\s*[\"']?([^\"'{}]*?)[\"']?\s*\}?\s*,?\s*$", re.I
)
# "[Answer: B]", "[Correct: A]", "（答案：C）" alone on a line: a key set apart in brackets. The
# brackets go; "Correct:" (a quiz generator's label) becomes the key label it means.
BRACKETED_KEY = re.compile(
    r"^[\[【(（]\s*(?:correct|right|answers?|ans|key|答案|正确答案|正確答案|参考答案|參考答案)\s*[:：]"
    r"\s*(?P<key>[^\[\]【】()（）]{1,60}?)\s*[\]】)）]$",
    re.I,
)


# A key line as English banks word it, the letters alone after it: "Key: B", "Answer - B",
# "Ans.: C", "Answer:- D", "The answer is A", "Correct option is B", "[答案] A" (a wrapped line's
# bare "answer is B." is the prose of an explanation).
ENGLISH_KEY_LINE = re.compile(
    r"^(?:(?:the\s+(?:correct\s+)?|correct\s+)(?:answer|option)\s+is\s*[:：]?"
    r"|(?:correct\s+)?(?:key|answer\s+key|solution|answer|ans|option)\.?\s*(?:[:：]\s*-?|\.:|[-–—])|\[答案\])"
    r"\s*([A-Ha-h](?:[\s,，、]*[A-Ha-h])*)\s*[.。]?$",
    re.I,
)


# "$\mathrm{B}$", "$\checkmark$", "$\times$": letters and marks a PDF-to-Markdown converter
# (MinerU, Mathpix) set as inline formulas in a key; read as the letters and marks they are. (A
# formula holding anything else, "$\mathrm{TCP} / \mathrm{IP}$", stays as printed.)
_LATEX_TOKEN = r"(?:\\mathrm\{[A-Za-z ]*\}|[A-Z]|\\checkmark|\\times|\\sqrt\{\s*\})"
# (only a formula ending its line or table cell, a tab in a table's row, as keys stand: "of order
# $M$ is" keeps its formula)
LATEX_LETTERS = re.compile(
    rf"(?<![^\s|])\$\s*({_LATEX_TOKEN}(?:\s*{_LATEX_TOKEN})*)\s*\$" r"(?=\t|\s*(?:\||$))"
)
LATEX_MACRO = re.compile(r"\\mathrm\{([A-Za-z ]*)\}|\\(checkmark|times|sqrt)(?:\{\s*\})?")
LATEX_MARKS = {"checkmark": "√", "sqrt": "√", "times": "×"}


def _latex_plain(m: re.Match[str]) -> str:
    """The formula's letters as they are, its macros as what they print."""
    return LATEX_MACRO.sub(lambda t: LATEX_MARKS[t.group(2)] if t.group(2) else t.group(1), m.group(1))


CORRECT_WORD = re.compile(r"correct|key", re.I)


def _key_label(m: re.Match[str]) -> str:
    """ "Correct answer: B" and "Key: B" name the right answer (正确答案), a bare "Answer: A" any answer:
    a result page prints the candidate's under the one and the key under the other."""
    label = m.group(0)[: m.start(1) - m.start(0)]
    return ("正确答案：" if CORRECT_WORD.search(label) else "答案：") + m.group(1)


PIPE_LABEL = re.compile(r"([A-H])\|\s*(?=[^\s|])")


def fold(text: str) -> str:
    if "\u20e3" in text:
        text = KEYCAP.sub(lambda m: chr(ord("①") + int(m.group(1)) - 1), text)
    if INVISIBLE.search(text):
        text = INVISIBLE.sub("", text)
    circled = _CIRCLED_RE.search(text) is not None  # (translate only when needed: the hot path)
    text = unicodedata.normalize("NFKC", text.translate(_PROTECT) if circled else text)
    if circled:
        text = text.translate(_RESTORE)
    if _RADICAL_RE.search(text):
        text = text.translate(RADICALS)
    if text.lstrip().startswith(("```", "~~~")) and CODE_FENCE.match(text):
        return ""  # a Markdown code fence: its lines are read, the fence itself is not text
    if "\t" in text:
        text = marked_option_row(text)  # before stripping: its mark column may be empty
    text = MARKDOWN_PREFIX.sub("", text.strip())
    if text and (text[0] >= "\U0001f300" or text[-1] >= "\U0001f300" or text[0] == "✅"):
        text = MARKDOWN_PREFIX.sub("", EMOJI_ENDS.sub("", text))
    if "<" in text:
        text = HTML_KEY_IN_BLANK.sub(r"（\2）", text)
        text = HTML_COLOURED.sub(lambda m: f"**{m.group(2) or m.group(4)}**", text)
        text = HTML_TAG.sub("", HTML_SUMMARY.sub(_summary, text))  # <details><summary>答案</summary>B
    if "$" in text:
        text = LATEX_LETTERS.sub(_latex_plain, text)
    if "==" in text:
        text = MARKDOWN_HIGHLIGHT.sub(r"**\1**", text)  # "==(C) Mycobacterium==": highlighted as <mark>
    if text.startswith("|"):
        text = markdown_table_row(text)
    if text[1:2] == "|" and (piped := PIPE_LABEL.match(text)):
        text = f"{piped.group(1)}. {text[piped.end() :]}"  # "A|程序计数器": an app's source format's label
    if text[:1] in "*★" and (starred := STARRED_OPTION.match(text)):
        text = f"{text[starred.end() :]} ✓"  # "*b) Listen": the key starred, read as a ticked option
    if text[:3] in BANNER_STARTS:
        text = BANNER.sub(r"\2", text)  # "=====参考答案=====": the title a rule of marks frames
    if "/" in text:
        text = PROGRESS_HEADER_TYPE_FIRST.sub(r"\2.\1", PROGRESS_HEADER.sub(r"\1.", text))
    if "分" in text and text[:1].isdigit():
        text = MOOC_HEADER.sub(r"\1.\2题 ", text)
    if "你" in text:
        text = MOOC_VERDICT.sub("", text)
    if "\t" in text:
        text = QUOTED_CELL_END.sub("\t", SCORE_BOX_CELLS.sub("", text))
    if text.startswith(("*", "_")) and not text.startswith(("**", "__")):
        text = ITALIC_FIELD.sub(r"\2", text)
    if text.startswith("**"):
        text = BOLD_FIELD.sub(r"\1\2", BOLD_LABEL.sub(r"\1", BOLD_QUESTION.sub(r"\1", text)))
        text = BOLD_NUMBER.sub(r"\1", BOLD_FIELD_UNCOLONED.sub(r"\1：", text))
        text = BOLD_OPTION_LABEL.sub(r"\1", text)
        text = BOLD_LABEL_CELL.sub(r"\1", text)
    if text.startswith(
        ("题目", "题干", "选项", "備選項", "備选项", "备选项", "選項", "*", "Choice", "Option")
    ):
        text = OPTION_FIELD.sub(r"\1. ", FIELD_LABEL.sub("", text))
    if "**" in text:
        text = BOLD_OPTION.sub(r"\1**\2**", BOLD_KEY_AFTER.sub(r" \1", text))
        text = BOLD_LETTERS_ENDING.sub(r"（\1）", text)
        text = _bold_key_into_brackets(text)
    if "(" in text:
        text = PINYIN_GLOSS.sub("", text)
    if text.startswith(("【", "[")):
        text = NUMBER_HEADER.sub(r"\1 ", text).rstrip()
    if text[:1] == "(" and BRACKETED_NUMBER_BEFORE_DIGIT.match(text):
        text = BRACKETED_NUMBER_BEFORE_DIGIT.sub(r"\1 ", text)
    if text[:1] in "*QqPpCcFf" and ENGLISH_NUMBER_HEADER.match(text):
        text = ENGLISH_NUMBER_HEADER.sub(r"\1. ", text).rstrip()
    if text[:1] in "*AaSsRrGgLl" and ENGLISH_KEY_HEADING.match(text):
        text = "参考答案"
    if "nswer" in text:
        text = ANSWER_FIELD.sub(r"答案：\1", text)
    if text[:1] in "[【(（" and text[-1:] in "]】)）":
        text = BRACKETED_KEY.sub(r"答案：\g<key>", text)
    if text[:1] in "TtCcKkSsAaOo[" and ENGLISH_KEY_LINE.match(text):
        text = ENGLISH_KEY_LINE.sub(_key_label, text)
    if "ID" in text:
        text = RECORD_ID.sub("", text)
        if text[:1].isdigit():
            text = RECORD_IDS_AFTER_NUMBER.sub("", text)
    if text.startswith("&"):
        text = ENTITY_BEFORE_LABEL.sub("", text)
    if text[:1] == "A" and "\u3400" <= text[1:2] <= "\u9fff":  # (the hot path: "A." passes by)
        text = label_bare_options(text)
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    return text.strip()


# Options whose labels lost their punctuation in OCR or copying: "A上帝 B对手 C路人", "A上帝B对手C路人".
BARE_LABEL = re.compile(rf"(?:^|(?<=[\s{rules.CJK}]))([A-H])(?=[{rules.CJK}])")


def label_bare_options(text: str) -> str:
    """ "A上帝 B对手" → "A.上帝 B.对手" where the labels run A, B, C… in order and the line holds
    no other capital letter ("A公司和B公司" has no B after a space; "C语言" alone is no option)."""
    labels = list(BARE_LABEL.finditer(text))
    letters = "".join(m.group(1) for m in labels)
    spaced = all(m.start() == 0 or text[m.start() - 1].isspace() for m in labels)
    others = len(re.findall(r"[A-Z]", text)) - len(labels)
    if others or letters != "ABCDEFGH"[: len(letters)] or len(letters) < (2 if spaced else 3):
        return text
    for m in reversed(labels):
        text = text[: m.end()] + "." + text[m.end() :]
    return text


_CLASS = re.compile(r"\[\^?\]?(?:\\.|[^\]])*\]")  # "[…]", "[^…]", "[]…]", escapes inside


def _opens_line(pattern: str) -> bool:
    """Every top-level alternative of `pattern` starts with "^" (outside groups and classes)."""
    alternatives, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1  # an escaped character
        elif ch == "[" and (char_class := _CLASS.match(pattern, i)):
            i = char_class.end() - 1  # a class: its "|" and "(" are characters
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            alternatives.append(pattern[start:i])
            start = i + 1
        i += 1
    alternatives.append(pattern[start:])
    return all(alternative.startswith("^") for alternative in alternatives)


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    # "|" binds loosest, so whole patterns join without groups around them; the groups made
    # the search along a line half again as slow
    return re.compile("|".join(patterns) or "(?!)")


# Most rules describe a whole line: they are tried once, where the line starts. One alternation
# searched along the line tried all of them at every character (0.57 s of a 3.8 s parse of the
# 5 MB benchmark); only the few rules that may match anywhere are searched now.
AT_LINE_START = _alternation([rule.pattern for rule in FURNITURE if _opens_line(rule.pattern)])
ANYWHERE = _alternation([rule.pattern for rule in FURNITURE if not _opens_line(rule.pattern)])


BOLD_WORDS = re.compile(r"\*\*([^*]+)\*\*")  # (not "*****": a row of stars is a separator)


def is_furniture(text: str) -> bool:
    if "**" in text:
        text = BOLD_WORDS.sub(r"\1", text)  # "得分：**0**分": emphasis decorates a score line all the same
    return AT_LINE_START.match(text) is not None or ANYWHERE.search(text) is not None


def join_page_fragments(lines: list[Line]) -> list[Line]:
    """Join runs of long lines numbered 1、2、3、… by a document site, one per page.

    A run needs three or more consecutive counters on long lines; each fragment's counter is
    dropped and its text glued to the previous fragment (the page cut falls mid-sentence).
    """
    runs = _fragment_runs(lines)
    if not runs:
        return lines
    starts = {run[0] for run in runs}
    members = {i for run in runs for i in run}
    out: list[Line] = []
    for i, line in enumerate(lines):
        if i not in members:
            out.append(line)
            continue
        text = PAGE_FRAGMENT.sub("", line.text, count=1)
        if i in starts:
            out.append(with_text(line, text, images=list(line.images)))
        else:
            out[-1] = glued(out[-1], line, out[-1].text + text)
    return out


def _fragment_runs(lines: list[Line]) -> list[list[int]]:
    runs: list[list[int]] = []
    current: list[int] = []
    expected = None
    for i, line in enumerate(lines):
        m = PAGE_FRAGMENT.match(line.text)
        if not m or len(line.text) < MIN_FRAGMENT_CHARS:
            continue
        n = int(m.group(1))
        if current and n == expected:
            current.append(i)
        else:
            if len(current) >= 3:
                runs.append(current)
            current = [i]
        expected = n + 1
    if len(current) >= 3:
        runs.append(current)
    return runs
