import type { DocumentSource } from '../documents/source';
import type { DossierKind } from '../domain/dossier';
import type { DossierDraftInput } from '../dossiers/draft';
import { translate } from '../i18n';
import type { Clue } from './clue';
import { redactReporter } from './reporter';

/**
 * The dossier a clue becomes when it is opened (立项): the clue's matter, source and
 * subjects, linked back through links.clueId. The reporter stays with the clue: the
 * dossier travels in packages, the reporter's identity must not.
 */
export function dossierDraftFromClue(
  clue: Clue,
  choice: {
    kind: DossierKind;
    handlerIds: string[];
    subjectIds: string[];
    supervisedOrganIds: string[];
    registeredOn: string;
    deadline?: string;
  },
): DossierDraftInput {
  const enterprise = enterpriseLine(clue);
  return {
    title: redactReporter(clue.title, clue.reporter),
    kind: choice.kind,
    source: clue.source,
    subjectIds: choice.subjectIds,
    supervisedOrganIds: choice.supervisedOrganIds,
    handlerIds: choice.handlerIds,
    registeredOn: choice.registeredOn,
    ...(choice.deadline ? { deadline: choice.deadline } : {}),
    priority: clue.priority,
    confidentiality: 'internal',
    summary: redactReporter(`${clue.content}${enterprise}`, clue.reporter).slice(0, 5000),
    legalBasis: '',
    tags: [],
    clueId: clue.id,
  };
}

function enterpriseLine(clue: Clue): string {
  const e = clue.enterprise;
  if (!e) return '';
  return `\n涉及企业：${e.name}${e.creditCode ? `（统一社会信用代码 ${e.creditCode}）` : ''}`;
}

/** 来源 in the words of an official document, whatever the clerk's language. */
export function sourceLabelZh(source: Clue['source']): string {
  return translate('zh-CN', `dossiers.sources.${source}`);
}

/**
 * What the clue referral letter (问题线索移送函) is filled from. Only the matter: the
 * reporter's identity is never put into a letter that leaves the office.
 */
export function clueReferralSource(clue: Clue): DocumentSource {
  const referral = clue.referral;
  return {
    matter: {
      title: redactReporter(clue.title, clue.reporter),
      number: clue.number,
      source: `${sourceLabelZh(clue.source)}（${clue.receivedOn.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日')}收到）`,
    },
    facts: redactReporter(`${clue.content}${enterpriseLine(clue)}`, clue.reporter),
    ...(referral ? { recipient: { name: referral.to }, deadlines: { reply: referral.replyDue } } : {}),
  };
}
