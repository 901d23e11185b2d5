/** English (en-US). Type-checked against the zh-CN shape so no key can be missing. */
import type { Messages } from './zh-CN.js';

export const enUS: Messages = {
  app: { name: 'Gongzhi', subtitle: 'Grassroots governance', console: 'Console' },
  common: {
    save: 'Save', cancel: 'Cancel', create: 'New', add: 'Add', edit: 'Edit', delete: 'Delete', view: 'View',
    confirmDelete: 'Delete “{{name}}”? This is recorded in the audit log.', search: 'Search', reset: 'Reset', query: 'Search',
    actions: 'Actions', yes: 'Yes', no: 'No', loading: 'Loading…', refresh: 'Refresh', close: 'Close', all: 'All', none: 'None',
    total: '{{count}} in total', loadMore: 'Load more', noMore: 'No more entries', saved: 'Saved', created: 'Created', deleted: 'Deleted',
    required: '{{field}} is required', back: 'Back', submit: 'Submit', optional: 'optional', keyword: 'Keyword', includeSubtree: 'Include sub-areas',
    active: 'Active', inactive: 'Inactive', status: 'Status', empty: 'No data', select: 'Select', details: 'Details',
  },
  lang: { label: 'Language', 'zh-CN': '中文', 'en-US': 'English' },
  errors: {
    network: 'Network error; check your connection and try again', rateLimited: 'Too many requests; try again in {{seconds}} s',
    sessionExpired: 'Your session has expired; please sign in again', forbidden: 'You are not allowed to do this', unknown: 'Something went wrong; please try again later',
    requestId: 'Request id', notFound: 'Page not found', notFoundHint: 'The page you asked for does not exist or has moved.', goHome: 'Back to start',
    loadFailed: 'Could not load',
  },
  auth: {
    loginTitle: 'Sign in', loginSubtitle: 'Party-led · Shared governance · Every request answered', login: 'Username or phone', password: 'Password',
    loginButton: 'Sign in', noAccount: 'Resident without an account?', registerLink: 'Register', demoHint: 'Demo login: admin / Gongzhi@2026 (other roles in the README)',
    logout: 'Sign out', changePassword: 'Change password', currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Confirm new password',
    passwordMismatch: 'The two passwords differ', passwordChanged: 'Password changed; sessions on other devices were signed out', passwordRule: 'At least 8 characters, with two of: letters, digits, symbols',
    mustChangePassword: 'Please replace your initial password', profile: 'Profile', area: 'Area of responsibility', staff: 'Staff', resident: 'Resident',
  },
  register: {
    title: 'Resident registration', subtitle: 'Raise matters online and follow their progress', phone: 'Mobile number', phoneInvalid: 'Enter an 11-digit mobile number',
    username: 'Username', usernameHint: 'Optional; can be used to sign in', displayName: 'How to address you', displayNameHint: 'e.g. Ms Wang',
    area: 'Community / grid', areaHint: 'Choose the community and grid where you live', password: 'Password', submit: 'Register and sign in',
    haveAccount: 'Already registered?', loginLink: 'Sign in', welcome: 'Welcome! You are registered',
  },
  nav: {
    home: 'Home', org: 'Organization', nodes: 'Administrative areas', organizations: 'Organizations', people: 'People', posts: 'Posts',
    roles: 'Role grants', responsibilities: 'Responsibility list', accounts: 'Accounts', audit: 'Audit log', collapse: 'Collapse menu', expand: 'Expand menu',
  },
  roles: {
    resident: 'Resident', grid_worker: 'Grid worker', party_member: 'Party member', cadre: 'Cadre', dispatcher: 'Dispatcher',
    dept_staff: 'Department staff', discipline_inspector: 'Discipline inspector', assessor: 'Assessor', admin: 'Administrator',
  },
  home: {
    welcome: 'Hello, {{name}}', intro: 'This is the Gongzhi console. The menu on the left lists what your roles allow.',
    grants: 'Your roles and areas', noGrants: 'You hold no staff role yet; please contact an administrator.',
    comingSoon: 'Work orders, dispatch and satisfaction figures are coming in later releases.',
  },
  levels: { district: 'District/county', street: 'Street/township', community: 'Community/village', grid: 'Grid' },
  nodes: {
    title: 'Administrative areas', tree: 'Area tree', code: 'Code', name: 'Name', kind: 'Type', level: 'Level', households: 'Households',
    parent: 'Parent area', childCount: 'Sub-areas', addChild: 'Add sub-area', addRoot: 'Add district', selectHint: 'Select an area on the left to see its details',
    searchPlaceholder: 'Search by name or code', codeHint: 'Grid codes have 15 digits: district 6 + street 3 + community 3 + grid 3', path: 'Path',
    noChildLevel: 'A grid is the lowest level and has no sub-areas',
  },
  orgKinds: { party: 'Party organization', department: 'Government department', committee: 'Residents’/villagers’ committee', social: 'Social organization' },
  partyLevels: { committee: 'Party committee', general_branch: 'General branch', branch: 'Branch', group: 'Party group' },
  orgs: {
    title: 'Organizations', name: 'Name', code: 'Code', node: 'Area', kind: 'Type', partyLevel: 'Party level',
    parentOrg: 'Parent organization', charterCategories: 'Categories allowed by charter', charterCategoriesHint: 'Type a category and press Enter, e.g. sanitation',
    charterNode: 'Charter area', phone: 'Phone', active: 'Status', createTitle: 'New organization', editTitle: 'Edit organization',
    charter: 'Charter (rights and scope)',
    confirmDeactivate: 'Deactivate “{{name}}”? You can reactivate it by editing it.',
  },
  people: {
    title: 'People', name: 'Name', phone: 'Mobile', gender: 'Gender', male: 'Male', female: 'Female', partyMember: 'Party member',
    node: 'Area', note: 'Note', account: 'Account', hasAccount: 'Has account', createTitle: 'New person', editTitle: 'Edit person',
  },
  posts: {
    title: 'Posts', postTitle: 'Post title', org: 'Organization', person: 'Holder', vacant: 'Vacant', createTitle: 'New post',
    editTitle: 'Edit post', pickOrg: 'Choose an organization first', titleHint: 'e.g. Secretary, Grid worker, Section chief',
  },
  roleAssign: {
    title: 'Role grants', user: 'Account', role: 'Role', node: 'Scope', createTitle: 'Grant a role',
    scopeHint: 'The role applies to the chosen area and everything below it', revoke: 'Revoke', confirmRevoke: 'Revoke this role from “{{name}}”?',
  },
  accounts: {
    title: 'Accounts', username: 'Username', phone: 'Mobile', displayName: 'Name', kind: 'Type', active: 'Status',
    initialPassword: 'Initial password', initialPasswordHint: 'Must be changed at first sign-in', person: 'Linked person', roles: 'Roles',
    createTitle: 'New staff account', editTitle: 'Edit account', addRole: 'Add role', resetPassword: 'Reset password', disable: 'Disable', enable: 'Enable',
  },
  resp: {
    title: 'Responsibility list', category: 'Category', node: 'Area', org: 'Responsible organization', post: 'Responsible post', note: 'Note',
    createTitle: 'New responsibility', editTitle: 'Edit responsibility', hint: 'Which organization and post handle a category of matters in an area; matters outside a community’s list may not be pushed down to it.',
  },
  io: {
    import: 'Import', export: 'Export', importTitle: 'Import {{entity}}', exportCsv: 'Export CSV', exportXlsx: 'Export Excel',
    chooseFile: 'Choose a CSV or Excel file', dropHint: 'Click or drop a file; the first row is the header, as in an exported file',
    imported: '{{count}} rows imported ({{created}} new, {{updated}} updated, {{unchanged}} unchanged)', hasErrors: 'The file has {{count}} errors; nothing was imported. Fix them and upload again.',
    location: 'Location', code: 'Error code', message: 'Message', badType: 'Only .csv and .xlsx files are accepted',
  },
  audit: {
    title: 'Audit log', action: 'Action', actionHint: 'Action prefix, e.g. org.', subjectType: 'Subject type', subjectId: 'Subject id',
    actor: 'Actor', range: 'Time range', time: 'Time', subject: 'Subject', changes: 'Changes', requestId: 'Request id', ip: 'IP',
    system: 'System', hash: 'Hash', empty: 'No matching entries', hint: 'The audit log cannot be edited; entries form a hash chain that gongzhi verify-audit checks.',
  },
  mobile: {
    greeting: 'Hello, {{name}}', area: 'Your grid', noArea: 'No grid on record yet', report: 'Raise a matter',
    reportSoon: 'Online requests (enquiries, help, complaints, suggestions) open soon; you will submit them and follow their progress here.',
    myCases: 'My requests', noCases: 'No requests yet', hotline: 'In an emergency call 110 / 119 / 120',
    account: 'My account', consoleLink: 'Open the console',
  },
};
