import { describe, expect, it } from 'vitest';
import { registerTemplates, renderForDisplay, renderTemplate, TemplateError } from './templates.js';

registerTemplates({
  'test.case.dispatched': {
    'zh-CN': (p) => ({ title: `新工单待签收 ${String(p.number)}`, body: `“${String(p.title)}”已派至${String(p.unit)}` }),
    'en-US': (p) => ({ title: `New work order ${String(p.number)}`, body: `"${String(p.title)}" was dispatched to ${String(p.unit)}` }),
    link: (p) => `/console/cases/${String(p.caseId)}`,
  },
  'test.broken': {
    'zh-CN': () => {
      throw new Error('missing parameter');
    },
    'en-US': () => ({ title: 'ok', body: 'ok' }),
  },
});

const params = { number: 'GZ-2030-0001', title: '路灯不亮', unit: '市政科', caseId: 12 };

describe('message templates', () => {
  it('render in zh-CN by default and in en-US on request, with the link', () => {
    expect(renderTemplate('test.case.dispatched', params)).toEqual({ title: '新工单待签收 GZ-2030-0001', body: '“路灯不亮”已派至市政科', link: '/console/cases/12' });
    expect(renderTemplate('test.case.dispatched', params, 'en-US')).toEqual({
      title: 'New work order GZ-2030-0001',
      body: '"路灯不亮" was dispatched to 市政科',
      link: '/console/cases/12',
    });
  });

  it('report an unknown template or a failing renderer as a TemplateError', () => {
    expect(() => renderTemplate('test.missing', {})).toThrow(TemplateError);
    expect(() => renderTemplate('test.missing', {})).toThrow(/unknown template "test\.missing"/);
    expect(() => renderTemplate('test.broken', {})).toThrow(/"test\.broken" failed to render: missing parameter/);
    expect(renderTemplate('test.broken', {}, 'en-US').link).toBeNull();
  });

  it('display a template that disappeared as its key instead of failing', () => {
    expect(renderForDisplay('test.missing', {}, 'zh-CN')).toEqual({ title: 'test.missing', body: '' });
  });
});
