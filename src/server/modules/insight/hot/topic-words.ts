/**
 * Which words of a case may make a topic. A hot issue is a problem ("噪音 / 施工 / 夜间"),
 * so three kinds of words are kept out:
 *  - the language's glue (的, 我们, 已经 …) and the boilerplate every message to a
 *    government carries (您好, 尊敬的领导, 反映, 问题, 希望, 相关部门, 尽快解决, 谢谢 …),
 *    which would otherwise pull unrelated cases together;
 *  - places (A7县, 春华镇, 金鼎村, 幸福社区, 东路 …): where a problem happens is the
 *    cluster's places breakdown, a separate dimension, not what it is about;
 *  - numbers, dates, house numbers, URLs and one-character words.
 */

/** Glue words of written Chinese: pronouns, adverbs, conjunctions, generic verbs and time words. */
const GLUE = `
的 了 在 是 有 和 与 及 以及 并 并且 而 而且 但 但是 可是 然而 虽然 因为 所以 因此 由于 如果 只要 只有 只是 不仅 既然 于是 然后 另外 此外 甚至 尤其 或 或者 还是 还有 同时 而是
也 都 就 还 又 再 才 却 仍 仍然 依然 依旧 已 已经 曾经 一直 一定 必须 应该 应当 需要 能够 可能 可以 能 会 要 想 让 使 被 把 对 对于 关于 为了 为 以 从 向 给 跟 按 按照 根据 依据 通过 经过 由 至 自 到 来 去 说 看 做 用 等 等等 之 其 该 此 将 所 于 之间 之后 之前 以后 以前 以来 以上 以下 上述 如下
这 那 这个 那个 这些 那些 这样 那样 这种 那种 这么 那么 这里 那里 这边 这条 这件 这位 此事 此类 本 本来
什么 怎么 怎样 怎么办 如何 为什么 为何 哪里 哪些 哪个 谁 多少 几个 是否 是不是 有没有 能否 能不能 可否 何时 何时能 有何 何 吗 呢 吧 啊 呀 么
我 我们 你 你们 您 您们 他 他们 她 她们 它 它们 自己 大家 本人 我家 各位 其他 其它 其中 任何 所有 每 每个 每次 每天 各 各种 各类 有人 别人 人家
一个 一些 一下 一样 一次 一起 一般 一方面 一点 一直 一年 一天 两个 几 很多 许多 不少 大量 多次 多年 一再 屡次 反复 再次 多 少 大 小 好 新 老
不 没 没有 无 未 不能 不会 不要 不用 不到 不敢 不是 无法 不得 不再 不行 不了 不知 不知道 不管 不断
很 太 最 更 非常 十分 特别 极其 比较 真的 确实 实在 完全 根本 直接 仅 只 均 都是 就是 也是 还是 正在 一直 始终 总是 经常 常常 迟迟 长期 长时间 一段时间
现在 目前 当时 当前 如今 至今 最近 近期 近日 今年 去年 明年 今天 昨天 明天 以往 过去 后来 早日 之际 期间 时候 时间 时 后 前 中 上 下 里 内 外 日 月 年 号
情况 方面 地方 东西 事情 事 事件 事项 原因 结果 办法 方式 过程 程度 时段 部分 一切 全部 整个 有关 相关 其余
进行 开始 出现 发生 存在 导致 造成 影响 得到 知道 了解 看到 发现 觉得 认为 表示 告知 告诉 说明 提出 提供 经 予以 给予 加以 属于 作为 成为 拥有 具有 包括 涉及 针对 面对 关系
`;

