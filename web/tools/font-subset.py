#!/usr/bin/python3
"""Makes the screens' CJK font: Noto Sans CJK SC (SIL Open Font License 1.1), cut down to the
characters the screens show, so that a hall without internet (and a machine without Chinese
fonts) shows the same text, at tens of kilobytes instead of the full font's 16 MB.

The characters: every CJK and full-width character in the module's pages, scripts and Java
sources, in what the queue, counter and marketing services show on them (seeded business types
and halls, advice, prompts, offers and pitches), and the words hall names are made of (below). A character outside the subset (a new hall's unusual name) is drawn by the
next font of the CSS stack, the system's.

Run it again after adding Chinese text to a screen:
  apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb x   (Debian, any user)
  apt-get install python3-fonttools python3-brotli                           (once, as root)
  /usr/bin/python3 web/tools/font-subset.py x/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
"""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "web/src/main/resources/META-INF/resources/assets/fonts/hallwatch-cjk-regular.woff2"
# The characters the font holds, for FontCoverageTest (which fails when a screen gains text the font lacks).
CHARS = ROOT / "web/tools/hallwatch-cjk.chars"
# The screens' own text, and what the services put on them: catalogue and hall names, the queue's
# triage advice, the counter's prompts, marketing's offers, pitches and apologies.
SOURCES = [ROOT / "web/src/main", ROOT / "queue-service/src/main", ROOT / "counter-service/src/main",
           ROOT / "marketing-service/src/main"]
# Words of hall names, places and the queue that the sources may not spell yet.
EXTRA = (
    # hall, place and queue words
    "营业厅中心服务广州深圳北京上海天津重庆杭州南京武汉成都西安长沙郑州福州厦门昆明贵阳南宁海口济南青岛沈阳大连哈尔滨"
    "长春石家庄太原合肥南昌兰州银川西宁拉萨乌鲁木齐呼和浩特天河福田南山罗湖宝安龙岗越秀海珠番禺白云黄埔花都佛山东莞"
    "珠海中山江门惠州汕头湛江肇庆清远韶关梅州河源阳江茂名潮州揭阳云浮汕尾朝阳海淀丰台浦东徐汇静安黄浦闵行"
    "东西南北中路街道大道区市县镇乡村旗舰店分厅营业部一二三四五六七八九十百千万号台窗口楼层"
    # the most frequent characters of written Chinese, for names and text the sources do not spell yet
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天"
    "而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些"
    "与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相"
    "次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立"
    "马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共"
    "风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快"
    "条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李"
    "息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯"
    "专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切复敢存哪米汽按负费售余线职阳测试验证缴纳装购询销户宽带补卡"
    "投诉贵宾会员今明午晚开始结束暂停时间分钟小人前预计欢迎光临谢您打烊夜值班经理管理员营业员取号机")
SC_FACE = "2"  # Noto Sans CJK's collection: JP 0, KR 1, SC 2, TC 3, HK 4


def characters():
    chars = set(chr(c) for c in range(0x20, 0x7F))
    chars.update(EXTRA)
    for base in SOURCES:
        for f in base.rglob("*"):
            if f.is_file() and f.suffix in {".html", ".js", ".css", ".java", ".sql", ".properties"}:
                for ch in f.read_text(encoding="utf-8", errors="ignore"):
                    o = ord(ch)
                    if 0x3000 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF or o in (0x2013, 0x2014, 0x2026, 0x00B7):
                        chars.add(ch)
    return "".join(sorted(chars))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    text = characters()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "fontTools.subset", sys.argv[1], "--font-number=" + SC_FACE,
                    "--text=" + text, "--flavor=woff2", "--layout-features=*", "--no-hinting",
                    "--output-file=" + str(OUT)], check=True)
    CHARS.parent.mkdir(parents=True, exist_ok=True)
    CHARS.write_text(text + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(text)} characters, {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
