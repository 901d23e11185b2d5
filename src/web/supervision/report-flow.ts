/**
 * Pure facts of the 监督举报 pages: the report's states and their colours, which inspector
 * actions a state allows, the body sent when a report is filed, and the message thread in
 * order. The server decides every rule; the console only mirrors its state table
 * (report-workflow.ts) because the report view does not list the allowed actions — the
 * unit test checks the two tables agree.
 */
export const reportStates = ['received', 'accepted', 'disposed', 'investigating', 'concluded', 'closed', 'archived'] as const;
export type ReportState = (typeof reportStates)[number];

export const reportEvents = ['accept', 'dispose', 'conclude', 'close', 'archive'] as const;
export type ReportEvent = (typeof reportEvents)[number];

/** 问题线索处置: 谈话函询, 初步核实, 暂存待查, 予以了结. */
export const disposals = ['talk_inquiry', 'preliminary_check', 'shelve', 'close_out'] as const;
export type Disposal = (typeof disposals)[number];

export type MessageAuthor = 'reporter' | 'inspector' | 'system';
/** `internal`: the officers' own notes (a transfer's reason); the server never sends them to the reporter. */
export type MessageKind = 'material' | 'question' | 'answer' | 'notice' | 'conclusion' | 'internal';

export interface ThreadMessage {
  id: number;
  author: MessageAuthor;
  kind: MessageKind;
  body: string;
  createdAt: string;
}

export const stateColors: Record<ReportState, string> = {
  received: 'gold',
  accepted: 'processing',
  disposed: 'cyan',
  investigating: 'purple',
  concluded: 'green',
  closed: 'green',
  archived: 'default',
};

/**
 * The action's `text`: the conclusion of 办结 (required); otherwise an optional note — with
 * 受理 and 结案 it is added to the notice the reporter is sent, with 处置 and 归档 the server
 * keeps it as an internal note among the inspectors. (Which actions a state allows comes
 * from the server, in the report's `actions`.)
 */
export function actionText(event: ReportEvent): 'required' | 'note' {
  return event === 'conclude' ? 'required' : 'note';
}

/** 转交 (its own endpoint, with a place and a reason): only before the clue is disposed of. */
export function canTransfer(state: ReportState): boolean {
  return state === 'received' || state === 'accepted';
}

/** Whether inspectors may still write to the reporter (an archived report is read-only). */
export function canMessage(state: ReportState): boolean {
  return state !== 'archived';
}

/** The report's clocks: 受理告知 (real-name only), 留办或转交 (5 working days of arrival), 结果反馈 (real-name, after 结案). */
export const reportClocks = ['transfer', 'accept', 'feedback'] as const;
export type ReportClock = (typeof reportClocks)[number];

/** `none`: the report has no such clock; `stopped`: its step was taken (or the result told). */
export type ClockStatus = 'none' | 'running' | 'late' | 'stopped';

export interface ClockFacts {
  state: ReportState;
  overdue: boolean;
  acceptDueAt: string | null;
  transferDueAt: string | null;
  feedbackDueAt: string | null;
}

export const clockDue = (clock: ReportClock, r: ClockFacts): string | null => (clock === 'accept' ? r.acceptDueAt : clock === 'transfer' ? r.transferDueAt : r.feedbackDueAt);

/**
 * Where one clock stands, as the server's sweep counts it (report-actions.ts
 * `flagOverdueReports`): accepting and keeping-or-transferring run while the report is still
 * 已接收; the result is owed once it is closed. Whether the result was told is not in the
 * view, so a passed feedback clock is late only while the server still flags the report.
 */
export function clockStatus(clock: ReportClock, r: ClockFacts, now: number): ClockStatus {
  const due = clockDue(clock, r);
  if (!due) return 'none';
  const passed = new Date(due).getTime() <= now;
  if (clock === 'feedback') {
    if (r.state !== 'closed' && r.state !== 'archived') return 'stopped';
    return !passed ? 'running' : r.overdue ? 'late' : 'stopped';
  }
  if (r.state !== 'received') return 'stopped';
  return passed ? 'late' : 'running';
}

/** What the reporter form holds (antd Form values). */
export interface ReportFormValues {
  anonymous: boolean;
  accused?: string;
  content?: string;
  happenedAt?: string;
  place?: string;
  /** The cascader's path of node ids; the last one is where the matter is. */
  nodePath?: number[];
  reporter?: { name?: string; phone?: string; idNumber?: string };
}

export interface ReportBody {
  anonymous: boolean;
  accused: string;
  content: string;
  happenedAt?: string;
  place?: string;
  nodeId?: number;
  reporter?: { name: string; phone: string; idNumber?: string };
}

const filled = (v: string | undefined): string | undefined => {
  const s = v?.trim();
  return s ? s : undefined;
};

/**
 * The body of POST /api/supervision/reports: trimmed, empty optional fields left out, and the
 * reporter's identity only on a real-name report — an anonymous report must carry nothing
 * that names its reporter, even what was typed before the switch was turned back on.
 */
export function reportBody(v: ReportFormValues): ReportBody {
  const body: ReportBody = { anonymous: v.anonymous, accused: v.accused?.trim() ?? '', content: v.content?.trim() ?? '' };
  const happenedAt = filled(v.happenedAt);
  const place = filled(v.place);
  const nodeId = v.nodePath?.[v.nodePath.length - 1];
  if (happenedAt) body.happenedAt = happenedAt;
  if (place) body.place = place;
  if (nodeId !== undefined) body.nodeId = nodeId;
  if (!v.anonymous) {
    const idNumber = filled(v.reporter?.idNumber);
    body.reporter = { name: v.reporter?.name?.trim() ?? '', phone: v.reporter?.phone?.trim() ?? '', ...(idNumber ? { idNumber } : {}) };
  }
  return body;
}

/** The thread oldest first (the order things were said); ids break ties of one instant. */
export function threadOrder<M extends Pick<ThreadMessage, 'id' | 'createdAt'>>(messages: readonly M[]): M[] {
  return [...messages].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}

// No Array#findLast: older phone browsers (and WeChat's) still lack it.

/** The inspectors' questions the reporter has not answered yet (any later reporter message answers them). */
export function openQuestions<M extends Pick<ThreadMessage, 'id' | 'createdAt' | 'author' | 'kind'>>(messages: readonly M[]): M[] {
  const open: M[] = [];
  for (const m of threadOrder(messages)) {
    if (m.author === 'reporter') open.length = 0;
    else if (m.kind === 'question') open.push(m);
  }
  return open;
}

/** The conclusion told to the reporter, if the report has one (the latest, should there be several). */
export function conclusionOf<M extends Pick<ThreadMessage, 'id' | 'createdAt' | 'kind'>>(messages: readonly M[]): M | undefined {
  return threadOrder(messages).reverse().find((m) => m.kind === 'conclusion');
}
