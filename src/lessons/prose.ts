// A lesson's Markdown prose for the terminal: paragraphs and list items
// wrapped at word boundaries to the screen width, fenced blocks indented
// verbatim (no fences), **bold** and `code` styled when colour is on.

import type { Style } from '../util/style.js';
import { wrap } from '../render/text.js';

function inline(text: string, style: Style): string {
  let out = text.replace(/\*\*([^*]+)\*\*/g, (_m, s: string) => style.bold(s));
  // Without colour the backticks stay: they are what marks code in plain text.
  if (style.color) out = out.replace(/`([^`]+)`/g, (_m, s: string) => style.info(s));
  return out;
}

/** Renders prose to lines no wider than `width` (code blocks excepted). */
export function renderProse(markdown: string, width: number, style: Style): string {
  const out: string[] = [];
  let para: string[] = [];
  let item: { bullet: string; words: string[] } | undefined;
  const flush = (): void => {
    if (para.length > 0) out.push(...wrap(inline(para.join(' '), style), width));
    if (item) out.push(...wrap(inline(`${item.bullet}${item.words.join(' ')}`, style), width, ' '.repeat(item.bullet.length)));
    para = [];
    item = undefined;
  };
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*```/.test(line)) {
      flush();
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]); i++) out.push(style.dim(`    ${lines[i]}`));
      continue;
    }
    const bullet = /^(\s*(?:[-*]|\d+\.)\s+)(.*)$/.exec(line);
    if (line.trim() === '') {
      flush();
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    } else if (bullet) {
      flush();
      item = { bullet: bullet[1], words: [bullet[2]] };
    } else if (item) item.words.push(line.trim());
    else para.push(line.trim());
  }
  flush();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
