/**
 * deployCommands against the fake: it registers exactly the command modules' JSON, which must match the
 * committed snapshot (commands.snapshot.json). Changing a command's name, description, options or permissions
 * fails this test until the snapshot is updated on purpose: `npx vitest run test/e2e/deploy.test.ts -u`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/command.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { loadCommands } from '../../src/load-commands.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

let fake: FakeDiscord;
let commands: Map<string, CommandModule>;
beforeAll(async () => {
  fake = await startFakeDiscord();
  commands = await loadCommands();
});
afterAll(async () => {
  await fake?.close();
});

describe('deployCommands against the fake Discord', () => {
  it('registers exactly the commands JSON to the guild, and it matches the committed snapshot', async () => {
    const result = await deployCommands({
      token: fake.token,
      clientId: fake.applicationId,
      guildId: fake.guild.id,
      commands,
      api: fake.api,
    });
    expect(result).toEqual({ scope: 'guild', names: [...commands.keys()] });

    const puts = fake.requestsTo('PUT', `/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`);
    expect(puts).toHaveLength(1);
    expect(puts[0].status).toBe(200);
    const sent = puts[0].body;
    expect(sent).toEqual([...commands.values()].map((c) => JSON.parse(JSON.stringify(c.data.toJSON()))));
    expect(fake.violations).toEqual([]);
    await expect(`${JSON.stringify(sent, null, 2)}\n`).toMatchFileSnapshot('./commands.snapshot.json');

    // What Discord now holds is what was sent, plus the ids it assigns.
    const held = fake.commands.get(fake.guild.id)!;
    expect(held.map((c) => c.name)).toEqual(result.names);
    for (const c of held) expect(c).toMatchObject({ application_id: fake.applicationId, guild_id: fake.guild.id });
  });

  it('deploys globally without a guild id', async () => {
    const result = await deployCommands({ token: fake.token, clientId: fake.applicationId, commands, api: fake.api });
    expect(result.scope).toBe('global');
    expect(fake.requestsTo('PUT', `/applications/${fake.applicationId}/commands`)).toHaveLength(1);
    expect(fake.commands.get('global')!.map((c) => c.name)).toEqual([...commands.keys()]);
    expect(fake.violations).toEqual([]);
  });

  it('admin commands carry default_member_permissions and are guild-only', () => {
    const json = Object.fromEntries(
      [...commands].map(([name, c]) => [
        name,
        c.data.toJSON() as { default_member_permissions?: string | null; contexts?: number[] },
      ]),
    );
    for (const name of ['ingest', 'digest']) {
      expect(json[name].default_member_permissions).toBe('32'); // ManageGuild
      expect(json[name].contexts).toEqual([0]); // Guild
    }
  });

  it('the fake refuses command JSON Discord would refuse, so the check above means something', async () => {
    const bad: CommandModule = {
      data: {
        name: 'bad',
        toJSON: () => ({
          name: 'Bad Name',
          description: 'x'.repeat(101),
          options: [{ type: 3, name: 'opt', description: '' }],
        }),
      },
      handle: async () => ({ title: '', sections: [], citations: [] }),
    };
    const before = fake.violations.length;
    await expect(
      deployCommands({
        token: fake.token,
        clientId: fake.applicationId,
        guildId: fake.guild.id,
        commands: new Map([['bad', bad]]),
        api: fake.api,
      }),
    ).rejects.toThrow(/Invalid Form Body/);
    const found = fake.violations.slice(before).map((v) => v.detail);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/name is not 1–32 lowercase/),
        expect.stringMatching(/description is 101 chars/),
        expect.stringMatching(/opt: description is 0 chars/),
      ]),
    );
    fake.violations.splice(before);
  });
});
