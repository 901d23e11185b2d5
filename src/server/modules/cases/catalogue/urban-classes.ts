/**
 * The event classes of digital urban management (数字化城市管理, GB/T 30428.2 / CJJ/T 214:
 * 事件 大类 → 小类), the commonly used subclasses of each. Grid workers report these on
 * patrol; deployments add their local subclasses in the console.
 */
export const urbanEventClasses: ReadonlyArray<{ name: string; subclasses: readonly string[] }> = [
  {
    name: '市容环境',
    subclasses: ['私搭乱建', '暴露垃圾', '积存垃圾渣土', '道路不洁', '水域不洁', '绿地脏乱', '乱涂乱画', '废弃车辆', '废弃家具设备', '焚烧垃圾树叶', '动物尸体', '油烟污染'],
  },
  {
    name: '宣传广告',
    subclasses: ['违章张贴悬挂广告牌匾', '非法小广告', '占道广告牌', '街头散发广告', '广告招牌破损', '横幅标语违规悬挂'],
  },
  {
    name: '施工管理',
    subclasses: ['施工扰民', '施工占道', '道路遗撒', '施工废弃料', '工地扬尘', '无证掘路', '施工围挡破损'],
  },
  {
    name: '街面秩序',
    subclasses: ['无照经营游商', '占道经营', '店外经营', '乱堆物堆料', '机动车乱停放', '非机动车乱停放', '沿街晾挂', '占道废品收购', '露天烧烤', '流浪乞讨'],
  },
  {
    name: '突发事件',
    subclasses: ['路面塌陷', '自来水管破裂', '燃气泄漏', '下水道堵塞或破损', '供电设施故障', '道路积水', '火灾', '架空线缆脱落'],
  },
];
