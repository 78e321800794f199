/** The channel id the console's commands and digests use: no Discord channel has it (theirs are snowflakes). */
export const CONSOLE_CHANNEL = 'console';
