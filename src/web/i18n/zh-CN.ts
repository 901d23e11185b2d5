/**
 * 简体中文 — the default language. The keys here define the shape every other language
 * must fill (en-US.ts is type-checked against it), so a missing translation fails `tsc`.
 */
export const zhCN = {
  app: { name: '共治', subtitle: '基层治理平台', console: '工作台' },
  common: {
    save: '保存', cancel: '取消', create: '新建', add: '添加', edit: '编辑', delete: '删除', view: '查看',
    confirmDelete: '确定删除“{{name}}”吗？此操作会记入审计日志。', search: '搜索', reset: '重置', query: '查询',
    actions: '操作', yes: '是', no: '否', loading: '加载中…', refresh: '刷新', close: '关闭', all: '全部', none: '无',
    total: '共 {{count}} 条', loadMore: '加载更多', noMore: '没有更多了', saved: '已保存', created: '已创建', deleted: '已删除',
    required: '请填写{{field}}', back: '返回', submit: '提交', optional: '选填', keyword: '关键词', includeSubtree: '含下级',
    active: '启用', inactive: '停用', status: '状态', empty: '暂无数据', select: '请选择', details: '详情',
  },
  lang: { label: '语言', 'zh-CN': '中文', 'en-US': 'English' },
  errors: {
    network: '网络异常，请检查网络后重试', rateLimited: '操作过于频繁，请 {{seconds}} 秒后再试',
    sessionExpired: '登录已过期，请重新登录', forbidden: '没有权限执行此操作', unknown: '出错了，请稍后重试',
    requestId: '请求编号', notFound: '页面不存在', notFoundHint: '您访问的页面不存在或已移动。', goHome: '返回首页',
    loadFailed: '加载失败',
  },
  auth: {
    loginTitle: '登录', loginSubtitle: '党建引领 · 多元共治 · 接诉即办', login: '用户名或手机号', password: '密码',
    loginButton: '登录', noAccount: '居民还没有账号？', registerLink: '注册', demoHint: '演示账号：admin / Gongzhi@2026（其他角色见说明文档）',
    logout: '退出登录', changePassword: '修改密码', currentPassword: '当前密码', newPassword: '新密码', confirmPassword: '确认新密码',
    passwordMismatch: '两次输入的密码不一致', passwordChanged: '密码已修改，其他设备上的登录已退出', passwordRule: '至少 8 位，包含字母、数字、符号中的至少两类',
    mustChangePassword: '首次登录请修改初始密码', profile: '个人信息', area: '管辖范围', staff: '工作人员', resident: '居民',
  },
  register: {
    title: '居民注册', subtitle: '注册后可在线反映问题、查看办理进度', phone: '手机号', phoneInvalid: '请输入 11 位手机号',
    username: '用户名', usernameHint: '选填，可用于登录', displayName: '称呼', displayNameHint: '如：王女士',
    area: '所在社区 / 网格', areaHint: '选择您居住的社区和网格', password: '设置密码', submit: '注册并登录',
    haveAccount: '已有账号？', loginLink: '去登录', welcome: '注册成功，欢迎加入',
  },
  nav: {
    home: '工作台', org: '组织架构', nodes: '行政区划', organizations: '组织', people: '人员', posts: '岗位',
    roles: '角色授权', responsibilities: '职责清单', accounts: '账号', audit: '审计日志', collapse: '收起菜单', expand: '展开菜单',
  },
  roles: {
    resident: '居民', grid_worker: '网格员', party_member: '党员', cadre: '干部', dispatcher: '派单员',
    dept_staff: '部门工作人员', discipline_inspector: '纪检监察员', assessor: '考核员', admin: '系统管理员',
  },
  home: {
    welcome: '{{name}}，您好', intro: '这里是共治基层治理平台的工作台。左侧菜单按您的角色列出可用的功能。',
    grants: '您的角色与管辖范围', noGrants: '您暂未被授予任何工作角色，请联系管理员。',
    comingSoon: '工单、派单、满意率统计等功能将陆续上线。',
  },
  levels: { district: '区/县', street: '街道/乡镇', community: '社区/村', grid: '网格' },
  nodes: {
    title: '行政区划', tree: '区划树', code: '区划编码', name: '名称', kind: '类型', level: '层级', households: '户数',
    parent: '上级区划', childCount: '下级数', addChild: '添加下级', addRoot: '添加区/县', selectHint: '在左侧选择一个区划查看详情',
    searchPlaceholder: '搜索名称或编码', codeHint: '网格编码 15 位：区 6 位 + 街道 3 位 + 社区 3 位 + 网格 3 位', path: '路径',
    noChildLevel: '网格是最末一级，不能再添加下级',
  },
  orgKinds: { party: '党组织', department: '政府部门', committee: '村(居)委会', social: '社会组织' },
  partyLevels: { committee: '党委', general_branch: '党总支', branch: '党支部', group: '党小组' },
  orgs: {
    title: '组织', name: '组织名称', code: '组织编码', node: '所属区划', kind: '组织类型', partyLevel: '党组织层级',
    parentOrg: '上级组织', charterCategories: '章程许可的事项类别', charterCategoriesHint: '输入类别后回车，如：环境卫生',
    charterNode: '章程服务区域', phone: '联系电话', active: '状态', createTitle: '新建组织', editTitle: '编辑组织',
    charter: '章程（权利与范围）',
    confirmDeactivate: '确定停用“{{name}}”吗？停用后可在编辑中重新启用。',
  },
  people: {
    title: '人员', name: '姓名', phone: '手机号', gender: '性别', male: '男', female: '女', partyMember: '党员',
    node: '所在区划', note: '备注', account: '账号', hasAccount: '已开通', createTitle: '新增人员', editTitle: '编辑人员',
  },
  posts: {
    title: '岗位', postTitle: '岗位名称', org: '所属组织', person: '任职人员', vacant: '空缺', createTitle: '新增岗位',
    editTitle: '编辑岗位', pickOrg: '先选择一个组织', titleHint: '如：书记、网格员、科长',
  },
  roleAssign: {
    title: '角色授权', user: '账号', role: '角色', node: '授权范围', createTitle: '授予角色',
    scopeHint: '角色在所选区划及其全部下级内有效', revoke: '撤销', confirmRevoke: '确定撤销“{{name}}”的该项角色吗？',
  },
  accounts: {
    title: '账号', username: '用户名', phone: '手机号', displayName: '姓名', kind: '类型', active: '状态',
    initialPassword: '初始密码', initialPasswordHint: '对方首次登录时须修改', person: '关联人员', roles: '角色',
    createTitle: '新建工作人员账号', editTitle: '编辑账号', addRole: '添加角色', resetPassword: '重置密码', disable: '停用', enable: '启用',
  },
  resp: {
    title: '职责清单', category: '事项类别', node: '适用区域', org: '责任组织', post: '责任岗位', note: '说明',
    createTitle: '新增职责', editTitle: '编辑职责', hint: '某类事项在某一区域内由哪个组织、哪个岗位负责；清单以外的事项不得下派给社区。',
  },
  io: {
    import: '导入', export: '导出', importTitle: '导入{{entity}}', exportCsv: '导出 CSV', exportXlsx: '导出 Excel',
    chooseFile: '选择 CSV 或 Excel 文件', dropHint: '点击或拖入文件；首行为表头，与导出文件格式一致',
    imported: '已导入 {{count}} 行（新增 {{created}}，更新 {{updated}}，未变 {{unchanged}}）', hasErrors: '文件有 {{count}} 处错误，未导入任何数据。请修改后重新上传。',
    location: '位置', code: '错误代码', message: '说明', badType: '只支持 .csv 和 .xlsx 文件',
  },
  audit: {
    title: '审计日志', action: '操作', actionHint: '操作前缀，如 org.', subjectType: '对象类型', subjectId: '对象编号',
    actor: '操作人', range: '时间范围', time: '时间', subject: '对象', changes: '变更内容', requestId: '请求编号', ip: 'IP',
    system: '系统', hash: '哈希', empty: '没有符合条件的记录', hint: '审计日志不可修改，每条记录以哈希链相连，可用 gongzhi verify-audit 校验。',
  },
  mobile: {
    greeting: '{{name}}，您好', area: '所在网格', noArea: '暂未登记所在网格', report: '我要反映',
    reportSoon: '反映问题（咨询、求助、投诉、建议）的在线通道即将开通，届时可在这里提交并查看办理进度。',
    myCases: '我的反映', noCases: '暂无反映记录', hotline: '紧急情况请直接拨打 110 / 119 / 120',
    account: '我的账号', consoleLink: '进入工作台',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language file fills. */
export type Messages = Widen<typeof zhCN>;
