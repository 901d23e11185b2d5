import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatchEvaluate, poolWithout, readLabelledJsonl } from './evaluate-command.js';
import { toyMessages, withoutLabels } from './toy-data.test-helper.js';
import { runCli } from '../../../../../test/helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-dispatch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jsonl(name: string, rows: unknown[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n\n`);
  return file;
}

const asFile = (ms: ReturnType<typeof toyMessages>) => ms.map((m) => ({ title: m.title, body: m.body, category: m.label }));
const knowledge = { unlabelled: withoutLabels(toyMessages(10, 3)), taxonomy: [{ level1: '交通运输', level2: '客货运输', level3: '旅客运输' }] };

describe('gongzhi dispatch evaluate', () => {
  it('trains on --train, classifies --data and ends with the machine-readable line; an unknown category counts as an error', async () => {
    const train = jsonl('train.jsonl', asFile(toyMessages(6)));
    const data = jsonl('data.jsonl', [...asFile(toyMessages(3, 42)), { title: '户口迁移', body: '身份证办理', category: '政法' }]);
    const lines: string[] = [];
    await dispatchEvaluate({ train, data, knowledge, out: (l) => lines.push(l) });
    const last = lines.at(-1)!;
    expect(last).toMatch(/^macro_f1=(0|1)\.\d{4} accuracy=(0|1)\.\d{4} n=10$/);
    const accuracy = Number(/accuracy=([\d.]+)/.exec(last)![1]);
    expect(accuracy).toBeLessThanOrEqual(0.9); // 政法 is never right
    expect(accuracy).toBeGreaterThanOrEqual(0.8);
    expect(lines.some((l) => l.includes('1 messages have a category the model does not know'))).toBe(true);
    const header = lines.findIndex((l) => l.startsWith('confusion matrix'));
    expect(lines[header + 1]!.trim().split(/\s+/)).toEqual(['交通运输', '劳动和社会保障', '教育文体', '政法']);
    expect(lines.some((l) => /^政法\s+0\.0000\s+0\.0000\s+0\.0000\s+1$/.test(l))).toBe(true);
  });

  it('cross-validates on --train without --data', async () => {
    const train = jsonl('cv.jsonl', asFile(toyMessages(5)));
    const lines: string[] = [];
    await dispatchEvaluate({ train, folds: 3, knowledge, out: (l) => lines.push(l) });
    expect(lines[0]).toContain('3-fold cross-validation on 15 labelled messages');
    expect(lines.filter((l) => /^fold \d\/3 done/.test(l))).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/^macro_f1=\d\.\d{4} accuracy=\d\.\d{4} n=15$/);
  });

  it('reads category or label, names the line of a bad row, and drops repeats of tested messages from the pool', () => {
    expect(readLabelledJsonl(jsonl('ok.jsonl', [{ title: 't', body: 'b', label: 'x' }]))).toEqual([{ title: 't', body: 'b', label: 'x' }]);
    expect(() => readLabelledJsonl(jsonl('bad.jsonl', [{ title: 't', body: 'b', category: 'x' }, { title: 't' }]))).toThrow(/bad\.jsonl:2: no category/);
    const pool = [{ title: 'a', body: '1' }, { title: 'b', body: '2' }, { title: 'c', body: '3' }];
    expect(poolWithout(pool, [{ title: 'a', body: 'x' }, { title: 'y', body: '3' }])).toEqual([{ title: 'b', body: '2' }]);
  });

  it('runs as `gongzhi dispatch evaluate --data --train` (the real command, with the shipped unlabelled messages and taxonomy)', { timeout: 120_000 }, async () => {
    const train = jsonl('cli-train.jsonl', asFile(toyMessages(4)));
    const data = jsonl('cli-data.jsonl', asFile(toyMessages(2, 11)));
    const env = { ...process.env, GONGZHI_FROM_SOURCE: '1' };
    const result = await runCli(['dispatch', 'evaluate', '--data', data, '--train', train], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^training on 12 labelled messages .* 7142 unlabelled messages and 517 taxonomy rows$/);
    expect(lines.at(-1)).toMatch(/^macro_f1=[01]\.\d{4} accuracy=[01]\.\d{4} n=6$/);
    const failed = await runCli(['dispatch', 'evaluate', '--folds', '1'], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('--folds');
  });
});
