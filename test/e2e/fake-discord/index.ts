export { FakeDiscord, startFakeDiscord } from './server.ts';
export type {
  Attachment,
  ChannelFailure,
  FakeDiscordOptions,
  GatewayFrame,
  InteractionRecord,
  InvokeOptions,
  RecordedRequest,
  Reply,
  Violation,
} from './server.ts';
export { LIMITS, choiceProblems, commandProblems, messageProblems, type MessageBody, type Problem } from './limits.ts';
export { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS } from './payloads.ts';
