import type { Reporter } from './clue';

/** 张三 → 张*, 欧阳娜娜 → 欧***: the surname stays, so a clerk can tell reporters apart. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** 13812345678 → 138****5678; shorter numbers (landlines) keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D+/g, '');
  if (digits.length === 0) return phone.trim() ? '***' : '';
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

/** Any other contact detail is hidden whole. */
export function maskContact(contact: string): string {
  return contact.trim() ? '***' : '';
}

export interface MaskedReporter {
  anonymous: boolean;
  name: string;
  phone: string;
  contact: string;
}

/** The reporter as lists, exports and the clue page show it until someone asks to see it. */
export function maskReporter(reporter: Reporter): MaskedReporter {
  if (reporter.anonymous) return { anonymous: true, name: '', phone: '', contact: '' };
  return {
    anonymous: false,
    name: maskName(reporter.name),
    phone: maskPhone(reporter.phone),
    contact: maskContact(reporter.contact),
  };
}

/** One line for a list cell: "张* 138****5678", empty without a reporter. */
export function maskedReporterLine(reporter: Reporter | undefined): string {
  if (!reporter || reporter.anonymous) return '';
  const m = maskReporter(reporter);
  return [m.name, m.phone].filter(Boolean).join(' ');
}

/**
 * Text that leaves the office (a referral letter, a dossier opened from the clue) with
 * the reporter's name, phone and contact replaced by their masks, should the clerk have
 * typed them into the matter's description.
 */
export function redactReporter(text: string, reporter: Reporter | undefined): string {
  if (!reporter) return text;
  let out = text;
  const replace = (needle: string, mask: string) => {
    if (needle.length >= 2) out = out.split(needle).join(mask);
  };
  replace(reporter.phone.trim(), maskPhone(reporter.phone));
  replace(reporter.phone.replace(/\D+/g, ''), maskPhone(reporter.phone));
  replace(reporter.contact.trim(), maskContact(reporter.contact));
  replace(reporter.name.trim(), maskName(reporter.name));
  return out;
}
