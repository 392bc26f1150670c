"""intake.similarity: content hash, 64-bit simhash and 4-shingle Jaccard for near-duplicate manuscripts."""

from __future__ import annotations

from intake.similarity import SIMHASH_CANDIDATE_DISTANCE, content_hash, hamming, jaccard, normalise, simhash

SENTENCES = [
    "11月24日，市直机关工委在市行政中心举办青年干部读书分享会。",
    "来自市直各部门的六十余名青年干部参加活动。",
    "活动以“读书明理、学以致用”为主题，分为好书推荐、心得交流和专家点评三个环节。",
    "市财政局青年干部张三结合岗位实际，分享了阅读《之江新语》的体会。",
    "市教育局李四围绕乡村振兴中的教育帮扶，讲述了自己下乡支教的经历。",
    "市卫健委王五从基层医疗服务出发，谈了对“以人民为中心”的理解。",
    "市委党校教授赵六进行了点评，肯定了青年干部勤学善思的良好风气。",
    "他指出，青年干部要把读书学习作为一种生活态度、一种工作责任、一种精神追求。",
    "要在学懂弄通做实上下功夫，不断提高政治判断力、政治领悟力、政治执行力。",
    "市直机关工委负责同志表示，读书分享会将常态化开展。",
    "下一步，工委将组建青年读书社，定期推荐书目、交流心得。",
    "同时将读书活动与主题党日、业务培训相结合，推动学习成果转化为工作实效。",
    "参加活动的青年干部纷纷表示，这次分享会形式新颖、内容丰富、收获很大。",
    "今后将持续加强理论学习，以更加饱满的热情投入到本职工作中。",
    "据了解，今年以来市直机关已开展各类读书活动二十余场。",
    "覆盖党员干部三千余人次，形成了浓厚的读书学习氛围。",
    "活动现场还设置了图书漂流角，青年干部们交换了各自喜爱的书籍。",
    "不少人表示，通过交换书籍结识了新朋友，拓宽了阅读视野。",
    "市直机关工委还为表现突出的五名青年干部颁发了“读书之星”证书。",
    "大家纷纷表示，要以此次活动为契机，争做学习型干部。",
]
ARTICLE = "\n".join(SENTENCES)
UNRELATED = (
    "本报讯 近日，青禾县气象局发布寒潮蓝色预警，预计未来三天最低气温将下降八到十度。"
    "县农业农村局提醒广大农户做好大棚蔬菜防冻保温工作，及时加固棚膜，储备取暖物资。"
    "交通运输部门也将加强道路巡查，对易结冰路段提前撒布融雪剂，确保群众出行安全。"
    "教育部门要求各中小学合理调整作息时间，加强学生上下学途中的安全教育。"
) * 2


def test_identical_text_has_jaccard_one() -> None:
    """A text compared with itself is fully similar."""
    assert jaccard(ARTICLE, ARTICLE) == 1.0


def test_whitespace_and_punctuation_do_not_change_hash_or_similarity() -> None:
    """Re-wrapped lines, full-width spaces and changed punctuation give the same content hash."""
    reformatted = "\u3000\u3000" + ARTICLE.replace("\n", "\n\n ").replace("，", ",").replace("。", ". ")
    assert content_hash(reformatted) == content_hash(ARTICLE)
    assert jaccard(reformatted, ARTICLE) == 1.0
    assert simhash(reformatted) == simhash(ARTICLE)


def test_normalise_drops_spaces_and_punctuation_and_lowercases() -> None:
    """Only letters, digits and CJK characters survive normalisation, Latin lower-cased."""
    assert normalise(" 《Hello，World》\u3000第1版！\n") == "helloworld第1版"


def test_one_changed_sentence_in_twenty_is_a_near_duplicate() -> None:
    """Editing one sentence of ~20 keeps Jaccard >= 0.9 and the simhashes within candidate distance."""
    edited = SENTENCES.copy()
    edited[9] = "市直机关工委负责同志说，此类分享活动今后每季度举办一次。"
    other = "\n".join(edited)
    assert jaccard(ARTICLE, other) >= 0.9
    assert content_hash(other) != content_hash(ARTICLE)
    assert hamming(simhash(ARTICLE), simhash(other)) <= SIMHASH_CANDIDATE_DISTANCE


def test_unrelated_texts_are_far_apart() -> None:
    """Two different articles share few shingles and many simhash bits differ."""
    assert jaccard(ARTICLE, UNRELATED) < 0.1
    assert hamming(simhash(ARTICLE), simhash(UNRELATED)) > SIMHASH_CANDIDATE_DISTANCE


def test_simhash_fits_a_signed_64_bit_column() -> None:
    """Every simhash is within BIGINT range, and Hamming distance treats it as 64 unsigned bits."""
    values = [simhash(t) for t in (ARTICLE, UNRELATED, "短", "", *SENTENCES)]
    assert all(-(2**63) <= v < 2**63 for v in values)
    assert any(v < 0 for v in values), "the top bit is used, so some values are negative"
    assert hamming(-1, 0) == 64
    assert hamming(simhash(ARTICLE), simhash(ARTICLE)) == 0


def test_empty_text_is_similar_to_nothing() -> None:
    """Jaccard with an empty (or punctuation-only) text is 0, not a division error."""
    assert jaccard("", ARTICLE) == 0.0
    assert jaccard("。，！", "。，！") == 0.0
