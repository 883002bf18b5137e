import type { DocumentFormat, DocumentType } from './types';

/**
 * The neutral document model: what a document says and where each part goes, in GB/T
 * 9704 terms, with every string already in its printed form. The DOCX and HTML renderers
 * draw the same model, so the Word file and the PDF cannot disagree.
 */

/** The typefaces GB/T 9704 assigns to document elements; renderers map them to fonts. */
export type FontRole = 'fang' | 'hei' | 'kai' | 'song' | 'title';

export interface Run {
  text: string;
  font?: FontRole;
  bold?: boolean;
}

/** Heading levels: 一、(黑体) → （一）(楷体) → 1.(仿宋) → （1）(仿宋). */
export type HeadingLevel = 1 | 2 | 3 | 4;

export type Block =
  /** A body paragraph in 3号仿宋, first line indented two characters. */
  | { kind: 'paragraph'; runs: Run[]; indent: boolean }
  /** A heading: `text` in the level's face, `tail` continuing in the body face. */
  | { kind: 'heading'; level: HeadingLevel; text: string; tail: string }
  | { kind: 'table'; columns: string[]; rows: string[][] };

export interface SignatureBlock {
  /** 发文机关署名. */
  organ: string;
  /** 成文日期 in Chinese form, e.g. 2026年11月27日. */
  date: string;
  /** Right indents in body characters: the date sits 4 in, the organ centred over it. */
  organRightChars: number;
  dateRightChars: number;
  /** Leave room for the seal (印章) pressed over the organ and date. */
  seal: boolean;
}

export interface DocumentModel {
  type: DocumentType;
  format: DocumentFormat;
  /** 发文机关标志, printed in red. */
  organMark: string;
  /** 发文字号, e.g. 青司执监意〔2026〕3号; a draft's has a blank sequence. */
  number: string;
  /** 签发人 of an upward document, or null. */
  signer: string | null;
  title: string;
  /** 主送机关 including its closing full-width colon, or null. */
  recipient: string | null;
  body: Block[];
  /** 附件说明 items, without their numbers. */
  attachments: string[];
  signature: SignatureBlock;
  /** 附注, already in parentheses. */
  note: string | null;
  /** 抄送 organs joined with full-width commas and ending with 。, or null. */
  copyTo: string | null;
  /** 印发机关 and 印发日期 (…印发); the letter format has none. */
  printing: { organ: string; date: string } | null;
  /** Drafts show their number blank and the seal area outlined. */
  draft: boolean;
}
