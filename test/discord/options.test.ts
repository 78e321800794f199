import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationCommandOptionType, type Attachment, type CommandInteractionOption } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentInput } from '../../src/command.ts';
import { MAX_DOCUMENT_BYTES } from '../../src/documents/document.ts';
import { attachmentInput, fetchCapped, readOptions } from '../../src/discord/options.ts';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/small.txt') return res.end('Kyiv, Nov 28 — talks resumed.');
    if (req.url === '/big-declared') {
      res.writeHead(200, { 'content-length': String(MAX_DOCUMENT_BYTES + 1) });
      return res.end();
    }
    if (req.url === '/big-chunked') {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      const chunk = Buffer.alloc(64 * 1024, 97);
      let sent = 0;
      const push = () => {
        while (sent <= MAX_DOCUMENT_BYTES) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', push);
        }
        res.end();
      };
      return push();
    }
    if (req.url === '/hang') return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const attachment = (url: string, size = 30) =>
  ({ name: 'article.txt', size, contentType: 'text/plain; charset=utf-8', url }) as Attachment;

describe('readOptions', () => {
  it('reads every option type into a plain record, with the subcommand', () => {
    const T = ApplicationCommandOptionType;
    const data: CommandInteractionOption[] = [
      {
        name: 'add',
        type: T.Subcommand,
        options: [
          { name: 'query', type: T.String, value: 'rubio' },
          { name: 'limit', type: T.Integer, value: 5 },
          { name: 'weight', type: T.Number, value: 0.5 },
          { name: 'private', type: T.Boolean, value: false },
          { name: 'channel', type: T.Channel, value: '444444444444444444' },
          { name: 'who', type: T.User, value: '555555555555555555' },
          { name: 'file', type: T.Attachment, value: '666', attachment: attachment(`${base}/small.txt`) },
        ],
      },
    ];
    const { options, subcommand } = readOptions({ options: { data } });
    expect(subcommand).toBe('add');
    const { file, ...rest } = options;
    expect(rest).toEqual({
      query: 'rubio',
      limit: 5,
      weight: 0.5,
      private: false,
      channel: '444444444444444444',
      who: '555555555555555555',
    });
    expect(file).toMatchObject({ name: 'article.txt', size: 30, contentType: 'text/plain; charset=utf-8' });
  });

  it('finds a subcommand inside a group, and none when there is none', () => {
    const T = ApplicationCommandOptionType;
    const grouped = readOptions({
      options: {
        data: [
          { name: 'digest', type: T.SubcommandGroup, options: [{ name: 'stop', type: T.Subcommand, options: [] }] },
        ],
      },
    });
    expect(grouped).toEqual({ options: {}, subcommand: 'stop' });
    expect(readOptions({ options: { data: [] } })).toEqual({ options: {}, subcommand: null });
  });
});

describe('attachment fetch', () => {
  it('downloads the bytes', async () => {
    const file: AttachmentInput = attachmentInput(attachment(`${base}/small.txt`));
    expect((await file.fetch()).toString('utf8')).toBe('Kyiv, Nov 28 — talks resumed.');
  });

  it('refuses more than 2 MB, by header and while streaming', async () => {
    await expect(fetchCapped(`${base}/big-declared`)).rejects.toThrow('the file is larger than 2 MB');
    await expect(fetchCapped(`${base}/big-chunked`)).rejects.toThrow('the file is larger than 2 MB');
  });

  it('reports HTTP failures and timeouts in words', async () => {
    await expect(fetchCapped(`${base}/missing`)).rejects.toThrow('the download failed (HTTP 404)');
    await expect(fetchCapped(`${base}/hang`, MAX_DOCUMENT_BYTES, 200)).rejects.toThrow(
      'the download took longer than 0.2 s',
    );
  });
});
