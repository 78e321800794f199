/**
 * Bytes → text in the charset the response names: the Content-Type's charset, else a <meta charset> or an XML
 * encoding declaration near the start, else UTF-8. An unknown charset name falls back to UTF-8.
 */

function declaredCharset(head: string): string | undefined {
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return meta?.[1] ?? xml?.[1];
}

function charsetParameter(contentType: string | null): string | undefined {
  return /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
}

export function decodeBody(bytes: Buffer, contentType: string | null): string {
  const charset = charsetParameter(contentType) ?? declaredCharset(bytes.subarray(0, 1024).toString('latin1'));
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes).replace(/\r\n?/g, '\n');
}
