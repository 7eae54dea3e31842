"""The importer on the corpus of real papers (fixtures/corpus): no paper may fall below its floor.

Floors are the figures measured when the corpus and its last importer change landed, less a small
margin; they only move up. `python -m tests.corpus.report` prints the whole table (README).
Each floor is (F1, answer agreement), answer None where the paper prints no keys.
"""

from __future__ import annotations

import pytest

from tests.corpus.scoring import manifest, score_paper

FLOORS = {
    "a1_yuketang-xigai.txt": (0.95, 0.95),
    "a2_buaa-ethics-wangke.txt": (0.95, 0.95),
    "a3_wjx-k3-electrical.txt": (0.90, 0.75),
    "a4_yuketang-se-quiz.md": (0.95, None),
    "a5_dangjian-quiz-bank.txt": (0.95, 0.95),
    "aa1_party-constitution-quiz.xlsx": (0.95, 0.95),
    "aa2_cost-mgmt-exam.xlsx": (0.90, None),
    "aa3_network-exam.txt": (0.90, None),
    "ab1_njupt-os-b.pdf": (0.90, 0.95),
    "ab2_xsyu-ruanjian-gongcheng.pdf": (0.95, 0.90),
    "ab3_hnust-qianrushi-xuanze.pdf": (0.95, 0.90),
    "ac1_os-jiandati.md": (0.95, 0.90),
    "ac2_junshi-lilun-kaoshi.txt": (0.95, 0.95),
    "ac3_jiwang-qizhong-fuxiti.md": (0.95, 0.80),
    "ad1_renshe-quiz-bank.txt": (0.95, 0.95),
    "ad2_java-basis-bank.md": (0.90, 0.95),
    "ae1_sixiu-ch3-practice.docx": (0.95, 0.90),
    "ae2_tongxin-dianzi-tiku.docx": (0.95, 0.80),
    "ae3_ustb-physics-lab-exam.docx": (0.85, None),
    "af1_jzab-party-quiz.xlsx": (0.95, 0.95),
    "af2_interview-html-js.xls": (0.95, 0.95),
    "af3_lua-practice.xls": (0.95, None),
    "ag1_frontend-interview-review.md": (0.95, 0.95),
    "ag2_os-short-answer.md": (0.90, 0.95),
    "ag3_cpp-interview-bank.md": (0.95, 0.90),
    "ah1_wsn-xuanze.txt": (0.95, 0.95),
    "ah2_maogai-kehouti.pdf": (0.95, 0.90),
    "ai1_chaoxing-qishi-wenhua.txt": (0.95, 0.90),
    "ai2_xigai-tiku-jiexi.txt": (0.90, 0.90),
    "ai3_shijiuda-dangzhang-tiku.txt": (0.95, 0.95),
    "aj1_sdju-design-patterns-midterm.docx": (0.90, 0.75),
    "aj2_frontend-interview-shiti.docx": (0.95, 0.90),
    "aj3_seu-comp-org-exam-recall.docx": (0.95, None),
    "ak1_netsec-challenge-quiz.xlsx": (0.95, 0.95),
    "ak2_math-riddle-contest.xlsx": (0.95, 0.95),
    "al1_db-jianda-huizong.md": (0.95, 0.95),
    "al2_maogai-review-list.md": (0.95, 0.95),
    "al3_cnet-review-topics.md": (0.95, 0.95),
    "am1_xsc-math-2023.pdf": (0.90, None),
    "am2_guet-physics-2019.pdf": (0.95, None),
    "av1_zju-jizu-final-1112.pdf": (0.75, 0.45),
    "av2_sysu-c-midterm-inline-answers.pdf": (0.85, 0.90),
    "av3_gltj-ch1-past-finals.pdf": (0.85, None),
    "aw1_maogai-short-answers.docx": (0.80, 0.80),
    "aw2_bluearchive-gaokao-parody.docx": (0.85, None),
    "ax1_maogai-ch4-inline-keys.txt": (0.95, 0.95),
    "ax2_xingce-tiku-noopts.txt": (0.95, 0.95),
    "ay1_senior-management-cases.md": (0.80, 0.50),
    "ay2_mayuan-review-outline.md": (0.90, 0.90),
    "ay3_software-test-interview.txt": (0.30, 0.95),
    "az1_zju-ds-pta-final-recall.txt": (0.90, 0.75),
    "az2_mooc-python-weekly-quiz-oj.md": (0.75, 0.50),
    "b1_neu-project-management.md": (0.95, 0.75),
    "b2_rechuli-fuxi.md": (0.90, 0.90),
    "b3_cisp-xinxi-anquan.md": (0.95, 0.95),
    "b4_zhonghua-minzu-gongtongti.md": (0.95, 0.95),
    "b5_shujuku-xuanzeti.md": (0.95, 0.95),
    "bb1_dianggong-tf-braces.txt": (0.95, 0.90),
    "bb2_zhilichaoren-trivia-pylist.txt": (0.70, 0.00),
    "bb3_linux-ops-rsync-mysql-exam.txt": (0.95, None),
    "c1_ncre-cpp-2008-09.docx": (0.95, 0.95),
    "c2_data-structure-test.docx": (0.90, None),
    "c3_python-final-a.docx": (0.95, None),
    "c4_info-theory-exam.pdf": (0.85, None),
    "c5_radio-astro-review.pdf": (0.95, None),
    "d1_dianjing-1x-gaoji.xlsx": (0.95, 0.95),
    "d2_anquan-shengchan-wjx.xlsx": (0.95, 0.95),
    "d3_bank-shangmen-kaika.xlsx": (0.95, 0.95),
    "d4_shuili-anquan-tk.txt": (0.95, 0.95),
    "d5_nisp-papers.txt": (0.95, 0.95),
    "e1_chaoxing-netsec.txt": (0.95, 0.95),
    "e2_md-software-pm.md": (0.95, 0.00),
    "e3_word-html-css-review.docx": (0.95, 0.90),
    "e4_xlsx-php-ipmp-ccna.xlsx": (0.95, 0.95),
    "e5_txt-policy-quiz.txt": (0.95, 0.95),
    "f1_wsn-exercises.pdf": (0.85, None),
    "f2_lry-dangshi-bank.txt": (0.95, 0.95),
    "f3_maogai-choice.md": (0.90, None),
    "f4_multimedia.docx": (0.90, None),
    "f5_ds-open-questions.md": (0.90, 0.85),
    "g1_maogai-exam-platform.docx": (0.95, 0.80),
    "g2_chaoxing-xigai-multi.txt": (0.95, 0.95),
    "g3_med-zhenti-2020-2019.md": (0.95, None),
    "g4_ai-intro-choice.docx": (0.95, 0.95),
    "g6_cpp-class-choice.xlsx": (0.95, 0.95),
    "g7_pathology-terms-exam.pdf": (0.00, 0.00),
    "g8_gd-c3-anquan.txt": (0.95, 0.95),
    "h1_chaoxing-javaee.txt": (0.95, 0.95),
    "h2_dimian-huoju.txt": (0.95, 0.90),
    "i1_ruanjian-choice.txt": (0.95, 0.95),
    "i2_se-zikao-202510.md": (0.90, 0.90),
    "j1_yunchouxue-xuanze.docx": (0.95, 0.90),
    "j2_bianyi-qimo.pdf": (0.85, None),
    "j3_cpp-choice-day15.md": (0.95, 0.95),
    "k2_jsp-choice.txt": (0.95, 0.95),
    "k4_xigai-sheet.xlsx": (0.95, 0.95),
    "m1_chaoxing-java-cuoti.md": (0.95, 0.95),
    "m2_c-lianxiti.pdf": (0.85, None),
    "n1_zhihuishu-laodong-jiaoyu.md": (0.95, 0.95),
    "n2_uestc-lab-safety-bank.txt": (0.95, 0.95),
    "o1_ds-exam-key.docx": (0.95, 0.95),
    "o2_softsec-mock-key.docx": (0.90, 0.95),
    "o3_h5-exam-answered.docx": (0.85, 0.95),
    "p1_fenghuang-classroom-quiz.xlsx": (0.95, 0.95),
    "p2_tw-police-scenario-exam.pdf": (0.90, None),
    "q1_se-mingci-jieshi.txt": (0.95, 0.95),
    "q2_mayuan-at-hash-bank.txt": (0.95, 0.95),
    "q3_jiepou-tihao-records.txt": (0.95, 0.95),
    "r1_hcia-cloud-mock.md": (0.90, 0.85),
    "r2_maogai-review-qa.md": (0.95, 0.95),
    "r3_programmer-cert-bank.md": (0.95, 0.95),
    "t1_hhu-shujuku-a.pdf": (0.90, 0.75),
    "t2_jizu-xuanze.docx": (0.95, 0.95),
    "u1_shouyi-weishengwu-xitiku.txt": (0.85, 0.85),
    "u2_ujs-chuangxin-xuefen-tiku.txt": (0.95, 0.95),
    "u3_maogai-chaoxing-quizzes.txt": (0.95, 0.95),
    "v1_gaozhong-dili-dimao.xlsx": (0.95, 0.95),
    "w1_jindaishi-anki-qa.md": (0.95, 0.95),
    "w2_linux011-sikaoti.md": (0.90, 0.95),
    "w3_android-jiandati-gbk.txt": (0.05, 0.00),
    "x1_henau-ds-2014-a.pdf": (0.95, 0.70),
    "x2_mooc-c-advance-final.md": (0.95, 0.95),
    "y1_maogai-ch3-key.md": (0.95, 0.95),
    "y2_maogai-pdfconv.txt": (0.90, 0.85),
    "y3_javaee-choice.txt": (0.95, 0.95),
    "z1_pku-ics-final-2015.docx": (0.45, 0.70),
    "z2_smart-sensor-exercises.docx": (0.95, None),
}


def test_every_corpus_paper_has_a_floor_and_labels() -> None:
    assert sorted(str(e["file"]) for e in manifest()) == sorted(FLOORS)
    splits = [e["split"] for e in manifest()]
    assert len(splits) >= 30 and splits.count("holdout") >= 10
    assert all(e["split"] in ("dev", "holdout") for e in manifest())
    assert len({e["repository"] for e in manifest()}) >= 20


@pytest.mark.parametrize("paper", sorted(FLOORS))
def test_paper_stays_above_its_floor(paper: str) -> None:
    (entry,) = [e for e in manifest() if e["file"] == paper]
    score = score_paper(entry)
    min_f1, min_answer = FLOORS[paper]
    assert score.f1 >= min_f1, f"{paper}: F1 {score.f1:.3f} < {min_f1} ({score.error})"
    if min_answer is not None:
        assert score.answer is not None and score.answer >= min_answer, f"{paper}: answers {score.answer}"
