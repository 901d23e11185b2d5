import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config.js';
import { defaultAdapters, emailAdapter, loggingAdapter, maskEmail, maskPhone, maskPhonesIn, maskRecipient, PermanentDeliveryError, registerChannelAdapter, smtpTransport, type Delivery } from './adapters.js';

const message = (over: Partial<Delivery> = {}): Delivery => ({
  id: 1,
  channel: 'sms',
  recipient: '13812345678',
  template: 'case.submitted',
  params: {},
  title: '诉求已提交',
  body: '如有疑问请拨打 13900001111 或 010-12345678',
  link: null,
  attempt: 1,
  ...over,
});
const now = new Date('2030-01-01T00:00:00Z');

describe('masking', () => {
  it('never shows a full phone number or address', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
    expect(maskEmail('broken')).toBe('***');
    expect(maskRecipient('in_app', '42')).toBe('42');
    expect(maskRecipient('wechat', 'oAbCdEfGhIjK')).toBe('oAbC***jK');
    expect(maskPhonesIn('call 13900001111, 010-12345678 or +8613900001111; order 2030010100001')).toBe('call 139****1111, 010****5678 or 139****1111; order 2030010100001');
  });
});

describe('logging adapter', () => {
  it('logs the message with the recipient and the phone numbers in it masked', async () => {
    const log = { info: vi.fn(), warn: vi.fn() };
    await loggingAdapter(log).send(message(), { ex: undefined as never, now });
    const [fields] = log.info.mock.calls[0]!;
    expect(fields).toMatchObject({ to: '138****5678', channel: 'sms', template: 'case.submitted', body: '如有疑问请拨打 139****1111 或 010****5678' });
    expect(JSON.stringify(log.info.mock.calls)).not.toMatch(/13812345678|13900001111|12345678/);
  });
});

/** A minimal SMTP server: accepts every message, refuses recipients starting with "nobody" (550). */
function fakeSmtp() {
  const received: Array<{ from: string; to: string[]; data: string }> = [];
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 fake ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(current);
            current = { from: '', to: [], data: '' };
            reply('250 queued');
          } else current.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 fake');
        else if (verb === 'MAIL') {
          current.from = line;
          reply('250 ok');
        } else if (verb === 'RCPT') {
          if (/<nobody/i.test(line)) reply('550 no such mailbox');
          else {
            current.to.push(line);
            reply('250 ok');
          }
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 go ahead');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok');
        else reply('502 not implemented');
      }
    });
  });
  return { server, received };
}

describe('email over SMTP', () => {
  const smtp = fakeSmtp();
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((r) => smtp.server.listen(0, '127.0.0.1', r));
    const address = smtp.server.address() as { port: number };
    url = `smtp://127.0.0.1:${address.port}`;
  });
  afterAll(() => new Promise<void>((r) => (smtp.server as Server).close(() => r())));

  it('sends through the configured SMTP server', async () => {
    const config = loadConfig({ GONGZHI_SMTP_URL: url, GONGZHI_MAIL_FROM: 'gongzhi@example.org' });
    const adapters = defaultAdapters(config, { info: vi.fn(), warn: vi.fn() });
    await adapters.email.send(message({ channel: 'email', recipient: 'zhang@example.com', title: '新工单', body: '请签收', link: '/console/cases/1' }), { ex: undefined as never, now });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.from).toContain('gongzhi@example.org');
    expect(smtp.received[0]!.to[0]).toContain('zhang@example.com');
  });

  it('treats a refused mailbox (5xx) and a malformed address as permanent failures', async () => {
    const adapter = emailAdapter(smtpTransport(url), 'gongzhi@example.org');
    await expect(adapter.send(message({ channel: 'email', recipient: 'nobody@example.com' }), { ex: undefined as never, now })).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(adapter.send(message({ channel: 'email', recipient: 'not-an-address' }), { ex: undefined as never, now })).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it('retries (not permanent) when the server cannot be reached', async () => {
    const adapter = emailAdapter(smtpTransport('smtp://127.0.0.1:1'), 'gongzhi@example.org');
    const err = await adapter.send(message({ channel: 'email', recipient: 'zhang@example.com' }), { ex: undefined as never, now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(PermanentDeliveryError);
  });
});

describe('default adapters', () => {
  it('log email without SMTP, and take a plugged SMS provider', async () => {
    const log = { info: vi.fn(), warn: vi.fn() };
    const config = loadConfig({});
    const plain = defaultAdapters(config, log);
    await plain.email.send(message({ channel: 'email', recipient: 'zhang@example.com' }), { ex: undefined as never, now });
    expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ channel: 'email', to: 'z***@example.com' }), expect.any(String));
    expect(plain.in_app.transactional).toBe(true);

    const sent: Delivery[] = [];
    registerChannelAdapter('sms', () => ({ send: async (m) => void sent.push(m) }));
    await defaultAdapters(config, log).sms.send(message(), { ex: undefined as never, now });
    expect(sent).toHaveLength(1);
  });
});
