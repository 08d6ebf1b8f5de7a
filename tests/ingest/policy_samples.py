"""Two short policy documents, Chinese and English, written for the extraction tests.

Each is a title and numbered paragraphs. :meth:`Sample.plain` is the document typed
plainly, one paragraph per line: what the PDF and .docx built from the same sample
must ingest to.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from policydiff.corpus import load_corpus
from policydiff.ingest.pipeline import IngestOptions, IngestPlan, plan_ingest
from policydiff.structure import structure_version


@dataclass(frozen=True)
class Para:
    level: int  # 0 unnumbered, 1 part, 2 item, 3 sub-item
    label: str  # as typed: "一、", "（一）", "1.", "I.", "(1)"; "" when unnumbered
    text: str


@dataclass(frozen=True)
class Sample:
    lang: str
    title: str
    paragraphs: tuple[Para, ...]

    def line(self, para: Para) -> str:
        gap = " " if self.lang == "en" and para.label else ""
        return f"{para.label}{gap}{para.text}"

    def plain(self) -> str:
        return "\n".join([self.title, *(self.line(p) for p in self.paragraphs)]) + "\n"


ZH = Sample(
    "zh",
    "关于推动城乡建设绿色发展的意见",
    (
        Para(0, "", "城乡建设是推动绿色发展、建设美丽中国的重要载体。为推动城乡建设绿色发展，现提出如下意见。"),
        Para(1, "一、", "总体要求"),
        Para(2, "（一）", "指导思想。以习近平新时代中国特色社会主义思想为指导，完整、准确、全面贯彻新发展理念，以让人民群众住上更好的房子为目标，积极推广绿色建材和装配式建筑，推动城乡建设全面绿色转型。"),
        Para(2, "（二）", "工作原则。坚持人民至上、创新驱动，坚持系统观念、统筹推进，坚持因地制宜、分类施策，坚持党建引领、共建共治。"),
        Para(2, "（三）", "总体目标。到2025年，城乡建设绿色发展体制机制和政策体系基本建立，建设方式绿色转型成效显著，碳减排扎实推进。到2030年，城乡建设领域碳排放达到峰值，城乡生态环境质量整体改善。"),
        Para(1, "二、", "推进城乡建设一体化发展"),
        Para(2, "（一）", "促进区域和城市群绿色发展。建立健全区域和城市群协调发展机制，加强生态环境共保共治，推动基础设施互联互通和公共服务共建共享。"),
        Para(2, "（二）", "建设人与自然和谐共生的美丽城市。严格控制新建超高层建筑，实施城市生态修复工程，提高城市绿化覆盖率，打造城市蓝绿空间网络。"),
        Para(2, "（三）", "打造绿色生态宜居的美丽乡村。推行乡村建设绿色低碳技术，积极推广农房节能改造和可再生能源应用，保护传统村落和乡土风貌。"),
        Para(1, "三、", "转变城乡建设发展方式"),
        Para(2, "（一）", "建设高品质绿色建筑。实施建筑领域碳达峰、碳中和行动，加强财政、金融、规划、建设等政策支持。"),
        Para(3, "1.", "大力推广超低能耗、近零能耗建筑，发展零碳建筑。"),
        Para(3, "2.", "实施绿色建筑统一标识制度，推动高质量绿色建筑规模化发展。"),
        Para(3, "3.", "推进既有建筑绿色化改造，鼓励与城镇老旧小区改造、农村危房改造同步实施。"),
        Para(2, "（二）", "提高城乡基础设施体系化水平。加强城市基础设施建设，统筹推进城市燃气、供水、排水、污水、供热等地下管网建设。"),
        Para(1, "四、", "加强组织实施"),
        Para(2, "（一）", "加强党的领导。各地区各有关部门要把党的领导贯穿城乡建设绿色发展全过程，确保各项任务落到实处。"),
        Para(2, "（二）", "完善工作机制。建立健全统筹协调机制，加强部门协同，定期开展评估，及时研究解决重大问题。"),
    ),
)  # fmt: skip

EN = Sample(
    "en",
    "Opinions on Strengthening the Green Development of Urban and Rural Construction",
    (
        Para(0, "", "Urban and rural construction is an important vehicle for promoting green development and building a beautiful China. To promote the green development of urban and rural construction, the following opinions are put forward."),
        Para(1, "I.", "General Requirements"),
        Para(2, "1.", "Guiding ideology. Guided by Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era, we will fully, accurately and comprehensively apply the new development philosophy, take enabling the people to live in better housing as our goal, and actively promote green building materials and prefabricated buildings, so as to drive the all-round green transformation of urban and rural construction."),
        Para(2, "2.", "Working principles. We will put the people first and rely on innovation, take a systematic approach and advance work in a coordinated way, adapt measures to local conditions, and strengthen Party leadership and joint governance."),
        Para(2, "3.", "Overall objectives. By 2025, the institutional mechanisms and policy system for the green development of urban and rural construction will be basically established, and carbon emission reduction will be advancing steadily. By 2030, carbon emissions in urban and rural construction will have peaked, and the overall quality of the ecological environment will have improved."),
        Para(1, "II.", "Transforming the Way Urban and Rural Construction Develops"),
        Para(2, "1.", "Building high-quality green buildings. We will carry out actions for peaking carbon emissions and achieving carbon neutrality in the building sector, and strengthen policy support in finance, planning and construction."),
        Para(3, "(1)", "We will vigorously promote ultra-low energy and near-zero energy buildings and develop zero-carbon buildings."),
        Para(3, "(2)", "We will implement a unified labelling system for green buildings and promote the large-scale development of high-quality green buildings."),
        Para(3, "(3)", "We will advance the green renovation of existing buildings, and encourage carrying it out together with the renovation of old urban residential communities."),
        Para(2, "2.", "Strengthening the systematic development of infrastructure. We will step up the construction of urban infrastructure and advance the building of underground pipe networks for gas, water supply, drainage, sewage and heating in a coordinated way."),
        Para(1, "III.", "Strengthening Organisation and Implementation"),
        Para(2, "1.", "Strengthening the leadership of the Party. All regions and departments concerned shall integrate the leadership of the Party into the whole process of the green development of urban and rural construction, ensuring that every task is fulfilled."),
        Para(2, "2.", "Improving working mechanisms. We will establish sound mechanisms for overall coordination, strengthen cooperation among departments, conduct regular evaluations, and promptly study and resolve major problems."),
    ),
)  # fmt: skip


OPTIONS = IngestOptions(date="2021-10-21", title="Opinions", issuers=("State Council",))


def plan(tmp_path: Path, name: str, data: bytes) -> IngestPlan:
    """The ingest plan of ``data`` saved as ``name``, against an empty corpus."""
    path = tmp_path / name
    path.write_bytes(data)
    return plan_ingest(path, load_corpus(tmp_path / "empty-corpus"), OPTIONS)


def provisions(plan: IngestPlan) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """Each provision's id, label and heading, and the texts of its sentences."""
    structured = structure_version(plan.document.id, plan.version)
    return [
        (p.id, p.label, p.heading, tuple(s.text for s in p.sentences))
        for p in structured.provisions
    ]
