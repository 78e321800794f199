/** Discord's message and embed limits (discord-api-docs), counted in UTF-16 units as discord.js counts them. */
export const DISCORD = {
  content: 2000,
  embeds: 10,
  total: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