/** What every message to a government says, whatever it is about. */
const BOILERPLATE = `
您好 你好 你们好 您们好 尊敬 尊敬的 领导 各位领导 领导们 市领导 区领导 县领导 书记 市长 区长 县长 局长 镇长 主任 同志 先生 女士 网友 网民
谢谢 感谢 非常感谢 万分感谢 谢谢您 拜托 麻烦 百忙之中 此致 敬礼 盼复 期盼 期待 恳请 恳求 请求 请 请问 想问 咨询 询问 求助 求 帮助 帮忙 希望 望 盼望 渴望 强烈 强烈要求 强烈建议 呼吁 建议 意见 要求 诉求 心声
加快 加强 加大 推进 推动 促进 提高 提升 完善 保障 保证 确保 刻不容缓 迫在眉睫 当务之急 不作为 乱作为 置之不理 不了了之 无人问津 无人管 没人管 视而不见 苦不堪言
反映 反应 投诉 举报 控告 上访 信访 留言 来信 回复 答复 回应 回答 解释 说法 交代 处理 解决 彻底解决 尽快 尽早 及时 马上 立即 早日 重视 关注 关心 落实 督促 监督 调查 核实 查处 查实 查看 跟进 协调 沟通 过问 介入 整改 整治 治理 管理 规范 工作 服务
问题 情况 事情 现象 行为 情形 状况 困扰 困难 麻烦 隐患 危害 损失 后果 矛盾 纠纷 难题 烦恼
严重 严重影响 极大 巨大 很大 恶劣 非常 合理 合法 正常 正当 必要 有效 切实 真正 实际 具体 明确 相应 有关规定 相关规定 规定 法律 法规 依法 违法 违规 违法行为 违规行为
部门 相关部门 有关部门 职能部门 主管部门 上级部门 上级 政府部门 政府 人民政府 党和政府 市政府 区政府 县政府 镇政府 街道办 单位 人员 工作人员 负责人 工作者 官员 干部
市民 居民 群众 老百姓 百姓 人民 人民群众 广大 广大市民 民众 住户 居民们 大家伙 公民 纳税人
小区 社区 街道 区域 附近 周边 周围 旁边 地区 当地 本地 地段 片区 一带 全市 全区 全县 本市 本区 本县 市里 区里 县里 市区 城区 城市 国家 中国 全国 省 市 区 县 镇 乡 村 组 栋 号 楼 单元 西地省 西地 地省
电话 打电话 热线 市长热线 12345 多次 一次次 无数次 至今 迄今 一年多 半年 几年 多月 几个月 生活 日常生活 正常生活 身心健康 生命财产 安全隐患
`;

/** Place words the dictionary cuts out of street and estate names (东路, 新村 …). */
const PLACE_PARTS = `
东路 西路 南路 北路 中路 大道 大街 东街 西街 南街 北街 新村 新城 新区 老城 城东 城西 城南 城北 河东 河西 东区 西区 南区 北区 一期 二期 三期 四期 五期 东门 西门 南门 北门 交汇处 路段 路口 十字路口 交叉口
`;

function listOf(...texts: string[]): Set<string> {
  return new Set(texts.flatMap((t) => t.split(/\s+/u)).filter((w) => w !== ''));
}

/** Words that never make a topic, nor a label. */
export const STOP_WORDS: ReadonlySet<string> = listOf(GLUE, BOILERPLATE, PLACE_PARTS);

/**
 * Place names by their ending (春华镇, 镇金鼎村, 溪湖区, 长青路, 幸福社区, 米兰小区 …),
 * three characters or more so that 城区 or 学区 stay words.
 */
const PLACE = /^[\p{Script=Han}a-z\d]{2,}(?:省|市|县|区|镇|乡|村|组|路|街|巷|大道|苑|府|湾|城|庄|坪|港|园区|小区|社区|街道|花园|家园|公寓|大厦|广场|中心)$/u;
/** Officials named with their title (胡书记, 王局长): people, not problems. */
const PERSON = /^[\p{Script=Han}]{1,3}(?:书记|市长|区长|县长|局长|镇长|村长|主任|所长|队长|老师|师傅)$/u;
/** Words with those endings that are problems, not places. */
const NOT_A_PLACE = /(?:公路|铁路|马路|城中村|步行街|人行道|车道|通道|下水道|管道|渠道|轨道|隧道|街道办|通行道|盲道|跑道|自行车道|停车场|充电站|加油站|垃圾站|菜市场|农贸市场|批发市场|停车区|施工区|卸货区|商业区|工业园区|快递站|服务中心|养老中心|医疗中心|文化中心|体育中心)$/u;
/** Letters and digits only: no punctuation, spaces or symbols. */
const LETTERS = /^[\p{L}\p{N}]+$/u;
/** Numbers and words with digits (2019年, A7, 320号, 12345), URLs and one- or two-letter Latin words. */
const NUMERIC_OR_JUNK = /\d|^[a-z]{1,2}$|^(?:https?|www|com|cn|html|baidu|app)$/u;
/** Numerals written in Chinese (一万, 三百多, 第二) and counted units (两次, 三个月). */
const CHINESE_NUMBER = /^[第]?[零一二三四五六七八九十百千万两几多半]+[个次年月天日号期层栋户元块米条家位名件辆遍趟周岁份多]?[多余]?$/u;

/**
 * Whether `word` (lower-cased) may be part of a topic.
 * `extraStops` holds the run's own place names (the cases' grids and communities, cut into words).
 */
export function isTopicWord(word: string, extraStops?: ReadonlySet<string>): boolean {
  if (word.length < 2 || STOP_WORDS.has(word) || !LETTERS.test(word)) return false;
  if (extraStops?.has(word)) return false;
  if (NUMERIC_OR_JUNK.test(word) || CHINESE_NUMBER.test(word)) return false;
  if (word.length >= 3 && ((PLACE.test(word) && !NOT_A_PLACE.test(word)) || PERSON.test(word))) return false;
  return true;
}
