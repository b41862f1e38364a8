// Go's fmt.Sprintf for the verbs templates use: %s %v %d %f %e %g %x %X %o
// %b %q %t %c %%, with flags (- + # 0 space), width and precision, and Go's
// complaints for misuse (%!d(float64=1.5), %!s(MISSING), %!(EXTRA ...)).

import { formatGoFloat } from '../../promql/printer.js';
import { goTypeName, sprint, SafeHTML } from './values.js';

interface Spec {
  flags: string;
  width?: number;
  prec?: number;
  verb: string;
}

/** strconv.FormatFloat(v, 'g', prec) with Go's choice between %e and %f forms. */
export function formatG(v: number, prec: number, upper = false): string {
  if (!Number.isFinite(v)) return formatGoFloat(v);
  if (prec < 0) return formatGoFloat(v);
  if (prec === 0) prec = 1;
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mant, e] = v.toExponential(prec - 1).split('e');
  const exp = Number(e);
  const digits = mant!.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
  const nd = digits.length;
  const dp = exp + 1;
  let eprec = prec;
  if (eprec > nd && nd >= dp) eprec = nd;
  const sign = v < 0 ? '-' : '';
  if (exp < -4 || exp >= eprec) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ae = Math.abs(exp);
    const s = `${sign}${m}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' + ae : ae}`;
    return upper ? s.toUpperCase() : s;
  }
  return `${sign}${Math.abs(Number(`${digits[0]}.${digits.slice(1)}e${exp}`)).toFixed(Math.max(nd - dp, 0))}`;
}

function formatE(v: number, prec: number, upper: boolean): string {
  if (!Number.isFinite(v)) return formatGoFloat(v);
  const [m, e] = v.toExponential(prec).split('e');
  const exp = Number(e);
  const ae = Math.abs(exp);
  const s = `${m}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' + ae : ae}`;
  return upper ? s.toUpperCase() : s;
}

function bad(verb: string, v: unknown): string {
  return `%!${verb}(${goTypeName(v)}=${sprint(v)})`;
}

function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f');
}

function formatOne(spec: Spec, v: unknown): string {
  const { verb, prec, flags } = spec;
  const plus = flags.includes('+');
  const space = flags.includes(' ');
  const signed = (s: string, neg: boolean) => (neg ? s : plus ? '+' + s : space ? ' ' + s : s);
  if (v instanceof SafeHTML) v = v.s;
  switch (verb) {
    case 'v':
      if (typeof v === 'number' && prec !== undefined) return formatG(v, prec);
      return typeof v === 'number' || typeof v === 'bigint' ? signed(sprint(v), sprint(v).startsWith('-')) : sprint(v);
    case 's':
      if (typeof v === 'string') return prec !== undefined ? [...v].slice(0, prec).join('') : v;
      if (v !== null && typeof v === 'object') return sprint(v);
      return bad(verb, v);
    case 'q':
      return typeof v === 'string' ? goQuote(v) : typeof v === 'bigint' ? `'${String.fromCodePoint(Number(v))}'` : bad(verb, v);
    case 't':
      return typeof v === 'boolean' ? String(v) : bad(verb, v);
    case 'd':
      return typeof v === 'bigint' ? signed(String(v), v < 0n) : bad(verb, v);
    case 'c':
      return typeof v === 'bigint' ? String.fromCodePoint(Number(v)) : bad(verb, v);
    case 'x':
    case 'X':
    case 'o':
    case 'b': {
      const radix = verb === 'o' ? 8 : verb === 'b' ? 2 : 16;
      let s: string;
      if (typeof v === 'bigint') s = (v < 0n ? '-' : '') + (v < 0n ? -v : v).toString(radix);
      else if (typeof v === 'string' && radix === 16) s = Buffer.from(v, 'utf8').toString('hex');
      else if (typeof v === 'number' && verb === 'b') return bad(verb, v);
      else return bad(verb, v);
      if (flags.includes('#') && radix === 16) s = s.startsWith('-') ? '-0x' + s.slice(1) : '0x' + s;
      return verb === 'X' ? s.toUpperCase() : s;
    }
    case 'f':
    case 'F':
      if (typeof v !== 'number') return bad(verb, v);
      return Number.isFinite(v) ? signed(v.toFixed(prec ?? 6), v < 0 || Object.is(v, -0)) : signed(formatGoFloat(v), v < 0);
    case 'e':
    case 'E':
      return typeof v === 'number' ? signed(formatE(v, prec ?? 6, verb === 'E'), v < 0) : bad(verb, v);
    case 'g':
    case 'G':
      return typeof v === 'number' ? signed(formatG(v, prec ?? -1, verb === 'G'), v < 0) : bad(verb, v);
    default:
      return `%!${verb}(${goTypeName(v)}=${sprint(v)})`;
  }
}

function pad(s: string, spec: Spec): string {
  if (spec.width === undefined || [...s].length >= spec.width) return s;
  const n = spec.width - [...s].length;
  if (spec.flags.includes('-')) return s + ' '.repeat(n);
  if (spec.flags.includes('0') && /^[+-]?[0-9.]/.test(s) && spec.verb !== 's' && spec.verb !== 'v') {
    const sign = /^[+-]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  const re = /%([-+# 0]*)(\d+)?(?:\.(\d*))?([a-zA-Z%])/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    out += format.slice(last, m.index);
    last = re.lastIndex;
    const spec: Spec = {
      flags: m[1]!,
      width: m[2] ? Number(m[2]) : undefined,
      prec: m[3] !== undefined ? Number(m[3] || 0) : undefined,
      verb: m[4]!,
    };
    if (spec.verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${spec.verb}(MISSING)`;
      continue;
    }
    out += pad(formatOne(spec, args[argi++]), spec);
  }
  out += format.slice(last);
  if (argi < args.length) {
    out += `%!(EXTRA ${args
      .slice(argi)
      .map((a) => `${goTypeName(a)}=${sprint(a)}`)
      .join(', ')})`;
  }
  return out;
}
